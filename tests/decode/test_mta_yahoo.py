"""Yahoo's "Failure Notice": per-address remote replies, the stage tag, the inline original."""

from __future__ import annotations

from bouncetui import decode

NOTICE = b"""\
From: MAILER-DAEMON@yahoo.com
To: erin@yahoo.example
Subject: Failure Notice
Date: Fri, 06 Nov 2026 11:00:00 +0000
Content-Type: text/plain; charset=UTF-8

Sorry, we were unable to deliver your message to the following address.

<frank@corp.example.com>:
Remote host said:
552 5.2.2 <frank@corp.example.com>: mailbox over quota
[RCPT_TO]

<grace@corp.example.com>:
Remote host said: 501 5.1.8 Bad sender domain [MAIL_FROM]

--- Below this line is a copy of the message.

Received: from [192.0.2.4] by smtp.yahoo.example; Fri, 06 Nov 2026 10:59:00 +0000
From: Erin <erin@yahoo.example>
To: frank@corp.example.com, grace@corp.example.com
Subject: Quarterly numbers
Message-ID: <q3-numbers@yahoo.example>

See attached.
"""


def test_each_address_gets_its_reply_and_stage():
    first, second = decode(NOTICE, "yahoo.eml")
    assert {first.decodedby, second.decodedby} == {"Yahoo"}
    assert first.recipient == "frank@corp.example.com"
    assert first.diagnosticcode == "552 5.2.2 <frank@corp.example.com>: mailbox over quota"
    assert (first.replycode, first.deliverystatus, first.command) == ("552", "5.2.2", "RCPT")
    assert second.recipient == "grace@corp.example.com"
    assert (second.replycode, second.deliverystatus, second.command) == ("501", "5.1.8", "MAIL")
    assert "[MAIL_FROM]" not in second.diagnosticcode
    assert first.messageid == "q3-numbers@yahoo.example"
    assert first.addresser == "erin@yahoo.example"


def test_bare_reply_without_remote_host_said():
    short = NOTICE.replace(b"Remote host said: 501 5.1.8 Bad sender domain [MAIL_FROM]", b"550: : User unknown")
    second = decode(short, "yahoo.eml")[1]
    assert second.diagnosticcode == "550 : User unknown"
    assert second.replycode == "550"
    assert second.command == ""

