"""Delivery-status fields read however a mailer broke their lines: a diagnostic continued on a
line without the indentation RFC 5322 folding calls for (Amazon WorkMail, MessageLabs) is one
diagnostic, and the next field or a blank line still ends it."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode
from bouncetui.decode.rfc3464 import parse_fields

FIXTURE = Path(__file__).parent / "fixtures" / "forms" / "workmail-unindented-diagnostic.eml"


def test_an_unindented_continuation_line_belongs_to_the_diagnostic_above_it():
    records = {r.recipient: r for r in decode(FIXTURE.read_bytes(), "workmail")}
    assert records["mika@example.net"].diagnosticcode == (
        "554 4.4.7 Message expired: unable to deliver in 840 minutes. <421 4.4.2 Connection timed out>")
    assert records["mika@example.net"].reason == "expired"
    # the reason is in the continuation only: the status says nothing more than 5.0.0
    ren = records["ren@example.org"]
    assert ren.diagnosticcode == "550 <ren@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
    assert (ren.reason, ren.hardbounce) == ("userunknown", True)


def test_the_continuation_ends_at_a_field_a_blank_line_or_a_boundary():
    text = ("Final-Recipient: rfc822; a@example.org\nDiagnostic-Code: smtp; 550 first\nsecond line\n"
            "Status: 5.1.1\nnot a continuation of the status\n\n"
            "Final-Recipient: rfc822; b@example.org\nDiagnostic-Code: smtp; 550 gone\n--boundary-42\n")
    _, blocks = parse_fields(text)
    assert [(b["final-recipient"], b["diagnostic-code"], b.get("status")) for b in blocks] == [
        ("rfc822; a@example.org", "smtp; 550 first second line", "5.1.1"),
        ("rfc822; b@example.org", "smtp; 550 gone", None),
    ]


def test_a_report_part_saved_as_a_text_attachment_is_no_diagnostic():
    """The notice lists the address alone in a paragraph and the report gives no Diagnostic-Code:
    what follows the address is the report part saved as details.txt, fields and not words."""
    path = Path(__file__).parent / "fixtures" / "forms" / "dsn-saved-as-details-txt.eml"
    (record,) = decode(path.read_bytes(), "details")
    assert (record.recipient, record.deliverystatus, record.diagnosticcode) == ("loop@lists.example.com", "5.4.6", "")


def test_the_command_is_read_from_a_notice_sent_as_html_only():
    path = Path(__file__).parent / "fixtures" / "forms" / "dsn-html-only-notice.eml"
    (record,) = decode(path.read_bytes(), "html")
    assert (record.recipient, record.command, record.reason) == ("archive@storage.example.net", "RCPT", "suspend")


def test_html_line_breaks_are_not_doubled_by_the_sources_own():
    from bouncetui.decode.message import html_to_text

    html = "<p>host mx said: 550 5.7.1<br>\n    &lt;a@b&gt;: Access denied (in<br>\n    reply to RCPT TO command)</p>\n<p>next</p>"
    assert html_to_text(html) == "host mx said: 550 5.7.1\n    <a@b>: Access denied (in\n    reply to RCPT TO command)\nnext\n"


def test_a_postfix_notice_sent_as_html_only_reads_as_its_text():
    """Postfix's paragraph for a recipient, its lines broken with <br> in the HTML: the stage it
    names is found as in the plain text."""
    path = Path(__file__).parent / "fixtures" / "forms" / "postfix-html-only-notice.eml"
    (record,) = decode(path.read_bytes(), "html")
    assert (record.decodedby, record.recipient, record.command, record.rhost) == (
        "Postfix", "sora@example.net", "RCPT", "mx.example.net")
