"""1&1 (IONOS) bounces, from its mail servers at kundenserver.de; the same layout as GMX's.

    The following address failed:
    user@example.org
    For the following reason:
    Mail size limit exceeded. For explanation visit http://postmaster.1and1.com/...

or "SMTP error from remote server for TEXT command, host: mx.example.org (192.0.2.1) reason: 550 ..."
(TEXT being the message body, i.e. DATA). The help link is not part of the diagnostic.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta import gmx
from bouncetui.decode.mta.provider_common import original_of, sender_matches
from bouncetui.decode.report import Report

NAME = "EinsUndEins"

_SENDER = re.compile(r"mailer-daemon@(?:[\w-]+\.)*(?:kundenserver\.de|1und1\.de|1and1\.[a-z.]+|ionos\.[a-z.]+)\b", re.I)
_SENDER_WORDS = ("kundenserver.de", "1und1.de", "1and1.", "ionos.")  # one is in every match of _SENDER (see sender_matches)
_LINK = re.compile(r"postmaster\.1and1\.|postmaster\.ionos\.", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    body = message.body
    if not (sender_matches(message, _SENDER, _SENDER_WORDS) or (message.header("X-UI-Out-Filterresults") and _LINK.search(body))):
        return None
    deliveries = gmx.entries(body)
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_of(message, body, gmx.ORIGINAL))
