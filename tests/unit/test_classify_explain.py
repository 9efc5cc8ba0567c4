"""`bouncetui scan --explain-decoding` and `--own-domain`, and the trace behind them."""

from __future__ import annotations

import json
from pathlib import Path

from bouncetui.cli import main
from bouncetui.decode import decode

FIXTURES = Path(__file__).parent / "fixtures"


def test_trace_names_the_source_of_every_field():
    (record,) = decode((FIXTURES / "dsn_docomo_data.eml").read_bytes(), "x.eml")
    trace = dict(record.trace)
    assert record.reason == "filtered" and not record.hardbounce
    assert "docomo" in trace["reason"]
    assert record.command == "DATA" and trace["command"]
    assert trace["status"] and trace["replycode"]


def test_explain_decoding_prints_decoder_and_rules(capsys):
    path = str(FIXTURES / "dsn_docomo_data.eml")
    assert main(["scan", "--explain-decoding", path]) == 0
    out = capsys.readouterr().out
    assert "hanako@docomo.ne.jp" in out
    lines = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    assert "filtered" in lines["reason"] and "docomo" in lines["reason"]
    assert "DATA" in lines["command"]
    assert "soft" in lines["hardbounce"]
    assert lines["decoder"].split()[1]  # the decoder's name


def test_own_domain_marks_backscatter_in_jsonl(capsys):
    path = str(FIXTURES / "dsn_docomo_data.eml")
    assert main(["scan", "--format", "jsonl", "--own-domain", "example.com", path]) == 0
    (mine,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert mine["backscatter"] is False
    assert main(["scan", "--format", "jsonl", "--own-domain", "example.net", path]) == 0
    (other,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert other["backscatter"] is True


def test_explain_says_when_a_message_is_not_a_report(capsys):
    path = str(FIXTURES / "plain_note.eml")
    assert main(["scan", "--explain-decoding", path]) == 0
    out = capsys.readouterr().out
    assert "plain_note.eml" in out and "not a report" in out
