"""Wordings of other versions of the MTAs we decode, each in a hand-written message."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode

EXIM = """\
From: Mail Delivery System <Mailer-Daemon@mail.example.org>
To: sender@example.com
Subject: Mail delivery failed: returning message to sender
Date: Fri, 27 Nov 2026 10:00:03 +0000
Auto-Submitted: auto-replied

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  nobody@example.net
    {explanation}

------ This is a copy of the message, including all the headers. ------

From: sender@example.com
To: nobody@example.net
Subject: hi
Message-Id: <m1@example.com>
"""


def test_exim_names_the_stage_before_or_after_the_host():
    """"SMTP error from remote mail server after RCPT TO:<a>: host h [ip]: 550 ..." and the newer
    "SMTP error from remote server for RCPT TO command, host: h (ip) reason: 550 ...": the same
    stage, host and words."""
    reply = "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown"
    explanations = (
        "host mx.example.net [203.0.113.5]\n    SMTP error from remote mail server after RCPT TO:<nobody@example.net>:\n    " + reply,
        "SMTP error from remote server for RCPT TO command, host: mx.example.net (203.0.113.5) reason: " + reply,
        "host mx.example.net [203.0.113.5]\n    SMTP error from remote server for RCPT TO command, host: mx.example.net (203.0.113.5) reason: " + reply,
    )
    seen = set()
    for explanation in explanations:
        (record,) = decode(EXIM.format(explanation=explanation).encode())
        seen.add((record.decodedby, record.command, record.rhost, record.diagnosticcode, record.reason))
    assert seen == {("Exim", "RCPT", "mx.example.net", reply, "userunknown")}


def test_exim_text_command_is_the_message_body():
    explanation = ("SMTP error from remote server for TEXT command, host: mx.example.net (203.0.113.5) "
                   "reason: 554 5.7.1 Message rejected as spam")
    (record,) = decode(EXIM.format(explanation=explanation).encode())
    assert (record.command, record.rhost, record.diagnosticcode, record.reason) == (
        "DATA", "mx.example.net", "554 5.7.1 Message rejected as spam", "spamdetected")


OPENSMTPD = """\
Subject: Delivery status notification: error
From: Mailer Daemon <daemon-notices@mx.example.org>
To: owner@example.org
Date: Mon, 1 Dec 2014 17:48:29 +0000 (UTC)

    Hi!

    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.

    An error has occurred while attempting to deliver a message for
    the following list of recipients:

friend@example.net: Envelope expired

    Below is a copy of the original message:

From: owner@example.org
To: friend@example.net
Subject: hello
"""


def test_a_notice_from_a_mailer_daemon_by_its_display_name_needs_no_return_path():
    """"Mailer Daemon <...>" (OpenSMTPD's name) says a mail system sent it, with or without the
    null Return-Path a mailbox adds (a copy exported from a client has none)."""
    for head in ("Return-Path: <>\n", ""):
        (record,) = decode((head + OPENSMTPD).encode())
        assert (record.decodedby, record.recipient, record.reason) == ("OpenSMTPD", "friend@example.net", "expired")


INTERMAIL = Path(__file__).resolve().parents[1] / "decode" / "fixtures" / "unseen" / "intermail"


def test_intermail_notices_from_any_operator():
    """Openwave InterMail's "Mail System Error - Returned Mail" notices, which au sends too, from
    another ISP: the server's reason after "Recipient: <a>", or the software's own sentence."""
    (record,) = decode((INTERMAIL / "recipient-reason.eml").read_bytes())
    assert (record.decodedby, record.recipient, record.reason, record.deliverystatus, record.messageid) == (
        "InterMail", "nobody@example.org", "userunknown", "5.1.1", "h-9@example.com")
    assert record.diagnosticcode == "5.1.1 <nobody@example.org>... User unknown"
    (record,) = decode((INTERMAIL / "not-delivered-within-days.eml").read_bytes())
    assert (record.decodedby, record.recipient, record.reason) == ("InterMail", "friend@example.org", "expired")
    assert "not responding" in record.diagnosticcode
