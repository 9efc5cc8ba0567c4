"""The mail log screen: every failure the logs recorded, whether a bounce came back for it
(returned) or not (silent), with the log line. `f` shows only the silent ones; Enter goes back to
the bounce list filtered to that recipient."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from bouncetui.tui.columns import COLUMNS, Column
from bouncetui.tui.maillog_view import LogView, link_text
from bouncetui.tui.records import RecordSet
from bouncetui.tui.widgets.bounce_list import BounceList, ListHeader
from bouncetui.tui.widgets.footer import KeyFooter


def log_columns(view: LogView) -> tuple[Column, ...]:
    links = view.by_log_token

    def get(attr: str):
        return lambda r: str(getattr(links[r.token].record, attr, "")) if r.token in links else ""

    def outcome(r) -> str:
        return links[r.token].outcome if r.token in links else ""

    by_key = {c.key: c for c in COLUMNS}
    return (
        by_key["date"],
        by_key["recipient"],
        Column("log", "LOG", 8, 0, 1, get("logstatus"), get("logstatus")),
        Column("outcome", "OUTCOME", 8, 0, 1, outcome, outcome),
        by_key["reason"],
        by_key["status"],
        Column("queue", "QUEUE ID", 12, 0, 5, get("queueid"), get("queueid")),
        by_key["rhost"],
    )


class LogList(BounceList):
    """The log records' list: Enter goes to the bounces of the address."""

    BINDINGS = [Binding("enter", "select", "Its bounces", id="maillog.select")]


class MaillogScreen(Screen[str | None]):
    BINDINGS = [
        Binding("escape,q,m", "dismiss(None)", "Back", id="maillog.back"),
        Binding("f", "toggle_silent", "Silent only", id="maillog.silent"),
    ]

    def __init__(self, view: LogView) -> None:
        super().__init__()
        self.view = view
        self.silent_only = False
        self.log_records = RecordSet()
        self.log_records.add(link.record.bounce for link in view.links)

    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        self.log_list = LogList(self.log_records, columns=log_columns(self.view), id="log-list")
        yield ListHeader(self.log_list, id="log-header")
        yield self.log_list
        with VerticalScroll(id="log-detail"):
            yield Static(Text(""), id="log-detail-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_rows()
        self.log_list.focus()

    def show_rows(self) -> None:
        links = self.view.by_log_token
        rows = [i for i, r in enumerate(self.log_records.records)
                if not self.silent_only or links[r.token].outcome == "silent"]
        self.log_list.set_shown(rows)
        what = "silent failures" if self.silent_only else "failures"
        self.title = "Mail log · %d %s (%d silent) · %d lines read" % (
            len(rows), what, self.view.silent, self.view.lines)
        self.show_current()

    def show_current(self) -> None:
        index = self.log_list.current
        body = self.query_one("#log-detail-body", Static)
        if index is None:
            body.update(Text("No failures in the logs." if not self.silent_only else "No silent failures.",
                             style="italic"))
            return
        record = self.log_records[index]
        body.update(link_text(self.view.by_log_token[record.token], heading=record.recipient))

    @on(BounceList.CursorMoved)
    def _moved(self) -> None:
        self.show_current()

    @on(BounceList.Selected)
    def _selected(self, event: BounceList.Selected) -> None:
        self.dismiss("to:%s" % self.log_records[event.index].recipient)

    def action_toggle_silent(self) -> None:
        self.silent_only = not self.silent_only
        self.show_rows()
