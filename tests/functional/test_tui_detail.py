"""The selected record: moving the cursor, the detail pane (fields, the report's other recipients,
original headers), the raw view, the reason panel's language, and copying the recipient."""

from __future__ import annotations

import re

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from tests.functional.tui_support import (
    detail_body,
    fixed_records,
    main_screen,
    sample_app,
    screen_text,
    settle,
    sync,
)


@sync
async def test_navigation_keys_move_the_cursor_and_the_detail_follows(env):
    records = fixed_records()
    app = BounceApp(StaticBackend(records), lang="en", keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        listing = main_screen(app).bounce_list
        await pilot.press("j", "j", "down")
        assert listing.cursor == 3
        await pilot.press("k", "up")
        assert listing.cursor == 1
        await pilot.press("G")
        assert listing.cursor == len(records) - 1
        await pilot.press("g")
        assert listing.cursor == 0
        await pilot.press("pagedown")
        assert 0 < listing.cursor < len(records)
        await settle(pilot, app)
        assert records[listing.cursor].recipient in detail_body(app)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#details")


@sync
async def test_detail_shows_fields_other_recipients_and_original_headers(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = main_screen(app)
        # a report with several recipients, if the sample has one; else the first row
        target = next((i for i in screen.bounce_list.shown if screen.records.same_report(i)),
                      screen.bounce_list.shown[0])
        screen.bounce_list.cursor = screen.bounce_list.shown.index(target)
        await pilot.press("enter")
        await settle(pilot, app)
        record = screen.records[target]
        assert record.recipient in screen_text(app)
        text = detail_body(app)
        assert "Status" in text and record.deliverystatus in text
        assert "Found in" in text
        assert "Original message headers" in text and "loading" not in text
        for other in screen.records.same_report(target):
            assert screen.records[other].recipient in text
        details = app.screen.query_one("#details")
        assert details.has_focus
        await pilot.press("escape")
        assert screen.bounce_list.has_focus


@sync
async def test_raw_view_shows_headers_and_mime_tree(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("r")
        await settle(pilot, app)
        text = screen_text(app)
        assert "Headers" in text and "MIME structure" in text
        assert "Raw message" in text
        await pilot.press("escape")
        await settle(pilot, app)
        assert "MIME structure" not in screen_text(app)


@sync
async def test_language_toggle_switches_the_reason_panel(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert "Reason · English" in screen_text(app)
        await pilot.press("L")
        await settle(pilot, app)
        text = screen_text(app)
        assert "Reason · 日本語" in text
        panel = app.screen.query_one("#reason-body").render()
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", str(panel))


@sync
async def test_copy_puts_the_recipient_on_the_clipboard(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = main_screen(app)
        await pilot.press("y")
        await settle(pilot, app)
        assert app.clipboard == screen.records[screen.bounce_list.current].recipient


class LongScan(StaticBackend):
    """Gives its records a fifth of a second apart, then goes on scanning until cancelled (a large
    folder decoded)."""

    def scan(self, on_progress, cancelled):
        import time

        on_progress(0, 1000)
        for item in self.items:
            yield item
            time.sleep(0.2)
        while not cancelled():
            time.sleep(0.01)


@sync
async def test_detail_shows_during_a_long_first_scan_and_follows_keys(env):
    """The first row's detail waits a moment for the list while the first scan lists rows, but
    it comes while the scan goes on, and the cursor moved by a key is followed."""
    from tests.functional.tui_support import until

    records = fixed_records()
    app = BounceApp(LongScan(records), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await until(pilot, lambda: records[0].recipient in detail_body(app), "the first row's detail")
        assert screen.scanning
        await until(pilot, lambda: len(screen.bounce_list.shown) > 1, "a second row")
        await pilot.press("j")
        second = screen.records[screen.bounce_list.shown[1]].recipient
        await until(pilot, lambda: second in detail_body(app), "the second row's detail")
        assert screen.scanning
        await pilot.press("escape")
