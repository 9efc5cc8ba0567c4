"""Unseen formats, Microsoft 365 / Exchange Online and on-premises Exchange NDRs: the current text+HTML NDR with "Diagnostic information for administrators",
its documented codes (5.7.708, 5.4.1 access denied, 5.7.606-649, 5.2.2, 5.7.509, 4.4.7), the
"Error Details" layout, a delay notice, Exchange directory (IMCEAEX) Final-Recipients, a Japanese NDR, Exchange (English and German) 2010-2019 on premises, and outlook.com's and EOP's replies
(S3150 block list, 4.7.650 IP reputation, mailbox unavailable) as Postfix reports them.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('microsoft/4.4.7-delivery-delayed.eml', [
        ('kim@example.net', '4.4.7', '400', '', 'expired', False),
    ]),
    ('microsoft/4.4.7-expired.eml', [
        ('adam@example.net', '4.4.2', '', '', 'expired', False),
    ]),
    ('microsoft/5.2.2-mailbox-full.eml', [
        ('zoe@contoso-example.com', '5.2.2', '554', '', 'mailboxfull', False),
    ]),
    ('microsoft/5.2.2-submission-quota.eml', [
        ('gwen@example.net', '5.2.2', '554', '', 'ratelimited', False),
    ]),
    ('microsoft/5.4.1-access-denied.eml', [
        ('xena@fabrikam-example.com', '5.4.1', '550', '', 'userunknown', True),
    ]),
    ('microsoft/5.7.501-spam-abuse.eml', [
        ('hank@example.net', '5.7.501', '550', '', 'blocked', False),
    ]),
    ('microsoft/5.7.509-dmarc.eml', [
        ('bella@example.com', '5.7.509', '550', '', 'authfailure', False),
    ]),
    ('microsoft/5.7.520-external-forwarding.eml', [
        ('iona@example.net', '5.7.520', '550', '', 'policyviolation', False),
    ]),
    ('microsoft/5.7.606-banned-ip.eml', [
        ('yuri@example.org', '5.7.606', '550', '', 'blocked', False),
    ]),
    ('microsoft/5.7.708-traffic-not-accepted.eml', [
        ('walter@example.net', '5.7.708', '550', '', 'blocked', False),
    ]),
    ('microsoft/error-details-layout.eml', [
        ('fred.old@fabrikam-example.com', '5.1.10', '550', '', 'userunknown', True),
    ]),
    ('microsoft/exchange-online-japanese.eml', [
        ('dai@example.net', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('microsoft/exchange2010-onprem-recipnotfound.eml', [
        ('ethan.former@corp.example.org', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('microsoft/exchange2016-onprem-german.eml', [
        ('chloe@example.net', '5.7.1', '550', '', 'policyviolation', False),
    ]),
    ('microsoft/exchange2016-onprem-remote-reject.eml', [
        ('chloe@example.net', '5.7.1', '550', '', 'policyviolation', False),
    ]),
    ('microsoft/imceaex-final-recipient.eml', [
        ('zoe@contoso-example.com', '5.2.2', '554', '', 'mailboxfull', False),
    ]),
    ('microsoft/imceaex-without-original.eml', [
        ('zoe@contoso-example.com', '5.2.2', '554', '', 'mailboxfull', False),
    ]),
    ('microsoft/postfix-to-outlook-deferred.eml', [
        ('ed@outlook.com', '4.7.650', '451', 'MAIL', 'badreputation', False),
    ]),
    ('microsoft/postfix-to-outlook.eml', [
        ('alan@outlook.com', '5.5.0', '550', 'RCPT', 'userunknown', True),
        ('beth@hotmail.com', '5.7.1', '550', 'MAIL', 'blocked', False),
        ('carl@live.com', '5.7.1', '550', 'MAIL', 'blocked', False),
        ('dora@fabrikam-example.com', '5.4.1', '550', 'RCPT', 'userunknown', True),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
