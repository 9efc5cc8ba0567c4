"""The stats screen: counts by reason, domain, day and class, each bar a filter of the list."""

from __future__ import annotations

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from tests.functional.tui_support import (
    fixed_records,
    main_screen,
    sample_app,
    screen_text,
    settle,
    sync,
)


@sync
async def test_stats_bar_filters_the_list(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("i")
        await settle(pilot, app)
        text = screen_text(app)
        assert "Reason (" in text and "Domain (" in text and "Day (" in text
        await pilot.press("enter")  # the biggest reason
        await settle(pilot, app)
        screen = main_screen(app)
        reasons = {screen.records[i].reason for i in screen.bounce_list.shown}
        assert len(reasons) == 1
        assert "filter: reason:%s" % reasons.pop() in screen_text(app)


@sync
async def test_stats_class_tab_filters_hard_bounces(env):
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("i")
        await settle(pilot, app)
        await pilot.press("right", "right", "right")  # Reason, Domain, Day, Class
        await settle(pilot, app)
        text = screen_text(app)
        assert "hard" in text and "complaint" in text and "autoreply" in text
        await pilot.press("j", "enter")  # soft is the biggest class here, hard the next
        await settle(pilot, app)
        screen = main_screen(app)
        assert "filter: hard" in screen_text(app)
        assert all(screen.records[i].hardbounce for i in screen.bounce_list.shown)
