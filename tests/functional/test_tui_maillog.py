"""The mail log beside the bounces (--maillog): silent failures shown, the log screen filtering
back into the list."""

from __future__ import annotations

import pytest

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import make_backend
from tests.functional.tui_support import (
    detail_body,
    main_screen,
    sample_mail,
    screen_text,
    settle,
    sync,
    until,
)


@sync
async def test_maillog_beside_the_bounces_shows_silent_failures(env):
    log = sample_mail() / "maillog"
    if not log.is_file():
        pytest.skip("sample_mail/maillog is not in this checkout")
    app = BounceApp(make_backend([str(sample_mail())], db_path=str(env)), lang="en", keymap={},
                    maillogs=[str(log)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = main_screen(app)
        await until(pilot, lambda: screen.log_view is not None, "the mail log (read after the scan, in a worker)")
        assert "silent" in screen_text(app)
        assert "Mail log" in detail_body(app)
        await pilot.press("m")
        await settle(pilot, app)
        assert "Mail log ·" in screen_text(app)
        await pilot.press("f")
        await settle(pilot, app)
        log_screen = app.screen
        silent = [log_screen.log_records[i].recipient for i in log_screen.log_list.shown]
        assert silent and all(screen.log_view.by_log_token[log_screen.log_records[i].token].outcome == "silent"
                              for i in log_screen.log_list.shown)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is screen
        assert "filter: to:%s" % silent[0] in screen_text(app)
