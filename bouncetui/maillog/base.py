"""What every log parser shares: the current file, its clock, the records and the per-queue-ID
bookkeeping that turns deferrals into one final outcome per recipient."""

from __future__ import annotations

import re
from typing import Any

from bouncetui.maillog.record import Collector, LogRecord, Message, expire, make_record
from bouncetui.maillog.timestamps import Clock

_CLOCK = re.compile(r"^\d\d:\d\d:\d\d(?:[.,]\d+)?$")


def no_queue(queueid: str) -> str:
    """The queue ID of a line; "" for NOQUEUE (Postfix and Sendmail refused before queueing)."""
    return "" if queueid == "NOQUEUE" else queueid


class Parser:
    """Base of the Postfix, Sendmail and Exim parsers; one instance reads all files in order."""

    decodedby = ""

    def __init__(self, collector: Collector) -> None:
        self.collector = collector
        self.origin = ""
        self.clock = Clock()
        self.messages: dict[str, Message] = {}

    def begin_file(self, origin: str, clock: Clock) -> None:
        self.origin = origin
        self.clock = clock

    def stamp_host(self, head: str) -> tuple[tuple[int, str], str]:
        """(timestamp, host) from the text before a syslog tag: "Nov  5 12:00:00 mail"."""
        head = head.rstrip()
        text, _, host = head.rpartition(" ")
        if not text or _CLOCK.match(host):  # no host field: the last word is the time
            return self.clock.stamp(head), ""
        return self.clock.stamp(text), host

    def record(self, line: str, lineno: int, **fields: Any) -> LogRecord:
        """A LogRecord from line `lineno` of the current file (the fields: record.make_record's)."""
        return make_record(origin=self.origin, lineno=lineno, logline=line.rstrip("\r\n"),
                           decodedby=self.decodedby, **fields)

    def skips_success(self, logstatus: str, msg: Message | None) -> bool:
        """True for a delivery not worth a record: a success when delivered recipients are not
        wanted and no deferral of the same message waits for its outcome."""
        return logstatus == "sent" and not self.collector.include_sent and (msg is None or not msg.pending)

    def message(self, queueid: str) -> Message:
        msg = self.messages.get(queueid)
        if msg is None:
            msg = self.messages[queueid] = Message()
        return msg

    def settle(self, msg: Message, record: LogRecord) -> None:
        """Keep one outcome per recipient: a deferral replaces the previous one, a final outcome
        replaces the deferral."""
        c = self.collector
        key = record.bounce.recipient.lower()
        previous = msg.pending.pop(key, None)
        if previous is not None:
            c.put(previous, None)
        index = c.add(record)
        if record.logstatus == "deferred":
            msg.pending[key] = index
        elif record.failed:
            msg.finals.append(index)

    def expire_pending(self, msg: Message, stamp: tuple[int, str], only: str = "") -> int:
        """Turn the message's pending deferrals (or the one of recipient `only`) into expired."""
        c = self.collector
        keys = [only] if only else list(msg.pending)
        n = 0
        for key in keys:
            index = msg.pending.pop(key, None)
            record = c.get(index) if index is not None else None
            if record is None:
                continue
            c.put(index, expire(record, stamp))
            msg.finals.append(index)
            n += 1
        return n

    def notify(self, msg: Message, queueid: str, delay: bool = False) -> None:
        """The MTA generated a bounce (or, with delay, a delay warning) with this queue ID."""
        c = self.collector
        slots = list(msg.pending.values()) if delay else msg.finals
        for index in slots:
            record = c.get(index)
            if record is not None:
                c.put(index, record.replace(notification=queueid))
        if not delay:
            msg.finals = []
