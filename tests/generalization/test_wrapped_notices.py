"""A notice whose lines were wrapped at another width (by another version of the mailer, or by a
relay) says what it said unwrapped: a value carried onto the next line stays with its field or
its recipient, however the decoder of that mailer reads its text."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode

FIXTURES = Path(__file__).parent / "fixtures" / "wrapped"


def records(name: str):
    return decode((FIXTURES / name).read_bytes(), name)


def test_messaging_server_fields_continued_on_the_next_line():
    (record,) = records("messagingserver-wrapped-fields.eml")
    assert record.decodedby == "MessagingServer"
    assert record.recipient == "department-of-applied-mathematics-office@mail.example.edu"
    assert record.diagnosticcode == (
        "550 5.1.1 unknown or illegal alias: department-of-applied-mathematics-office@mail.example.edu")
    assert (record.reason, record.replycode, record.deliverystatus) == ("userunknown", "550", "5.1.1")


def test_exim_pipe_command_wrapped_onto_the_next_line_is_one_address():
    orders, archive = records("exim-pipe-wrapped.eml")
    assert (orders.recipient, orders.reason) == ("orders@shop.example.net", "mailererror")
    assert orders.diagnosticcode == "ticket-import: cannot connect to database: Connection refused"
    # the file address below it is an address of its own, not the rest of the pipe's command
    assert (archive.recipient, archive.reason, archive.diagnosticcode) == (
        "archive@shop.example.net", "mailboxfull", "Disk quota exceeded")


def test_au_notice_with_the_reply_on_the_line_below_the_address():
    (record,) = records("ezweb-reply-wrapped.eml")
    assert record.decodedby == "EZweb"
    assert record.diagnosticcode == "552 mailbox full (in reply to end of DATA command)"
    assert (record.replycode, record.command, record.reason) == ("552", "DATA", "mailboxfull")
