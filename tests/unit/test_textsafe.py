"""Text from mail reaches the terminal only with its control characters neutralised."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bouncetui.textsafe import multi_line, one_line

BIDI = {0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def dangerous(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F or code in BIDI


def test_escape_sequences_become_visible():
    assert one_line("\x1b]0;pwned\x07title") == "^[]0;pwned^Gtitle"
    assert one_line("a\x7fb\x9bc\u202ed") == "a^?b\ufffdc\ufffdd"


def test_one_line_turns_tabs_and_line_breaks_into_spaces():
    assert one_line("a\tb\r\nc\nd") == "a b  c d"
    assert one_line(None) == ""


def test_multi_line_keeps_lines_and_tabs():
    assert multi_line("a\tb\r\nc\rd\x1b") == "a\tb\nc\nd^["


@given(st.text())
def test_nothing_dangerous_gets_through(text):
    assert not any(dangerous(ch) for ch in one_line(text))
    assert not any(dangerous(ch) for ch in multi_line(text) if ch not in "\n\t")
