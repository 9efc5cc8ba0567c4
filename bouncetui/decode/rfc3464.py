"""RFC 3464 delivery status notifications, and RFC 6533 message/global-delivery-status.

The `message/delivery-status` part holds one block of per-message fields (Reporting-MTA,
Received-From-MTA, Arrival-Date, X-Postfix-Queue-ID, X-Postfix-Sender, ...) and one block per
recipient (Original-Recipient, Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code,
Last-Attempt-Date, Will-Retry-Until). Folded lines, odd casing and missing blank lines between
blocks are all accepted, and so are RFC 6533 utf-8 addresses, raw or escaped (`utf8_address`).
`parse_fields` is shared with MTA decoders that embed the same fields.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_command, host_of, strip_diagnostic
from bouncetui.decode.message import ORIGINAL_TYPES, TEXT_REPORT_TYPES, Message
from bouncetui.decode.report import Delivery, Report

NAME = "RFC3464"

PER_MESSAGE = {
    "reporting-mta",
    "received-from-mta",
    "arrival-date",
    "x-postfix-queue-id",
    "x-postfix-sender",
    "original-envelope-id",
    "dsn-gateway",
    "x-original-message-id",
}
PER_RECIPIENT = {
    "original-recipient",
    "final-recipient",
    "action",
    "status",
    "remote-mta",
    "diagnostic-code",
    "last-attempt-date",
    "will-retry-until",
    "x-actual-recipient",
    "final-log-id",
    "x-display-name",
}
# Fields of free text, which a line with no field name of its own continues (a mailer that wraps
# a long diagnostic without indenting the next line).
CONTINUED = frozenset({"diagnostic-code"})
_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)\s*:\s?(.*)$")
_ACTIONS = (
    ("fail", "failed"),
    ("delay", "delayed"),
    ("deliver", "delivered"),
    ("relay", "relayed"),
    ("expand", "expanded"),
)


def unfold(text: str) -> list[str]:
    """Lines with RFC 5322 continuation lines joined to the line they continue."""
    if "\n " not in text and "\n\t" not in text and text[:1] not in (" ", "\t"):
        return [line.rstrip() for line in text.split("\n")]  # no line continues another
    lines: list[str] = []
    for line in text.split("\n"):
        if line[:1] in (" ", "\t") and lines and lines[-1].strip():
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        else:
            lines.append(line.rstrip())
    return lines


# The field name (lower-case) that a line's text before its first colon is, "" when it is none:
# _FIELD's name and the blanks before its colon. Short texts are kept, as the same few recur.
_NAMES: dict[str, str] = {}
_NAMES_KEPT = 4096
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


def _field_name(head: str) -> str:
    bare = head.rstrip()
    name = bare.lower() if _NAME.fullmatch(bare) else ""
    if len(head) <= 64:
        if len(_NAMES) >= _NAMES_KEPT:
            _NAMES.clear()
        _NAMES[head] = name
    return name


def parse_fields(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(per-message fields, [per-recipient fields]) from delivery-status text; names lower-case.

    Each line is split at its first colon, the name looked up in _NAMES: what `_FIELD.match` of
    the stripped line finds (tests/unit/test_status_fields.py compares the two)."""
    message: dict[str, str] = {}
    recipients: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    last = ""  # the free-text field the block's previous line set, which a field-less line continues
    if "\n " not in text and "\n\t" not in text and text[:1] not in (" ", "\t"):
        lines = text.split("\n")  # no line continues another (what unfold gives, each line stripped below)
    else:
        lines = unfold(text)
    for line in lines:
        line = line.strip()
        if not line:
            current = None  # a blank line ends a recipient block
            last = ""
            continue
        head, colon, value = line.partition(":")
        if colon:
            name = _NAMES.get(head)
            if name is None:
                name = _field_name(head)
        else:
            name = ""
        if not name:
            if last and current is not None and not line.startswith("--"):
                # a continuation line written without its indentation (Amazon WorkMail's
                # "Diagnostic-Code: smtp; 554 4.4.7 Message expired: ..." and "<421 ...>" below)
                current[last] = (current[last] + " " + line).lstrip()
            continue
        last = ""
        if name in PER_RECIPIENT:
            if current is None or name in current:
                current = {}
                recipients.append(current)
            if name not in current:
                current[name] = value.strip()
                if name in CONTINUED:
                    last = name
        elif name in PER_MESSAGE and name not in message:
            message[name] = value.strip()
    return message, [r for r in recipients if r.get("final-recipient") or r.get("original-recipient")]


