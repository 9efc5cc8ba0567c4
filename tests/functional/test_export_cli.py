"""`bouncetui scan` through the cache, `bouncetui triage` and `bouncetui export` from the command line."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from bouncetui.cli import main
from bouncetui.store import cache

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "bounces"
SAMPLE_MAIL = ROOT / "sample_mail"


@pytest.fixture
def maildir(tmp_path) -> str:
    shutil.copytree(FIXTURE, tmp_path / "Maildir")
    return str(tmp_path / "Maildir")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def token_of(capsys, maildir: str, recipient: str, db: str) -> str:
    _, out, _ = run(capsys, "scan", "--format", "jsonl", "--db", db, maildir)
    return next(r["token"] for r in jsonl(out) if r["recipient"] == recipient)


def mail_bytes(folder: str) -> dict[str, bytes]:
    return {os.path.relpath(os.path.join(d, f), folder): open(os.path.join(d, f), "rb").read()
            for d, _, files in os.walk(folder) for f in files}


def test_scan_caches_in_the_xdg_data_directory(capsys, maildir, monkeypatch):
    code, first, _ = run(capsys, "scan", "--format", "jsonl", maildir)
    assert code == 0 and len(jsonl(first)) == 11
    assert os.path.isfile(os.path.join(os.environ["XDG_DATA_HOME"], "bouncetui", "bouncetui.db"))
    monkeypatch.setattr(cache, "read_file", lambda *a, **k: pytest.fail("a cached message was read"))
    code, second, _ = run(capsys, "scan", "--format", "jsonl", maildir)
    assert code == 0 and second == first


def test_no_cache_and_db(capsys, maildir, tmp_path):
    code, out, _ = run(capsys, "scan", "--no-cache", "--format", "jsonl", maildir)
    assert code == 0 and len(jsonl(out)) == 11
    assert not os.path.exists(os.path.join(os.environ["XDG_DATA_HOME"], "bouncetui"))
    db = tmp_path / "elsewhere" / "my.db"
    code, again, _ = run(capsys, "scan", "--db", str(db), "--format", "jsonl", maildir)
    assert code == 0 and again == out and db.is_file()


def test_triage_then_export_shows_state_and_note(capsys, maildir, tmp_path):
    db = str(tmp_path / "t.db")
    token = token_of(capsys, maildir, "carol@example.com", db)
    code, _, err = run(capsys, "triage", "--db", db, "--state", "investigating", "--note", "full since May", token)
    assert code == 0 and "1 record(s) triaged" in err
    code, out, _ = run(capsys, "export", "--db", db, maildir)
    rows = {r["recipient"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (rows["carol@example.com"]["state"], rows["carol@example.com"]["note"]) == ("investigating", "full since May")
    assert rows["bob@example.org"]["state"] == "new"
    code, out, _ = run(capsys, "triage", "--db", db, token)
    assert code == 0 and out.split("\t")[:2] == [token, "investigating"]


def test_triage_reads_tokens_from_stdin(capsys, maildir, tmp_path, monkeypatch):
    db = str(tmp_path / "t.db")
    tokens = [token_of(capsys, maildir, r, db) for r in ("carol@example.com", "dave@example.com")]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(tokens) + "\n"))
    assert run(capsys, "triage", "--db", db, "--state", "resolved", "-")[0] == 0
    code, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl", "--filter", "state:resolved", maildir)
    assert sorted(r["recipient"] for r in jsonl(out)) == ["carol@example.com", "dave@example.com"]


def test_triage_refuses_what_is_not_a_token(capsys):
    code, _, err = run(capsys, "triage", "--state", "ignore", "alice@example.net")
    assert code == 1 and "not a record token" in err


def test_filter_help_prints_the_query_language(capsys):
    code, out, _ = run(capsys, "export", "--filter-help")
    assert code == 0 and "-state:ignore" in out and "since:" in out


def test_triage_refuses_an_unknown_state(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["triage", "--state", "deleted", "abc"])
    assert exited.value.code == 1 and "invalid choice: 'deleted'" in capsys.readouterr().err


def test_export_collapses_the_postmaster_copy(capsys, maildir):
    code, out, err = run(capsys, "export", "--format", "jsonl", maildir)
    rows = jsonl(out)
    alice = [r for r in rows if r["recipient"] == "alice@example.net"]
    assert code == 0 and len(rows) == 10 and "10 row(s)" in err
    assert len(alice) == 1 and len(alice[0]["origins"]) == 2
    code, out, _ = run(capsys, "scan", "--format", "jsonl", maildir)
    assert len([r for r in jsonl(out) if r["recipient"] == "alice@example.net"]) == 2  # scan does not


def test_export_filter(capsys, maildir):
    code, out, _ = run(capsys, "export", "--format", "jsonl", "--filter", "hard -backscatter -domain:example.net", maildir)
    assert code == 0 and sorted(r["recipient"] for r in jsonl(out)) == ["erin@example.com", "grace@nowhere.example"]
    code, _, err = run(capsys, "export", "--filter", "reasn:userunknown", maildir)
    assert code == 1 and "unknown field 'reasn'" in err


def test_suppression_list(capsys, maildir, tmp_path):
    db = str(tmp_path / "t.db")
    frank = token_of(capsys, maildir, "frank@example.com", db)
    erin = token_of(capsys, maildir, "erin@example.com", db)
    run(capsys, "triage", "--db", db, "--state", "suppress", frank)
    run(capsys, "triage", "--db", db, "--state", "ignore", "--note", "a test address", erin)
    code, out, _ = run(capsys, "export", "--db", db, "--suppression", "--soft-threshold", "3",
                       "--span-days", "14", maildir)
    assert code == 0
    assert out.splitlines() == [
        "address,reason,last,count,rule",
        "alice@example.net,userunknown,2026-11-01T00:00:00Z,1,hard",  # its two copies count once
        "bob@example.org,mailboxfull,2026-11-20T09:00:00Z,3,soft",  # 3 over 19 days; carol: once
        # "rejected as spam" in reply to RCPT TO: before DATA a spam verdict judges the sender
        "frank@example.com,rejected,2026-11-23T09:00:00Z,1,state",
        "grace@nowhere.example,hostunknown,2026-11-25T09:00:00Z,1,hard",
    ]  # not dave (a delay notice), erin (ignored), mallory (backscatter: a spam-tagged original)
    code, out, _ = run(capsys, "export", "--db", db, "--suppression", "--span-days", "30", "--format", "jsonl", maildir)
    assert "bob@example.org" not in {r["address"] for r in jsonl(out)}


def test_a_damaged_database(capsys, maildir, tmp_path):
    db = tmp_path / "t.db"
    code, expected, _ = run(capsys, "scan", "--db", str(db), "--format", "jsonl", maildir)
    token = jsonl(expected)[0]["token"]
    run(capsys, "triage", "--db", str(db), "--state", "suppress", token)
    with open(db, "r+b") as fh:  # everything after the SQLite header
        size = fh.seek(0, 2)
        fh.seek(100)
        fh.write(b"\xa5" * (size - 100))
    before = mail_bytes(maildir)

    code, out, err = run(capsys, "scan", "--db", str(db), "--format", "jsonl", maildir)
    assert code == 0 and out == expected  # the scan goes on without the cache
    assert "damaged" in err and "--rebuild-cache" in err

    code, out, err = run(capsys, "export", "--db", str(db), maildir)
    assert code == 3 and out == "" and "--rebuild-cache" in err

    code, out, err = run(capsys, "export", "--db", str(db), "--rebuild-cache", "--format", "jsonl", maildir)
    assert code == 0 and len(jsonl(out)) == 10 and "moved the damaged database to" in err
    assert [p for p in os.listdir(tmp_path) if p.startswith("t.db.corrupt-")]
    assert mail_bytes(maildir) == before


def test_scan_reports_a_database_damaged_mid_scan(capsys, maildir, tmp_path):
    db = tmp_path / "t.db"
    run(capsys, "scan", "--db", str(db), "--format", "jsonl", maildir)
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = 'messages'")]
    conn.close()
    with open(db, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * page_size)
            fh.write(b"\xa5" * page_size)
    code, _, err = run(capsys, "scan", "--db", str(db), "--format", "jsonl", maildir)
    assert code == 3 and "damaged" in err and "--rebuild-cache" in err
    code, out, _ = run(capsys, "scan", "--db", str(db), "--rebuild-cache", "--format", "jsonl", maildir)
    assert code == 0 and len(jsonl(out)) == 11


def test_suppression_on_sample_mail(capsys):
    """The list against sample_mail/expected.json: every hard bounce and every complaint, each once."""
    if not (SAMPLE_MAIL / "expected.json").is_file():
        pytest.skip("sample_mail/expected.json is not there")
    expected = json.loads((SAMPLE_MAIL / "expected.json").read_text(encoding="utf-8"))
    failures = [r for r in expected if r["action"] in ("failed", "")]
    must = {r["recipient"].lower() for r in failures if r["hardbounce"] or r["reason"] == "feedback"}
    code, out, _ = run(capsys, "export", "--suppression", "--format", "jsonl", str(SAMPLE_MAIL))
    listed = jsonl(out)
    assert code == 0 and len({e["address"] for e in listed}) == len(listed)  # one line per address
    assert {e["address"] for e in listed if e["rule"] in ("hard", "now")} == must
    for entry in listed:
        if entry["rule"] == "soft":  # repeated soft failures of one address
            assert len([r for r in failures if r["recipient"].lower() == entry["address"]]) >= 2
    others = {r["recipient"].lower() for r in expected if r["reason"] not in ("blocked", "delivered", "vacation")}
    never = {r["recipient"].lower() for r in expected} - others  # only the sender's faults or no failure
    assert not never & {e["address"] for e in listed}


def test_export_output_is_the_same_for_any_number_of_jobs(capsys, maildir):
    outputs = {run(capsys, "export", "--no-cache", "--format", "jsonl", "--jobs", jobs, maildir)[1]
               for jobs in ("1", "3")}
    assert len(outputs) == 1 and len(jsonl(outputs.pop())) == 10
