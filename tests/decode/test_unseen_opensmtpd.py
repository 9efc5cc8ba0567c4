"""Unseen formats, OpenSMTPD 7: its "Delivery status notification: error" mail with the headers of the original.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('opensmtpd/opensmtpd.eml', [
        ('basil@example.net', '5.1.1', '550', '', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
