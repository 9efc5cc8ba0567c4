"""RFC 5965 feedback reports (complaints), and the provider forms that carry the same meaning.

A complaint is not a bounce: reason `feedback`, `feedbacktype` from Feedback-Type (abuse, fraud,
virus, other, not-spam, auth-failure, opt-out). The complained-about recipient comes from
Original-Rcpt-To, else the returned message's To; the addresser from Original-Mail-From, else the
returned message's From. Also decoded: Microsoft's JMRP reports (a message/rfc822 carrying
X-HmXmrOriginalRecipient) and Apple Mail's one-click unsubscribe (X-Apple-Unsubscribe: true).
"""

from __future__ import annotations

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message, decode_header
from bouncetui.decode.report import Delivery, Report
from bouncetui.decode.rfc3464 import unfold

NAME = "ARF"


def _fields(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in unfold(text):
        name, sep, value = line.partition(":")
        if sep and name and " " not in name.strip():
            found.setdefault(name.strip().lower(), []).append(value.strip())
    return found


def _original_recipients(original) -> list[str]:
    if original is None:
        return []
    recipients = []
    for header in ("X-HmXmrOriginalRecipient", "To"):
        for value in original.get_all(header) or ():
            for part in decode_header(value).split(","):
                address = clean_address(part)
                if address and address not in recipients:
                    recipients.append(address)
        if recipients:
            break
    return recipients


def decode(message: Message) -> Report | None:
    text = message.text_of("message/feedback-report")
    original = message.original
    if text or message.report_type == "feedback-report":
        fields = _fields(text)
        feedbacktype = (fields.get("feedback-type") or ["abuse"])[0].lower()
        recipients = [clean_address(v) for v in fields.get("original-rcpt-to", [])]
        recipients = [r for r in recipients if r] or _original_recipients(original)
        if not recipients:
            # Reports that redact the recipient entirely still say who complained about what.
            recipients = [clean_address(v) for v in fields.get("removal-recipient", [])] or [""]
        report = Report(NAME, original=original, fields={k: v[0] for k, v in fields.items()})
        mail_from = clean_address((fields.get("original-mail-from") or [""])[0])
        if mail_from:
            report.fields["x-original-mail-from"] = mail_from
        arrival = (fields.get("arrival-date") or fields.get("received-date") or [""])[0]
        for recipient in recipients:
            report.deliveries.append(
                Delivery(recipient=recipient, reason="feedback", feedbacktype=feedbacktype, date=arrival,
                         diagnostic=" ".join(message.body.split())[:500])
            )
        return report
    if original is not None and original.get("X-HmXmrOriginalRecipient"):
        report = Report(NAME, original=original)
        for recipient in _original_recipients(original):
            report.deliveries.append(Delivery(recipient=recipient, reason="feedback", feedbacktype="abuse"))
        return report if report.deliveries else None
    if message.header("X-Apple-Unsubscribe").lower() == "true":
        recipient = clean_address(message.header("From"))
        if recipient:
            report = Report(NAME, original=None, fields={"x-original-mail-from": clean_address(message.header("To"))})
            report.deliveries.append(Delivery(recipient=recipient, reason="feedback", feedbacktype="opt-out"))
            return report
    return None

