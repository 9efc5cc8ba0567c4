"""Terminal safety: text from mail is shown only after its control characters are neutralised.

A hostile bounce may carry ANSI/OSC escape sequences meant to retitle, clear or recolour the
user's terminal. Every C0 and C1 control character (ESC included) and the bidi overrides become a
visible stand-in; tabs and newlines become spaces in one-line fields.
"""

from __future__ import annotations

import re

# Every control character but tab and newline (which the two functions treat first), and the bidi
# marks and overrides.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _stand_in(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    if code < 0x20:
        return "^" + chr(code + 0x40)  # ESC -> ^[
    if code == 0x7F:
        return "^?"
    return "\ufffd"


def one_line(text: object) -> str:
    """Text for one cell or line: each tab and line break a space, other control characters made
    visible."""
    value = "" if text is None else str(text)
    value = value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _CONTROL.sub(_stand_in, value)


def multi_line(text: object) -> str:
    """Text of several lines: newlines and tabs kept, every other control character made visible."""
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(_stand_in, value)
