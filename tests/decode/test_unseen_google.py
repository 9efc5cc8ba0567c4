"""Unseen formats, Gmail and Google Workspace: Gmail's current replies as another MTA reports them (unsolicited
mail, unauthenticated sender, receiving too quickly, unusual rate, TLS required, over quota, no such
user), and Gmail's own reports (address not found, domain not found, blocked, delivery incomplete).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('google/gmail-sender-blocked.eml', [
        ('sue@example.net', '5.7.1', '554', '', 'blocked', False),
    ]),
    ('google/gmail-sender-delayed.eml', [
        ('ted@example.org', '4.4.1', '', '', 'expired', False),
    ]),
    ('google/gmail-sender-not-found.eml', [
        ('ivan@example.net', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('google/gmail-sender-nxdomain.eml', [
        ('rob@no-such-domain-example.com', '5.1.2', '', '', 'hostunknown', True),
    ]),
    ('google/postfix-to-gmail-delayed.eml', [
        ('reader.five@gmail.com', '4.2.1', '450', 'RCPT', 'ratelimited', False),
        ('reader.six@gmail.com', '4.7.28', '421', 'DATA', 'ratelimited', False),
        ('reader.seven@workspace-example.org', '4.7.0', '421', 'RCPT', 'failedstarttls', False),
    ]),
    ('google/postfix-to-gmail-failed.eml', [
        ('reader.one@gmail.com', '5.7.1', '550', 'DATA', 'spamdetected', False),
        ('reader.two@workspace-example.org', '5.7.26', '550', 'DATA', 'authfailure', False),
        ('reader.three@gmail.com', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('reader.four@gmail.com', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('google/postfix-to-gmail-sender-requirements.eml', [
        ('reader.eight@gmail.com', '5.7.27', '550', 'DATA', 'authfailure', False),
        ('reader.nine@gmail.com', '5.7.30', '550', 'DATA', 'authfailure', False),
        ('reader.ten@gmail.com', '5.7.32', '550', 'DATA', 'authfailure', False),
        ('reader.eleven@gmail.com', '5.4.5', '550', 'DATA', 'ratelimited', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
