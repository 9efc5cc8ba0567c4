"""Unseen formats, DNSBL refusals: Spamhaus listings in the words of Exim, Sendmail, Exchange Online, qmail,
Haraka and MDaemon, and a reputation refusal that names no list.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('dnsbl/postfix-dnsbl-wordings.eml', [
        ('a1@mx-exim.example', '5.0.0', '550', 'RCPT', 'blocked', False),
        ('a2@mx-sendmail.example', '5.7.1', '550', 'MAIL', 'blocked', False),
        ('a3@mx-exchange.example', '5.7.1', '550', 'RCPT', 'blocked', False),
        ('a4@mx-qmail.example', '5.0.0', '553', 'MAIL', 'blocked', False),
        ('a5@mx-haraka.example', '5.7.1', '550', 'RCPT', 'blocked', False),
        ('a6@mx-mdaemon.example', '5.7.1', '554', 'RCPT', 'blocked', False),
        ('a7@mx-generic.example', '5.7.1', '554', 'RCPT', 'badreputation', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
