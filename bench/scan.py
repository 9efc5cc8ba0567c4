#!/usr/bin/env python3
"""Scan throughput, peak memory and time to first record, beside Sisimai on the same input.

Builds (once, under --workdir) a Maildir of about 12,000 messages and an mbox of about 100,000 by
replicating ../shared/corpus/sisimai and sample_mail/, then, for each input, fills a cache once and
runs --repeat rounds (3 by default), each round all of:

  perl -MSisimai ...               Debian's libsisimai-perl, when installed
  bouncetui scan --no-cache        cold: every message decoded
  bouncetui scan (cache warm)      over an unchanged input, its records from the cache

one after the other, so that every kind of run meets the same moments of a shared machine. It
prints for each kind the median of its rounds and their spread (fastest-slowest), and the ratio to
Sisimai both of the medians and, round by round, its lowest and highest. Every figure comes from
this one invocation. A benchmark prints figures; it never passes or fails.

  .venv/bin/python bench/scan.py                     # both inputs, 3 rounds
  .venv/bin/python bench/scan.py --only maildir --repeat 5 --jobs 2

Each copy of a message gets its own X-Bench-Copy header, so no copy is byte-identical to another
(nothing can be saved by recognising repeated messages). Peak memory is the largest sum of the
resident memory of the measured process and all its descendants (worker processes included),
sampled every 20 ms; "first s" is the time until the first output line; "CPU s" is the user and
system time of the process and its workers. On a busy machine wall time is also time spent waiting
for a core: the load average is printed at the start and the end, and the ratio of CPU times is
printed beside that of wall times (Sisimai runs on one core). The output of every bouncetui run is
hashed: the warm runs' output must be the cold runs' byte for byte, and the script says so. The
runs use a copy of the package taken at the start and a cache database of their own, so that
neither edits to the tree nor another benchmark running at the same time changes what is measured.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
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


# Linux lists each thread's children in /proc/PID/task/TID/children (CONFIG_PROC_CHILDREN); without
# it, every process's parent is read from /proc/*/stat (more work for this process while it samples).
CHILDREN_LISTS = os.path.exists("/proc/self/task/%d/children" % os.getpid())


def _children(pid: int) -> list[int]:
    """The child processes of `pid`, [] when it is gone."""
    found: list[int] = []
    if not CHILDREN_LISTS:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open("/proc/%s/stat" % entry) as fh:
                        if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                            found.append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
        return found
    try:
        for task in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, task)) as fh:
                found += map(int, fh.read().split())
    except OSError:
        pass
    return found


def tree_usage(pid: int, cpu: dict[int, float]) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc), 0 when it is gone; records
    each one's CPU seconds so far in `cpu` (worker processes forked by a fork server are not the
    measured process's children, so its rusage leaves them out)."""
    total, todo = 0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        current = todo.pop()
        try:
            with open("/proc/%d/statm" % current) as fh:
                total += int(fh.read().split()[1]) * page
            with open("/proc/%d/stat" % current) as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            cpu[current] = max(cpu.get(current, 0.0), (int(fields[11]) + int(fields[12])) / tick)
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(_children(current))
    return total


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Run `cmd` (in the temporary directory, so the working tree is not on its path): wall
    seconds, CPU seconds, peak resident MB of its process tree, time to the first line, the
    number of lines, the last line and a hash of the whole output."""
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
    digest = hashlib.blake2b(digest_size=16)
    tail = b""
    fd = proc.stdout.fileno()
    while True:  # read in blocks, not lines: the reader must not be what slows a fast run
        block = os.read(fd, 1 << 16)
        if not block:
            break
        count = block.count(b"\n")
        if first is None and count:
            first = time.perf_counter() - started
        lines += count
        digest.update(block)
        tail = (tail + block)[-4096:]
    proc.stdout.close()
    done.set()
    sampler.join()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    peak_mb = max(peak, usage.ru_maxrss * 1024) / (1024 * 1024)
    last = tail.rstrip(b"\n").rpartition(b"\n")[2]
    return {"seconds": elapsed, "peak_mb": peak_mb, "first": first or elapsed,
            "cpu": max(usage.ru_utime + usage.ru_stime, sum(cpu.values())),
            "lines": lines, "last": last, "hash": digest.hexdigest(),
            "status": os.waitstatus_to_exitcode(status)}


def _sisimai_count(m: dict) -> str:
    """The number of records the Sisimai one-liner printed (its only output line)."""
    text = m["last"].decode("ascii", "replace").strip()
    return text if text.isdigit() else "?"


def count_messages(path: Path) -> int:
    return int(path.with_suffix(".built").read_text().split()[1])


SISIMAI_RUN, COLD, WARM = "sisimai (perl)", "bouncetui cold", "bouncetui warm (cache)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "bouncetui-bench"))
    ap.add_argument("--only", choices=("maildir", "mbox"), help="run one input only")
    ap.add_argument("--maildir-size", type=int, default=12000)
    ap.add_argument("--mbox-size", type=int, default=100000)
    ap.add_argument("--jobs", type=int, default=None, help="bouncetui --jobs (default: all cores)")
    ap.add_argument("--no-sisimai", action="store_true", help="skip the Perl Sisimai run")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="rounds of runs (each: Sisimai, cold, warm); medians and spreads of N (default 3)")
    ap.add_argument("--live", action="store_true",
                    help="run the working tree's code, not a copy taken at the start")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
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
    if args.jobs:
        bouncetui += ["--jobs", str(args.jobs)]
    # This run's own files (the code copy, the cache databases): another benchmark may run beside it.
    own = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    try:
        return run_all(args, inputs, bouncetui, python, own)
    finally:
        shutil.rmtree(own, ignore_errors=True)


def run_all(args: argparse.Namespace, inputs: list[tuple[str, Path]], bouncetui: list[str], python: str,
            own: Path) -> int:
    env = None
    if not args.live:
        # The cache is emptied whenever the decoding code changes: a copy of the package keeps the
        # code fixed from the cache-filling run to the warm ones, however the tree is edited meanwhile.
        snapshot = own / "code"
        shutil.copytree(ROOT / "bouncetui", snapshot / "bouncetui", ignore=shutil.ignore_patterns("__pycache__"))
        # Byte-compiled, as an installed package is: without it every process of every run would
        # compile the package's source again (PYTHONDONTWRITEBYTECODE keeps it from being saved).
        subprocess.run([python, "-m", "compileall", "-q", str(snapshot / "bouncetui")], check=True,
                       stdout=subprocess.DEVNULL)
        env = {**os.environ, "PYTHONPATH": str(snapshot)}
    has_perl = not args.no_sisimai and shutil.which("perl") and subprocess.run(
        ["perl", "-MSisimai", "-e", "1"], capture_output=True).returncode == 0
    print("bench/scan.py: %d core(s); load average %s at the start; %d round(s) per input, each round: %s" % (
        os.cpu_count() or 0, _load(), args.repeat, ", ".join(([SISIMAI_RUN] if has_perl else []) + [COLD, WARM])))
    print("%-8s %-23s %8s %7s %8s %13s %7s %7s %7s %7s" % (
        "input", "run", "messages", "records", "median s", "spread s", "msgs/s", "CPU s", "peak MB", "first s"))
    for name, path in inputs:
        n = count_messages(path)
        db = own / ("%s.db" % name)
        plan = []
        if has_perl:
            # Sisimai reads a folder of message files, not a Maildir's root
            target = path / "cur" if path.is_dir() else path
            plan.append((SISIMAI_RUN, ["perl", "-e", SISIMAI, str(target)]))
        plan.append((COLD, bouncetui + ["--no-cache", str(path)]))
        plan.append((WARM, bouncetui + ["--db", str(db), str(path)]))
        fill = measure(bouncetui + ["--db", str(db), str(path)], env)  # fills the cache
        runs: dict[str, list[dict]] = {}
        for _ in range(args.repeat):  # interleaved: each round runs every kind once
            for run, cmd in plan:
                runs.setdefault(run, []).append(measure(cmd, env))
        report(name, n, runs, fill)
    print("load average %s at the end" % _load())
    return 0


def _load() -> str:
    return " ".join("%.2f" % x for x in os.getloadavg())


def _median(values: list[float]) -> float:
    return statistics.median(values)


def report(name: str, n: int, runs: dict[str, list[dict]], fill: dict) -> None:
    """The rows of one input: each kind's median and spread; the ratios to Sisimai; whether the
    warm runs' output was the cold runs' byte for byte."""
    medians: dict[str, dict[str, float]] = {}
    for run, ms in runs.items():
        failed = [m for m in ms if m["status"] != 0 or m["lines"] == 0]
        if failed:
            print("%-8s %-23s failed in %d of %d rounds (exit %d, %d lines of output)" % (
                name, run, len(failed), len(ms), failed[0]["status"], failed[0]["lines"]))
            continue
        seconds = [m["seconds"] for m in ms]
        med = medians[run] = {key: _median([m[key] for m in ms]) for key in ("seconds", "cpu", "peak_mb", "first")}
        records = str(ms[0]["lines"]) if run != SISIMAI_RUN else _sisimai_count(ms[0])
        print("%-8s %-23s %8d %7s %8.2f %13s %7.0f %7.1f %7.0f %7.2f" % (
            name, run, n, records, med["seconds"], "%.2f-%.2f" % (min(seconds), max(seconds)),
            n / med["seconds"], med["cpu"], med["peak_mb"], med["first"]))
    base = runs.get(SISIMAI_RUN)
    if base and SISIMAI_RUN in medians:
        for run in (COLD, WARM):
            if run not in medians:
                continue
            rounds = [s["seconds"] / m["seconds"] for s, m in zip(base, runs[run])]
            print("%-8s %-23s %.1fx Sisimai's throughput (median; rounds %.1fx-%.1fx), %.1fx by CPU time" % (
                name, run, medians[SISIMAI_RUN]["seconds"] / medians[run]["seconds"], min(rounds), max(rounds),
                medians[SISIMAI_RUN]["cpu"] / medians[run]["cpu"]))
    outputs = {m["hash"] for run in (COLD, WARM) for m in runs.get(run, [])} | {fill["hash"]}
    print("%-8s %-23s %s" % (name, "outputs", "every bouncetui run wrote the same bytes" if len(outputs) == 1
                             else "DIFFER: %d distinct outputs among the bouncetui runs" % len(outputs)))


if __name__ == "__main__":
    sys.exit(main())
