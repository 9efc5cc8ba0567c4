"""Amazon WorkMail notices: RFC 3464 fields written in the text part."""

from __future__ import annotations

from bouncetui import decode

NOTICE = b"""\
From: MAILER-DAEMON@us-east-1.amazonses.com
To: olga@corp.example
Subject: Delivery Status Notification (Failure)
Date: Mon, 09 Nov 2026 08:00:00 +0000
X-Mailer: Amazon WorkMail
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="W"

--W
Content-Type: text/plain; charset=UTF-8

An error occurred while trying to deliver the mail to the following recipients:
paul@isp.example.net

Technical report:

Reporting-MTA: dsn; a9-1.smtp-out.us-east-1.amazonses.com
Action: failed
Final-Recipient: rfc822; paul@isp.example.net
Diagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>
Status: 4.4.7

--W
Content-Type: message/rfc822

From: Olga <olga@corp.example>
To: paul@isp.example.net
Subject: Invoice
Message-ID: <invoice-3@corp.example>

Attached
--W--
"""


def test_fields_in_the_text_part_and_the_last_remote_reply():
    (record,) = decode(NOTICE, "workmail.eml")
    assert record.decodedby == "AmazonWorkMail"
    assert record.recipient == "paul@isp.example.net"
    assert (record.deliverystatus, record.replycode) == ("4.4.2", "421")
    assert record.lhost == "a9-1.smtp-out.us-east-1.amazonses.com"
    assert record.messageid == "invoice-3@corp.example"
    assert record.reason == "expired"


def test_without_the_workmail_header_it_is_not_claimed():
    other = NOTICE.replace(b"X-Mailer: Amazon WorkMail\n", b"")
    assert all(r.decodedby != "AmazonWorkMail" for r in decode(other, "x.eml"))
