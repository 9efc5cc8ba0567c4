"""Shared by the test_unseen_* modules: hand-written bounces in today's formats of each MTA and
provider (tests/decode/fixtures/unseen/FAMILY/), decoded and compared field by field."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode
from bouncetui.model import Bounce

FIXTURES = Path(__file__).parent / "fixtures" / "unseen"
FIELDS = ("recipient", "deliverystatus", "replycode", "command", "reason", "hardbounce")

# (recipient, status, reply code, SMTP command, reason, hard bounce)
Expected = tuple[str, str, str, str, str, bool]


def records(name: str) -> list[Bounce]:
    path = FIXTURES / name
    return decode(path.read_bytes(), str(path))


def check(name: str, expected: list[Expected]) -> None:
    """Every record of the fixture, in order, has exactly the expected fields."""
    got = [tuple(getattr(r, f) for f in FIELDS) for r in records(name)]
    assert got == expected
