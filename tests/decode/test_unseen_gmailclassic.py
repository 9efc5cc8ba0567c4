"""Unseen formats, Gmail's older plain-text notices ("Technical details of permanent failure"): the
SMTP stage read from its "(state N)" suffix (13 the greeting, 14 RCPT, 17 after DATA), its own DNS
and connection failures.

"No such user here" after DATA (state 17) is the receive filter; "Access denied" at the greeting
(state 13) stays securityerror, as the dev corpus labels it.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('gmailclassic/gmail-did-not-accept-connect.eml', [
        ('eve@example.net', '', '', '', 'expired', False),
    ]),
    ('gmailclassic/gmail-dns-domain-not-found.eml', [
        ('dan@nxdomain.example', '', '', '', 'hostunknown', True),
    ]),
    ('gmailclassic/gmail-state-13-access-denied.eml', [
        ('ann@example.org', '5.7.1', '550', 'EHLO', 'securityerror', False),
    ]),
    ('gmailclassic/gmail-state-14-mailbox-full.eml', [
        ('cat@example.org', '5.2.2', '550', 'RCPT', 'mailboxfull', False),
    ]),
    ('gmailclassic/gmail-state-17-no-such-user.eml', [
        ('bob@example.org', '', '550', 'DATA', 'filtered', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
