"""Set the triage state and/or note of records, by token (the `token` field of `scan` and `export`
output), as the explorer does. TOKEN - reads tokens from standard input, one per line, e.g.
`bouncetui export ~/Maildir --format jsonl --filter hard | jq -r .token | bouncetui triage
--state suppress -`. All tokens change in one transaction: all or none. Without --state and
--note, prints the current triage of each TOKEN (tab-separated: token, state, changed, note).
Exit 0 when done, 1 on a usage error, 3 when the database cannot be used."""

from __future__ import annotations

import argparse
import re
import sys
import time

from bouncetui.commands.common import EXIT_DONE, EXIT_STORE, usage_error, warn
from bouncetui.store import NEW, STATES, Store, StoreError
from bouncetui.store import options as store_options
from bouncetui.textsafe import one_line

TOKEN = re.compile(r"[0-9a-f]{40}")  # model.make_token: a SHA-1 in hexadecimal
NAME = "triage"
HELP = "set the triage state (new, investigating, resolved, suppress, ignore) or note of records"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("tokens", nargs="+", metavar="TOKEN", help="record tokens; - reads them from stdin")
    parser.add_argument("-s", "--state", choices=STATES, help="the new state")
    parser.add_argument("-n", "--note", metavar="TEXT", help="the new note (an empty string clears it)")
    store_options.add_arguments(parser)


def read_tokens(args: list[str]) -> list[str]:
    tokens: list[str] = []
    for token in args:
        if token == "-":
            tokens.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            tokens.append(token.strip())
    return list(dict.fromkeys(t for t in tokens if t))


def run(args: argparse.Namespace) -> int:
    tokens = read_tokens(args.tokens)
    malformed = [t for t in tokens if not TOKEN.fullmatch(t)]
    if malformed:
        return usage_error(NAME, "%s is not a record token (40 hexadecimal digits, the `token` field of "
                                 "scan and export output)" % one_line(malformed[0]))
    store = store_options.open_or_report(args)
    if store is None:
        return EXIT_STORE
    try:
        if args.state is None and args.note is None:
            print_triage(store, tokens)
            return EXIT_DONE
        store.set_triage(tokens, state=args.state, note=args.note)
    except StoreError as exc:
        store_options.report(exc)
        return EXIT_STORE
    finally:
        store.close()
    warn("%d record(s) triaged" % len(tokens))
    return EXIT_DONE


def print_triage(store: Store, tokens: list[str]) -> None:
    """One line per token: token, state, when it changed (local time), note; tab-separated."""
    known = store.triage(tokens)
    for token in tokens:
        entry = known.get(token, NEW)
        changed = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(entry.changed)) if entry.changed else "-"
        print("%s\t%s\t%s\t%s" % (token, entry.state, changed, one_line(entry.note)))
