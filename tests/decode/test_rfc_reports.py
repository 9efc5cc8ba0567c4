"""RFC 3464 / RFC 6533 delivery status, RFC 5965 feedback and RFC 3834 auto-replies."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouncetui import decode
from bouncetui.decode.message import Message
from bouncetui.decode.rfc3464 import parse_fields

FIXTURES = Path(__file__).parent / "fixtures" / "rfc"


def records(name: str, newline: bytes = b"\n"):
    raw = (FIXTURES / name).read_bytes().replace(b"\n", newline)
    return decode(raw, origin=name)


def test_postfix_dsn_every_recipient_and_field():
    first, second = records("postfix-dsn-two-recipients.eml")
    assert first.recipient == "no-such-user@example.net"
    assert first.alias == ""  # the same address in another case is not an alias
    assert (first.action, first.deliverystatus, first.replycode) == ("failed", "5.1.1", "550")
    assert first.diagnostictype == "SMTP"
    assert first.diagnosticcode.startswith("550 5.1.1 <no-such-user@example.net>: Recipient address rejected")
    assert "virtual mailbox table" in first.diagnosticcode  # the folded line is joined
    assert (first.rhost, first.lhost) == ("mx.example.net", "mx1.example.jp")
    assert first.command == "RCPT"  # from the human-readable part
    assert (first.reason, first.hardbounce) == ("userunknown", True)
    assert first.addresser == "news@shop.example.jp" and first.senderdomain == "shop.example.jp"
    assert first.messageid == "20261125005901.ABC123@shop.example.jp"
    assert first.subject == "冬のセール"
    assert first.listid == "Shop news <news.shop.example.jp>"
    assert (first.timestamp, first.timezoneoffset) == (1795568405, "+0900")
    assert second.recipient == "full-box@example.org"  # lower-case field names
    assert (second.deliverystatus, second.reason, second.hardbounce) == ("5.2.2", "mailboxfull", False)
    assert second.command == "DATA"
    assert first.token != second.token and len(first.token) == 40


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_line_endings_do_not_change_the_result(newline):
    assert [r.to_dict() for r in records("postfix-dsn-two-recipients.eml", newline)] == [
        r.to_dict() for r in records("postfix-dsn-two-recipients.eml")
    ]


def test_delayed_warning_with_rfc822_headers_original():
    (rec,) = records("delayed-headers-only.eml")
    assert (rec.action, rec.deliverystatus, rec.replycode) == ("delayed", "4.4.1", "451")
    assert rec.hardbounce is False
    assert rec.reason == "expired"  # connection timed out, still retrying: the delivery is expiring
    assert rec.messageid == "abc.123@example.co.jp" and rec.subject == "Invoice"
    assert rec.addresser == "info@example.co.jp"


def test_global_delivery_status_with_utf8_address():
    (rec,) = records("global-dsn-utf8.eml")
    assert rec.recipient == "山田@例え.jp"
    assert rec.destination == "例え.jp"
    assert rec.reason == "userunknown" and rec.messageid == "g1@example.com"


def test_successful_dsn_is_delivered():
    (rec,) = records("success-dsn.eml")
    assert (rec.action, rec.reason, rec.deliverystatus, rec.hardbounce) == ("relayed", "delivered", "2.0.0", False)


def test_feedback_report():
    (rec,) = records("arf-abuse.eml")
    assert (rec.reason, rec.feedbacktype, rec.decodedby) == ("feedback", "abuse", "ARF")
    assert rec.recipient == "reader@example.net"
    assert rec.addresser == "deals@example.co.jp"
    assert rec.messageid == "deal-1@example.co.jp"
    assert rec.hardbounce is False


def test_japanese_auto_reply_is_vacation():
    (rec,) = records("auto-reply-ja.eml")
    assert (rec.reason, rec.decodedby, rec.recipient) == ("vacation", "RFC3834", "sato@example.jp")
    assert rec.addresser == "news@shop.example.jp"
    assert "不在" in rec.diagnosticcode


@pytest.mark.parametrize("name", ["not-a-report.eml", "postmaster-bounce-with-auto-submitted.eml"])
def test_no_record_from_a_message_that_is_not_a_report(name):
    assert records(name) == []


def test_fields_without_blank_lines_between_recipients():
    message, recipients = parse_fields(
        "Reporting-MTA: dns; a.example\n"
        "Final-Recipient: rfc822; one@example.com\nAction: failed\nStatus: 5.1.1\n"
        "Final-Recipient: rfc822; two@example.com\nAction: failed\nStatus: 5.2.2\n"
    )
    assert message == {"reporting-mta": "dns; a.example"}
    assert [r["final-recipient"] for r in recipients] == ["rfc822; one@example.com", "rfc822; two@example.com"]
    assert [r["status"] for r in recipients] == ["5.1.1", "5.2.2"]


def test_message_decodes_iso_2022_jp_body():
    raw = (FIXTURES / "auto-reply-ja.eml").read_bytes()
    message = Message.parse(raw)
    assert "月曜日まで不在です。" in message.body
    assert message.subject == "自動応答: Weekly news"


def test_generic_rfc3464_decoder_reads_the_same_report():
    from bouncetui.decode import rfc3464

    raw = (FIXTURES / "postfix-dsn-two-recipients.eml").read_bytes()
    report = rfc3464.decode(Message.parse(raw))
    assert report.decodedby == "RFC3464"
    assert [d.recipient for d in report.deliveries] == ["no-such-user@example.net", "full-box@example.org"]
    assert report.fields["x-postfix-queue-id"] == "4Bx1Yz0AbcZ"
    assert report.deliveries[0].alias == ""


def test_empty_diagnostic_code_is_taken_from_the_human_readable_part():
    raw = (FIXTURES / "delayed-headers-only.eml").read_bytes()
    raw = raw.replace(b"Diagnostic-Code: SMTP; 451 4.4.1 Connection timed out\n", b"")
    raw = raw.replace(b"    **********************************************\n\n",
                      b"    **********************************************\n\n"
                      b"Your message to slow@example.org could not be delivered yet: connection timed out.\n\n", 1)
    (rec,) = decode(raw, origin="x")
    assert rec.diagnosticcode == "Your message to slow@example.org could not be delivered yet: connection timed out."


def test_a_report_without_a_date_keeps_a_stable_time_and_token():
    raw = (FIXTURES / "success-dsn.eml").read_bytes().replace(b"Date: Fri, 20 Nov 2026 12:00:00 +0900\n", b"")
    raw = b"Received: from mx.example.org by mx1.example.jp; Fri, 20 Nov 2026 12:00:03 +0900\n" + raw
    first, second = decode(raw, origin="a"), decode(raw, origin="b")
    assert first[0].timestamp == 1795143603 and first[0].timezoneoffset == "+0900"
    assert first[0].token == second[0].token
    undated = raw.split(b"\n", 1)[1]
    assert decode(undated, origin="c")[0].timestamp == 0


def test_a_bounce_forwarded_as_an_attachment_is_decoded():
    raw = (FIXTURES.parent / "forwarded" / "attached-bounce.eml").read_bytes()
    (rec,) = decode(raw, origin="fw")
    assert (rec.recipient, rec.action, rec.deliverystatus) == ("slow@example.org", "delayed", "4.4.1")
    assert rec.messageid == "abc.123@example.co.jp"


def test_a_mailing_lists_moderation_notice_is_no_auto_reply():
    raw = (
        b"From: staff-owner@lists.example.org\nTo: news@shop.example.jp\n"
        b"Subject: Your message to Staff awaits moderator approval\nAuto-Submitted: auto-replied\n"
        b"X-Mailman-Version: 2.1.39\nDate: Tue, 24 Nov 2026 09:00:00 +0900\n\n"
        b"Your mail to 'Staff' with the subject hello is being held until the list moderator can review it.\n"
    )
    assert decode(raw, origin="m") == []


BROKEN_BOUNDARY = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>
To: <ann@example.org>
Subject: Returned mail: see transcript for details
Date: Mon, 02 Nov 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

   ----- The following addresses had delivery problems -----
<gone@example.com> (unrecoverable error)

 --B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Original-Recipient: rfc822;late@example.net
Final-Recipient: rfc822;late@example.net
Action: delayed
Status: 4.0.0 (example.net: host name lookup failure)

Final-Recipient: rfc822;gone@example.com
Action: failed
Status: 5.0.0 (permanent failure)

--B--
"""


def test_a_status_comment_is_the_diagnostic_when_there_is_no_diagnostic_code():
    late, gone = decode(BROKEN_BOUNDARY, origin="x")
    # the MTA's words after the status code; not the field block ("rfc822;..." is no RFC 822 complaint)
    assert late.diagnosticcode == "example.net: host name lookup failure"
    assert late.reason == "networkerror"
    # "(permanent failure)" only restates the class: the human-readable line is taken instead
    assert "Final-Recipient" not in gone.diagnosticcode
    assert gone.diagnosticcode.endswith("<gone@example.com> (unrecoverable error)")
