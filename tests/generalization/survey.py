"""Run every transformation over the fixtures (and the corpus, when present) and list what changes.

    .venv/bin/python -m tests.generalization.survey [--only NAME,...] [--show N] [PATH ...]

For each message and each transformation that applies to it, the records decoded from the
transformed message are compared with those of the message as it is; each difference is printed
as `transformation  file  #record  field: before -> after`. Figures, not a pass/fail: the tests in
this directory assert the same on a sample.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from bouncetui.decode import decode
from bouncetui.decode.message import normalize_newlines
from tests.generalization.transforms import EXPLORATORY, TRANSFORMS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = (ROOT / ".." / "shared" / "corpus" / "sisimai").resolve()
DEFAULT_PATHS = [ROOT / "tests" / "decode" / "fixtures", ROOT / "tests" / "generalization" / "fixtures",
                 CORPUS / "maildir" / "bsd", CORPUS / "maildir" / "err", CORPUS / "maildir" / "not"]


def message_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
    return files


def records(data: bytes) -> list[dict]:
    try:
        return [b.to_dict() for b in decode(data, "m")]
    except Exception as exc:  # noqa: BLE001 - a failure is a difference to report
        return [{"error": repr(exc)}]


def differences(before: list[dict], after: list[dict]) -> list[str]:
    """'#n field: a -> b' for each field that differs, or the record counts when they do."""
    if len(before) != len(after):
        return ["records: %d -> %d (%s -> %s)" % (len(before), len(after),
                                                   [r.get("recipient") for r in before],
                                                   [r.get("recipient") for r in after])]
    out = []
    for n, (a, b) in enumerate(zip(before, after), 1):
        for key in a:
            if a.get(key) != b.get(key):
                out.append("#%d %s: %r -> %r" % (n, key, a.get(key), b.get(key)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--only", default="", help="comma-separated transformation names")
    parser.add_argument("--show", type=int, default=200, help="differences to print")
    parser.add_argument("--fields", default="", help="only these record fields (comma-separated)")
    args = parser.parse_args(argv)
    every = {**TRANSFORMS, **EXPLORATORY}
    names = [n for n in args.only.split(",") if n] or list(every)
    fields = set(f for f in args.fields.split(",") if f)
    files = message_files(args.paths or DEFAULT_PATHS)
    applied: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    shown = 0
    for path in files:
        data = normalize_newlines(path.read_bytes())
        base = records(data)
        for name in names:
            out = every[name](data)
            if out is None:
                continue
            applied[name] += 1
            diff = differences(base, records(out))
            if fields:
                diff = [d for d in diff if d.split(":")[0].split()[-1] in fields or d.startswith("records")]
            if diff:
                changed[name] += 1
                for line in diff:
                    if shown < args.show:
                        print("%-22s %s  %s" % (name, path, line))
                        shown += 1
    print()
    for name in names:
        print("%-22s applied %4d  changed %3d" % (name, applied[name], changed[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
