"""Small modal dialogs: pick a triage state, edit a note, choose what and where to export."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from bouncetui.tui.backend import EXPORT_FORMATS, STATES

EXTENSIONS = {"csv": "csv", "jsonl": "jsonl", "suppression": "txt"}


def _plural(n: int) -> str:
    return "%d record%s" % (n, "" if n == 1 else "s")


class StateDialog(ModalScreen[str | None]):
    """Choose a triage state; 1-5 pick directly."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")] + [
        Binding(str(n), "pick(%d)" % (n - 1), show=False) for n in range(1, len(STATES) + 1)
    ]

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Set the state of %s" % _plural(self.count), classes="dialog-title")
            yield OptionList(*(Option("%d  %s" % (n, s), id=s) for n, s in enumerate(STATES, 1)), id="states")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, n: int) -> None:
        self.dismiss(STATES[n])


class NoteDialog(ModalScreen[str | None]):
    """Write a note; Enter saves (an empty note clears it), Esc cancels."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def __init__(self, count: int, note: str = "") -> None:
        super().__init__()
        self.count = count
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Note on %s (Enter saves, Esc cancels)" % _plural(self.count), classes="dialog-title")
            yield Input(value=self.note, placeholder="e.g. asked the customer for a new address", id="note")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    scope: str  # "shown" or "marked"
    path: str


def default_export_path(fmt: str) -> str:
    stem = "bounces-suppression" if fmt == "suppression" else "bounces"
    return os.path.join(os.getcwd(), "%s-%s.%s" % (stem, time.strftime("%Y%m%d-%H%M%S"), EXTENSIONS[fmt]))


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Format, rows (shown or marked) and file name; Enter in the file name or Export writes."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def __init__(self, shown: int, marked: int) -> None:
        super().__init__()
        self.shown = shown
        self.marked = marked

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label("Export", classes="dialog-title")
            with Horizontal(classes="dialog-row"):
                with RadioSet(id="export-format"):
                    for n, (key, title) in enumerate(EXPORT_FORMATS):
                        yield RadioButton(title, value=n == 0, name=key)
                with RadioSet(id="export-scope"):
                    yield RadioButton("shown rows (%d)" % self.shown, value=not self.marked, name="shown")
                    yield RadioButton("marked rows (%d)" % self.marked, value=bool(self.marked), name="marked",
                                      disabled=not self.marked)
            yield Input(value=default_export_path("csv"), id="export-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    def _choice(self, radio_set: str) -> str:
        button = self.query_one("#%s" % radio_set, RadioSet).pressed_button
        return (button.name if button is not None else "") or ""

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = event.pressed.name or "csv"
        path = self.query_one("#export-path", Input)
        stem, _dot, _ext = path.value.rpartition(".")
        if stem:
            path.value = "%s.%s" % (stem.replace("bounces-suppression", "bounces"), EXTENSIONS[fmt])
            if fmt == "suppression":
                path.value = path.value.replace("bounces-", "bounces-suppression-", 1)

    def _go(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("Give a file name", severity="warning", markup=False)
            return
        self.dismiss(ExportRequest(self._choice("export-format") or "csv", self._choice("export-scope") or "shown", path))

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self._go()

    @on(Button.Pressed, "#export-go")
    def _pressed(self) -> None:
        self._go()

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
