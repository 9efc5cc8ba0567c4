"""The explorer's first scan of a folder the index knows: every row it holds at once (before the
mail is looked at), then only what changed; the rows it ends with are those a fresh scan finds."""

from __future__ import annotations

import os
from pathlib import Path

from bouncetui.model import Bounce
from bouncetui.store import CachedFiles
from bouncetui.tui.backend import LISTED, StoreBackend
from bouncetui.tui.records import RecordSet, Withdrawn


def opened(maildir, db) -> tuple[list[object], RecordSet]:
    """The scan items of one opening (a new backend: the explorer started again) and its rows."""
    backend = StoreBackend([str(maildir)], db_path=str(db))
    try:
        items = list(backend.scan(lambda done, total: None, lambda: False))
    finally:
        backend.close()
    rows = RecordSet()
    rows.add(item for item in items if item is not LISTED)
    return items, rows


def shown(rows: RecordSet) -> list[tuple[str, int, str]]:
    return sorted((rows[i].origin, rows[i].position, rows[i].to_json()) for i in range(len(rows)) if i not in rows.withdrawn)


def test_an_unchanged_folder_is_listed_from_the_index_and_nothing_follows(maildir, tmp_path):
    _, first = opened(maildir, tmp_path / "x.db")
    items, again = opened(maildir, tmp_path / "x.db")
    assert isinstance(items[0], CachedFiles) and items[-1] is LISTED  # nothing changed: nothing after
    assert shown(again) == shown(first)


def test_what_changed_since_is_withdrawn_and_comes_again(maildir, tmp_path):
    db = tmp_path / "x.db"
    _, before = opened(maildir, db)
    files = sorted(p for p in maildir.rglob("*") if p.is_file())
    gone, edited = files[0], files[-1]
    gone.unlink()
    edited.write_bytes(edited.read_bytes().replace(b"Subject:", b"Subject: again", 1))
    os.utime(edited, (2_000_000_000, 2_000_000_000))
    items, after = opened(maildir, db)
    assert items.index(LISTED) < min(i for i, item in enumerate(items) if isinstance(item, Withdrawn))
    withdrawn = {path for item in items if isinstance(item, Withdrawn) for path, _tokens in item.files}
    assert withdrawn == {str(gone), str(edited)}
    _, fresh = opened(maildir, tmp_path / "fresh.db")
    assert shown(after) == shown(fresh)
    assert after.live == fresh.live < before.live + 1
    assert not any(isinstance(item, Bounce) and item.origin != str(edited) for item in items)  # only it decoded


def test_messages_renamed_by_a_mail_client_keep_their_rows_at_their_new_names(maildir, tmp_path):
    db = tmp_path / "x.db"
    _, before = opened(maildir, db)
    for path in sorted(maildir.glob("cur/*")):  # every message marked as replied to
        os.rename(path, path.with_name(path.name.split(":2,")[0] + ":2,RS"))
    items, after = opened(maildir, db)
    assert not any(isinstance(item, Bounce) for item in items)  # nothing decoded again
    _, fresh = opened(maildir, tmp_path / "fresh.db")
    assert shown(after) == shown(fresh) and after.live == before.live
    assert all(":2,RS" in rows_origin for rows_origin, _p, _j in shown(after) if "/cur/" in rows_origin)


def test_a_rescan_gives_only_what_changed_since_the_scan_before(maildir, tmp_path):
    """The explorer's R (and --watch): the same backend scans again; unchanged files are left
    out, and the rows it ends with are those a fresh scan finds. An edited message (the same
    bounce) and a message the mail client renamed keep their rows."""
    backend = StoreBackend([str(maildir)], db_path=str(tmp_path / "x.db"))
    try:
        rows = RecordSet()
        rows.add(item for item in backend.scan(lambda done, total: None, lambda: False) if item is not LISTED)
        assert backend.rescans_changes
        items = list(backend.scan(lambda done, total: None, lambda: False))
        assert items == []  # nothing changed: nothing comes
        index = {rows[i].origin: i for i in range(len(rows)) if i not in rows.duplicates}  # found once
        gone, edited, renamed = [Path(origin) for origin in sorted(index) if "/cur/" in origin][:3]
        gone.unlink()
        edited.write_bytes(edited.read_bytes().replace(b"Subject:", b"Subject: again", 1))
        os.utime(edited, (2_000_000_000, 2_000_000_000))
        moved = renamed.with_name(renamed.name.split(":2,")[0] + ":2,FRS")  # flagged
        os.rename(renamed, moved)
        new = maildir / "new" / "1799999999.M999P1.mx1"
        new.write_bytes(edited.read_bytes().replace(b"Message-ID: <", b"Message-ID: <another.", 1))
        items = list(backend.scan(lambda done, total: None, lambda: False))
    finally:
        backend.close()
    withdrawn = {path for item in items if isinstance(item, Withdrawn) for path, _tokens in item.files}
    assert withdrawn == {str(gone), str(edited), str(renamed)}
    assert {item.origin for item in items if isinstance(item, Bounce)} == {str(edited), str(new)}  # decoded
    rows.add(items)
    assert rows.take_revived() == [index[str(edited)]]  # the edited message's row shows it again
    assert rows.origins(index[str(renamed)])[0][0] == str(moved)  # the renamed one keeps its row
    assert index[str(gone)] in rows.withdrawn
    _, fresh = opened(maildir, tmp_path / "fresh.db")
    assert shown(rows) == shown(fresh)
