"""DragonFly Mail Agent bounces: the stage dma names, the remote reply, an expired queue item."""

from __future__ import annotations

from bouncetui import decode

REFUSED = b"""\
From: MAILER-DAEMON@box.example.org
To: me@box.example.org
Subject: Mail delivery failed

This is the DragonFly Mail Agent v0.14 at box.example.org.

There was an error delivering your mail to <friend@example.net>.

mx.example.net [192.0.2.44] did not like our final DATA:
552-5.3.4 Your message exceeded our message size limits.
552 5.3.4 Please send a smaller message.

Message headers follow.

From: <me@box.example.org>
To: <friend@example.net>
Subject: photos
"""

EXPIRED = b"""\
From: MAILER-DAEMON@box.example.org
Subject: Mail delivery failed

This is the DragonFly Mail Agent v0.14 at box.example.org.

There was an error delivering your mail to <far@example.com>.

Could not deliver for the last 432000 seconds. Giving up.

Message headers follow.

From: <me@box.example.org>
"""


def test_stage_host_and_multi_line_reply():
    (rec,) = decode(REFUSED)
    assert (rec.decodedby, rec.recipient, rec.command) == ("DragonFly", "friend@example.net", "DATA")
    assert (rec.rhost, rec.lhost, rec.replycode, rec.deliverystatus) == (
        "mx.example.net", "box.example.org", "552", "5.3.4")
    assert rec.diagnosticcode.startswith("552-5.3.4 Your message exceeded our message size limits.")
    assert (rec.addresser, rec.subject) == ("me@box.example.org", "photos")


def test_queue_lifetime_exceeded_is_expired():
    (rec,) = decode(EXPIRED)
    assert (rec.recipient, rec.reason, rec.replycode) == ("far@example.com", "expired", "")
