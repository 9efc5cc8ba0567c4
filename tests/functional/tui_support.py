"""Helpers for the explorer's Pilot and snapshot tests: isolated XDG dirs and database, a fixed
time zone, fixed records, waiting for the scan and filter workers, and the screen as text."""

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


async def settle(pilot, app) -> None:
    """Wait until the scan is over and every worker (filter, headers) has answered."""
    from bouncetui.tui.screens.main import MainScreen

    for _ in range(1500):  # up to 30 s: a loaded machine is slow, not wrong
        await pilot.pause(0.02)
        screen = next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)
        if screen is not None and not screen.scanning:
            break
    await workers_idle(pilot, app)
    await pilot.pause(0.1)
    await workers_idle(pilot, app)
    await pilot.pause()


async def workers_idle(pilot, app, seconds: float = 30.0) -> None:
    """Wait until no worker is pending or running. (Workers.wait_for_complete raises when a
    worker was cancelled, which "latest query wins" does on purpose.)"""
    from textual.worker import WorkerState

    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(int(seconds / 0.02)):
        if not any(worker.state in busy for worker in app.workers):
            return
        await pilot.pause(0.02)


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
