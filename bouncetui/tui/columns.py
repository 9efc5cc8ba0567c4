"""The list's columns: what each shows, how it sorts, and which fit a given terminal width.

Data, not branches: a column is a row in COLUMNS. At a narrow width the columns with the highest
`priority` number are dropped first; the spare width goes to the flexible ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bouncetui.formats import hard_soft, local_date, shown_recipient
from bouncetui.model import Bounce


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    width: int  # minimum width in cells
    flex: int  # share of the spare width
    priority: int  # 0 always shown; higher numbers go first when the terminal is narrow
    value: Callable[[Bounce], str]
    sort_key: Callable[[Bounce], Any]


COLUMNS: tuple[Column, ...] = (
    Column("date", "DATE", 16, 0, 2, lambda r: local_date(r.timestamp, r.timezoneoffset), lambda r: r.timestamp),
    Column("recipient", "RECIPIENT", 18, 4, 0, shown_recipient, lambda r: r.recipient.lower()),
    Column("reason", "REASON", 15, 0, 1, lambda r: r.reason, lambda r: r.reason),
    Column("status", "STATUS", 6, 0, 3, lambda r: r.deliverystatus, lambda r: r.deliverystatus),
    Column("hs", "H/S", 4, 0, 4, hard_soft, hard_soft),
    Column("domain", "DOMAIN", 14, 1, 5, lambda r: r.destination, lambda r: r.destination.lower()),
    Column("rhost", "REMOTE HOST", 16, 1, 7, lambda r: r.rhost, lambda r: r.rhost.lower()),
    Column("subject", "SUBJECT", 14, 2, 6, lambda r: r.subject, lambda r: r.subject.lower()),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
BY_KEY = {c.key: c for c in COLUMNS}
MARK_WIDTH = 2  # the mark / triage-state glyph before the first column
SEPARATOR = 1


def layout(total: int, columns: tuple[Column, ...] | None = None) -> list[tuple[Column, int]]:
    """The columns that fit in `total` cells, in display order, with their widths."""
    columns = columns or COLUMNS
    available = max(total - MARK_WIDTH, 20)
    chosen: list[Column] = []
    used = 0
    for column in sorted(columns, key=lambda c: c.priority):
        need = column.width + (SEPARATOR if chosen else 0)
        if used + need <= available:
            chosen.append(column)
            used += need
    chosen.sort(key=columns.index)
    spare = available - used
    flex_total = sum(c.flex for c in chosen) or 1
    widths = [c.width + spare * c.flex // flex_total for c in chosen]
    leftover = available - used - sum(w - c.width for c, w in zip(chosen, widths))
    for i, column in enumerate(chosen):  # rounding leftovers go to the first flexible column
        if column.flex:
            widths[i] += leftover
            break
    return list(zip(chosen, widths))


def row_class(record: Bounce) -> str:
    """The colour class of a row: complaint, auto-reply, delay, delivered, hard or soft."""
    if record.reason == "feedback" or record.feedbacktype:
        return "complaint"
    if record.reason == "vacation":
        return "autoreply"
    if record.reason == "delivered" or record.action in ("delivered", "relayed", "expanded"):
        return "delivered"
    if record.action == "delayed":
        return "delay"
    return "hard" if record.hardbounce else "soft"


ROW_CLASSES = ("hard", "soft", "delay", "complaint", "autoreply", "delivered")
