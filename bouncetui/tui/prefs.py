"""The explorer's remembered choices (theme, reason-panel language), kept between sessions in
$XDG_STATE_HOME/bouncetui/tui.json (default ~/.local/state), written atomically. Options given on
the command line win over them."""

from __future__ import annotations

import json
import os
from typing import Any

from bouncetui.wholefile import write_whole

KEYS = ("theme", "lang")


def prefs_path() -> str:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(base, "bouncetui", "tui.json")


def load() -> dict[str, str]:
    try:
        with open(prefs_path(), encoding="utf-8") as fh:
            data: Any = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: str(v) for k, v in data.items() if k in KEYS and isinstance(v, str)}


def save(**changes: str) -> None:
    """Remember these choices; a failure to write is silently ignored (they are only comforts)."""
    data = {**load(), **{k: v for k, v in changes.items() if k in KEYS}}
    write_whole(prefs_path(), json.dumps(data))
