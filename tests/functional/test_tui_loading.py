"""The explorer opening mail: every sample recipient listed, copies of one report collapsed into
one row, unreadable messages counted and listed, a long scan stopped with Esc while the app keeps
answering, and a missing path refused before the app starts."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from tests.functional.tui_support import (
    detail_body,
    fixed_records,
    main_screen,
    sample_app,
    sample_mail,
    screen_text,
    settle,
    shown_recipients,
    sync,
    until,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def expected_recipients(root: Path) -> set[str]:
    """Every address sample_mail/expected.json lists as a recipient."""
    data = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    found: set[str] = set()

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and "recipient" in key.lower() and EMAIL.fullmatch(node):
            found.add(node.lower())

    walk(data)
    return found


@sync
async def test_loads_every_sample_recipient(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        recipients = {r.lower() for r in shown_recipients(app)}
        assert expected_recipients(sample_mail()) <= recipients
        text = screen_text(app)
        assert "tanaka.t@docomo.ne.jp" in text
        assert "%d total" % len(main_screen(app).records) in text


@sync
async def test_duplicate_reports_collapse_into_one_row_listing_every_origin(env):
    record = fixed_records()[0]
    copy = record.replace(origin="/mail/other/copy.eml")
    app = BounceApp(StaticBackend([record, copy]), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert shown_recipients(app) == [record.recipient]
        detail = detail_body(app)
        assert "/mail/cur/0000.eml" in detail and "/mail/other/copy.eml" in detail


@sync
async def test_unreadable_messages_are_counted_and_listed(env):
    from bouncetui.model import ScanError

    error = ScanError("/mail/cur/broken.eml", 1, "cannot decode: ValueError: bad base64")
    app = BounceApp(StaticBackend([*fixed_records(), error]), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert "1 error" in screen_text(app)
        await pilot.press("E")
        await settle(pilot, app)
        text = screen_text(app)
        assert "Scan errors (1)" in text and "/mail/cur/broken.eml: cannot decode" in text


class SlowBackend(StaticBackend):
    """Yields one record, then waits until the scan is cancelled (a scan that would take long)."""

    def scan(self, on_progress, cancelled):
        on_progress(0, 1000)
        yield self.items[0]
        while not cancelled():
            time.sleep(0.01)


@sync
async def test_escape_stops_a_long_scan_and_the_app_keeps_answering(env):
    app = BounceApp(SlowBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await until(pilot, lambda: bool(screen.records), "the scan's first record")
        assert screen.scanning and "scanning" in screen_text(app)
        await pilot.press("j", "question_mark")  # keys answered while the scan runs
        assert "Help" in app.screen.title
        await pilot.press("escape", "escape")
        await settle(pilot, app)
        assert not screen.scanning
        assert "scan stopped" in screen_text(app)
        assert shown_recipients(app) == [fixed_records()[0].recipient]


def test_missing_path_exits_2_before_the_app_starts(capsys):
    from bouncetui.cli import main

    assert main(["/no/such/mail/dir"]) == 2
    assert "no such file or directory" in capsys.readouterr().err


@sync
async def test_start_milestones_are_written_for_the_benchmark(env, monkeypatch, tmp_path):
    """BOUNCETUI_BENCH_EVENTS (bench/tui_e2e.py): the first row, the full list and the end of the
    scan are written once each, in that order, with the rows listed; without it nothing is."""
    from bouncetui.tui import timings

    events = tmp_path / "events"
    monkeypatch.setattr(timings, "EVENTS", str(events))
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        rows = len(shown_recipients(app))
    lines = [line.split() for line in events.read_text().splitlines()]
    assert [line[0] for line in lines] == ["first-row", "full-list", "scan-done"]
    assert [int(line[3]) for line in lines[1:]] == [rows, rows]
    times = [float(line[1]) for line in lines]
    assert times == sorted(times)

    monkeypatch.setattr(timings, "EVENTS", "")
    events.unlink()
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
    assert not events.exists()


def test_an_unknown_theme_is_refused_before_the_app_starts_and_leaves_the_collector_as_it_was(env, capsys):
    import gc

    from bouncetui.cli import main

    frozen = gc.get_freeze_count()
    assert main([str(sample_mail()), "--db", str(env), "--theme", "no-such-theme"]) == 1
    assert "unknown theme" in capsys.readouterr().err
    assert gc.get_freeze_count() == frozen  # what the explorer froze after its imports is the collector's again
