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


def test_office365_localized_reply_wrapped_and_message_id_folded():
    """The quoted reply runs over three lines; the original's Message-ID has its value on the
    folded line below the field name."""
    (record,) = records("office365-fr-wrapped-reply.eml")
    assert record.diagnosticcode == (
        "550 5.1.1 <julien.bernard@example.fr>: Recipient address rejected: User unknown in virtual mailbox table")
    assert (record.reason, record.replycode, record.rhost) == ("userunknown", "550", "mx1.example.fr")
    assert record.messageid == "PA4PR01MB7777A1B2C3D4@PA4PR01MB7777.eurprd01.prod.outlook.com"


def test_office365_server_at_and_its_reply_on_separate_lines():
    """'Server at HOST returned ...' broken after 'Server at': the Microsoft host on a line of its
    own is the server that answered, not the recipient's remote host."""
    (record,) = records("office365-server-at-wrapped.eml")
    assert record.diagnosticcode == "550 5.4.316 Message expired, connection refused(Socket error code 10061)"
    assert (record.reason, record.replycode, record.rhost) == ("expired", "550", "")


def test_surfcontrol_reply_wrapped_below_its_address_line():
    finance, yuki = records("surfcontrol-reply-wrapped.eml")
    assert finance.diagnosticcode == "550 5.1.1 finance-team@example.com... User unknown"
    assert (finance.reason, finance.rhost) == ("userunknown", "198.51.100.7")
    assert yuki.diagnosticcode == "452 4.2.2 yuki@example.com... Over quota, try again later"
    assert yuki.reason == "mailboxfull"


def test_postfix_reply_wrapped_right_before_the_recipients_address():
    """'said: 550' then '<a>:' on a line of its own: the address in the reply, not a second
    recipient paragraph (Postfix separates recipients by a blank line)."""
    mio, daichi = records("postfix-address-wrapped.eml")
    assert mio.recipient == "mio.takahashi@sales.example.org"
    assert mio.diagnosticcode == ("550 <mio.takahashi@sales.example.org>: Recipient address rejected: "
                                  "User unknown in relay recipient table")
    assert (mio.reason, mio.command, mio.rhost) == ("userunknown", "RCPT", "mx.sales.example.org")
    assert (daichi.recipient, daichi.reason) == ("daichi@example.com", "mailboxfull")


def test_zoho_recipient_lines_wrapped():
    """Zoho's line per recipient broken in two: 'Host not' / 'reachable.' is still Zoho's own
    words for a host it gave up on."""
    hotel, desk = records("zoho-lines-wrapped.eml")
    assert (hotel.recipient, hotel.reason, hotel.replycode) == ("reservations@hotel.example.co.jp", "userunknown", "550")
    assert (desk.recipient, desk.diagnosticcode, desk.reason) == (
        "front-desk@unreachable.example", "Host not reachable.", "expired")
