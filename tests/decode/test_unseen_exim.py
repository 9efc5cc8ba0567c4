"""Unseen formats, Exim 4.9x bounces: its multipart/report form ("Mail delivery failed: returning message to sender"),
retry-timeout expiry, multi-line remote replies, the delay warning, "Unrouteable address", a
forwarded address refused at MAIL FROM, a local quota, a mail loop, MX records pointing nowhere, lines too long and a failed TLS session.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('exim/alias-mail-from-rejected.eml', [
        ('kate@example.net', '5.7.1', '550', 'MAIL', 'rejected', False),
    ]),
    ('exim/blacklist-and-quota.eml', [
        ('pat@example.net', '5.0.0', '550', 'RCPT', 'blocked', False),
        ('quinn@example.org', '5.2.2', '552', 'DATA', 'mailboxfull', False),
    ]),
    ('exim/delay-warning.eml', [
        ('sam@example.net', '4.3.0', '451', 'RCPT', 'networkerror', False),
    ]),
    ('exim/local-and-unroutable.eml', [
        ('nosuch@example.invalid', '5.0.0', '', '', 'hostunknown', True),
        ('vic@host.example.com', '5.0.0', '', '', 'mailboxfull', False),
    ]),
    ('exim/rcpt-user-unknown.eml', [
        ('kate@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('exim/retry-timeout.eml', [
        ('mike@example.net', '5.0.0', '', '', 'expired', False),
        ('nora@example.com', '5.0.0', '', '', 'expired', False),
    ]),
    ('exim/transport-errors.eml', [
        ('vera@example.net', '5.0.0', '', '', 'networkerror', False),
        ('walt@dead-mx.example', '5.0.0', '', '', 'hostunknown', True),
        ('xavi@example.com', '5.0.0', '', '', 'contenterror', False),
        ('yann@tls-example.net', '5.0.0', '', '', 'failedstarttls', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
