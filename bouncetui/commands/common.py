"""What the sub-commands share: exit codes, messages on stderr, missing paths, the output file.

Every command exits 0 when done, 1 on a usage error, 2 when a path it was given does not exist and
3 when the database cannot be used (the commands that use it). Messages go to stderr as
"bouncetui: ..." and usage errors as "bouncetui COMMAND: error: ...", like argparse's own. The mail
is only ever read: an --output inside what a command reads is a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from bouncetui.store.options import EXIT_STORE

EXIT_DONE = 0
EXIT_USAGE = 1
EXIT_MISSING = 2
__all__ = ["EXIT_DONE", "EXIT_MISSING", "EXIT_STORE", "EXIT_USAGE", "add_jobs_argument", "default_format",
           "output", "report_missing", "usage_error", "warn", "writes_into"]


def warn(message: object) -> None:
    """One line on stderr: "bouncetui: message"."""
    print("bouncetui: %s" % message, file=sys.stderr)


def usage_error(command: str, message: str) -> int:
    """Say what is wrong with the command line, as argparse does; return EXIT_USAGE."""
    print("bouncetui %s: error: %s" % (command, message), file=sys.stderr)
    return EXIT_USAGE


def report_missing(paths: Iterable[str]) -> bool:
    """Name on stderr every path that does not exist ("-", standard input, always does); True if
    there was one."""
    missing = [path for path in paths if path != "-" and not os.path.exists(path)]
    for path in missing:
        warn("%s: no such file or directory" % path)
    return bool(missing)


def default_format(args: argparse.Namespace) -> str:
    """--format, else a table for a person at a terminal and JSON Lines for anything else."""
    return args.format or ("table" if args.output is None and sys.stdout.isatty() else "jsonl")


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    """-j/--jobs N: the processes that decode mail (default: one per core)."""
    parser.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="decode on N processes (default: one per core); the output order is the "
                             "same for any N")


def _jobs(text: str) -> int:
    value = int(text) if text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError("takes a whole number of at least 1, not %r" % text)
    return value


def writes_into(output: str | None, paths: Iterable[str]) -> bool:
    """True if the --output file is one of `paths` or lies under one of them: writing it would
    change the mail (or the logs) being read."""
    if not output:
        return False
    target = os.path.realpath(output)
    for path in paths:
        if path == "-":
            continue
        source = os.path.realpath(path)
        if target == source or target.startswith(source.rstrip(os.sep) + os.sep):
            return True
    return False


@contextlib.contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """The file --output names (UTF-8, closed afterwards), else standard output."""
    if not path:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out
