"""The index cache: rescans, Maildir renames, deletions, mailbox growth and decoder-version changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bouncetui
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import scan as scan_uncached
from bouncetui.store import Store, cache

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bounces"
ALICE = "1761955200.M100P1.mx1"  # a Maildir unique name in cur/ (flags :2,S)
GRACE = "1764061200.M110P1.mx1"  # in new/


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    """The origins of the messages the cache hands to the decoders."""
    calls: list[str] = []
    real = cache.decode_raw

    def spy(message, *args, **kwargs):
        calls.append(message.origin)
        return real(message, *args, **kwargs)
    monkeypatch.setattr(cache, "decode_raw", spy)
    return calls


def forbid_reading(monkeypatch) -> None:
    def refuse(path, *args, **kwargs):
        raise AssertionError("the cache read %s" % path)
    monkeypatch.setattr(cache, "read_file", refuse)


def records(items) -> list[Bounce]:
    items = list(items)
    assert not [i for i in items if isinstance(i, ScanError)]
    return items


def by_recipient(items) -> dict[str, list[Bounce]]:
    out: dict[str, list[Bounce]] = {}
    for r in items:
        out.setdefault(r.recipient, []).append(r)
    return out


def test_cached_scan_gives_what_the_decoders_give(store, maildir):
    cold = records(store.scan([str(maildir)]))
    warm = records(store.scan([str(maildir)]))
    direct = records(scan_uncached([str(maildir)]))
    assert len(cold) == 11
    assert [r.to_dict() for r in cold] == [r.to_dict() for r in direct] == [r.to_dict() for r in warm]


def test_rescan_of_an_unchanged_maildir_reads_no_message(store, maildir, monkeypatch, decoded):
    cold = records(store.scan([str(maildir)]))
    decoded.clear()
    forbid_reading(monkeypatch)
    warm = records(store.scan([str(maildir)]))
    assert decoded == []
    assert warm == cold


def test_unchanged_means_same_size_and_mtime(store, maildir):
    """A file rewritten behind the cache's back with the same size and mtime is not re-read."""
    records(store.scan([str(maildir)]))
    path = maildir / "cur" / (ALICE + ":2,S")
    st = path.stat()
    path.write_bytes(b"x" * st.st_size)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    warm = by_recipient(records(store.scan([str(maildir)])))
    assert len(warm["alice@example.net"]) == 2  # still decoded from the cache


def test_a_changed_file_is_decoded_again(store, maildir, decoded):
    records(store.scan([str(maildir)]))
    decoded.clear()
    path = maildir / "cur" / "1763629260.M105P1.mx1:2,S"
    path.write_bytes(path.read_bytes().replace(b"carol@example.com", b"carol.new@example.com"))
    warm = by_recipient(records(store.scan([str(maildir)])))
    assert decoded == [str(path)]
    assert "carol.new@example.com" in warm and "carol@example.com" not in warm


def test_flag_rename_keeps_records_and_tokens_without_reading(store, maildir, monkeypatch, decoded):
    before = by_recipient(records(store.scan([str(maildir)])))
    old = maildir / "cur" / (ALICE + ":2,S")
    new = maildir / "cur" / (ALICE + ":2,RS")
    old.rename(new)
    decoded.clear()
    forbid_reading(monkeypatch)
    after = by_recipient(records(store.scan([str(maildir)])))
    assert decoded == []
    assert [r.token for r in after["alice@example.net"]] == [r.token for r in before["alice@example.net"]]
    assert str(new) in {r.origin for r in after["alice@example.net"]}
    assert str(old) not in {r.origin for r in after["alice@example.net"]}


def test_move_from_new_to_cur_keeps_the_token(store, maildir, monkeypatch, decoded):
    before = by_recipient(records(store.scan([str(maildir)])))["grace@nowhere.example"][0]
    target = maildir / "cur" / (GRACE + ":2,S")
    (maildir / "new" / GRACE).rename(target)
    decoded.clear()
    forbid_reading(monkeypatch)
    after = by_recipient(records(store.scan([str(maildir)])))["grace@nowhere.example"]
    assert decoded == []
    assert [(r.token, r.origin) for r in after] == [(before.token, str(target))]


