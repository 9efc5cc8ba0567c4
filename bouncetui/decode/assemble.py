"""From a decoder's Report to Bounce records: the fields every format derives the same way.

Status: the remote server's own reply ("550 5.7.1 ...", a reply code followed by an enhanced code)
in the diagnostic wins over the report's Status of the same class, which reporting MTAs often
guess or summarise (Sendmail's 5.1.1 for any 550, 4.4.7 for "expired"); a vague status (x.0.0)
gives way to a more precise one of the same class; with no Status the diagnostic's code is used.
The reply code is the report's, else the first in the diagnostic, dropped when its class
contradicts the status. The SMTP command is the decoder's, else the stage the diagnostic names.
The addresser, Message-ID, Subject and List-Id come from the returned original; the time from the
report's Date. The reason comes from `bouncetui.classify`; `backscatter` is set here when the
original's subject carries a spam tag a provider added (the own-domain test runs over the whole
scan, see `bouncetui.classify.backscatter`). Each record's `trace` says where every field came from.
"""

from __future__ import annotations

import dataclasses
import datetime
import email.utils
import re
from collections.abc import Callable

from bouncetui.classify import Evidence, classify
from bouncetui.classify.backscatter import spam_tag
from bouncetui.classify.screen import Screen
from bouncetui.decode.fields import (
    STAGE_KEYS,
    STAGE_PATTERN,
    clean_address,
    domain_of,
    find_all_status,
    find_replycode,
    find_status,
    host_of,
    named_command,
)
from bouncetui.decode.message import Message, decode_header
from bouncetui.decode.report import Delivery, Report
from bouncetui.model import Bounce, is_hard, make_token

# The date as RFC 5322 writes it and nearly every report has it ("Thu, 29 Apr 2009 23:34:45 +0900",
# maybe a comment after): read directly; any other form goes through email.utils, as before.
_MONTHS = {m: n for n, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_RFC5322_DATE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (%s) (\d{4}) (\d\d):(\d\d)(?::(\d\d))? ([+-]\d{4})(?: |$)"
    % "|".join(_MONTHS)
)
_EPOCH_DAY = datetime.date(1970, 1, 1).toordinal()
_MONTH_START: dict[tuple[str, str], int] = {}  # ("2009", "Apr") -> its first day since 1970 (-1: before)
_NUMBER = {text: int(text) for n in range(100) for text in (str(n), "%02d" % n)}  # "7", "07", "59"
_ZONES: dict[str, tuple[int, str]] = {}  # "+0900" -> (32400, "+0900")


