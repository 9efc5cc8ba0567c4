"""A bounce's text reads the same whatever transfer encoding a mailer gave it on the way."""

from __future__ import annotations

import base64

from bouncetui import decode

HEAD = b"""\
From: MAILER-DAEMON@mail.example.com
To: owner@example.com
Subject: failure notice
Date: Fri, 27 Nov 2026 15:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
"""
TEXT = b"""\
Hi. This is the qmail-send program at mail.example.com.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<missing@example.net>:
198.51.100.3 does not like recipient.
Remote host said: 550 5.1.1 <missing@example.net>: Recipient address rejected: User unknown
Giving up on 198.51.100.3.

<late@example.org>:
Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)
I'm not going to try again; this message has been in the queue too long.

--- Below this line is a copy of the message.

Return-Path: <owner@example.com>
From: Owner <owner@example.com>
To: missing@example.net
Subject: Hello
Message-ID: <hello-1@example.com>

hi
"""


def fields(records):
    return [(r.recipient, r.deliverystatus, r.replycode, r.command, r.rhost, r.reason, r.diagnosticcode,
             r.messageid, r.subject, r.decodedby) for r in records]


def test_base64_text_with_crlf_line_ends_reads_as_the_plain_text():
    """MIME's canonical text has CRLF line ends, which base64 keeps: decoded, they must not leave a
    carriage return in a diagnostic or break a paragraph apart."""
    plain = decode(HEAD + b"\n" + TEXT)
    encoded = base64.encodebytes(TEXT.replace(b"\n", b"\r\n"))
    crlf = decode(HEAD + b"Content-Transfer-Encoding: base64\n\n" + encoded)
    assert [r.recipient for r in plain] == ["missing@example.net", "late@example.org"]
    assert fields(crlf) == fields(plain)
    assert not any("\r" in r.diagnosticcode for r in crlf)


SES_JSON = b"""\
{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General",\
"bouncedRecipients":[{"emailAddress":"gone@example.net","action":"failed","status":"5.1.1",\
"diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"timestamp":"2026-11-27T15:00:00.000Z",\
"reportingMTA":"dsn; a1-2.smtp-out.eu-west-1.amazonses.com"},"mail":{"timestamp":"2026-11-27T14:59:59.000Z",\
"source":"owner@example.com","messageId":"0102-abc","destination":["gone@example.net"]}}
"""
SES_HEAD = b"""\
From: AWS Notifications <no-reply@sns.amazonaws.com>
To: owner@example.com
Subject: AWS Notification Message
Date: Fri, 27 Nov 2026 15:00:01 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
"""


def test_an_ses_notification_in_base64_is_the_notification():
    """An SNS notification whose JSON body came base64-encoded (no word of it in the raw bytes)."""
    plain = decode(SES_HEAD + b"Content-Transfer-Encoding: 7bit\n\n" + SES_JSON)
    encoded = decode(SES_HEAD + b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(SES_JSON))
    assert [(r.recipient, r.reason, r.decodedby) for r in plain] == [("gone@example.net", "userunknown", "AmazonSES")]
    assert fields(encoded) == fields(plain)
