"""What a rescan hands to the explorer's list: big items in pieces, a full rescan turned into
what changed, and the status bar's account of it."""

from __future__ import annotations

from bouncetui.model import Bounce, make_token
from bouncetui.store.records import CachedFiles
from bouncetui.tui.records import RecordSet, Withdrawn
from bouncetui.tui.rescan import FullRescan, Tally, built, pieces


def record(n: int, origin: str = "", **changes: object) -> Bounce:
    recipient = "user%d@example.net" % n
    fields = dict(origin=origin or "/mail/cur/%d:2,S" % n, recipient=recipient, reason="userunknown",
                  token=make_token("news@example.org", recipient, 1795000000 + n, "m%d@example.org" % n))
    fields.update(changes)
    return Bounce(**fields)  # type: ignore[arg-type]


def test_big_items_are_cut_into_pieces_and_others_pass_as_they_are():
    files = [("/m/%d" % i, "h%d" % i, "t%d" % i) for i in range(7)]
    chunk = CachedFiles(None, files)  # type: ignore[arg-type]
    out = list(pieces([record(1), chunk, Withdrawn([(f[0], [f[2]]) for f in files])], 3))
    assert out[0] == record(1)
    assert [type(p).__name__ for p in out[1:]] == ["CachedFiles"] * 3 + ["Withdrawn"] * 3
    assert [f for p in out[1:4] for f in p.files] == files and all(len(p.files) <= 3 for p in out[1:])
    assert out[1].source is None  # the pieces build from the chunk's source


def test_a_full_rescan_gives_only_what_changed():
    records = RecordSet()
    records.add([record(1), record(2), record(3), record(4, origin="/mail/new/4")])
    again = [
        record(1),  # as it was: left out
        record(2, reason="mailboxfull"),  # edited: withdrawn, then comes again
        record(4, origin="/mail/cur/4:2,S"),  # renamed: a copy at its new place
        record(5),  # new
    ]  # record 3: gone
    out = list(FullRescan(records).changes(again, lambda: False))
    assert out[0] == Withdrawn([("/mail/cur/2:2,S", [record(2).token])]) and out[1] == again[1]
    assert out[2:4] == again[2:]
    assert sorted(out[4].files) == [("/mail/cur/3:2,S", [record(3).token]), ("/mail/new/4", [record(4).token])]
    tally = Tally(set(records.withdrawn))
    tally.new += len(records.add(out))
    tally.revived(records.take_revived())
    assert tally.summary(records.withdrawn) == "+1 new, 1 changed, -1 gone"
    live = [records[i] for i in range(len(records)) if i not in records.withdrawn]
    assert live == [record(1), record(2, reason="mailboxfull"), record(4, origin="/mail/cur/4:2,S"), record(5)]


def test_a_stopped_full_rescan_withdraws_nothing_it_did_not_reach():
    records = RecordSet()
    records.add([record(1), record(2)])
    assert list(FullRescan(records).changes([record(1)], lambda: True)) == []


def test_the_tally_says_nothing_changed_and_counts_a_row_back_from_before_as_new():
    tally = Tally({7})
    assert tally.summary({7}) == "nothing changed"
    tally.revived([7, 8])
    assert tally.summary({9}) == "+1 new, 1 changed, -1 gone"


def test_chunks_of_cached_records_are_built_before_they_reach_the_list():
    class Chunk:
        files = [("/m/1", "h1", "t1"), ("/m/2", "h2", "t2")]

        def build(self):
            return [record(1), record(2)]

    gone = Withdrawn([("/m/3", ["t3"])])
    assert list(built([Chunk(), gone, record(4)])) == [record(1), record(2), gone, record(4)]
