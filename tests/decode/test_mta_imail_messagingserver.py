"""IMail Server and Messaging Server bounces."""

from __future__ import annotations

from bouncetui import decode

IMAIL = b"""\
From: "Postmaster" <postmaster@example.org>
To: me@example.com
Subject: Undeliverable Mail
X-Mailer: <SMTP32 v8.22>

User mailbox exceeds allowed size: full@example.org

Original message follows.

From: Me <me@example.com>
To: full@example.org
Subject: hello

hi
"""

MESSAGING = b"""\
From: postmaster@mail.example.net
To: me@example.com
Subject: Delivery Notification: Delivery has failed
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="Boundary_(ID_x)"

--Boundary_(ID_x)
Content-type: text/plain; charset=us-ascii

This report relates to a message you sent with the following header fields:

  To: user@example.net

Your message cannot be delivered to the following recipients:

  Recipient address: @lmtp.example.net:user@store
  Original address: user@example.net
  Reason: LMTP transmission failure has occurred
  Diagnostic code: smtp;552 5.2.2 Over quota
  Remote system: dns;store.example.net (Messaging Server LMTP)

--Boundary_(ID_x)--
"""


def test_imail_error_line_and_its_reason():
    (rec,) = decode(IMAIL)
    assert (rec.decodedby, rec.recipient, rec.reason) == ("IMailServer", "full@example.org", "mailboxfull")
    assert rec.diagnosticcode == "User mailbox exceeds allowed size: full@example.org"
    assert rec.addresser == "me@example.com"


def test_messaging_server_text_fields_and_source_route():
    (rec,) = decode(MESSAGING)
    assert (rec.decodedby, rec.recipient) == ("MessagingServer", "user@example.net")
    assert (rec.deliverystatus, rec.replycode, rec.rhost) == ("5.2.2", "552", "store.example.net")
    assert rec.diagnosticcode == "552 5.2.2 Over quota"