def _zone(zone: str) -> tuple[int, str]:
    """(offset in seconds, the zone as _stamped writes it) of a "+hhmm" zone, kept for the next."""
    n = int(zone[1:])
    offset = (n // 100) * 3600 + (n % 100) * 60
    if zone[0] == "-":
        offset = -offset
    _ZONES[zone] = found = offset, _stamped(0, offset)[1]
    return found


def parse_date(value: str) -> tuple[int, str] | None:
    """(Unix seconds, "+0900") from an RFC 5322 date, or None."""
    if not value:
        return None
    m = _RFC5322_DATE.match(value)
    if m is None:  # read again as a header is once unfolded: no blank but single spaces between words
        # (a value the pattern matches as it is gives the same groups unfolded: its words up to the
        # zone hold no blank and are written with single spaces between them)
        value = " ".join(value.split())
        m = _RFC5322_DATE.match(value)
    if m is not None:  # what email.utils.parsedate_tz and mktime_tz make of it, without their steps
        day, month, year, hour, minute, second, zone = m.groups()
        # calendar.timegm's sum from the day the month starts on; the few months, zones and two-digit
        # numbers of a mailbox are read once (int() costs more than a look-up)
        start = _MONTH_START.get((year, month))
        if start is None:
            start = _MONTH_START[year, month] = (
                datetime.date(int(year), _MONTHS[month], 1).toordinal() - _EPOCH_DAY if int(year) >= 1970 else -1)
        if start < 0:  # before 1970
            return None
        try:
            stamp = (((start + _NUMBER[day] - 1) * 24 + _NUMBER[hour]) * 60 + _NUMBER[minute]) * 60
            if second:
                stamp += _NUMBER[second]
        except KeyError:  # digits of another script (\d is any decimal digit)
            stamp = (((start + int(day) - 1) * 24 + int(hour)) * 60 + int(minute)) * 60 + int(second or 0)
        offset, written = _ZONES.get(zone) or _zone(zone)
        return stamp - offset, written
    try:
        parsed = email.utils.parsedate_tz(value)
    except (TypeError, ValueError, IndexError):
        return None
    if not parsed or parsed[0] < 1970:
        return None
    try:
        stamp = int(email.utils.mktime_tz(parsed))
    except (OverflowError, ValueError):
        return None
    return _stamped(stamp, parsed[9] or 0)


def _stamped(stamp: int, offset: int) -> tuple[int, str]:
    sign = "-" if offset < 0 else "+"
    offset = abs(offset)
    return stamp, "%s%02d%02d" % (sign, offset // 3600, (offset % 3600) // 60)


def received_date(message: Message) -> tuple[int, str] | None:
    """The date of the oldest Received header with one ("...; Thu, 29 Apr 2009 23:34:45 +0900"):
    the hop nearest to where the report was written, which later hops (a relay, a fetchmail, a
    forward) do not change as they add theirs on top."""
    for value in reversed(message.headers("Received")):
        if ";" in value:
            when = parse_date(value.rsplit(";", 1)[1])
            if when is not None:
                return when
    return None


def _original_header(report: Report, name: str) -> str:
    if report.original is None:
        return ""
    return decode_header(report.original.get(name))


# Where the sender of the returned message is written, most telling first.
_ADDRESSER_SOURCES: tuple[Callable[[Report, Message], str], ...] = (
    lambda report, message: _original_header(report, "From"),
    lambda report, message: _original_header(report, "Return-Path"),
    lambda report, message: report.fields.get("x-original-mail-from", ""),
    lambda report, message: report.fields.get("x-postfix-sender", ""),
    lambda report, message: report.fields.get("x-replied-to", ""),
    lambda report, message: message.header("To"),
    # the envelope recipient a local delivery wrote, for a copy whose To was dropped or left empty
    lambda report, message: message.header("X-Original-To"),
    lambda report, message: message.header("Envelope-To"),
    lambda report, message: message.header("Delivered-To"),
)


def addresser_of(report: Report, message: Message) -> str:
    """The first address among _ADDRESSER_SOURCES (read only until one has an address)."""
    for source in _ADDRESSER_SOURCES:
        address = clean_address(source(report, message))
        if address:
            return address
    return ""


# A reply code followed by an enhanced status code: the remote server's own words. The code stands
# at the start or after a space or punctuation: tested behind its first digit, so the engine skips
# to a 2, 4 or 5 instead of trying every character (twice as fast as a leading "(?:^|[...])").
_REPLY_PAIR = re.compile(r"[245](?<![^\s'\"(<\[:;>=（：「-][245])\d\d[ -]'?#?([245]\.\d{1,3}\.\d{1,3})(?![\d]|\.\d)")
# Stages some MTAs name in words fields.find_command does not know (qmail, GMX/1&1, Yahoo, Exim).
_STAGE_HINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), command)
    for p, command in (
        (r"\bafter RCPT\b|\[RCPT_TO\]|RCPT TO response|does not like recipient|\bRCPT TO:?<", "RCPT"),
        (r"\bafter MAIL\b|\[MAIL_FROM\]|MAIL FROM response|does not like sender|\bMAIL FROM:?<", "MAIL"),
        (r"\bfor TEXT command|\[DATA\]|\[END_OF_DATA\]|after end of data|DATA response", "DATA"),
        (r"\bconnect to \S+:\d+: |\bSMTP connection (?:failed|refused)|after initial connection", "CONN"),
    )
)
# Most diagnostics name no stage: the patterns of fields.find_command (0) and the hints (1 on) are
# searched only where their words are, which one screen finds in one pass over the text.
_COMMAND_SCREEN = Screen([STAGE_PATTERN] + [rx.pattern for rx, _command in _STAGE_HINTS], re.IGNORECASE,
                         STAGE_KEYS + ("mail_from", "does not like", "text command", "connect to ", "smtp connection"))


def derive_status(delivery: Delivery) -> tuple[str, str]:
    """(status, where it came from)."""
    status = find_status(delivery.status)
    pairs = _REPLY_PAIR.findall(delivery.diagnostic or "")
    remote = next((p for p in reversed(pairs) if not p.endswith(".0.0")), pairs[-1] if pairs else "")
    if not status:
        if remote:
            return remote, "the remote server's reply in the diagnostic"
        in_text = find_all_status(delivery.diagnostic)
        return (in_text[0], "found in the diagnostic") if in_text else ("", "none stated")
    if remote and remote != status and remote[0] == status[0] and not remote.endswith(".0.0"):
        return remote, "the remote server's reply, over the report's %s" % status
    if status.endswith(".0.0") or status.endswith(".0"):
        for better in find_all_status(delivery.diagnostic):
            if better[0] == status[0] and not better.endswith(".0.0"):
                return better, "the diagnostic's, more precise than the report's %s" % status
    return status, "the report's status field"


def derive_replycode(delivery: Delivery, status: str) -> tuple[str, str]:
    """(reply code, where it came from)."""
    code, why = delivery.replycode, "stated by the decoder"
    if not code:
        code, why = find_replycode(delivery.diagnostic), "found in the diagnostic"
    if code and status and code[0] != status[0] and status[0] in "45":
        return "", "dropped %s: its class contradicts status %s" % (code, status)
    return code, why if code else "none stated"


