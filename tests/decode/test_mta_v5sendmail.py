"""Pre-DSN Sendmail bounces: a bare transcript with `<addr>...` lines and host deferrals."""

from __future__ import annotations

from bouncetui import decode

BOUNCE = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@old.example.com>
To: alice@old.example.com
Subject: Returned mail: User unknown

   ----- Transcript of session follows -----
While talking to mail.example.net:
>>> RCPT To:<bob@example.net>
<<< 550 No such user here
550 <bob@example.net>... User unknown
554 <carol@example.org>... 550 Host unknown (Authoritative answer from name server)

   ----- Unsent message follows -----
From: alice@old.example.com
To: bob@example.net, carol@example.org
Subject: minutes

text
"""

DEFERRED = b"""\
From: Mail Delivery Subsystem <MAILER-DAEMON@old.example.com>
Subject: Returned mail: Cannot send message for 5 days

   ----- Transcript of session follows -----
421 example.jp (smtp)... Deferred: Connection timed out during user open with example.jp

   ----- Unsent message follows -----
From: alice@old.example.com
To: dave@example.jp, erin@example.com
Subject: minutes
"""


def test_address_lines_take_the_sessions_reply_when_they_have_none():
    bob, carol = decode(BOUNCE)
    assert bob.decodedby == "V5sendmail"
    assert (bob.recipient, bob.command, bob.rhost, bob.replycode) == ("bob@example.net", "RCPT", "mail.example.net", "550")
    assert bob.diagnosticcode == "550 No such user here"
    assert (carol.recipient, carol.replycode, carol.rhost) == ("carol@example.org", "550", "")
    assert carol.diagnosticcode.startswith("550 Host unknown")
    assert bob.addresser == "alice@old.example.com"


def test_host_deferral_names_the_recipients_at_that_host():
    (rec,) = decode(DEFERRED)
    assert (rec.recipient, rec.replycode) == ("dave@example.jp", "421")
