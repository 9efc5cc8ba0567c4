"""Unseen formats, security gateways: Proofpoint, Mimecast (anti-spoofing, envelope blocked by the recipient's
own list), Barracuda Reputation, Trend Micro ERS and Cloudmark CSI refusals.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('gateways/proofpoint-mimecast-barracuda.eml', [
        ('iris@corp-a.example', '5.7.1', '554', 'RCPT', 'blocked', False),
        ('jon@corp-b.example', '5.0.0', '550', 'DATA', 'policyviolation', False),
        ('kim@corp-c.example', '5.0.0', '550', 'RCPT', 'filtered', False),
        ('lou@corp-d.example', '5.0.0', '554', 'RCPT', 'blocked', False),
        ('max@corp-e.example', '5.7.1', '550', 'RCPT', 'blocked', False),
        ('ned@corp-f.example', '5.7.1', '554', 'RCPT', 'badreputation', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
