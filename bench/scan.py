#!/usr/bin/env python3
"""Scan throughput, peak memory and time to first record, beside Sisimai on the same input.

Builds (once, under --workdir) a Maildir of about 12,000 messages and an mbox of about 100,000 by
replicating ../shared/corpus/sisimai and sample_mail/, then runs in one go:

  bouncetui scan --no-cache        cold: every message decoded
  bouncetui scan (cache warm)      the second run over an unchanged Maildir
  perl -MSisimai ...               Debian's libsisimai-perl, when installed

and prints messages per second, peak resident memory, time to the first record, and the ratios.
A benchmark prints figures; it never passes or fails.

  .venv/bin/python bench/scan.py                     # both inputs
  .venv/bin/python bench/scan.py --only maildir --jobs 2

Each copy of a message gets its own X-Bench-Copy header, so no copy is byte-identical to another
(nothing can be saved by recognising repeated messages). Peak memory is the largest sum of the
resident memory of the measured process and all its children (worker processes included),
sampled every 20 ms; "first s" is the time until the first output line; "CPU s" is the user and
system time of the process and its workers (on a busy machine, wall time is also time spent
waiting for a core: compare the runs of one invocation, and repeat).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (ROOT / ".." / "shared" / "corpus" / "sisimai").resolve()
SAMPLE = ROOT / "sample_mail"
SISIMAI = "use Sisimai; my $v = Sisimai->make($ARGV[0], delivered => 1) || []; print scalar(@$v), qq{\\n};"


def seed_messages() -> list[bytes]:
    """The messages the inputs are replicated from: the corpus (when present) and sample_mail."""
    paths = []
    if CORPUS.is_dir():
        paths += sorted((CORPUS / "maildir" / "bsd").iterdir())
    for sub in ("cur", "new"):
        if (SAMPLE / sub).is_dir():
            paths += sorted((SAMPLE / sub).iterdir())
    messages = [p.read_bytes().replace(b"\r\n", b"\n") for p in paths if p.is_file()]
    if not messages:
        sys.exit("no seed messages: neither ../shared/corpus/sisimai nor sample_mail/ is present")
    return messages


FORMAT = "2"  # of the built inputs: rebuilt when this changes


def copy_of(seed: bytes, number: int) -> bytes:
    """The seed with a header of its own, after the From_ line if it starts with one."""
    header = b"X-Bench-Copy: %d\n" % number
    if seed.startswith(b"From "):
        end = seed.find(b"\n") + 1
        return seed[:end] + header + seed[end:]
    return header + seed


def built(marker: Path, count: int) -> bool:
    return marker.is_file() and marker.read_text().strip() == "%s %d" % (FORMAT, count)


def build_maildir(target: Path, seeds: list[bytes], count: int) -> Path:
    marker = target.with_suffix(".built")
    if (target / "cur").is_dir() and built(marker, count):
        return target
    shutil.rmtree(target, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        (target / sub).mkdir(parents=True)
    for i in range(count):
        name = "%d.M%dP%d.bench.example:2,S" % (1764000000 + i, i, os.getpid())
        (target / "cur" / name).write_bytes(copy_of(seeds[i % len(seeds)], i))
    marker.write_text("%s %d" % (FORMAT, count))
    return target


def build_mbox(target: Path, seeds: list[bytes], count: int) -> Path:
    marker = target.with_suffix(".built")
    if target.is_file() and built(marker, count):
        return target
    with open(target, "wb") as fh:
        for i in range(count):
            body = copy_of(seeds[i % len(seeds)], i)
            body = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in body.split(b"\n"))
            fh.write(b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026\n" + body.rstrip(b"\n") + b"\n\n")
    marker.write_text("%s %d" % (FORMAT, count))
    return target


def tree_usage(pid: int, cpu: dict[int, float]) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc), 0 when it is gone; records
    each one's CPU seconds so far in `cpu` (worker processes forked by a fork server are not the
    measured process's children, so its rusage leaves them out)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as fh:
                    parent = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        current = todo.pop()
        try:
            with open("/proc/%d/statm" % current) as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open("/proc/%d/stat" % current) as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            cpu[current] = max(cpu.get(current, 0.0), (int(fields[11]) + int(fields[12])) / tick)
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(children.get(current, ()))
    return total


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run `cmd` (in the temporary directory, so the working tree is not on its path): wall
    seconds, peak resident MB of its process tree, time to the first line."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            cwd=tempfile.gettempdir())
    first = None
    lines = 0
    peak = 0
    done = threading.Event()
    cpu: dict[int, float] = {}

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, tree_usage(proc.pid, cpu))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stdout is not None
    last = b""
    for line in proc.stdout:
        if first is None:
            first = time.perf_counter() - started
        lines += 1
        last = line
    done.set()
    sampler.join()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    peak_mb = max(peak, usage.ru_maxrss * 1024) / (1024 * 1024)
    return {"seconds": elapsed, "peak_mb": peak_mb, "first": first or elapsed,
            "cpu": max(usage.ru_utime + usage.ru_stime, sum(cpu.values())),
            "lines": lines, "last": last, "status": os.waitstatus_to_exitcode(status)}


def _sisimai_count(m: dict) -> str:
    """The number of records the Sisimai one-liner printed (its only output line)."""
    text = m["last"].decode("ascii", "replace").strip()
    return text if text.isdigit() else "?"


def count_messages(path: Path) -> int:
    return int(path.with_suffix(".built").read_text().split()[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "bouncetui-bench"))
    ap.add_argument("--only", choices=("maildir", "mbox"), help="run one input only")
    ap.add_argument("--maildir-size", type=int, default=12000)
    ap.add_argument("--mbox-size", type=int, default=100000)
    ap.add_argument("--jobs", type=int, default=None, help="bouncetui --jobs (default: all cores)")
    ap.add_argument("--no-sisimai", action="store_true", help="skip the Perl Sisimai run")
    ap.add_argument("--repeat", type=int, default=1, help="run each measurement N times, show the median")
    ap.add_argument("--live", action="store_true",
                    help="run the working tree's code, not a copy taken at the start")
    args = ap.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    seeds = seed_messages()
    inputs = []
    if args.only in (None, "maildir"):
        inputs.append(("maildir", build_maildir(work / "maildir", seeds, args.maildir_size)))
    if args.only in (None, "mbox"):
        inputs.append(("mbox", build_mbox(work / "mbox", seeds, args.mbox_size)))
    venv = ROOT / ".venv" / "bin" / "python"
    python = str(venv) if venv.exists() else sys.executable
    bouncetui = [python, "-m", "bouncetui", "scan", "--format", "jsonl"]
    env = None
    if not args.live:
        # The cache is emptied whenever the decoding code changes: a copy of the package keeps the
        # code fixed from the cache-filling run to the warm one, however the tree is edited meanwhile.
        snapshot = work / "code"
        shutil.rmtree(snapshot, ignore_errors=True)
        shutil.copytree(ROOT / "bouncetui", snapshot / "bouncetui",
                        ignore=shutil.ignore_patterns("__pycache__"))
        # Byte-compiled, as an installed package is: without it every process of every run would
        # compile the package's source again (PYTHONDONTWRITEBYTECODE keeps it from being saved).
        subprocess.run([python, "-m", "compileall", "-q", str(snapshot / "bouncetui")], check=True,
                       stdout=subprocess.DEVNULL)
        env = {**os.environ, "PYTHONPATH": str(snapshot)}
    if args.jobs:
        bouncetui += ["--jobs", str(args.jobs)]
    has_perl = not args.no_sisimai and shutil.which("perl") and subprocess.run(
        ["perl", "-MSisimai", "-e", "1"], capture_output=True).returncode == 0
    print("%-8s %-24s %9s %8s %9s %8s %8s %8s %8s" % (
        "input", "run", "messages", "records", "seconds", "msgs/s", "CPU s", "peak MB", "first s"))
    for name, path in inputs:
        n = count_messages(path)
        db = work / ("%s.db" % name)
        for stale in (db, Path("%s-wal" % db), Path("%s-shm" % db)):
            if stale.exists():
                stale.unlink()
        plan = []
        if has_perl:
            # Sisimai reads a folder of message files, not a Maildir's root
            target = path / "cur" if path.is_dir() else path
            plan.append(("sisimai (perl)", ["perl", "-e", SISIMAI, str(target)]))
        plan.append(("bouncetui cold", bouncetui + ["--no-cache", str(path)]))
        runs = {}
        for _ in range(args.repeat):
            for run, cmd in plan:
                runs.setdefault(run, []).append(measure(cmd, env))
        measure(bouncetui + ["--db", str(db), str(path)], env)  # fills the cache
        for _ in range(args.repeat):
            runs.setdefault("bouncetui warm (cache)", []).append(measure(bouncetui + ["--db", str(db), str(path)], env))
        best = {}
        for run, ms in runs.items():
            ok = [m for m in ms if m["status"] == 0 and m["lines"] > 0]
            if not ok:
                print("%-8s %-24s failed (exit %d, %d lines of output)" % (name, run, ms[0]["status"], ms[0]["lines"]))
                continue
            m = best[run] = sorted(ok, key=lambda m: m["seconds"])[len(ok) // 2]  # the median run
            records = m["lines"] if run.startswith("bouncetui") else _sisimai_count(m)
            print("%-8s %-24s %9d %8s %9.2f %8.0f %8.1f %8.0f %8.2f" % (
                name, run, n, records, m["seconds"], n / m["seconds"], m["cpu"], m["peak_mb"], m["first"]))
        if "sisimai (perl)" in best:
            base = best["sisimai (perl)"]["seconds"]
            for run, m in best.items():
                if run.startswith("bouncetui"):
                    print("%-8s %-24s %.1fx Sisimai's throughput" % (name, run, base / m["seconds"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
