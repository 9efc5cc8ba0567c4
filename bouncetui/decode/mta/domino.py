"""IBM/HCL Domino bounces: "Your message ... was not delivered to: ADDR because: REASON".

    Your message

      Subject: hello

    was not delivered to:

      user@example.org

    because:

      User user (user@example.org) not listed in Domino Directory

The German template says "wurde nicht zugestellt an:" and "weil:" (subject "ZUSTELLUNGSFEHLER:").
Recent versions add an RFC 3464 part (Diagnostic-Code: X-Notes; ...) whose fields add the status
and the hosts; the recipient is the one the text names, as it was addressed.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, dsn_deliveries, is_notification
from bouncetui.decode.report import Delivery, Report

NAME = "Domino"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("was not delivered to:", "wurde nicht zugestellt an:")

# Domino's own words, in the languages it writes them, and what they mean: a name missing from
# its directory is a user that does not exist; several matches is a fault of the directory;
# "Cannot route mail to user" is the recipient's own mail routing refusing it.
OWN_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"not listed in (?:the )?(?:Domino Directory|public Name & Address Book)|"
                r"non répertorié dans l'annuaire Domino|Domino ディレクトリには見つかりません|"
                r"nicht im Domino-Verzeichnis (?:aufgef(?:ü|ue)hrt|gefunden|vorhanden)", re.IGNORECASE),
     "userunknown"),
    (re.compile(r"Several matches found in Domino Directory", re.IGNORECASE), "systemerror"),
    (re.compile(r"Cannot route mail to user", re.IGNORECASE), "filtered"),
)
_SUBJECT = re.compile(r"^(?:DELIVERY[ _]FAILURE|ZUSTELLUNGSFEHLER):", re.IGNORECASE)
_NOT_DELIVERED = re.compile(
    r"^\s*(?:was not delivered to|wurde nicht zugestellt an):\s*\n(?P<who>.*?)^\s*(?:because|weil):\s*\n"
    r"(?P<why>.*?)(?=^\S|\Z)",
    re.MULTILINE | re.DOTALL | re.IGNORECASE,
)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    m = _NOT_DELIVERED.search(body)
    if not m or not _SUBJECT.match(message.subject) and "domino" not in body.lower():
        return None
    why = collapse(m.group("why"))
    fields, reported = dsn_deliveries(message.text_of("message/delivery-status"))
    addresses = [clean_address(line) for line in m.group("who").split("\n")]
    deliveries = [Delivery(recipient=a, diagnostic=why) for a in addresses if a] or reported
    if reported and len(reported) == len(deliveries) and deliveries is not reported:
        # The text names the recipients as they were addressed; the fields add status and hosts.
        for text, field in zip(deliveries, reported):
            field.alias = field.recipient if field.recipient.lower() != text.recipient.lower() else ""
            field.recipient = text.recipient
        deliveries = reported
    for delivery in deliveries:
        if why:
            delivery.diagnostic = why  # the X-Notes field is folded mid-word at its line length
        delivery.reason = next((r for pattern, r in OWN_REASONS if pattern.search(delivery.diagnostic)), "")
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original, fields)
