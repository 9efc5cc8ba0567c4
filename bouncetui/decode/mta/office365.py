"""Microsoft 365 / Exchange Online non-delivery reports (and outlook.com's, which run on it).

Recognised by Exchange Online's own headers (X-MS-Exchange-CrossTenant-*, or the NDR marker
X-MS-Exchange-Message-Is-Ndr from postmaster@outlook.com or a *.onmicrosoft.com tenant) or by a
"Generating server" in Microsoft's datacentres. The human part reads

    Delivery has failed to these recipients or groups:        ("X rejected your message to the
    user@example.org<mailto:user@example.org>                   following email addresses:",
    ...                                                         "Your message to X couldn't be
    Diagnostic information for administrators:                  delivered.")
    Generating server: AB1CD234.prod.outlook.com
    user@example.org
    mx.example.org
    Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found'
    Original message headers:

and is usually followed by a delivery-status part, whose fields are used when present; the text
fills what they lack, and stands alone when there is no such part.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, host_of
from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import bare_address, collapse, cut, dsn, original_of
from bouncetui.decode.report import Delivery, Report

NAME = "Office365"

_MICROSOFT_HOST = re.compile(r"\.(?:outlook\.com|exchangelabs\.com|outlook\.cn)$", re.IGNORECASE)
_TENANT_SENDER = re.compile(r"@(?:outlook\.com|hotmail\.com|[\w-]+\.onmicrosoft\.com)\b", re.IGNORECASE)
_GENERATING = re.compile(r"^\s*Generating server:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_ADMIN = (re.compile(r"^\s*Diagnostic information for administrators:?\s*$", re.IGNORECASE | re.MULTILINE),)
_ORIGINAL = (re.compile(r"^\s*Original message headers:?\s*$", re.IGNORECASE | re.MULTILINE),)
_RETURNED = re.compile(
    r"(?:Remote Server|Server at (?P<host>[\w.-]+)(?: \([^)]*\))?)\s+returned '(?P<text>.*?)'?\s*$", re.IGNORECASE
)
_ANNOTATION = re.compile(r"<mailto:[^>]*>|\([^)]*\)")
_HOSTNAME = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?$")
_SERVER_LINE = re.compile(r"^\s*(?:Generating|Receiving|Sending) server:", re.IGNORECASE)


def is_exchange_online(message: Message) -> bool:
    """Whether the report comes from Exchange Online (not an on-premises Exchange server)."""
    if any(key.lower().startswith("x-ms-exchange-crosstenant-") for key in message.msg.keys()):
        return True
    if message.msg.get("X-MS-Exchange-Message-Is-Ndr") is not None and _TENANT_SENDER.search(message.sender):
        return True
    generating = _GENERATING.search(message.body)
    return bool(generating and _MICROSOFT_HOST.search(generating.group(1).rstrip(".")))


def admin_entries(admin: str) -> list[Delivery]:
    """Deliveries from the "Diagnostic information for administrators" section."""
    entries: list[Delivery] = []
    for line in admin.split("\n"):
        if not line.strip() or _SERVER_LINE.match(line):
            continue
        address = bare_address(_ANNOTATION.sub("", line))
        if address:
            entries.append(Delivery(recipient=address, action="failed"))
            continue
        if not entries:
            continue
        current = entries[-1]
        returned = _RETURNED.search(line.strip())
        if returned:
            if not current.diagnostic:
                current.diagnostic = collapse(returned.group("text").rstrip("'"))
                current.diagnostictype = "SMTP"
                if returned.group("host") and not current.rhost and not _MICROSOFT_HOST.search(returned.group("host")):
                    current.rhost = returned.group("host").lower()
        elif _HOSTNAME.match(line.strip()) and not current.rhost and not current.diagnostic:
            current.rhost = line.strip().rstrip(".").lower()
    return entries


def decode(message: Message) -> Report | None:
    if not is_exchange_online(message):
        return None
    body = message.body
    per_message, deliveries = dsn(message)
    before_original, _ = cut(body, _ORIGINAL)
    _, admin = cut(before_original, _ADMIN)
    from_text = admin_entries(admin)
    generating = _GENERATING.search(body)
    lhost = host_of(generating.group(1)) if generating else ""
    if not deliveries:
        deliveries = from_text
    else:
        by_address = {d.recipient.lower(): d for d in from_text}
        for delivery in deliveries:
            found = by_address.get(delivery.recipient.lower())
            if found is None and len(from_text) == 1 and len(deliveries) == 1:
                found = from_text[0]
            if found is not None:
                delivery.diagnostic = delivery.diagnostic or found.diagnostic
                delivery.rhost = delivery.rhost or found.rhost
    if not deliveries:
        return None
    for delivery in deliveries:
        delivery.recipient = clean_address(delivery.recipient)
        delivery.lhost = delivery.lhost or lhost
    return Report(NAME, deliveries, original_of(message, body, _ORIGINAL), per_message)
