"""A rescan reads the cached file rows as it goes (store.cache.Known), a few at a time, and still
finds every unchanged file, decodes every changed one, forgets every deleted one, and keeps the
rows it writes, whatever the order of the folder's names against the table's."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bouncetui.model import ScanError
from bouncetui.pipeline import scan as scan_uncached
from bouncetui.store import cache

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bounces" / "cur"


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = cache.decode_raw

    def spy(message, *args, **kwargs):
        calls.append(message.origin)
        return real(message, *args, **kwargs)
    monkeypatch.setattr(cache, "decode_raw", spy)
    return calls


@pytest.fixture(autouse=True)
def few_rows_at_a_time(monkeypatch):
    monkeypatch.setattr(cache, "KNOWN_ROWS", 2)


def tree(root: Path) -> list[Path]:
    """Messages in nested folders, with a folder named as a file's name up to a '.' (below the
    separator: 'b/' comes before 'b.eml' in the folder's listing, after it in the table)."""
    messages = sorted(FIXTURE.iterdir())
    places = ["a.eml", "b.eml", "b/c.eml", "b/d.eml", "b-e.eml", "f/g/h.eml", "f/i.eml", "j.eml", "k.eml"]
    out = []
    for place, message in zip(places, messages):
        target = root / place
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(message, target)
        out.append(target)
    return out


def dicts(items) -> list[dict]:
    items = list(items)
    assert not [i for i in items if isinstance(i, ScanError)]
    return [r.to_dict() for r in items]


def cached_paths(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {path for (path,) in conn.execute("SELECT path FROM files")}
    finally:
        conn.close()


def test_rescans_read_rows_a_few_at_a_time_and_miss_nothing(store, tmp_path, decoded):
    root = tmp_path / "mail"
    files = tree(root)
    assert dicts(store.scan([str(root)])) == dicts(scan_uncached([str(root)]))
    decoded.clear()
    assert dicts(store.scan([str(root)])) == dicts(scan_uncached([str(root)]))
    assert decoded == []  # every unchanged file found, in whatever order it came
    files[1].unlink()  # b.eml
    files[3].write_bytes(files[3].read_bytes() + b"\n")  # b/d.eml changed
    (root / "b" / "added.eml").write_bytes(files[0].read_bytes() + b"\n\n")  # new content
    decoded.clear()
    assert dicts(store.scan([str(root)])) == dicts(scan_uncached([str(root)]))
    assert sorted(decoded) == sorted([str(files[3]), str(root / "b" / "added.eml")])
    assert str(files[1]) not in cached_paths(store.path)  # a deleted file is forgotten
    decoded.clear()
    dicts(store.scan([str(root)]))
    assert decoded == []  # the rows the last scan wrote were kept


def test_a_lazy_rescan_lists_every_file_from_the_cache(store, tmp_path, decoded):
    root = tmp_path / "mail"
    tree(root)
    expected = dicts(store.scan([str(root)]))
    decoded.clear()
    items = list(store.scan([str(root)], lazy=True))
    assert decoded == []
    built = [record for item in items for record in (item.build() if hasattr(item, "build") else [item])]
    key = lambda r: (r["origin"], r["position"])  # noqa: E731
    assert sorted(dicts(built), key=key) == sorted(expected, key=key)
