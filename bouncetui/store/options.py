"""Command-line options shared by the sub-commands that use the store: --db, --rebuild-cache,
--no-cache; opening and closing the store and reporting its errors the same way everywhere."""

from __future__ import annotations

import argparse
import sys

from bouncetui.store import Store
from bouncetui.store.schema import StoreError, default_db_path, rebuild

EXIT_STORE = 3  # the database could not be used


def add_arguments(parser: argparse.ArgumentParser, *, no_cache: bool = False) -> None:
    group = parser.add_argument_group("database")
    group.add_argument("--db", metavar="PATH", default=None,
                       help="the database of cached records and triage (default: %s)" % default_db_path())
    group.add_argument("--rebuild-cache", action="store_true",
                       help="empty the cache first; a damaged database is moved aside (kept as "
                            "PATH.corrupt-TIME) and replaced, keeping the triage it still holds")
    if no_cache:
        group.add_argument("--no-cache", action="store_true",
                           help="decode everything again; neither read nor write the cache")


def open_store(args: argparse.Namespace) -> Store:
    """The store the options name, rebuilt first with --rebuild-cache; StoreError if unusable."""
    path = args.db or default_db_path()
    if getattr(args, "rebuild_cache", False):
        backup, kept = rebuild(path)
        if backup:
            print("bouncetui: moved the damaged database to %s; a new one keeps %d triage record(s)"
                  % (backup, kept), file=sys.stderr)
    return Store(path)


def open_or_report(args: argparse.Namespace) -> Store | None:
    """open_store, or None after telling the user why the database cannot be used."""
    try:
        return open_store(args)
    except StoreError as exc:
        report(exc)
        return None


def close(store: Store) -> None:
    """Close the store after showing the cache problems a scan went on despite."""
    for warning in store.warnings:
        print("bouncetui: %s" % warning, file=sys.stderr)
    store.close()


def report(error: StoreError, *, fallback: str = "") -> None:
    """Tell the user what is wrong with the database and what to do about it."""
    print("bouncetui: %s" % error, file=sys.stderr)
    if error.corrupt:
        print("bouncetui: run the command again with --rebuild-cache to move the damaged file aside "
              "and start a new database (triage that can still be read is carried over); your mail "
              "is not touched", file=sys.stderr)
    if fallback:
        print("bouncetui: %s" % fallback, file=sys.stderr)
