"""Unseen formats, other mail servers: MDaemon, hMailServer, Courier, Haraka, Zimbra (over quota, unknown
account), Dovecot's LDA quota, Dovecot's and Cyrus's Sieve rejections (disposition notifications), and an
Outlook-style text-only notice.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('servers/courier-rcpt.eml', [
        ('tina@example.org', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
    ]),
    ('servers/cyrus-sieve-reject.eml', [
        ('admissions@example.edu', '', '', '', 'filtered', False),
    ]),
    ('servers/dovecot-lda-quota-reject.eml', [
        ('wanda@example.org', '5.2.2', '', '', 'mailboxfull', False),
    ]),
    ('servers/haraka-bounce.eml', [
        ('ursula@example.com', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('servers/hmailserver-rcpt.eml', [
        ('rose@example.com', '5.7.1', '550', 'RCPT', 'blocked', False),
    ]),
    ('servers/mdaemon-rcpt-unknown.eml', [
        ('pavel@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('servers/outlook-style-text-only.eml', [
        ('max@example.com', '5.1.1', '550', '', 'userunknown', True),
        ('nina@example.org', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('servers/postfix-to-zimbra.eml', [
        ('lars@zimbra-example.org', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
        ('mona@zimbra-example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('servers/sieve-reject.eml', [
        ('yolanda@example.org', '', '', '', 'filtered', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


@pytest.mark.parametrize(("name", "decoder"), [
    ("servers/dovecot-lda-quota-reject.eml", "Dovecot"),
    ("servers/sieve-reject.eml", "Dovecot"),
    ("servers/cyrus-sieve-reject.eml", "Cyrus"),
])
def test_sieve_and_quota_rejections_name_their_server(name: str, decoder: str) -> None:
    (record,) = records(name)
    assert record.decodedby == decoder
    assert record.diagnosticcode  # the reason given, e.g. "Quota exceeded (mailbox for user is full)"
