"""The explorer driven like a user drives it: load sample_mail, filter, fuzzy-search with a typo,
sort, mark, set a state, export, open the detail and the raw view, toggle the language."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend, make_backend
from tests.functional.tui_support import (
    fixed_records,
    isolate,
    main_screen,
    sample_mail,
    screen_text,
    settle,
    sync,
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


@pytest.fixture
def env(monkeypatch, tmp_path):
    return isolate(monkeypatch, tmp_path)


def sample_app(db: Path, path: Path | None = None) -> BounceApp:
    return BounceApp(make_backend([str(path or sample_mail())], db_path=str(db)), lang="en", keymap={})


def shown_recipients(app) -> list[str]:
    screen = main_screen(app)
    return [screen.records[i].recipient for i in screen.bounce_list.shown]


def detail_body(app) -> str:
    """The whole text of the detail pane (also what is scrolled out of view)."""
    return str(app.screen.query_one("#detail-body").render())


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


async def type_filter(pilot, app, text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot, app)


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
async def test_fuzzy_search_with_a_typo_finds_the_address_first(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await type_filter(pilot, app, "tanak@docomo")
        shown = shown_recipients(app)
        assert shown and shown[0] == "tanaka.t@docomo.ne.jp"
        text = screen_text(app)
        assert "filter: tanak@docomo" in text
        assert "tanaka.t@docomo.ne.jp" in text.split("\n")[3]  # the first row under the column titles


@sync
async def test_field_filter_negation_and_escape(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        total = len(shown_recipients(app))
        screen = main_screen(app)
        await type_filter(pilot, app, "hard")
        hard = [screen.records[i] for i in screen.bounce_list.shown]
        assert hard and all(r.hardbounce for r in hard)
        await pilot.press("slash", "ctrl+u", *"-hard", "enter")
        await settle(pilot, app)
        soft = [screen.records[i] for i in screen.bounce_list.shown]
        assert soft and not any(r.hardbounce for r in soft)
        assert len(hard) + len(soft) == total
        await pilot.press("escape")  # back on the list: Esc clears the filter
        await settle(pilot, app)
        assert len(shown_recipients(app)) == total
        assert "filter:" not in screen_text(app)


@sync
async def test_unknown_field_is_explained_not_applied(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await type_filter(pilot, app, "hard")
        hard = shown_recipients(app)
        await pilot.press("slash")
        app.screen.query_one("#filter-input").value = "hard colour:red"  # pasted at once
        await settle(pilot, app)
        assert "unknown field 'colour'" in screen_text(app)
        assert shown_recipients(app) == hard  # the last query that made sense still applies


@sync
async def test_sort_by_recipient_and_reverse(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("s", "s")  # scan order -> date -> recipient
        await settle(pilot, app)
        shown = [r.lower() for r in shown_recipients(app)]
        assert shown == sorted(shown)
        assert "RECIPIENT ▲" in screen_text(app)
        await pilot.press("S")
        await settle(pilot, app)
        shown = [r.lower() for r in shown_recipients(app)]
        assert shown == sorted(shown, reverse=True)
        assert "RECIPIENT ▼" in screen_text(app)


@sync
async def test_click_on_a_column_title_sorts(env):
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        header = screen_text(app).split("\n")[1]
        await pilot.click("#list-header", offset=(header.index("REASON") + 1, 0))
        await settle(pilot, app)
        screen = main_screen(app)
        reasons = [screen.records[i].reason for i in screen.bounce_list.shown]
        assert reasons == sorted(reasons)
        assert "REASON ▲" in screen_text(app)


@sync
async def test_mark_and_set_state_persist_in_the_store(env):
    from bouncetui.store import Store

    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = main_screen(app)
        first, second = screen.bounce_list.shown[:2]
        await pilot.press("space", "space")
        assert "2 marked" in screen_text(app)
        await pilot.press("t")
        await settle(pilot, app)
        assert "Set the state of 2 records" in screen_text(app)
        await pilot.press("3")  # resolved
        await settle(pilot, app)
        await pilot.press("n")
        await settle(pilot, app)
        await pilot.press(*"called them", "enter")
        await settle(pilot, app)
        tokens = [screen.records[i].token for i in (first, second)]
    with Store(str(env)) as store:
        triage = store.triage(tokens)
    assert {t.state for t in triage.values()} == {"resolved"}
    assert {t.note for t in triage.values()} == {"called them"}
    # a second session sees the state: the filter finds them
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await type_filter(pilot, app, "state:resolved")
        assert sorted(main_screen(app).records[i].token for i in main_screen(app).bounce_list.shown) == sorted(tokens)
        await pilot.press("enter")
        await settle(pilot, app)
        assert "resolved  — called them" in screen_text(app)


@sync
async def test_export_shown_rows_as_csv_and_a_suppression_list(env, tmp_path):
    app = sample_app(env)
    out = tmp_path / "out.csv"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(out)
        path_input.focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert any("Wrote" in str(n.message) for n in app._notifications)
        shown = shown_recipients(app)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("origin,")
    for recipient in shown:
        assert recipient in text
    suppression = tmp_path / "suppress.txt"
    app = sample_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await type_filter(pilot, app, "hard")
        hard = set(shown_recipients(app))
        await pilot.press("e")
        await settle(pilot, app)
        app.screen.query_one("#export-format").query("RadioButton")[2].value = True
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(suppression)
        path_input.focus()
        await pilot.press("enter")
        await settle(pilot, app)
    listed = suppression.read_text(encoding="utf-8")
    assert hard and all(address.lower() in listed.lower() for address in hard)


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
async def test_hostile_text_is_shown_inert(env):
    record = fixed_records()[0].replace(subject="\x1b]0;pwned\x07\x1b[2Jhello", recipient="evil\x1b[31m@x.example")
    app = BounceApp(StaticBackend([record]), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert "^[]0;pwned" in text


@sync
async def test_keys_config_remaps_a_binding_and_help_lists_it(env, tmp_path):
    config = tmp_path / "xdg_config_home" / "bouncetui"
    config.mkdir(parents=True)
    (config / "keys.toml").write_text('[keys]\n"main.filter" = "f"\n', encoding="utf-8")
    app = BounceApp(StaticBackend(fixed_records()), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f", *"gmail", "enter")
        await settle(pilot, app)
        assert shown_recipients(app) == ["full@gmail.com"]
        await pilot.press("question_mark")
        await settle(pilot, app)
        help_text = screen_text(app)
        assert re.search(r"^\s*f\s+Filter", help_text, re.MULTILINE)
        assert "Mark" in help_text and "Export" in help_text


@sync
async def test_palette_offers_reasons_as_quick_filters(env):
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        await pilot.press(*"reason:mailboxfull")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert shown_recipients(app) == ["full@gmail.com"]


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


def test_missing_path_exits_2_before_the_app_starts(capsys):
    from bouncetui.cli import main

    assert main(["/no/such/mail/dir"]) == 2
    assert "no such file or directory" in capsys.readouterr().err


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
        for _ in range(600):  # the log is read after the scan, in a worker
            if screen.log_view is not None:
                break
            await pilot.pause(0.05)
        assert screen.log_view is not None
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
        for _ in range(200):
            if screen.records:
                break
            await pilot.pause(0.02)
        assert screen.scanning and "scanning" in screen_text(app)
        await pilot.press("j", "question_mark")  # keys answered while the scan runs
        assert "Help" in app.screen.title
        await pilot.press("escape", "escape")
        await settle(pilot, app)
        assert not screen.scanning
        assert "scan stopped" in screen_text(app)
        assert shown_recipients(app) == [fixed_records()[0].recipient]


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
async def test_mark_all_shown_then_set_their_state(env):
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await type_filter(pilot, app, "hard")
        hard = set(main_screen(app).bounce_list.shown)
        await pilot.press("a")
        assert "%d marked" % len(hard) in screen_text(app)
        await pilot.press("t", "4")  # suppress
        await settle(pilot, app)
        await pilot.press("slash", "ctrl+u", *"state:suppress", "enter")
        await settle(pilot, app)
        assert set(main_screen(app).bounce_list.shown) == hard


@sync
async def test_filter_bar_completes_field_names_and_values(env):
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"rea")
        await settle(pilot, app)
        await pilot.press("right")
        field = app.screen.query_one("#filter-input")
        assert field.value == "reason:"
        await pilot.press(*"mai")
        await settle(pilot, app)
        await pilot.press("right", "enter")
        await settle(pilot, app)
        assert field.value == "reason:mailboxfull"
        assert shown_recipients(app) == ["full@gmail.com"]


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


@sync
async def test_theme_and_language_choices_are_remembered(env):
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={}, remember=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+t", "L")
        await settle(pilot, app)
        chosen = app.theme
    from bouncetui.tui import prefs

    assert prefs.load() == {"theme": chosen, "lang": "ja"}
    again = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={}, remember=True)
    assert again.theme == chosen


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
    import os

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
async def test_a_long_list_narrowed_by_the_filter_scrolls_within_its_rows(env):
    base = fixed_records()
    records = [base[i % len(base)].replace(recipient="user%03d@%s" % (i, base[i % len(base)].destination),
                                           token="token%03d" % i) for i in range(300)]
    app = BounceApp(StaticBackend(records), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = main_screen(app)
        listed = screen.bounce_list
        await pilot.press("G")  # the last row, the list scrolled to its end
        await settle(pilot, app)
        assert listed.scroll_offset.y == 300 - listed.size.height
        await type_filter(pilot, app, "reason:userunknown")  # fewer rows, still more than a screen
        count = len(listed.shown)
        assert listed.size.height < count < 300
        assert listed.max_scroll_y == count - listed.size.height  # the scroll bar is the new list's
        assert listed.scroll_offset.y <= listed.max_scroll_y
        await pilot.press("G")
        await settle(pilot, app)
        last = screen.records[listed.shown[-1]].recipient
        assert last in screen_text(app)
        await pilot.press("escape")
        await type_filter(pilot, app, "to:user00")  # a few rows: no scroll bar
        assert len(listed.shown) < listed.size.height and listed.max_scroll_y == 0
        assert "user001@" in screen_text(app)


@sync
async def test_a_query_longer_than_the_filter_bar_shows_its_end_as_it_is_typed(env):
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"".join("-to:nobody%02d " % i for i in range(8)), *"tanak@docomo")
        await settle(pilot, app)
        assert "tanak@docomo" in screen_text(app).splitlines()[1]  # the bar's line: the text's end in view
        assert shown_recipients(app)[0] == "tanaka.t@docomo.ne.jp"
        await pilot.press("enter")
        await settle(pilot, app)
        assert "filter: -to:nobody00" in screen_text(app)  # the title says the whole query once typed
