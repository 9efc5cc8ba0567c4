"""Amazon SES: its JSON event notifications and its own delivery status reports.

JSON notifications (SNS e-mail subscriptions, or the JSON itself, possibly inside an SNS envelope
whose "Message" holds it as a string) have "notificationType" (or "eventType" for event
publishing): Bounce, Complaint, Delivery, DeliveryDelay, Reject. The reason is stated where SES's own
vocabulary states it: bounceSubType NoEmail (the address does not exist), MailboxFull,
MessageTooLarge, Suppressed and OnAccountSuppressionList; a complaint is `feedback` with its
complaintFeedbackType; a delivery is `delivered`; a DeliveryDelay whose recipient has no diagnostic
of the remote server's is read by its delayType (DELAY_REASONS); a Reject event (SES found a virus
and sent the message nowhere) is `virusdetected`. Other subtypes (General, ContentRejected,
AttachmentRejected, Undetermined) leave the reason to the remote server's diagnostic.

SES's mail reports (MAILER-DAEMON@*.amazonses.com) are RFC 3464. When a diagnostic quotes the
remote server's reply inside SES's own ("5.3.0 - Other mail system problem 550-'...'",
"554 4.4.7 Message expired: ... <421 4.4.2 Connection timed out>"), the remote's codes are reported.
"""

from __future__ import annotations

import datetime
import email.message
import email.utils
import json
import re
from typing import Any

from bouncetui.decode.fields import clean_address, find_status, host_of, strip_diagnostic
from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import collapse, dsn, holds_any, sender_matches
from bouncetui.decode.report import Delivery, Report
from bouncetui.decode.rfc3464 import command_from_text

NAME = "AmazonSES"

_SENDER = re.compile(r"@(?:[\w.-]+\.)?amazonses\.com\b", re.IGNORECASE)
_SENDER_WORDS = ("amazonses.com",)  # one is in every match of _SENDER (see sender_matches)
_SNS_SENDER = re.compile(r"@(?:[\w.-]+\.)?(?:amazonaws\.com|amazonses\.com)\b", re.IGNORECASE)
_SNS_WORDS = ("amazonaws.com", "amazonses.com")  # one is in every match of _SNS_SENDER, folded
_JSON_START = re.compile(rb"\s*\{")  # raw.lstrip().startswith(b"{"), without copying the message
_TEXT_JSON_START = re.compile(r"\s*\{")
_SENDMAIL_SPLIT = re.compile(r"!\n ")  # sendmail breaks lines over 990 bytes as "!" + newline + space
SUBTYPE_REASONS = {
    "noemail": "userunknown",
    "suppressed": "suppressed",
    "onaccountsuppressionlist": "suppressed",
    "mailboxfull": "mailboxfull",
    "messagetoolarge": "emailtoolarge",
}
# A DeliveryDelay's delayType, as SES documents it, where it names a cause: the recipient's mailbox
# is full; the sending IP is blocked or throttled by the recipient's provider; a temporary
# communication failure in the SMTP conversation; a temporary issue of the recipient's server or of
# SES itself. Read only when the delayed recipient has no diagnostic of the remote server's (a delay
# has not expired: SES is still trying until its expirationTime).
DELAY_REASONS = {
    "mailboxfull": "mailboxfull",
    "ipfailure": "blocked",
    "transientcommunicationfailure": "networkerror",
    "recipientservererror": "systemerror",
    "internalfailure": "systemerror",
}
# "550-'5.7.1 ...'", "<421 4.4.2 ...>": a remote reply quoted inside SES's own diagnostic.
_QUOTED_REPLY = re.compile(r"(?:^|[\s<'\"(])(?P<reply>[245]\d\d)[ -]'?(?P<status>[245]\.\d{1,3}\.\d{1,3})?")


