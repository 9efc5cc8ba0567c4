"""Exports: records with their triage (CSV or JSON Lines), and suppression lists.

Duplicate reports (the postmaster's copy of a bounce beside the sender's, one DSN delivered twice)
share a token; `collapse` makes them one row listing every origin ("path", or "path#N" for the
N-th message of a mailbox file). `bouncetui scan` does not collapse: it prints one record per origin.
Exported rows are the record's fields, then `origins` (newline-separated in CSV, a list in JSON
Lines), `state` and `note` (an untriaged record is "new" with no note).

The suppression list has one line per address to stop mailing:

- every hard bounce;
- every address with a record in triage state "suppress";
- reasons the catalog says to act on at once ("now", e.g. a complaint);
- soft bounces that persist: at least N reports of a reason whose first and last are at least
  D days apart. N and D come from the catalog's advice for each reason (bouncetui.catalog), or
  DEFAULT_SOFT_THRESHOLD / DEFAULT_SPAN_DAYS when it has none; `soft_threshold` / `span_days`
  override both. Reasons the catalog marks "never" (delivered, vacation, the sender's own faults)
  never count.

Backscatter records, records a person set to "ignore", and notices that are not failures
(action delayed, delivered, relayed, expanded) never put an address on the list.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import IO, Any, Literal

from bouncetui.formats import ROW_WRITERS
from bouncetui.model import FIELD_NAMES, Bounce, location
from bouncetui.query import Query
from bouncetui.store import NEW, Triage

DEFAULT_SOFT_THRESHOLD = 3
DEFAULT_SPAN_DAYS = 14
EXPORT_FORMATS = ("csv", "jsonl")
EXTRA_FIELDS = ("origins", "state", "note")
SUPPRESSION_FIELDS = ("address", "reason", "last", "count", "rule")
FAILURE_ACTIONS = frozenset({"failed", ""})  # "" : complaints and reports that state no action

# Used when the catalog has no advice for a reason: (policy, count, days); None = the defaults.
FALLBACK_POLICY: dict[str, tuple[str, int | None, int | None]] = {
    "delivered": ("never", 0, 0),
    "vacation": ("never", 0, 0),
    "feedback": ("now", 1, 0),
}
# Why an address is on the list, strongest first.
RULES = ("state", "hard", "now", "soft")


@dataclass(frozen=True, slots=True)
class Row:
    """One record with every origin it was found at (duplicates collapsed by token)."""

    record: Bounce
    origins: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SuppressionEntry:
    address: str
    reason: str  # the reason of the latest report behind the entry
    last: int  # Unix time of that report
    count: int  # reports behind the entry (duplicates counted once)
    rule: str  # why: "state", "hard", "now" (the catalog says at once) or "soft"


def _fullness(record: Bounce) -> int:
    return sum(1 for value in record.to_dict().values() if value not in ("", None))


def collapse(records: Iterable[Bounce]) -> list[Row]:
    """One Row per token, in first-seen order; the fullest copy stands for the others."""
    groups: dict[str, list[Bounce]] = {}
    for record in records:
        groups.setdefault(record.token or "%s\0%d\0%s" % (record.origin, record.position, record.recipient),
                          []).append(record)
    rows = []
    for copies in groups.values():
        best = max(copies, key=_fullness)  # max keeps the first of equals
        rows.append(Row(best, tuple(dict.fromkeys(location(r.origin, r.position) for r in copies))))
    return rows


def _triage_of(record: Bounce, triage: Mapping[str, Triage]) -> Triage:
    return triage.get(record.token) or NEW


def export_rows(records: Iterable[Bounce], triage: Mapping[str, Triage],
                query: Query | None = None) -> list[Row]:
    rows = collapse(records)
    if query:
        rows = [row for row in rows if query.matches(row.record, _triage_of(row.record, triage))]
    return rows


def write_export(records: Iterable[Bounce], triage: Mapping[str, Triage], out: IO[str],
                 fmt: Literal["csv", "jsonl"] = "csv", *, query: Query | None = None) -> int:
    """Write collapsed records with their triage state and note; return the number of rows."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError("unknown export format %r: one of %s" % (fmt, ", ".join(EXPORT_FORMATS)))
    rows = (_export_dict(row, triage) for row in export_rows(records, triage, query))
    return ROW_WRITERS[fmt](rows, out, (*FIELD_NAMES, *EXTRA_FIELDS))


