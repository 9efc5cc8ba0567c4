"""Load the catalog's TOML data files once, lazily, and hand out the parsed tables.

The texts live in `data/` beside this module so that writers can edit them without touching code.
Every loader is cached: the first caller pays for the parse, everyone after gets the same dict.
Long texts are written wrapped in the files; `unwrap` turns them back into paragraphs.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any


@cache
def _data() -> Any:
    """The data folder (found on first use: importing the catalog reads nothing, and the
    explorer imports it as it starts)."""
    from importlib.resources import files

    return files("bouncetui.catalog").joinpath("data")


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of `data/NAME` (for example "status_codes.toml")."""
    return tomllib.loads(_data().joinpath(name).read_text(encoding="utf-8"))


@cache
def load_dir(name: str) -> dict[str, Any]:
    """The tables of every `data/NAME/*.toml`, merged; a key defined twice is an error."""
    merged: dict[str, Any] = {}
    for item in sorted(_data().joinpath(name).iterdir(), key=lambda entry: entry.name):
        if not item.name.endswith(".toml"):
            continue
        for key, value in tomllib.loads(item.read_text(encoding="utf-8")).items():
            if key in merged:
                raise ValueError("catalog data: %r defined twice (again in %s/%s)" % (key, name, item.name))
            merged[key] = value
    return merged


@cache
def _wide() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Japanese letters, and Japanese punctuation and full-width forms (compiled on first use:
    classes of such wide ranges take milliseconds to compile, and the explorer imports the
    catalog as it starts)."""
    return (re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"),
            re.compile(r"[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"))


def unwrap(text: str) -> str:
    """Join the wrapped lines of each paragraph; paragraphs stay separated by one blank line.

    Lines are joined with a space, as English words and as Japanese next to Latin text are; with
    nothing between two Japanese characters or next to Japanese punctuation. A line that starts
    with "- " or "・" (a list item) stays on a line of its own.
    """
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        joined = ""
        for line in (line.strip() for line in block.splitlines()):
            if not line:
                continue
            if not joined:
                joined = line
            elif line.startswith(("- ", "・")):
                joined += "\n" + line
            elif _tight(joined[-1], line[0]):
                joined += line
            else:
                joined += " " + line
        paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def _tight(before: str, after: str) -> bool:
    """True if two characters meeting at a line break join without a space."""
    wide, punct = _wide()
    if punct.match(before) or punct.match(after):
        return True
    return bool(wide.match(before) and wide.match(after))
