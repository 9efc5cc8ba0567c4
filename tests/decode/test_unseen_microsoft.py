"""Unseen formats, Microsoft 365 / Exchange Online and on-premises Exchange NDRs: the current text+HTML NDR with "Diagnostic information for administrators",
its documented codes (5.7.708, 5.4.1 access denied, 5.7.606-649, 5.2.2, 5.7.509, 4.4.7), and
Exchange 2010-2019 on premises.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('microsoft/4.4.7-expired.eml', [
        ('adam@example.net', '4.4.2', '', '', 'expired', False),
    ]),
    ('microsoft/5.2.2-mailbox-full.eml', [
        ('zoe@contoso-example.com', '5.2.2', '554', '', 'mailboxfull', False),
    ]),
    ('microsoft/5.4.1-access-denied.eml', [
        ('xena@fabrikam-example.com', '5.4.1', '550', '', 'userunknown', True),
    ]),
    ('microsoft/5.7.509-dmarc.eml', [
        ('bella@example.com', '5.7.509', '550', '', 'authfailure', False),
    ]),
    ('microsoft/5.7.606-banned-ip.eml', [
        ('yuri@example.org', '5.7.606', '550', '', 'blocked', False),
    ]),
    ('microsoft/5.7.708-traffic-not-accepted.eml', [
        ('walter@example.net', '5.7.708', '550', '', 'blocked', False),
    ]),
    ('microsoft/exchange2010-onprem-recipnotfound.eml', [
        ('ethan.former@corp.example.org', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('microsoft/exchange2016-onprem-remote-reject.eml', [
        ('chloe@example.net', '5.7.1', '550', '', 'policyviolation', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
