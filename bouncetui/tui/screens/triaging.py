"""The main screen's triage: marking rows, and setting the state or note of the marked rows (or
the row under the cursor), saved through the backend. A mixin of MainScreen, which owns the
state (triage by token; the marks are the list's, by row)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bouncetui.tui import actions
from bouncetui.tui.backend import TriageState

if TYPE_CHECKING:
    from bouncetui.tui.screens.main import MainScreen


class Triaging:
    """Marks and triage for MainScreen."""

    def action_toggle_mark(self: MainScreen) -> None:
        index = self.current
        if index is None:
            return
        self.bounce_list.marks.symmetric_difference_update({index})
        self.bounce_list.action_cursor_down()
        self.bounce_list.invalidate()
        self.update_status()

    def action_mark_all(self: MainScreen) -> None:
        self.bounce_list.marks.update(self.bounce_list.shown)
        self.bounce_list.invalidate()
        self.update_status()

    def action_unmark_all(self: MainScreen) -> None:
        self.bounce_list.marks.clear()
        self._held_marks.clear()  # marks of rows a running rescan withdrew for now go too
        self.bounce_list.invalidate()
        self.update_status()

    def targets(self: MainScreen) -> list[int]:
        """The marked rows, else the row under the cursor."""
        if self.bounce_list.marks:
            return sorted(self.bounce_list.marks)
        return [] if self.current is None else [self.current]

    def apply_triage(self: MainScreen, indexes: list[int], state: str | None = None, note: str | None = None) -> None:
        tokens = [self.records[i].token for i in indexes]
        try:
            self.backend.set_triage(tokens, state=state, note=note)
        except Exception as exc:
            self.notify(str(exc), title="Could not save the triage", severity="error", markup=False)
            return
        for token in tokens:
            old = self.triage.get(token)
            self.triage[token] = TriageState(
                state or getattr(old, "state", "new"),
                (getattr(old, "note", "") or "") if note is None else note,
            )
            self.bounce_list.states[token] = self.triage[token].state
        self.bounce_list.invalidate()
        self.show_current()
        what = "state %s" % state if state else "note"
        self.notify("Set %s on %d record%s" % (what, len(tokens), "" if len(tokens) == 1 else "s"),
                    timeout=2, markup=False)

    def action_set_state(self: MainScreen) -> None:
        actions.choose_state(self)

    def action_set_note(self: MainScreen) -> None:
        actions.edit_note(self)