def test_rename_with_a_new_mtime_is_checked_by_hash_not_decoded(store, maildir, decoded):
    before = by_recipient(records(store.scan([str(maildir)])))["grace@nowhere.example"][0]
    target = maildir / "cur" / (GRACE + ":2,S")
    (maildir / "new" / GRACE).rename(target)
    os.utime(target, (1_800_000_000, 1_800_000_000))
    decoded.clear()
    after = by_recipient(records(store.scan([str(maildir)])))["grace@nowhere.example"]
    assert decoded == []  # read and hashed, found in the cache
    assert [r.token for r in after] == [before.token]


def test_deleted_messages_drop_out_and_their_triage_stays(store, maildir):
    erin = by_recipient(records(store.scan([str(maildir)])))["erin@example.com"][0]
    store.set_triage([erin.token], state="investigating", note="asked the list owner")
    (maildir / "cur" / "1763802000.M107P1.mx1:2,S").unlink()
    after = by_recipient(records(store.scan([str(maildir)])))
    assert "erin@example.com" not in after
    assert store.triage([erin.token])[erin.token].note == "asked the list owner"


def test_a_message_deleted_then_restored_is_found_again(store, maildir, tmp_path):
    path = maildir / "cur" / "1763802000.M107P1.mx1:2,S"
    records(store.scan([str(maildir)]))
    shutil.move(path, tmp_path / "aside")
    assert "erin@example.com" not in by_recipient(records(store.scan([str(maildir)])))
    shutil.move(tmp_path / "aside", path)
    assert "erin@example.com" in by_recipient(records(store.scan([str(maildir)])))


def test_scanning_one_folder_forgets_nothing_of_another(store, maildir, tmp_path, monkeypatch, decoded):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy2(maildir / "cur" / "1763629260.M105P1.mx1:2,S", other / "carol.eml")
    records(store.scan([str(maildir)]))
    records(store.scan([str(other)]))
    decoded.clear()
    forbid_reading(monkeypatch)
    assert len(records(store.scan([str(maildir)]))) == 11
    assert decoded == []


def mbox_of(*paths: Path) -> bytes:
    return b"".join(b"From MAILER-DAEMON Sun Nov  1 00:00:00 2026\n" + p.read_bytes() + b"\n" for p in paths)


def test_a_grown_mailbox_decodes_only_its_new_messages(store, tmp_path, decoded):
    cur = FIXTURE / "cur"
    mbox = tmp_path / "bounces.mbox"
    mbox.write_bytes(mbox_of(cur / "1761987600.M102P1.mx1:2,RS", cur / "1762592400.M103P1.mx1:2,S"))
    first = records(store.scan([str(mbox)]))
    assert [r.position for r in first] == [1, 2]
    decoded.clear()
    with open(mbox, "ab") as fh:
        fh.write(mbox_of(cur / "1763629200.M104P1.mx1:2,S"))
    second = records(store.scan([str(mbox)]))
    assert len(decoded) == 1
    assert [r.position for r in second] == [1, 2, 3]
    assert [r.token for r in second[:2]] == [r.token for r in first]


def test_identical_messages_are_decoded_once(store, tmp_path, decoded):
    folder = tmp_path / "copies"
    folder.mkdir()
    for name in ("a.eml", "b.eml"):
        shutil.copy2(FIXTURE / "cur" / "1763629260.M105P1.mx1:2,S", folder / name)
    found = records(store.scan([str(folder)]))
    assert len(decoded) == 1
    assert [r.origin for r in found] == [str(folder / "a.eml"), str(folder / "b.eml")]
    assert found[0].token == found[1].token


def test_decoder_version_change_empties_the_cache_and_keeps_triage(tmp_path, maildir, monkeypatch, decoded):
    db = tmp_path / "bouncetui.db"
    with Store(db) as store:
        alice = records(store.scan([str(maildir)]))[0]
        store.set_triage([alice.token], state="suppress")
    monkeypatch.setattr(bouncetui, "__version__", bouncetui.__version__ + ".post1")
    decoded.clear()
    with Store(db) as store:
        again = records(store.scan([str(maildir)]))
        assert len(decoded) == 12  # every message, the non-bounce too
        assert store.triage()[alice.token].state == "suppress"
        assert again[0].token == alice.token


def test_scan_without_cache_neither_reads_nor_writes_it(store, maildir, decoded):
    assert len(records(store.scan([str(maildir)], use_cache=False))) == 11
    decoded.clear()
    records(store.scan([str(maildir)]))
    assert len(decoded) == 12  # nothing was cached by the first scan


