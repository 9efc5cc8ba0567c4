"""1&1: GMX's layout from kundenserver.de; TEXT command is DATA; the help link is dropped."""

from __future__ import annotations

from bouncetui import decode

NOTICE = b"""\
From: "Mail Delivery System" <mailer-daemon@kundenserver.de>
To: gerd@firma.example
Subject: Mail delivery failed: returning message to sender
Date: Mon, 16 Nov 2026 08:00:00 +0100
Content-Type: text/plain; charset=utf-8

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of
its recipients. This is a permanent error. The following address(es)
failed:

hans@kunde.example.fr:
SMTP error from remote server for TEXT command, host: mx.kunde.example.fr (192.0.2.40) reason: 554 5.7.1 Message refused as spam

ines@kunde.example.fr
For the following reason:
Mail size limit exceeded. For explanation visit
http://postmaster.1and1.com/en/error-messages?ip=%1s

--- The header of the original message is following. ---

From: Gerd <gerd@firma.example>
To: hans@kunde.example.fr, ines@kunde.example.fr
Subject: Angebot
Message-ID: <angebot-4@firma.example>
"""


def test_einsundeins_blocks():
    hans, ines = decode(NOTICE, "1und1.eml")
    assert {hans.decodedby, ines.decodedby} == {"EinsUndEins"}
    assert (hans.command, hans.rhost, hans.replycode, hans.deliverystatus) == (
        "DATA", "mx.kunde.example.fr", "554", "5.7.1")
    assert hans.diagnosticcode == "554 5.7.1 Message refused as spam"
    assert ines.diagnosticcode == "Mail size limit exceeded."
    assert ines.reason == "emailtoolarge"
    assert ines.messageid == "angebot-4@firma.example"
