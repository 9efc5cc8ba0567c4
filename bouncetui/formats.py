"""Writing rows: JSON Lines, JSON, CSV and an aligned table for a person.

One set of writers serves every command that prints rows (scan, export, maillog), so the formats
agree: JSON keeps each row's own key order and its true/false; CSV has a header of the fields
and writes booleans as 1/0 and lists one item per line. JSON Lines of records (fields in the order
of model.FIELD_NAMES) is the stable contract scripts and ../shared/tools/score.py read. The table
fits the terminal's width, cuts long fields with an ellipsis and neutralises control characters
(see textsafe).
"""

from __future__ import annotations

import json
import operator
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from bouncetui.model import FIELD_NAMES, Bounce
from bouncetui.textsafe import one_line

FORMATS = ("jsonl", "json", "csv", "table")
Column = tuple[str, Callable[[Any], str], int, int]  # title, row -> text, minimum width, share of the spare
Layout = list[tuple[Column, int]]  # each column with its width

# What a person sees for a record whose report names no recipient (a complaint report that
# redacts it): the record is listed, and says so rather than showing an empty cell.
NOT_STATED = "(not stated)"


def shown_recipient(record: Bounce) -> str:
    """The recipient as a person reads it in a list: NOT_STATED when the report names none."""
    return record.recipient or NOT_STATED


def hard_soft(record: Bounce) -> str:
    """The H/S cell: "cmpl" for a complaint, "-" where hard or soft means nothing (an auto-reply,
    a delivery, a delay that is still being retried), else "hard" or "soft"."""
    if record.reason == "feedback":
        return "cmpl"
    if record.reason in ("vacation", "delivered") or record.action == "delayed":
        return "-"
    return "hard" if record.hardbounce else "soft"


# The table of records: (title, record -> text, minimum width, share of the spare width)
TABLE_COLUMNS: tuple[Column, ...] = (
    ("DATE", lambda r: local_date(r.timestamp, r.timezoneoffset), 16, 0),
    ("RECIPIENT", shown_recipient, 22, 3),
    ("REASON", lambda r: r.reason, 15, 0),
    ("H/S", hard_soft, 4, 0),
    ("STATUS", lambda r: r.deliverystatus, 6, 0),
    ("CODE", lambda r: r.replycode, 4, 0),
    ("DECODED BY", lambda r: r.decodedby, 10, 0),
    ("DIAGNOSTIC", lambda r: r.diagnosticcode, 10, 4),
)


def local_date(timestamp: int, offset: str) -> str:
    """"2026-11-25 10:00" in the record's own time zone."""
    try:
        sign = -1 if offset.startswith("-") else 1
        seconds = sign * (int(offset[1:3]) * 3600 + int(offset[3:5]) * 60)
    except (ValueError, IndexError):
        seconds = 0
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(timestamp + seconds))


def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    """Terminal cells `text` takes: wide (East Asian) characters count two."""
    return sum(_cells(ch) for ch in text)


