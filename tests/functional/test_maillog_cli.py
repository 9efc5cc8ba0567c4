"""`bouncetui maillog`: formats, --all, exit codes, standard input, and --bounces correlation with
its summary on stderr."""

from __future__ import annotations

import calendar
import csv
import gzip
import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from bouncetui.cli import main
from bouncetui.maillog import RECORD_FIELDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "maillog"
SAMPLE = Path(__file__).resolve().parent.parent.parent / "sample_mail"


pytestmark = pytest.mark.usefixtures("utc")  # log times are local time


@pytest.fixture
def log(tmp_path) -> str:
    target = tmp_path / "maillog"
    shutil.copyfile(FIXTURES / "postfix.log", target)
    stamp = calendar.timegm((2026, 11, 30, 12, 0, 0))
    os.utime(target, (stamp, stamp))
    return str(target)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_lists_failures_with_record_and_log_fields(capsys, log):
    code, out, _ = run(capsys, "maillog", "--format", "jsonl", log)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 17
    assert list(rows[0]) == list(RECORD_FIELDS)
    assert {r["logstatus"] for r in rows} == {"bounced", "expired", "deferred", "rejected"}
    first = rows[0]
    assert (first["recipient"], first["queueid"], first["reason"], first["origin"], first["position"]) == (
        "nobody@example.org", "4P1AbC0DEF", "userunknown", log, 7)


def test_all_adds_deliveries(capsys, log):
    _, out, _ = run(capsys, "maillog", "-f", "jsonl", "--all", log)
    rows = [json.loads(line) for line in out.splitlines()]
    sent = sorted(r["recipient"] for r in rows if r["logstatus"] == "sent")
    assert sent == ["alice@example.org", "frank@example.jp", "grey@example.com", "partner@example.com"]


def test_json_and_csv(capsys, log):
    _, out, _ = run(capsys, "maillog", "-f", "json", log)
    assert len(json.loads(out)) == 17
    _, out, _ = run(capsys, "maillog", "-f", "csv", log)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 17 and rows[0]["hardbounce"] == "1" and rows[0]["logstatus"] == "bounced"


def test_table_and_its_summary(capsys, log):
    code, out, err = run(capsys, "maillog", "-f", "table", log)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:4] == ["DATE", "LOG", "QUEUE", "ID"]
    assert len(lines) == 18 and "expired" in out
    assert "17 record(s) from 54 line(s); 3 unknown line(s) skipped" in err


def test_output_file(capsys, log, tmp_path):
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "maillog", "-f", "jsonl", "-o", str(target), log)
    assert code == 0 and out == "" and len(target.read_text().splitlines()) == 17


def test_gzip_rotated_file(capsys, log, tmp_path):
    rotated = tmp_path / "maillog.1.gz"
    with gzip.open(rotated, "wb") as fh:
        fh.write(Path(log).read_bytes())
    os.utime(rotated, (os.stat(log).st_mtime,) * 2)
    _, out, _ = run(capsys, "maillog", "-f", "jsonl", str(rotated))
    assert len(out.splitlines()) == 17


def test_standard_input(capsys, monkeypatch, log):
    monkeypatch.setattr("sys.stdin", io.StringIO(Path(log).read_text()))
    code, out, _ = run(capsys, "maillog", "-f", "jsonl", "-")
    assert code == 0 and len(out.splitlines()) == 17


def test_missing_file_exits_2(capsys, log):
    code, out, err = run(capsys, "maillog", log, "/no/such/maillog")
    assert code == 2 and out == "" and "/no/such/maillog" in err
    code, _, err = run(capsys, "maillog", log, "--bounces", "/no/such/Maildir")
    assert code == 2 and "/no/such/Maildir" in err


def test_standard_input_is_for_one_log(capsys, log):
    code, _, err = run(capsys, "maillog", "-", log)
    assert code == 1 and "standard input" in err
    code, _, err = run(capsys, "maillog", log, "--bounces", "-")
    assert code == 1 and "--bounces" in err


