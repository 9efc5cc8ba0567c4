"""Microsoft Exchange 5.5/2000/2003 bounces (Internet Mail Service / Connector, no RFC 3464 part).

    Your message
      To:      someone@example.org
      Subject: hello
    did not reach the following recipient(s):

    user@example.org on Thu, 29 Apr 2007 16:51:51 -0500
        The recipient name is not recognized
        The MTS-ID of the original message is: c=jp;a= ;p=org;l=HOST0000
        MSEXCH:IMS:ORG:SITE:HOST 0 (000C05A6) Unknown Recipient

"The following recipient(s) could not be reached:" is the other wording. Each recipient line ends
with " on DATE"; the indented lines after it, without the MTS-ID line, are the diagnostic.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, find_in_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "Exchange2003"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("did not reach the following recipient(s)", "the following recipient(s) could not be reached")

# (also wrapped at another width: see common.wrapped)
_START = wrapped(
    r"(?:did not reach the following recipient\(s\)|The following recipient\(s\) could not be reached):\s*\n",
    re.IGNORECASE,
)
_RECIPIENT = re.compile(r"^\s*(\S+@\S+) on .+$")
_MAILER = re.compile(r"Internet Mail (?:Service|Connector)|Microsoft Exchange", re.IGNORECASE)
# the headers that name the mailer: Exchange 2003 writes "X-MimeOLE: Produced By Microsoft Exchange
# V6.5" on its notices, the Internet Mail Service an X-Mailer
_MAILER_HEADERS = ("X-Mailer", "X-MimeOLE")
# Exchange 2000/2003's SMTP status line under a recipient ("<mail.example.org #5.1.1>", "<host #5.2.2
# smtp;552 ...>"): its own form, by which a notice whose header fields are gone (forwarded inline,
# or rewritten by a gateway) is still known as Exchange's
_TRAILER = re.compile(r"^[ \t]*<[A-Za-z0-9.-]+ #[245]\.\d{1,3}\.\d{1,3}\b", re.MULTILINE)
# Exchange's own wording that says the recipient does not exist.
_UNKNOWN = re.compile(r"The recipient name is not recognized", re.IGNORECASE)
# The Internet Mail Service's own error codes ("MSEXCH:IMS:ORG:SITE:HOST 0 (000C05A6) Unknown
# Recipient") and what they mean. Codes that only wrap a remote server's reply (000B099C,
# 000B09AA, 000B09B6) are left to its words.
_IMS_CODE = re.compile(r"MSEXCH:.*?\(([0-9A-F]{8})\)", re.IGNORECASE)
IMS_CODES: dict[str, str] = {
    "000C05A6": "userunknown",  # Unknown Recipient
    "00120270": "networkerror",  # Too Many Hops
    "000D06B5": "systemerror",  # No proxy for recipient: no address of the type it needs
    "00050311": "contenterror",  # Conversion to Internet format failed
    "000502CC": "contenterror",  # Conversion to Internet format failed
    "000B0981": "securityerror",  # 502 Server does not support AUTH
    # Ambiguous Recipient: the name matched several directory entries, a fault of the directory,
    # not a filter of the recipient's (as Exchange 2007's RESOLVER.ADR.Ambiguous).
    "000C0595": "systemerror",
    "00010256": "ratelimited",  # Too many recipients
}
_MTS_ID = re.compile(r"^The MTS-ID of the original\b|^;", re.IGNORECASE)
_MTS_VALUE = re.compile(r"\bis:\s*\S|=")  # its value ("c=us;a= ;p=corp;l=...") has been reached


def decode(message: Message) -> Report | None:
    found = find_in_notification(message, _START)
    if found is None:
        return None  # not a mail system's notice (a person quoting a bounce is not one), or not this one
    body, start = found
    if not (any(_MAILER.search(message.header(name)) for name in _MAILER_HEADERS)
            or message.msg.get("X-MS-Embedded-Report") is not None
            or _TRAILER.search(body[start.end():])
            or "MSEXCH:" in body):
        return None
    deliveries: list[Delivery] = []
    lines: list[str] = []
    after = ""  # what the line before was: a recipient's line ("recipient"), the MTS-ID's ("mts-id")
    for line in body[start.end() :].split("\n"):
        m = _RECIPIENT.match(line)
        before, after = after, ""
        if m and clean_address(m.group(1)):
            if deliveries:
                deliveries[-1].diagnostic = collapse(" ".join(lines))
            deliveries.append(Delivery(recipient=clean_address(m.group(1))))
            lines = []
            after = "recipient"
        elif before == "recipient" and line.strip() and not line[:1].isspace() and "@" not in line:
            after = "recipient"  # the rest of its date, the line wrapped at another width
        elif deliveries and line[:1].isspace() and line.strip():
            if _MTS_ID.match(line.strip()) or before == "mts-id":
                # the MTS-ID, its name or its value wrapped onto the lines below: up to its value
                after = "" if _MTS_VALUE.search(line) else "mts-id"
            else:
                lines.append(line.strip())
        elif deliveries and line.strip() and not line[:1].isspace() and not _MTS_ID.match(line.strip()):
            break
    if not deliveries:
        return None
    deliveries[-1].diagnostic = collapse(" ".join(lines))
    for delivery in deliveries:
        code = _IMS_CODE.search(delivery.diagnostic)
        if code and code.group(1).upper() in IMS_CODES:
            delivery.reason = IMS_CODES[code.group(1).upper()]
        elif _UNKNOWN.search(delivery.diagnostic):
            delivery.reason = "userunknown"
    return Report(NAME, deliveries, message.original)
