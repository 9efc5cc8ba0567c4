"""qmail bounces: one paragraph per recipient, qmail-remote's wording for the SMTP stage."""

from __future__ import annotations

from bouncetui import decode

BOUNCE = b"""\
From: MAILER-DAEMON@mail.example.com
To: owner@example.com
Subject: failure notice

Hi. This is the qmail-send program at mail.example.com.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<missing@example.net>:
198.51.100.3 does not like recipient.
Remote host said: 550-5.1.1 The email account that you tried to reach does not exist.
550 5.1.1 Please check the address.
Giving up on 198.51.100.3.

<late@example.org>:
Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)
I'm not going to try again; this message has been in the queue too long.

<blocked@example.jp>:
Connected to 203.0.113.4 but sender was rejected.
Remote host said: 553 sorry, your envelope sender is in my badmailfrom list

--- Below this line is a copy of the message.

Return-Path: <owner@example.com>
From: Owner <owner@example.com>
To: missing@example.net
Subject: Hello

hi
"""


def test_every_paragraph_with_stage_host_and_reply():
    missing, late, blocked = decode(BOUNCE)
    assert missing.decodedby == "qmail"
    assert (missing.recipient, missing.command, missing.rhost) == ("missing@example.net", "RCPT", "198.51.100.3")
    assert (missing.deliverystatus, missing.replycode, missing.action) == ("5.1.1", "550", "failed")
    assert missing.diagnosticcode == (
        "550-5.1.1 The email account that you tried to reach does not exist. 550 5.1.1 Please check the address."
    )
    assert missing.lhost == "mail.example.com"
    assert (late.recipient, late.deliverystatus, late.command, late.action) == ("late@example.org", "4.4.1", "CONN", "failed")
    assert late.reason == "networkerror"  # qmail's own words, not the queue lifetime
    assert (blocked.command, blocked.replycode, blocked.rhost) == ("MAIL", "553", "203.0.113.4")
    assert missing.addresser == "owner@example.com" and missing.subject == "Hello"


def test_crlf_copy_decodes_the_same():
    crlf = BOUNCE.replace(b"\n", b"\r\n")
    assert [r.recipient for r in decode(crlf)] == ["missing@example.net", "late@example.org", "blocked@example.jp"]


def test_a_qmail_based_providers_wording():
    mail = b"""\
From: MAILER-DAEMON@mx.example.es
Subject: failure notice

Su mensaje no pudo ser entregado.

<nadie@example.es>:
203.0.113.8 does not like recipient.
Remote host said: 550 5.1.1 Usuario desconocido
Giving up on 203.0.113.8.
"""
    (rec,) = decode(mail)
    assert (rec.decodedby, rec.recipient, rec.command, rec.replycode) == ("qmail", "nadie@example.es", "RCPT", "550")
