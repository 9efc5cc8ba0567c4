"""The catalog's languages: which one to use by default, and the short UI labels in each.

Every text in the catalog exists in English ("en") and Japanese ("ja"). The default follows the
POSIX locale variables the way gettext reads them: LC_ALL, then LC_MESSAGES, then LANG.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from bouncetui.catalog._data import load

LANGUAGES: tuple[str, ...] = ("en", "ja")


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """Return "ja" if the first set of LC_ALL, LC_MESSAGES, LANG starts with "ja", else "en"."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def check_language(lang: str) -> str:
    """Return `lang` if the catalog has it, else raise ValueError naming the ones it has."""
    if lang not in LANGUAGES:
        raise ValueError("unknown language %r: use one of %s" % (lang, ", ".join(LANGUAGES)))
    return lang


def label(key: str, lang: str = "en") -> str:
    """A short UI label ("remedy", "side.sender", "policy.after", ...) in `lang`."""
    check_language(lang)
    return str(load("labels.toml")[lang][key])
