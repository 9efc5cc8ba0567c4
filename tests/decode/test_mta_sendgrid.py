"""SendGrid bounce reports: DSN fields plus the stage and remote host from SendGrid's text line."""

from __future__ import annotations

from bouncetui import decode

REPORT = b"""\
From: MAILER-DAEMON@relay.sender.example
To: bounces+123-abc-sam=isp.example.net@sendgrid.example
Subject: Undelivered Mail Returned to Sender
Date: Wed, 11 Nov 2026 08:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="G"

--G
Content-Type: text/plain

This is an automatically generated message from SendGrid.

I'm sorry to have to tell you that your message was not able to be
delivered to one of its intended recipients.

sam:000001:<sam@isp.example.net> : 192.0.2.10 : mx.isp.example.net:[198.51.100.3] : 550 5.1.1 <sam@isp.example.net>... User unknown  in RCPT TO

--G
Content-Type: message/delivery-status

X-SendGrid-QueueID: 000001
Arrival-Date: 2026-11-11 07-59-00

Final-Recipient: rfc822; sam@isp.example.net
Original-Recipient: rfc822; sam@isp.example.net
Action: failed
Status: 5.1.1
Diagnostic-Code: 550 5.1.1 <sam@isp.example.net>... User unknown

--G
Content-Type: message/rfc822

From: Shop <news@sender.example>
To: sam@isp.example.net
Subject: Deals
Message-ID: <deals-8@sender.example>

Hi
--G--
"""


def test_sendgrid_report_gives_stage_host_and_codes():
    (record,) = decode(REPORT, "sendgrid.eml")
    assert record.decodedby == "SendGrid"
    assert record.recipient == "sam@isp.example.net"
    assert (record.deliverystatus, record.replycode, record.command) == ("5.1.1", "550", "RCPT")
    assert record.rhost == "mx.isp.example.net"
    assert record.addresser == "news@sender.example"
    assert record.reason == "userunknown"
