"""Writing records: JSON Lines, JSON, CSV and an aligned table for a person.

JSON Lines (one object per record, fields in the order of model.FIELD_NAMES) is the stable
contract scripts and ../shared/tools/score.py read. The table fits the terminal's width, cuts long
fields with an ellipsis and neutralises control characters (see textsafe).
"""

from __future__ import annotations

import csv
import json
import shutil
import time
import unicodedata
from collections.abc import Iterable, Iterator
from typing import IO, Any

from bouncetui.model import FIELD_NAMES, Bounce
from bouncetui.textsafe import one_line

FORMATS = ("jsonl", "json", "csv", "table")

# Table columns: (title, record -> text, minimum width, share of the spare width)
TABLE_COLUMNS = (
    ("DATE", lambda r: local_date(r.timestamp, r.timezoneoffset), 16, 0),
    ("RECIPIENT", lambda r: r.recipient, 22, 3),
    ("REASON", lambda r: r.reason, 15, 0),
    ("H/S", lambda r: "hard" if r.hardbounce else "soft", 4, 0),
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


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """Cut `text` to `width` terminal cells (wide characters count two), padded with spaces."""
    text = one_line(text)
    if display_width(text) <= width:
        return text + " " * (width - display_width(text))
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def write_jsonl(records: Iterable[Bounce], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(record.to_json())
        out.write("\n")
        n += 1
    return n


def write_json(records: Iterable[Bounce], out: IO[str]) -> int:
    """A JSON array, written as the records come (no list kept in memory)."""
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n " if n else "\n ")
        out.write(json.dumps(record.to_dict(), ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def csv_row(record: Bounce, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    row = record.to_dict()
    row["hardbounce"] = "1" if record.hardbounce else "0"
    row["backscatter"] = "1" if record.backscatter else "0"
    if extra:
        row.update(extra)
    return row


def write_csv(records: Iterable[Bounce], out: IO[str], extra_fields: tuple[str, ...] = ()) -> int:
    writer = csv.DictWriter(out, fieldnames=list(FIELD_NAMES) + list(extra_fields), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(csv_row(record))
        n += 1
    return n


def table_columns(total: int) -> list[tuple[tuple, int]]:
    """(column, width) pairs that fit `total` cells: the last columns are dropped on a narrow
    terminal, and the spare width goes to the columns with a share of it."""
    columns = list(TABLE_COLUMNS)
    while len(columns) > 3 and sum(c[2] for c in columns) + 2 * (len(columns) - 1) > total:
        columns.pop()
    spare = max(0, total - sum(c[2] for c in columns) - 2 * (len(columns) - 1))
    shares = sum(c[3] for c in columns) or 1
    return [(c, c[2] + spare * c[3] // shares) for c in columns]


def table_lines(records: Iterable[Bounce], width: int) -> Iterator[str]:
    columns = table_columns(width)
    yield "  ".join(fit(c[0], w) for c, w in columns).rstrip()
    for record in records:
        yield "  ".join(fit(c[1](record), w) for c, w in columns).rstrip()


def write_table(records: Iterable[Bounce], out: IO[str], width: int | None = None) -> int:
    if width is None:
        width = shutil.get_terminal_size((120, 24)).columns
    n = -1
    for n, line in enumerate(table_lines(records, max(width, 60))):
        out.write(line + "\n")
    return max(n, 0)


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv, "table": write_table}
