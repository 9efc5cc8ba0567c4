"""Lotus Notes and Domino bounces."""

from __future__ import annotations

from bouncetui import decode

NOTES = b"""\
From: POSTMASTER@gw.example.com
To: me@example.org
Subject: Undeliverable message

------- Failure Reasons  --------

User  not listed in public Name & Address Book
nobody@example.com

------- Returned Message --------
From: me@example.org
To: nobody@example.com
Subject: hello

hi
"""

DOMINO = b"""\
From: Postmaster@example.net
To: me@example.org
Subject: DELIVERY FAILURE: User Jane Roe (jane@example.net) not listed in Domino Directory
Content-Type: text/plain

Your message

  Subject: hello

was not delivered to:

  jane@example.net

because:

  User Jane Roe (jane@example.net) not listed in Domino Directory

"""


def test_notes_reason_then_address():
    (rec,) = decode(NOTES)
    assert (rec.decodedby, rec.recipient) == ("Notes", "nobody@example.com")
    assert rec.diagnosticcode == "User not listed in public Name & Address Book"
    assert rec.reason == "userunknown"
    assert rec.addresser == "me@example.org"


def test_domino_not_delivered_because():
    (rec,) = decode(DOMINO)
    assert (rec.decodedby, rec.recipient) == ("Domino", "jane@example.net")
    assert rec.diagnosticcode == "User Jane Roe (jane@example.net) not listed in Domino Directory"
    assert (rec.reason, rec.hardbounce) == ("userunknown", True)
