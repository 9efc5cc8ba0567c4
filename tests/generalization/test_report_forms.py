"""Reports read the same however their fields and parts are spelled: the type before a
diagnostic in any length and case, and a report part recognised by its own content type when the
multipart/report leaves out its report-type."""

from __future__ import annotations

import re
from pathlib import Path

from bouncetui import decode

DSN = """\
From: MAILER-DAEMON@omr-m04.mx.aol.com (Mail Delivery System)
To: shiro@aol.example.jp
Subject: Undelivered Mail Returned to Sender
Date: Fri, 27 Nov 2026 13:00:09 -0500
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system at host omr-m04.mx.aol.com.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; omr-m04.mx.aol.com

Final-Recipient: {final}
Action: failed
Status: 5.4.4
Diagnostic-Code: {diagnostic}

--B--
"""


def test_a_diagnostic_type_is_split_off_whatever_its_length_case_and_spacing():
    """Postfix renamed by its operator writes "X-Outbound-Mail-Relay; ..." where Postfix writes
    "X-Postfix; ...": the type is not part of the server's words."""
    spellings = [
        ("rfc822; gone@nxdomain.example", "X-Outbound-Mail-Relay; Host or domain name not found. Name service error"),
        ("RFC822;gone@nxdomain.example", "X-OUTBOUND-MAIL-RELAY;Host or domain name not found. Name service error"),
        ("rfc822 ; gone@nxdomain.example", "x-outbound-mail-relay ; Host or domain name not found. Name service error"),
    ]
    results = set()
    for final, diagnostic in spellings:
        (record,) = decode(DSN.format(final=final, diagnostic=diagnostic).encode())
        results.add((record.recipient, record.diagnostictype, record.diagnosticcode, record.reason))
    assert results == {("gone@nxdomain.example", "X-OUTBOUND-MAIL-RELAY",
                        "Host or domain name not found. Name service error", "hostunknown")}


SIEVE = """\
From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>
To: <xavier@example.net>
Subject: Automatically rejected mail
Date: Fri, 27 Nov 2026 11:03:20 +0000
Auto-Submitted: auto-replied (rejected)
MIME-Version: 1.0
Content-Type: multipart/report;{report_type}
	boundary="R"

--R
Content-Type: text/plain; charset=utf-8

Your message to <yolanda@example.org> was automatically rejected:
I do not accept messages from this address.

--R
Content-Type: message/disposition-notification

Reporting-UA: mail.example.org; Dovecot Mail Delivery Agent
Final-Recipient: rfc822; yolanda@example.org
Original-Message-ID: <promo.77@example.net>
Disposition: automatic-action/MDN-sent-automatically; {disposition}

--R
Content-Type: text/rfc822-headers

From: Xavier <xavier@example.net>
To: yolanda@example.org
Subject: Special promotion

--R--
"""


def test_a_sieve_rejection_without_report_type_is_still_the_rejection():
    for report_type in (" report-type=disposition-notification;", ""):
        (record,) = decode(SIEVE.format(report_type=report_type, disposition="deleted").encode())
        assert (record.decodedby, record.recipient, record.reason, record.diagnosticcode) == (
            "Dovecot", "yolanda@example.org", "filtered", "I do not accept messages from this address.")


def test_a_read_receipt_without_report_type_is_still_no_bounce():
    """Its disposition-notification part has a Final-Recipient, which is not a DSN's."""
    for report_type in (" report-type=disposition-notification;", ""):
        assert decode(SIEVE.format(report_type=report_type, disposition="displayed").encode()) == []


BROKEN_DSN = """\
From: Mail Delivery System <MAILER-DAEMON@messagelabs.example>
To: <owner@example.net>
Subject: Mail Delivery Failure
Date: Thu, 17 Jul 2017 23:34:45 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="ML"

--ML
Content-Type: text/plain

This is the mail delivery agent at Symantec Email Security.cloud.

I was unable to deliver your message to the following addresses:

friend@example.org

Reason: 550-Please turn on SMTP Authentication in your mail client.
550-mail0.example [198.51.100.21]:11111 is not permitted to
550 relay through this server without authentication.

--ML
Content-Type: message/delivery-status

Reporting-MTA: dns; server-0.messagelabs.example

Last-Attempt-Date: Thu, 17 Jul 2017 23:34:45 +0000
Diagnostic-Code: smtp; 550-Please turn on SMTP Authentication in your mail client.\x20
550-mail0.example [198.51.100.21]:11111 is not permitted to
550 relay through this server without authentication.
Status: 5.0.0
Action: failed
Final-Recipient: rfc822; friend@example.org

--ML--
"""
FORWARD = """\
From: Ops Person <ops@example.net>
To: admin@example.net
Subject: Fwd: Mail Delivery Failure
Date: Fri, 18 Jul 2017 09:00:00 +0900
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="fwd"

--fwd
Content-Type: text/plain

Can you look at this one?

--fwd
Content-Type: message/rfc822

{bounce}
--fwd--
"""


def test_a_forwarded_bounce_decodes_from_its_own_bytes():
    """The attached bounce is read as it stands in the forward, not as the parser would write it
    again (refolded headers, a blank line put into a field block whose lines broke)."""
    direct = [(r.recipient, r.diagnosticcode, r.reason, r.deliverystatus) for r in decode(BROKEN_DSN.encode())]
    assert direct and direct[0][0] == "friend@example.org"
    forwarded = decode(FORWARD.format(bounce=BROKEN_DSN).encode())
    assert [(r.recipient, r.diagnosticcode, r.reason, r.deliverystatus) for r in forwarded] == direct


FIXTURES = Path(__file__).resolve().parents[1] / "decode" / "fixtures"


