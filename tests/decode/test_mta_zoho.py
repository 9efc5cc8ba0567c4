"""Zoho Mail bounces: one line per recipient with Zoho's ERROR_CODE fields, the original after it."""

from __future__ import annotations

from bouncetui import decode

NOTICE = b"""\
From: mailer-daemon@mail.zoho.com
To: lena@zoho.example
Subject: Undelivered Mail Returned to Sender
Date: Fri, 20 Nov 2026 10:00:00 +0000
X-Mailer: Zoho Mail
Content-Type: text/plain; charset="UTF-8"

This message was created automatically by mail delivery software.
A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.

mark@corp.example.net Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <mark@corp.example.net>... User unknown
nina@far.example.net Error, ERROR_CODE :421, ERROR_CODE :, Host not reachable.


Received:from mail.zoho.com by mx.zohomail.com
    with SMTP id 1; Fri, 20 Nov 2026 09:59:00 +0000
Message-ID:<plan-6@zoho.example>
From:Lena <lena@zoho.example>
To:<mark@corp.example.net>, <nina@far.example.net>
Subject:Plan
"""


def test_zoho_lines():
    mark, nina = decode(NOTICE, "zoho.eml")
    assert {mark.decodedby, nina.decodedby} == {"Zoho"}
    assert (mark.recipient, mark.replycode, mark.deliverystatus) == ("mark@corp.example.net", "550", "5.1.1")
    assert mark.diagnosticcode == "5.1.1 <mark@corp.example.net>... User unknown"
    assert (nina.recipient, nina.replycode, nina.diagnosticcode) == ("nina@far.example.net", "421", "Host not reachable.")
    assert mark.messageid == "plan-6@zoho.example"
    assert mark.addresser == "lena@zoho.example"
