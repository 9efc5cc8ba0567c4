"""A folder opened again: the index's first screenful is on screen before the rest of its listing
is read, and the list ends in the order a scan without the index shows."""

from __future__ import annotations

import shutil
import threading

import pytest

from bouncetui.store import Store, listing
from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import make_backend
from tests.functional.tui_support import isolate, main_screen, sample_mail, screen_text, settle, sync


@pytest.fixture
def env(monkeypatch, tmp_path):
    return isolate(monkeypatch, tmp_path)


def rows_shown(app) -> list[tuple[str, str]]:
    screen = main_screen(app)
    return [(screen.records[i].recipient, screen.records.origins(i)[0][0]) for i in screen.bounce_list.shown]


@sync
async def test_the_first_screenful_shows_while_the_rest_of_the_index_is_read(env, tmp_path, monkeypatch):
    mail = tmp_path / "Maildir"
    shutil.copytree(sample_mail(), mail, ignore=shutil.ignore_patterns("expected.json", "*.md"))

    async def session() -> list[tuple[str, str]]:
        app = BounceApp(make_backend([str(mail)], db_path=str(env)), lang="en", keymap={})
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            return rows_shown(app)

    cold = await session()  # decoded: the index is filled
    fresh = await session()  # and again from the index, all of it at once

    monkeypatch.setattr(listing, "FIRST_FILES", 3)
    gate = threading.Event()
    real = Store.cached_listing

    def slow(self, paths):  # the rest of the listing waits until the first screenful has been seen
        for i, chunk in enumerate(real(self, paths)):
            if i:
                gate.wait(30)
            yield chunk

    monkeypatch.setattr(Store, "cached_listing", slow)
    app = BounceApp(make_backend([str(mail)], db_path=str(env)), lang="en", keymap={})
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(1500):  # up to 30 s on a loaded machine
                await pilot.pause(0.02)
                if _has_rows(app):
                    break
            await pilot.pause(0.1)
            early = rows_shown(app)
            text = screen_text(app)
            status = str(app.screen.query_one("#status-bar").render())
            gate.set()
            await settle(pilot, app)
            warm = rows_shown(app)
    finally:
        gate.set()
    assert 0 < len(early) < len(cold) and len({origin for _r, origin in early}) <= 3
    assert early == cold[: len(early)]  # the top of the list, in its order
    assert all(recipient[:18] in text for recipient, _origin in early)  # (a long one is cut to its column)
    assert "%d total" % len(early) in status.replace(",", "")
    assert warm == fresh == cold  # the same order cold and warm


def _has_rows(app) -> bool:
    try:
        return bool(main_screen(app).bounce_list.shown)
    except StopIteration:
        return False
