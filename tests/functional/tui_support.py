"""Helpers for the explorer's Pilot and snapshot tests: isolated XDG dirs and database, a fixed
time zone, fixed records, waiting on the app's state (the scan, its workers and timers, a condition)
with a generous bound, never on a fixed sleep, and the screen as text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bouncetui.model import Bounce, make_token

REPO = Path(__file__).resolve().parents[2]
SAMPLE_MAIL = REPO / "sample_mail"


def isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point every XDG dir at tmp_path, fix the time zone and language; returns a database path."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        (tmp_path / name.lower()).mkdir(exist_ok=True)
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    time.tzset()
    return tmp_path / "bouncetui.db"


def sample_mail() -> Path:
    if not (SAMPLE_MAIL / "expected.json").exists():
        pytest.skip("sample_mail/ is not in this checkout")
    return SAMPLE_MAIL


def screen_text(app) -> str:
    """What the terminal shows, as plain text, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


WAIT_SECONDS = 60.0  # the bound of every wait: a loaded machine is slow, not wrong; a hang fails


async def until(pilot, condition, what: str, seconds: float = WAIT_SECONDS) -> None:
    """Pause until `condition()` is true (each pause first lets the app handle every message
    already posted to it); fail saying `what` was waited for if it is not within `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("waited %.0f s for %s" % (seconds, what))
        await pilot.pause(0.02)


def busy(app) -> str:
    """What the app is still doing ("" when nothing): the main screen not mounted or its first
    scan not started, a scan running, a worker (filter, headers, build, log) pending or
    running, or the timer after which the detail pane or the title follows the cursor or the
    query pending."""
    from textual.worker import WorkerState

    from bouncetui.tui.screens.main import MainScreen

    screen = next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)
    if screen is None or not screen.scan_generation:
        return "the main screen and its first scan to start"
    if screen.scanning:
        return "the scan to end"
    running = [w.name for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
    if running:
        return "the workers %s to end" % ", ".join(running)
    for timer in (screen._detail_timer, screen._title_timer):
        if timer is not None and timer._task is not None and not timer._task.done():
            return "the detail pane or the title to follow the cursor or the query"
    return ""


async def settle(pilot, app, seconds: float = WAIT_SECONDS) -> None:
    """Wait until the scan is over, every worker has answered and every message they posted has
    been handled: the app found doing nothing (see `busy`) twice in a row, a pause apart."""
    deadline = time.monotonic() + seconds
    quiet = 0
    while quiet < 2:
        await pilot.pause(0.02)
        doing = busy(app)
        quiet = 0 if doing else quiet + 1
        if doing and time.monotonic() > deadline:
            raise AssertionError("waited %.0f s for %s" % (seconds, doing))
    await pilot.pause()


def sample_app(db: Path, path: Path | None = None):
    """The explorer on sample_mail/ (or `path`), with its index at `db`."""
    from bouncetui.tui.app import BounceApp
    from bouncetui.tui.backend import make_backend

    return BounceApp(make_backend([str(path or sample_mail())], db_path=str(db)), lang="en", keymap={})


def shown_recipients(app) -> list[str]:
    screen = main_screen(app)
    return [screen.records[i].recipient for i in screen.bounce_list.shown]


def detail_body(app) -> str:
    """The whole text of the detail pane (also what is scrolled out of view)."""
    return str(app.screen.query_one("#detail-body").render())


async def type_filter(pilot, app, text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot, app)


def main_screen(app):
    from bouncetui.tui.screens.main import MainScreen

    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


def _record(n: int, recipient: str, reason: str, status: str, code: str, hard: bool, day: int,
            subject: str = "November newsletter", action: str = "failed", rhost: str = "mx.example.net",
            diagnostic: str = "", origin: str = "") -> Bounce:
    timestamp = 1795000000 + day * 86400 + n * 600
    addresser = "news@example.org"
    return Bounce(
        origin=origin or "/mail/cur/%04d.eml" % n, timestamp=timestamp, timezoneoffset="+0000",
        addresser=addresser, senderdomain="example.org", recipient=recipient,
        destination=recipient.rpartition("@")[2], action=action, deliverystatus=status, replycode=code,
        diagnosticcode=diagnostic or "%s %s %s" % (code, status, reason), diagnostictype="SMTP",
        reason=reason, hardbounce=hard, rhost=rhost, lhost="mx.example.org", command="RCPT",
        messageid="msg%d@example.org" % n, subject=subject, decodedby="Postfix",
        token=make_token(addresser, recipient, timestamp, "msg%d@example.org" % n),
    )


def fixed_records() -> list[Bounce]:
    """A dozen records of every reason class, with fixed dates: the snapshot tests' data."""
    rows = [
        ("tanaka.t@docomo.ne.jp", "filtered", "5.2.0", "550", False, 0, "mfsmax.docomo.ne.jp"),
        ("suzuki@ezweb.ne.jp", "userunknown", "5.1.1", "550", True, 0, "lsean.ezweb.ne.jp"),
        ("nobody@example.com", "userunknown", "5.1.1", "550", True, 1, "mx.example.com"),
        ("full@gmail.com", "mailboxfull", "4.2.2", "452", False, 1, "gmail-smtp-in.l.google.com"),
        ("big@example.net", "emailtoolarge", "5.3.4", "552", False, 2, "mx.example.net"),
        ("spam@outlook.com", "spamdetected", "5.7.1", "550", False, 2, "outlook-com.olc.protection.outlook.com"),
        ("moved@example.jp", "hasmoved", "5.1.6", "551", True, 3, "mx.example.jp"),
        ("gone@nowhere.invalid", "hostunknown", "5.1.2", "550", True, 3, ""),
        ("auth@example.com", "authfailure", "5.7.26", "550", False, 4, "mx.example.com"),
        ("busy@yahoo.co.jp", "ratelimited", "4.7.0", "421", False, 4, "mx.yahoo.co.jp"),
    ]
    records = [_record(i, r, reason, st, code, hard, day, rhost=rh)
               for i, (r, reason, st, code, hard, day, rh) in enumerate(rows)]
    records.append(_record(20, "slow@example.org", "expired", "4.4.7", "", False, 5, action="delayed"))
    records.append(_record(21, "away@example.com", "vacation", "", "", False, 5, subject="Out of office",
                           action=""))
    records.append(_record(22, "angry@example.net", "feedback", "", "", False, 6, subject="Complaint",
                           action=""))
    return records


def sync(test):
    """Run an async test with asyncio.run (no asyncio plugin needed); fixtures pass through."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
