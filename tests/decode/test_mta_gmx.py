"""GMX: quoted addresses, the stage line, the host line, and a header block with broken folding."""

from __future__ import annotations

from bouncetui import decode

NOTICE = b"""\
From: MAILER-DAEMON@mail.gmx.net
To: dora@gmx.example
Subject: Mail delivery failed: returning message to sender
Date: Sun, 15 Nov 2026 08:00:00 +0100
Content-Type: text/plain; charset=utf-8

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of
its recipients. This is a permanent error. The following addresses
failed:

"emil@shop.example.org":
SMTP error from remote server after RCPT command:
host: mx.shop.example.org
5.2.2 <emil@shop.example.org>... Mailbox full

<fritz@slow.example.org>
Reason:
delivery retry timeout exceeded

--- The header of the original message is following. ---

Received: from [192.0.2.5] by web.gmx.example (via
HTTP); Sun, 15 Nov 2026 07:00:00 +0100
Message-ID: <trinity-abc@web.gmx.example>
From: Dora <dora@gmx.example>
To: emil@shop.example.org, fritz@slow.example.org
Subject: Party
"""


def test_blocks_and_original():
    emil, fritz = decode(NOTICE, "gmx.eml")
    assert {emil.decodedby, fritz.decodedby} == {"GMX"}
    assert emil.recipient == "emil@shop.example.org"
    assert (emil.command, emil.rhost, emil.deliverystatus) == ("RCPT", "mx.shop.example.org", "5.2.2")
    assert emil.diagnosticcode == "5.2.2 <emil@shop.example.org>... Mailbox full"
    assert fritz.recipient == "fritz@slow.example.org"
    assert fritz.diagnosticcode == "delivery retry timeout exceeded"
    assert emil.messageid == "trinity-abc@web.gmx.example"
    assert emil.subject == "Party"
