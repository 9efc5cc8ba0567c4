"""Picking up what changed in the mail folder without a restart (R, and --watch): new messages
show, edited ones replace their rows, deleted ones leave, a message the mail client renamed
(new/ -> cur/ with flags) keeps its row; marks on the rows that stay are kept, and the status bar
says what changed. With the index (the store's rescan) and without it (every record read again)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import ScanBackend, StaticBackend, make_backend
from bouncetui.tui.records import Withdrawn
from tests.functional.tui_support import (
    fixed_records,
    main_screen,
    sample_mail,
    screen_text,
    settle,
    sync,
    until,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bounces"
EDITED = "cur/1763629260.M105P1.mx1:2,S"  # carol@example.com
DELETED = "cur/1763802000.M107P1.mx1:2,S"  # erin@example.com
RENAMED = "new/1764061200.M110P1.mx1"  # grace@nowhere.example, not yet seen by the mail client
COPIED = "cur/1763888400.M108P1.mx1:2,S"  # frank@example.com: a new message is made from it


@pytest.fixture
def maildir(tmp_path) -> Path:
    target = tmp_path / "Maildir"
    shutil.copytree(FIXTURE, target)
    (target / "tmp").mkdir()
    return target


BACKENDS = {
    "index": lambda mail, db: make_backend([str(mail)], db_path=str(db)),
    "no index": lambda mail, db: ScanBackend([str(mail)]),
}


def rows(app) -> list[tuple[str, str, str]]:
    """(recipient, subject, file) of each row shown, in order."""
    screen = main_screen(app)
    return [(screen.records[i].recipient, screen.records[i].subject, screen.records.origins(i)[0][0])
            for i in screen.bounce_list.shown]


def status(app) -> str:
    return str(app.screen.query_one("#status-bar").render())


async def mark(pilot, app, recipient: str) -> None:
    """Move the cursor to the recipient's row and mark it (space)."""
    screen = main_screen(app)
    screen.bounce_list.cursor = [r for r, _s, _f in rows(app)].index(recipient)
    await pilot.press("space")


def change_the_folder(mail: Path) -> Path:
    """Edit, delete, rename and add a message; returns the renamed one's new path."""
    edited = mail / EDITED
    edited.write_bytes(edited.read_bytes().replace(b"Subject: Autumn sale", b"Subject: Winter sale"))
    os.utime(edited, (2_000_000_000, 2_000_000_000))
    (mail / DELETED).unlink()
    moved = mail / "cur" / (Path(RENAMED).name + ":2,S")
    os.rename(mail / RENAMED, moved)
    copy = (mail / COPIED).read_bytes().replace(b"frank@", b"frank.new@").replace(b"F6001", b"F6002")
    (mail / "new" / "1799999999.M999P1.mx1").write_bytes(copy)
    return moved


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@sync
async def test_rescan_shows_what_changed_and_keeps_marks_and_the_cursor(env, maildir, tmp_path, backend):
    app = BounceApp(BACKENDS[backend](maildir, env), lang="en", keymap={})
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        before = rows(app)
        for recipient in ("carol@example.com", "erin@example.com", "grace@nowhere.example"):
            await mark(pilot, app, recipient)
        screen = main_screen(app)
        screen.bounce_list.cursor = [r for r, _s, _f in before].index("grace@nowhere.example")
        await settle(pilot, app)
        assert "3 marked" in status(app)
        moved = change_the_folder(maildir)

        await pilot.press("R")
        await settle(pilot, app)
        after = rows(app)
        assert "+1 new, 1 changed, -1 gone" in status(app)
        assert "2 marked" in status(app)  # the deleted row's mark went with it
        marked = {screen.records[i].recipient for i in screen.bounce_list.marks}
        assert marked == {"carol@example.com", "grace@nowhere.example"}
        assert screen.records[screen.current].recipient == "grace@nowhere.example"  # the cursor stayed
        assert ("grace@nowhere.example", "Autumn sale", str(moved)) in after
        assert "erin@example.com" not in {r for r, _s, _f in after}
        assert ("frank.new@example.com", "Autumn sale", str(maildir / "new" / "1799999999.M999P1.mx1")) in after
        carol = [r for r, _s, _f in before].index("carol@example.com")
        assert after[carol] == ("carol@example.com", "Winter sale", str(maildir / EDITED))  # in its place
        assert "Winter sale" in screen_text(app)
        assert "%d total" % (len(before) + 1 - 1) in status(app)

        await pilot.press("R")  # again: nothing more changed
        await settle(pilot, app)
        assert "nothing changed" in status(app) and rows(app) == after

    fresh = BounceApp(BACKENDS[backend](maildir, tmp_path / "fresh.db"), lang="en", keymap={})
    async with fresh.run_test(size=(140, 40)) as pilot:
        await settle(pilot, fresh)
        assert sorted(rows(fresh)) == sorted(after)  # what a fresh start shows


