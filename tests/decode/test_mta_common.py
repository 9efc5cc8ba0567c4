"""Shared helpers of the mail-server decoders, and the rule that a quoted bounce is not a bounce."""

from __future__ import annotations

import re

import pytest

from bouncetui import decode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    command_of,
    dsn_deliveries,
    failed_step,
    inline_original,
    is_notification,
    transcript,
    unquote,
)

QUOTED_BOUNCES = {
    "postfix": "This is the mail system at host mx.example.org.\n\n<a@example.net>: host mx.example.net[192.0.2.1]"
    " said: 550 5.1.1 unknown (in reply to RCPT TO command)\n",
    "exim": "This message was created automatically by mail delivery software.\n\nThe following address(es) failed:"
    "\n\n  a@example.net\n    SMTP error from remote mail server after RCPT TO:<a@example.net>:\n    550 unknown\n",
    "qmail": "Hi. This is the qmail-send program at mx.example.org.\n\n<a@example.net>:\nSorry, no mailbox here by"
    " that name. (#5.1.1)\n",
    "dragonfly": "This is the DragonFly Mail Agent v0.13 at mx.example.org.\n\nThere was an error delivering your"
    " mail to <a@example.net>.\n\nCould not deliver for the last 432000 seconds. Giving up.\n",
}


@pytest.mark.parametrize("mta", sorted(QUOTED_BOUNCES))
def test_a_person_quoting_a_bounce_is_not_a_bounce(mta):
    mail = "From: Alice <alice@example.com>\nTo: help@example.org\nSubject: why?\n\nI got this:\n\n"
    assert decode((mail + QUOTED_BOUNCES[mta]).encode()) == []
    bounce = "From: MAILER-DAEMON@mx.example.org\nSubject: failure\n\n" + QUOTED_BOUNCES[mta]
    assert [r.recipient for r in decode(bounce.encode())] == ["a@example.net"]


def test_is_notification():
    assert is_notification(Message.parse(b"From: Mail Delivery System <MAILER-DAEMON@x.example>\n\nx"))
    assert is_notification(Message.parse(b"Return-Path: <>\nFrom: a@example.com\n\nx"))
    assert not is_notification(Message.parse(b"Return-Path: <a@example.com>\nFrom: a@example.com\n\nx"))


def test_transcript_and_failed_step():
    text = ">>> MAIL From:<a@example.org>\n<<< 250 ok\n>>> RCPT To:<b@example.net>\n<<< 550 5.1.1 no\n"
    assert transcript(text) == [("MAIL", "250 ok"), ("RCPT", "550 5.1.1 no")]
    assert failed_step(text) == ("RCPT", "550 5.1.1 no")


def test_command_of_wordings():
    assert command_of("conversation with mx[192.0.2.1] timed out while sending RCPT TO") == "RCPT"
    assert command_of("host mx[192.0.2.1] refused to talk to me: 421 busy") == "CONN"
    assert command_of("550 unknown (in reply to end of DATA command)") == "DATA"


@pytest.mark.parametrize(("text", "command"), [
    ("lost connection with mx[192.0.2.1] while sending message body", "DATA"),
    ("conversation with mx timed out WHILE SENDING MAIL FROM", "MAIL"),
    ("host mx said: 554 while performing the HELO", "EHLO"),
    ("Must issue a STARTTLS command first: TLS is required", "STARTTLS"),
    ("cannot start tls: handshake failed", "STARTTLS"),
    ("connect to mx.example.org[192.0.2.1]:25: Connection refused", "CONN"),
    ("delivery temporarily suspended: CONNECTION TIMED OUT", "CONN"),
    ("timed out while receiving the initial server greeting", "CONN"),
    ("550 5.1.1 user unknown", ""),
    ("", ""),
])
def test_command_of_stage_wordings_in_any_case(text: str, command: str) -> None:
    assert command_of(text) == command


def test_dsn_fields_with_original_recipient_after_final_recipient():
    text = "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.net\n" \
           "Original-Recipient: rfc822;b@example.org\nAction: failed\nStatus: 5.1.1\n"
    _, (one,) = dsn_deliveries(text)
    assert (one.recipient, one.alias, one.status) == ("a@example.net", "b@example.org", "5.1.1")


def test_inline_original_after_a_marker_and_indented():
    text = "error\n\n--- Below this line is a copy of the message.\n\n   From: a@example.org\n   Subject: hi\n\nbody"
    original = inline_original(text, (re.compile(r"^--- Below this line", re.M),))
    assert original["From"] == "a@example.org" and original["Subject"] == "hi"


def test_unquote_only_quoted_text():
    assert unquote("> a\n> b\n>> c\n> d\n") == "a\nb\n> c\nd\n"
    assert unquote("plain\ntext\n> one quote\n") == "plain\ntext\n> one quote\n"
