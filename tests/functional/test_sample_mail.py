"""sample_mail/ (the README's demo Maildir) decodes to what its author wrote in expected.json."""

from __future__ import annotations

import collections
import json

import pytest

from bouncetui.model import Bounce
from bouncetui.pipeline import scan
from tests.conftest import SAMPLE_MAIL

EXPECTED = json.loads((SAMPLE_MAIL / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def produced():
    rows = collections.defaultdict(list)
    for item in scan(str(SAMPLE_MAIL)):
        assert isinstance(item, Bounce), item
        rows[str(item.origin).split("sample_mail/", 1)[1]].append(item)
    return rows


def test_every_report_and_no_other_message_gives_records(produced):
    assert sorted(produced) == sorted({row["file"] for row in EXPECTED})
    assert sum(len(v) for v in produced.values()) == len(EXPECTED)


@pytest.mark.parametrize("row", EXPECTED, ids=lambda r: "%s:%s" % (r["file"].split(".")[-1][-12:], r["recipient"]))
def test_each_recipient_as_expected(produced, row):
    matches = [r for r in produced[row["file"]] if r.recipient.lower() == row["recipient"].lower()]
    assert matches, "no record for %s in %s" % (row["recipient"], row["file"])
    record = matches[0]
    got = {"reason": record.reason, "hardbounce": record.hardbounce, "status": record.deliverystatus,
           "action": record.action}
    want = {k: row[k] for k in got if k in row and (k != "status" or row[k])}
    assert {k: got[k] for k in want} == want