def test_a_delivery_status_part_saved_as_a_text_attachment_is_still_one():
    """A client or archive that does not know message/delivery-status saves it as text/plain
    ("details.txt"): a text part after the first whose lines are the report's fields is the report."""
    for name in ("rfc/postfix-dsn-two-recipients.eml", "unseen/exim/blacklist-and-quota.eml"):
        data = (FIXTURES / name).read_bytes()
        saved = re.sub(rb"(?i)Content-Type: message/delivery-status",
                       b'Content-Type: text/plain; name="details.txt"\nContent-Disposition: attachment', data, count=1)
        assert saved != data
        fields = ("recipient", "deliverystatus", "diagnosticcode", "reason", "lhost", "rhost", "decodedby")
        before = [tuple(getattr(r, f) for f in fields) for r in decode(data)]
        assert before and [tuple(getattr(r, f) for f in fields) for r in decode(saved)] == before, name


def test_a_report_inside_a_gateways_multipart_is_still_that_report():
    """A gateway that puts the whole report inside a multipart/mixed, its footer part after it:
    the decoders that know a report by its delivery-status part (Courier's notice, a DSN's
    fields) still know it."""
    from tests.generalization.transforms import TRANSFORMS

    for name in ("unseen/legacyservers/courier-no-such-domain.eml", "rfc/postfix-dsn-two-recipients.eml"):
        data = (FIXTURES / name).read_bytes()
        wrapped = TRANSFORMS["wrap_mixed_footer"](data)
        assert wrapped is not None and b"multipart/mixed" in wrapped
        fields = ("recipient", "deliverystatus", "diagnosticcode", "reason", "lhost", "decodedby")
        before = [tuple(getattr(r, f) for f in fields) for r in decode(data)]
        assert before and [tuple(getattr(r, f) for f in fields) for r in decode(wrapped)] == before, name


def test_report_fields_sent_in_base64_or_quoted_printable_are_the_fields():
    """RFC 6533 lets message/global-delivery-status (and MTAs let message/delivery-status) travel
    in base64 or QP: the fields are what the encoding holds, not its encoded lines."""
    import base64
    import quopri

    data = (FIXTURES / "rfc" / "postfix-dsn-two-recipients.eml").read_bytes()
    head, sep, rest = data.partition(b"Content-Type: message/delivery-status\n\n")
    fields_text, boundary, tail = rest.partition(b"\n--")
    fields = ("recipient", "deliverystatus", "diagnosticcode", "reason", "lhost", "rhost", "decodedby")
    before = [tuple(getattr(r, f) for f in fields) for r in decode(data)]
    assert sep and len(before) == 2
    for cte, encoded in (("base64", base64.encodebytes(fields_text)), ("quoted-printable", quopri.encodestring(fields_text))):
        for ctype in (b"message/delivery-status", b"message/global-delivery-status"):
            sent = (head + b"Content-Type: " + ctype + b"\nContent-Transfer-Encoding: " + cte.encode() + b"\n\n"
                    + encoded.rstrip(b"\n") + boundary + tail)
            assert [tuple(getattr(r, f) for f in fields) for r in decode(sent)] == before, (cte, ctype)


def test_a_gateways_attached_report_relabelled_multipart_mixed_is_still_a_report():
    """X5 returns another MTA's whole report as the attached message; an archiver that relabelled
    that report multipart/mixed left its delivery-status part, which says what failed."""
    path = Path(__file__).parent / "fixtures" / "forms" / "x5-attached-report-as-mixed.eml"
    (record,) = decode(path.read_bytes(), "x5")
    assert (record.decodedby, record.recipient, record.reason, record.deliverystatus) == (
        "X5", "procurement@vendor.example.net", "userunknown", "5.1.1")


def test_a_transfer_encoding_with_a_comment_is_still_decoded():
    """"Content-Transfer-Encoding: base64 (the notice, encoded by the gateway)": RFC 2045 allows a
    comment after the encoding's name."""
    path = Path(__file__).parent / "fixtures" / "forms" / "qmail-cte-with-comment.eml"
    (record,) = decode(path.read_bytes(), "cte")
    assert (record.decodedby, record.recipient, record.reason, record.command) == (
        "qmail", "nanami@example.org", "userunknown", "RCPT")


def test_a_returned_original_sent_in_base64_is_read():
    """message/rfc822 in base64 (RFC 2046 forbids it, gateways do it): the original's sender,
    Message-ID and subject are read from what the base64 encodes."""
    path = Path(__file__).parent / "fixtures" / "forms" / "original-in-base64.eml"
    (record,) = decode(path.read_bytes(), "b64")
    assert (record.addresser, record.messageid, record.subject) == (
        "daiki@example.jp", "interview-31@example.jp", "Interview schedule")


def test_a_report_part_saved_as_an_octet_stream_attachment_is_read():
    """The delivery-status fields as an application/octet-stream file ("details.dsn", as a client
    saves a part type it does not know): status, reply and diagnostic come from them."""
    path = Path(__file__).parent / "fixtures" / "forms" / "dsn-saved-as-octet-stream.eml"
    (record,) = decode(path.read_bytes(), "octet")
    assert (record.decodedby, record.deliverystatus, record.replycode, record.diagnosticcode) == (
        "RFC3464", "5.2.2", "552", "552 5.2.2 Mailbox full")


def test_an_original_after_an_extra_blank_line_is_read():
    """A returned message/rfc822 part whose original starts after a blank line (X3 writes one):
    the parser sees an empty header; the original's fields are still read."""
    path = Path(__file__).parent / "fixtures" / "forms" / "x3-original-after-blank-line.eml"
    (record,) = decode(path.read_bytes(), "x3")
    assert (record.messageid, record.subject) == ("minutes-77@example.org", "Board minutes")
