"""The command line: one sub-command per module in bouncetui/commands; this file only wires them.

`bouncetui PATH` (no sub-command) opens the explorer; `bouncetui scan|explain|... ARGS` runs one
head-less command. Exit codes (bouncetui/commands/common.py): 0 done, 1 usage error, 2 a path that
does not exist, 3 the database cannot be used; 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import sys
from collections.abc import Iterator

from bouncetui import __version__
from bouncetui.collector import collect_less

# Sub-command modules, in the order `bouncetui --help` lists them. Each module has NAME, HELP,
# add_arguments(parser) and run(args) -> int.
COMMANDS = (
    "bouncetui.commands.open",
    "bouncetui.commands.scan",
    "bouncetui.commands.explain",
    "bouncetui.commands.maillog",
    "bouncetui.commands.triage",
    "bouncetui.commands.export",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 1, not argparse's 2
        self.print_usage(sys.stderr)
        self.exit(1, "%s: error: %s\n" % (self.prog, message))


def command_of(argv: list[str]) -> str | None:
    """The sub-command `argv` runs ("open" when it names none), None for the top-level --help,
    which lists every command, and "" for --version, which needs none."""
    if argv and argv[0] in ("-h", "--help"):
        return None
    if argv and argv[0] == "--version":
        return ""
    names = {module.rpartition(".")[2] for module in COMMANDS}
    if argv and argv[0] in names:
        return argv[0]
    return "open" if "open" in names else "scan"


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, object]]:
    """The parser with every sub-command, or with `only` that one: a command's module is imported
    only when it is run (the explorer's and explain's modules take longer to import than a
    rescan from the cache takes to run)."""
    parser = _Parser(prog="bouncetui", description="Explore, decode and triage bounce mail.",
                     epilog="`bouncetui COMMAND --help` describes each command. Exit status: 0 done, "
                            "1 usage error, 2 a path that does not exist, 3 the database cannot be used.")
    parser.add_argument("--version", action="version", version="bouncetui " + __version__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules: dict[str, object] = {}
    for name in COMMANDS:
        if only is not None and name.rpartition(".")[2] != only:
            continue
        module = importlib.import_module(name)
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.__doc__)
        module.add_arguments(command)
        modules[module.NAME] = module
    return parser, modules


# True while main() runs as the program itself (its arguments are the process's command line),
# not called by other code such as a test: the worker pool may then fork this process (see
# workpool.prestart).
PROGRAM = False


def main(argv: list[str] | None = None) -> int:
    global PROGRAM
    PROGRAM = argv is None
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    finally:
        PROGRAM = False


def _main(argv: list[str]) -> int:
    command = command_of(argv)
    headless = command != "open"  # not the explorer, a long-lived process: see few_collections
    with contextlib.ExitStack() as stack:
        if headless:
            stack.enter_context(few_collections())
        parser, modules = build_parser(command)
        if headless:
            gc.freeze()  # the imports are done
        # `bouncetui [PATH] [options]` is short for `bouncetui open [PATH] [options]`.
        if command and (not argv or argv[0] != command):
            argv.insert(0, command)
        args = parser.parse_args(argv)
        try:
            return int(modules[args.command].run(args) or 0)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # `bouncetui scan ... | head`
            sys.stderr.close()
            return 0
    return 0  # not reached




@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """Fewer cyclic garbage collections while a head-less command runs: it makes many small
    objects that form no cycle (modules' functions, listing entries, cache rows, lines), a young
    collection ran every 700 allocations and each of the oldest generation walked every object
    the imports made. The young generation is collected less often (collector.YOUNG), and the
    objects made by the imports are set aside once they are done (gc.freeze, by the caller). A warm
    rescan of 12,000 messages: 2% fewer instructions. Both are undone at the end (main may run in
    a process that goes on: the tests'), except the freeze in the program's own process, which
    ends next: Python's collections at exit would walk every object the imports made (a cold scan's
    exit: 20 million instructions more)."""
    threshold = collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not PROGRAM:
            gc.unfreeze()
