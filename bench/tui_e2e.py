#!/usr/bin/env python3
"""The explorer as a user starts it: `bouncetui PATH` run in a terminal, timed from the moment
the command is run to the first row and to the full list on the screen.

    .venv/bin/python bench/tui_e2e.py [--path DIR] [--db FILE] [--runs N] [--skip-cold]

bench/tui.py times the app from its creation, in the benchmark's own process; this one runs
`.venv/bin/bouncetui PATH --db FILE` in a pseudo-terminal of 120x40 (a new process: Python's
start and every import count) and reads the milestones the explorer writes when
BOUNCETUI_BENCH_EVENTS names a file (bouncetui/tui/timings.py): the command line parsed, the
explorer's imports done, the app made, the first row and the full list painted. The first row is
also looked for in what the app wrote to the terminal (a recipient of the generated mail), a
check that owes nothing to the app's own word. Once the milestone wanted is there, the bench
presses q.

  cold      a new, empty database: the first row (then q; the scan is not waited for)
  fill      until the scan is done, when the database does not list PATH yet (a new one, or
            one emptied by a change of the decoding code): shown, not counted
  cached    --runs times: the first row and the full list from the index ("listed": the
            index's rows are all out)

Each figure: wall seconds from the command's start, and the CPU seconds of the explorer's
process by then (steadier on a shared machine). "start" is Python's start and the command line
(bouncetui.cli, the open command), "imports" the explorer's modules, "app" the App made.
The mail: --path, else bench/tui.py's generated 100,000 messages in /tmp/tui-e (made if missing).
A benchmark prints figures; it never fails. Target: first row < 1 s cold and cached, full list
< 2 s cached.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.tui import DOMAINS, generate  # noqa: E402

ROW = re.compile(rb"[a-z]+(?:[._-][a-z]+\d+)?@(?:%s)" % b"|".join(re.escape(d.encode()) for d in DOMAINS))
ESCAPE = re.compile(rb"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")
TOTAL = re.compile(rb"(\d+) total")
NAN = float("nan")
STAGES = ("parsed", "imported", "app", "first-row", "screen-row", "listed", "full-list", "screen-full", "scan-done")


def run_once(path: Path, db: Path, until: str, timeout: float = 300.0,
             prefix: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """Run the explorer on `path` in a pseudo-terminal until the milestone `until` ("first-row"
    or "full-list") is on the terminal, then press q. Returns each milestone's (wall seconds
    since the command was run, CPU seconds of the app's process), with what the terminal got:
    "screen-row" when a row's recipient first came, "screen-full" when the status bar first
    counted as many rows as the app said the full list holds."""
    work = Path(tempfile.mkdtemp(prefix="bouncetui-e2e-"))
    events = work / "events"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, BOUNCETUI_BENCH_EVENTS=str(events), TERM="xterm-256color", COLUMNS="120", LINES="40")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = list(prefix or ()) + [str(ROOT / ".venv" / "bin" / "bouncetui"), str(path), "--db", str(db), "--lang", "en",
               "--theme", "textual-dark"]
    figures: dict[str, tuple[float, float]] = {}
    rows = {}  # milestone -> rows the app said it listed
    totals: dict[int, float] = {}  # a count the status bar showed -> when it first did
    started = time.monotonic()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
                             start_new_session=True)
    os.close(slave)
    tail = b""
    quit_sent = 0.0
    try:
        while child.poll() is None:
            ready, _, _ = select.select([master], [], [], 0.01)
            now = time.monotonic()
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:
                    break
                tail = tail[-400:] + chunk
                text = ESCAPE.sub(b"", tail)
                if "screen-row" not in figures and ROW.search(text):
                    figures["screen-row"] = (now - started, NAN)
                for count in TOTAL.findall(text):
                    totals.setdefault(int(count), now - started)
            if events.exists():
                for line in events.read_text().splitlines():
                    name, at, cpu, listed = line.split()
                    figures.setdefault(name, (float(at) - started, float(cpu)))
                    rows.setdefault(name, int(listed))
            if "full-list" in rows and rows["full-list"] in totals:
                figures["screen-full"] = (totals[rows["full-list"]], NAN)
            done = {"first-row": "screen-row", "full-list": "screen-full"}[until]
            waited = until in figures and now - started - figures[until][0] > 10  # not seen on the terminal
            if not quit_sent and (done in figures or waited):
                os.write(master, b"q")
                quit_sent = now
            elif quit_sent and now - quit_sent > 15:
                os.killpg(child.pid, signal.SIGTERM)
            if now - started > timeout:
                os.killpg(child.pid, signal.SIGTERM)
                break
        while child.poll() is None:  # drain until it is gone (it may block writing its last screen)
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 1 << 16)
                except OSError:
                    break
        child.wait(timeout=30)
    finally:
        os.close(master)
        shutil.rmtree(work, ignore_errors=True)
    figures["rows"] = (float(rows.get("full-list", rows.get("first-row", -1))), NAN)
    return figures


def show(label: str, figures: dict[str, tuple[float, float]]) -> None:
    parts = []
    for stage in STAGES:
        if stage in figures:
            wall, cpu = figures[stage]
            parts.append("%s %.2f" % (stage, wall) + ("" if cpu != cpu else " (cpu %.2f)" % cpu))
    print("%-8s %s" % (label, "  ".join(parts)), flush=True)


def summary(label: str, runs: list[dict[str, tuple[float, float]]]) -> None:
    def span(stage: str, part: int = 0) -> str:
        values = sorted(r[stage][part] for r in runs if stage in r)
        if not values:
            return "-"
        return "%.2f" % values[0] if len(values) == 1 else "%.2f-%.2f" % (values[0], values[-1])

    imports = "-"
    pairs = [r["imported"][0] - r["parsed"][0] for r in runs if "imported" in r and "parsed" in r]
    if pairs:
        imports = "%.2f-%.2f" % (min(pairs), max(pairs)) if len(pairs) > 1 else "%.2f" % pairs[0]
    print("%s: start %s s, imports %s s, app made %s s; first row on the terminal %s s (app's word %s s, cpu %s s)%s"
          % (label, span("parsed"), imports, span("app"), span("screen-row"), span("first-row"), span("first-row", 1),
             "; full list on the terminal %s s (app's word %s s, cpu %s s)"
             % (span("screen-full"), span("full-list"), span("full-list", 1))
             if any("full-list" in r for r in runs) else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default="/tmp/tui-e", help="the mail (default /tmp/tui-e, generated if missing)")
    parser.add_argument("--messages", type=int, default=100_000, help="how many to generate when --path is missing")
    parser.add_argument("--db", help="the database for the cached runs (kept; filled by a cold scan when it "
                                     "does not list PATH yet)")
    parser.add_argument("--runs", type=int, default=3, help="cached runs (default 3)")
    parser.add_argument("--cold-runs", type=int, default=1, help="cold runs, first row only (default 1)")
    parser.add_argument("--prefix", help="run the explorer under this command (say, a profiler's, "
                                         "'py-spy record -o FILE --'): the figures then include its cost")
    args = parser.parse_args()
    prefix = args.prefix.split() if args.prefix else None
    path = Path(args.path)
    if not (path / "cur").is_dir() or not any((path / "cur").iterdir()):
        t = time.monotonic()
        generate(path, args.messages)
        print("generated %d messages in %.1fs" % (args.messages, time.monotonic() - t))
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "compileall", "-q", str(ROOT / "bouncetui")],
                   check=False, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    print("load average at start: %.2f %.2f %.2f" % os.getloadavg(), flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="bouncetui-e2e-db-"))
    try:
        cold = []
        for n in range(args.cold_runs):
            figures = run_once(path, scratch / ("cold%d.db" % n), "first-row", prefix=prefix)
            show("cold", figures)
            cold.append(figures)
        db = Path(args.db) if args.db else scratch / "cached.db"
        runs: list[dict[str, tuple[float, float]]] = []
        for _attempt in range(args.runs + 2):  # a fill (or two, if the decoding code changes meanwhile)
            if len(runs) == args.runs:
                break
            figures = run_once(path, db, "full-list", timeout=900, prefix=prefix)
            listed = "listed" in figures  # from the index (else a cold scan filled it)
            show("cached" if listed else "fill", figures)
            if listed:
                runs.append(figures)
        if cold:
            summary("cold", cold)
        if args.runs:
            summary("cached", runs)
        print("load average at end: %.2f %.2f %.2f" % os.getloadavg())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