def fit(text: str, width: int) -> str:
    """Cut `text` to `width` terminal cells (wide characters count two), padded with spaces."""
    text = one_line(text)
    used = display_width(text)
    if used <= width:
        return text + " " * (width - used)
    out, used = [], 0
    for ch in text:
        w = _cells(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def csv_value(value: Any) -> Any:
    """A field as CSV writes it: booleans as 1 and 0, lists one item per line."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple)):
        return "\n".join(str(item) for item in value)
    return value


def write_jsonl_rows(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    """One compact JSON object per line, keys in each dict's order; returns the number of rows."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        n += 1
    return n


def write_json_rows(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    """A JSON array, written as the rows come (no list kept in memory)."""
    n = 0
    out.write("[")
    for row in rows:
        out.write(",\n " if n else "\n ")
        out.write(json.dumps(row, ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def write_csv_rows(rows: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] = ()) -> int:
    """A header of `fields`, then one line per row (see csv_value); keys not in `fields` are left out."""
    import csv  # here: JSON Lines, what a rescan mostly writes, needs neither csv nor shutil

    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({key: csv_value(value) for key, value in row.items()})
        n += 1
    return n


# The machine-readable formats, for any rows of plain dicts: (rows, out, fields) -> row count.
ROW_WRITERS = {"jsonl": write_jsonl_rows, "json": write_json_rows, "csv": write_csv_rows}


def layout(columns: Sequence[Column], total: int, keep: int = 3) -> Layout:
    """(column, width) pairs that fit `total` cells: the last columns beyond the first `keep` are
    dropped on a narrow terminal, and the spare width goes to the columns with a share of it."""
    columns = list(columns)
    while len(columns) > keep and sum(c[2] for c in columns) + 2 * (len(columns) - 1) > total:
        columns.pop()
    spare = max(0, total - sum(c[2] for c in columns) - 2 * (len(columns) - 1))
    shares = sum(c[3] for c in columns) or 1
    return [(c, c[2] + spare * c[3] // shares) for c in columns]


def table_lines(rows: Iterable[Any], columns: Layout) -> Iterator[str]:
    """The title line, then one line per row, each cell cut or padded to its column's width."""
    yield "  ".join(fit(c[0], w) for c, w in columns).rstrip()
    for row in rows:
        yield "  ".join(fit(c[1](row), w) for c, w in columns).rstrip()


def write_table_rows(rows: Iterable[Any], out: IO[str], columns: Layout) -> int:
    """The table of `rows`; returns the number of rows (the title line not counted)."""
    n = -1
    for n, line in enumerate(table_lines(rows, columns)):
        out.write(line + "\n")
    return max(n, 0)


def terminal_width(minimum: int) -> int:
    """The terminal's width (120 when there is none), at least `minimum`."""
    import shutil

    return max(shutil.get_terminal_size((120, 24)).columns, minimum)


# -- records (scan, the explorer's save) --------------------------------------------------------------


# A record's JSON line written field by field (what json.dumps writes for its to_dict(), in a third
# of the time: a rescan from the cache spends most of its time writing lines).
_KEYS = tuple(('{"%s":' if i == 0 else ',"%s":') % json.encoder.encode_basestring(name)[1:-1]
              for i, name in enumerate(FIELD_NAMES))
_VALUES = operator.attrgetter(*FIELD_NAMES)
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: json.encoder.encode_basestring,
    bool: lambda value: "true" if value else "false",
    int: int.__repr__,
}
# The fields a scan sets (origin and position first, backscatter last) and those the cache keeps
# between them, as one piece of text (see line_head, record_middle, LINE_ENDS).
assert FIELD_NAMES[:2] == ("origin", "position") and FIELD_NAMES[-1] == "backscatter"
_MIDDLE_KEYS = _KEYS[2:-1]
_MIDDLE_VALUES = operator.attrgetter(*FIELD_NAMES[2:-1])
LINE_ENDS = (_KEYS[-1] + "false}\n", _KEYS[-1] + "true}\n")  # by the record's backscatter


def record_line(record: Bounce) -> str:
    """The record's JSON Lines line, newline included: json.dumps(record.to_dict(),
    ensure_ascii=False, separators=(",", ":")) + "\n"."""
    try:
        return "".join([key + _SCALARS[type(value)](value) for key, value in zip(_KEYS, _VALUES(record))]) + "}\n"
    except KeyError:  # a field of another type: the general encoder
        return json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def line_head(origin: str, position: int) -> str:
    """The start of a record's JSON Lines line, up to its position: '{"origin":"...","position":1'."""
    return _KEYS[0] + _encode(origin) + _KEYS[1] + _encode(position)


def record_middle(record: Bounce) -> str:
    """The part of the record's line between its position and its backscatter (',"timestamp":...'):
    line_head(origin, position) + record_middle(record) + LINE_ENDS[backscatter] == record_line(record)."""
    try:  # as record_line: most records hold only strings, booleans and integers
        return "".join([key + _SCALARS[type(value)](value) for key, value in zip(_MIDDLE_KEYS, _MIDDLE_VALUES(record))])
    except KeyError:
        return "".join([key + _encode(value) for key, value in zip(_MIDDLE_KEYS, _MIDDLE_VALUES(record))])


_TAILS = (_KEYS[-1] + "false", _KEYS[-1] + "true")


def record_tail(record: Bounce, backscatter: bool) -> str:
    """The record's line after its position, without the closing brace and newline, with the given
    backscatter: line_head(origin, position) + record_tail(record, b) + "}\\n" is its line."""
    return record_middle(record) + _TAILS[backscatter]


def _encode(value: Any) -> str:
    """One value as json.dumps writes it inside a record's line."""
    scalar = _SCALARS.get(type(value))
    if scalar is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return scalar(value)


def write_jsonl(records: Iterable[Any], out: IO[str]) -> int:
    """One line per record; records may also come as groups that write their own lines
    (`jsonl()` -> (lines, count): the cached text of store.records.CachedLines)."""
    n = 0
    write, writelines = out.write, out.writelines
    for record in records:
        if isinstance(record, Bounce):
            write(record_line(record))
            n += 1
        else:
            lines, count = record.jsonl()
            writelines(lines)
            n += count
    return n


def write_json(records: Iterable[Bounce], out: IO[str]) -> int:
    return write_json_rows((record.to_dict() for record in records), out)


def write_csv(records: Iterable[Bounce], out: IO[str]) -> int:
    return write_csv_rows((record.to_dict() for record in records), out, FIELD_NAMES)


def write_table(records: Iterable[Bounce], out: IO[str], width: int | None = None) -> int:
    total = terminal_width(60) if width is None else max(width, 60)
    return write_table_rows(records, out, layout(TABLE_COLUMNS, total))


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv, "table": write_table}
