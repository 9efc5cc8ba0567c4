"""A full-screen text view: the raw message (headers, MIME tree, decoded parts), the error list.

j/k, arrows, PgUp/PgDn, g/G scroll; o opens the raw message in $PAGER; Esc or q goes back.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from bouncetui.tui.widgets.footer import KeyFooter


class TextScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="text.back"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="text.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="text.up"),
        Binding("g,home", "scroll('home')", "Top", show=False, id="text.top"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, id="text.bottom"),
        Binding("o", "open", "Open in $PAGER", id="text.pager"),
    ]

    def __init__(self, title: str, text: Text, on_open: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.screen_title = title
        self.text = text
        self.on_open = on_open

    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        with VerticalScroll(id="text-view"):
            yield Static(self.text, id="text-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.screen_title
        self.query_one("#text-view").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.on_open is not None if action == "open" else True

    def action_open(self) -> None:
        if self.on_open is not None:
            self.on_open()

    def action_scroll(self, where: str) -> None:
        view = self.query_one("#text-view", VerticalScroll)
        {"down": view.scroll_down, "up": view.scroll_up, "home": view.scroll_home, "end": view.scroll_end}[where](
            animate=False)
