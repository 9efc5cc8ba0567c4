"""Read Postfix, Sendmail and Exim mail logs (plain or gzip/bzip2/xz rotated; - reads standard
input) and print one record per failed, deferred, expired or rejected recipient, classified like a
bounce; --all adds the delivered ones. With --bounces PATH, each record says whether a bounce mail
under PATH came back for it, and a summary (failures, silent failures, bounce mails without a log
entry) goes to stderr. Rotated files are read oldest first; a file that cannot be read to its end
(a truncated rotation) keeps what was read and is named on stderr. --jobs and the --max-* limits
apply to decoding the bounce mail, as in `scan`. Exit 0 when done, 1 on a usage error (an
--output inside the logs or mail read, standard input mixed with files), 2 when a file does not
exist."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import IO, Any

from bouncetui import limits
from bouncetui.commands.common import (
    EXIT_DONE,
    EXIT_MISSING,
    add_jobs_argument,
    default_format,
    output,
    report_missing,
    usage_error,
    warn,
    writes_into,
)
from bouncetui.formats import (
    FORMATS,
    ROW_WRITERS,
    Column,
    layout,
    local_date,
    terminal_width,
    write_table_rows,
)
from bouncetui.maillog.reader import read_logs
from bouncetui.maillog.record import RECORD_FIELDS
from bouncetui.textsafe import one_line

NAME = "maillog"
HELP = "find failed recipients in mail logs, and correlate them with bounce mails"
LINK_FIELDS = ("correlation", "matchedby", "bouncemail")

# Table columns: (title, row -> text, minimum width, share of the spare width)
TABLE_COLUMNS: tuple[Column, ...] = (
    ("DATE", lambda row: local_date(row["timestamp"], row["timezoneoffset"]), 16, 0),
    ("LOG", lambda row: row["logstatus"], 8, 0),
    ("QUEUE ID", lambda row: row["queueid"], 16, 0),
    ("RECIPIENT", lambda row: row["recipient"], 16, 4),
    ("REASON", lambda row: row["reason"], 13, 0),
    ("DSN", lambda row: row["deliverystatus"], 6, 0),
    ("BOUNCE", lambda row: row.get("correlation", ""), 8, 0),
    ("DIAGNOSTIC", lambda row: row["diagnosticcode"], 12, 6),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="mail log files; - reads standard input")
    parser.add_argument("-f", "--format", choices=FORMATS, default=None,
                        help="output format (default: table on a terminal, else jsonl)")
    parser.add_argument("--all", action="store_true", help="also list delivered recipients")
    parser.add_argument("--bounces", metavar="PATH", action="append",
                        help="bounce mail to correlate with (a Maildir, mbox, folder or file; repeatable)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_jobs_argument(parser)  # like the limits: for the bounce mail --bounces decodes
    limits.add_arguments(parser)


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str], fields: tuple[str, ...]) -> int:
    """Write the rows (a record's dict, and the correlation's fields when correlating) in `fmt`."""
    if fmt == "table":  # every column kept: the table is as wide as its columns need
        columns = [c for c in TABLE_COLUMNS if c[0] != "BOUNCE" or "correlation" in fields]
        return write_table_rows(rows, out, layout(columns, terminal_width(80), keep=len(columns)))
    return ROW_WRITERS[fmt](rows, out, fields)


def run(args: argparse.Namespace) -> int:
    if report_missing(args.files + (args.bounces or [])):
        return EXIT_MISSING
    if writes_into(args.output, args.files + (args.bounces or [])):
        return usage_error(NAME, "--output %s is inside the logs or mail being read; choose a file elsewhere"
                           % args.output)
    if args.files.count("-") and len(args.files) > 1:
        return usage_error(NAME, "- (standard input) cannot be mixed with files")
    if "-" in (args.bounces or []):
        return usage_error(NAME, "--bounces needs a path; standard input is for the log")
    fmt = default_format(args)
    correlating = bool(args.bounces)
    scanned = read_logs(args.files, include_sent=args.all or correlating)
    for stats in scanned.files:
        if stats.error:
            warn("%s: %s (read %d line(s))" % (stats.path, stats.error, stats.lines))
    fields: tuple[str, ...] = RECORD_FIELDS
    if correlating:
        from bouncetui.maillog.correlate import correlate, scan_bounces

        bounces, keys, errors = scan_bounces(args.bounces, limits.from_args(args), jobs=args.jobs)
        for error in errors:
            warn(one_line(error))
        result = correlate(scanned.records, bounces, keys)
        rows = ({**link.record.to_dict(), "correlation": link.outcome, "matchedby": link.matchedby,
                 "bouncemail": " ".join(link.mails())}
                for link in result.links if args.all or link.record.failed)
        fields = RECORD_FIELDS + LINK_FIELDS
    else:
        rows = (record.to_dict() for record in scanned.records)
    with output(args.output) as out:
        count = write_rows(rows, fmt, out, fields)
    if fmt == "table" or args.output:
        print("%d record(s) from %d line(s); %d unknown line(s) skipped"
              % (count, scanned.lines, scanned.unknown), file=sys.stderr)
    if correlating:
        print("%d failure(s), %d silent (no bounce mail came back), %d bounce mail(s) without a log entry"
              % (result.failures, result.silent, result.orphan_mails), file=sys.stderr)
    return EXIT_DONE
