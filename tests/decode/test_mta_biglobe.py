"""BIGLOBE returned mail: the addresses between the two markers, the information below them."""

from __future__ import annotations

from bouncetui import decode

NOTICE = b"""\
From: postmaster@biglobe.ne.jp
To: shop@example.jp
Subject: Returned mail: Service unavailable
Date: Thu, 19 Nov 2026 10:00:00 +0900
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain; charset="iso-2022-jp"

   ----- The following addresses had delivery problems -----
kazuko@mail.biglobe.example

   ----- Non-delivered information -----
The number of messages in recipient's mailbox exceeded the local limit.

--B
Content-Type: message/rfc822

From: shop@example.jp
To: kazuko@mail.biglobe.example
Subject: Coupon
Message-ID: <coupon-2@example.jp>

Hi
--B--
"""


def test_biglobe_notice():
    (record,) = decode(NOTICE, "biglobe.eml")
    assert record.decodedby == "Biglobe"
    assert record.recipient == "kazuko@mail.biglobe.example"
    assert record.diagnosticcode == "The number of messages in recipient's mailbox exceeded the local limit."
    assert record.messageid == "coupon-2@example.jp"
