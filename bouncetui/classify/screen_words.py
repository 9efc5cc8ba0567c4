"""Writes classify/screen_words.json: the words every screen of the package needs (screen.py).

    python -m bouncetui.classify.screen_words          # after changing a screened pattern

The file holds, for each (pattern, flags) the package's screens ask about (the classifier's tables
and the decoders' stage screens), the words screen.read_words reads in it, and the Python version
that read them. A process then looks them up instead of parsing every pattern again.
"""

from __future__ import annotations

import json
import sys

from bouncetui.classify import screen


def collect() -> list[tuple[str, int, tuple[str, ...]]]:
    """(pattern, flags, words) of every pattern the package screens, read now, in order. Imports
    the decoders and builds every classifier table (in a process that has not: the words of
    patterns asked about earlier are not asked again)."""
    import bouncetui.decode  # noqa: F401  (its modules build their screens when imported)
    from bouncetui.classify import compiled

    compiled().screen  # noqa: B018  (built on first use)
    return [(pattern, flags, screen.read_words(pattern, flags)) for pattern, flags in sorted(screen.ASKED)]


def render(entries: list[tuple[str, int, tuple[str, ...]]]) -> str:
    """The file's text: one entry a line, so that a changed pattern changes one line."""
    lines = ",\n".join("  " + json.dumps([pattern, flags, list(words)], ensure_ascii=False)
                       for pattern, flags, words in entries)
    return '{"python": "%d.%d", "words": [\n%s\n]}\n' % (sys.version_info[0], sys.version_info[1], lines)


def main() -> int:
    screen._stored = {}  # read every pattern, not the file being replaced
    text = render(collect())
    screen.WORDS_FILE.write_text(text, encoding="utf-8")
    print("%s: %d patterns" % (screen.WORDS_FILE, text.count("\n") - 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
