"""The command line: one sub-command per module in bouncetui/commands; this file only wires them.

`bouncetui PATH` (no sub-command) opens the explorer; `bouncetui scan|explain|... ARGS` runs one
head-less command. Exit codes (bouncetui/commands/common.py): 0 done, 1 usage error, 2 a path that
does not exist, 3 the database cannot be used; 130 when interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from bouncetui import __version__

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


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    parser = _Parser(prog="bouncetui", description="Explore, decode and triage bounce mail.",
                     epilog="`bouncetui COMMAND --help` describes each command. Exit status: 0 done, "
                            "1 usage error, 2 a path that does not exist, 3 the database cannot be used.")
    parser.add_argument("--version", action="version", version="bouncetui " + __version__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules: dict[str, object] = {}
    for name in COMMANDS:
        module = importlib.import_module(name)
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.__doc__)
        module.add_arguments(command)
        modules[module.NAME] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, modules = build_parser()
    # `bouncetui [PATH] [options]` is short for `bouncetui open [PATH] [options]`.
    if not argv or (argv[0] not in modules and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "open" if "open" in modules else "scan")
    args = parser.parse_args(argv)
    try:
        return int(modules[args.command].run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `bouncetui scan ... | head`
        sys.stderr.close()
        return 0
