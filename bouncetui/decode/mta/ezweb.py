"""au (EZweb) Postmaster notices: "Mail System Error - Returned Mail" from Postmaster@ezweb.ne.jp.

Plain text (often ISO-2022-JP, sometimes EUC-JP bytes under that label), a Japanese preface, then
au's English sentence and the recipients, either bare (<user@ezweb.ne.jp>), as "Recipient: <...>"
with a ">>> RCPT TO:" / "<<< 550 ..." transcript, or in an RFC 3464 part. Some notices quote the
original after a line of dashes.

au's own sentences state the reason, and they are used as such (they outrank the SMTP reply that
may accompany them, as in "account is disabled" with "550 user unknown"):
"The user(s) account is disabled." / "... temporarily limited." (suspend), "... temporarily over
quota" (mailboxfull), "Your message was not delivered within N days and N hours." (expired).
"Each of the following recipients was rejected by a remote mail server." states no reason, unless
the notice carries au's filter flag, X-SPASIGN: NG: the recipient's receive filter refused the mail.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import wrapped
from bouncetui.decode.mta.provider_common import bare_address, collapse, cut, dsn, original_of, sender_matches
from bouncetui.decode.report import Delivery, Report

NAME = "EZweb"

_SENDER = re.compile(r"postmaster@(?:[\w-]+\.)*(?:ezweb\.ne\.jp|au\.com)\b", re.IGNORECASE)
_SENDER_WORDS = ("ezweb.ne.jp", "au.com")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
_SUBJECT = re.compile(r"Mail System Error - Returned Mail", re.IGNORECASE)
_ORIGINAL = (re.compile(r"^-{20,}\s*$", re.MULTILINE),)
_RECIPIENT_LINE = re.compile(r"^\s*Recipient:\s*<?([^\s<>]+@[^\s<>]+)>?", re.IGNORECASE | re.MULTILINE)
_TRANSCRIPT = re.compile(r"^\s*>>>\s*(?P<cmd>[A-Z]+)[^\n]*\n\s*<<<\s*(?P<reply>[^\n]+)", re.MULTILINE)
# au's English sentences, and the reason each one states ("" when it states none); also wrapped at
# another width (see common.wrapped).
SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (wrapped(r"The user\(s\) account is disabled\.?", re.I), "suspend"),
    (wrapped(r"The user\(s\) account is temporarily limited\.?", re.I), "suspend"),
    (wrapped(r"The user\(s\) account is temporarily over quota\.?", re.I), "mailboxfull"),
    (wrapped(r"Your message was not delivered within \d+ days?(?: and \d+ hours?)?[.:]?"
                r"(?:\s*(?:Remote host|Host \S+) is not responding\.?)?", re.I), "expired"),
    (wrapped(r"Each of the following recipients was rejected by a remote\s+mail server\.?", re.I), ""),
    (wrapped(r"The following recipients did not receive this message:?", re.I), ""),
)
# "Recipient: <a>" then "Reason:    5.1.1 <a>... User unknown": the remote server's words, running on
# over the lines below when wrapped (up to a blank line or another "Name:" line)
_REASON = re.compile(r"^\s*Reason:\s*([^\n]+(?:\n(?![ \t]*$|[ \t]*\w[\w -]*:\s)[^\n]+)*)", re.IGNORECASE | re.MULTILINE)
_COMMANDS = {"RCPT": "RCPT", "MAIL": "MAIL", "DATA": "DATA", "EHLO": "EHLO", "HELO": "HELO"}


def _sentence(text: str) -> tuple[str, str]:
    """(au's sentence, the reason it states) — the first stating one wins, else the first found."""
    found = [(m.group(0), reason) for pattern, reason in SENTENCES for m in [pattern.search(text)] if m]
    stating = [f for f in found if f[1]]
    best = stating[0] if stating else (found[0] if found else ("", ""))
    return collapse(best[0]), best[1]


_SAID_CODE = re.compile(r":\s*[245]\d\d\b")


_ANGLED = re.compile(r"^\s*<[^<>\s]+>")


def _lines_about(head: str, recipient: str) -> list[str]:
    """The lines naming the recipient, each with the lines it runs on to (a reply wrapped onto the
    next line) up to a blank line or the next "<address>" line."""
    lines = head.split("\n")
    found = []
    for i, line in enumerate(lines):
        if recipient.lower() in line.lower():
            end = i + 1
            while end < len(lines) and lines[end].strip() and not _ANGLED.match(lines[end]):
                end += 1
            found.append(" ".join(lines[i:end]))
    return found


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    return decode_notice(message, NAME)


def decode_notice(message: Message, name: str) -> Report | None:
    """The notice's recipients, diagnostics and stated reasons, whoever sent it (au, or another
    operator of the same Openwave/InterMail software); `name` is the decodedby value."""
    body = message.body
    head, _ = cut(body, _ORIGINAL)
    sentence, reason = _sentence(head)
    if message.header("X-SPASIGN").upper() == "NG":
        reason = "filtered"
    if not (sentence or _SUBJECT.search(message.subject)):
        return None
    per_message, deliveries = dsn(message)
    if deliveries:
        for delivery in deliveries:
            lines = _lines_about(head, delivery.recipient)
            said = next((line for line in lines if _SAID_CODE.search(line)), "")
            if not delivery.diagnostic:
                delivery.diagnostic = collapse(said.split(">:", 1)[-1]) if said else sentence
            delivery.reason = delivery.reason or reason
        return Report(name, deliveries, message.original, per_message)
    # "Recipient: <a>" sections, each with its own transcript; else bare addresses sharing the sentence.
    marks = list(_RECIPIENT_LINE.finditer(head))
    sections = [
        (clean_address(m.group(1)), head[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(head)])
        for i, m in enumerate(marks)
    ]
    if not sections:
        sections = [(a, "") for a in (bare_address(line) for line in head.split("\n")) if a]
    if not sections:
        return None
    report = Report(name, original=original_of(message, body, _ORIGINAL))
    seen: set[str] = set()
    for recipient, section in sections:
        if recipient.lower() in seen:
            continue
        seen.add(recipient.lower())
        step = _TRANSCRIPT.search(section)
        said = _REASON.search(section) if step is None else None
        report.deliveries.append(
            Delivery(
                recipient=recipient,
                action="failed",
                diagnostic=collapse(step.group("reply")) if step else collapse(said.group(1)) if said else sentence,
                command=_COMMANDS.get(step.group("cmd"), "") if step else "",
                reason=reason,
            )
        )
    return report
