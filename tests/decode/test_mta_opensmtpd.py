"""OpenSMTPD bounces: `addr: error` lines, smtpd's own errors, delay reports."""

from __future__ import annotations

from bouncetui import decode

ERROR = b"""\
From: MAILER-DAEMON@gw.example.org
To: me@gw.example.org
Subject: Delivery status notification: error

    Hi!

    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.

    An error has occurred while attempting to deliver a message for
    the following list of recipients:

nobody@example.net: 550 5.1.1 <nobody@example.net>: Recipient address rejected
ghost@no-such-domain.example: Domain does not exist

    Below is a copy of the original message:

From: Me <me@gw.example.org>
To: nobody@example.net
Subject: lunch

Lunch?
"""

DELAYED = b"""\
From: MAILER-DAEMON@gw.example.org
Subject: Delivery status notification: warning

    Hi!

    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.

    A message is delayed for more than 4 hours for the following
    list of recipients:

slow@example.com: Network error on destination MXs

    Please note that this is only a temporary failure report.
"""


def test_each_line_is_a_recipient_with_its_error():
    nobody, ghost = decode(ERROR)
    assert nobody.decodedby == "OpenSMTPD"
    assert (nobody.recipient, nobody.deliverystatus, nobody.replycode) == ("nobody@example.net", "5.1.1", "550")
    assert nobody.action == "failed" and nobody.addresser == "me@gw.example.org"
    assert (ghost.recipient, ghost.reason, ghost.replycode) == ("ghost@no-such-domain.example", "hostunknown", "")


def test_delay_report():
    (rec,) = decode(DELAYED)
    assert (rec.recipient, rec.action, rec.reason) == ("slow@example.com", "delayed", "networkerror")
