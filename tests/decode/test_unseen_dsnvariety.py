"""Unseen formats, RFC 3464 / RFC 6533 delivery status notifications from MTAs that have no decoder
of their own, read by the generic decoder (or by the one whose wording they share):

- Stalwart's "Partially delivered message" (its "rejected command 'RCPT TO:<...>' with code 550
  (5.1.1)" lines; one recipient failed, one delayed with Will-Retry-Until);
- Cisco IronPort/AsyncOS's "The following message to <...> was undeliverable. The reason for the
  problem: 5.1.0 - Unknown address error 550-'...'" (Status "5.0.0 (permanent failure)", the
  remote reply inside its own wording, "(delivery attempts: N)") and its "5.4.7 - Delivery expired
  (message too old)", each with text/rfc822-headers;
- MailEnable's text-only "Message Delivery Failure" ("Recipient: [SMTP:...]", "Reason: Remote
  SMTP Server Returned: ...");
- maddy's "This is the mail delivery system at ..." with X-Maddy diagnostics (a DNS lookup that
  found no such host; STARTTLS required by policy) and the per-message Last-Attempt-Date;
- a forwarding service's report with Original-Recipient different from Final-Recipient,
  X-Actual-Recipient, and the actions failed, relayed and expanded in one report;
- a report whose recipient blocks have Status but no Action, with CRLF line ends;
- message/global-delivery-status with utf-8 address types and message/global-headers;
- RFC 6533's \\x{HEX}-escaped utf-8 Original-Recipient in a 7-bit delivery-status part;
- local delivery failures with X-Unix diagnostics folded over several lines (maildrop over quota,
  a pipe's exit status) and X-Actual-Recipient naming the maildir and the pipe;
- a positive DSN (NOTIFY=SUCCESS: delivered, delivered, relayed) and a delay warning (greylisting,
  "This is an automatically generated Delivery Status Notification", Remote-MTA with its address);
- an NDR whose notice is HTML only and whose delivery-status part is base64 (CRLF), one recipient
  a local mailbox ("Final-Recipient: LOCAL;jsmith", the address in Original-Recipient), one refused
  by a DNSBL;
- negative: a person's mail quoting a report's fields to ask what they mean: no record.
"""

from __future__ import annotations

import pytest

