"""The filter bar and the sort, driven like a user drives them: fuzzy search with a typo, field
filters and their negation, an unknown field explained, completion, the palette's quick filters,
a long query, a narrowed list's scrolling, and sorting by key and by a click on a column title."""

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