@sync
async def test_a_rescan_keeps_a_filtered_and_sorted_list_filtered_and_sorted(env, maildir):
    app = BounceApp(make_backend([str(maildir)], db_path=str(env)), lang="en", keymap={})
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"-reason:hostunknown", "enter")
        await settle(pilot, app)
        main_screen(app).sort_by("recipient", True)
        await settle(pilot, app)
        change_the_folder(maildir)
        await pilot.press("R")
        await settle(pilot, app)
        recipients = [r for r, _s, _f in rows(app)]
        assert recipients == sorted(recipients, reverse=True)
        assert "frank.new@example.com" in recipients and "erin@example.com" not in recipients
        assert "grace@nowhere.example" not in recipients  # still filtered out (hostunknown)
        assert "Winter sale" in {s for _r, s, _f in rows(app)}


@sync
async def test_rescan_picks_up_new_sample_mail(env, tmp_path):
    mail = tmp_path / "Maildir"
    shutil.copytree(sample_mail(), mail, ignore=shutil.ignore_patterns("expected.json", "*.md"))
    app = BounceApp(make_backend([str(mail)], db_path=str(env)), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        before = len(main_screen(app).records)
        source = next(p for p in sorted(mail.rglob("*")) if p.is_file() and "tanaka.t@docomo.ne.jp" in p.read_text(errors="replace"))
        copy = source.read_bytes().replace(b"tanaka.t@docomo.ne.jp", b"tanaka.new@docomo.ne.jp")
        (mail / "new").mkdir(exist_ok=True)
        (mail / "new" / "9999999999.new.host").write_bytes(copy)
        await pilot.press("R")
        await settle(pilot, app)
        assert len(main_screen(app).records) > before
        assert "tanaka.new@docomo.ne.jp" in {r for r, _s, _f in rows(app)}
        assert "+1 new" in status(app)


@sync
async def test_watch_picks_up_new_and_deleted_messages_by_itself(env, maildir, monkeypatch):
    from bouncetui.tui.screens import loading

    monkeypatch.setattr(loading, "WATCH_SECONDS", 0.1)
    app = BounceApp(make_backend([str(maildir)], db_path=str(env)), lang="en", keymap={}, watch=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        screen = main_screen(app)
        await until(pilot, lambda: screen._watch_signature is not None, "the first look at the folder")
        change_the_folder(maildir)
        await until(pilot, lambda: "changed" in status(app), "the watch to rescan the changed folder")
        await settle(pilot, app)
        recipients = {r for r, _s, _f in rows(app)}
        assert "frank.new@example.com" in recipients and "erin@example.com" not in recipients
        assert "+1 new, 1 changed, -1 gone · watching" in status(app)


class Scripted(StaticBackend):
    """The records, then for each rescan what changed: a list of items, an Event to wait for."""

    rescans_changes = True

    def __init__(self, records, rescans) -> None:
        super().__init__(records)
        self.rescans = list(rescans)
        self.scans = 0

    def scan(self, on_progress, cancelled):
        self.scans += 1
        if self.scans == 1:
            yield from super().scan(on_progress, cancelled)
            return
        for step in self.rescans.pop(0):
            if isinstance(step, threading.Event):
                step.wait(120)  # the test sets it (the bound only keeps a failed test from hanging)
            else:
                yield step


@sync
async def test_a_row_withdrawn_in_one_batch_and_back_in_a_later_one_gets_its_place_and_mark_back(env, monkeypatch):
    from bouncetui.tui.screens import loading

    monkeypatch.setattr(loading, "BATCH_SECONDS", 0)  # each item is posted as its own batch, at once
    records = fixed_records()
    edited, deleted = records[5], records[2]
    go_on = threading.Event()
    withdrawn = Withdrawn([(edited.origin, [edited.token]), (deleted.origin, [deleted.token])])
    # records[0] again changes nothing; the edited record comes only once the test has looked
    steps = [withdrawn, records[0], go_on, edited.replace(reason="blocked")]
    backend = Scripted(records, [steps])
    app = BounceApp(backend, lang="en", keymap={})
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, app)
        screen = main_screen(app)
        for index in (2, 5):
            screen.bounce_list.cursor = index
            await pilot.press("space")
        screen.bounce_list.cursor = 5
        await settle(pilot, app)
        assert "2 marked" in status(app)

        await pilot.press("R")  # the withdrawal is applied; the edited record has not come yet
        await until(pilot, lambda: len(screen.bounce_list.shown) == len(records) - 2, "the withdrawal's batch")
        assert "marked" not in status(app) and 5 not in screen.bounce_list.shown
        assert screen.current == 6  # the next row, meanwhile
        go_on.set()
        await settle(pilot, app)
        assert screen.bounce_list.shown == [i for i in range(len(records)) if i != 2]
        assert screen.bounce_list.marks == {5} and "1 marked" in status(app)
        assert screen.current == 5 and screen.records[5].reason == "blocked"
        assert "1 changed, -1 gone" in status(app)
        assert "blocked" in screen_text(app)
