"""Exchange Online NDRs: the administrators' section alone, or completing the DSN part."""

from __future__ import annotations

from bouncetui import decode

TEXT_ONLY = b"""\
From: <postmaster@contoso.example>
To: uma@contoso.example
Subject: Undeliverable: Budget
Date: Thu, 12 Nov 2026 08:00:00 +0000
X-MS-Exchange-Message-Is-Ndr:
X-MS-Exchange-CrossTenant-Id: 00000000-0000-0000-0000-000000000000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Delivery has failed to these recipients or groups:

victor@fabrikam.example<mailto:victor@fabrikam.example>
The email address wasn't found at the destination domain.

Diagnostic information for administrators:

Generating server: AB1PR01MB0001.eurprd01.prod.outlook.com

victor@fabrikam.example
mx.fabrikam.example
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'

Original message headers:

From: Uma <uma@contoso.example>
To: victor@fabrikam.example
Subject: Budget
Message-ID: <budget-11@contoso.example>
"""

WITH_DSN = b"""\
From: Microsoft Outlook <postmaster@outlook.com>
To: wendy@outlook.example
Subject: Undeliverable: Trip
Date: Thu, 12 Nov 2026 09:00:00 +0000
X-MS-Exchange-Message-Is-Ndr:
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="M"

--M
Content-Type: text/plain; charset="us-ascii"

mx.travel.example rejected your message to the following email addresses:

xena@travel.example (xena@travel.example)<mailto:xena@travel.example>

Diagnostic information for administrators:

Generating server: SG2PR01MB0002.apcprd01.prod.outlook.com

xena@travel.example
mx.travel.example
Remote Server returned '552 5.2.2 Mailbox full'

--M
Content-Type: message/delivery-status

Reporting-MTA: dns;SG2PR01MB0002.apcprd01.prod.outlook.com

Final-Recipient: rfc822;xena@travel.example
Action: failed
Status: 5.2.2
X-Display-Name: Xena

--M
Content-Type: message/rfc822

From: Wendy <wendy@outlook.example>
To: xena@travel.example
Subject: Trip
Message-ID: <trip-2@outlook.example>

Hi
--M--
"""


def test_text_only_ndr():
    (record,) = decode(TEXT_ONLY, "o365.eml")
    assert record.decodedby == "Office365"
    assert record.recipient == "victor@fabrikam.example"
    assert (record.deliverystatus, record.replycode) == ("5.1.10", "550")
    assert record.diagnosticcode.startswith("550 5.1.10 RESOLVER.ADR.RecipientNotFound")
    assert record.rhost == "mx.fabrikam.example"
    assert record.lhost == "ab1pr01mb0001.eurprd01.prod.outlook.com"
    assert record.messageid == "budget-11@contoso.example"


def test_dsn_part_completed_by_the_administrators_section():
    (record,) = decode(WITH_DSN, "o365.eml")
    assert record.decodedby == "Office365"
    assert record.recipient == "xena@travel.example"
    assert (record.deliverystatus, record.replycode) == ("5.2.2", "552")
    assert record.diagnosticcode == "552 5.2.2 Mailbox full"
    assert record.rhost == "mx.travel.example"
    assert record.reason == "mailboxfull"


def test_on_premises_exchange_is_not_claimed():
    onprem = TEXT_ONLY.replace(b"X-MS-Exchange-CrossTenant-Id: 00000000-0000-0000-0000-000000000000\n", b"")
    onprem = onprem.replace(b"AB1PR01MB0001.eurprd01.prod.outlook.com", b"exch01.contoso.example")
    assert all(r.decodedby != "Office365" for r in decode(onprem, "x.eml"))
