"""RFC 3834 automatic responses: out-of-office and vacation replies (reason `vacation`).

An auto-reply says Auto-Submitted: auto-replied (or Precedence: auto_reply; or, with an auto-reply
subject, the Microsoft X-Auto-Response-Suppress header, or Precedence: bulk or junk as vacation(1)
writes it, from no mailing list). The recipient is the person who is
away (the reply's From); the addresser is whom it answered (its To). Mailer-daemon mail is never an
auto-reply here: MTAs mark their bounces auto-replied too, and those belong to the bounce decoders;
nor is a mailing list's own notice ("awaits moderator approval").
Read receipts (report-type=disposition-notification) are neither.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.report import Delivery, Report

NAME = "RFC3834"

_SUBJECT = re.compile(
    r"\b(?:auto(?:matic)?[ -]?(?:reply|response|answer|antwort)|out of (?:the )?office|away from"
    r"|vacation|on leave|abwesenheit|absence|r[ée]ponse automatique|respuesta autom[aá]tica"
    r"|risposta automatica|resposta autom[aá]tica|away until)\b|自動応答|自動返信|不在|休暇",
    re.IGNORECASE,
)
_BULK = ("bulk", "junk")
_LIST_FIELDS = ("List-Id", "List-Unsubscribe", "List-Post")
_LIST_ROBOT = re.compile(r"[-+](?:owner|bounces|request|admin)(?:\+[^@]*)?@", re.I)
_DAEMON = re.compile(r"mailer-daemon|postmaster|mail delivery (?:system|subsystem)|^\s*<?>?\s*$", re.IGNORECASE)


def is_auto_reply(message: Message) -> bool:
    auto = message.header("Auto-Submitted").lower()
    if auto.startswith("auto-replied"):
        return True
    precedence = message.header("Precedence").lower()
    if precedence == "auto_reply":
        return True
    if precedence in _BULK:
        # vacation(1) and many responders mark their replies bulk or junk; so do mailing lists and
        # newsletters, which name themselves in List-* fields
        return bool(_SUBJECT.search(message.subject)) and not any(message.header(f) for f in _LIST_FIELDS)
    if message.header("X-Auto-Response-Suppress") or message.header("X-Autoreply") or \
            message.header("X-Autorespond"):
        return bool(_SUBJECT.search(message.subject))
    return False


def decode(message: Message) -> Report | None:
    if message.report_type or message.content_type == "multipart/report":
        return None
    if not is_auto_reply(message) or _DAEMON.search(message.sender) or _LIST_ROBOT.search(message.sender) \
            or message.header("X-Mailman-Version"):
        return None  # a mailing list's own notice (held for moderation, subscription) is no vacation
    recipient = clean_address(message.sender) or clean_address(message.header("Reply-To"))
    if not recipient:
        return None
    report = Report(NAME, original=message.original, fields={"x-replied-to": clean_address(message.header("To"))})
    text = " ".join(message.body.split())[:500]
    report.deliveries.append(Delivery(recipient=recipient, reason="vacation", diagnostic=text))
    return report