def test_unreadable_file_is_an_error_and_the_scan_goes_on(store, maildir):
    path = maildir / "cur" / "broken.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip")
    items = list(store.scan([str(maildir)]))
    errors = [i for i in items if isinstance(i, ScanError)]
    assert [e.origin for e in errors] == [str(path)]
    assert len([i for i in items if isinstance(i, Bounce)]) == 11
    assert [e.origin for e in store.scan([str(maildir)]) if isinstance(e, ScanError)] == [str(path)]


def test_progress_counts_files(store, maildir):
    seen: list[tuple[int, int]] = []
    records(store.scan([str(maildir)], on_progress=lambda done, total: seen.append((done, total))))
    assert seen[0] == (0, 12) and seen[-1] == (12, 12)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_maildir_unique_name():
    assert cache.maildir_unique_name("/m/cur/123.M1P2.host:2,RS") == "123.M1P2.host"
    assert cache.maildir_unique_name("/m/new/123.M1P2.host") == "123.M1P2.host"
    assert cache.maildir_unique_name("/m/mh/17") is None


def test_an_error_from_a_limit_is_cached_only_for_those_limits(store, maildir, decoded):
    from bouncetui.limits import Limits

    tight = Limits(max_parts=2)  # every report here has more MIME parts than that
    items = list(store.scan([str(maildir)], limits=tight))
    assert [i for i in items if isinstance(i, ScanError)] and not [i for i in items if isinstance(i, Bounce)]
    decoded.clear()
    list(store.scan([str(maildir)], limits=tight))
    assert decoded == []  # the same limits: the same errors, from the cache
    assert len(records(store.scan([str(maildir)]))) == 11  # the default limits: decoded again


def test_a_scan_does_not_write_into_a_cache_another_version_took_over(tmp_path, maildir, monkeypatch, decoded):
    db = tmp_path / "bouncetui.db"
    old = Store(db)
    scanning = old.scan([str(maildir)])
    next(scanning)  # the old version's scan has begun
    monkeypatch.setattr(bouncetui, "__version__", bouncetui.__version__ + ".post1")
    Store(db).close()  # a newer bouncetui opens the database: the cache is emptied
    list(scanning)
    assert any("another version" in w for w in old.warnings)
    old.close()
    decoded.clear()
    with Store(db) as new:
        records(new.scan([str(maildir)]))
    assert len(decoded) == 12  # nothing the old version decoded was left for the new one


OPERATIONS = ("flag", "to_cur", "delete", "edit", "grow", "touch", "copy")


def apply(op: str, index: int, folder: Path, step: int) -> None:
    """One change a mail client or a person makes to a Maildir."""
    files = sorted(p for sub in ("cur", "new") for p in (folder / sub).iterdir())
    if not files:
        return
    path = files[index % len(files)]
    if op == "flag":
        base, _, flags = path.name.partition(":2,")
        path.rename(path.with_name(base + ":2," + ("" if "R" in flags else "R" + flags)))
    elif op == "to_cur" and path.parent.name == "new":
        path.rename(folder / "cur" / (path.name + ":2,S"))
    elif op == "delete":
        path.unlink()
    elif op == "edit":
        path.write_bytes(path.read_bytes().replace(b"example", b"exemple", 1))
    elif op == "grow":
        path.write_bytes(b"X-Seen: %d\n" % step + path.read_bytes())
    elif op == "touch":
        os.utime(path, (1_800_000_000 + step, 1_800_000_000 + step))
    elif op == "copy":
        shutil.copy2(path, folder / "new" / ("%d.copy%d.mx1" % (1_800_000_000 + step, step)))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 20)), min_size=1, max_size=5))
def test_the_cache_always_gives_what_a_fresh_scan_gives(tmp_path_factory, steps):
    base = tmp_path_factory.mktemp("changes")
    folder = base / "Maildir"
    shutil.copytree(FIXTURE, folder)
    with Store(base / "db") as store:
        records(store.scan([str(folder)]))
        for step, (op, index) in enumerate(steps):
            apply(op, index, folder, step)
            cached = [r.to_dict() for r in store.scan([str(folder)])]
            fresh = [r.to_dict() for r in scan_uncached([str(folder)])]
            assert cached == fresh, "after %s" % steps[: step + 1]
