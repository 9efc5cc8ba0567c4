"""Log timestamps to Unix seconds and a "+0900" offset.

The shapes mail logs carry:

- classic syslog and journalctl short: "Nov  5 12:00:00", "Nov 05 12:00:00" (Postfix's own
  maillog_file), journalctl short-precise "Nov 05 12:00:00.123456". No year and no zone: the
  year is inferred from the log file's modification time, stepping back a year for a month later
  than the file's month; the zone is this machine's local zone.
- RFC 3339 (rsyslog high precision, journalctl short-iso and short-iso-precise):
  "2026-11-05T10:15:30.123+09:00", "...Z", "2026-11-05T12:00:00+0900".
- Exim's mainlog: "2026-11-26 08:00:00", optionally with ".123" and a " +0100" zone.
- journalctl short-unix: "1762340000.123456"; short-full: "Thu 2026-11-05 10:15:30 JST" (the zone
  abbreviation is ambiguous: read as local time).

`Clock` converts and caches: logs repeat the same second many times.
"""

from __future__ import annotations

import time
from datetime import datetime

MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}

WEEKDAYS = frozenset(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
NOTIME = (0, "+0000")


def format_offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    seconds = abs(int(seconds))
    return "%s%02d%02d" % (sign, seconds // 3600, (seconds % 3600) // 60)


def _local(year: int, month: int, day: int, hh: int, mm: int, ss: int) -> tuple[int, str]:
    stamp = int(time.mktime((year, month, day, hh, mm, ss, 0, 0, -1)))
    return stamp, format_offset(time.localtime(stamp).tm_gmtoff)


def _hms(text: str) -> tuple[int, int, int]:
    hh, mm, ss = text.split(":")
    return int(hh), int(mm), int(ss.split(".")[0].split(",")[0])


class Clock:
    """Converts a log's timestamp texts; `reference` (Unix seconds) fixes the inferred year."""

    __slots__ = ("_year", "_month", "_cache")

    def __init__(self, reference: float | None = None) -> None:
        ref = time.localtime(time.time() if reference is None else reference)
        self._year = ref.tm_year
        self._month = ref.tm_mon
        self._cache: dict[str, tuple[int, str]] = {}

    def stamp(self, text: str) -> tuple[int, str]:
        """(Unix seconds, offset) for one timestamp text; (0, "+0000") when it is not one."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        if len(self._cache) > 50000:
            self._cache.clear()
        try:
            value = self._parse(text)
        except (ValueError, OverflowError, IndexError, KeyError):
            value = NOTIME
        self._cache[text] = value
        return value

    def _parse(self, text: str) -> tuple[int, str]:
        text = text.strip()
        if text[:3] in WEEKDAYS and text[3:4] == " ":  # journalctl short-full: "Thu 2026-11-05 10:15:30 JST"
            date, clock = text.split()[1:3]
            return self._iso("%s %s" % (date, clock))
        month = MONTHS.get(text[:3])
        if month is not None:  # "Nov  5 12:00:00", "Nov 05 12:00:00.123"
            _, day, clock = text.split()
            year = self._year - 1 if month > self._month else self._year
            return _local(year, month, int(day), *_hms(clock))
        if text[:1].isdigit() and len(text) >= 10 and text[4] == "-":
            return self._iso(text)
        if text.replace(".", "", 1).isdigit():  # journalctl short-unix
            stamp = int(float(text))
            return stamp, format_offset(time.localtime(stamp).tm_gmtoff)
        raise ValueError(text)

    @staticmethod
    def _iso(text: str) -> tuple[int, str]:
        # "2026-11-26 08:00:00 +0100" (Exim with log_timezone) -> one ISO text
        if len(text) > 20 and text[10] == " " and text[-6] == " " and text[-5] in "+-":
            text = text[:-6] + text[-5:]
        when = datetime.fromisoformat(text.replace(",", "."))
        if when.tzinfo is None:
            return _local(when.year, when.month, when.day, when.hour, when.minute, when.second)
        offset = when.utcoffset()
        return int(when.timestamp()), format_offset(int(offset.total_seconds()) if offset else 0)

