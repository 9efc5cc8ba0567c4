"""Postfix bounces: "This is the mail system at host ..." / "This is the Postfix program ...".

Postfix writes one paragraph per recipient in its notification text,

    <rcpt@example.org> (expanded from <alias@example.net>): host mx.example.org[192.0.2.1]
        said: 550 5.1.1 <rcpt@example.org>: Recipient address rejected (in reply to RCPT TO
        command)

and, since 2.3, an RFC 3464 part with the same recipients. The fields are the base; the paragraph
adds what the fields lack (the SMTP command, the remote host, the diagnostic of old versions
without a DSN part). A bounce forwarded as plain text is read the same way from the body.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode, host_of
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    collapse,
    command_of,
    dsn_deliveries,
    is_notification,
    original_or_inline,
    wrapped,
)
from bouncetui.decode.report import Delivery, Report

NAME = "Postfix"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = (
    "delayed mail (still being retried)",
    "successful mail delivery report",
    "mail delivery status report",
    "undeliverable mail",
    "undelivered mail",
    "x-postfix",
    "this is the postfix program at host ",
    "this is the mail system at host ",
)

_SUBJECTS = re.compile(
    r"^(?:Postmaster (?:Copy|Warning): )?(?:Undelivered Mail Returned to Sender|"
    r"Delayed Mail \(still being retried\)|Successful Mail Delivery Report|Mail Delivery Status Report|"
    r"Undeliverable mail|Undelivered Mail)",
    re.IGNORECASE,
)
_BANNER = wrapped(r"^\s*This is the (?:Postfix program|mail system) at host ", re.MULTILINE)  # also wrapped
_PARAGRAPH = re.compile(
    r"^[ \t]?<(?P<rcpt>[^>\s]*@[^>\s]*|[^>\s]+)>(?:\s+\(expanded\s+from\s+<(?P<alias>[^>]*)>\))?:\s+"
    # the text runs line by line up to a blank line, the next "<address>:" line, a "--" line or the
    # end (what a lazy ".*?" before a look-ahead for them gives, without trying it at every character)
    r"(?P<text>[^\n]*+(?:\n(?!\s*\n|[ \t]?<[^>\s]+>(?::|\s+\(expanded)|--)[^\n]*+)*+)",
    re.MULTILINE | re.DOTALL,
)
_SAID = re.compile(
    r"^(?:.*?\b)?host\s+(?P<host>[^\s\[]+)(?:\[[^\]]*\])?(?::\d+)?\s+"
    r"(?:said|refused to talk to me)\s*:\s*(?P<reply>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# the peer Postfix names in its own words ("message size N exceeds size limit N of server HOST[IP]":
# the size the server advertised)
_PEER = re.compile(r"(?:connect to|conversation with|lost connection with|host|of server)\s+([A-Za-z0-9.-]+)\[", re.I)
_REFUSED = re.compile(r"server refused to talk to me:\s*(.*)$", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n|^[ \t]*\n")
_IN_REPLY = re.compile(r"\s*\(in reply to [^)]*\)\s*$", re.IGNORECASE)
_MARKERS = (
    re.compile(r"^Content-Type:\s*(?:message/rfc822|text/rfc822-headers)", re.MULTILINE | re.IGNORECASE),
    re.compile(r"^-+\s*Undelivered Message\s*-*$", re.MULTILINE | re.IGNORECASE),
)


def paragraph_of(text: str) -> tuple[str, str, str]:
    """(rhost, diagnostic, command) from the words Postfix wrote about one recipient."""
    text = collapse(text)
    command = command_of(text)
    rhost = ""
    diagnostic = text
    said = _SAID.match(text)
    if said:
        rhost = said.group("host").lower()
        diagnostic = said.group("reply")
    else:
        peer = _PEER.search(text)
        if peer:
            rhost = peer.group(1).lower()
        refused = _REFUSED.search(text)
        if refused:  # "connect to H[IP]: server refused to talk to me: 421 ..."
            diagnostic = refused.group(1)
    return rhost, _IN_REPLY.sub("", diagnostic).strip(), command


def _paragraph_texts(body: str) -> list[tuple[re.Match[str], str]]:
    """(the recipient's match, its text): a line "<a>:" that goes on the paragraph of the same
    address with no blank line between them is part of its reply (Postfix's "said: 550 <a>:
    User unknown" wrapped right before the address), not a paragraph of its own."""
    found: list[tuple[re.Match[str], str]] = []
    for m in _PARAGRAPH.finditer(body):
        if found:
            first, _ = found[-1]
            if (m.group("rcpt").lower() == first.group("rcpt").lower() and not m.group("alias")
                    and not _BLANK_LINE.search(body, first.end(), m.start())):
                found[-1] = (first, body[first.start("text"):m.end()])
                continue
        found.append((m, m.group("text")))
    return found


def paragraphs(body: str) -> list[Delivery]:
    found = []
    for m, text in _paragraph_texts(body):
        recipient = clean_address(m.group("rcpt"))
        if not recipient:
            continue
        rhost, diagnostic, command = paragraph_of(text)
        kind = diagnostic_type(text)
        if kind == "X-Unix" and _OUTPUT in diagnostic:
            diagnostic = diagnostic.split(_OUTPUT, 1)[1].strip()  # the program's words, as the DSN's x-unix
        alias = clean_address(m.group("alias") or "")
        found.append(
            Delivery(
                recipient=recipient,
                alias=alias if alias.lower() != recipient.lower() else "",
                diagnostic=diagnostic,
                replycode=find_replycode(diagnostic[:4]),
                command=command,
                rhost=rhost,
                diagnostictype=kind,
            )
        )
    return found


# pipe(8)'s words for a command that failed: the diagnostic is the program's, as the DSN part's
# "x-unix" says ("Command died with status 1: ...", "user unknown. Command output: ...")
_OUTPUT = "Command output: "
_PIPE = re.compile(r"^Command died with status \d+|\. Command output: |^Command time limit exceeded", re.IGNORECASE)


def diagnostic_type(text: str) -> str:
    """SMTP for a remote host's reply, X-Unix for a program's failure, else X-Postfix (its own words)."""
    if said_by_host(text):
        return "SMTP"
    return "X-Unix" if _PIPE.search(collapse(text)) else "X-Postfix"


def said_by_host(text: str) -> bool:
    return bool(_SAID.match(collapse(text)))


def is_postfix(message: Message, fields: dict[str, str]) -> bool:
    return bool(
        "x-postfix-queue-id" in fields
        or _BANNER.search(message.body[:4000])
        or (_SUBJECTS.match(message.subject) and "mailer-daemon" in message.sender.lower())
    )


_AT_HOST = re.compile(r"at host\s+([A-Za-z0-9.-]+)")


def decode(message: Message) -> Report | None:
    if not (is_notification(message) or _SUBJECTS.match(message.subject)):
        return None  # a person quoting a bounce is not one
    if not (_SUBJECTS.match(message.subject) or "x-postfix" in message.body.lower() or _BANNER.search(message.body)):
        return None
    body = message.body
    report_text = message.text_of("message/delivery-status", "message/global-delivery-status")
    fields, deliveries = dsn_deliveries(report_text or body)
    if not is_postfix(message, fields):
        return None
    delayed = "delayed mail" in message.subject.lower()
    texts = paragraphs(body)
    by_address = {}
    for item in texts:
        by_address.setdefault(item.recipient.lower(), item)
        if item.alias:
            by_address.setdefault(item.alias.lower(), item)
    if deliveries:
        for delivery in deliveries:
            said = by_address.get(delivery.recipient.lower()) or by_address.get(delivery.alias.lower())
            if said is None and len(deliveries) == len(texts) == 1:
                said = texts[0]  # one recipient each: the same one, however it is spelled
            if said is None:
                continue
            delivery.command = delivery.command or said.command
            delivery.rhost = delivery.rhost or said.rhost
            if not delivery.diagnostic:
                delivery.diagnostic, delivery.replycode = said.diagnostic, said.replycode
        for delivery in deliveries:
            if _SAID.match(delivery.diagnostic) or _REFUSED.search(delivery.diagnostic):
                # "host H said: ..." (old versions) or "... server refused to talk to me: ..."
                rhost, delivery.diagnostic, command = paragraph_of(delivery.diagnostic)
                delivery.rhost = delivery.rhost or rhost
                delivery.command = delivery.command or command
    else:
        deliveries = texts
    original = original_or_inline(message, body, _MARKERS)
    if not deliveries and original is not None and _BANNER.search(body):
        # "--- Delivery report unavailable ---": only the returned message says who it was for.
        recipient = clean_address(str(original.get("To", "")))
        if recipient:
            deliveries = [Delivery(recipient=recipient)]
    if not deliveries:
        return None
    lhost = host_of(fields.get("reporting-mta", ""))
    banner = _AT_HOST.search(body)
    for delivery in deliveries:
        delivery.lhost = delivery.lhost or lhost or (banner.group(1).rstrip(".").lower() if banner else "")
        if delayed and not delivery.action:
            delivery.action = "delayed"
    return Report(NAME, deliveries, original, fields)
