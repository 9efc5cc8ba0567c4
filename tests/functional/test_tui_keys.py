"""Key bindings from $XDG_CONFIG_HOME/bouncetui/keys.toml, and `bouncetui open --list-keys`."""

from __future__ import annotations

from bouncetui.tui.keys import load_keymap
from tests.functional.tui_support import isolate


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
