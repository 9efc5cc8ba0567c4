"""Snapshots of the explorer: the main screen, help and stats at 120x40 and at 80x24.

Fixed records (no decoding), a fixed time zone, no scan timing and no blinking cursor, so a
snapshot changes only when the screen does. Update with `pytest --snapshot-update` after an
intended change, and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from bouncetui.tui.screens.main import MainScreen
from tests.functional.tui_support import fixed_records, isolate, settle, until

SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def app(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    monkeypatch.setattr(MainScreen, "SHOW_SCAN_TIME", False)
    return BounceApp(StaticBackend(fixed_records(), paths=["sample"]), lang="en", keymap={})


async def _ready(pilot) -> None:
    await settle(pilot, pilot.app)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "%dx%d" % s)
def test_main_screen(snap_compare, app, size):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("j", "j", "space")
        await settle(pilot, pilot.app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "%dx%d" % s)
def test_help_screen(snap_compare, app, size):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: pilot.app.screen.title.startswith("Help"), "the help screen")
        await settle(pilot, pilot.app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: "%dx%d" % s)
def test_stats_screen(snap_compare, app, size):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("i")
        await until(pilot, lambda: pilot.app.screen.title.startswith("Stats"), "the stats screen")
        await settle(pilot, pilot.app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