# -- JSON notifications ----------------------------------------------------------------------------
def _date(value: Any) -> str:
    """An ISO 8601 timestamp ("2026-11-07T12:00:00.000Z") as an RFC 5322 date, "" when unreadable."""
    try:
        return email.utils.format_datetime(datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00")))
    except (TypeError, ValueError):
        return ""


def _load(text: str) -> dict[str, Any] | None:
    at = text.find("{")
    if at < 0:
        return None
    for candidate in (text[at:], _SENDMAIL_SPLIT.sub("", text[at:])):
        try:
            data, _ = json.JSONDecoder().raw_decode(candidate)
        except ValueError:
            continue
        if isinstance(data, dict):
            inner = data.get("Message")
            if isinstance(inner, str) and "{" in inner:  # an SNS envelope
                return _load(inner)
            return data
    return None


def _notification(message: Message) -> dict[str, Any] | None:
    if not (
        _JSON_START.match(message.raw)
        or (holds_any(message.folded_senders, _SNS_WORDS) and _SNS_SENDER.search(message.sender))
        or _TEXT_JSON_START.match(message.body)
    ):
        return None  # what the tests below need, looked for before two scans of the whole message
    if (b"notificationType" not in message.raw and b"eventType" not in message.raw
            and "notificationType" not in message.body and "eventType" not in message.body):
        return None  # not in the raw bytes, nor in the decoded text (a base64 or QP body)
    raw = message.raw.lstrip()
    if raw.startswith(b"{"):
        text = raw.decode("utf-8", "replace")
    else:
        # An SNS e-mail notification, or a message whose body is the JSON; not a bounce that merely
        # returns such a message somewhere inside it.
        text = message.body
        if not (_SNS_SENDER.search(message.sender) or text.lstrip().startswith("{")):
            return None
    data = _load(text)
    if not data or not isinstance(data.get("notificationType") or data.get("eventType"), str):
        return None
    return data


def _original(mail: dict[str, Any]) -> email.message.Message | None:
    original = email.message.Message()
    for header in mail.get("headers") or ():
        if isinstance(header, dict) and header.get("name"):
            original[str(header["name"])] = str(header.get("value", ""))
    common = mail.get("commonHeaders") or {}
    if "From" not in original:
        sender = (common.get("from") or [mail.get("source", "")])[0]
        if sender:
            original["From"] = sender
    for key, name in (("subject", "Subject"), ("messageId", "Message-ID"), ("date", "Date")):
        if common.get(key) and name not in original:
            original[name] = str(common[key])
    if mail.get("source") and "Return-Path" not in original:
        original["Return-Path"] = "<%s>" % mail["source"]
    return original if original.keys() else None


def _bounce(data: dict[str, Any], report: Report) -> None:
    bounce = data.get("bounce") or {}
    kind = str(bounce.get("bounceType", ""))
    reason = SUBTYPE_REASONS.get(str(bounce.get("bounceSubType", "")).lower(), "")
    lhost = host_of(str(bounce.get("reportingMTA", "")))
    rhost = str(bounce.get("remoteMtaIp", ""))
    # Without the remote's words, SES's own classification is the only explanation there is.
    summary = "%s bounce (%s)" % (kind or "Undetermined", bounce.get("bounceSubType") or "General")
    for entry in bounce.get("bouncedRecipients") or ():
        dtype, diagnostic = strip_diagnostic(str(entry.get("diagnosticCode", "")))
        action = str(entry.get("action", "")) or ("delayed" if kind == "Transient" else "failed")
        report.deliveries.append(
            Delivery(
                recipient=clean_address(str(entry.get("emailAddress", ""))),
                action=action,
                status=str(entry.get("status", "")),
                diagnostic=diagnostic or summary,
                diagnostictype=dtype,
                rhost=rhost,
                lhost=lhost,
                date=_date(bounce.get("timestamp")),
                reason=reason,
            )
        )


def _complaint(data: dict[str, Any], report: Report) -> None:
    complaint = data.get("complaint") or {}
    feedbacktype = str(complaint.get("complaintFeedbackType", "") or "abuse").lower()
    for entry in complaint.get("complainedRecipients") or ():
        report.deliveries.append(
            Delivery(
                recipient=clean_address(str(entry.get("emailAddress", ""))),
                reason="feedback",
                feedbacktype=feedbacktype,
                diagnostic=collapse(str(complaint.get("userAgent", ""))),
                date=_date(complaint.get("arrivalDate") or complaint.get("timestamp")),
            )
        )


def _delivery(data: dict[str, Any], report: Report) -> None:
    delivery = data.get("delivery") or {}
    response = collapse(str(delivery.get("smtpResponse", "")))
    for recipient in delivery.get("recipients") or ():
        report.deliveries.append(
            Delivery(
                recipient=clean_address(str(recipient)),
                action="delivered",
                status=find_status(response) or "2.0.0",
                diagnostic=response,
                diagnostictype="SMTP" if response else "",
                rhost=str(delivery.get("remoteMtaIp", "")),
                lhost=host_of(str(delivery.get("reportingMTA", ""))),
                reason="delivered",
            )
        )


def _delay(data: dict[str, Any], report: Report) -> None:
    delay = data.get("deliveryDelay") or {}
    delay_type = collapse(str(delay.get("delayType", "")))
    for entry in delay.get("delayedRecipients") or ():
        dtype, diagnostic = strip_diagnostic(str(entry.get("diagnosticCode", "")))
        report.deliveries.append(
            Delivery(
                recipient=clean_address(str(entry.get("emailAddress", ""))),
                action="delayed",
                status=str(entry.get("status", "")),
                diagnostic=diagnostic or delay_type,
                diagnostictype=dtype,
                lhost=host_of(str(delay.get("reportingMTA", ""))),
                reason="" if diagnostic else DELAY_REASONS.get(delay_type.lower(), ""),
            )
        )


def _reject(data: dict[str, Any], report: Report) -> None:
    # SES accepted the message, found a virus in it and sent it nowhere (SES's documented meaning).
    reject = data.get("reject") or {}
    why = collapse(str(reject.get("reason", ""))) or "Rejected"
    for recipient in (data.get("mail") or {}).get("destination") or ():
        report.deliveries.append(
            Delivery(recipient=clean_address(str(recipient)), action="failed",
                     diagnostic="Amazon SES rejected the message: %s" % why, reason="virusdetected")
        )


_KINDS = {"bounce": _bounce, "complaint": _complaint, "delivery": _delivery, "deliverydelay": _delay, "reject": _reject}


def _from_json(data: dict[str, Any]) -> Report | None:
    kind = str(data.get("notificationType") or data.get("eventType")).replace(" ", "").lower()
    handler = _KINDS.get(kind)
    if handler is None:
        return None
    mail = data.get("mail") or {}
    report = Report(NAME, original=_original(mail))
    if mail.get("source"):
        report.fields["x-original-mail-from"] = str(mail["source"])
    handler(data, report)
    report.deliveries = [d for d in report.deliveries if d.recipient]
    return report


# -- SES's mail reports ----------------------------------------------------------------------------
_SES_STATUS = re.compile(r"^\s*[245]\.\d+\.\d+ - ")


def remote_codes(diagnostic: str) -> tuple[str, str]:
    """(reply code, status) of the remote reply quoted last in an SES diagnostic, or ("", "")."""
    found = list(_QUOTED_REPLY.finditer(diagnostic or ""))
    if len(found) < 2 and not _SES_STATUS.match(diagnostic or ""):
        return "", ""
    last = found[-1] if found else None
    if last is None:
        return "", ""
    return last.group("reply"), last.group("status") or ""


def _from_mail(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    per_message, deliveries = dsn(message)
    if not deliveries:
        return None
    body = message.body
    for delivery in deliveries:
        reply, status = remote_codes(delivery.diagnostic)
        if reply:
            delivery.replycode = reply
            if status and status[0] == reply[0]:
                delivery.status = status
        if not delivery.command:
            delivery.command = command_from_text(body, delivery.recipient)
    return Report(NAME, deliveries, message.original, per_message)


def decode(message: Message) -> Report | None:
    data = _notification(message)
    if data is not None:
        return _from_json(data)
    return _from_mail(message)
