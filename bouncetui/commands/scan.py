"""Decode every bounce under PATH (a Maildir, mbox, MH folder, directory, file or - for stdin) and
print one record per recipient per report. Unreadable messages are listed on stderr with their
origin; they do not change the exit status. Records of messages decoded before come from the
cache (see --db): only new or changed files are read; --no-cache decodes everything. Exit 0 when
the scan completed, 1 on a usage error, 2 when a path does not exist, 3 when the cache database
turned out damaged during the scan (--rebuild-cache starts it afresh)."""

from __future__ import annotations

import argparse
import os
import sys

from bouncetui import limits
from bouncetui.classify import backscatter
from bouncetui.formats import FORMATS, WRITERS
from bouncetui.model import ScanError
from bouncetui.pipeline import default_jobs, scan
from bouncetui.store import Store, StoreError
from bouncetui.store import options as store_options
from bouncetui.textsafe import one_line

NAME = "scan"
HELP = "decode bounces and print their records (jsonl, json, csv, table)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="mail to scan; - reads standard input")
    parser.add_argument("-f", "--format", choices=FORMATS, default=None,
                        help="output format (default: table on a terminal, else jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--own-domain", action="append", default=[], metavar="DOMAIN",
                        help="a domain you send from (repeatable); reports about mail from other domains "
                             "are marked backscatter (default: inferred from the scanned mail)")
    parser.add_argument("--explain-decoding", action="store_true",
                        help="instead of records, show for each one the decoder and the rule behind "
                             "every field (status, reply code, command, reason, hard/soft, backscatter)")
    parser.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="decode on N processes (default: one per core); the output order is the "
                             "same for any N")
    parser.add_argument("--dask", metavar="ADDRESS", default=None,
                        help="decode on the Dask cluster whose scheduler is at ADDRESS "
                             "(tcp://host:8786; needs bouncetui[dask] here and on the workers); "
                             "same output, the cache is not used")
    store_options.add_arguments(parser, no_cache=True)
    limits.add_arguments(parser)


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return value


def missing_paths(paths: list[str]) -> list[str]:
    return [p for p in paths if p != "-" and not os.path.exists(p)]


def open_cache(args: argparse.Namespace) -> Store | None:
    """The cache, unless --no-cache or --explain-decoding (the decoders' trace is not cached)."""
    if args.no_cache or getattr(args, "explain_decoding", False) or getattr(args, "dask", None):
        return None
    try:
        return store_options.open_store(args)
    except StoreError as exc:
        store_options.report(exc, fallback="scanning without the cache")
        return None


def run(args: argparse.Namespace) -> int:
    missing = missing_paths(args.paths)
    if missing:
        for path in missing:
            print("bouncetui: %s: no such file or directory" % path, file=sys.stderr)
        return 2
    fmt = args.format or ("table" if args.output is None and sys.stdout.isatty() else "jsonl")
    errors: list[ScanError] = []
    client = None
    if getattr(args, "dask", None) and not getattr(args, "explain_decoding", False):
        from bouncetui import distributed

        try:
            client = distributed.connect(args.dask)
        except distributed.ClusterError as exc:
            print("bouncetui: %s" % exc, file=sys.stderr)
            return 1
    store = open_cache(args)
    if getattr(args, "explain_decoding", False):
        from bouncetui.classify.explain import explained_items, write_explained

        items = explained_items(args.paths)  # one by one, so a message with no record says so
    else:
        jobs = args.jobs or default_jobs()
        within = limits.from_args(args)
        if client is not None:
            items = distributed.scan(args.paths, client, within)
        elif store:  # for JSON Lines, the cached records come as the text the cache keeps
            items = store.scan(args.paths, jobs=jobs, limits=within, text=fmt == "jsonl")
        else:  # for JSON Lines, the workers' records come as their text
            items = scan(args.paths, jobs=jobs, limits=within, text=fmt == "jsonl")

    def records():
        own = getattr(args, "own_domain", None) or ()
        for item in backscatter.mark(items, own):
            if isinstance(item, ScanError):
                errors.append(item)
                print("bouncetui: %s" % one_line(item), file=sys.stderr)
            else:
                yield item

    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if getattr(args, "explain_decoding", False):
            count = write_explained(records(), out)
        else:
            count = WRITERS[fmt](records(), out)
    except StoreError as exc:  # the database turned out damaged in the middle of the scan
        store_options.report(exc)
        return store_options.EXIT_STORE
    finally:
        if args.output:
            out.close()
        if client is not None:
            client.close()
        if store:
            for warning in store.warnings:
                print("bouncetui: %s" % warning, file=sys.stderr)
            store.close()
    if fmt == "table" or args.output:
        print("%d record(s), %d error(s)" % (count, len(errors)), file=sys.stderr)
    return 0



