"""The unnamed MTAs and gateways X1 to X6: each recognised by its wording alone."""

from __future__ import annotations

from bouncetui import decode

X1 = b"""\
From: "Mail Deliver System" <MAILER-DAEMON@gw.example.jp>
Subject: Returned Mail: User unknown
Content-Type: text/plain

The original message was received at Mon, 2 Nov 2026 10:00:00 +0900
from me@example.jp

---The following addresses had delivery errors---

who@example.org [User unknown]

"""

X2 = b"""\
From: MAILER-DAEMON@webmail.example.com
Subject: Delivery failure

Message from webmail.example.com.
Unable to deliver message to the following address(es).

<gone@webmail.example.com>:
This account has been disabled or discontinued [#102].

--- Original message follows.

From: me@example.org
To: gone@webmail.example.com
Subject: hi
"""

X3 = b"""\
From: Mail Delivery System <Mail.Delivery.System@mx.example.com>
Subject: Delivery status notification
Content-Type: text/plain

============================================================================
      This is an automatically generated Delivery Status Notification.

Delivery to the following recipients failed permanently:

   * nobody@example.com

============================================================================
                             Technical details:

SMTP:RCPT host 192.0.2.8: 550 5.1.1 <nobody@example.com>... No such user
============================================================================
"""

X4 = b"""\
From: MAILER-DAEMON@mx.example.net
Subject: failure notice

Your mail message to the following address(es) could not be delivered. This
is a permanent error.

<full@example.net>:
child status 100...The e-mail message could not be delivered because the user's mailfolder is full.

--- Below this line is a copy of the message.

From: me@example.org
"""

X6 = b"""\
From: mailer-daemon
Subject: There was an error sending your mail
Content-Type: text/plain

We had trouble delivering your message. Full details follow:

1 error(s):

SMTP Server <mx.example.org> rejected recipient <nobody@example.org> (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]

"""

INNER = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@inner.example.jp>
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="IN"

--IN
Content-Type: message/delivery-status

Reporting-MTA: dns; inner.example.jp

Final-Recipient: RFC822; lost@example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: SMTP; 550 5.1.1 User unknown

--IN--
"""

X5 = b"""\
From: MAILER-DAEMON@gw.example.jp
Subject: Returned mail: User unknown
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="OUT"

--OUT
Content-Type: text/plain

----- The following addresses had permanent delivery errors -----

--OUT
Content-Type: message/rfc822

""" + INNER + b"""
--OUT--
"""


def test_x1_to_x6():
    (x1,) = decode(X1)
    assert (x1.decodedby, x1.recipient, x1.diagnosticcode) == ("X1", "who@example.org", "User unknown")
    (x2,) = decode(X2)
    assert (x2.decodedby, x2.recipient) == ("X2", "gone@webmail.example.com")
    assert x2.diagnosticcode == "This account has been disabled or discontinued [#102]."
    (x3,) = decode(X3)
    assert (x3.decodedby, x3.recipient, x3.command, x3.rhost) == ("X3", "nobody@example.com", "RCPT", "192.0.2.8")
    assert (x3.replycode, x3.deliverystatus) == ("550", "5.1.1")
    (x4,) = decode(X4)
    assert (x4.decodedby, x4.recipient) == ("X4", "full@example.net")
    (x5,) = decode(X5)
    assert (x5.decodedby, x5.recipient, x5.deliverystatus) == ("X5", "lost@example.org", "5.1.1")
    (x6,) = decode(X6)
    assert (x6.decodedby, x6.recipient, x6.command, x6.rhost) == ("X6", "nobody@example.org", "RCPT", "mx.example.org")
    assert (x6.replycode, x6.diagnosticcode) == ("550", "550 5.1.1 User unknown")
