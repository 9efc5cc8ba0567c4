"""Appliances and services over RFC 3464 or another MTA's text: PowerMTA, McAfee, SurfControl,
Barracuda, amavisd-new, Trend Micro, MX Logic, Yandex."""

from __future__ import annotations

from bouncetui import decode


def dsn(headers: str, text: str, fields: str) -> bytes:
    return (
        headers
        + 'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="D"\n\n'
        + "--D\nContent-Type: text/plain\n\n" + text + "\n"
        + "--D\nContent-Type: message/delivery-status\n\n" + fields + "\n"
        + "--D\nContent-Type: text/rfc822-headers\n\nFrom: me@example.org\nTo: you@example.com\nSubject: s\n\n--D--\n"
    ).encode()


POWERMTA = dsn(
    "From: postmaster@example.net\nSubject: Delivery report\n",
    "<you@example.com> delivery failed; will not continue trying",
    "Reporting-MTA: dns;mta.example.net\nX-PowerMTA-VirtualMTA: pool1\n\n"
    "Final-Recipient: rfc822;you@example.com\nAction: failed\nStatus: 5.0.0 (undefined status)\n"
    "Remote-MTA: dns;mx.example.com (192.0.2.1)\nDiagnostic-Code: smtp;552 mailbox over quota\n"
    "X-PowerMTA-BounceCategory: quota-issues\n",
)

MCAFEE = dsn(
    "From: <MAILER-DAEMON@gw.example.net>\nSubject: Delivery Status\n"
    "X-NAI-Header: Modified by McAfee Email and Web Security Appliance\n",
    "    --- The following addresses had delivery problems ---\n\n<you@example.com>   (Unknown user you@example.com)\n",
    "Original-Recipient: <you@example.com>\nAction: failed\nDiagnostic-Code: smtp; 550 Unknown user you@example.com\n"
    "Remote-MTA: 192.0.2.9\n",
)

SURFCONTROL = dsn(
    "From: <>\nSubject: hello\nX-Mailer: SurfControl E-mail Filter\n",
    "Your message could not be sent.\nFailed to send to identified host,\n"
    "you@example.com: [192.0.2.44], 554 Service currently unavailable\n",
    "Action: failed\nFinal-Recipient: rfc822;you@example.com\nDiagnostic-Code: smtp; 554 Service currently unavailable\n"
    "Status: 5.0.0\n",
)

BARRACUDA = dsn(
    "From: MAILER-DAEMON <>\nSubject: **Message you sent blocked by our bulk email filter**\n",
    "Your message to: you@example.com\nwas blocked by our Spam Firewall.\n",
    "Reporting-MTA: dns; spam.example.com\n\nFinal-Recipient: rfc822; you@example.com\nAction: failed\n"
    "Status: 5.7.1\nDiagnostic-Code: smtp; 550 5.7.1 Message content rejected, UBE, id=1-2-3\n",
)

AMAVIS = dsn(
    'From: "Content-filter at mx.example.com" <postmaster@mx.example.com>\nSubject: Undeliverable mail\n',
    "The message WAS NOT relayed to:\n  <you@example.com>: [127.0.0.1] said:\n   550 5.1.1 Recipient unknown\n",
    "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822;you@example.com\nAction: failed\nStatus: 5.1.1\n",
)

TRENDMICRO = b"""\
From: "InterScan MSS" <postmaster@gw.example.co.jp>
Subject: Undeliverable
Content-Type: text/plain

Sent <<< RCPT TO:<you@example.co.jp>
Received >>> 550 5.1.1 <you@example.co.jp>... user unknown
"""

TRENDMICRO_UNABLE = b"""\
From: postmaster@gw.example.co.jp ("InterScan Notification")
Subject: Mail could not be delivered
Content-Type: text/plain

****** Message from InterScan Messaging Security Suite ******

The following mail could not be delivered.
Reason:  Unable to deliver message to <gone@example.co.jp> (and other recipients in the same domain).
"""

MXLOGIC = b"""\
From: Mail Delivery System <MAILER-DAEMON@relay.mxlogic.example.net>
Subject: Mail delivery failed
X-MX-Bounce: mta/src/queue/bounce

This message was created automatically by mail delivery software.

A message that you have sent could not be delivered to one or more
recipients.  This is a permanent error.  The following address failed:

  <you@example.com>: 550 5.1.1 <you@example.com>: Recipient address rejected

Included is a copy of the message header:
-----------------------------------------
From: me@example.org
To: you@example.com
"""


def test_powermta_category_is_the_reason():
    (rec,) = decode(POWERMTA)
    assert (rec.decodedby, rec.recipient, rec.reason, rec.replycode) == ("PowerMTA", "you@example.com", "mailboxfull", "552")


def test_field_based_appliances():
    (mcafee,) = decode(MCAFEE)
    assert (mcafee.decodedby, mcafee.recipient, mcafee.replycode, mcafee.rhost) == (
        "McAfee", "you@example.com", "550", "192.0.2.9")
    (surf,) = decode(SURFCONTROL)
    assert (surf.decodedby, surf.rhost, surf.replycode) == ("SurfControl", "192.0.2.44", "554")
    (barracuda,) = decode(BARRACUDA)
    assert (barracuda.decodedby, barracuda.deliverystatus) == ("Barracuda", "5.7.1")
    (amavis,) = decode(AMAVIS)
    assert (amavis.decodedby, amavis.rhost, amavis.deliverystatus) == ("Amavis", "127.0.0.1", "5.1.1")
    assert amavis.diagnosticcode == "550 5.1.1 Recipient unknown"


def test_text_based_gateways():
    (trend,) = decode(TRENDMICRO)
    assert (trend.decodedby, trend.recipient, trend.command, trend.replycode) == (
        "TrendMicro", "you@example.co.jp", "RCPT", "550")
    (unable,) = decode(TRENDMICRO_UNABLE)
    # InterScan's notice quotes no reply: it sends it when the recipient's address was refused
    assert (unable.decodedby, unable.recipient, unable.reason, unable.hardbounce) == (
        "TrendMicro", "gone@example.co.jp", "userunknown", True)
    (mxl,) = decode(MXLOGIC)
    assert (mxl.decodedby, mxl.recipient, mxl.deliverystatus, mxl.replycode) == ("MXLogic", "you@example.com", "5.1.1", "550")
    assert mxl.addresser == "me@example.org"


YANDEX = b"""\
From: mailer-daemon@yandex.ru
Subject: Undelivered mail
X-Yandex-Uniq: 00000000-0000-0000-0000-000000000000
Content-Type: text/plain

This is the mail system at host yandex.ru.

<you@example.com>: host mx.example.com[192.0.2.3] said: 550 5.1.1 no such user
    (in reply to RCPT TO command)
"""


def test_yandex_reads_like_postfix():
    (rec,) = decode(YANDEX)
    assert (rec.decodedby, rec.recipient, rec.command, rec.rhost) == ("Yandex", "you@example.com", "RCPT", "mx.example.com")
    assert (rec.deliverystatus, rec.replycode) == ("5.1.1", "550")
