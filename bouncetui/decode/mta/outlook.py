"""Outlook.com / Hotmail delivery status notifications (before Exchange Online carried them).

    This is an automatically generated Delivery Status Notification.
    Delivery to the following recipients failed.          ("... has been delayed.", "Unable to
           user@example.org                                 deliver message to the following
                                                            recipients, due to being unable to
                                                            connect successfully ...")

followed by RFC 3464 fields (Reporting-MTA like BAY004-OMC1S18.hotmail.com) and the original.
Recognised by that notice from a postmaster@ sender at hotmail/outlook/live/msn, or with a
Reporting-MTA there, or one of Hotmail's own server names with its X-Message-Delivery header
(X-Message-Delivery alone is not enough: Hotmail adds it to every message its
users receive, other MTAs' bounces included; in a notice a person forwarded inline, which does not
show it, the server name alone). Without a Diagnostic-Code the sentence above the
list is the diagnostic.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import host_of
from bouncetui.decode.forwarded import is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import wrapped
from bouncetui.decode.mta.provider_common import collapse, dsn, sender_matches
from bouncetui.decode.report import Report

NAME = "Outlook"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("this is an automatically generated delivery status notification",)

_SENDER = re.compile(r"postmaster@(?:[\w.-]+\.)?(?:hotmail|outlook|live|msn)\.[\w.]+", re.IGNORECASE)
_SENDER_WORDS = ("hotmail.", "outlook.", "live.", "msn.")  # one is in every match of _SENDER (see sender_matches)
_REPORTING = re.compile(r"\.(?:hotmail|outlook|live|msn)\.[\w.]+$", re.IGNORECASE)
# Hotmail's own servers: a datacentre prefix, a number and a role ("BLU004-OMC3S6", "BAY182-W41").
_HOTMAIL_HOST = re.compile(r"^[a-z]{3}\d{3}-(?:omc|smtp|w|mc)\w*(?:\.|$)", re.IGNORECASE)
_NOTICE = wrapped(r"^\s*This is an automatically generated Delivery Status Notification\.?", re.I | re.M)
# The sentence above the list: its paragraph, whatever width it was wrapped at.
_SENTENCE = wrapped(
    r"^\s*((?:Delivery to the following recipients|Unable to deliver message to the following recipients)"
    r"[^\n]*(?:\n[^\n]*\S[^\n]*)*)",
    re.IGNORECASE | re.MULTILINE,
)


def decode(message: Message) -> Report | None:
    body = message.body
    if not _NOTICE.search(body):
        return None
    per_message, deliveries = dsn(message)
    if not deliveries:
        return None
    reporting = host_of(per_message.get("reporting-mta", ""))
    # (a notice rebuilt from an inline forward: whether it had X-Message-Delivery is unknown)
    hotmail_host = bool(message.header("X-Message-Delivery") or is_inline_forward(message)) and \
        bool(_HOTMAIL_HOST.search(reporting))
    if not (sender_matches(message, _SENDER, _SENDER_WORDS) or _REPORTING.search(reporting) or hotmail_host):
        return None
    sentence = _SENTENCE.search(body)
    for delivery in deliveries:
        if not delivery.diagnostic and sentence and "failed." not in sentence.group(1).lower():
            delivery.diagnostic = collapse(sentence.group(1))
    return Report(NAME, deliveries, message.original, per_message)
