"""The stats screen: counts by reason, destination domain, day (local time, like the filter's
since:/until:), class (hard, soft, delay, ...) and triage state, as horizontal bars.

Each bar is a Textual widget in a ListView; Enter or a click on a bar goes back to the list
filtered by it (reason:X, domain:Y, since:DAY until:DAY).
"""

from __future__ import annotations

import time
from collections import Counter

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Label, ListItem, ListView, TabbedContent, TabPane

from bouncetui.model import Bounce
from bouncetui.textsafe import one_line
from bouncetui.tui.columns import row_class
from bouncetui.tui.widgets.footer import KeyFooter

MAX_BARS = 200
LABEL_WIDTH = 24


class Bar(Widget):
    """A horizontal bar: its length is `fraction` of the space it has."""

    DEFAULT_CSS = "Bar { width: 1fr; height: 1; }"

    def __init__(self, fraction: float) -> None:
        super().__init__()
        self.fraction = fraction

    def render(self) -> Text:
        cells = self.size.width * self.fraction
        whole = int(cells)
        text = "█" * whole + (("▌" if cells - whole >= 0.5 else "") if whole < self.size.width else "")
        return Text(text or "▏", style="bold")


class BarRow(ListItem):
    def __init__(self, label: str, count: int, top: int, term: str) -> None:
        super().__init__(classes="bar-row")
        self.label = label
        self.count = count
        self.top = top
        self.term = term

    def compose(self) -> ComposeResult:
        yield Label(Text(one_line(self.label)[:LABEL_WIDTH].ljust(LABEL_WIDTH)), classes="bar-label")
        yield Bar(self.count / self.top if self.top else 0)
        yield Label(" %d" % self.count, classes="bar-count")


def _day(record: Bounce) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(record.timestamp)) if record.timestamp else "(no date)"


def _day_term(day: str) -> str:
    return "since:%s until:%s" % (day, day) if day[0].isdigit() else ""


# row class -> the filter term that selects it
CLASS_TERMS = {"hard": "hard", "soft": "soft", "delay": "action:delayed", "complaint": "reason:feedback",
               "autoreply": "reason:vacation", "delivered": "action:delivered,relayed,expanded"}

# (tab id, title, (record, triage state) -> key, key -> filter term, order: "count" or "key")
GROUPS = (
    ("by-reason", "Reason", lambda r, s: r.reason, lambda k: "reason:%s" % k, "count"),
    ("by-domain", "Domain", lambda r, s: r.destination or "(none)", lambda k: "domain:%s" % k, "count"),
    ("by-day", "Day", lambda r, s: _day(r), _day_term, "key"),
    ("by-class", "Class", lambda r, s: row_class(r), lambda k: CLASS_TERMS.get(k, ""), "count"),
    ("by-state", "State", lambda r, s: s, lambda k: "state:%s" % k, "count"),
)


def counts(records: list[Bounce], states: dict[str, str] | None = None) -> dict[str, list[tuple[str, int]]]:
    """For each group, its (key, count) pairs in display order."""
    states = states or {}
    result = {}
    for tab, _title, key, _term, order in GROUPS:
        counter = Counter(key(r, states.get(r.token, "new")) for r in records)
        if order == "key":
            pairs = sorted(counter.items(), reverse=True)
        else:
            pairs = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        result[tab] = pairs[:MAX_BARS]
    return result


class StatsScreen(Screen[str | None]):
    """Bars by reason, domain and day for the rows the list shows."""

    BINDINGS = [
        Binding("escape,q,i", "dismiss(None)", "Back", id="stats.back"),
        Binding("left,h", "tab(-1)", "Previous tab", show=False, id="stats.prev"),
        Binding("right,l", "tab(1)", "Next tab", show=False, id="stats.next"),
        Binding("j", "cursor('down')", "Down", show=False, id="stats.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="stats.up"),
    ]

    def __init__(self, records: list[Bounce], states: dict[str, str] | None = None) -> None:
        super().__init__()
        self.records = records
        self.states = states or {}

    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        data = counts(self.records, self.states)
        with TabbedContent(id="stats-tabs"):
            for tab, title, _key, term, _order in GROUPS:
                pairs = data[tab]
                top = max((count for _k, count in pairs), default=0)
                with TabPane("%s (%d)" % (title, len(pairs)), id=tab):
                    yield ListView(*(BarRow(k, c, top, term(k)) for k, c in pairs), id="list-" + tab)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Stats · %d records (Enter filters the list)" % len(self.records)
        self.query_one("#list-by-reason", ListView).focus()

    def _active_list(self) -> ListView:
        active = self.query_one(TabbedContent).active
        return self.query_one("#list-" + active, ListView)

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [tab for tab, *_rest in GROUPS]
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]
        self._active_list().focus()

    def action_cursor(self, where: str) -> None:
        view = self._active_list()
        view.action_cursor_down() if where == "down" else view.action_cursor_up()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self) -> None:
        self._active_list().focus()

    @on(ListView.Selected)
    def _selected(self, event: ListView.Selected) -> None:
        item = event.item
        if isinstance(item, BarRow) and item.term:
            self.dismiss(item.term)
