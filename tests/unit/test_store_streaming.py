"""The store's scan as the explorer uses it: a big folder streamed, cached records first."""

from __future__ import annotations

from pathlib import Path

from bouncetui.model import Bounce, ScanError
from bouncetui.store import cache

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bounces"
ALICE = "1761955200.M100P1.mx1:2,S"  # the first message of cur/ by name


def bounces(items) -> list[Bounce]:
    items = list(items)
    assert not [i for i in items if isinstance(i, ScanError)]
    return items


def dicts(items) -> list[dict]:
    return [r.to_dict() for r in items]


def test_cached_first_lists_the_unchanged_records_before_a_new_message(store, maildir):
    bounces(store.scan([str(maildir)]))
    new = maildir / "cur" / "1000000000.M1P1.mx1:2,S"  # sorts before every other name
    new.write_bytes(b"X-Copy: new\n" + (maildir / "cur" / ALICE).read_bytes())
    in_order = bounces(store.scan([str(maildir)], use_cache=False))
    assert in_order[0].origin == str(new)  # the files' order: the new one first
    first = bounces(store.scan([str(maildir)], cached_first=True))
    new.unlink()
    new.write_bytes(b"X-Copy: newer\n" + (maildir / "cur" / ALICE).read_bytes())
    second = bounces(store.scan([str(maildir)], cached_first=True))
    for got in (first, second):
        assert got[-1].origin == str(new)  # decoded after every cached record came out
        assert sorted(map(str, dicts(got))) == sorted(map(str, dicts(in_order)))


def test_a_folder_bigger_than_the_look_ahead_streams_with_the_same_records(store, maildir, monkeypatch):
    monkeypatch.setattr(cache, "LIST_AHEAD", 3)  # the listing goes on while files are looked at
    monkeypatch.setattr(cache, "LOOKUP_FILES", 2)  # records fetched two files at a time
    cold = bounces(store.scan([str(maildir)]))
    progress: list[tuple[int, int]] = []
    warm = bounces(store.scan([str(maildir)], on_progress=lambda done, total: progress.append((done, total))))
    assert dicts(warm) == dicts(cold) == dicts(store.scan([str(maildir)], use_cache=False))
    assert progress[0] == (0, 12)  # a big folder's total: the files the cache knows under it
    assert progress[-1] == (12, 12)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert all(done <= total for done, total in progress)


def test_a_message_missing_from_the_cache_is_decoded_again_in_its_place(store, maildir):
    cold = bounces(store.scan([str(maildir)]))
    conn = store._conn
    (hashes,) = conn.execute("SELECT hashes FROM files WHERE path LIKE ?", ("%" + ALICE,)).fetchone()
    conn.execute("DELETE FROM messages WHERE hash = ?", (hashes,))
    warm = bounces(store.scan([str(maildir)]))
    assert dicts(warm) == dicts(cold)
