"""Writing a small file whole or not at all (the explorer's choices, the code fingerprint)."""

from __future__ import annotations

import os

from bouncetui.wholefile import write_whole


def test_the_text_replaces_the_file_and_its_folder_is_made(tmp_path):
    path = tmp_path / "state" / "tui.json"
    assert write_whole(str(path), "first")
    assert write_whole(str(path), "second, longer")
    assert path.read_text() == "second, longer"
    assert os.listdir(path.parent) == ["tui.json"]  # no temporary file left


def test_a_place_that_cannot_be_written_leaves_nothing(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert not write_whole(str(blocker / "tui.json"), "text")
    assert blocker.read_text() == "not a folder"
    assert os.listdir(tmp_path) == ["a-file"]
