"""Decoding: raw message bytes to Bounce records.

`decode(raw, origin, position)` parses the message once, offers it to each decoder in the order of
`DECODERS` until one recognises it, and assembles the records. A message no decoder recognises is
not a report and gives no record.

Order: feedback reports first (they quote whole messages that may look like anything), then the
MTA- and provider-specific decoders, then the generic RFC 3464 decoder, then the plain-text
fallback for bounces in no known format, and last RFC 3834 auto-replies, which must not claim an
MTA's bounce that carries Auto-Submitted too.

A bounce that a person forwarded ("Fwd: Returned mail", attached, quoted with "> " or inline below a
"Forwarded message" line, see `forwarded`) is unwrapped and decoded as the bounce it carries.

Before parsing, `sniff.may_be_report` looks at the raw bytes: plain personal mail with no sign of a
report (no notifier sender, no report part, no bounce wording, nothing encoded) is settled as no
report without being parsed or offered to any decoder. After parsing, a decoder that declares
SIGNS (see `decode.mta`) is offered only a message that mentions one of them, a decoder that
declares HEADERS only a message that has one of those header fields, and a decoder that declares
SENDERS only a message whose From or Return-Path holds one of those words.
"""

from __future__ import annotations

import re
from collections.abc import Set
from types import ModuleType

from bouncetui.decode import arf, fallback, mta, rfc3464, rfc3834, sniff
from bouncetui.decode.assemble import assemble
from bouncetui.decode.forwarded import inline_forward
from bouncetui.decode.message import TEXT_REPORT_TYPES, Message, attached_bytes, fold, normalize_newlines
from bouncetui.decode.part import Part
from bouncetui.decode.report import Report
from bouncetui.limits import DEFAULT, LimitExceeded, Limits
from bouncetui.model import Bounce

DECODERS: tuple[ModuleType, ...] = (arf, *mta.DECODERS, rfc3464, fallback, rfc3834)
# False: every message is parsed and offered to every decoder, signs or not (to compare results)
PREFILTER = True
# Each decoder with the words it needs, the header fields one of which it needs and the words one
# of which its senders hold (each empty: no condition).
_Entry = tuple[ModuleType, tuple[str, ...], frozenset[str], tuple[str, ...]]
_SIGNS: tuple[_Entry, ...] = tuple(
    (decoder, tuple(getattr(decoder, "SIGNS", ())), frozenset(getattr(decoder, "HEADERS", ())),
     tuple(getattr(decoder, "SENDERS", ())))
    for decoder in DECODERS
)
_SPECIFIC = _SIGNS[: len(mta.DECODERS) + 1]  # feedback reports and the MTAs' own decoders
_GENERIC = _SIGNS[len(mta.DECODERS) + 1 :]  # RFC 3464, plain text, auto-replies
# The MTAs' decoders with signs of several words, those signs only.
_WRAPPABLE: tuple[_Entry, ...] = tuple(
    (decoder, wrappable, headers, senders)
    for decoder, signs, headers, senders in _SPECIFIC
    for wrappable in [tuple(sign for sign in signs if " " in sign.strip())]
    if wrappable
)

_FORWARDED = re.compile(r"^\s*(?:fwd?|fw|tr|wg|転送)\s*:", re.I)
_QUOTED_HEADER = re.compile(r"^>+ ?(?:From|Date|Subject|To|Return-Path|Received):", re.M)
_QUOTE = re.compile(r"^>+ ?", re.M)


def header_names(message: Message) -> Set[str]:
    """The names of the message's own header fields, lowered: `name in header_names(message)` when
    `message.msg.get(name)` finds a field (it compares names lowered). For a tree of mimeparse
    Parts, the keys of the index its get() reads (no set built)."""
    msg = message.msg
    if isinstance(msg, Part):
        return msg.names()
    return {name.lower() for name in msg.keys()}


def find_report(message: Message) -> Report | None:
    """The first decoder's report for this message, or None when it is not a report.

    A message no MTA's decoder recognises is offered again, before the generic decoders, to those
    whose signs of several words its notice mentions across a line break (`_wrapped_report`)."""
    report = _first_report(message, _SPECIFIC)
    if report is None and PREFILTER:
        report = _wrapped_report(message)
    return report if report is not None else _first_report(message, _GENERIC)


def _first_report(message: Message, entries: tuple[_Entry, ...]) -> Report | None:
    """The report of the first of these decoders that recognises the message."""
    folded = None  # message.folded, read when the first decoder with signs is reached
    names = None  # header_names(message), likewise
    senders_text = None  # message.folded_senders, likewise
    for decoder, signs, headers, senders in entries:
        if headers and PREFILTER:
            if names is None:
                names = header_names(message)
            if names.isdisjoint(headers):
                continue  # the decoder would not recognise it
        if senders and PREFILTER:
            if senders_text is None:
                senders_text = message.folded_senders
            for word in senders:
                if word in senders_text:
                    break
            else:
                continue  # not its notifier
        if signs and PREFILTER:
            if folded is None:
                folded = message.folded
            for word in signs:  # message.mentions(signs), without a call per decoder
                if word in folded:
                    break
            else:
                continue  # the decoder would not recognise it
        report = decoder.decode(message)
        if report is not None and report.deliveries:
            return report
    return None


