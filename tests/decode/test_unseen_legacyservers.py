"""Unseen formats, older servers and appliances: IMail's own errors and its stage phrases, Lotus Notes'
hop count, Domino's French notice and other documented reasons, Courier's DNS failures, Messaging
Server's illegal host name, fml's refusal told in the body, Active!hunter, MX Logic's non-SMTP
failures, Barracuda, MailMarshal with two recipients and Apache James 2.3's unindented blocks.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('legacyservers/activehunter-mailbox-full.eml', [
        ('tama@example.org', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('legacyservers/apachejames-bounce.eml', [
        ('kijitora@example.org', '', '550', '', 'mailboxfull', False),
    ]),
    ('legacyservers/barracuda-two-recipients.eml', [
        ('kijitora@example.jp', '5.7.1', '550', '', 'spamdetected', False),
        ('mike@example.jp', '5.7.1', '554', '', 'blocked', False),
    ]),
    ('legacyservers/courier-dns-violates-rfc1035.eml', [
        ('neko@brokendns.example', '5.0.0', '', '', 'systemerror', False),
    ]),
    ('legacyservers/courier-no-such-domain.eml', [
        ('neko@nxdomain.example', '5.0.0', '', '', 'hostunknown', True),
    ]),
    ('legacyservers/domino-cannot-route.eml', [
        ('paul@example.fr', '', '', '', 'filtered', False),
    ]),
    ('legacyservers/domino-french.eml', [
        ('jean.martin@example.fr', '', '', '', 'userunknown', True),
    ]),
    ('legacyservers/domino-several-matches.eml', [
        ('martin@example.fr', '', '', '', 'systemerror', False),
    ]),
    ('legacyservers/fml-status-report-not-member.eml', [
        ('cats@example.org', '', '', '', 'rejected', False),
    ]),
    ('legacyservers/imail-data-response.eml', [
        ('eve@example.net', '5.7.1', '554', 'DATA', 'virusdetected', False),
    ]),
    ('legacyservers/imail-own-errors.eml', [
        ('nobody@nohost.example', '', '', '', 'hostunknown', True),
        ('late@example.org', '', '', '', 'expired', False),
        ('full@example.org', '', '', '', 'mailboxfull', False),
    ]),
    ('legacyservers/imail-remote-responses.eml', [
        ('dan@example.net', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('legacyservers/mailmarshal-two-recipients.eml', [
        ('kijitora@example.jp', '5.2.2', '552', '', 'mailboxfull', False),
        ('mike@example.jp', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('legacyservers/messagingserver-illegal-host.eml', [
        ('neko@bad_host..example', '5.1.3', '', '', 'hostunknown', True),
    ]),
    ('legacyservers/mxlogic-three-failures.eml', [
        ('kijitora@example.co.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('neko@nowhere.example', '', '', '', 'hostunknown', True),
        ('tama@nosmtp.example', '', '', '', 'notaccept', True),
    ]),
    ('legacyservers/notes-hop-count.eml', [
        ('loop@example.co.jp', '', '', '', 'networkerror', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
