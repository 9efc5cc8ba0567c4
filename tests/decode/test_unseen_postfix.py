"""Unseen formats, Postfix 3.x bounces as they read today: DSNs with "in reply to end of DATA command", SMTPUTF8 and TLS
failures, name service errors (permanent and "try again"), DNSBL refusals, Dovecot LMTP over quota,
and local(8) and expiry diagnostics (unknown user, a pipe command that died, a forwarding loop, size
limit, connection refused, greeting timeout) and TLS failures (handshake, certificate not verified).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('postfix/end-of-data-spam.eml', [
        ('bob@example.net', '5.7.1', '550', 'DATA', 'spamdetected', False),
    ]),
    ('postfix/host-not-found.eml', [
        ('erin@typo-example.com', '5.4.4', '', '', 'hostunknown', True),
        ('frank@example.org', '4.4.3', '', '', 'networkerror', False),
    ]),
    ('postfix/local-delivery.eml', [
        ('nobody-here@example.com', '5.1.1', '', '', 'userunknown', True),
        ('svc@example.com', '5.3.0', '', '', 'mailererror', False),
        ('loop@example.com', '5.4.6', '', '', 'networkerror', False),
        ('big@example.com', '5.3.4', '', '', 'emailtoolarge', False),
        ('late@example.org', '4.4.1', '', 'CONN', 'networkerror', False),
        ('slow@example.org', '4.4.2', '', 'CONN', 'expired', False),
    ]),
    ('postfix/smtputf8.eml', [
        ('josé@example.net', '5.6.7', '', '', 'contenterror', False),
    ]),
    ('postfix/spamhaus-and-lmtp-quota.eml', [
        ('hans@example.net', '5.7.1', '554', 'RCPT', 'blocked', False),
        ('ines@example.de', '5.2.2', '552', 'DATA', 'mailboxfull', False),
    ]),
    ('postfix/tls-failures.eml', [
        ('zora@legacy-example.net', '4.7.5', '', 'STARTTLS', 'failedstarttls', False),
        ('adam@pinned-example.org', '4.7.5', '', '', 'failedstarttls', False),
    ]),
    ('postfix/tls-required-expired.eml', [
        ('orders@example.com', '4.7.4', '', 'STARTTLS', 'failedstarttls', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
