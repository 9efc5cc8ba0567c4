"""Log timestamps: every shape a mail log carries, the inferred syslog year, the zone."""

from __future__ import annotations

import calendar
import time

import pytest

from bouncetui.maillog.timestamps import Clock

UTC_0115 = calendar.timegm((2026, 11, 5, 1, 15, 30))


pytestmark = pytest.mark.usefixtures("utc")  # log times are local time


def reference(year, month, day=15):
    return calendar.timegm((year, month, day, 12, 0, 0))


@pytest.mark.parametrize("text, offset", [
    ("Nov  5 01:15:30", "+0000"),                  # classic syslog
    ("Nov 05 01:15:30", "+0000"),                  # Postfix maillog_file, journalctl short
    ("Nov 05 01:15:30.123456", "+0000"),           # journalctl short-precise
    ("2026-11-05T10:15:30.123+09:00", "+0900"),    # RFC 3339 with fraction and offset
    ("2026-11-05T01:15:30Z", "+0000"),
    ("2026-11-05T10:15:30+0900", "+0900"),         # journalctl short-iso
    ("2026-11-05 01:15:30", "+0000"),              # Exim mainlog (local time)
    ("2026-11-05 02:15:30 +0100", "+0100"),        # Exim with log_timezone
    ("2026-11-05 02:15:30.250 +0100", "+0100"),    # ... and milliseconds
    ("1793841330.123456", "+0000"),                # journalctl short-unix
    ("Thu 2026-11-05 01:15:30 UTC", "+0000"),      # journalctl short-full
])
def test_every_shape_gives_the_same_instant(text, offset):
    assert Clock(reference(2026, 11, 20)).stamp(text) == (UTC_0115, offset)


def test_syslog_year_follows_the_file_and_steps_back_over_new_year():
    clock = Clock(reference(2027, 1, 3))  # a file last written in January 2027
    assert clock.stamp("Jan  2 00:00:00")[0] == calendar.timegm((2027, 1, 2, 0, 0, 0))
    assert clock.stamp("Dec 31 23:59:59")[0] == calendar.timegm((2026, 12, 31, 23, 59, 59))


def test_local_zone_is_used_for_zone_less_times(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    stamp, offset = Clock(reference(2026, 11, 20)).stamp("Nov  5 10:15:30")
    assert (stamp, offset) == (UTC_0115, "+0900")


@pytest.mark.parametrize("text", ["", "yesterday", "Foo  5 12:00:00", "2026-13-45 99:00:00"])
def test_garbage_is_no_time(text):
    assert Clock(reference(2026, 11, 20)).stamp(text) == (0, "+0000")
