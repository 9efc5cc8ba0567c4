"""Unseen formats, qmail-send (netqmail / notqmail): a remote refusal, a host not found and a local missing mailbox.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('qmail/qmail-send.eml', [
        ('xena@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('yves@nonexistent-example.invalid', '5.1.2', '', '', 'hostunknown', True),
        ('zack@example.com', '5.1.1', '', '', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
