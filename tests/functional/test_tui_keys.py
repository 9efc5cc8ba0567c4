"""Key bindings from $XDG_CONFIG_HOME/bouncetui/keys.toml, and `bouncetui open --list-keys`."""

from __future__ import annotations

import re

from bouncetui.tui.app import BounceApp
from bouncetui.tui.backend import StaticBackend
from bouncetui.tui.keys import load_keymap
from tests.functional.tui_support import fixed_records, isolate, screen_text, settle, shown_recipients, sync


def write_keys(tmp_path, text: str):
    folder = tmp_path / "xdg_config_home" / "bouncetui"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keys.toml").write_text(text, encoding="utf-8")


def test_known_ids_are_loaded_and_unknown_ones_reported(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    write_keys(tmp_path, '[keys]\n"main.filter" = "slash,f"\n"main.nonsense" = "x"\n')
    keymap, problem = load_keymap()
    assert keymap == {"main.filter": "slash,f"}
    assert "main.nonsense" in problem


def test_a_broken_file_is_reported_not_fatal(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    write_keys(tmp_path, "[keys\n")
    keymap, problem = load_keymap()
    assert keymap == {} and "keys.toml" in problem


def test_no_file_no_problem(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    assert load_keymap() == ({}, "")


def test_list_keys_prints_every_id_with_its_keys(monkeypatch, tmp_path, capsys):
    from bouncetui.cli import main

    isolate(monkeypatch, tmp_path)
    write_keys(tmp_path, '[keys]\n"main.export" = "x"\n')
    assert main(["open", "--list-keys"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line and not line.startswith("#")}
    assert "main.filter" in lines and "/" in lines["main.filter"].split()[1:2]
    assert lines["main.export"].split()[1] == "x"


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


def footer_keys(app) -> list[tuple[str, str]]:
    """The keys the current screen's footer shows: (key, description) each."""
    from textual.widgets._footer import FooterKey

    return [(key.key, key.description) for key in app.screen.query(FooterKey)]


def bound_keys(app) -> list[tuple[str, str]]:
    """The keys the screen's bindings say the footer shows (as Textual's Footer lists them: the
    first key of each action)."""
    first: dict[str, tuple[str, str]] = {}
    for _, binding, _, _ in app.screen.active_bindings.values():
        if binding.show:
            first.setdefault(binding.action, (binding.key, binding.description))
    return list(first.values())


@sync
async def test_footer_follows_the_keys_and_is_not_remade_when_they_stay(env, monkeypatch):
    from bouncetui.tui.widgets.footer import KeyFooter

    remade = []
    recompose = KeyFooter.recompose

    async def counted(self):
        remade.append(self.screen)
        await recompose(self)

    monkeypatch.setattr(KeyFooter, "recompose", counted)
    app = BounceApp(StaticBackend(fixed_records()), lang="en", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        listing = footer_keys(app)
        assert ("slash", "Filter") in listing and ("q", "Quit") in listing
        assert [k for k in listing if k[1] != "palette"] == bound_keys(app)
        before = len(remade)
        app.screen.refresh_bindings()  # the same keys: the footer stays as it is
        await settle(pilot, app)
        assert len(remade) == before and footer_keys(app) == listing
        await pilot.press("slash")  # the filter input has the focus: its keys show
        await settle(pilot, app)
        assert [k for k in footer_keys(app) if k[1] != "palette"] == bound_keys(app) != \
            [k for k in listing if k[1] != "palette"]
        await pilot.press("escape", "question_mark")
        await settle(pilot, app)
        assert "Help" in app.screen.title
        assert [k for k in footer_keys(app) if k[1] != "palette"] == bound_keys(app)
