"""Text from mail or typed by the user is shown inert: escape sequences never reach the terminal,
markup-like text is shown literally."""

from __future__ import annotations

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from tests.functional.tui_support import (
    detail_body,
    fixed_records,
    sample_app,
    screen_text,
    settle,
    shown_recipients,
    sync,
)


@sync
async def test_hostile_text_is_shown_inert(env):
    record = fixed_records()[0].replace(subject="\x1b]0;pwned\x07\x1b[2Jhello", recipient="evil\x1b[31m@x.example")
    app = BounceApp(StaticBackend([record]), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert "^[]0;pwned" in text


HOSTILE = (
    "From: MAILER-DAEMON@mx.example.org\n"
    "To: news@example.org\n"
    "Subject: Undelivered Mail \x1b]0;owned\x07\x1b[2J\n"
    "Date: Tue, 24 Nov 2026 11:00:00 +0000\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n'
    "--B\nContent-Type: text/plain\n\nYour message could not be delivered. \x1b[31mred\x1b[0m\n\n"
    "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
    "Final-Recipient: rfc822; victim@example.com\nAction: failed\nStatus: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 \x1b[8mhidden\x1b[0m user unknown\n\n"
    "--B\nContent-Type: text/rfc822-headers\n\nFrom: news@example.org\nTo: victim@example.com\n"
    "Subject: \x1b]52;c;ZXZpbA==\x07newsletter\n\n--B--\n"
)


@sync
async def test_escape_sequences_in_mail_never_reach_the_terminal(env, tmp_path):
    mail = tmp_path / "hostile"
    for sub in ("cur", "new", "tmp"):
        (mail / sub).mkdir(parents=True)
    (mail / "cur" / "1.hostile:2,S").write_text(HOSTILE, encoding="utf-8")
    app = sample_app(env, mail)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert shown_recipients(app) == ["victim@example.com"]
        assert "\x1b" not in screen_text(app) and "\x1b" not in detail_body(app)
        assert "^[" in detail_body(app)  # shown, inert
        await pilot.press("r")
        await settle(pilot, app)
        raw = str(app.screen.query_one("#text-body").render())
        assert "victim@example.com" in raw
        assert "\x1b" not in raw and "\x07" not in raw and "^[]52;c;" in raw


@sync
async def test_markup_like_text_typed_or_mailed_is_shown_literally(env):
    record = fixed_records()[0].replace(recipient="[bold]x[/]@example.com", subject="[link=http://x]y")
    app = BounceApp(StaticBackend([record]), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert "[bold]x[/]@example.com" in screen_text(app)
        await pilot.press("y")  # the notification quotes the address
        await pilot.press("slash")
        app.screen.query_one("#filter-input").value = "[red]x: [/"
        await settle(pilot, app)
        assert "[red]x" in screen_text(app)
