"""Exports: duplicates collapsed with every origin, triage columns, and the suppression rules."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bouncetui import export
from bouncetui.export import collapse, suppression_list, write_export, write_suppression
from bouncetui.model import FIELD_NAMES, Bounce
from bouncetui.query import parse
from bouncetui.store import Triage

DAY = 86400
T0 = 1_793_491_200  # 2026-11-01T00:00:00Z


def bounce(recipient: str, reason: str, day: int, *, hard: bool = False, action: str = "failed",
           origin: str = "", token: str = "", **more) -> Bounce:
    token = token or "%s-%s-%d" % (recipient, reason, day)
    return Bounce(origin=origin or "cur/%s" % token, recipient=recipient, reason=reason, hardbounce=hard,
                  action=action, timestamp=T0 + day * DAY, token=token, **more)


@pytest.fixture
def no_catalog(monkeypatch):
    """Suppression with the built-in defaults only, whatever the catalog says."""
    export.reason_policy.cache_clear()
    monkeypatch.setattr(export, "reason_policy", lambda reason: export.FALLBACK_POLICY.get(reason, ("after", None, None)))


def addresses(entries) -> dict[str, tuple[str, str, int]]:
    return {e.address: (e.rule, e.reason, e.count) for e in entries}


def test_duplicates_collapse_into_one_row_with_every_origin():
    sender = bounce("a@example.net", "userunknown", 0, hard=True, origin="cur/sender", token="t")
    postmaster = sender.replace(origin="cur/postmaster", diagnosticcode="")
    mailbox = sender.replace(origin="bounces.mbox", position=3)
    rows = collapse([postmaster, sender, mailbox, bounce("b@example.net", "mailboxfull", 1)])
    assert len(rows) == 2
    assert rows[0].origins == ("cur/postmaster", "cur/sender", "bounces.mbox#3")


def test_the_fullest_copy_stands_for_its_duplicates():
    full = bounce("a@example.net", "userunknown", 0, hard=True, token="t", diagnosticcode="550 5.1.1 unknown")
    rows = collapse([full.replace(diagnosticcode="", origin="x"), full])
    assert rows[0].record.diagnosticcode == "550 5.1.1 unknown"


def test_csv_export_has_the_record_fields_then_origins_state_and_note():
    record = bounce("a@example.net", "userunknown", 0, hard=True, token="t", origin="one")
    out = io.StringIO()
    n = write_export([record, record.replace(origin="two")], {"t": Triage("suppress", "by phone", 1.0)}, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == 1 and list(rows[0]) == [*FIELD_NAMES, "origins", "state", "note"]
    assert (rows[0]["origins"], rows[0]["state"], rows[0]["note"]) == ("one\ntwo", "suppress", "by phone")


def test_jsonl_export_and_filter_on_triage():
    a = bounce("a@example.net", "userunknown", 0, hard=True, token="a")
    b = bounce("b@example.net", "mailboxfull", 0, token="b")
    out = io.StringIO()
    n = write_export([a, b], {"a": Triage("ignore", "", 1.0)}, out, "jsonl", query=parse("-state:ignore"))
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == 1 and rows[0]["recipient"] == "b@example.net"
    assert (rows[0]["state"], rows[0]["note"], rows[0]["origins"]) == ("new", "", ["cur/b"])


def test_every_hard_bounce_is_suppressed_once(no_catalog):
    records = [bounce("A@Example.net", "userunknown", 0, hard=True), bounce("a@example.net", "hostunknown", 5, hard=True)]
    entries = suppression_list(records, {})
    assert [(e.address, e.rule, e.reason, e.count, e.last) for e in entries] == [
        ("a@example.net", "hard", "hostunknown", 2, T0 + 5 * DAY)]


def test_soft_bounces_must_repeat_over_the_span(no_catalog):
    persistent = [bounce("p@example.org", "mailboxfull", d) for d in (0, 7, 15)]
    burst = [bounce("b@example.org", "mailboxfull", d) for d in (0, 1, 2, 3)]
    few = [bounce("f@example.org", "mailboxfull", d) for d in (0, 20)]
    got = addresses(suppression_list(persistent + burst + few, {}))
    assert got == {"p@example.org": ("soft", "mailboxfull", 3)}


def test_soft_threshold_and_span_are_configurable(no_catalog):
    records = [bounce("b@example.org", "mailboxfull", d) for d in (0, 1)]
    assert suppression_list(records, {}) == []
    assert addresses(suppression_list(records, {}, soft_threshold=2, span_days=1)) == {
        "b@example.org": ("soft", "mailboxfull", 2)}


def test_state_suppress_lists_and_state_ignore_unlists(no_catalog):
    soft = bounce("s@example.org", "spamdetected", 0, token="s")
    hard = bounce("h@example.org", "userunknown", 0, hard=True, token="h")
    triage = {"s": Triage("suppress", "", 1.0), "h": Triage("ignore", "misdecoded", 1.0)}
    assert addresses(suppression_list([soft, hard], triage)) == {"s@example.org": ("state", "spamdetected", 1)}


def test_backscatter_delays_and_non_failures_never_list_an_address(no_catalog):
    records = [
        bounce("x@example.net", "userunknown", 0, hard=True, backscatter=True),
        *[bounce("d@example.net", "expired", d, action="delayed") for d in (0, 10, 20)],
        *[bounce("v@example.net", "vacation", d, action="") for d in (0, 10, 20)],
        bounce("ok@example.net", "delivered", 0, action="delivered"),
    ]
    assert suppression_list(records, {}) == []


def test_a_duplicate_report_counts_once(no_catalog):
    records = [bounce("p@example.org", "mailboxfull", d) for d in (0, 15)]
    copy = records[1].replace(origin="cur/postmaster-copy")
    assert suppression_list(records + [copy], {}) == []


def test_the_catalog_advice_is_used_when_it_has_some(monkeypatch):
    policies = {"mailboxfull": ("after", 2, 1), "feedback": ("now", 1, 0), "blocked": ("never", 0, 0)}
    monkeypatch.setattr(export, "reason_policy", lambda reason: policies.get(reason, ("after", None, None)))
    records = [
        *[bounce("m@example.org", "mailboxfull", d) for d in (0, 2)],
        bounce("c@example.org", "feedback", 0, action=""),
        *[bounce("b@example.org", "blocked", d) for d in (0, 10, 20, 30)],
    ]
    assert addresses(suppression_list(records, {})) == {
        "c@example.org": ("now", "feedback", 1), "m@example.org": ("soft", "mailboxfull", 2)}


def test_suppression_csv_and_jsonl():
    entries = suppression_list([bounce("a@example.net", "userunknown", 0, hard=True)], {})
    out = io.StringIO()
    assert write_suppression(entries, out) == 1
    assert out.getvalue().splitlines() == ["address,reason,last,count,rule",
                                           "a@example.net,userunknown,2026-11-01T00:00:00Z,1,hard"]
    out = io.StringIO()
    write_suppression(entries, out, "jsonl")
    assert json.loads(out.getvalue())["last"] == "2026-11-01T00:00:00Z"
