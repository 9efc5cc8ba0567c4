"""The foundation's promises over the real corpus (skipped where ../shared is absent)."""

from __future__ import annotations

import collections
import json
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def scanned(request):
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/sisimai not present (a user's clone): corpus tests skipped")
    proc = subprocess.run([sys.executable, "-m", "bouncetui", "scan", "--format", "jsonl", str(CORPUS)],
                          capture_output=True, timeout=600)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    by_file = collections.defaultdict(list)
    for row in rows:
        by_file[str(row["origin"]).replace(str(CORPUS) + "/", "")].append(row)
    return proc, by_file, CORPUS


def test_scan_completes_without_traceback(scanned):
    proc, _, _ = scanned
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr


def test_no_record_from_mail_that_is_not_a_bounce(scanned):
    _, by_file, _ = scanned
    assert by_file.get("maildir/not/is-not-bounce-01.eml", []) == []
    assert by_file.get("maildir/not/is-not-bounce-02.eml", []) == []


def test_a_real_bounce_filed_as_not_a_bounce_is_still_decoded(scanned):
    # rb-issue-368-bug.eml is a postmaster's "Mailbox full" notice for a named recipient;
    # see tests/corpus/DISAGREEMENTS.md.
    _, by_file, _ = scanned
    rows = by_file["maildir/not/rb-issue-368-bug.eml"]
    assert [(r["recipient"], r["reason"]) for r in rows] == [("xxxx@yyyyyy.net", "mailboxfull")]


def test_every_standard_report_yields_records(scanned):
    _, by_file, root = scanned
    names = sorted(p.name for p in (root / "maildir" / "bsd").iterdir()
                   if p.name.startswith(("rfc3464-", "arf-", "rfc3834-")))
    assert names
    missing = [n for n in names if not by_file.get("maildir/bsd/" + n)]
    assert missing == []


def test_mbox_yields_the_reports_of_its_37_messages(scanned):
    _, by_file, _ = scanned
    positions = {row["position"] for row in by_file["mailbox/mbox-0"]}
    assert positions == set(range(1, 38))
