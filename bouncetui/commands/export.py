"""Export the bounces under PATH with their triage state and note, as CSV or JSON Lines: one row per
record, duplicate reports (the same token from several messages) collapsed into one row whose
`origins` lists them all. --filter selects records with the query language of the explorer's
filter bar, e.g. 'reason:userunknown domain:docomo.ne.jp hard -state:ignore' (see
`bouncetui export --filter-help`).

With --suppression, writes instead one line per address to stop mailing (address, reason, last,
count, rule): every hard bounce; every address with a record in triage state suppress; reasons
the catalog says to act on at once (a complaint); and soft bounces that persist, at least N
reports of a reason whose first and last are D days apart or more (N and D: the catalog's advice
per reason, else 3 and 14; --soft-threshold and --span-days override them). Backscatter, records
triaged "ignore", and delay notices never list an address.

Records come through the cache, like `scan`. Exit 0 when done, 1 on a usage error (a bad
--filter), 2 when a path does not exist, 3 when the database cannot be used."""

from __future__ import annotations

import argparse
import os
import sys

from bouncetui import limits
from bouncetui import query as query_module
from bouncetui.classify import backscatter
from bouncetui.export import EXPORT_FORMATS, suppression_list, write_export, write_suppression
from bouncetui.model import Bounce, ScanError
from bouncetui.query import QueryError, parse, select
from bouncetui.store import StoreError
from bouncetui.store import options as store_options
from bouncetui.textsafe import one_line

NAME = "export"
HELP = "export records with their triage (csv, jsonl), or a suppression list"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="mail to export; - reads standard input")
    parser.add_argument("-f", "--format", choices=EXPORT_FORMATS, default="csv", help="output format (default: csv)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--filter", metavar="QUERY", default="", help="only the records matching QUERY")
    parser.add_argument("--filter-help", action="store_true", help="print the query language and exit")
    parser.add_argument("--suppression", action="store_true", help="write the suppression list instead")
    parser.add_argument("--soft-threshold", type=int, metavar="N", default=None,
                        help="with --suppression: soft bounces of one reason that list an address")
    parser.add_argument("--span-days", type=int, metavar="D", default=None,
                        help="with --suppression: days the soft bounces must span at least")
    parser.add_argument("--own-domain", action="append", default=[], metavar="DOMAIN",
                        help="a domain you send from (repeatable); reports about mail from other domains "
                             "are backscatter (default: inferred from the mail)")
    store_options.add_arguments(parser, no_cache=True)
    limits.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.filter_help:
        print(query_module.__doc__)
        return 0
    if not args.paths:
        print("bouncetui export: error: give at least one PATH", file=sys.stderr)
        return 1
    missing = [p for p in args.paths if p != "-" and not os.path.exists(p)]
    for path in missing:
        print("bouncetui: %s: no such file or directory" % path, file=sys.stderr)
    if missing:
        return 2
    try:
        query = parse(args.filter)
    except QueryError as exc:
        print("bouncetui: --filter: %s" % exc, file=sys.stderr)
        return 1
    try:
        store = store_options.open_store(args)
    except StoreError as exc:
        store_options.report(exc)
        return store_options.EXIT_STORE
    try:
        records = []
        items = store.scan(args.paths, use_cache=not args.no_cache, jobs=None, limits=limits.from_args(args))
        for item in backscatter.mark(items, args.own_domain):
            if isinstance(item, ScanError):
                print("bouncetui: %s" % one_line(item), file=sys.stderr)
            elif isinstance(item, Bounce):
                records.append(item)
        triage = store.triage(r.token for r in records)
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
        try:
            if args.suppression:
                entries = suppression_list(select(records, triage, query), triage,
                                           soft_threshold=args.soft_threshold, span_days=args.span_days)
                count = write_suppression(entries, out, args.format)
            else:
                count = write_export(records, triage, out, args.format, query=query)
        finally:
            if args.output:
                out.close()
    except StoreError as exc:
        store_options.report(exc)
        return store_options.EXIT_STORE
    finally:
        for warning in store.warnings:
            print("bouncetui: %s" % warning, file=sys.stderr)
        store.close()
    print("bouncetui: %d %s" % (count, "address(es)" if args.suppression else "row(s)"), file=sys.stderr)
    return 0
