"""Unseen formats, webmail providers' own relays: AOL's bounceio relay (a missing user, a missing
domain, a broken DNS answer), Bigfoot's LiteMail transcript with a message/partial original, and
Facebook's response codes in its DSN (RCP-P1, POL-P5, MSG-P1).

AOL's "type=MX: Malformed or unexpected name server reply" is read as networkerror: a broken DNS
answer is a network failure, not a destination that accepts no mail (a peer's table says notaccept).
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('webmail/aol-bounceio-three-recipients.eml', [
        ('kuro@example.jp', '5.1.1', '550', '', 'userunknown', True),
        ('mike@nxdomain.example', '5.4.4', '', '', 'hostunknown', True),
        ('neko@broken-dns.example', '5.4.4', '', '', 'networkerror', False),
    ]),
    ('webmail/bigfoot-litemail-mailbox-full.eml', [
        ('taro@example.org', '5.2.2', '552', 'DATA', 'mailboxfull', False),
    ]),
    ('webmail/facebook-msg-p1.eml', [
        ('someone.else@facebook.com', '5.3.4', '550', '', 'emailtoolarge', False),
    ]),
    ('webmail/facebook-pol-p5.eml', [
        ('someone.else@facebook.com', '5.7.1', '550', '', 'virusdetected', False),
    ]),
    ('webmail/facebook-rcp-p1.eml', [
        ('someone.else@facebook.com', '5.1.1', '550', '', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
