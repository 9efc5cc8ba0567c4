"""Unseen formats, filtering gateways and appliances: amavisd-new's blocked replies by contents
category (a banned attachment is policyviolation, not spam), McAfee's and MessageLabs' missing-user
wordings, MessageLabs' notice without a delivery-status part, MailFoundry's per-recipient blocks,
SurfControl's transcript, InterScan MSS's Japanese notice and m-FILTER's refusal at RCPT with its
"original mail info" trailer.

A missing-user reply relayed without its SMTP stage or a status (McAfee, MailFoundry, SurfControl)
reads as the receive filter, as the classifier reads such words everywhere.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('cloudgateways/amavis-bad-header.eml', [
        ('neko@example.jp', '5.6.3', '554', '', 'contenterror', False),
    ]),
    ('cloudgateways/amavis-banned.eml', [
        ('neko@example.jp', '5.7.0', '554', '', 'policyviolation', False),
    ]),
    ('cloudgateways/amavis-infected.eml', [
        ('neko@example.jp', '5.7.0', '554', '', 'virusdetected', False),
        ('tama@example.jp', '5.7.0', '554', '', 'virusdetected', False),
    ]),
    ('cloudgateways/amavis-next-hop.eml', [
        ('neko@example.jp', '5.3.5', '550', '', 'systemerror', False),
    ]),
    ('cloudgateways/amavis-oversized.eml', [
        ('neko@example.jp', '5.3.4', '552', '', 'emailtoolarge', False),
    ]),
    ('cloudgateways/amavis-spam.eml', [
        ('neko@example.jp', '5.7.0', '554', '', 'spamdetected', False),
    ]),
    ('cloudgateways/interscanmss-japanese.eml', [
        ('neko@example.co.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('tama@example.co.jp', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
    ]),
    ('cloudgateways/mailfoundry-two-reasons.eml', [
        ('kijitora@example.org', '5.2.2', '552', '', 'mailboxfull', False),
        ('mike@example.org', '', '550', '', 'filtered', False),
    ]),
    ('cloudgateways/mcafee-three-wordings.eml', [
        ('mike@example.co.jp', '5.1.1', '550', '', 'userunknown', True),
        ('tora@example.co.jp', '', '550', '', 'filtered', False),
        ('shiro@example.co.jp', '', '550', '', 'filtered', False),
    ]),
    ('cloudgateways/messagelabs-text-only.eml', [
        ('sora@example.org', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('cloudgateways/messagelabs-two-recipients.eml', [
        ('kijitora@example.org', '5.0.0', '542', '', 'userunknown', True),
        ('mike@example.org', '5.0.0', '550', '', 'userunknown', True),
    ]),
    ('cloudgateways/mfilter-rcpt-original-mail-info.eml', [
        ('tora@example.co.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
    ]),
    ('cloudgateways/surfcontrol-two-addresses.eml', [
        ('kijitora@example.com', '', '550', '', 'filtered', False),
        ('mike@example.com', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
