"""Shared by the tests of the big providers' documented SMTP replies: where each provider receives
mail, how a case is written, and the check every case gets (the reason, and hard or soft)."""

from __future__ import annotations

import pytest

from bouncetui.classify import Evidence, classify
from bouncetui.model import is_hard

# (remote host, recipient's domain) as a reporting MTA states them
GMAIL = ("gmail-smtp-in.l.google.com", "gmail.com")
WORKSPACE = ("aspmx.l.google.com", "example.org")
OUTLOOK = ("outlook-com.olc.protection.outlook.com", "outlook.com")
EXO = ("example-org.mail.protection.outlook.com", "example.org")
HOTMAIL = ("mx1.hotmail.com", "hotmail.com")
YAHOO = ("mta6.am0.yahoodns.net", "yahoo.com")
AOL = ("mx-aol.mail.gm0.yahoodns.net", "aol.com")
ICLOUD = ("mx01.mail.icloud.com", "icloud.com")
QQ = ("mx3.qq.com", "qq.com")
COX = ("cxr.mx.a.cloudfilter.net", "cox.net")
COMCAST = ("mx1.comcast.net", "comcast.net")
SPECTRUM = ("mx.charter.net", "charter.net")
GODADDY = ("smtp.secureserver.net", "example.com")
MIMECAST = ("eu-smtp-inbound-1.mimecast.com", "example.co.uk")
ORANGE = ("smtp-in.orange.fr", "orange.fr")

HARD = frozenset({"userunknown", "hostunknown", "hasmoved"})  # the reasons that are always hard


def case(where: tuple[str, str], status: str, command: str, diagnostic: str, expected: str, name: str):
    """One reply: where it came from, its status code and SMTP stage, its text, the reason it means."""
    rhost, destination = where
    return pytest.param(rhost, destination, status, command, diagnostic, expected, id=name)


def check(rhost: str, destination: str, status: str, command: str, diagnostic: str, expected: str) -> None:
    """The reply classified as a report would give it: the expected reason, and hard only for the
    reasons that are always hard (none of these replies is a 4xx notaccept)."""
    got, why = classify(Evidence(action="failed", rhost=rhost, destination=destination, status=status,
                                 command=command, diagnostic=diagnostic, replycode=diagnostic[:3]))
    assert got == expected, why
    assert is_hard(got, status, diagnostic[:3]) == (expected in HARD)
