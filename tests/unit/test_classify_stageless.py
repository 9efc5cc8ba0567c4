"""A "user unknown" with no SMTP stage and an undefined status (x.0.0): the receive filters' reply."""

from __future__ import annotations

import pytest

from bouncetui import decode

_DSN = """\
From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.org>
To: <sender@example.org>
Subject: Returned mail: delivery problems
Date: Tue, 03 Mar 2026 10:00:00 +0000
Message-ID: <dsn-1@relay.example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain; charset=us-ascii

The following address had delivery problems:
<someone@mail.example.net> (unrecoverable error)

--BOUNDARY
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example.org

Final-Recipient: rfc822; someone@mail.example.net
Action: failed
Status: {status}
Diagnostic-Code: smtp; {reply}
Remote-MTA: dns; mail.example.net

--BOUNDARY
Content-Type: text/rfc822-headers

From: <sender@example.org>
To: <someone@mail.example.net>
Subject: hello

--BOUNDARY--
"""


def _only(status: str, reply: str):
    raw = _DSN.format(status=status, reply=reply).replace("\n", "\r\n").encode()
    records = decode(raw, "hand-written")
    assert len(records) == 1
    assert records[0].recipient == "someone@mail.example.net"
    assert records[0].command == ""  # the report states no SMTP stage
    return records[0]


@pytest.mark.parametrize("status", ["5.0.0", "4.0.0"])
def test_the_filters_reply_with_an_undefined_status_and_no_stage_is_a_filter(status):
    """"550 User unknown" with no stage and a status that names no detail (x.0.0) proves no
    missing mailbox: carriers' receive filters answer with these very words, so the address is
    not suppressed as a hard bounce."""
    record = _only(status, "550 User unknown")
    assert record.reason == "filtered"
    assert record.hardbounce is False


@pytest.mark.parametrize("reply", ["550 No such user here", "550 The mailbox does not exist"])
def test_other_words_of_a_missing_mailbox_are_no_filter(reply):
    """Words no receive filter answers with still say the mailbox is missing, x.0.0 or not."""
    record = _only("5.0.0", reply)
    assert record.reason == "userunknown"
    assert record.hardbounce is True


def test_an_address_status_proves_the_missing_mailbox():
    """With x.1.1 the same reply is a missing mailbox, stage or no stage."""
    record = _only("5.1.1", "550 5.1.1 User unknown")
    assert record.reason == "userunknown"
    assert record.hardbounce is True
