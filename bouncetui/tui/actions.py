"""The main screen's bigger actions, each opening a screen or leaving the app for a moment:
state and note dialogs, the raw view, $PAGER, the clipboard, export, stats and the error list."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from typing import TYPE_CHECKING

from rich.text import Text

from bouncetui.textsafe import one_line
from bouncetui.tui.backend import export, read_raw

if TYPE_CHECKING:
    from bouncetui.tui.screens.main import MainScreen


def choose_state(screen: MainScreen) -> None:
    from bouncetui.tui.screens.dialogs import StateDialog

    targets = screen.targets()
    if not targets:
        return

    def done(state: str | None) -> None:
        if state:
            screen.apply_triage(targets, state=state)

    screen.app.push_screen(StateDialog(len(targets)), done)


def edit_note(screen: MainScreen) -> None:
    from bouncetui.tui.screens.dialogs import NoteDialog

    targets = screen.targets()
    if not targets:
        return
    old = screen.triage.get(screen.records[targets[0]].token)

    def done(note: str | None) -> None:
        if note is not None:
            screen.apply_triage(targets, note=note)

    screen.app.push_screen(NoteDialog(len(targets), getattr(old, "note", "") or ""), done)


def show_raw(screen: MainScreen) -> None:
    from bouncetui.tui.rawmail import raw_text
    from bouncetui.tui.screens.raw import TextScreen

    index = screen.current
    if index is None:
        return
    record = screen.records[index]
    try:
        text = raw_text(read_raw(record.origin, record.position), record.origin, record.position)
    except Exception as exc:
        screen.notify("Cannot read %s: %s" % (one_line(record.origin), exc), severity="error", markup=False)
        return
    screen.app.push_screen(TextScreen("Raw message · %s" % one_line(record.recipient), text,
                                      on_open=lambda: open_pager(screen, index)))


def open_pager(screen: MainScreen, index: int | None = None) -> None:
    index = screen.current if index is None else index
    if index is None:
        return
    record = screen.records[index]
    try:
        raw = read_raw(record.origin, record.position)
    except Exception as exc:
        screen.notify("Cannot read %s: %s" % (one_line(record.origin), exc), severity="error", markup=False)
        return
    pager = shlex.split(os.environ.get("PAGER") or "less")
    with tempfile.NamedTemporaryFile("wb", suffix=".eml", delete=False) as fh:
        fh.write(raw)
    try:
        with screen.app.suspend():
            subprocess.call([*pager, fh.name])
    except Exception as exc:  # no terminal to hand over (a test, a web session) or no pager
        screen.notify("Cannot open the pager: %s" % exc, severity="warning", markup=False)
    finally:
        os.unlink(fh.name)


def copy(screen: MainScreen, whole_record: bool) -> None:
    index = screen.current
    if index is None:
        return
    record = screen.records[index]
    value = record.to_json() if whole_record else record.recipient
    screen.app.copy_to_clipboard(value)
    screen.notify("Copied %s" % ("the record" if whole_record else one_line(record.recipient)), timeout=2, markup=False)


def export_dialog(screen: MainScreen) -> None:
    from bouncetui.tui.screens.dialogs import ExportDialog, ExportRequest

    marked = len(screen.bounce_list.marks)

    def done(request: ExportRequest | None) -> None:
        if request is None:
            return
        indexes = sorted(screen.bounce_list.marks) if request.scope == "marked" else screen.bounce_list.shown
        records = screen.records.with_duplicates(indexes)
        path = os.path.expanduser(request.path)
        try:
            with open(path, "w", encoding="utf-8", newline="") as out:
                count = export(records, screen.triage, out, request.fmt)
        except OSError as exc:
            screen.notify("Cannot write %s: %s" % (path, exc.strerror or exc), severity="error", markup=False)
            return
        except Exception as exc:  # the export must fail with a message, never end the app
            screen.notify("Export failed: %s: %s" % (type(exc).__name__, exc), severity="error", markup=False)
            return
        screen.notify("Wrote %d line%s to %s" % (count, "" if count == 1 else "s", path), title="Export", markup=False)

    screen.app.push_screen(ExportDialog(len(screen.bounce_list.shown), marked), done)


def show_stats(screen: MainScreen) -> None:
    from bouncetui.tui.screens.stats import StatsScreen

    shown = screen.bounce_list.shown
    built = screen.records.built(shown)
    records = [built[i] for i in shown]

    def done(term: str | None) -> None:
        if term:
            screen.apply_term(term)

    screen.app.push_screen(StatsScreen(records, screen.bounce_list.states), done)


def show_errors(screen: MainScreen) -> None:
    from bouncetui.tui.screens.raw import TextScreen

    errors = screen.records.errors
    text = Text()
    if not errors:
        text.append("No message failed to read or decode.", style="italic")
    for error in errors:
        text.append(one_line(str(error)) + "\n")
    screen.app.push_screen(TextScreen("Scan errors (%d)" % len(errors), text))
