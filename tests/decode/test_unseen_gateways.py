"""Unseen formats, security gateways: Proofpoint (IP block, user unknown, spam), Mimecast (anti-spoofing,
envelope blocked by the recipient's own list, invalid recipient), Barracuda Reputation, Trend Micro
ERS and Cloudmark CSI refusals, an unacceptable-content refusal, and Mimecast's own "[Postmaster] Email Delivery Failure".
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('gateways/mimecast-postmaster-ndr.eml', [
        ('quentin@example.net', '5.7.1', '550', '', 'blocked', False),
    ]),
    ('gateways/postfix-to-gateways-2.eml', [
        ('gail@corp-g.example', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('hugh@corp-h.example', '5.7.1', '550', 'DATA', 'spamdetected', False),
        ('ida@corp-i.example', '5.0.0', '550', 'RCPT', 'userunknown', True),
        ('kay@corp-k.example', '5.7.1', '554', 'DATA', 'spamdetected', False),
    ]),
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
