"""Filtering appliances whose reports are RFC 3464 with a text part of their own, each recognised
by its header or wording: SurfControl, McAfee, Barracuda, PowerMTA, amavisd-new.

`decode_with(message, name, recognised, extras)` reads the fields, adds what the text says about
each recipient (`extras(body) -> {address: (rhost, diagnostic)}`), and names the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, dsn_deliveries
from bouncetui.decode.report import Delivery, Report

Extras = Callable[[str], dict[str, tuple[str, str]]]


def decode_with(message: Message, name: str, extras: Extras | None = None) -> Report | None:
    fields, deliveries = dsn_deliveries(message.text_of("message/delivery-status"))
    body = message.text_of("text/plain") or message.body
    said = extras(body) if extras else {}
    if not deliveries:
        deliveries = [Delivery(recipient=a, rhost=h, diagnostic=d) for a, (h, d) in said.items()]
    for delivery in deliveries:
        rhost, diagnostic = said.get(delivery.recipient.lower(), ("", ""))
        delivery.rhost = delivery.rhost or rhost
        delivery.diagnostic = delivery.diagnostic or diagnostic
    deliveries = [d for d in deliveries if d.recipient]
    if not deliveries:
        return None
    return Report(name, deliveries, message.original, fields)


def lines_matching(pattern: re.Pattern[str]) -> Extras:
    """Extras from lines matching `pattern` with groups "rcpt", and optionally "host" and "text"."""

    def extras(body: str) -> dict[str, tuple[str, str]]:
        found = {}
        for m in pattern.finditer(body):
            groups = m.groupdict()
            address = clean_address(groups["rcpt"])
            if address:
                found[address.lower()] = ((groups.get("host") or "").lower(), collapse(groups.get("text") or ""))
        return found

    return extras
