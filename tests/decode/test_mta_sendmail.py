"""Sendmail bounces: failed-address list, session transcript, DSN fields, forwarded copies."""

from __future__ import annotations

from bouncetui import decode

BOUNCE = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>
To: <news@example.jp>
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="S"

--S

The original message was received at Tue, 3 Nov 2026 10:00:00 +0900
from localhost [127.0.0.1]

   ----- The following addresses had permanent fatal errors -----
<full@example.net>
    (reason: 552-5.2.2 The mailbox of this user is over its quota)

   ----- Transcript of session follows -----
... while talking to mx.example.net.:
>>> DATA
<<< 552-5.2.2 The mailbox of this user is over its quota
<<< 552 5.2.2 and cannot take more mail right now
554 5.0.0 Service unavailable

--S
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.jp

Final-Recipient: RFC822; full@example.net
Action: failed
Status: 5.0.0
Remote-MTA: DNS; mx.example.net
Diagnostic-Code: SMTP; 552-5.2.2 The mailbox of this user is over its quota

--S
Content-Type: text/rfc822-headers

From: News <news@example.jp>
To: full@example.net
Subject: Weekly

--S--
"""

LOCAL = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@host.example.org>
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="L"

--L

   ----- The following addresses had permanent fatal errors -----
"|/usr/local/bin/filter"
    (reason: 75)
    (expanded from: <list@host.example.org>)

   ----- Transcript of session follows -----
554 5.3.0 unknown mailer error 75

--L
Content-Type: message/delivery-status

Reporting-MTA: dns; host.example.org

Final-Recipient: RFC822; list@host.example.org
Action: failed
Status: 5.0.0
Diagnostic-Code: X-Unix; 75

--L--
"""

FORWARDED = b"""\
From: Alice <alice@example.com>
To: helpdesk@example.com
Subject: Fwd: Returned mail: see transcript for details
Content-Type: text/plain

Why did this bounce?

> From: Mail Delivery Subsystem <MAILER-DAEMON>
> Subject: Returned mail: see transcript for details
>
>    ----- The following addresses had permanent fatal errors -----
> <nobody@example.org>
>     (reason: 550 5.1.1 <nobody@example.org>... User unknown)
>
>    ----- Transcript of session follows -----
> ... while talking to mx.example.org.:
>>>> RCPT To:<nobody@example.org>
> <<< 550 5.1.1 <nobody@example.org>... User unknown
> 550 5.1.1 <nobody@example.org>... User unknown
> Return-Path: <newsletter@example.com>
> From: Newsletter <newsletter@example.com>
> To: nobody@example.org
> Subject: news
"""


def test_multi_line_reply_and_its_status_win_over_the_first_line_and_sendmails_own_code():
    (rec,) = decode(BOUNCE)
    assert (rec.decodedby, rec.recipient) == ("Sendmail", "full@example.net")
    assert (rec.deliverystatus, rec.replycode, rec.command) == ("5.2.2", "552", "DATA")
    assert rec.diagnosticcode == "552-5.2.2 The mailbox of this user is over its quota and cannot take more mail right now"
    assert (rec.rhost, rec.lhost, rec.addresser) == ("mx.example.net", "mx.example.jp", "news@example.jp")


def test_local_mailer_error_takes_the_transcript_line_over_the_exit_code():
    (rec,) = decode(LOCAL)
    assert rec.recipient == "list@host.example.org"
    assert rec.diagnosticcode == "554 5.3.0 unknown mailer error 75"
    assert (rec.deliverystatus, rec.replycode) == ("5.3.0", "554")
    assert rec.reason == "mailererror"  # the address was expanded to a program, which failed


def test_bounce_forwarded_with_quoting():
    (rec,) = decode(FORWARDED)
    assert (rec.decodedby, rec.recipient, rec.command) == ("Sendmail", "nobody@example.org", "RCPT")
    assert (rec.deliverystatus, rec.replycode, rec.rhost) == ("5.1.1", "550", "mx.example.org")
    assert (rec.addresser, rec.subject) == ("newsletter@example.com", "news")  # the quoted copy's headers


BARE_REPLY = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="R"

--R

   ----- The following addresses had permanent fatal errors -----
<late@example.net>
    (reason: )

   ----- Transcript of session follows -----
... while talking to mx.example.net.:
<<< 421
<late@example.net>... Deferred: 421
Message could not be delivered for 5 days

--R
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.jp

Final-Recipient: RFC822; late@example.net
Action: failed
Status: 4.4.7
Diagnostic-Code: SMTP;

--R--
"""


def test_a_bare_reply_code_is_the_reply():
    (rec,) = decode(BARE_REPLY)
    assert (rec.recipient, rec.replycode, rec.command, rec.rhost) == ("late@example.net", "421", "CONN", "mx.example.net")


LOCAL_OUTPUT = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="L"

--L

   ----- The following addresses had permanent fatal errors -----
<ghost@example.net>

   ----- Transcript of session follows -----
mail.local: unknown user: ghost
554 <ghost@example.net>... Service unavailable

--L
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: RFC822; ghost@example.net
Action: failed
Status: 5.5.0

--L--
"""


def test_local_mailer_output_explains_the_address_line():
    (rec,) = decode(LOCAL_OUTPUT)
    assert rec.diagnosticcode == "mail.local: unknown user: ghost 554 <ghost@example.net>... Service unavailable"
    assert (rec.replycode, rec.reason) == ("554", "userunknown")