def _wrapped_report(message: Message) -> Report | None:
    """The report of the first decoder with signs of several words that the notice (its first
    text/plain part, else its body) mentions once each run of whitespace is one blank, and the
    message did not before: a banner that another version of the mailer (or a gateway) wrapped
    onto two lines."""
    collapsed = None
    names = None
    for decoder, signs, headers, senders in _WRAPPABLE:
        if headers:
            if names is None:
                names = header_names(message)
            if names.isdisjoint(headers):
                continue
        if senders and not any(word in message.folded_senders for word in senders):
            continue
        if collapsed is None:
            collapsed = " ".join(fold(message.text_of("text/plain") or message.body).split())
        for sign in signs:
            if sign in collapsed:
                break
        else:
            continue  # no sign of this decoder, wrapped or not
        if any(sign in message.folded for sign in signs):
            continue  # there unwrapped: offered already
        report = decoder.decode(message)
        if report is not None and report.deliveries:
            return report
    return None


def unwrap_forwarded(message: Message) -> Message | None:
    """The bounce in a forwarded message ("Fwd: ..."): attached as a message/rfc822 part, or quoted
    with "> " in the text; None when there is none."""
    if not _FORWARDED.match(message.subject):
        return None
    attached = message.original_part
    if attached is not None:
        raw = attached_bytes(message, attached)
        if raw is not None:
            return Message.parse(raw)
        payload = attached.get_payload()
        if isinstance(payload, list) and payload:
            try:
                return Message.parse(payload[0].as_bytes())
            except (LookupError, UnicodeError, ValueError, TypeError):
                pass  # an attachment that cannot be serialised again: try the quoted text
    at = _QUOTED_HEADER.search(message.body)
    if at is None:
        return None
    quoted = "\n".join(line for line in message.body[at.start():].split("\n") if line.startswith(">"))
    return Message.parse(_QUOTE.sub("", quoted).encode("utf-8"))


def inline_forwarded(message: Message) -> Message | None:
    """The bounce in a message a person forwarded inline ("Fwd: ...", the bounce's fields below a
    "Forwarded message" line, see `forwarded`), rebuilt and parsed; None for any other message."""
    if not _FORWARDED.match(message.subject):
        return None
    raw = inline_forward(message)
    return Message.parse(raw) if raw is not None else None


def report_in(message: Message) -> tuple[Report, Message] | None:
    """The report of the bounce a person forwarded inline in this message (tried first: the
    forward's own text must not be read as a notice), else this message's own, with the message it
    was read from; None when neither is a report."""
    inner = inline_forwarded(message)
    report = find_report(inner) if inner is not None else None
    if report is not None and inner is not None:
        return report, inner
    report = find_report(message)
    return (report, message) if report is not None else None


def check_structure(message: Message, limits: Limits) -> None:
    """Raise LimitExceeded when the MIME tree has too many parts or is nested too deeply.

    A tree the fast parser built carries its count and depth (part.Part._shape): within the
    limits, it is not walked again."""
    shape = message.msg._shape if isinstance(message.msg, Part) else None
    if shape is not None and shape[0] <= limits.max_parts and shape[1] <= limits.max_depth:
        return
    parts = 0
    stack = [(message.msg, 0)]
    while stack:
        part, depth = stack.pop()
        parts += 1
        if parts > limits.max_parts:
            raise LimitExceeded("more than %d MIME parts (--max-parts)" % limits.max_parts)
        if depth > limits.max_depth:
            raise LimitExceeded("MIME parts nested deeper than %d (--max-depth)" % limits.max_depth)
        payload = part._payload  # a list when multipart (what get_payload() returns then)
        if type(payload) is list and part.get_content_type() not in TEXT_REPORT_TYPES:
            # a report's field blocks are not MIME parts
            stack.extend((sub, depth + 1) for sub in payload if hasattr(sub, "is_multipart"))


def decode(raw: bytes, origin: str = "", position: int = 1, limits: Limits = DEFAULT) -> list[Bounce]:
    """Every recipient's Bounce record in one message; [] for a message that is not a report.

    Raises LimitExceeded for a message beyond `limits` (size, parts, depth, recipients).
    """
    if len(raw) > limits.max_bytes:
        raise LimitExceeded("message of %d bytes exceeds %d (--max-size)" % (len(raw), limits.max_bytes))
    raw = normalize_newlines(raw)
    if PREFILTER and not sniff.may_be_report(raw):
        return []
    message = Message.parse(raw)
    check_structure(message, limits)
    found = report_in(message)
    if found is None:
        inner = unwrap_forwarded(message)  # attached or quoted: perhaps itself forwarded inline
        found = report_in(inner) if inner is not None else None
        if found is None:
            return []
    report, message = found
    if len(report.deliveries) > limits.max_recipients:
        raise LimitExceeded("%d recipients in one report exceed %d (--max-recipients)"
                            % (len(report.deliveries), limits.max_recipients))
    return assemble(report, message, origin, position)
