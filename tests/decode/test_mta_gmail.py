"""Gmail's plain-text notices: who failed, the remote server's words, the stage, the original."""

from __future__ import annotations

from bouncetui import decode

PERMANENT = b"""\
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: alice@gmail.example
Subject: Delivery Status Notification (Failure)
Date: Tue, 03 Nov 2026 08:00:00 +0000
X-Failed-Recipients: nobody@shop.example.net
Content-Type: text/plain; charset=UTF-8

Delivery to the following recipient failed permanently:

     nobody@shop.example.net

Technical details of permanent failure:
Google tried to deliver your message, but it was rejected by the server for the
recipient domain shop.example.net by mx2.shop.example.net. [198.51.100.25].

The error that the other server returned was:
550 5.1.1 <nobody@shop.example.net>: Recipient address rejected: no such user (state 14).

----- Original message -----

From: Alice <alice@gmail.example>
To: nobody@shop.example.net
Subject: Order 1234
Message-ID: <order-1234@gmail.example>
Date: Tue, 03 Nov 2026 16:59:00 +0900

Hello
"""

DELAYED = b"""\
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: alice@gmail.example
Subject: Delivery Status Notification (Delay)
Date: Tue, 03 Nov 2026 08:00:00 +0000
Content-Type: text/plain; charset=UTF-8

This is an automatically generated Delivery Status Notification

THIS IS A WARNING MESSAGE ONLY.

YOU DO NOT NEED TO RESEND YOUR MESSAGE.

Delivery to the following recipient has been delayed:

     bob@slow.example.org

Message will be retried for 2 more day(s)

Technical details of temporary failure:
The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720
[slow.example.org 203.0.113.9: timed out]

----- Original message -----

From: Alice <alice@gmail.example>
To: bob@slow.example.org
Subject: Lunch
"""


def test_permanent_failure_gives_remote_reply_stage_and_original():
    (record,) = decode(PERMANENT, "gmail.eml")
    assert record.decodedby == "Gmail"
    assert record.recipient == "nobody@shop.example.net"
    assert record.action == "failed"
    assert record.deliverystatus == "5.1.1"
    assert record.replycode == "550"
    assert record.command == "RCPT"
    assert record.rhost == "mx2.shop.example.net"
    assert record.diagnosticcode.startswith("550 5.1.1 <nobody@shop.example.net>: Recipient address")
    assert "Google tried" not in record.diagnosticcode
    assert record.addresser == "alice@gmail.example"
    assert record.messageid == "order-1234@gmail.example"
    assert record.reason == "userunknown"


def test_delay_keeps_googles_explanation_without_the_help_link():
    (record,) = decode(DELAYED, "gmail-delay.eml")
    assert record.decodedby == "Gmail"
    assert record.recipient == "bob@slow.example.org"
    assert record.action == "delayed"
    assert record.deliverystatus == ""
    assert record.rhost == "slow.example.org"
    assert "did not accept our requests to connect" in record.diagnosticcode
    assert "support.google.com" not in record.diagnosticcode
    assert record.subject == "Lunch"


def test_other_mail_from_google_is_not_claimed():
    note = PERMANENT.replace(b"Delivery to the following recipient failed permanently:", b"Hi there,")
    assert all(r.decodedby != "Gmail" for r in decode(note, "x.eml"))


def test_notice_with_a_status_part_uses_its_fields():
    mime = (
        b"From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
        b"To: alice@gmail.example\nSubject: Delivery Status Notification (Failure)\n"
        b"Date: Tue, 03 Nov 2026 08:00:00 +0000\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="G"\n\n'
        b"--G\nContent-Type: text/plain; charset=UTF-8\n\n"
        + PERMANENT.split(b"\n\n", 1)[1].split(b"----- Original message -----")[0]
        + b"\n--G\nContent-Type: message/delivery-status\n\n"
        b"Reporting-MTA: dns; googlemail.com\n\n"
        b"Final-Recipient: rfc822; nobody@shop.example.net\nAction: failed\nStatus: 5.1.1\n"
        b"Remote-MTA: dns; mx2.shop.example.net. (198.51.100.25)\n\n--G--\n"
    )
    (record,) = decode(mime, "gmail-mime.eml")
    assert record.decodedby == "Gmail"
    assert (record.deliverystatus, record.replycode, record.command) == ("5.1.1", "550", "RCPT")
    assert record.rhost == "mx2.shop.example.net"
    assert record.diagnosticcode.startswith("550 5.1.1 <nobody@shop.example.net>")
