"""Key bindings from a config file, and the list of every binding for the help screen.

$XDG_CONFIG_HOME/bouncetui/keys.toml (default ~/.config/bouncetui/keys.toml) maps binding ids
to keys, several separated by commas:

    [keys]
    "main.filter" = "slash,f"
    "list.down" = "j,down,ctrl+n"

Run `bouncetui open --list-keys` (or press ? in the app) to see every id and its keys.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable

from textual.binding import Binding

SECTIONS: tuple[tuple[str, str], ...] = (
    ("The list", "bouncetui.tui.widgets.bounce_list:BounceList"),
    ("Main screen", "bouncetui.tui.screens.main:MainScreen"),
    ("Filter bar", "bouncetui.tui.widgets.filter_bar:FilterBar"),
    ("Everywhere", "bouncetui.tui.app:BounceApp"),
    ("Stats screen", "bouncetui.tui.screens.stats:StatsScreen"),
    ("Mail log screen", "bouncetui.tui.screens.maillog:MaillogScreen"),
    ("Mail log list", "bouncetui.tui.screens.maillog:LogList"),
    ("Raw message and error views", "bouncetui.tui.screens.raw:TextScreen"),
)


def config_dir() -> str:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "bouncetui")


def keys_path() -> str:
    return os.path.join(config_dir(), "keys.toml")


def load_keymap(path: str | None = None) -> tuple[dict[str, str], str]:
    """The keymap in the config file (binding id -> keys) and a problem to report ("" if none)."""
    path = path or keys_path()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return {}, ""
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return {}, "%s: %s" % (path, exc)
    table = data.get("keys", data)
    keymap = {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
    known = {b.id for _title, bindings in binding_sections() for b in bindings if b.id}
    unknown = sorted(set(keymap) - known)
    problem = "%s: unknown binding id(s): %s" % (path, ", ".join(unknown)) if unknown else ""
    return {k: v for k, v in keymap.items() if k in known}, problem


def _resolve(spec: str) -> type:
    import importlib

    module, _colon, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """(section title, its bindings with an id) for every screen and widget that has keys."""
    sections = []
    for title, spec in SECTIONS:
        bindings = [b for b in _resolve(spec).BINDINGS if isinstance(b, Binding) and b.id]
        sections.append((title, bindings))
    return sections


def effective_keys(binding: Binding, keymap: dict[str, str]) -> list[str]:
    keys = keymap.get(binding.id or "", binding.key)
    return [k.strip() for k in keys.split(",") if k.strip()]


KEY_NAMES = {
    "slash": "/", "question_mark": "?", "escape": "Esc", "space": "Space", "enter": "Enter",
    "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End", "down": "↓", "up": "↑",
    "left": "←", "right": "→", "tab": "Tab", "asterisk": "*",
}


def key_display(key: str) -> str:
    if key.startswith("ctrl+"):
        return "Ctrl+" + key_display(key[5:])
    return KEY_NAMES.get(key, key)


# Longer descriptions for the help screen (the footer keeps the short ones).
LONG = {
    "list.select": "Open the detail of the row (zoom the detail pane)",
    "main.filter": "Filter: fuzzy recipient search and field terms",
    "main.back": "Back: leave the detail, stop the scan, clear the filter",
    "main.mark": "Mark or unmark the row",
    "main.mark_all": "Mark every shown row",
    "main.unmark_all": "Unmark every row",
    "main.state": "Set the triage state of the marked rows (or the row)",
    "main.note": "Write a note on the marked rows (or the row)",
    "main.sort": "Sort by the next column",
    "main.sort_reverse": "Reverse the sort order",
    "main.raw": "Raw message: headers, MIME tree, decoded text",
    "main.pager": "Open the raw message in $PAGER",
    "main.copy": "Copy the recipient to the clipboard (OSC 52, works over SSH)",
    "main.copy_record": "Copy the whole record as JSON",
    "main.export": "Export shown or marked rows: CSV, JSON Lines, suppression list",
    "main.stats": "Stats: counts by reason, domain and day",
    "main.language": "Reason panel in English / Japanese",
    "main.rescan": "Pick up new mail now",
    "main.errors": "Messages that could not be read or decoded",
    "main.zoom": "Zoom the detail pane in or out",
    "main.maillog": "Mail log: logged failures, returned or silent (--maillog)",
    "maillog.silent": "Only the failures no bounce came back for",
    "maillog.back": "Back to the bounces",
    "maillog.select": "The bounces of this address (filters the list)",
    "app.quit": "Quit",
    "app.help": "This help",
    "app.theme": "Next colour theme (also: Ctrl+P, theme)",
    "filter.clear": "Clear the filter and close the bar",
    "text.pager": "Open the raw message in $PAGER",
}


def describe(bindings: Iterable[Binding], keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(keys shown, description, binding id) rows for the help screen."""
    return [(" ".join(key_display(k) for k in effective_keys(b, keymap)), LONG.get(b.id or "", b.description),
             b.id or "") for b in bindings]
