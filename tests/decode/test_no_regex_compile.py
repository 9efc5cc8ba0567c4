"""Decoding compiles no regular expression per message: every pattern is compiled at import.

`re.search(pattern_string, text)` looks the pattern up in the re module's cache of 512 entries on
every call, and recompiles it once more than 512 distinct patterns have passed through the cache
(the classification tables alone hold hundreds). Here every fixture and sample message is decoded
once to import and warm everything, then again while `re._compile` records each pattern given as
a string by the decoding modules: there must be none.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from bouncetui.decode import decode
from bouncetui.sources import RawMessage, iter_messages
from tests.conftest import SAMPLE_MAIL

HERE = Path(__file__).resolve().parent
ROOTS = [HERE / "fixtures", HERE.parent / "fixtures" / "bounces", SAMPLE_MAIL]
DECODING = str(Path(__file__).resolve().parents[2] / "bouncetui" / "decode")


def raw_messages() -> list[bytes]:
    found = []
    for root in ROOTS:
        if root.exists():
            found.extend(item.data for item in iter_messages(str(root)) if isinstance(item, RawMessage))
    return found


def decode_all(messages: list[bytes]) -> int:
    records = 0
    for raw in messages:
        try:
            records += len(decode(raw, "x"))
        except Exception:  # noqa: BLE001 - limits and broken input are other tests' concern
            continue
    return records


def test_decoding_compiles_no_pattern_per_message(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = raw_messages()
    assert len(messages) > 100
    assert decode_all(messages) > 100  # imports every decoder and fills every lazy table
    compiled: list[str] = []
    original = re._compile  # type: ignore[attr-defined]

    def recording(pattern, flags):  # type: ignore[no-untyped-def]
        if isinstance(pattern, (str, bytes)):
            caller = sys._getframe(2).f_code.co_filename  # the code that called re.search & co.
            if caller.startswith(DECODING):
                compiled.append("%s: %r" % (Path(caller).name, pattern))
        return original(pattern, flags)

    monkeypatch.setattr(re, "_compile", recording)
    decode_all(messages)
    assert compiled == []


def test_the_recorder_sees_a_pattern_given_as_a_string(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a string pattern used in a function is recorded."""
    seen: list[object] = []
    original = re._compile  # type: ignore[attr-defined]

    def recording(pattern, flags):  # type: ignore[no-untyped-def]
        seen.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(re, "_compile", recording)
    assert re.search(r"x+y", "axxy")
    assert r"x+y" in seen
