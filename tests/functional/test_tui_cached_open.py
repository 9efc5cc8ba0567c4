"""A folder opened again lists from the index: the same rows, detail and filters as the scan that
filled it, nothing decoded; its first screenful is on screen before the rest of the listing is
read, in the order a scan without the index shows; mail deleted or changed since is dropped or
corrected; a damaged index still shows the mail and says so."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from bouncetui.store import Store, listing
from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import make_backend
from tests.functional.tui_support import (
    detail_body,
    main_screen,
    sample_app,
    sample_mail,
    screen_text,
    settle,
    shown_recipients,
    sync,
    type_filter,
    until,
)


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
            await until(pilot, lambda: _has_rows(app), "the index's first screenful")
            await pilot.pause()
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


def items_added(monkeypatch) -> list[str]:
    """The kinds of the items the app's scan hands to its list (CachedFiles, Bounce, Withdrawn...),
    in order, from now on."""
    from bouncetui.tui.records import RecordSet

    kinds: list[str] = []
    add = RecordSet.add

    def counted(self, items):
        items = list(items)
        kinds.extend(type(item).__name__ for item in items)
        return add(self, items)

    monkeypatch.setattr(RecordSet, "add", counted)
    return kinds


@sync
async def test_a_damaged_index_still_shows_the_mail_and_says_so(env, monkeypatch):
    from bouncetui.store import StoreError

    backend = make_backend([str(sample_mail())], db_path=str(env))

    def broken(*args, **kwargs):
        raise StoreError("database disk image is malformed")
        yield  # a generator, as the store's scan is

    monkeypatch.setattr(backend.store, "scan", broken)
    app = BounceApp(backend, lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert "tanaka.t@docomo.ne.jp" in shown_recipients(app)
        assert any("could not be used" in str(n.message) for n in app._notifications)


@sync
async def test_a_folder_opened_again_lists_from_the_index_with_the_same_rows_detail_and_filters(env, monkeypatch):
    from bouncetui.store import CachedFiles

    async def session() -> tuple[list[str], str, list[str]]:
        app = sample_app(env)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            screen = main_screen(app)
            rows = [screen.records[i].to_json() for i in screen.bounce_list.shown]
            await pilot.press("enter")
            await settle(pilot, app)
            detail = detail_body(app)
            await pilot.press("escape")
            await type_filter(pilot, app, "hard -reason:hostunknown")
            filtered = shown_recipients(app)
        return rows, detail, filtered

    kinds = items_added(monkeypatch)
    first = await session()
    assert "CachedFiles" not in kinds  # a new index: every message decoded
    kinds.clear()
    again = await session()
    assert kinds and set(kinds) <= {CachedFiles.__name__, "ScanError"}  # nothing decoded, nothing built ahead
    assert again == first
    assert first[0] and first[2] and "Original message headers" in first[1]


@sync
async def test_a_folder_opened_again_lists_from_the_index_then_drops_deleted_and_changed_mail(env, tmp_path, monkeypatch):

    from bouncetui.store import CachedFiles
    from bouncetui.tui.records import Withdrawn

    mail = tmp_path / "Maildir"
    shutil.copytree(sample_mail(), mail, ignore=shutil.ignore_patterns("expected.json", "*.md"))

    async def opened(db: Path) -> tuple[list[tuple[str, str]], str]:
        app = sample_app(db, mail)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            screen = main_screen(app)
            rows = sorted((screen.records[i].recipient, screen.records.origins(i)[0][0])
                          for i in screen.bounce_list.shown)
            return rows, str(app.screen.query_one("#status-bar").render())

    def holding(address: str) -> Path:
        return next(p for p in sorted(mail.rglob("*")) if p.is_file() and address in p.read_text(errors="replace"))

    before, _ = await opened(env)
    recipients = [r for r, _origin in before]
    single = [r for r in recipients if recipients.count(r) == 1 and "docomo" not in r]
    deleted, renamed = holding(single[0]), holding(single[1])
    edited = holding("tanaka.t@docomo.ne.jp")
    deleted.unlink()
    moved = renamed.with_name(renamed.name.split(":2,")[0] + ":2,RS")
    os.rename(renamed, moved)  # a flag change: the same message under a new name
    edited.write_bytes(edited.read_bytes().replace(b"tanaka.t@docomo.ne.jp", b"tanaka.x@docomo.ne.jp"))
    os.utime(edited, (2_000_000_000, 2_000_000_000))

    kinds = items_added(monkeypatch)
    again, status = await opened(env)
    assert kinds[0] == CachedFiles.__name__ and Withdrawn.__name__ in kinds  # listed first, then corrected
    fresh, _ = await opened(tmp_path / "fresh.db")  # what a scan without the index finds
    assert again == fresh
    assert single[0] not in {r for r, _o in again}
    assert ("tanaka.x@docomo.ne.jp", str(edited)) in again and "tanaka.t@docomo.ne.jp" not in {r for r, _o in again}
    assert (single[1], str(moved)) in again and (single[1], str(renamed)) not in again
    assert "%d total" % len(again) in status.replace(",", "")  # the deleted row is not counted


@sync
async def test_the_rest_of_the_index_is_read_once_the_first_screenful_is_drawn(env, tmp_path, monkeypatch):
    """The index's first screenful is read while the app starts; the rest waits until it is on
    the screen (it would take the interpreter's lock from the app's start); a backend whose
    first rows are never drawn still lists everything."""
    from bouncetui.tui.backend import LISTED, StoreBackend

    mail = tmp_path / "Maildir"
    shutil.copytree(sample_mail(), mail, ignore=shutil.ignore_patterns("expected.json", "*.md"))
    app = BounceApp(make_backend([str(mail)], db_path=str(env)), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)  # decoded: the index is filled
        cold = rows_shown(app)

    monkeypatch.setattr(listing, "FIRST_FILES", 3)
    events: list[str] = []
    real = Store.cached_listing

    def logged(self, paths):
        for i, chunk in enumerate(real(self, paths)):
            events.append("chunk %d" % i)
            yield chunk

    shown = StoreBackend.first_rows_shown

    def drawn(self):
        events.append("drawn")
        shown(self)

    monkeypatch.setattr(Store, "cached_listing", logged)
    monkeypatch.setattr(StoreBackend, "first_rows_shown", drawn)
    app = BounceApp(make_backend([str(mail)], db_path=str(env)), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert rows_shown(app) == cold
    assert events[:3] == ["chunk 0", "drawn", "chunk 1"]

    monkeypatch.setattr("bouncetui.tui.backend.LISTING_WAIT", 0.1)
    backend = make_backend([str(mail)], db_path=str(env))  # no app: nothing is drawn
    items = list(backend.scan(lambda done, total: None, lambda: False))
    backend.close()
    listed = [file[0] for item in items[: items.index(LISTED)] for file in item.files]
    assert {origin for _r, origin in cold} <= set(listed)  # every chunk, then LISTED
