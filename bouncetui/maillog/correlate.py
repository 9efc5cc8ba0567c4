"""Correlation: which logged failures came back as a bounce mail, which did not (silent), and
which bounce mails no log entry accounts for.

A bounce record is linked to the log record of the same recipient (or its orig_to alias) by, in
order of trust:

1. `queueid`: the queue ID of the failed message, which Postfix's DSN carries in its per-message
   field X-Postfix-Queue-ID (read from the raw mail by `mail_keys`; the Bounce record has no field
   for it) — queue IDs are reused, so only within `window` seconds;
2. `notification`: the bounce mail's own queue ID, which the log named ("sender non-delivery
   notification: QID") and Postfix puts in the bounce's Message-ID `<YYYYMMDDhhmmss.QID@host>`
   (`<QID@host>` with long queue IDs);
3. `messageid`: the original Message-ID (Bounce.messageid, from the returned headers), which the
   log gave for the queue ID (cleanup `message-id=`, Sendmail `msgid=`, Exim `id=`);
4. `recipient`: the same recipient, the bounce dated from `before` seconds before to `window`
   seconds after the logged failure (the nearest failure, else the nearest delivery: a remote
   server may accept a message and bounce it later). An expired record is dated when the MTA
   gave up, so its window opens a queue lifetime earlier (the delay warnings).

A log record may gather several bounce mails (delay warnings, then the final bounce); its
`matchedby` is the strongest key among them.

A report that names no recipient is matched with the recipient its VERP return path encodes
(Delivered-To, X-Original-To, To; see bouncetui.verp).

Everything returned is plain data (frozen dataclasses and tuples) for the CLI and the TUI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from bouncetui.limits import DEFAULT, Limits
from bouncetui.maillog.record import LogRecord
from bouncetui.model import Bounce, ScanError, location
from bouncetui.pipeline import scan
from bouncetui.sources import RawMessage, iter_messages
from bouncetui.verp import failed_recipient

WINDOW = 3 * 86400
BEFORE = 12 * 3600  # a syslog time is local time of an unknown zone: allow for the difference
EXPECTS_BOUNCE = frozenset({"bounced", "expired"})
NOT_BOUNCES = frozenset({"feedback", "vacation"})  # complaints and auto-replies are not bounces

_QUEUE_ID = re.compile(rb"^X-Postfix-Queue-ID:[ \t]*([0-9A-Za-z]+)", re.IGNORECASE | re.MULTILINE)
# Postfix's own Message-ID: <YYYYMMDDhhmmss.QID@host>, or <QID@host> with long queue IDs
_OWN_ID = re.compile(rb"^Message-ID:[ \t]*<(?:\d{14}\.)?([0-9A-Za-z]{6,})@", re.IGNORECASE | re.MULTILINE)

QUEUE_LIFETIME = 6 * 86400  # Postfix's maximal_queue_lifetime (5 days) and some: delay warnings
RANK = {"queueid": 0, "notification": 1, "messageid": 2, "recipient": 3}

# Where a bounce's return path shows, most trusted first (the VERP address the bounce came to)
VERP_HEADERS = ("delivered-to", "x-original-to", "to")
_HEADER = re.compile(r"^(Delivered-To|X-Original-To|To):[ \t]*([^\r\n]*)", re.IGNORECASE | re.MULTILINE)

MailKey = tuple[str, int]  # (origin, position) of a bounce mail


@dataclass(frozen=True, slots=True)
class MailKeys:
    """Queue IDs found in a bounce mail's raw text."""

    queueid: str = ""  # the failed message's (X-Postfix-Queue-ID)
    notification: str = ""  # the bounce mail's own (from its Postfix Message-ID)
    verp: str = ""  # the recipient a VERP return path it was delivered to encodes


NO_KEYS = MailKeys()


@dataclass(frozen=True, slots=True)
class Link:
    """One log record and the bounce records linked to it."""

    record: LogRecord
    bounces: tuple[Bounce, ...] = ()
    matchedby: str = ""  # queueid, notification, messageid, recipient; "" when unlinked
    outcome: str = ""  # returned, silent, or "" when no bounce was to be expected

    def mails(self) -> list[str]:
        """The linked bounce mails as "origin" or "origin#position"."""
        return list(dict.fromkeys(location(b.origin, b.position) for b in self.bounces))


@dataclass(frozen=True, slots=True)
class Correlation:
    links: tuple[Link, ...]
    orphans: tuple[Bounce, ...]  # bounce records no log record accounts for

    @property
    def failures(self) -> int:
        return sum(1 for link in self.links if link.record.failed)

    @property
    def silent(self) -> int:
        return sum(1 for link in self.links if link.outcome == "silent")

    @property
    def returned(self) -> int:
        return sum(1 for link in self.links if link.outcome == "returned" and link.record.failed)

    @property
    def orphan_mails(self) -> int:
        return len({(b.origin, b.position) for b in self.orphans})

    def by_bounce(self) -> dict[str, Link]:
        """Bounce token -> the link that bounce belongs to (for showing the log beside a bounce)."""
        return {b.token: link for link in self.links for b in link.bounces}


def keys_of(raw: bytes) -> MailKeys:
    """The Postfix queue IDs in one raw bounce mail."""
    end = raw.find(b"\n\n")
    end2 = raw.find(b"\r\n\r\n")
    header = raw[:min(e for e in (end, end2, len(raw)) if e >= 0)]
    own = _OWN_ID.search(header)
    queue = _QUEUE_ID.search(raw)
    verp = ""
    if b"=" in header:
        text = header.decode("latin-1")
        verp = failed_recipient(m.group(2) for name in VERP_HEADERS
                                for m in _HEADER.finditer(text) if m.group(1).lower() == name)
    return MailKeys(queue.group(1).decode("ascii") if queue else "",
                    own.group(1).decode("ascii") if own else "", verp)


