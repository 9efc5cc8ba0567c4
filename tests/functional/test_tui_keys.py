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
