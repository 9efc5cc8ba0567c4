"""Filtering gateways and list servers: m-FILTER, ActiveHunter, Mimecast, fml."""

from __future__ import annotations

from bouncetui import decode

MFILTER = """\
From: POSTMASTER <postmaster@gw.example.co.jp>
Subject: failure notice
X-Mailer: m-FILTER
Content-Type: text/plain; charset="UTF-8"

このメールは「m-FILTER」が自動的に生成して送信しています。

以下のメールアドレスへの送信に失敗しました。
nobody@example.co.jp


-------server message
550 5.1.1 <nobody@example.co.jp>: Recipient address rejected: User unknown

-------SMTP command
RCPT

-------original message
From: me@example.jp
To: nobody@example.co.jp
Subject: test

""".encode()

ACTIVEHUNTER = b"""\
From: "MAILER-DAEMON" <MAILER-DAEMON@gw.example.org>
Subject: FAILURE NOTICE : hello
X-AHMAILID: 20261102T100000+0900-0000-0000-AA
Content-Type: text/plain

  ----- The following addresses had permanent fatal errors -----

>>> gone@example.org <gone@example.org>

  ----- Transcript of session follows -----
550 sorry, no mailbox here by that name (#5.1.1 - chkusr)
"""

MIMECAST = b"""\
From: "postmaster" <postmaster@example.org>
Subject: [Postmaster] Email Delivery Failure
X-MC-System: =aGVsbG8K
Content-Type: text/plain; charset=UTF-8

This is an automated alert notification. Please do not reply.

An email that you attempted to send to the following address could not be delivered:
-- missing@example.org

The problem appears to be :
-- Recipient email address is possibly incorrect

Additional information follows :
-- 5.1.1 Recipient address rejected: User unknown
"""

FML = b"""\
From: list-admin@example.org
Subject: You me@example.net are not member (cats ML)
X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]
Content-Type: text/plain

You are not a member of this mailing list <cats@example.org>.
"""


def test_mfilter_sections():
    (rec,) = decode(MFILTER)
    assert (rec.decodedby, rec.recipient, rec.command, rec.replycode) == ("mFILTER", "nobody@example.co.jp", "RCPT", "550")
    assert rec.deliverystatus == "5.1.1" and rec.addresser == "me@example.jp"


def test_activehunter_addresses_and_transcript():
    (rec,) = decode(ACTIVEHUNTER)
    assert (rec.decodedby, rec.recipient, rec.replycode) == ("Activehunter", "gone@example.org", "550")
    assert rec.diagnosticcode == "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)"


def test_mimecast_dash_lines():
    (rec,) = decode(MIMECAST)
    assert (rec.decodedby, rec.recipient, rec.deliverystatus) == ("Mimecast", "missing@example.org", "5.1.1")
    assert rec.diagnosticcode == "5.1.1 Recipient address rejected: User unknown"


def test_fml_refusal_names_the_list_and_the_reason():
    (rec,) = decode(FML)
    assert (rec.decodedby, rec.recipient, rec.reason) == ("FML", "cats@example.org", "rejected")


def test_an_fml_list_post_is_not_a_bounce():
    post = b"From: a@example.org\nSubject: [cats:00012] photos\nX-MLServer: fml [fml 4.0.3]\n\nlook <b@example.org>\n"
    assert decode(post) == []
