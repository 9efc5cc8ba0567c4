"""The help screen: every binding, with the keys in effect (after keys.toml), by screen."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from bouncetui.tui.keys import binding_sections, describe, keys_path
from bouncetui.tui.widgets.footer import KeyFooter

QUERY_HELP = (
    ("tanak@docomo", "free text: fuzzy recipient search (typos allowed, best matches first)"),
    ("reason:filtered,blocked", "a field; a comma gives alternatives"),
    ("domain: status:5.7 code:55", "destination (and subdomains), status class, reply code prefix"),
    ("action: decodedby: rhost:", "more fields: to: from: subject: messageid: origin: note:"),
    ("hard  soft  marked", "hard or soft bounces, the marked rows (also: backscatter)"),
    ("state:new,investigating", "triage state: new investigating resolved suppress ignore"),
    ("since:2026-11-01 until:7d", "dates (2026-11-30, 2026-11-30T09:30) or ages (12h, 7d, 2w)"),
    ("-reason:vacation -example", "a leading - negates; negated text is a substring test of every field"),
    ("→ or End", "accepts the completion the bar offers (field names, then values)"),
)


class HelpScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Back", id="help.back"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        with VerticalScroll(id="help-view"):
            yield Static(self.help_text(), id="help-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Help · keys"
        self.query_one("#help-view").focus()

    def help_text(self) -> Table:
        keymap = dict(getattr(self.app, "keymap_config", {}) or {})
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in binding_sections():
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description, _id in describe(bindings, keymap):
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        table.add_row(Text("Filter queries", style="bold underline"), "")
        for example, meaning in QUERY_HELP:
            table.add_row(Text(example), Text(meaning))
        table.add_row("", "")
        table.add_row(Text("Remap keys", style="bold underline"), "")
        table.add_row(Text("file"), Text(keys_path()))
        table.add_row(Text("example"), Text('[keys]  "main.filter" = "slash,f"'))
        table.add_row(Text("ids"), Text("main.filter, main.mark, list.down, ... (every id: bouncetui open --list-keys)"))
        return table

    def action_scroll(self, where: str) -> None:
        view = self.query_one("#help-view", VerticalScroll)
        (view.scroll_down if where == "down" else view.scroll_up)(animate=False)
