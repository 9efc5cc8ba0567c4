"""SES inbound reports: fields with Original-Recipient after Final-Recipient stay one recipient."""

from __future__ import annotations

from bouncetui import decode

REPORT = b"""\
From: postmaster@mail.example.org
To: quinn@sender.example
Subject: Delivery Status Notification (Failure)
Date: Tue, 10 Nov 2026 08:00:00 +0000
X-SES-Outgoing: 2026.11.10-192.0.2.77
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="I"

--I
Content-Type: text/plain; charset=us-ascii

This message could not be delivered.

--I
Content-Type: message/delivery-status

Reporting-MTA: dns; inbound-smtp.eu-west-1.amazonaws.com
Arrival-Date: Tue, 10 Nov 2026 07:59:00 UTC

Action: failed
Final-Recipient: rfc822; rita@mail.example.org
Original-Recipient: rfc822; rita@mail.example.org
Diagnostic-Code: smtp; 552 5.3.4 Message too large
Status: 5.3.4

--I
Content-Type: text/rfc822-headers

From: Quinn <quinn@sender.example>
To: rita@mail.example.org
Subject: Photos
Message-ID: <photos-5@sender.example>

--I--
"""


def test_one_recipient_with_its_status_and_reply():
    (record,) = decode(REPORT, "rses.eml")
    assert record.decodedby == "ReceivingSES"
    assert record.recipient == "rita@mail.example.org"
    assert (record.deliverystatus, record.replycode) == ("5.3.4", "552")
    assert record.reason == "emailtoolarge"
    assert record.lhost == "inbound-smtp.eu-west-1.amazonaws.com"
    assert record.messageid == "photos-5@sender.example"
