"""Choices the explorer remembers between sessions (the theme, the reason panel's language)."""

from __future__ import annotations

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from tests.functional.tui_support import (
    fixed_records,
    settle,
    sync,
)


@sync
async def test_theme_and_language_choices_are_remembered(env):
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={}, remember=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+t", "L")
        await settle(pilot, app)
        chosen = app.theme
    from bouncetui.tui import prefs

    assert prefs.load() == {"theme": chosen, "lang": "ja"}
    again = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={}, remember=True)
    assert again.theme == chosen
