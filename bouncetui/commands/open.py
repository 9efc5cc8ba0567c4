"""Open the explorer on PATH (a Maildir, mbox, MH folder, directory or file; default $MAIL or
~/Maildir when present, else the current directory): every bounce in a list you can filter, sort,
inspect and triage from the keyboard (? in the app lists every key; / filters; q quits).
Exit 0 on quit, 1 on a usage error, 2 when a path does not exist."""

from __future__ import annotations

import argparse
import gc
import os
import sys

NAME = "open"
HELP = "open the explorer (the default: `bouncetui PATH` is `bouncetui open PATH`)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="mail to explore (default: $MAIL, ~/Maildir or .)")
    parser.add_argument("--watch", action="store_true", help="pick up messages arriving in PATH without a restart")
    parser.add_argument("--db", metavar="FILE", help="the index and triage database (default: in the data directory)")
    parser.add_argument("--no-cache", action="store_true", help="decode every message again instead of using the index")
    parser.add_argument("--lang", choices=("en", "ja"),
                        help="language of the reason panel (default: the last one chosen, else the locale)")
    parser.add_argument("--theme", metavar="NAME",
                        help="colour theme, e.g. ansi-dark, ansi-light, textual-dark (default: the last one chosen)")
    parser.add_argument("--list-keys", action="store_true",
                        help="print every key binding's id and keys (for keys.toml) and exit")
    parser.add_argument("--maillog", nargs="+", metavar="FILE", help="mail log files to show beside the bounces")


def default_paths(environ: dict[str, str] | None = None) -> list[str]:
    env = os.environ if environ is None else environ
    for candidate in (env.get("MAIL", ""), os.path.join(os.path.expanduser("~"), "Maildir")):
        if candidate and os.path.exists(candidate):
            return [candidate]
    return ["."]


def list_keys() -> int:
    from bouncetui.tui.keys import binding_sections, describe, keys_path, load_keymap

    keymap, problem = load_keymap()
    print("# %s" % keys_path())
    if problem:
        print("# %s" % problem)
    for title, bindings in binding_sections():
        print("\n# %s" % title)
        for keys, description, binding_id in describe(bindings, keymap):
            print("%-22s %-16s %s" % (binding_id, keys, description))
    return 0


def run(args: argparse.Namespace) -> int:
    from bouncetui.tui import timings

    timings.note("parsed")
    if args.list_keys:
        return list_keys()
    paths = args.paths or default_paths()
    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    if missing:
        for path in missing:
            print("bouncetui: %s: no such file or directory" % path, file=sys.stderr)
        return 2
    if "-" in paths:
        print("bouncetui: the explorer reads mail from files; use `bouncetui scan -` for standard input",
              file=sys.stderr)
        return 1
    if args.maillog:
        missing = [p for p in args.maillog if not os.path.exists(p)]
        for path in missing:
            print("bouncetui: %s: no such file or directory" % path, file=sys.stderr)
        if missing:
            return 2

    from bouncetui.tui.app import BounceApp
    from bouncetui.tui.backend import make_backend
    from bouncetui.tui.widgets.reason_panel import default_language

    timings.note("imported")
    # What the imports made lives as long as the explorer: out of the garbage collector's way, or
    # each full collection walks it all again (tens of ms each, while the first rows load).
    # Undone when the explorer ends (main may run in a process that goes on: the tests').
    gc.freeze()
    try:
        backend = make_backend(paths, db_path=args.db, use_cache=not args.no_cache)
        try:
            from bouncetui.tui import prefs

            lang = args.lang or prefs.load().get("lang") or default_language()
            app = BounceApp(backend, lang=lang if lang in ("en", "ja") else "en", watch=args.watch,
                            theme=args.theme, maillogs=args.maillog, remember=True)
        except ValueError as exc:
            backend.close()
            print("bouncetui: %s" % exc, file=sys.stderr)
            return 1
        timings.note("app")
        app.run()
        return 0
    finally:
        gc.unfreeze()