def derive_command(delivery: Delivery) -> tuple[str, str]:
    """(SMTP command, where it came from)."""
    if delivery.command:
        return delivery.command, "stated by the decoder"
    text = delivery.diagnostic
    if not text:
        return "", "none stated"
    maybe = _COMMAND_SCREEN.candidates(text)
    if not maybe:
        return "", "none stated"
    if 0 in maybe:  # fields.find_command's own words
        command = named_command(text)
        if command:
            return command, "named in the diagnostic"
    for n, (rx, command) in enumerate(_STAGE_HINTS, 1):
        if n not in maybe:
            continue
        m = rx.search(text)
        if m:
            return command, "the diagnostic's wording %r" % m.group(0)
    return "", "none stated"


def normalize_status(delivery: Delivery) -> str:
    return derive_status(delivery)[0]


def normalize_replycode(delivery: Delivery, status: str) -> str:
    return derive_replycode(delivery, status)[0]


# The record's fields in the order assemble() gives them. Passed by position when Bounce declares
# them in this order: 27 keyword arguments took 8 of the 12 us of building a record.
_FIELDS = (
    "origin", "position", "timestamp", "timezoneoffset", "addresser", "senderdomain", "recipient",
    "destination", "alias", "action", "deliverystatus", "replycode", "diagnosticcode", "diagnostictype",
    "reason", "hardbounce", "rhost", "lhost", "command", "messageid", "subject", "listid", "feedbacktype",
    "decodedby", "token", "backscatter", "trace",
)


def _by_name(*values: object) -> Bounce:
    return Bounce(**dict(zip(_FIELDS, values)))  # type: ignore[arg-type]


_record = Bounce if _FIELDS == tuple(f.name for f in dataclasses.fields(Bounce)) else _by_name

HARD_RULE = "userunknown, hostunknown and hasmoved are hard; notaccept unless the code is 4xx"
# The action a report that states none took, by the status class.
_ACTION_OF_CLASS = {"2": "delivered", "4": "delayed", "5": "failed"}


def assemble(report: Report, message: Message, origin: str, position: int) -> list[Bounce]:
    addresser = addresser_of(report, message)
    messageid = _original_header(report, "Message-ID").strip().strip("<>")
    subject = _original_header(report, "Subject")
    listid = _original_header(report, "List-Id")
    when = parse_date(message.header("Date"))
    fallback = when or received_date(message) or parse_date(_original_header(report, "Date")) or (0, "+0000")
    # the same for every recipient of the report
    senderdomain = domain_of(addresser)
    tag = spam_tag(subject)
    backscatter_why = "spam tag %r in the original's subject" % tag if tag else ""
    reporting_host = None  # the Reporting-MTA's host, read for the first recipient without a host of its own
    records = []
    for delivery in report.deliveries:
        recipient = clean_address(delivery.recipient) if delivery.recipient else ""
        # A report without a date of its own: when it was received, else when the original was
        # written; never the time of the scan, which would change the record's token every time.
        stamp = when or parse_date(delivery.date) or fallback
        status, status_why = derive_status(delivery)
        replycode, replycode_why = derive_replycode(delivery, status)
        command, command_why = derive_command(delivery)
        destination = domain_of(recipient)
        action = delivery.action
        if not action and status:
            action = _ACTION_OF_CLASS.get(status[0], "")
        if not action and delivery.reason not in ("feedback", "vacation"):
            action = "failed"
        diagnostic = delivery.diagnostic
        reason, why = classify(Evidence(  # positional: in the order of Evidence's fields
            action, status, replycode, diagnostic, command, delivery.rhost, destination, delivery.reason,
            delivery.diagnostictype,
        ))
        hard = is_hard(reason, status, replycode)
        lhost = delivery.lhost
        if not lhost:
            if reporting_host is None:
                reporting_host = host_of(report.fields.get("reporting-mta", ""))
            lhost = reporting_host
        trace = (
            ("decodedby", report.decodedby),
            ("status", status_why),
            ("replycode", replycode_why),
            ("command", command_why),
            ("reason", why),
            ("hardbounce", HARD_RULE),
            ("backscatter", backscatter_why),
        )
        records.append(_record(  # in the order of _FIELDS
            origin, position, stamp[0], stamp[1], addresser, senderdomain, recipient, destination,
            delivery.alias, action, status, replycode, diagnostic,
            delivery.diagnostictype or ("SMTP" if replycode else ""), reason, hard, delivery.rhost,
            lhost, command, messageid, subject,
            listid, delivery.feedbacktype, report.decodedby, make_token(addresser, recipient, stamp[0], messageid),
            bool(tag), trace,
        ))
    return records