def test_bounces_correlation(capsys, log):
    code, out, err = run(capsys, "maillog", "-f", "jsonl", log, "--bounces", str(FIXTURES / "bounces"))
    rows = {(r["recipient"], r["position"]): r for r in map(json.loads, out.splitlines())}
    assert code == 0 and len(rows) == 17
    returned = {k[0]: (r["matchedby"], Path(r["bouncemail"]).name) for k, r in rows.items()
                if r["correlation"] == "returned"}
    assert returned == {"nobody@example.org": ("queueid", "ndr-1.eml"), "bob@example.net": ("queueid", "ndr-1.eml"),
                        "slow@example.com": ("notification", "ndr-2.eml")}
    silent = sorted(k for k, r in rows.items() if r["correlation"] == "silent")
    assert silent == [("carol@example.jp", 10), ("dave@example.jp", 11), ("erin@example.jp", 12),
                      ("gone@example.invalid", 31), ("listed@example.net", 53), ("nobody@example.org", 44),
                      ("probe@example.net", 29), ("typo@example.com", 48)]
    assert "17 failure(s), 8 silent (no bounce mail came back), 1 bounce mail(s) without a log entry" in err


def test_bounces_are_decoded_within_the_max_limits_like_scan(capsys, log):
    code, out, err = run(capsys, "maillog", "-f", "jsonl", log, "--bounces", str(FIXTURES / "bounces"),
                         "--max-size", "10")
    assert code == 0
    assert "ndr-1.eml" in err and "size limit of 10 bytes" in err
    assert not [r for r in map(json.loads, out.splitlines()) if r["correlation"] == "returned"]


def test_bounces_with_all_shows_a_delivery_that_bounced_later(capsys, log):
    _, out, _ = run(capsys, "maillog", "-f", "jsonl", "--all", log, "--bounces", str(FIXTURES / "bounces"))
    alice = [r for r in map(json.loads, out.splitlines()) if r["recipient"] == "alice@example.org"]
    assert [(r["logstatus"], r["correlation"], r["matchedby"]) for r in alice] == [("sent", "returned", "messageid")]


def test_sample_mail_log_silent_failures(capsys, monkeypatch, tmp_path):
    """sample_mail/maillog is mx1's log of the sending whose bounces fill sample_mail: two failures
    sent no bounce mail back (sample_mail/README.md), and four reports came by other routes."""
    if not (SAMPLE / "maillog").exists():
        pytest.skip("sample_mail/maillog not present")
    log = tmp_path / "maillog"
    shutil.copyfile(SAMPLE / "maillog", log)
    stamp = calendar.timegm((2026, 11, 27, 0, 0, 0))
    os.utime(log, (stamp, stamp))
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # the log's local time
    time.tzset()
    code, out, err = run(capsys, "maillog", "-f", "jsonl", str(log), "--bounces", str(SAMPLE))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    silent = sorted(r["recipient"] for r in rows if r["correlation"] == "silent")
    assert silent == ["accounts@client.example.net", "no.such.person.xyz@gmail.com"]
    expired = [r for r in rows if r["logstatus"] == "expired"]
    assert [(r["recipient"], r["correlation"], r["matchedby"]) for r in expired] == [
        ("ogawa.m@slow-isp.example.jp", "returned", "queueid")]
    assert len(expired[0]["bouncemail"].split(" ")) == 2  # the delay warning and the final bounce
    assert "2 silent" in err and "4 bounce mail(s) without a log entry" in err


def test_a_truncated_rotation_is_named_on_stderr(capsys, log, tmp_path):
    rotated = tmp_path / "maillog.1.gz"
    rotated.write_bytes(gzip.compress(Path(log).read_bytes() * 50)[:2000])
    code, out, err = run(capsys, "maillog", "-f", "jsonl", log, str(rotated))
    assert code == 0 and "maillog.1.gz: truncated compressed file" in err
    assert len(out.splitlines()) >= 17