def normalize_action(value: str) -> str:
    value = value.strip().lower()
    for prefix, action in _ACTIONS:
        if value.startswith(prefix):
            return action
    return value.split()[0] if value else ""


# Exchange's encapsulated addresses: IMCEASMTP-user+40example+2Ecom@host wraps an SMTP address
# (+XX is a hex-escaped character); IMCEAEX-_o=...@host is a directory entry with no SMTP address.
_IMCEA = re.compile(r"^IMCEA(?P<type>[A-Z0-9]+)-(?P<value>.+)@[^@]+$", re.IGNORECASE)
_HEX_ESCAPE = re.compile(r"\+([0-9A-Fa-f]{2})")


def unencapsulated(address: str, original: str) -> str:
    """The SMTP address behind an Exchange IMCEA address (else the original recipient); any other
    address unchanged."""
    m = _IMCEA.match(address)
    if not m:
        return address
    if m.group("type").upper() == "SMTP":
        inner = _HEX_ESCAPE.sub(lambda h: chr(int(h.group(1), 16)), m.group("value"))
        if clean_address(inner) == inner:
            return inner
    return original or address


# RFC 6533's utf-8-addr-xtext: a non-ASCII character of a utf-8 address written as \x{HEX} in a
# 7-bit delivery-status part ("Original-Recipient: utf-8; j\x{FC}rgen@example.de").
_UTF8_XTEXT = re.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")


def utf8_address(text: str) -> str:
    """The address field's text with RFC 6533 \\x{HEX} escapes decoded (a code point past
    Unicode's last, or a surrogate, left as written)."""
    if "\\x{" not in text:
        return text
    return _UTF8_XTEXT.sub(lambda m: chr(n) if (n := int(m.group(1), 16)) <= 0x10FFFF
                           and not 0xD800 <= n <= 0xDFFF else m.group(0), text)


def deliveries_from_fields(message: dict[str, str], recipients: list[dict[str, str]]) -> list[Delivery]:
    """Turn parsed delivery-status fields into Deliveries."""
    lhost = host_of(message.get("reporting-mta", ""))
    result = []
    for fields in recipients:
        original = clean_address(utf8_address(fields.get("original-recipient", "")))
        final = unencapsulated(clean_address(utf8_address(fields.get("final-recipient", ""))), original)
        dtype, diagnostic = strip_diagnostic(fields.get("diagnostic-code", ""))
        result.append(
            Delivery(
                recipient=final or original,
                alias=original if original and original.lower() != final.lower() else "",
                action=normalize_action(fields.get("action", "")),
                status=fields.get("status", "").strip(),
                diagnostic=diagnostic,
                diagnostictype=dtype,
                rhost=host_of(fields.get("remote-mta", "")),
                lhost=lhost,
                date=fields.get("last-attempt-date", "") or message.get("arrival-date", ""),
                command=find_command(diagnostic),
            )
        )
    return result


def command_from_text(body: str, recipient: str) -> str:
    """The SMTP stage stated in the human-readable part next to a recipient (Postfix style)."""
    if not recipient:
        return ""
    lowered = body.lower()
    at = lowered.find(recipient.lower())
    while at >= 0:
        end = lowered.find("\n\n", at)
        paragraph = body[at : end if end > 0 else at + 800]
        command = find_command(" ".join(paragraph.split()))  # "command 'RCPT" and "TO:" wrapped apart
        if command:
            return command
        at = lowered.find(recipient.lower(), at + len(recipient))
    return ""


def human_text(message: Message) -> str:
    """The report's human-readable text: its text parts before the delivery-status part (not the
    field blocks themselves, which may hold thousands of recipients)."""
    texts = []
    for part in message.parts:
        ctype = part.get_content_type()
        if ctype in TEXT_REPORT_TYPES or ctype in ORIGINAL_TYPES:
            break
        if ctype == "text/plain" or part is message.msg:
            texts.append(message.part_text(part))
        elif ctype == "text/html" and not any(texts):  # a notice sent as HTML only
            texts.append(message.part_text(part))  # read as its text
    return "\n".join(texts)


