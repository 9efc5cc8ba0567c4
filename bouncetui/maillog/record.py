"""LogRecord: one recipient's outcome found in a mail log, as a Bounce plus what only a log knows.

The Bounce inside carries the same fields as a decoded bounce mail (origin = the log file,
position = the line number, decodedby = "Postfix log" and so on, reason and hardbounce from the
same classifier); the LogRecord adds `logstatus` (bounced, deferred, expired, rejected, sent),
`queueid`, `notification` (the queue ID of the bounce mail the MTA said it generated, if any) and
`logline` (the line itself). `to_dict()` merges both for JSON and CSV.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from bouncetui.classify import Evidence, classify
from bouncetui.decode.fields import domain_of, find_command, find_replycode, find_status
from bouncetui.model import FIELD_NAMES, Bounce, is_hard, make_token

LOG_FIELDS = ("logstatus", "queueid", "notification", "logline")
RECORD_FIELDS = FIELD_NAMES + LOG_FIELDS

# logstatus -> the action a DSN would state for it
ACTIONS = {
    "bounced": "failed",
    "expired": "failed",
    "rejected": "failed",
    "deferred": "delayed",
    "sent": "delivered",
}
FAILURES = frozenset({"bounced", "expired", "rejected", "deferred"})

# Logs repeat the same refusal for many recipients, and servers stamp each reply with their own
# session or queue IDs. Classification is cached on the evidence with the recipient's address and
# such tokens (12+ characters with a digit: IDs, IP addresses, times) masked in the diagnostic;
# the classifier's rules name neither. A cache miss classifies the real evidence.
_CACHE: dict[Evidence, tuple[str, str]] = {}
_CACHE_SIZE = 20000
_VOLATILE = re.compile(r"(?<![\w.-])(?=[\w.-]*\d)[\w.-]{12,}")


def classify_cached(ev: Evidence, recipient: str = "") -> tuple[str, str]:
    if ev.action == "delivered":  # the classifier's first step, at once: nothing to cache
        return classify(ev)
    text = ev.diagnostic
    if recipient and recipient in text:
        text = text.replace(recipient, "\x00")
    text = _VOLATILE.sub("\x01", text)
    key = ev if text == ev.diagnostic else dataclasses.replace(ev, diagnostic=text)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        found = _CACHE[key] = classify(ev)
    return found


@dataclass(frozen=True, slots=True)
class LogRecord:
    """A recipient's failure (or, with --all, success) as a mail log tells it."""

    bounce: Bounce
    logstatus: str
    queueid: str = ""
    notification: str = ""
    logline: str = ""

    @property
    def recipient(self) -> str:
        return self.bounce.recipient

    @property
    def timestamp(self) -> int:
        return self.bounce.timestamp

    @property
    def failed(self) -> bool:
        return self.logstatus in FAILURES

    def to_dict(self) -> dict[str, Any]:
        """The Bounce's fields, then LOG_FIELDS: the order of RECORD_FIELDS."""
        data = self.bounce.to_dict()
        data.update((name, getattr(self, name)) for name in LOG_FIELDS)
        return data

    def replace(self, **changes: Any) -> LogRecord:
        return dataclasses.replace(self, **changes)


def make_record(
    *,
    origin: str,
    lineno: int,
    logline: str,
    logstatus: str,
    decodedby: str,
    stamp: tuple[int, str],
    recipient: str,
    queueid: str = "",
    alias: str = "",
    addresser: str = "",
    messageid: str = "",
    status: str = "",
    diagnostic: str = "",
    diagnostictype: str = "",
    replycode: str = "",
    command: str = "",
    rhost: str = "",
    lhost: str = "",
    notification: str = "",
) -> LogRecord:
    """Build and classify one LogRecord; codes and the SMTP command are found in the diagnostic
    when the line gives none."""
    status = status if status and status[0] in "245" else find_status(diagnostic)
    replycode = replycode or find_replycode(diagnostic)
    if replycode and status and replycode[0] != status[0]:
        replycode = ""  # a number in the text, not the reply that decided this status
    command = command or find_command(diagnostic)
    action = ACTIONS.get(logstatus, "failed")
    recipient = recipient.strip("<>")
    destination = domain_of(recipient)
    diagnostictype = diagnostictype or ("SMTP" if replycode else "")
    reason, _ = classify_cached(Evidence(action=action, status=status, replycode=replycode,
                                         diagnostic=diagnostic, command=command, rhost=rhost,
                                         destination=destination, diagnostictype=diagnostictype),
                                recipient)
    bounce = Bounce(
        origin=origin,
        position=lineno,
        timestamp=stamp[0],
        timezoneoffset=stamp[1],
        addresser=addresser,
        senderdomain=domain_of(addresser),
        recipient=recipient,
        destination=destination,
        alias=alias if alias != recipient else "",
        action=action,
        deliverystatus=status,
        replycode=replycode,
        diagnosticcode=diagnostic,
        diagnostictype=diagnostictype,
        reason=reason,
        hardbounce=is_hard(reason, status, replycode),
        rhost=rhost,
        lhost=lhost,
        command=command,
        messageid=messageid,
        decodedby=decodedby,
        token=make_token(addresser, recipient, stamp[0], messageid or queueid),
    )
    return LogRecord(bounce, logstatus, queueid, notification, logline)


def expire(record: LogRecord, stamp: tuple[int, str], notification: str = "") -> LogRecord:
    """A deferred record turned expired (the MTA gave up and returned the message)."""
    b = record.bounce
    reason, _ = classify_cached(Evidence(
        action="failed", status=b.deliverystatus, replycode=b.replycode, diagnostic=b.diagnosticcode,
        command=b.command, rhost=b.rhost, destination=b.destination,
        diagnostictype=b.diagnostictype), b.recipient)
    bounce = b.replace(action="failed", timestamp=stamp[0] or b.timestamp,
                       timezoneoffset=stamp[1] if stamp[0] else b.timezoneoffset, reason=reason,
                       hardbounce=is_hard(reason, b.deliverystatus, b.replycode))
    return LogRecord(bounce, "expired", record.queueid, notification or record.notification,
                     record.logline)


class Collector:
    """The records of one read, in log order. A deferred recipient's slot is replaced when the
    same recipient later expires, bounces or is delivered, so each is reported once."""

    __slots__ = ("include_sent", "slots")

    def __init__(self, include_sent: bool = False) -> None:
        self.include_sent = include_sent
        self.slots: list[LogRecord | None] = []

    def add(self, record: LogRecord) -> int:
        self.slots.append(record)
        return len(self.slots) - 1

    def get(self, index: int) -> LogRecord | None:
        return self.slots[index]

    def put(self, index: int, record: LogRecord | None) -> None:
        self.slots[index] = record

    def records(self) -> list[LogRecord]:
        keep = self.include_sent
        return [r for r in self.slots if r is not None and (keep or r.logstatus in FAILURES)]


class Message:
    """What a log told about one queued message so far (per queue ID)."""

    __slots__ = ("sender", "messageid", "pending", "finals")

    def __init__(self, sender: str = "", messageid: str = "") -> None:
        self.sender = sender
        self.messageid = messageid
        self.pending: dict[str, int] = {}  # recipient -> slot of its latest deferral
        self.finals: list[int] = []  # slots of failures not yet tied to a notification