def mail_keys(paths: Iterable[str]) -> dict[MailKey, MailKeys]:
    """MailKeys of every message under `paths` that has any."""
    out: dict[MailKey, MailKeys] = {}
    for path in paths:
        for item in iter_messages(path):
            if isinstance(item, RawMessage):
                keys = keys_of(item.data)
                if keys.queueid or keys.notification or keys.verp:
                    out[(item.origin, item.position)] = keys
    return out


def scan_bounces(paths: Iterable[str], limits: Limits = DEFAULT, jobs: int | None = None
                 ) -> tuple[list[Bounce], dict[MailKey, MailKeys], list[ScanError]]:
    """The bounce records under `paths` (decoded on `jobs` processes, None: every core, within
    `limits`), their queue IDs and the messages that could not be read."""
    paths = list(paths)
    bounces: list[Bounce] = []
    errors: list[ScanError] = []
    for item in scan(paths, jobs=jobs, limits=limits):
        (errors if isinstance(item, ScanError) else bounces).append(item)  # type: ignore[arg-type]
    return bounces, mail_keys(paths), errors


class _LogIndex:
    """The log records by recipient (and alias), queue ID, notification and Message-ID, and the
    rules that find the one a bounce record belongs to."""

    def __init__(self, records: list[LogRecord], window: int, before: int) -> None:
        self.records, self.window, self.before = records, window, before
        self.by_rcpt: dict[str, list[int]] = {}
        self.by_queue: dict[str, list[int]] = {}
        self.by_ndr: dict[str, list[int]] = {}
        self.by_msgid: dict[str, list[int]] = {}
        for i, r in enumerate(records):
            b = r.bounce
            for address in {b.recipient.lower(), b.alias.lower()} - {""}:
                self.by_rcpt.setdefault(address, []).append(i)
            for table, key in ((self.by_queue, r.queueid), (self.by_ndr, r.notification),
                               (self.by_msgid, b.messageid)):
                if key:
                    table.setdefault(key, []).append(i)

    def find(self, bounce: Bounce, mk: MailKeys) -> tuple[int, str] | None:
        """(the log record's index, the key that linked them), trying the strongest key first."""
        records = self.records
        address = (bounce.recipient or mk.verp).lower()  # a report naming no recipient: the VERP one
        for table, key, name, timed in ((self.by_queue, mk.queueid, "queueid", True),
                                        (self.by_ndr, mk.notification, "notification", True),
                                        (self.by_msgid, bounce.messageid, "messageid", False)):
            if not key:
                continue
            hits = [i for i in table.get(key, ()) if self._same_recipient(i, address)
                    and (not timed or self._in_window(i, bounce.timestamp))]
            if hits:
                return min(hits, key=lambda i: abs(bounce.timestamp - records[i].timestamp)), name
        if address:
            hits = [i for i in self.by_rcpt.get(address, ()) if records[i].logstatus != "rejected"
                    and self._in_window(i, bounce.timestamp)]
            if hits:  # the nearest failure, else the nearest delivery
                return min(hits, key=lambda i: (not records[i].failed,
                                                abs(bounce.timestamp - records[i].timestamp))), "recipient"
        return None

    def _same_recipient(self, i: int, address: str) -> bool:
        b = self.records[i].bounce
        return not address or address in (b.recipient.lower(), b.alias.lower())

    def _in_window(self, i: int, stamp: int) -> bool:
        # an expired record is dated when the MTA gave up: its delay warnings came days before
        record = self.records[i]
        early = self.before + (QUEUE_LIFETIME if record.logstatus == "expired" else 0)
        return -early <= stamp - record.timestamp <= self.window


def correlate(
    records: Iterable[LogRecord],
    bounces: Iterable[Bounce],
    keys: Mapping[MailKey, MailKeys] | None = None,
    window: int = WINDOW,
    before: int = BEFORE,
) -> Correlation:
    """Link log records and bounce records (see the module docstring for the rules)."""
    records = list(records)
    keys = keys or {}
    index = _LogIndex(records, window, before)
    linked: dict[int, list[Bounce]] = {}
    how: dict[int, str] = {}
    orphans: list[Bounce] = []
    for bounce in bounces:
        if bounce.reason in NOT_BOUNCES:
            continue
        found = index.find(bounce, keys.get((bounce.origin, bounce.position), NO_KEYS))
        if found is None:
            orphans.append(bounce)
            continue
        i, by = found
        linked.setdefault(i, []).append(bounce)
        if i not in how or RANK[by] < RANK[how[i]]:
            how[i] = by

    links = []
    for i, r in enumerate(records):
        mails = tuple(linked.get(i, ()))
        outcome = "returned" if mails else ("silent" if r.logstatus in EXPECTS_BOUNCE else "")
        links.append(Link(r, mails, how.get(i, ""), outcome))
    return Correlation(tuple(links), tuple(orphans))


def correlate_paths(logs: Iterable[str], mail: Iterable[str]) -> tuple[Correlation, list[ScanError]]:
    """Read the logs (delivered recipients included, to link late bounces) and the bounce mail
    under `mail`, and correlate them; unreadable messages are returned beside."""
    from bouncetui.maillog.reader import read_logs

    records = read_logs(list(logs), include_sent=True).records
    bounces, keys, errors = scan_bounces(mail)
    return correlate(records, bounces, keys), errors


def silent_failures(correlation: Correlation) -> Iterator[LogRecord]:
    """The logged failures for which no bounce mail came back."""
    return (link.record for link in correlation.links if link.outcome == "silent")
