"""Unseen formats, iCloud / Apple: user does not exist, [CS01] local policy and over quota, as Exim reports them.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('apple/exim-to-icloud.eml', [
        ('fay@icloud.com', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('gus@me.com', '5.7.1', '554', 'MAIL', 'blocked', False),
        ('hal@mac.com', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
