"""The store's lazy scan as the explorer uses it: unchanged files' records come unbuilt (known by
origin, position and token), are built on demand into the same records, and are decoded again
from the mail when the cache lost them; the explorer's RecordSet counts, collapses and builds them."""

from __future__ import annotations

import os

from bouncetui.model import Bounce, ScanError
from bouncetui.store import CachedFiles
from bouncetui.tui.records import RecordSet

ALICE = "1761955200.M100P1.mx1:2,S"  # the first message of cur/ by name


def split(items) -> tuple[list[CachedFiles], list[Bounce], list[ScanError]]:
    items = list(items)
    return ([i for i in items if isinstance(i, CachedFiles)], [i for i in items if isinstance(i, Bounce)],
            [i for i in items if isinstance(i, ScanError)])


def built(chunks: list[CachedFiles]) -> list[Bounce]:
    return [record for chunk in chunks for record in chunk.build()]


def key(records) -> list[str]:
    return sorted(r.to_json() for r in records)


def test_unchanged_files_come_unbuilt_and_build_into_the_decoded_records(store, maildir):
    cold = [i for i in store.scan([str(maildir)]) if isinstance(i, Bounce)]
    chunks, decoded, errors = split(store.scan([str(maildir)], lazy=True))
    assert chunks and not decoded and not errors
    assert [r.to_json() for r in built(chunks)] == [r.to_json() for r in cold]  # the files' order too
    refs = [ref for chunk in chunks for ref in chunk.refs()]
    assert [(origin, position, token) for origin, position, _h, _k, token in refs] == \
        [(r.origin, r.position, r.token) for r in cold]


def test_a_changed_and_a_renamed_file_among_unbuilt_ones(store, maildir):
    list(store.scan([str(maildir)]))
    alice = maildir / "cur" / ALICE
    renamed = alice.with_name(ALICE.replace(":2,S", ":2,RS"))
    os.rename(alice, renamed)  # a flag change: the same message, known by its unique name
    changed = maildir / "new" / "1764061200.M110P1.mx1"
    changed.write_bytes(b"X-Changed: yes\n" + changed.read_bytes())
    truth = key(i for i in store.scan([str(maildir)], use_cache=False) if isinstance(i, Bounce))
    chunks, decoded, _ = split(store.scan([str(maildir)], lazy=True))
    assert {r.origin for r in decoded} == {str(changed)}  # only the changed file is decoded
    assert str(renamed) in {ref[0] for chunk in chunks for ref in chunk.refs()}
    assert key(built(chunks) + decoded) == truth
    chunks, decoded, _ = split(store.scan([str(maildir)], lazy=True))  # the new name and content were kept
    assert not decoded and key(built(chunks)) == truth


def test_records_the_cache_lost_are_decoded_again_from_the_mail(store, maildir):
    cold = [i for i in store.scan([str(maildir)]) if isinstance(i, Bounce)]
    chunks, _, _ = split(store.scan([str(maildir)], lazy=True))
    store.clear_cache()  # another bouncetui emptied it meanwhile
    assert [r.to_json() for r in built(chunks)] == [r.to_json() for r in cold]


def test_a_mailbox_file_gives_each_message_its_position(store, tmp_path, maildir):
    mbox = tmp_path / "mbox"
    with open(mbox, "wb") as out:
        for path in sorted((maildir / "cur").iterdir())[:3]:
            out.write(b"From MAILER-DAEMON Thu Nov 27 10:00:00 2025\n" + path.read_bytes().rstrip(b"\n") + b"\n\n")
    cold = [i for i in store.scan([str(mbox)]) if isinstance(i, Bounce)]
    assert {r.position for r in cold} == {1, 2, 3}
    chunks, decoded, _ = split(store.scan([str(mbox)], lazy=True))
    assert not decoded and [r.to_json() for r in built(chunks)] == [r.to_json() for r in cold]


def test_the_record_set_counts_collapses_and_builds_unbuilt_records(store, maildir, tmp_path):
    cold = [i for i in store.scan([str(maildir)]) if isinstance(i, Bounce)]
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "alice.eml").write_bytes((maildir / "cur" / ALICE).read_bytes())
    list(store.scan([str(copy)]))
    eager = RecordSet()
    eager.add(cold)
    rows = eager.records  # one row per token (the folder has a report twice)
    records = RecordSet()
    added = records.add(store.scan([str(maildir)], lazy=True))
    assert len(added) == len(records) == len(rows) and records.pending == len(rows)
    first = records[0]  # built when read
    assert first.to_json() == rows[0].to_json() and records.pending == len(rows) - 1
    assert records.add(store.scan([str(copy)], lazy=True)) == []  # the same report elsewhere: one row
    assert records.origins(0) == [*eager.origins(0), (str(copy / "alice.eml"), 1)]
    assert records.add(store.scan([str(maildir)], lazy=True)) == []  # scanned again: nothing new
    assert records.same_report(0) == eager.same_report(0)
    assert [records.origins(i) for i in range(len(rows))][1:] == [eager.origins(i) for i in range(len(rows))][1:]
    assert [r.to_json() for r in records.build_all()] == [r.to_json() for r in rows]
    assert records.pending == 0
