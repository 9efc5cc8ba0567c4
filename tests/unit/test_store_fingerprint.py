"""The decoding-code fingerprint in the cache version: remembered between starts, never stale."""

from __future__ import annotations

import os
from pathlib import Path

from bouncetui.store import schema


def make_package(root: Path) -> None:
    (root / "decode").mkdir(parents=True)
    (root / "decode" / "rules.py").write_text("RULE = 'user unknown'\n")
    (root / "data.json").write_text('{"a": 1}\n')
    (root / "tui").mkdir()
    (root / "tui" / "app.py").write_text("VIEW = 1\n")  # a view: not covered


def test_a_remembered_fingerprint_equals_the_hashed_one(tmp_path):
    root = tmp_path / "pkg"
    make_package(root)
    remember = str(tmp_path / "fp.txt")
    hashed = schema.fingerprint(str(root))
    assert schema.fingerprint(str(root), remember) == hashed
    assert os.path.exists(remember)
    assert schema.fingerprint(str(root), remember) == hashed  # now read back


def test_an_edit_keeping_size_and_mtime_still_changes_the_fingerprint(tmp_path):
    root = tmp_path / "pkg"
    make_package(root)
    remember = str(tmp_path / "fp.txt")
    before = schema.fingerprint(str(root), remember)
    rules = root / "decode" / "rules.py"
    st = rules.stat()
    rules.write_text("RULE = 'user UNKNOWN'\n")  # same size
    os.utime(rules, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the mtime set back
    after = schema.fingerprint(str(root), remember)
    assert after != before
    assert after == schema.fingerprint(str(root))


def test_a_new_decoder_file_changes_it_and_a_view_does_not(tmp_path):
    root = tmp_path / "pkg"
    make_package(root)
    remember = str(tmp_path / "fp.txt")
    before = schema.fingerprint(str(root), remember)
    (root / "tui" / "app.py").write_text("VIEW = 2\n")
    assert schema.fingerprint(str(root), remember) == before
    (root / "decode" / "more.py").write_text("X = 1\n")
    assert schema.fingerprint(str(root), remember) != before


def test_a_damaged_or_unwritable_memory_is_ignored(tmp_path):
    root = tmp_path / "pkg"
    make_package(root)
    hashed = schema.fingerprint(str(root))
    remember = tmp_path / "fp.txt"
    remember.write_bytes(b"\xff\xfe garbage")
    assert schema.fingerprint(str(root), str(remember)) == hashed
    assert schema.fingerprint(str(root), str(tmp_path / "missing" / "dir" / "fp.txt")) == hashed
    (tmp_path / "file").write_text("")
    assert schema.fingerprint(str(root), str(tmp_path / "file" / "fp.txt")) == hashed  # cannot be written
