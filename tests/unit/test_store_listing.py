"""The index's listing of a folder (what the explorer shows at once when it opens a folder again):
the files a scan lists, named as it names them, in its order, a screenful first."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from bouncetui.sources import iter_files
from bouncetui.store import CachedFiles, Store, listing
from bouncetui.store.cache import whole
from bouncetui.store.listing import list_files
from bouncetui.store.records import NO_RECORD
from bouncetui.store.schema import connect
from bouncetui.tui.backend import LISTED, StoreBackend

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bounces" / "cur"
# Names whose order in a folder's listing is not the order of their paths: a folder named as a
# sibling up to a character below '/' ('b' and 'b 2', 'b-c', 'b.txt') lists its files in its place.
TREE = ("a.txt", "b/x1", "b/x2", "b 2/y", "b 2/y.eml", "b-c", "b.txt", "b.txt.d/z", "c/d/e", "c/d.f", "c-1", "c.txt")


def tree(root: Path) -> Path:
    """A folder of bounces (one fixture message copied) under the names of TREE."""
    bounce = sorted(FIXTURE.iterdir())[0].read_bytes()
    for name in TREE:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bounce)
    return root


def insert(conn, rows: list[tuple[str, str, str]]) -> None:
    """File rows (path, hashes, token words) in the index, as if a scan had left them."""
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO files (path, size, mtime, uniq, hashes, tokens) VALUES (?, 1, 1.0, NULL, ?, ?)", rows)
    conn.execute("COMMIT")


def scanned(store: Store, root: str) -> list[str]:
    """The files a scan of `root` lists, in its order (the scan fills the index)."""
    list(store.scan([root]))
    return [entry.path for entry in iter_files(root)]


def listed(store: Store, root: str) -> list[list[str]]:
    return [[file[0] for file in chunk.files] for chunk in store.cached_listing([root])]


def test_the_listing_is_in_the_order_a_scan_lists_the_folder(store, tmp_path):
    root = str(tree(tmp_path / "mail"))
    order = scanned(store, root)
    assert order.index(root + "/b/x1") < order.index(root + "/b 2/y") < order.index(root + "/b.txt")  # as named
    assert sum(listed(store, root), []) == order


def test_a_folder_of_more_than_ten_thousand_messages_is_in_the_same_order_cold_and_warm(store, tmp_path):
    """A scan lists a big folder in the order of its names (not in blocks of names in the order
    the system gives them), as the index does when it is opened again."""
    names = ["%d.M%dP1.host:2,S" % (1700000000 + i, i) for i in range(10_050)]
    random.Random(5).shuffle(names)  # created in another order than their names'
    folder = tmp_path / "Maildir" / "cur"
    folder.mkdir(parents=True)
    (tmp_path / "Maildir" / "new").mkdir()
    for name in names:
        (folder / name).write_bytes(b"x")
    cold = [entry.path for entry in iter_files(str(tmp_path / "Maildir"))]
    assert cold == sorted(str(folder / name) for name in names)
    conn = connect(store.path)
    try:
        insert(conn, [(path, "h%d" % i, "t%d" % i) for i, path in enumerate(cold)])  # each one message, one record
    finally:
        conn.close()
    assert sum(listed(store, str(tmp_path / "Maildir")), []) == cold


@pytest.mark.parametrize("first", range(1, len(TREE) + 1))
def test_a_first_screenful_comes_alone_and_is_the_top_of_the_list(store, tmp_path, first):
    root = str(tree(tmp_path / "mail"))
    order = scanned(store, root)
    conn = connect(store.path)
    try:
        chunks = [[file[0] for file in chunk] for chunk in list_files(conn, root, first)]
    finally:
        conn.close()
    assert chunks[0] == order[:first]
    assert sum(chunks, []) == order and len(chunks) == (1 if first == len(order) else 2)


def test_a_folder_given_by_a_relative_path_is_listed_under_that_name(store, tmp_path, monkeypatch):
    tree(tmp_path / "mail")
    monkeypatch.chdir(tmp_path)
    order = scanned(store, "mail/")
    assert order[0].startswith("mail/")
    assert sum(listed(store, "mail/"), []) == order
    assert sum(listed(store, str(tmp_path / "mail")), []) == [str(tmp_path / path) for path in order]


HASHES = ("h1", "h1 h2", "h1 h2 h3")
WORDS = ("-", "", "!", "?", "t1", "t1,t2", "t1 t2", "t1 !", "? t2", "- t2", "t1 t2 t3", "t1  t2", " t1", "t1 ",
         "- -", "t1,t2 t3", "t1 - t3")


@pytest.mark.parametrize("odd", [None, *((h, w) for h in HASHES for w in WORDS)])
def test_only_files_whose_token_words_name_every_record_are_listed(store, tmp_path, odd):
    """What is listed is what cache.whole says (and no file without a record): among many files
    of one message and one record, one of another kind (None: all of them at once)."""
    kinds = [(h, w) for h in HASHES for w in WORDS] if odd is None else [("h0", "t0")] * 5 + [odd] + [("h9", "t9,t8")]
    rows = [("%s/mail/%02d" % (tmp_path, i), h, w) for i, (h, w) in enumerate(kinds)]
    conn = connect(store.path)
    try:
        insert(conn, rows)
        got = sum(list_files(conn, str(tmp_path / "mail")), [])
    finally:
        conn.close()
    assert got == [row for row in rows if row[2] != NO_RECORD and whole(row[1], row[2])]
    assert odd is not None or {row[2] for row in got} >= {"t1", "t1,t2 t3", "t1 - t3"}


def test_a_file_opened_as_the_path_is_listed_alone(store, tmp_path):
    path = str(tree(tmp_path / "mail") / "a.txt")
    assert listed(store, path) == []  # nothing indexed yet
    list(store.scan([path]))
    assert listed(store, path) == [[path]]


def test_the_explorer_gets_the_first_screenful_before_the_rest_is_read(maildir, tmp_path, monkeypatch):
    """StoreBackend hands the listing on chunk by chunk, as it is read."""
    db = tmp_path / "x.db"
    with Store(db) as store:
        order = scanned(store, str(maildir))
    monkeypatch.setattr(listing, "FIRST_FILES", 2)
    rest_read = threading.Event()
    gate = threading.Event()
    real = Store.cached_listing

    def slow(self, paths):
        for i, chunk in enumerate(real(self, paths)):
            if i:
                gate.wait(30)
                rest_read.set()
            yield chunk

    monkeypatch.setattr(Store, "cached_listing", slow)
    backend = StoreBackend([str(maildir)], db_path=str(db))
    try:
        items = backend.scan(lambda done, total: None, lambda: False)
        first = next(items)
        assert isinstance(first, CachedFiles) and not rest_read.is_set()
        gate.set()
        rest = list(items)
    finally:
        gate.set()
        backend.close()
    chunks = [first, *rest[: rest.index(LISTED)]]
    assert [len(chunk.files) for chunk in chunks][0] == 2
    paths = [file[0] for chunk in chunks for file in chunk.files]
    assert paths == [path for path in order if path in set(paths)] and len(paths) > 2
    assert rest[rest.index(LISTED) + 1 :] == []  # nothing changed since


def test_a_listing_that_fails_falls_back_to_a_scan_without_the_index(maildir, tmp_path, monkeypatch):
    from bouncetui.model import Bounce
    from bouncetui.store import StoreError
    from bouncetui.tui.backend import ScanBackend

    db = tmp_path / "x.db"
    with Store(db) as store:
        scanned(store, str(maildir))

    def broken(self, paths):
        raise StoreError("database disk image is malformed")
        yield  # a generator, as the listing is

    monkeypatch.setattr(Store, "cached_listing", broken)
    backend = StoreBackend([str(maildir)], db_path=str(db))
    try:
        items = list(backend.scan(lambda done, total: None, lambda: False))
    finally:
        backend.close()
    plain = ScanBackend([str(maildir)]).scan(lambda done, total: None, lambda: False)
    assert "could not be used" in backend.fallback_warning and LISTED not in items
    assert [item.to_json() for item in items if isinstance(item, Bounce)] == [
        item.to_json() for item in plain if isinstance(item, Bounce)]
