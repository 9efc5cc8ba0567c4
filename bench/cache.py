#!/usr/bin/env python3
"""The index cache: time to scan a directory without the cache, cold, warm, and after renames.

    .venv/bin/python bench/cache.py [PATH] [--copies N] [--jobs N]

PATH (default: sample_mail, else ../shared/corpus/sisimai) is copied into a temporary Maildir
(`--copies N` times, each copy's messages made distinct by one added header so the cache cannot
share their records), and scanned through the store API with a temporary database:

  no cache        every message decoded, nothing stored
  cold            an empty database: every message decoded and stored
  warm            nothing changed: records from the cache, no message read
  flags renamed   every message renamed :2,S -> :2,RS: matched by unique name, none read
  touched         every message's mtime changed: read and hashed, none decoded

Prints seconds and messages per second for each. A benchmark prints figures; it never fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bouncetui.sources import FileEntry, iter_files, read_file  # noqa: E402
from bouncetui.store import Store  # noqa: E402


def default_path() -> Path:
    for candidate in (ROOT / "sample_mail", ROOT.parent / "shared" / "corpus" / "sisimai"):
        if candidate.is_dir():
            return candidate
    sys.exit("no PATH given and neither sample_mail/ nor ../shared/corpus/sisimai is there")


def build(source: Path, target: Path, copies: int) -> int:
    """A Maildir of every message under `source`, `copies` times; the number of messages."""
    (target / "cur").mkdir(parents=True)
    (target / "new").mkdir()
    messages = []
    for entry in iter_files(str(source)):
        if isinstance(entry, FileEntry):
            try:
                messages.extend(m.data for m in read_file(entry.path))
            except Exception:  # an unreadable sample: not what this measures
                continue
    n = 0
    for copy in range(copies):
        for data in messages:
            n += 1
            name = "%d.M%dP%d.bench:2,S" % (1_790_000_000 + n, n, copy)
            (target / "cur" / name).write_bytes(b"X-Bench-Copy: %d\n" % copy + data)
    return n


def timed(label: str, store: Store, path: str, messages: int, **options) -> None:
    start = time.perf_counter()
    count = sum(1 for _ in store.scan([path], **options))
    seconds = time.perf_counter() - start
    print("%-14s %8.3f s  %9.0f messages/s  (%d records and errors)"
          % (label, seconds, messages / seconds if seconds else 0, count))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=None)
    parser.add_argument("--copies", type=int, default=1, help="copies of every message (default 1)")
    parser.add_argument("--jobs", type=int, default=1, help="decoding processes (default 1)")
    args = parser.parse_args()
    source = args.path or default_path()
    with tempfile.TemporaryDirectory(prefix="bouncetui-bench-") as tmp:
        maildir = Path(tmp) / "Maildir"
        messages = build(source, maildir, args.copies)
        db = Path(tmp) / "bench.db"
        print("%s: %d messages (%d cop%s), jobs=%d" % (source, messages, args.copies,
                                                       "y" if args.copies == 1 else "ies", args.jobs))
        with Store(db) as store:
            timed("no cache", store, str(maildir), messages, use_cache=False, jobs=args.jobs)
            timed("cold", store, str(maildir), messages, jobs=args.jobs)
            timed("warm", store, str(maildir), messages, jobs=args.jobs)
            cur = maildir / "cur"
            for name in os.listdir(cur):
                os.rename(cur / name, cur / name.replace(":2,S", ":2,RS"))
            timed("flags renamed", store, str(maildir), messages, jobs=args.jobs)
            for name in os.listdir(cur):
                os.utime(cur / name, (1_800_000_000, 1_800_000_000))
            timed("touched", store, str(maildir), messages, jobs=args.jobs)
        print("database: %.1f MB" % (db.stat().st_size / 1e6))


if __name__ == "__main__":
    main()
