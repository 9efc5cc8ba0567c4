"""Verizon's MMS and SMS gateway notices: the number from the original or from RCPT TO."""

from __future__ import annotations

from bouncetui import decode

MMS = b"""\
From: MMSC NDR Administrator <sysadmin@m02.vzwpix.com>
To: otto@example.com
Subject: Undeliverable Message
Date: Sat, 21 Nov 2026 10:00:00 +0000
Content-Type: text/plain; charset=US-ASCII

Message could not be delivered to mobile.
Error: No valid recipients for this MM


Original Message:
From: Otto <otto@example.com>
To: 5550001111@vzwpix.com
Subject: Photo
Date: Sat, 21 Nov 2026 09:59:00 +0000
"""

SMS = b"""\
From: post_master@vtext.com
To: pia@example.com
Subject: Re: Reminder
Date: Sat, 21 Nov 2026 10:00:00 +0000
Content-Type: text/plain; charset=us-ascii

Error: Invalid user address

Error message below:
550 - Requested action not taken: no such user here

Message details:
  Subject: Reminder
  MAIL FROM: alerts@example.com
  RCPT TO: 5552223333@vtext.com
  From: Pia <pia@example.com>
"""


def test_mms_notice():
    (record,) = decode(MMS, "vzw.eml")
    assert record.decodedby == "Verizon"
    assert record.recipient == "5550001111@vzwpix.com"
    assert record.reason == "userunknown"
    assert record.diagnosticcode == "No valid recipients for this MM"
    assert record.addresser == "otto@example.com"


def test_sms_notice_uses_the_envelope():
    (record,) = decode(SMS, "vtext.eml")
    assert record.recipient == "5552223333@vtext.com"
    assert record.replycode == "550"
    assert record.diagnosticcode == "550 - Requested action not taken: no such user here"
    assert record.addresser == "alerts@example.com"
    assert record.subject == "Reminder"
