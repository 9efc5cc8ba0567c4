"""Marking rows, setting their triage state and note (kept in the store for the next session),
and exporting the shown rows as CSV and as a suppression list."""

from __future__ import annotations

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from tests.functional.tui_support import (
    fixed_records,
    main_screen,
    sample_app,
    screen_text,
    settle,
    shown_recipients,
    sync,
    type_filter,
)


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
