"""scan, export and maillog write their rows alike: the record's fields first and in the same order,
booleans as true/false in JSON Lines and as 1/0 in CSV, so one script reads all three."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bouncetui.cli import main
from bouncetui.maillog import LOG_FIELDS
from bouncetui.model import FIELD_NAMES

ROOT = Path(__file__).resolve().parent.parent.parent
BOUNCES = ROOT / "tests" / "fixtures" / "bounces"
LOG = ROOT / "tests" / "fixtures" / "maillog" / "postfix.log"


@pytest.fixture
def commands(tmp_path) -> dict[str, list[str]]:
    """Each command's arguments, before --format."""
    db = str(tmp_path / "db.sqlite")
    return {
        "scan": ["scan", "--db", db, str(BOUNCES)],
        "export": ["export", "--db", db, str(BOUNCES)],
        "maillog": ["maillog", str(LOG)],
    }


def output(capsys, args: list[str], fmt: str) -> str:
    assert main([*args, "--format", fmt]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("name", ["scan", "export", "maillog"])
def test_jsonl_starts_with_the_record_fields_in_order_with_json_booleans(capsys, commands, name):
    rows = [json.loads(line) for line in output(capsys, commands[name], "jsonl").splitlines()]
    assert rows
    for row in rows:
        assert tuple(row)[: len(FIELD_NAMES)] == FIELD_NAMES
        assert isinstance(row["hardbounce"], bool) and isinstance(row["backscatter"], bool)


@pytest.mark.parametrize("name", ["scan", "export", "maillog"])
def test_csv_header_starts_with_the_record_fields_and_booleans_are_1_or_0(capsys, commands, name):
    reader = csv.DictReader(io.StringIO(output(capsys, commands[name], "csv")))
    assert tuple(reader.fieldnames or ())[: len(FIELD_NAMES)] == FIELD_NAMES
    rows = list(reader)
    assert rows
    assert {row["hardbounce"] for row in rows} | {row["backscatter"] for row in rows} <= {"0", "1"}


def test_maillog_adds_its_log_fields_after_the_record_fields(capsys, commands):
    header = output(capsys, commands["maillog"], "csv").splitlines()[0].split(",")
    assert tuple(header) == FIELD_NAMES + LOG_FIELDS


def test_export_lists_origins_one_per_line_in_csv_and_as_a_list_in_jsonl(capsys, commands):
    exported = [json.loads(line) for line in output(capsys, commands["export"], "jsonl").splitlines()]
    table = list(csv.DictReader(io.StringIO(output(capsys, commands["export"], "csv"))))
    assert [row["origins"] for row in exported] == [row["origins"].split("\n") for row in table]
