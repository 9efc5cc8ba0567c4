"""From a decoder's Report to Bounce records: the fields every format derives the same way.

Status and reply codes are taken from the report, else found in the diagnostic; a vague status
(x.0.0) gives way to a more precise one of the same class in the diagnostic. The addresser,
Message-ID, Subject and List-Id come from the returned original; the time from the report's Date.
"""

from __future__ import annotations

import email.utils
import time

from bouncetui.classify import Evidence, classify
from bouncetui.decode.fields import (
    clean_address,
    domain_of,
    find_all_status,
    find_command,
    find_replycode,
    find_status,
    host_of,
)
from bouncetui.decode.message import Message, decode_header
from bouncetui.decode.report import Delivery, Report
from bouncetui.model import Bounce, is_hard, make_token


def parse_date(value: str) -> tuple[int, str] | None:
    """(Unix seconds, "+0900") from an RFC 5322 date, or None."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_tz(" ".join(value.split()))
    except (TypeError, ValueError, IndexError):
        return None
    if not parsed or parsed[0] < 1970:
        return None
    offset = parsed[9] or 0
    try:
        stamp = int(email.utils.mktime_tz(parsed))
    except (OverflowError, ValueError):
        return None
    sign = "-" if offset < 0 else "+"
    offset = abs(offset)
    return stamp, "%s%02d%02d" % (sign, offset // 3600, (offset % 3600) // 60)


def _original_header(report: Report, name: str) -> str:
    if report.original is None:
        return ""
    return decode_header(report.original.get(name))


def addresser_of(report: Report, message: Message) -> str:
    for candidate in (
        _original_header(report, "From"),
        _original_header(report, "Return-Path"),
        report.fields.get("x-original-mail-from", ""),
        report.fields.get("x-postfix-sender", ""),
        report.fields.get("x-replied-to", ""),
        message.header("To"),
    ):
        address = clean_address(candidate)
        if address:
            return address
    return ""


def normalize_status(delivery: Delivery) -> str:
    status = find_status(delivery.status)
    in_text = find_all_status(delivery.diagnostic)
    if not status:
        return in_text[0] if in_text else ""
    if status.endswith(".0.0") or status.endswith(".0"):
        for better in in_text:
            if better[0] == status[0] and not better.endswith(".0.0"):
                return better
    return status


def normalize_replycode(delivery: Delivery, status: str) -> str:
    code = delivery.replycode or find_replycode(delivery.diagnostic)
    if code and status and code[0] != status[0] and status[0] in "45":
        return ""  # a number in the text, not the reply that decided this status
    return code


def assemble(report: Report, message: Message, origin: str, position: int) -> list[Bounce]:
    addresser = addresser_of(report, message)
    messageid = _original_header(report, "Message-ID").strip().strip("<>")
    subject = _original_header(report, "Subject")
    listid = _original_header(report, "List-Id")
    when = parse_date(message.header("Date"))
    records = []
    for delivery in report.deliveries:
        recipient = clean_address(delivery.recipient) if delivery.recipient else ""
        stamp = when or parse_date(delivery.date) or (int(time.time()), "+0000")
        status = normalize_status(delivery)
        replycode = normalize_replycode(delivery, status)
        command = delivery.command or find_command(delivery.diagnostic)
        destination = domain_of(recipient)
        action = delivery.action
        if not action and status:
            action = {"2": "delivered", "4": "delayed", "5": "failed"}.get(status[0], "")
        if not action and delivery.reason not in ("feedback", "vacation"):
            action = "failed"
        reason, why = classify(
            Evidence(
                action=action,
                status=status,
                replycode=replycode,
                diagnostic=delivery.diagnostic,
                command=command,
                rhost=delivery.rhost,
                destination=destination,
                stated_reason=delivery.reason,
            )
        )
        records.append(
            Bounce(
                origin=origin,
                position=position,
                timestamp=stamp[0],
                timezoneoffset=stamp[1],
                addresser=addresser,
                senderdomain=domain_of(addresser),
                recipient=recipient,
                destination=destination,
                alias=delivery.alias,
                action=action,
                deliverystatus=status,
                replycode=replycode,
                diagnosticcode=delivery.diagnostic,
                diagnostictype=delivery.diagnostictype or ("SMTP" if replycode else ""),
                reason=reason,
                hardbounce=is_hard(reason, status, replycode),
                rhost=delivery.rhost,
                lhost=delivery.lhost or host_of(report.fields.get("reporting-mta", "")),
                command=command,
                messageid=messageid,
                subject=subject,
                listid=listid,
                feedbacktype=delivery.feedbacktype,
                decodedby=report.decodedby,
                token=make_token(addresser, recipient, stamp[0], messageid),
                trace=(("decodedby", report.decodedby), ("reason", why)),
            )
        )
    return records
