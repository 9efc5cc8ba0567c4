"""Google reports with an empty delivery-status part: recipient from the header, words from the text."""

from __future__ import annotations

from bouncetui import decode

REPORT = b"""\
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: dave@example.com
Subject: Delivery Status Notification (Failure)
Date: Thu, 05 Nov 2026 10:00:00 +0000
X-Failed-Recipients: team@partner.example.net
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="R"

--R
Content-Type: text/plain; charset="UTF-8"

** Message not delivered **

Google could not hand your message to the mail server configured for your other address.

The response was:

Unspecified Error (SENT_MAIL): relay.partner.example.net refused the connection

--R
Content-Type: message/delivery-status


--R
Content-Type: message/rfc822

From: Dave <dave@example.com>
To: team@partner.example.net
Subject: Minutes
Message-ID: <minutes-7@example.com>

Attached.
--R--
"""


def test_empty_status_part_falls_back_to_header_and_text():
    (record,) = decode(REPORT, "gw.eml")
    assert record.decodedby == "GoogleWorkspace"
    assert record.recipient == "team@partner.example.net"
    assert record.action == "failed"
    assert record.diagnosticcode == "Unspecified Error (SENT_MAIL): relay.partner.example.net refused the connection"
    assert record.messageid == "minutes-7@example.com"
    assert record.command == "MAIL"


def test_complete_reports_are_left_to_the_rfc3464_decoder():
    full = REPORT.replace(
        b"Content-Type: message/delivery-status\n\n",
        b"Content-Type: message/delivery-status\n\nReporting-MTA: dns; googlemail.com\n\n"
        b"Final-Recipient: rfc822; team@partner.example.net\nAction: failed\nStatus: 5.0.0\n",
    )
    (record,) = decode(full, "gw.eml")
    assert record.decodedby != "GoogleWorkspace"
    assert record.recipient == "team@partner.example.net"


SEND_MAIL_AS = REPORT.replace(
    b"Google could not hand your message to the mail server configured for your other address.\n",
    b"You're sending this from a different address or alias using the 'Send mail as' feature.\n"
    b"Learn more here: https://support.google.com/mail/?p=CustomFromDenied\n",
).replace(
    b"Unspecified Error (SENT_MAIL): relay.partner.example.net refused the connection",
    b"Unspecified Error (SENT_SECOND_EHLO): Smtp server does not advertise AUTH capability",
)


def test_googles_help_topic_names_the_cause():
    (record,) = decode(SEND_MAIL_AS, "gw.eml")
    assert record.command == "EHLO"
    # the sender's "Send mail as" address is misconfigured: not a client blocked at EHLO
    assert record.reason == "rejected"


def test_an_unknown_help_topic_leaves_the_reason_to_the_words():
    other = SEND_MAIL_AS.replace(b"?p=CustomFromDenied", b"?p=SomethingElse")
    (record,) = decode(other, "gw.eml")
    assert record.reason == "blocked"
