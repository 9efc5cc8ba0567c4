"""Mail.ru: Exim blocks under a Russian preface; each address once, remote words after the host."""

from __future__ import annotations

from bouncetui import decode

NOTICE = """\
From: mailer-daemon@corp.mail.ru
To: anna@mail.ru
Subject: Mail failure.
Date: Sat, 14 Nov 2026 08:00:00 +0300
X-Failed-Recipients: boris@firm.example.com, clara@firm.example.com
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Это письмо создано автоматически сервером Mail.Ru, отвечать на него не нужно.

К сожалению, Ваше письмо не может быть доставлено одному или нескольким получателям:

  boris@firm.example.com
    SMTP error from remote mail server after RCPT TO:<boris@firm.example.com>:
    host mx.firm.example.com [198.51.100.20]: 550 5.1.1 <boris@firm.example.com>: no such user

  clara@firm.example.com
    Unrouteable address

**********************

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  boris@firm.example.com
    SMTP error from remote mail server after RCPT TO:<boris@firm.example.com>:
    host mx.firm.example.com [198.51.100.20]: 550 5.1.1 <boris@firm.example.com>: no such user

  clara@firm.example.com
    Unrouteable address

------ This is a copy of the message, including all the headers. ------

From: Anna <anna@mail.ru>
To: boris@firm.example.com, clara@firm.example.com
Subject: Contract
Message-ID: <contract-1@mail.ru>

Text
""".encode()


def test_each_address_once_with_stage_host_and_remote_words():
    boris, clara = decode(NOTICE, "mailru.eml")
    assert {boris.decodedby, clara.decodedby} == {"MailRu"}
    assert boris.recipient == "boris@firm.example.com"
    assert boris.diagnosticcode == "550 5.1.1 <boris@firm.example.com>: no such user"
    assert (boris.command, boris.rhost, boris.replycode, boris.deliverystatus) == (
        "RCPT", "mx.firm.example.com", "550", "5.1.1")
    assert clara.recipient == "clara@firm.example.com"
    assert clara.diagnosticcode == "Unrouteable address"
    assert clara.reason == "hostunknown"
    assert boris.messageid == "contract-1@mail.ru"
