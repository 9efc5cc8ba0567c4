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
--filter, an --output inside the mail read), 2 when a path does not exist, 3 when the database
cannot be used."""

from __future__ import annotations

import argparse

from bouncetui import limits
from bouncetui import query as query_module
from bouncetui.classify import backscatter
from bouncetui.commands.common import (
    EXIT_DONE,
    EXIT_MISSING,
    EXIT_STORE,
    add_jobs_argument,
    output,
    report_missing,
    usage_error,
    warn,
    writes_into,
)
from bouncetui.export import EXPORT_FORMATS, suppression_list, write_export, write_suppression
from bouncetui.model import Bounce, ScanError
from bouncetui.query import QueryError, parse, select
from bouncetui.store import Store, StoreError
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
    add_jobs_argument(parser)
    store_options.add_arguments(parser, no_cache=True)
    limits.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.filter_help:
        print(query_module.__doc__)
        return EXIT_DONE
    if not args.paths:
        return usage_error(NAME, "give at least one PATH")
    if report_missing(args.paths):
        return EXIT_MISSING
    if writes_into(args.output, args.paths):
        return usage_error(NAME, "--output %s is inside the mail being read; choose a file elsewhere" % args.output)
    try:
        query = parse(args.filter)
    except QueryError as exc:
        return usage_error(NAME, "--filter: %s" % exc)
    store = store_options.open_or_report(args)
    if store is None:
        return EXIT_STORE
    try:
        records = read_records(store, args)
        triage = store.triage(r.token for r in records)
        with output(args.output) as out:
            if args.suppression:
                entries = suppression_list(select(records, triage, query), triage,
                                           soft_threshold=args.soft_threshold, span_days=args.span_days)
                count = write_suppression(entries, out, args.format)
            else:
                count = write_export(records, triage, out, args.format, query=query)
    except StoreError as exc:
        store_options.report(exc)
        return EXIT_STORE
    finally:
        store_options.close(store)
    warn("%d %s" % (count, "address(es)" if args.suppression else "row(s)"))
    return EXIT_DONE


def read_records(store: Store, args: argparse.Namespace) -> list[Bounce]:
    """The records under args.paths, through the cache, backscatter marked; errors go to stderr."""
    records = []
    items = store.scan(args.paths, use_cache=not args.no_cache, jobs=args.jobs, limits=limits.from_args(args))
    for item in backscatter.mark(items, args.own_domain):
        if isinstance(item, ScanError):
            warn(one_line(item))
        elif isinstance(item, Bounce):
            records.append(item)
    return records
