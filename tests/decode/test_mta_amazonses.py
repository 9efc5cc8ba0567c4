"""Amazon SES: JSON bounce/complaint/delivery/delay notifications and SES's own mail reports."""

from __future__ import annotations

import json

from bouncetui import decode


def _sns_mail(payload: dict, wrap_at: int = 0) -> bytes:
    body = json.dumps(payload, separators=(",", ":"))
    if wrap_at:  # what sendmail does to lines over its limit: "!" + newline + space
        body = "!\n ".join(body[i : i + wrap_at] for i in range(0, len(body), wrap_at))
    return (
        "From: AWS Notifications <no-reply@sns.amazonaws.com>\n"
        "To: ops@shop.example\n"
        "Subject: AWS Notification Message\n"
        "Date: Sat, 07 Nov 2026 12:00:00 +0000\n"
        "Content-Type: text/plain; charset=UTF-8\n\n"
        + body
        + "\n\n--\nIf you wish to stop receiving notifications from this topic, please click below.\n"
    ).encode()


MAIL = {
    "source": "news@shop.example",
    "messageId": "0100-ses-id",
    "destination": ["hank@isp.example.net"],
    "headers": [
        {"name": "From", "value": "Shop News <news@shop.example>"},
        {"name": "To", "value": "hank@isp.example.net"},
        {"name": "Subject", "value": "Autumn sale"},
        {"name": "Message-ID", "value": "<autumn-sale-1@shop.example>"},
    ],
    "commonHeaders": {"from": ["Shop News <news@shop.example>"], "subject": "Autumn sale"},
}


def test_mailbox_full_bounce_states_its_reason():
    payload = {
        "notificationType": "Bounce",
        "bounce": {
            "bounceType": "Transient",
            "bounceSubType": "MailboxFull",
            "bouncedRecipients": [
                {"emailAddress": "hank@isp.example.net", "action": "failed", "status": "5.2.2",
                 "diagnosticCode": "smtp; 552 5.2.2 Mailbox quota exceeded"}
            ],
            "reportingMTA": "dsn; b12-34.smtp-out.amazonses.com",
        },
        "mail": MAIL,
    }
    (record,) = decode(_sns_mail(payload, wrap_at=120), "ses.eml")
    assert record.decodedby == "AmazonSES"
    assert record.recipient == "hank@isp.example.net"
    assert record.reason == "mailboxfull"
    assert (record.deliverystatus, record.replycode) == ("5.2.2", "552")
    assert record.diagnosticcode == "552 5.2.2 Mailbox quota exceeded"
    assert record.lhost == "b12-34.smtp-out.amazonses.com"
    assert record.addresser == "news@shop.example"
    assert record.messageid == "autumn-sale-1@shop.example"
    assert record.subject == "Autumn sale"


def test_suppressed_and_general_bounces():
    payload = {
        "notificationType": "Bounce",
        "bounce": {
            "bounceType": "Permanent",
            "bounceSubType": "Suppressed",
            "bouncedRecipients": [{"emailAddress": "ivy@isp.example.net"}],
        },
        "mail": MAIL,
    }
    (record,) = decode(_sns_mail(payload), "ses.eml")
    assert record.reason == "suppressed"
    assert record.action == "failed"
    assert record.diagnosticcode == "Permanent bounce (Suppressed)"
    payload["bounce"]["bounceSubType"] = "General"
    payload["bounce"]["bouncedRecipients"][0]["diagnosticCode"] = "smtp; 550 5.1.1 no such user"
    (record,) = decode(_sns_mail(payload), "ses.eml")
    assert record.reason == "userunknown"  # from the remote's words, not from SES


def test_complaint_delivery_and_delay_notifications():
    complaint = {
        "notificationType": "Complaint",
        "complaint": {"complainedRecipients": [{"emailAddress": "jack@isp.example.net"}],
                      "complaintFeedbackType": "abuse", "userAgent": "ExampleISP Feedback Loop"},
        "mail": MAIL,
    }
    (record,) = decode(_sns_mail(complaint), "ses.eml")
    assert (record.recipient, record.reason, record.feedbacktype) == ("jack@isp.example.net", "feedback", "abuse")
    delivery = {
        "eventType": "Delivery",
        "delivery": {"recipients": ["kim@isp.example.net"], "smtpResponse": "250 2.0.0 OK queued",
                     "reportingMTA": "b5.smtp-out.amazonses.com"},
        "mail": MAIL,
    }
    (record,) = decode(_sns_mail(delivery), "ses.eml")
    assert (record.action, record.reason, record.deliverystatus, record.replycode) == (
        "delivered", "delivered", "2.0.0", "250")
    delay = {
        "eventType": "DeliveryDelay",
        "deliveryDelay": {"delayType": "MailboxFull", "delayedRecipients": [
            {"emailAddress": "lee@isp.example.net", "status": "4.2.2",
             "diagnosticCode": "smtp; 452 4.2.2 Mailbox full"}]},
        "mail": MAIL,
    }
    (record,) = decode(_sns_mail(delay), "ses.eml")
    assert (record.action, record.deliverystatus, record.replycode) == ("delayed", "4.2.2", "452")


