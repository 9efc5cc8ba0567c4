"""Unseen formats, appliances and Japanese carriers: IMail's "Unknown host:" entry beside an
"undeliverable to" entry whose reply follows "DATA command generated response:", and its
"Delivery failed N attempts:" (expired) in a CRLF notice, and the sender refused after "Server
response to MAIL FROM:" (rejected, at MAIL); MessageLabs' CRLF notice without a delivery-status part,
its "Reason:" reply wrapped onto an indented line; McAfee Email Gateway 7's report for two
recipients with two different replies, each with Final-Recipient, Status and Remote-MTA; MX Logic's Exim-derived list of two
addresses with their replies wrapped onto indented lines; InterScan MSS's "Sent <<< RCPT TO" /
"Received >>>" exchanges for two recipients, one refused for good and one over quota (4xx, wrapped);
BIGLOBE's ISO-2022-JP notice listing two addresses under its one "Non-delivered information"
sentence (the mailbox message limit); au's (EZweb) ISO-2022-JP notice "Each of the following
recipients was rejected by a remote mail server." with a ">>> RCPT TO" / "<<< reply" transcript per
recipient; Mimecast's notice without its delivery-status part (the reply wrapped under "Additional
information follows :"), and its notice of retries that timed out ("-- Timeout", "-- Connection timed
out" after 72 hours), whose delivery-status part has a Status (4.4.1) and an Action but no
Diagnostic-Code: the part's status and action count, the text's words are the diagnostic.

IMail names no status for its own phrases ("Unknown host", "Delivery failed N attempts"), so none
is expected; its phrases state the reason outright.
"""

from __future__ import annotations

import pytest

from tests.decode.unseen import Expected, check

CASES: list[tuple[str, list[Expected]]] = [
    ('appliancesjp/biglobe-two-mailbox-limit.eml', [
        ('tama@kbc.biglobe.ne.jp', '', '', '', 'mailboxfull', False),
        ('mike@mxs.biglobe.ne.jp', '', '', '', 'mailboxfull', False),
    ]),
    ('appliancesjp/ezweb-rejected-two-transcripts.eml', [
        ('neko@example.co.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('tora@example.co.jp', '5.2.2', '552', 'RCPT', 'mailboxfull', False),
    ]),
    ('appliancesjp/imail-delivery-failed-attempts-crlf.eml', [
        ('tama@example.org', '', '', '', 'expired', False),
    ]),
    ('appliancesjp/imail-host-and-data-stage.eml', [
        ('kijitora@nowhere.example.org', '', '', '', 'hostunknown', True),
        ('mike@example.com', '5.3.4', '552', 'DATA', 'emailtoolarge', False),
    ]),
    ('appliancesjp/imail-sender-refused-mail-from.eml', [
        ('hachi@example.com', '5.7.1', '553', 'MAIL', 'rejected', False),
    ]),
    ('appliancesjp/mcafee-two-recipients-dsn.eml', [
        ('kijitora@example.co.jp', '5.2.2', '552', '', 'mailboxfull', False),
        ('mike@example.co.jp', '5.7.1', '550', '', 'spamdetected', False),
    ]),
    ('appliancesjp/messagelabs-crlf-wrapped-reason.eml', [
        ('hachi@example.org', '5.3.0', '553', '', 'userunknown', True),
    ]),
    ('appliancesjp/mimecast-text-only-mailbox-full.eml', [
        ('mike@example.org', '5.2.2', '552', '', 'mailboxfull', False),
    ]),
    ('appliancesjp/mimecast-timeout-expired.eml', [
        ('tama@example.net', '4.4.1', '', '', 'expired', False),
    ]),
    ('appliancesjp/mxlogic-two-addresses-wrapped.eml', [
        ('kijitora@example.com', '5.1.1', '550', '', 'userunknown', True),
        ('mike@example.com', '5.7.1', '554', '', 'blocked', False),
    ]),
    ('appliancesjp/trendmicro-two-rcpt-wrapped.eml', [
        ('neko@example.co.jp', '5.1.1', '550', 'RCPT', 'userunknown', True),
        ('tora@example.co.jp', '4.2.2', '452', 'RCPT', 'mailboxfull', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)
