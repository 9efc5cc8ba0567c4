"""Writing a small file whole or not at all: the text goes to a temporary file beside it, which is
then renamed over it, so a reader finds the old content or the new, never a part of it."""

from __future__ import annotations

import os


def write_whole(path: str, text: str) -> bool:
    """Write `text` (UTF-8) to `path`, creating its folder; False when it could not be written
    (a read-only place), and then nothing of it is left behind."""
    temporary = "%s.%d.tmp" % (path, os.getpid())
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            os.remove(temporary)
        except OSError:
            pass
        return False
