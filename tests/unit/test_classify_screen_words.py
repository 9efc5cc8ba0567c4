"""The stored screen words (classify/screen_words.json): what reading the patterns gives, for
every pattern the package screens, so that a process may look them up instead of reading them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bouncetui.classify import screen, screen_words


def _stored() -> dict:
    return json.loads(screen.WORDS_FILE.read_text(encoding="utf-8"))


def test_the_stored_words_are_those_of_the_patterns_the_package_screens_now() -> None:
    data = _stored()
    if data["python"] != "%d.%d" % sys.version_info[:2]:
        pytest.skip("screen_words.json was written by Python %s: this Python reads every pattern itself"
                    % data["python"])
    # a fresh process: this one has read patterns of its own (the tests') and keeps what it read
    fresh = subprocess.run(
        [sys.executable, "-c", "import sys; from bouncetui.classify import screen, screen_words; "
         "screen._stored = {}; sys.stdout.write(screen_words.render(screen_words.collect()))"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert fresh == screen.WORDS_FILE.read_text(encoding="utf-8"), (
        "classify/screen_words.json is out of date: run `python -m bouncetui.classify.screen_words`")


def test_stored_words_are_used_and_equal_to_reading_the_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _stored()["words"]
    pattern, flags, words = next(entry for entry in entries if entry[2])
    assert screen.read_words(pattern, flags) == tuple(words)
    # a stored entry answers without reading the pattern
    monkeypatch.setattr(screen, "_stored", {(pattern, flags): ("stored",)})
    screen._words_needed.cache_clear()
    try:
        assert screen._words_needed(pattern, flags) == ("stored",)
        # a pattern not stored is read as before
        assert screen._words_needed("mailbox (?:is )?full", 0) == ("mailbox full", "mailbox is full")
    finally:
        screen._words_needed.cache_clear()


def test_a_file_of_another_python_version_is_not_used(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    other = tmp_path / "screen_words.json"
    other.write_text(json.dumps({"python": "2.7", "words": [["x", 0, ["wrong"]]]}), encoding="utf-8")
    monkeypatch.setattr(screen, "WORDS_FILE", other)
    monkeypatch.setattr(screen, "_stored", None)
    assert screen.stored_words() == {}


def test_the_file_has_one_entry_a_line() -> None:
    text = screen_words.render([("a|b", 0, ("a", "b")), ("c", 2, ())])
    assert text.splitlines()[1:3] == ['  ["a|b", 0, ["a", "b"]],', '  ["c", 2, []]']
    assert json.loads(text)["words"] == [["a|b", 0, ["a", "b"]], ["c", 2, []]]