_STATUS_COMMENT = re.compile(r"^\s*\d\.\d{1,3}\.\d{1,3}\s*\((?P<comment>[^)]+)\)")
# A comment that only restates the status class ("(permanent failure)") says nothing more.
_CLASS_ONLY = re.compile(r"^\s*(?:permanent|persistent|temporary|transient)?\s*(?:failure|error|success)\s*$", re.I)
_FIELD_LINE = re.compile(r"^\s*(?:final-recipient|original-recipient|action|status|reporting-mta):", re.I | re.M)


def status_comment(status: str) -> str:
    """The words an MTA wrote after the status code ("4.0.0 (cat.example.net: host name lookup
    failure)"), when they say more than the class of the status."""
    m = _STATUS_COMMENT.match(status)
    if not m or _CLASS_ONLY.match(m.group("comment")):
        return ""
    return " ".join(m.group("comment").split())


def diagnostic_from_text(body: str, recipient: str) -> str:
    """The human-readable part's paragraph about a recipient, for a report whose Diagnostic-Code
    is empty ("Your message wasn't delivered to a@b because the address couldn't be found.")."""
    if not recipient or not body:
        return ""
    at = body.lower().find(recipient.lower())
    if at < 0:
        return ""
    start = body.rfind("\n\n", 0, at)
    end = body.find("\n\n", at)
    paragraph = body[start + 1 if start >= 0 else 0 : end if end > 0 else at + 600]
    if _FIELD_LINE.search(paragraph):
        return ""  # the delivery-status fields themselves (a report whose MIME boundaries broke)
    paragraph = " ".join(paragraph.split())
    if paragraph.strip("<>").lower() == recipient.lower():  # the address alone: take what follows
        tail = body[end:].lstrip("\n") if end > 0 else ""
        paragraph = tail.split("\n\n", 1)[0]
        if _FIELD_LINE.search(paragraph):
            return ""  # the delivery-status fields (a report part saved as a text attachment)
        paragraph = " ".join(paragraph.split())
    return paragraph[:1000]


# What a notification says of itself, where its fields stand in a text part: its notifier's name,
# a null Return-Path, an Auto-Submitted mark, or a notice's subject.
_NOTIFIER = re.compile(r"mailer[-_]daemon|postmaster|mail delivery|mail administrator|\bmta\b|daemon", re.I)
# Any word of a delivery notice's subject, broad on purpose ("Nondeliverable mail", "Message delivery
# has failed", "Delayed Mail (still being retried)", "Warning: could not send message ...").
_NOTICE_SUBJECT = re.compile(
    r"deliver|fail|delay|bounce|returned|return(?:ing)? to sender|notif|warning|error|could not|not sent"
    r"|unzustellbar|nicht zugestellt|non remis|no entregad|配信|送信|不達|未達|エラー",
    re.I)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|antw|vs|odp|ynt)\s*(?:\[\d+\])?\s*:", re.I)


def announced(message: Message) -> bool:
    """Whether a message whose delivery-status fields are in a text part says it is a report:
    from a notifier or a null sender, marked Auto-Submitted, or with a notice's subject that is
    not a reply's."""
    auto = message.header("Auto-Submitted").strip().lower()
    return (message.content_type == "multipart/report"
            or any(_NOTIFIER.search(s) for s in message.senders)
            or message.header("Return-Path").replace(" ", "") == "<>"
            or bool(auto and auto != "no")
            or (bool(_NOTICE_SUBJECT.search(message.subject)) and not _REPLY_SUBJECT.match(message.subject)))


def decode(message: Message) -> Report | None:
    text = message.text_of("message/delivery-status", "message/global-delivery-status")
    if not text:
        # Some senders put the DSN fields in a text part; accept that when the fields are there.
        if (message.report_type == "disposition-notification" or "final-recipient:" not in message.body.lower()
                or message.find("message/disposition-notification") is not None):
            return None  # a read receipt (RFC 8098) has a Final-Recipient too, but is no DSN
        if not announced(message):
            return None  # a person's mail that quotes a report's fields ("what does this mean?")
        text = message.body
    per_message, recipients = parse_fields(text)
    deliveries = deliveries_from_fields(per_message, recipients)
    if not deliveries:
        return None
    body = human_text(message)
    for delivery in deliveries:
        if not delivery.command:
            delivery.command = command_from_text(body, delivery.recipient)
        if not delivery.diagnostic and delivery.action not in ("delivered", "relayed", "expanded"):
            delivery.diagnostic = (status_comment(delivery.status)
                                   or diagnostic_from_text(body, delivery.recipient))
    return Report(NAME, deliveries, message.original, per_message)
