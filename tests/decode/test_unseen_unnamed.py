"""Unseen formats, the unnamed MTAs (X1, X2, X3, X5, X6) and V5 Sendmail with several recipients each:
every recipient keeps its own error, X3's technical-details paragraphs are matched to the address
they name, X6's notice without its opening sentence is still read; V5 Sendmail's transcript ends at
"No message was collected" when the sender was refused before DATA.

An unknown-user reply without a stage or status (X1, X2) reads as the receive filter, as the
classifier reads such words everywhere.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('unnamed/v5sendmail-no-message-collected.eml', [
        ('kijitora@example.org', '', '501', 'MAIL', 'blocked', False),
    ]),
    ('unnamed/v5sendmail-two-recipients.eml', [
        ('kijitora@example.org', '', '550', 'RCPT', 'userunknown', True),
        ('mike@example.org', '', '552', 'RCPT', 'mailboxfull', False),
    ]),
    ('unnamed/x1-mail-deliver-system.eml', [
        ('kijitora@example.co.jp', '', '', '', 'filtered', False),
        ('mike@example.co.jp', '', '', '', 'mailboxfull', False),
        ('nobody@nx.example.co.jp', '', '', '', 'hostunknown', True),
    ]),
    ('unnamed/x2-three-recipients.eml', [
        ('kijitora@example.com', '', '', '', 'filtered', False),
        ('mike@example.com', '', '', '', 'suspend', False),
        ('tama@example.com', '', '', '', 'mailboxfull', False),
    ]),
    ('unnamed/x3-technical-details.eml', [
        ('kijitora@example.com', '5.3.0', '553', 'RCPT', 'userunknown', True),
        ('mike@example.co.jp', '', '', '', 'expired', False),
        ('tama@example.org', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('unnamed/x5-nested-dsn-two-recipients.eml', [
        ('kuro@example.net', '5.1.1', '550', '', 'userunknown', True),
        ('mike@example.net', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('unnamed/x6-two-errors.eml', [
        ('kijitora@example.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('mike@example.org', '5.7.1', '554', 'DATA', 'spamdetected', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
