#!/usr/bin/env python3
"""Scan throughput, peak memory and time to first record, beside Sisimai on the same input.

Builds (once, under --workdir) a Maildir of about 12,000 messages and an mbox of about 100,000 by
replicating ../shared/corpus/sisimai and sample_mail/, then runs in one go:

  bouncetui scan --no-cache        cold: every message decoded
  bouncetui scan (cache warm)      the second run over an unchanged Maildir
  perl -MSisimai ...               Debian's libsisimai-perl, when installed

and prints messages per second, peak resident memory, time to the first record, and the ratios.
A benchmark prints figures; it never passes or fails.

  python3 bench/scan.py                     # both inputs
  python3 bench/scan.py --only maildir --jobs 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
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


def build_maildir(target: Path, seeds: list[bytes], count: int) -> Path:
    if (target / "cur").is_dir() and len(os.listdir(target / "cur")) == count:
        return target
    shutil.rmtree(target, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        (target / sub).mkdir(parents=True)
    for i in range(count):
        name = "%d.M%dP%d.bench.example:2,S" % (1764000000 + i, i, os.getpid())
        (target / "cur" / name).write_bytes(seeds[i % len(seeds)])
    return target


def build_mbox(target: Path, seeds: list[bytes], count: int) -> Path:
    if target.is_file() and target.stat().st_size > 0 and target.with_suffix(".count").is_file() \
            and target.with_suffix(".count").read_text().strip() == str(count):
        return target
    with open(target, "wb") as fh:
        for i in range(count):
            body = seeds[i % len(seeds)]
            body = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in body.split(b"\n"))
            fh.write(b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026\n" + body.rstrip(b"\n") + b"\n\n")
    target.with_suffix(".count").write_text(str(count))
    return target


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run `cmd`; wall seconds, peak RSS (MB) of the process tree's largest member, first line time."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    first = None
    lines = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if first is None:
            first = time.perf_counter() - started
        lines += 1
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    # ru_maxrss of wait4 covers this child; worker processes it spawned are in RUSAGE_CHILDREN of it
    return {"seconds": elapsed, "peak_mb": usage.ru_maxrss / 1024, "first": first or elapsed,
            "lines": lines, "status": os.waitstatus_to_exitcode(status)}


def count_messages(path: Path) -> int:
    if path.is_dir():
        return len(os.listdir(path / "cur"))
    return int(path.with_suffix(".count").read_text())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "bouncetui-bench"))
    ap.add_argument("--only", choices=("maildir", "mbox"), help="run one input only")
    ap.add_argument("--maildir-size", type=int, default=12000)
    ap.add_argument("--mbox-size", type=int, default=100000)
    ap.add_argument("--jobs", type=int, default=None, help="bouncetui --jobs (default: all cores)")
    ap.add_argument("--no-sisimai", action="store_true", help="skip the Perl Sisimai run")
    args = ap.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    seeds = seed_messages()
    inputs = []
    if args.only in (None, "maildir"):
        inputs.append(("maildir", build_maildir(work / "maildir", seeds, args.maildir_size)))
    if args.only in (None, "mbox"):
        inputs.append(("mbox", build_mbox(work / "mbox", seeds, args.mbox_size)))
    bouncetui = [sys.executable, "-m", "bouncetui", "scan", "--format", "jsonl"]
    if args.jobs:
        bouncetui += ["--jobs", str(args.jobs)]
    has_perl = not args.no_sisimai and shutil.which("perl") and subprocess.run(
        ["perl", "-MSisimai", "-e", "1"], capture_output=True).returncode == 0
    print("%-8s %-26s %9s %8s %10s %9s %9s" % ("input", "run", "messages", "seconds", "msgs/s", "peak MB", "first s"))
    for name, path in inputs:
        n = count_messages(path)
        db = work / ("%s.db" % name)
        if db.exists():
            db.unlink()
        runs = {}
        runs["bouncetui cold"] = measure(bouncetui + ["--no-cache", str(path)])
        if name == "maildir":
            measure(bouncetui + ["--db", str(db), str(path)])  # fills the cache
            runs["bouncetui warm (cache)"] = measure(bouncetui + ["--db", str(db), str(path)])
        if has_perl:
            # Sisimai reads a folder of message files, not a Maildir's root
            target = path / "cur" if path.is_dir() else path
            runs["sisimai (perl)"] = measure(["perl", "-e", SISIMAI, str(target)])
        for run, m in list(runs.items()):
            if m["status"] != 0 or m["lines"] == 0:
                print("%-8s %-26s failed (exit %d, %d lines of output)" % (name, run, m["status"], m["lines"]))
                del runs[run]
                continue
            print("%-8s %-26s %9d %8.2f %10.0f %9.0f %9.2f" % (
                name, run, n, m["seconds"], n / m["seconds"], m["peak_mb"], m["first"]))
        if "sisimai (perl)" in runs:
            base = runs["sisimai (perl)"]["seconds"]
            for run, m in runs.items():
                if run.startswith("bouncetui"):
                    print("%-8s %-26s %.1fx Sisimai's throughput" % (name, run, base / m["seconds"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
