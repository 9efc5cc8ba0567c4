"""Microsoft Exchange Server 2007 and later (on premises): "Delivery has failed to these recipients
or groups:" in the server's language, with an RFC 3464 part.

A notice a person forwarded inline keeps only its subject of those header fields: there the NDR
subject and Exchange's own text ("Generating server:", RESOLVER./#550 codes) recognise it.

The fields are the base. The text's administrator section ("Diagnostic information for
administrators:", localised) adds the remote host: "Receiving server: HOST (IP)" or "Remote Server
at HOST (IP) returned '...'", and gives the diagnostic when the fields have none:
"#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##" or "Remote Server returned '...'".
A notice without its RFC 3464 part (as a mail client saves or exports it: the text and HTML
alternatives only) is read from that section alone: each address on a line of its own, then its
replies.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import find_replycode, find_status
from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, dsn_deliveries, wrapped
from bouncetui.decode.mta.office365 import (
    ADMIN_LABELS,
    GENERATING_LABELS,
    ORIGINAL_LABELS,
    RETURNED_WORDS,
    admin_entries,
)
from bouncetui.decode.mta.provider_common import original_of
from bouncetui.decode.report import Delivery, Report

NAME = "Exchange2007"
# is_exchange's headers: X-MS-Exchange-Message-Is-Ndr, or Content-Language with an NDR subject, or
# the mark of a notice rebuilt from an inline forward (whose other fields are unknown)
HEADERS = ("x-ms-exchange-message-is-ndr", "content-language", FIELD_NAME)

_SUBJECTS = re.compile(
    r"^(?:Undeliverable|Delivery delayed|Non remis|Non recapitabile|Unzustellbar|No se puede entregar|Onbestelbaar|"
    r"Não entregue|Niet afgeleverd|Olevererbart|Ej levererat|Kan ikke leveres|Nie można dostarczyć|"
    r"Nedoručitelné|Kézbesíthetetlen|Невозможно доставить|配信不能|无法投递|未傳遞)\s*:",
    re.IGNORECASE,
)
# "Generating server:" in the languages Exchange writes its NDRs in (office365's tables)
_GENERATING_LABEL = "|".join(GENERATING_LABELS)
_EXCHANGE = re.compile(r"Microsoft Exchange|^\s*(?:%s)\s*:|RESOLVER\.\w+\.\w+|STOREDRV\.\w+|QUEUE\.\w+|"
                       r"#\d{3} \d\.\d+\.\d+ " % _GENERATING_LABEL, re.I | re.M)
# "Remote Server returned '550 ...'", localised: "Le serveur distant a retourné '...'", "El servidor
# remoto devolvió '...'", "Der Remoteserver hat '...' zurückgegeben", "リモート サーバーから '...' が返されました"
_REPLY = re.compile(r"#(\d{3}[ -]\d\.\d{1,3}\.\d{1,3}\b.*?)\s*##|(?:returned|%s)\s+'([^']*)'"
                    % "|".join(RETURNED_WORDS), re.DOTALL)  # (the quote may be wrapped onto the next line)
_EXPIRED = re.compile(r"\bQUEUE\.Expired\b", re.IGNORECASE)
_REMOTE = re.compile(r"(?:Receiving server|Remote Server at):?\s+([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b", re.IGNORECASE)
# in a recipient's own entry, also Exchange 2010's "mx.example.net #550 5.1.1 ... ##"
_ENTRY_REMOTE = re.compile(_REMOTE.pattern + r"|^\s*([A-Za-z0-9.-]+\.[A-Za-z]{2,}) #\d{3}[ -]\d\.", re.I | re.M)
# The administrators' section, in the languages Exchange writes it: the entries there are one
# address on its own line, then the replies ("#550 5.1.1 ... ##", "... returned '...'"). Also when
# wrapped at another width (see common.wrapped).
_GENERATING = re.compile(r"^\s*(?:%s)\s*:\s*(\S+)" % _GENERATING_LABEL, re.I | re.M)
_ORIGINAL = wrapped(r"^\s*(?:%s)\s*:?\s*$" % "|".join(ORIGINAL_LABELS), re.IGNORECASE | re.MULTILINE)
_ADMIN = wrapped(r"^(?:%s)\s*:?" % "|".join(ADMIN_LABELS), re.IGNORECASE | re.MULTILINE)


def is_exchange(message: Message) -> bool:
    """Exchange's NDR header, or its Content-Language with an NDR subject; in a notice rebuilt from
    an inline forward (its header fields unknown), the NDR subject alone (decode then requires
    Exchange's own sections in the text as for any notice)."""
    if message.header("X-MS-Exchange-Message-Is-Ndr") or message.msg.get("X-MS-Exchange-Message-Is-Ndr") is not None:
        return True
    if not _SUBJECTS.match(message.subject):
        return False
    return bool(message.header("Content-Language")) or is_inline_forward(message)


def decode(message: Message) -> Report | None:
    if not is_exchange(message):
        return None
    body = message.text_of("text/plain") or message.body
    if not message.find("message/delivery-status"):
        return _without_dsn(message, body)
    if not _EXCHANGE.search(body) and not _EXCHANGE.search(message.text_of("message/delivery-status")):
        return None
    fields, deliveries = dsn_deliveries(message.text_of("message/delivery-status"))
    if not deliveries:
        return None
    _complete(deliveries, body)
    return Report(NAME, deliveries, message.original, fields)


def _without_dsn(message: Message, body: str) -> Report | None:
    """A notice whose RFC 3464 part is missing: its deliveries from the administrators' section."""
    admin = _ADMIN.search(body)
    if not admin or not _EXCHANGE.search(body):
        return None
    section = body[admin.end() :]
    original = _ORIGINAL.search(section)
    deliveries = admin_entries(section[: original.start()] if original else section)
    if not deliveries:
        return None
    generating = _GENERATING.search(body)
    for delivery in deliveries:
        delivery.lhost = generating.group(1).rstrip(".").lower() if generating else ""
    _complete(deliveries, body)
    # the returned message's headers, quoted under "Original message headers:" when not attached
    return Report(NAME, deliveries, original_of(message, body, (_ORIGINAL,)))


def _complete(deliveries: list[Delivery], body: str) -> None:
    """Each delivery's diagnostic and remote host from its entry in the administrators' section,
    and QUEUE.Expired's verdict."""
    remote = _REMOTE.search(body)
    receiving = remote if remote and remote.group(0).lower().startswith("receiving") else None
    for delivery in deliveries:
        # the administrator section's entry, not the address in the quoted original's headers
        entry = entry_of(body, delivery.recipient)
        said = _REPLY.search(entry)
        if not delivery.diagnostic and said:
            delivery.diagnostic = collapse(said.group(1) or said.group(2))
            delivery.replycode = find_replycode(delivery.diagnostic[:4])
        # the host its own entry names (another recipient's may be another server), else the
        # notice's one "Receiving server:"
        host = remote if entry is body else _ENTRY_REMOTE.search(entry) or receiving
        if not delivery.rhost and host:
            delivery.rhost = next(g for g in host.groups() if g).lower()
        if _EXPIRED.search(delivery.diagnostic) or (entry is not body and _EXPIRED.search(entry)):
            expired(delivery, entry)


def entry_of(body: str, recipient: str) -> str:
    """The administrator section's entry for a recipient: its address, then the replies."""
    admin = _ADMIN.search(body)
    if admin:
        # the address alone on its line, up to the next such line (another recipient's entry)
        section = body[admin.end() :]
        lines = section.split("\n")
        starts = [i for i, line in enumerate(lines) if "@" in line and len(line.split()) == 1]
        for n, i in enumerate(starts):
            if lines[i].strip().strip("<>").lower() == recipient.lower():
                end = starts[n + 1] if n + 1 < len(starts) else len(lines)
                return "\n".join(lines[i:end])
    lowered, at = body.lower(), -1
    while True:
        at = lowered.find(recipient.lower(), at + 1)
        if at < 0:
            return body
        reply = _REPLY.search(body, at)
        if reply and reply.start() - at < 400:
            return body[at : at + 3000]


def expired(delivery: Delivery, text: str) -> None:
    """QUEUE.Expired is Exchange's own verdict: the reason is expiry, and the remote error of the
    attempts it lists (newest first) is what kept the message from being delivered."""
    delivery.reason = "expired"
    for m in _REPLY.finditer(text):
        words = collapse(m.group(1) or m.group(2))
        if not _EXPIRED.search(words):
            delivery.diagnostic, delivery.replycode = words, find_replycode(words[:4])
            delivery.status = find_status(words) or delivery.status
            return
