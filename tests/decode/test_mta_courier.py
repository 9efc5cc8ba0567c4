"""Courier bounces: the DSN completed by the text's host line and transcript."""

from __future__ import annotations

from bouncetui import decode

BOUNCE = b"""\
From: postmaster@mail.example.org
Subject: NOTICE: mail delivery status.
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="=_courier_0"

--=_courier_0
Content-Type: text/plain; charset=us-ascii

This is a delivery status notification from mail.example.org,
running the Courier mail server, version 1.1.

---------------------------------------------------------------------------

                           UNDELIVERABLE MAIL

Your message to the following recipients cannot be delivered:

<who@example.net>:
    mx.example.net [192.0.2.8]:
>>> RCPT TO:<who@example.net>
<<< 550 5.1.1 mailbox unavailable

---------------------------------------------------------------------------

--=_courier_0
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.org

Final-Recipient: rfc822; who@example.net
Action: failed
Status: 5.0.0
Remote-MTA: dns; mx.example.net [192.0.2.8]
Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable

--=_courier_0
Content-Type: message/rfc822

From: me@example.org
To: who@example.net
Subject: ping

ping
--=_courier_0--
"""

NO_DSN = BOUNCE.split(b"--=_courier_0\nContent-Type: message/delivery-status")[0] + b"--=_courier_0--\n"


def test_dsn_with_the_transcript_command():
    (rec,) = decode(BOUNCE)
    assert (rec.decodedby, rec.recipient, rec.command) == ("Courier", "who@example.net", "RCPT")
    assert (rec.deliverystatus, rec.replycode, rec.rhost, rec.lhost) == (
        "5.1.1", "550", "mx.example.net", "mail.example.org")
    assert rec.addresser == "me@example.org"


def test_text_alone_is_enough():
    (rec,) = decode(NO_DSN)
    assert (rec.recipient, rec.command, rec.replycode) == ("who@example.net", "RCPT", "550")
    assert rec.diagnosticcode == "550 5.1.1 mailbox unavailable"
