"""OpenSMTPD bounces: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail."

After "...the following list of recipients:" each line is `addr: error`, the error being the remote
reply ("550 5.1.1 ...") or smtpd's own words ("Domain does not exist", "Envelope expired",
"Network error on destination MXs", ...). A delay report says "A message is delayed for more
than ...". A sender who asked for success notices (NOTIFY=SUCCESS) gets the same mail saying
"Your message was successfully delivered to these recipients." or "...was relayed to these
recipients." (bounce.c's notice_success and notice_relay), each line the last reply. Recent
versions add an RFC 3464 part with the same recipients; its Status and Reporting-MTA are used.
The original follows "Below is a copy of the original message:".
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode, host_of
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    collapse,
    command_of,
    dsn_deliveries,
    find_in_notification,
    original_or_inline,
    wrapped,
)
from bouncetui.decode.report import Delivery, Report

NAME = "OpenSMTPD"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("this is the mailer-daemon, please do not reply to this e",)

_BANNER = wrapped(r"^\s*This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail\.", re.MULTILINE)
_START = wrapped(
    r"(?:(?:the following list of recipients|the following recipients?):|"
    r"Your message was (?:successfully delivered|relayed) to these recipients\.)\s*\n",
    re.IGNORECASE,
)
# what the notice's opening says happened to every recipient listed: (words, action)
_NOTICES = (("is delayed for more than", "delayed"), ("successfully delivered to these", "delivered"),
            ("relayed to these", "relayed"))
_END = wrapped(
    r"^\s*(?:Below is a copy of the original message|Please note that this is only a temporary)",
    re.MULTILINE | re.IGNORECASE,
)
_LINE = re.compile(r"^([^\s:]+@[^\s:]+):\s*(.*)$")
_MARKERS = (wrapped(r"^\s*Below is a copy of the original message:?\s*$", re.MULTILINE | re.IGNORECASE),)
# smtpd's own error strings that name the reason.
_OWN_REASONS = (
    (re.compile(r"^Envelope expired", re.I), "expired"),
    (re.compile(r"^(?:Domain does not exist|Invalid domain name)", re.I), "hostunknown"),
    (re.compile(r"^Network error on destination MXs", re.I), "networkerror"),
    (re.compile(r"^No MX found for (?:domain|destination)", re.I), "notaccept"),
    # a mail loop, and a DNS failure while looking the MX up
    (re.compile(r"^Loop detected|^Temporary failure in MX lookup", re.I), "networkerror"),
)


def _recipient_lines(text: str) -> list[tuple[str, str]]:
    """(address, error) of each `addr: error` line, with the lines that continue it (the error
    wrapped at another width) joined to it; a blank line ends it."""
    found: list[tuple[str, str]] = []
    going = False
    for line in text.split("\n"):
        stripped = line.strip()
        m = _LINE.match(stripped)
        if m and not stripped.startswith("<") and clean_address(m.group(1)):
            found.append((m.group(1), m.group(2)))
            going = True
        elif stripped and going:
            found[-1] = (found[-1][0], found[-1][1] + " " + stripped)
        else:
            going = False
    return found


def decode(message: Message) -> Report | None:
    found = find_in_notification(message, _BANNER)
    if found is None:
        return None  # not a mail system's notice (a person quoting a bounce is not one), or not this one
    body, banner = found
    start = _START.search(body, banner.end())
    if not start:
        return None
    end = _END.search(body, start.end())
    opening = collapse(body[banner.end() : start.end()]).lower()
    action = next((a for words, a in _NOTICES if words in opening), "failed")
    fields, reported = dsn_deliveries(message.text_of("message/delivery-status"))
    by_address = {d.recipient.lower(): d for d in reported}
    deliveries = []
    for address, said_error in _recipient_lines(body[start.end() : end.start() if end else len(body)]):
        error = collapse(said_error)
        said = bool(find_replycode(error[:4]))
        dsn = by_address.get(clean_address(address).lower(), Delivery())
        deliveries.append(
            Delivery(
                recipient=clean_address(address),
                action=dsn.action or action,
                status=dsn.status,
                diagnostic=error,
                replycode=error[:3] if said else "",
                command=command_of(error),
                lhost=dsn.lhost or host_of(fields.get("reporting-mta", "")),
                rhost=dsn.rhost,
                reason="" if said else next((r for p, r in _OWN_REASONS if p.search(error)), ""),
            )
        )
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, _MARKERS), fields)
