"""A notice that comes only as HTML is read as its text: html_to_text, and the decoders reading it."""

from __future__ import annotations

from bouncetui.decode import decode
from bouncetui.decode.message import Message, html_to_text


def test_line_breaks_paragraphs_and_rows_become_line_ends():
    html = "<p>Delivery failed.</p><div>550 5.1.1 User unknown<br>Remote host said so<BR/>end</div>"
    assert html_to_text(html) == "Delivery failed.\n550 5.1.1 User unknown\nRemote host said so\nend\n"


def test_a_tag_that_ends_a_line_takes_the_source_line_break_with_it():
    assert html_to_text("first<br>\nsecond</p>  \nthird") == "first\nsecond\nthird"


def test_the_cells_of_a_row_stay_apart():
    html = "<table><tr><td>宛先</td><td>a@example.jp</td></tr>\n<tr><th>理由</th><td>user unknown</td></tr></table>"
    assert html_to_text(html) == "宛先 a@example.jp \n理由 user unknown \n"


def test_scripts_and_style_sheets_are_dropped_with_their_text():
    html = "<style type=\"text/css\">p { color: red }</style><SCRIPT>if (a < b) x()</script><p>Mailbox full</p>"
    assert html_to_text(html) == "Mailbox full\n"


def test_entities_are_read_once():
    assert html_to_text("&lt;a@example.org&gt;&nbsp;said &quot;no&quot; &amp; &#39;bye&#39; &amp;lt;") == \
        "<a@example.org> said \"no\" & 'bye' &lt;"


def test_text_without_markup_is_left_as_it_is():
    assert html_to_text("550 5.1.1 a@example.org: no such user\n") == "550 5.1.1 a@example.org: no such user\n"


_HTML_ONLY = b"""From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>
To: sender@example.net
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/html; charset=us-ascii

<html><body><p>The original message was received at Fri, 27 Nov 2026 10:00:00 +0900</p><br>
<p>   ----- The following addresses had permanent fatal errors -----<br>
&lt;ann@example.org&gt;</p><br>
<p>   ----- Transcript of session follows -----<br>
Message could not be delivered for too long<br>
</p></body></html>

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; ann@example.org
Action: failed
Status: 4.4.7

--B--
"""


def test_an_html_only_notice_is_the_notice_text_and_not_its_report_fields():
    message = Message.parse(_HTML_ONLY)
    text = message.text_of("text/plain")
    assert "<ann@example.org>" in text and "Reporting-MTA" not in text
    (record,) = decode(_HTML_ONLY, "m")
    assert record.decodedby == "Sendmail"
    assert record.diagnosticcode == "Message could not be delivered for too long"


def test_a_text_attachment_after_the_html_notice_is_not_its_text():
    attached = _HTML_ONLY.replace(b"--B\nContent-Type: message/delivery-status",
                                  b"--B\nContent-Type: text/plain\nContent-Disposition: attachment; filename=h.txt\n\n"
                                  b"Subject: hello\n\n--B\nContent-Type: message/delivery-status")
    assert "<ann@example.org>" in Message.parse(attached).text_of("text/plain")
