"""hMailServer and MDaemon bounces (formats absent from the dev corpus)."""

from __future__ import annotations

from bouncetui import decode

HMAIL = b"""\
From: mailer-daemon@mail.example.org
To: me@example.org
Subject: Message undeliverable: hello
Content-Type: text/plain

Your message did not reach some or all of the intended recipients.

   Sent: Mon, 02 Nov 2026 10:00:00 +0100
   Subject: hello

The following recipient(s) could not be reached:

nobody@example.com
   Error Type: SMTP
   Remote server (192.0.2.1) issued an error.
   hMailServer sent: RCPT TO:<nobody@example.com>
   Remote server replied: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown

hMailServer
"""

MDAEMON = b"""\
From: MDaemon@mail.example.org
To: me@example.org
Subject: Permanent Delivery Failure
Content-Type: text/plain

The attached message had PERMANENT fatal delivery errors!

After one or more unsuccessful delivery attempts the attached message has
been removed from the mail queue on this server.

--- Session Transcript ---
 Mon 2026-11-02 10:00:00: Parsing message <pd0001.msg>
 Mon 2026-11-02 10:00:00: *  From: me@example.org
 Mon 2026-11-02 10:00:00: *  To: nobody@example.com
 Mon 2026-11-02 10:00:01: --> MAIL From:<me@example.org>
 Mon 2026-11-02 10:00:01: <-- 250 2.1.0 Ok
 Mon 2026-11-02 10:00:01: --> RCPT To:<nobody@example.com>
 Mon 2026-11-02 10:00:01: <-- 550 5.1.1 <nobody@example.com>: Recipient address rejected
--- End Transcript ---
"""


def test_hmailserver():
    (rec,) = decode(HMAIL)
    assert (rec.decodedby, rec.recipient, rec.command, rec.rhost) == ("hMailServer", "nobody@example.com", "RCPT", "192.0.2.1")
    assert (rec.replycode, rec.deliverystatus) == ("550", "5.1.1")
    assert rec.diagnosticcode.startswith("550 5.1.1 <nobody@example.com>: Recipient address rejected")


def test_mdaemon():
    (rec,) = decode(MDAEMON)
    assert (rec.decodedby, rec.recipient, rec.command, rec.action) == ("MDaemon", "nobody@example.com", "RCPT", "failed")
    assert (rec.replycode, rec.deliverystatus) == ("550", "5.1.1")