from bouncetui import decode
from bouncetui.decode.message import Message
from bouncetui.decode.rfc3464 import announced, utf8_address
from tests.decode.unseen import FIXTURES, Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('dsnvariety/automatically-generated-delay.eml', [
        ('wendy@example.net', '4.7.1', '450', '', 'blocked', False),
    ]),
    ('dsnvariety/forwarder-original-recipient.eml', [
        ('julia.k@example.net', '5.1.1', '550', '', 'userunknown', True),
        ('kenji.w@example.org', '2.0.0', '', '', 'delivered', False),
        ('class-of-2009@alumni.example.edu', '2.0.0', '', '', 'delivered', False),
    ]),
    ('dsnvariety/global-dsn-utf8-failed-and-delayed.eml', [
        ('佐藤@例え.jp', '5.1.1', '550', '', 'userunknown', True),
        ('josé@example.es', '4.4.1', '421', '', 'expired', False),
    ]),
    ('dsnvariety/html-notice-base64-status-local-type.eml', [
        ('jsmith@example.com', '5.2.2', '552', '', 'mailboxfull', False),
        ('kmeyer@example.org', '5.7.1', '554', '', 'blocked', False),
    ]),
    ('dsnvariety/ironport-delivery-expired.eml', [
        ('emil@example.net', '5.4.7', '', '', 'expired', False),
    ]),
    ('dsnvariety/ironport-unknown-address.eml', [
        ('dora@example.org', '5.1.1', '550', '', 'userunknown', True),
    ]),
    ('dsnvariety/local-xunix-folded.eml', [
        ('rosa@example.org', '5.2.2', '', '', 'mailboxfull', False),
        ('sam@example.org', '5.3.0', '', '', 'mailererror', False),
    ]),
    ('dsnvariety/maddy-dns-and-tls.eml', [
        ('oscar@nonexistent.example', '5.1.2', '', '', 'hostunknown', True),
        ('paula@example.org', '5.7.10', '', '', 'failedstarttls', False),
    ]),
    ('dsnvariety/mailenable-text-only.eml', [
        ('gina@example.org', '5.1.1', '550', '', 'userunknown', True),
        ('hugo@example.net', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('dsnvariety/negative-person-quotes-dsn-fields.eml', []),
    ('dsnvariety/stalwart-failed-and-delayed.eml', [
        ('bruno@example.org', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('carla@example.net', '4.2.2', '452', 'RCPT', 'mailboxfull', False),
    ]),
    ('dsnvariety/status-without-action-crlf.eml', [
        ('leo@example.org', '5.1.1', '550', '', 'userunknown', True),
        ('mia@example.jp', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('dsnvariety/success-delivered-and-relayed.eml', [
        ('ulrich@example.net', '2.0.0', '', '', 'delivered', False),
        ('vera@example.net', '2.0.0', '', '', 'delivered', False),
        ('walt@example.org', '2.0.0', '', '', 'delivered', False),
    ]),
    ('dsnvariety/utf8-xtext-original-recipient.eml', [
        ('jm@mailbox.example.de', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


@pytest.mark.parametrize(("name", "actions"), [
    ("dsnvariety/forwarder-original-recipient.eml", ["failed", "relayed", "expanded"]),
    ("dsnvariety/stalwart-failed-and-delayed.eml", ["failed", "delayed"]),
    ("dsnvariety/success-delivered-and-relayed.eml", ["delivered", "delivered", "relayed"]),
    # no Action field: a 5.x.x status is a failure
    ("dsnvariety/status-without-action-crlf.eml", ["failed", "failed"]),
    ("dsnvariety/automatically-generated-delay.eml", ["delayed"]),
])
def test_each_recipient_keeps_its_own_action(name: str, actions: list[str]) -> None:
    assert [r.action for r in records(name)] == actions


def test_original_recipient_different_from_final_is_the_alias() -> None:
    failed, relayed, expanded = records("dsnvariety/forwarder-original-recipient.eml")
    assert (failed.recipient, failed.alias) == ("julia.k@example.net", "julia@alumni.example.edu")
    assert (relayed.recipient, relayed.alias) == ("kenji.w@example.org", "kenji@alumni.example.edu")
    assert expanded.alias == ""  # the same address twice is no alias
    assert failed.rhost == "mx.example.net" and failed.lhost == "fwd.example.edu"


def test_escaped_utf8_original_recipient_is_decoded() -> None:
    (rec,) = records("dsnvariety/utf8-xtext-original-recipient.eml")
    assert rec.alias == "jürgen.müller@example.de"


@pytest.mark.parametrize(("text", "decoded"), [
    (r"utf-8; j\x{FC}rgen@example.de", "utf-8; jürgen@example.de"),
    (r"utf-8; \x{4F50}\x{85E4}@\x{4F8B}\x{3048}.jp", "utf-8; 佐藤@例え.jp"),
    ("rfc822; plain@example.com", "rfc822; plain@example.com"),
    (r"utf-8; a\x{110000}@example.com", r"utf-8; a\x{110000}@example.com"),  # past Unicode: as written
    (r"utf-8; a\x{D800}@example.com", r"utf-8; a\x{D800}@example.com"),  # a surrogate: as written
])
def test_utf8_address_escapes(text: str, decoded: str) -> None:
    assert utf8_address(text) == decoded


def test_folded_diagnostic_lines_are_joined_and_typed() -> None:
    quota, pipe = records("dsnvariety/local-xunix-folded.eml")
    assert quota.diagnostictype == pipe.diagnostictype == "X-UNIX"
    assert quota.diagnosticcode == ("maildrop: maildir over quota. Quota is 1048576000 bytes, "
                                    "the mailbox holds 1048520113 bytes")
    assert pipe.diagnosticcode.endswith("Permission denied (exit status 73)")


def test_remote_mta_with_an_address_gives_the_host_name() -> None:
    (rec,) = records("dsnvariety/automatically-generated-delay.eml")
    assert rec.rhost == "mx.example.net"
    assert rec.diagnosticcode.endswith("Greylisted, please try again in 300 seconds")


def test_ironport_status_comment_and_attempts_stay_in_the_diagnostic() -> None:
    (rec,) = records("dsnvariety/ironport-delivery-expired.eml")
    assert rec.diagnosticcode.startswith("5.4.7 - Delivery expired (message too old)")
    assert rec.messageid == "digest-11-2026.emil@example.com"  # from the text/rfc822-headers part


FIELDS_IN_TEXT = "\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n"


@pytest.mark.parametrize(("fields", "is_report"), [
    (("From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.com>", "Subject: Returned mail"), True),
    (("From: postmaster@example.com", "Subject: Report"), True),
    (("From: relay@example.com", "Return-Path: <>", "Subject: Report"), True),
    (("From: relay@example.com", "Auto-Submitted: auto-replied", "Subject: Report"), True),
    (("From: relay@example.com", "Subject: Delivery Status Notification (Failure)"), True),
    (("From: Olivia <olivia@example.com>", "Subject: What does this mean?"), False),
    (("From: Olivia <olivia@example.com>", "Subject: Re: Undeliverable: Invoice"), False),  # a reply
    (("From: Olivia <olivia@example.com>", "Auto-Submitted: no", "Subject: Question"), False),
])
def test_fields_in_a_text_part_count_only_in_a_notification(fields: tuple[str, ...], is_report: bool) -> None:
    message = Message.parse(("\n".join(("To: b@example.com", *fields)) + FIELDS_IN_TEXT).encode())
    assert announced(message) is is_report


def test_a_base64_delivery_status_part_whose_encoding_has_a_comment_is_decoded() -> None:
    """RFC 2045 allows a comment after the encoding ("base64 (as sent)")."""
    path = FIXTURES / "dsnvariety/html-notice-base64-status-local-type.eml"
    raw = path.read_bytes().replace(b"Content-Transfer-Encoding: base64\r\n",
                                    b"Content-Transfer-Encoding: base64 (as sent)\r\n")
    assert [r.recipient for r in decode(raw, str(path))] == ["jsmith@example.com", "kmeyer@example.org"]
