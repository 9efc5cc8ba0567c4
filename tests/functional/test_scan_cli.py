"""`bouncetui scan`: formats, exit codes, errors on stderr, the JSON Lines contract."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bouncetui.cli import main
from bouncetui.model import FIELD_NAMES

FIXTURES = Path(__file__).resolve().parent.parent / "decode" / "fixtures" / "rfc"
DSN = str(FIXTURES / "postfix-dsn-two-recipients.eml")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_has_every_record_field(capsys):
    code, out, _ = run(capsys, "scan", "--format", "jsonl", DSN)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["recipient"] for r in rows] == ["no-such-user@example.net", "full-box@example.org"]
    assert list(rows[0]) == list(FIELD_NAMES)
    assert rows[0]["origin"] == DSN and rows[0]["position"] == 1


def test_json_is_one_array(capsys):
    code, out, _ = run(capsys, "scan", "--format", "json", str(FIXTURES))
    assert code == 0
    data = json.loads(out)
    assert {r["reason"] for r in data} >= {"userunknown", "feedback", "vacation", "delivered"}


def test_csv_has_a_header_and_a_row_per_record(capsys):
    code, out, _ = run(capsys, "scan", "--format", "csv", DSN)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2
    assert rows[0]["hardbounce"] == "1" and rows[1]["hardbounce"] == "0"


def test_table_is_aligned_and_cut_to_width(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run(capsys, "scan", "--format", "table", DSN)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("DATE") and "RECIPIENT" in lines[0]
    assert all(len(line) <= 100 for line in lines)
    assert "userunknown" in lines[1] and "mailboxfull" in lines[2]
    assert "2 record(s), 0 error(s)" in err


def test_table_drops_columns_on_a_narrow_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "scan", "--format", "table", DSN)
    lines = out.splitlines()
    assert code == 0 and all(len(line) <= 80 for line in lines)
    assert "RECIPIENT" in lines[0] and "DIAGNOSTIC" not in lines[0]
    assert "no-such-user@example.net" in lines[1]


def test_output_file(tmp_path, capsys):
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "scan", "--format", "jsonl", "--output", str(target), DSN)
    assert code == 0 and out == ""
    assert len(target.read_text().splitlines()) == 2


def test_missing_path_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "scan", str(tmp_path / "nope"))
    assert code == 2 and "no such file or directory" in err


def test_usage_error_exits_1(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["scan", "--format", "xml", DSN])
    assert exc.value.code == 1


def test_undecodable_message_is_listed_and_scan_goes_on(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.eml").write_bytes((FIXTURES / "success-dsn.eml").read_bytes())
    (tmp_path / "b.eml").write_bytes((FIXTURES / "arf-abuse.eml").read_bytes())
    import bouncetui.pipeline as pipeline

    real = pipeline.decode

    def flaky(raw, origin, position, *args):
        if origin.endswith("a.eml"):
            raise ValueError("broken structure")
        return real(raw, origin, position, *args)

    monkeypatch.setattr(pipeline, "decode", flaky)
    code, out, err = run(capsys, "scan", "--format", "jsonl", str(tmp_path))
    assert code == 0
    assert [json.loads(line)["reason"] for line in out.splitlines()] == ["feedback"]
    assert "a.eml" in err and "broken structure" in err


def test_stdin_and_python_dash_m():
    raw = Path(DSN).read_bytes()
    proc = subprocess.run([sys.executable, "-m", "bouncetui", "scan", "--format", "jsonl", "-"],
                          input=raw, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["origin"] for r in rows] == ["-", "-"]


def test_table_neutralises_escape_sequences(tmp_path, capsys):
    raw = Path(DSN).read_bytes().replace(b"Mailbox full", b"Mailbox \x1b]0;pwned\x07full\x1b[2J")
    (tmp_path / "evil.eml").write_bytes(raw)
    code, out, _ = run(capsys, "scan", "--format", "table", str(tmp_path))
    assert code == 0 and "\x1b" not in out and "\x07" not in out


def test_a_command_run_in_process_leaves_the_garbage_collector_as_it_was(capsys):
    import gc

    before = (gc.get_threshold(), gc.get_freeze_count())
    assert main(["scan", "--no-cache", "--format", "jsonl", DSN]) == 0
    assert capsys.readouterr().out.count("\n") == 2
    with pytest.raises(SystemExit):  # a usage error too
        main(["scan", "--format", "nope", DSN])
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
