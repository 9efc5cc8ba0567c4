"""What people, lists and mail stores do to a copy of a bounce does not change what it says: a
list's footer appended to the notice's text is not part of any diagnostic."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode
from bouncetui.decode.message import without_footer

FIXTURES = Path(__file__).parent / "fixtures" / "copies"

MAILMAN = ("\n_______________________________________________\nops mailing list -- ops@lists.example.org\n"
           "To unsubscribe send an email to ops-leave@lists.example.org\n")


def test_a_list_footer_is_not_part_of_the_diagnostic():
    (record,) = decode((FIXTURES / "exim-list-footer.eml").read_bytes(), "footer")
    assert record.diagnosticcode == "autoreply: cannot open /home/nina/.vacation.msg: Permission denied"
    assert (record.recipient, record.reason) == ("nina@example.com", "mailererror")


def test_footers_and_signatures_at_the_end_are_cut():
    notice = "Delivery failed for a@example.org:\n550 5.1.1 User unknown\n"
    assert without_footer(notice + MAILMAN) == notice
    assert without_footer(notice + "-- \nThe postmaster of example.org\nhttps://example.org/help\n") == notice
    assert without_footer(notice + "--\nGoogle Groups footer line\n") == notice


def test_text_that_only_looks_like_a_footer_stays():
    notice = "Delivery failed for a@example.org:\n550 5.1.1 User unknown\n"
    assert without_footer(notice) == notice
    # a separator with more than a footer's few lines after it is the text itself
    long_tail = notice + "--\n" + "".join("line %d\n" % n for n in range(12))
    assert without_footer(long_tail) == long_tail
    # a rule of dashes or underscores inside the text, not at its end
    ruled = "Header\n______________________________\n" + "".join("row %d\n" % n for n in range(12))
    assert without_footer(ruled) == ruled


def _rebuilt(name: str) -> bytes:
    from bouncetui.decode.forwarded import inline_forward
    from bouncetui.decode.message import Message

    rebuilt = inline_forward(Message.parse((FIXTURES / name).read_bytes()))
    assert rebuilt is not None
    return rebuilt


def test_an_inline_forward_gives_back_the_bounce_with_its_parts():
    """Gmail's "Forwarded message" block: the bounce's own fields, its text, and the forward's
    attachments (the delivery-status part, the returned original) as the bounce's parts."""
    (record,) = decode(_rebuilt("gmail-forwarded-postfix-dsn.eml"), "fwd")
    assert (record.recipient, record.reason, record.deliverystatus, record.command) == (
        "order@customer.example.net", "userunknown", "5.1.1", "RCPT")
    assert record.decodedby == "Postfix"
    assert record.timestamp == 1795766600  # the bounce's Date (Fri, 27 Nov 2026 17:03:20 +0900), not the forward's
    assert (record.addresser, record.messageid) == ("aiko@example.co.jp", "quote-4471@example.co.jp")


def test_an_outlook_forward_of_a_text_notice():
    """Outlook's "-----Original Message-----" block, "Sent:" for the date, the notice's text and
    its quoted original below: Exim's notice as Exim wrote it."""
    (record,) = decode(_rebuilt("outlook-forwarded-exim-text.eml"), "fwd")
    assert (record.recipient, record.reason, record.replycode, record.decodedby) == (
        "accounts@supplier.example.org", "mailboxfull", "552", "Exim")
    assert (record.addresser, record.messageid) == ("ben@example.com", "invoice-2231@example.com")


def test_a_forward_without_the_forwarded_fields_is_not_rebuilt():
    from bouncetui.decode.forwarded import inline_forward
    from bouncetui.decode.message import Message

    text = (b"From: a@example.org\nTo: b@example.org\nSubject: Fwd: notes\n\nSee below.\n\n"
            b"---------- Forwarded message ---------\nthe notes, pasted without their header\n")
    assert inline_forward(Message.parse(text)) is None


def test_a_forwarded_bounce_is_decoded_as_the_bounce_it_carries():
    """decode() of the forward itself: the bounce's time, not the forward's; a client's own date
    form ("Sent: Friday, November 27, 2026 6:44 PM", zone unsaid) gives way to the original's."""
    (gmail,) = decode((FIXTURES / "gmail-forwarded-postfix-dsn.eml").read_bytes(), "fwd")
    assert (gmail.timestamp, gmail.decodedby, gmail.reason) == (1795766600, "Postfix", "userunknown")
    (outlook,) = decode((FIXTURES / "outlook-forwarded-exim-text.eml").read_bytes(), "fwd")
    assert (outlook.timestamp, outlook.decodedby, outlook.reason) == (1795805045, "Exim", "mailboxfull")


def test_an_ordinary_message_forwarded_inline_is_no_bounce():
    """A person forwarding a parcel notice ("could not be delivered") is not a report, however
    its forwarded block is unwrapped."""
    assert decode((FIXTURES / "person-forwards-ordinary-mail-inline.eml").read_bytes(), "fwd") == []


def test_the_sender_is_the_envelope_recipient_of_a_copy_without_to():
    """No returned original and no To field (a filter dropped it): the addresser is the address
    the local delivery wrote in X-Original-To."""
    (record,) = decode((FIXTURES / "dsn-without-to-x-original-to.eml").read_bytes(), "no-to")
    assert (record.recipient, record.addresser, record.senderdomain) == ("kaede@example.com", "mio@example.jp", "example.jp")
