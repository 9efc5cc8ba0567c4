"""Read Postfix, Sendmail and Exim mail logs (plain or gzip/bzip2/xz rotated; - reads standard
input) and print one record per failed, deferred, expired or rejected recipient, classified like a
bounce; --all adds the delivered ones. With --bounces PATH, each record says whether a bounce mail
under PATH came back for it, and a summary (failures, silent failures, bounce mails without a log
entry) goes to stderr. Rotated files are read oldest first; a file that cannot be read to its end
(a truncated rotation) keeps what was read and is named on stderr. Exit 0 when done, 1 on a usage
error, 2 when a file does not exist."""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
from collections.abc import Iterable
from typing import IO, Any

from bouncetui.formats import FORMATS, fit, local_date
from bouncetui.maillog.reader import LogScan, Reader, read_logs
from bouncetui.maillog.record import RECORD_FIELDS, LogRecord
from bouncetui.textsafe import one_line

NAME = "maillog"
HELP = "find failed recipients in mail logs, and correlate them with bounce mails"
LINK_FIELDS = ("correlation", "matchedby", "bouncemail")

Row = tuple[LogRecord, dict[str, Any]]

# Table columns: (title, row -> text, minimum width, share of the spare width)
TABLE_COLUMNS = (
    ("DATE", lambda r, x: local_date(r.bounce.timestamp, r.bounce.timezoneoffset), 16, 0),
    ("LOG", lambda r, x: r.logstatus, 8, 0),
    ("QUEUE ID", lambda r, x: r.queueid, 16, 0),
    ("RECIPIENT", lambda r, x: r.bounce.recipient, 16, 4),
    ("REASON", lambda r, x: r.bounce.reason, 13, 0),
    ("DSN", lambda r, x: r.bounce.deliverystatus, 6, 0),
    ("BOUNCE", lambda r, x: x.get("correlation", ""), 8, 0),
    ("DIAGNOSTIC", lambda r, x: r.bounce.diagnosticcode, 12, 6),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="mail log files; - reads standard input")
    parser.add_argument("-f", "--format", choices=FORMATS, default=None,
                        help="output format (default: table on a terminal, else jsonl)")
    parser.add_argument("--all", action="store_true", help="also list delivered recipients")
    parser.add_argument("--bounces", metavar="PATH", action="append",
                        help="bounce mail to correlate with (a Maildir, mbox, folder or file; repeatable)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def read(files: list[str], include_sent: bool) -> LogScan:
    if files == ["-"]:
        reader = Reader(include_sent)
        result = LogScan(files=[reader.read_lines(sys.stdin, "-")])
        result.records = reader.records()
        return result
    return read_logs(files, include_sent)


def write_rows(rows: Iterable[Row], fmt: str, out: IO[str], fields: tuple[str, ...]) -> int:
    n = 0
    if fmt == "table":
        width = max(shutil.get_terminal_size((120, 24)).columns, 80)
        columns = [c for c in TABLE_COLUMNS if c[0] != "BOUNCE" or "correlation" in fields]
        minimum = [c[2] for c in columns]
        shares = [c[3] for c in columns]
        spare = max(0, width - sum(minimum) - 2 * (len(columns) - 1))
        widths = [m + spare * s // sum(shares) for m, s in zip(minimum, shares)]
        out.write("  ".join(fit(c[0], w) for c, w in zip(columns, widths)).rstrip() + "\n")
        for record, extra in rows:
            out.write("  ".join(fit(one_line(c[1](record, extra)), w)
                                for c, w in zip(columns, widths)).rstrip() + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
        writer.writeheader()
    elif fmt == "json":
        out.write("[")
    for record, extra in rows:
        data = record.to_dict()
        data.update(extra)
        if fmt == "jsonl":
            out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        elif fmt == "json":
            out.write((",\n " if n else "\n ") + json.dumps(data, ensure_ascii=False))
        else:
            data = {k: ("1" if v else "0") if isinstance(v, bool) else v for k, v in data.items()}
            writer.writerow(data)
        n += 1
    if fmt == "json":
        out.write("\n]\n" if n else "]\n")
    return n


def run(args: argparse.Namespace) -> int:
    missing = [p for p in args.files + (args.bounces or []) if p != "-" and not os.path.exists(p)]
    if missing:
        for path in missing:
            print("bouncetui: %s: no such file or directory" % path, file=sys.stderr)
        return 2
    if args.files.count("-") and len(args.files) > 1:
        print("bouncetui: - (standard input) cannot be mixed with files", file=sys.stderr)
        return 1
    if "-" in (args.bounces or []):
        print("bouncetui: --bounces needs a path; standard input is for the log", file=sys.stderr)
        return 1
    fmt = args.format or ("table" if args.output is None and sys.stdout.isatty() else "jsonl")
    correlating = bool(args.bounces)
    scanned = read(args.files, include_sent=args.all or correlating)
    for stats in scanned.files:
        if stats.error:
            print("bouncetui: %s: %s (read %d line(s))" % (stats.path, stats.error, stats.lines), file=sys.stderr)
    fields: tuple[str, ...] = RECORD_FIELDS
    if correlating:
        from bouncetui.maillog.correlate import correlate, scan_bounces

        bounces, keys, errors = scan_bounces(args.bounces)
        for error in errors:
            print("bouncetui: %s" % one_line(error), file=sys.stderr)
        result = correlate(scanned.records, bounces, keys)
        rows: list[Row] = [
            (link.record, {"correlation": link.outcome, "matchedby": link.matchedby,
                           "bouncemail": " ".join(link.mails())})
            for link in result.links if args.all or link.record.failed]
        fields = RECORD_FIELDS + LINK_FIELDS
    else:
        rows = [(r, {}) for r in scanned.records]
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        count = write_rows(rows, fmt, out, fields)
    finally:
        if args.output:
            out.close()
    if fmt == "table" or args.output:
        print("%d record(s) from %d line(s); %d unknown line(s) skipped"
              % (count, scanned.lines, scanned.unknown), file=sys.stderr)
    if correlating:
        print("%d failure(s), %d silent (no bounce mail came back), %d bounce mail(s) without a log entry"
              % (result.failures, result.silent, result.orphan_mails), file=sys.stderr)
    return 0
