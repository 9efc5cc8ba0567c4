"""Unseen formats, Postfix 3.x: LMTP refusals of the mailbox servers behind it, their replies
wrapped over lines (Cyrus's multi-line "550-Mailbox unknown", Dovecot's "User doesn't exist",
Zimbra's "Over quota"), and Postfix's own words when it gives up: "delivery temporarily
suspended: connect to ...: Connection timed out" (expired), "message size N exceeds size limit N
of server HOST[IP]" (the remote server's advertised SIZE) and "conversation with HOST[IP] timed out
while sending end of data" (expired, at DATA); and a delay warning for a long address whose
"host NAME[IP] said:" Postfix wrapped onto the next line, with a greylisting reply (blocked, as
the classifier reads greylisting: the client refused until it retries); "mail for DOMAIN loops
back to myself" (the server's own configuration, systemerror) and a domain with no address
("Name service error for name=... type=A: Host not found", hostunknown).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('postfix3/lmtp-cyrus-dovecot-zimbra.eml', [
        ('carl@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('dora@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('emil@example.org', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
    ]),
    ('postfix3/expired-suspended-and-size.eml', [
        ('gina@example.com', '4.4.1', '', 'CONN', 'expired', False),
        ('hank@example.net', '5.3.4', '', '', 'emailtoolarge', False),
        ('iris@example.info', '4.4.2', '', 'DATA', 'expired', False),
    ]),
    ('postfix3/loops-back-and-unknown-domain.eml', [
        ('viktor@branch.example.org', '5.4.6', '', '', 'systemerror', False),
        ('wanda@exampel-typo.com', '5.4.4', '', '', 'hostunknown', True),
    ]),
    ('postfix3/wrapped-host-and-greylist-delay.eml', [
        ('maximilian.oberhuber-schneider@engineering.subsidiary.example.com', '4.2.0', '450', 'RCPT', 'blocked',
         False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


def test_lmtp_replies_keep_their_host() -> None:
    assert [r.rhost for r in records('postfix3/lmtp-cyrus-dovecot-zimbra.eml')] == [
        'imap.example.org', 'imap.example.org', 'zimbra.example.org']


def test_wrapped_host_is_read() -> None:
    (rec,) = records('postfix3/wrapped-host-and-greylist-delay.eml')
    assert (rec.rhost, rec.action) == ('mx01.engineering.subsidiary.example.com', 'delayed')


def test_remote_host_postfix_names_in_its_own_words() -> None:
    """"connect to HOST[IP]", "of server HOST[IP]" (the size it advertised), "conversation with HOST[IP]"."""
    assert [r.rhost for r in records('postfix3/expired-suspended-and-size.eml')] == [
        'mx.example.com', 'mx.example.net', 'mx.example.info']