def _export_dict(row: Row, triage: Mapping[str, Triage]) -> dict[str, Any]:
    """A row as exported: the record's fields, then EXTRA_FIELDS."""
    state = _triage_of(row.record, triage)
    return {**row.record.to_dict(), "origins": list(row.origins), "state": state.state, "note": state.note}


# -- suppression -------------------------------------------------------------------------------


@cache
def reason_policy(reason: str) -> tuple[str, int | None, int | None]:
    """(policy, count, days) for a reason: the catalog's advice, else FALLBACK_POLICY."""
    try:
        from bouncetui.catalog import reason_entry

        advice = reason_entry(reason).suppression
        return advice.policy, advice.soft_count, advice.span_days
    except (ImportError, AttributeError, KeyError, OSError, ValueError):
        return FALLBACK_POLICY.get(reason, ("after", None, None))


def _soft_group_applies(group: list[Bounce], count: int, days: int) -> bool:
    stamps = [r.timestamp for r in group]
    return len(group) >= count and (max(stamps) - min(stamps)) / 86400 >= days


def suppression_list(records: Iterable[Bounce], triage: Mapping[str, Triage], *,
                     soft_threshold: int | None = None, span_days: int | None = None) -> list[SuppressionEntry]:
    """The addresses to stop mailing, sorted; see the module docstring for the rules."""
    by_address: dict[str, list[Bounce]] = {}
    for row in collapse(records):
        record = row.record
        if record.backscatter or not record.recipient:
            continue
        by_address.setdefault(record.recipient.lower(), []).append(record)
    entries = []
    for address, found in sorted(by_address.items()):
        fired = _fired_rules(found, triage, soft_threshold, span_days)
        if not fired:
            continue
        rule = next(r for r in RULES if r in fired)
        behind = {id(r): r for records_of_rule in fired.values() for r in records_of_rule}.values()
        latest = max(behind, key=lambda r: r.timestamp)
        entries.append(SuppressionEntry(address, latest.reason, latest.timestamp, len(behind), rule))
    return entries


def _fired_rules(found: list[Bounce], triage: Mapping[str, Triage], soft_threshold: int | None,
                 span_days: int | None) -> dict[str, list[Bounce]]:
    """For one address's records: each rule that puts it on the list, with the records behind it."""
    fired: dict[str, list[Bounce]] = {}
    soft: dict[object, list[Bounce]] = {}
    for record in found:
        state = _triage_of(record, triage).state
        if state == "suppress":
            fired.setdefault("state", []).append(record)
            continue
        if state == "ignore" or record.action.lower() not in FAILURE_ACTIONS:
            continue
        if record.hardbounce:
            fired.setdefault("hard", []).append(record)
            continue
        policy, count, days = reason_policy(record.reason)
        if policy == "now":
            fired.setdefault("now", []).append(record)
        elif policy == "after":
            # A reason without the catalog's advice joins the address's pooled group (key None).
            soft.setdefault((record.reason, count, days) if count is not None else None, []).append(record)
    for key, group in soft.items():
        count, days = (key[1], key[2]) if key else (DEFAULT_SOFT_THRESHOLD, DEFAULT_SPAN_DAYS)
        count = soft_threshold if soft_threshold is not None else count
        days = span_days if span_days is not None else days
        if _soft_group_applies(group, count, days or 0):
            fired.setdefault("soft", []).extend(group)
    return fired


def iso_time(timestamp: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


def write_suppression(entries: Iterable[SuppressionEntry], out: IO[str],
                      fmt: Literal["csv", "jsonl"] = "csv") -> int:
    """One line per address: address, reason, last (ISO 8601, UTC), count, rule."""
    rows = ({"address": entry.address, "reason": entry.reason, "last": iso_time(entry.last),
             "count": entry.count, "rule": entry.rule} for entry in entries)
    return ROW_WRITERS[fmt](rows, out, SUPPRESSION_FIELDS)
