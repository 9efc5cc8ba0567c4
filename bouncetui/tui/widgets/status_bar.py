"""The status bar: total, shown, marked, errors, the active filter and the scan's state."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget


@dataclass
class Status:
    total: int = 0
    shown: int = 0
    marked: int = 0
    errors: int = 0
    filter: str = ""
    scan: str = ""
    sort: str = ""
    log: str = ""


class StatusBar(Widget):
    """One line at the bottom of the main screen."""

    DEFAULT_CSS = "StatusBar { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.status = Status()

    def update_status(self, **changes: object) -> None:
        for key, value in changes.items():
            setattr(self.status, key, value)
        self.refresh()

    def render(self) -> Text:
        s = self.status
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" %s" % s.scan if s.scan else " ", style="bold")
        text.append("  %d total" % s.total)
        text.append(" · %d shown" % s.shown)
        if s.marked:
            text.append(" · %d marked" % s.marked, style="bold")
        if s.errors:
            text.append(" · %d error%s" % (s.errors, "" if s.errors == 1 else "s"), style="bold red")
        if s.log:
            text.append(" · " + s.log)
        if s.sort:
            text.append(" · sort %s" % s.sort)
        if s.filter:
            text.append(" · filter: ")
            text.append(s.filter, style="italic")  # the user's own text, as plain Text
        return text
