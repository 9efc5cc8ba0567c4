"""Postfix bounces: the DSN fields plus what the notification paragraphs add; old text-only ones."""

from __future__ import annotations

from bouncetui import decode

WITH_DSN = b"""\
From: MAILER-DAEMON@mx1.example.jp (Mail Delivery System)
To: shop@example.jp
Subject: Undelivered Mail Returned to Sender
Date: Mon, 02 Nov 2026 10:00:00 +0900 (JST)
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx1.example.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<gone@example.net> (expanded from <old@example.jp>): host
    mx.example.net[192.0.2.7] said: 550 5.1.1 <gone@example.net>: Recipient
    address rejected: no such mailbox (in reply to RCPT TO command)

<slow@example.org>: conversation with mx.example.org[198.51.100.2] timed out
    while sending end of data -- message may be sent more than once

--B
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.example.jp
X-Postfix-Queue-ID: 4AB12
Arrival-Date: Mon, 02 Nov 2026 09:00:00 +0900 (JST)

Final-Recipient: rfc822; gone@example.net
Original-Recipient: rfc822;old@example.jp
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 550 5.1.1 <gone@example.net>: Recipient address
    rejected: no such mailbox

Final-Recipient: rfc822; slow@example.org
Action: failed
Status: 4.4.2
Diagnostic-Code: X-Postfix; conversation with mx.example.org[198.51.100.2]
    timed out while sending end of data -- message may be sent more than once

--B
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Shop <shop@example.jp>
To: old@example.jp
Subject: News
Message-ID: <n1@example.jp>

--B--
"""

TEXT_ONLY = b"""\
From: MAILER-DAEMON@relay.example.com (Mail Delivery System)
To: alice@example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="X"

--X
Content-Description: Notification
Content-Type: text/plain

This is the Postfix program at host relay.example.com.

I'm sorry to have to inform you that the message returned
below could not be delivered to one or more destinations.

\t\t\tThe Postfix program

<bob@example.net>: host mail.example.net[203.0.113.9] said: 552 Requested
    mail action aborted: exceeded storage allocation (in reply to end of DATA
    command)

--X
Content-Description: Undelivered Message
Content-Type: message/rfc822

From: Alice <alice@example.com>
To: bob@example.net
Subject: hi

hi
--X--
"""

NO_REPORT = b"""\
From: MAILER-DAEMON@relay.example.com (Mail Delivery System)
To: alice@example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="X"

--X
Content-Type: text/plain

This is the mail system at host relay.example.com.

\t--- Delivery report unavailable ---

--X
Content-Type: message/rfc822

From: Alice <alice@example.com>
To: carol@example.org
Subject: hi

hi
--X--
"""


def test_fields_completed_by_the_notification_paragraphs():
    gone, slow = decode(WITH_DSN)
    assert gone.decodedby == "Postfix"
    assert (gone.recipient, gone.alias) == ("gone@example.net", "old@example.jp")
    assert (gone.deliverystatus, gone.replycode, gone.command) == ("5.1.1", "550", "RCPT")
    assert (gone.rhost, gone.lhost) == ("mx.example.net", "mx1.example.jp")
    assert gone.diagnosticcode.startswith("550 5.1.1 <gone@example.net>: Recipient address rejected")
    assert gone.addresser == "shop@example.jp"
    assert (slow.recipient, slow.deliverystatus, slow.command) == ("slow@example.org", "4.4.2", "DATA")
    assert slow.rhost == "mx.example.org" and slow.replycode == ""


def test_old_text_only_bounce():
    (rec,) = decode(TEXT_ONLY)
    assert (rec.decodedby, rec.recipient, rec.action) == ("Postfix", "bob@example.net", "failed")
    assert (rec.replycode, rec.command, rec.rhost) == ("552", "DATA", "mail.example.net")
    assert rec.diagnosticcode == "552 Requested mail action aborted: exceeded storage allocation"
    assert rec.lhost == "relay.example.com"
    assert rec.addresser == "alice@example.com"


def test_report_unavailable_takes_the_recipient_of_the_returned_message():
    (rec,) = decode(NO_REPORT)
    assert (rec.decodedby, rec.recipient) == ("Postfix", "carol@example.org")


def test_ordinary_mail_mentioning_postfix_is_not_a_bounce():
    mail = b"From: a@example.com\nTo: b@example.com\nSubject: our Postfix setup\n\nThe mail system at host x.\n"
    assert decode(mail) == []


REFUSED = b"""\
From: MAILER-DAEMON@relay.example.jp (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
Content-Type: text/plain

This is the mail system at host relay.example.jp.

<user@example.net>: delivery temporarily suspended: connect to
    mx.example.net[192.0.2.10]: server refused to talk to me: 421 Service not
    available, closing transmission channel
"""


def test_refused_greeting_keeps_only_the_remote_words():
    (rec,) = decode(REFUSED)
    assert (rec.command, rec.rhost, rec.replycode) == ("CONN", "mx.example.net", "421")
    assert rec.diagnosticcode == "421 Service not available, closing transmission channel"
