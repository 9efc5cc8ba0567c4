"""Unseen formats, Microsoft Exchange on premises: Exchange 2003's Internet Mail Service notices
with their IMS error codes (both wordings of the notice), and Exchange 2007/2010's localised notices
(French, Italian, English) whose administrators' section holds each recipient's reply, QUEUE.Expired
among them, and a remote server's replies quoted for two recipients.

Exchange 2003's Ambiguous Recipient (000C0595) is a directory fault, systemerror, not a filter.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('exchange/exchange2003-could-not-be-reached.eml', [
        ('ann@corp.example.com', '', '', '', 'userunknown', True),
        ('fay@corp.example.com', '', '', '', 'systemerror', False),
    ]),
    ('exchange/exchange2003-ims-codes.eml', [
        ('ann@corp.example.com', '', '', '', 'userunknown', True),
        ('bob@corp.example.com', '', '', '', 'networkerror', False),
        ('cat@corp.example.com', '', '', '', 'systemerror', False),
        ('dan@corp.example.com', '', '', '', 'contenterror', False),
        ('eve@other.example.net', '', '', '', 'norelaying', False),
    ]),
    ('exchange/exchange2007-en-queue-expired.eml', [
        ('kim@branch.example.org', '4.3.0', '451', '', 'expired', False),
    ]),
    ('exchange/exchange2007-en-resolver-codes.eml', [
        ('all-staff@corp.example.com', '5.7.1', '550', '', 'securityerror', False),
        ('ops@corp.example.com', '5.5.3', '550', '', 'ratelimited', False),
        ('lee@nowhere.example', '5.4.4', '554', '', 'hostunknown', True),
    ]),
    ('exchange/exchange2007-fr-recipnotfound.eml', [
        ('jean.dupont@corp.example.com', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('exchange/exchange2007-it-recipsizelimit.eml', [
        ('marco.rossi@corp.example.com', '5.2.3', '550', '', 'emailtoolarge', False),
    ]),
    ('exchange/exchange2010-en-two-remote-replies.eml', [
        ('ann@partner.example.org', '5.1.1', '550', '', 'userunknown', True),
        ('bob@partner.example.org', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