def test_raw_sns_envelope_json_file():
    inner = {"notificationType": "Bounce", "bounce": {"bounceType": "Permanent", "bounceSubType": "NoEmail",
             "timestamp": "2026-11-07T12:00:00.000Z",
             "bouncedRecipients": [{"emailAddress": "max@isp.example.net"}]}, "mail": MAIL}
    envelope = {"Type": "Notification", "MessageId": "x", "Message": json.dumps(inner)}
    (record,) = decode(json.dumps(envelope).encode(), "ses.json")
    assert (record.recipient, record.reason) == ("max@isp.example.net", "userunknown")
    assert (record.timestamp, record.timezoneoffset) == (1794052800, "+0000")  # the bounce's own time


SES_DSN = b"""\
From: MAILER-DAEMON@email-bounces.amazonses.com
To: news@shop.example
Subject: Delivery Status Notification (Failure)
Date: Sun, 08 Nov 2026 12:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="S"

--S
Content-Type: text/plain; charset=us-ascii

An error occurred while trying to deliver the mail to the following recipients:
nora@isp.example.net

--S
Content-Type: message/delivery-status

Reporting-MTA: dns; a1-2.smtp-out.amazonses.com

Final-Recipient: rfc822; nora@isp.example.net
Action: failed
Status: 5.0.0 (permanent failure)
Diagnostic-Code: smtp; 5.3.0 - Other mail system problem 550-'5.7.1 Sender blocked by policy' (delivery attempts: 0)

--S
Content-Type: message/rfc822

From: news@shop.example
To: nora@isp.example.net
Subject: Hello
Message-ID: <hello-9@shop.example>

Hi
--S--
"""


def test_ses_mail_report_takes_the_remote_servers_codes():
    (record,) = decode(SES_DSN, "ses-dsn.eml")
    assert record.decodedby == "AmazonSES"
    assert (record.deliverystatus, record.replycode) == ("5.7.1", "550")
    assert record.messageid == "hello-9@shop.example"
    expired = SES_DSN.replace(
        b"5.3.0 - Other mail system problem 550-'5.7.1 Sender blocked by policy' (delivery attempts: 0)",
        b"554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>",
    )
    (record,) = decode(expired, "ses-dsn.eml")
    assert (record.deliverystatus, record.replycode) == ("4.4.2", "421")


def test_plain_dsn_codes_are_kept():
    plain = SES_DSN.replace(
        b"5.3.0 - Other mail system problem 550-'5.7.1 Sender blocked by policy' (delivery attempts: 0)",
        b"550 5.1.1 <nora@isp.example.net>: user unknown",
    ).replace(b"Status: 5.0.0 (permanent failure)", b"Status: 5.1.1")
    (record,) = decode(plain, "ses-dsn.eml")
    assert (record.deliverystatus, record.replycode, record.reason) == ("5.1.1", "550", "userunknown")


def test_reject_event_is_a_virus_for_every_destination():
    payload = {"eventType": "Reject", "reject": {"reason": "Bad content"}, "mail": MAIL}
    (record,) = decode(_sns_mail(payload), "ses.eml")
    assert (record.recipient, record.reason, record.action) == ("hank@isp.example.net", "virusdetected", "failed")
    assert record.diagnosticcode == "Amazon SES rejected the message: Bad content"


def test_a_delay_without_the_remote_servers_words_is_read_by_its_delay_type():
    """SES's documented delayType names the cause when the delayed recipient has no diagnostic; the
    remote server's words, when given, decide instead."""
    def delayed(delay_type: str, entry: dict) -> str:
        event = {"eventType": "DeliveryDelay", "mail": MAIL, "deliveryDelay": {
            "delayType": delay_type, "delayedRecipients": [dict(entry, emailAddress="lee@isp.example.net")]}}
        (record,) = decode(_sns_mail(event), "ses.eml")
        assert record.action == "delayed"
        return record.reason

    bare = {"status": "4.4.1"}
    assert delayed("MailboxFull", bare) == "mailboxfull"
    assert delayed("IPFailure", bare) == "blocked"
    assert delayed("TransientCommunicationFailure", bare) == "networkerror"
    assert delayed("RecipientServerError", bare) == "systemerror"
    said = {"status": "4.7.1", "diagnosticCode": "smtp; 450 4.7.1 <lee@isp.example.net>: Recipient address "
                                                 "rejected: Greylisted, see https://postgrey.example/help"}
    assert delayed("MailboxFull", said) == "blocked"  # the remote server's own words decide
