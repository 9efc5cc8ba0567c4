#!/usr/bin/env python3
"""The explorer's rescan (R) of a big folder: how long the keys wait, and how long it takes.

    .venv/bin/python bench/tui_rescan.py --maildir DIR --db FILE [--changes N] [--renames N]

Opens DIR (a Maildir, say one bench/tui.py generated and kept, with its index FILE) in a
headless app, waits until it is loaded, then changes the folder — N new messages, N deleted, N
edited, and --renames messages renamed by a mail client (a flag added) — presses R, and while
the rescan runs sends a key (j, k, j, ...) as soon as the one before is answered (the cursor
moved). It prints:

  rescan                 from R to the end of the rescan (wall), and the CPU seconds meanwhile of
                         the scan's threads and of the app's thread (which answers the keys too);
                         new messages are decoded in worker processes besides
  keys answered          during the rescan
  key answer (max)       the longest a key waited for its answer: how long the UI was blocked
  key answer (mean)      (wall time: on a machine others share, its load weighs in)
  ... app thread cpu     the CPU time the app's own thread spent while a key waited (max): the
                         work that kept it from answering, whatever the load
  status                 what the status bar says after it

The folder is changed for good (use a copy). A benchmark prints figures; it never fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import time
from pathlib import Path


def change(folder: Path, count: int, renames: int, seed: str) -> None:
    """Add, delete and edit `count` messages each, and rename `renames` (a flag added)."""
    files = sorted((folder / "cur").iterdir())
    untouched = iter(files)
    for n, path in zip(range(count), untouched):  # new ones: these to another recipient
        data = path.read_bytes()
        recipient = re.search(rb"Final-Recipient: rfc822; *(\S+)", data, re.I)
        if recipient:
            data = data.replace(recipient[1], b"%s.%d.%s" % (seed.encode(), n, recipient[1]))
        (folder / "new" / ("%s.%d.bench" % (seed, n))).write_bytes(data)
    for _n, path in zip(range(count), untouched):
        path.unlink()
    for _n, path in zip(range(count), untouched):
        path.write_bytes(path.read_bytes().replace(b"Subject: ", b"Subject: edited ", 1))
        os.utime(path, (2_000_000_000, 2_000_000_000))
    for _n, path in zip(range(renames), untouched):
        base, _sep, flags = path.name.partition(":2,")
        os.rename(path, path.with_name("%s:2,%s" % (base, "".join(sorted(set(flags + "R"))) if "R" not in flags
                                                   else flags.replace("R", ""))))


async def drive(maildir: Path, db: Path, count: int, renames: int) -> dict[str, object]:
    from textual import events

    from bouncetui.tui.app import BounceApp
    from bouncetui.tui.backend import make_backend
    from bouncetui.tui.screens.main import MainScreen

    app = BounceApp(make_backend([str(maildir)], db_path=str(db)), lang="en", keymap={})
    figures: dict[str, object] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        screen = None
        while screen is None or screen.scanning or screen.scan_done_at is None:
            await asyncio.sleep(0.05)
            screen = next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        figures["rows before"] = screen.records.live
        change(maildir, count, renames, "b%d" % int(time.time()))
        cpu, app_cpu = time.process_time(), time.thread_time()
        started, generation = time.monotonic(), screen.scan_generation
        app.post_message(events.Key("R", "R"))  # (Pilot's press would wait until the app is idle)
        waits: list[float] = []
        work: list[float] = []
        while screen.scan_generation == generation or screen.scanning:
            before = screen.bounce_list.cursor
            key = "j" if before % 2 == 0 else "k"  # down and up again
            sent, busy = time.monotonic(), time.thread_time()
            app.post_message(events.Key(key, key))  # as a terminal sends it, without Pilot's waits
            while screen.bounce_list.cursor == before and time.monotonic() - sent < 30:
                await asyncio.sleep(0.001)
            waits.append(time.monotonic() - sent)
            work.append(time.thread_time() - busy)  # the app's own thread: what it did meanwhile
        done = screen.scan_done_at
        figures["rescan (wall, s)"] = round(done - started, 2)
        app_cpu = time.thread_time() - app_cpu
        figures["rescan cpu, the scan's threads (s)"] = round(time.process_time() - cpu - app_cpu, 2)
        figures["rescan cpu, the app's thread (s)"] = round(app_cpu, 2)
        figures["keys answered"] = len(waits)
        figures["key answer max (ms)"] = round(max(waits) * 1000, 1)
        figures["key answer mean (ms)"] = round(sum(waits) / len(waits) * 1000, 1)
        figures["key answer, app thread cpu max (ms)"] = round(max(work) * 1000, 1)
        figures["load average"] = os.getloadavg()[0]
        await pilot.pause(0.3)
        figures["rows after"] = screen.records.live
        figures["status"] = str(screen.query_one("#status-bar").render()).strip()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--maildir", required=True, type=Path)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--changes", type=int, default=100, help="messages added, deleted and edited, each")
    parser.add_argument("--renames", type=int, default=100, help="messages renamed by a mail client")
    args = parser.parse_args()
    figures = asyncio.run(drive(args.maildir, args.db, args.changes, args.renames))
    import bouncetui

    print("bouncetui from %s" % Path(bouncetui.__file__).parent, file=sys.stderr)
    for name, value in figures.items():
        print("  %-36s %s" % (name, value))


if __name__ == "__main__":
    main()
