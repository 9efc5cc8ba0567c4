"""Milestones of a start, for bench/tui_e2e.py: when BOUNCETUI_BENCH_EVENTS names a file, the
explorer appends a line to it at each milestone (the command line parsed, the explorer's imports
done, the app made, the first row painted, the full list painted, the scan done): the event's
name, time.monotonic() (one clock for every process of the machine, so the bench compares it with
the moment it ran the command) and the CPU seconds of this process so far (and, for the list's milestones, how many rows it holds). Without the variable
nothing is written. Kept free of imports: it is imported before the explorer's own."""

from __future__ import annotations

import os
import time

EVENTS = os.environ.get("BOUNCETUI_BENCH_EVENTS", "")


def note(event: str, rows: int = -1) -> None:
    """Append `event` with the time, this process's CPU seconds and the rows listed (-1: not
    said), when EVENTS names a file."""
    if EVENTS:
        with open(EVENTS, "a", encoding="utf-8") as out:
            out.write("%s %.6f %.6f %d\n" % (event, time.monotonic(), time.process_time(), rows))
