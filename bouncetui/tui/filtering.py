"""The filter bar's query: field filters that must all hold, and free text searched fuzzily.

    reason:filtered domain:docomo.ne.jp -hard since:2026-11-01 tanak@docomo

The field terms are `bouncetui.query`'s (the language `bouncetui export --filter` shares), plus
`marked`; free text (words that are not `field:value` terms) is not query's substring test but the
fuzzy recipient search of `bouncetui.tui.fuzzy`, which also ranks the results. Negated free text
(`-example.com`) stays query's substring test. Without bouncetui.query, the small table below
serves.
"""

from __future__ import annotations

import calendar
import re
import shlex
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bouncetui.model import Bounce

try:
    from bouncetui import query as _query
except ImportError:  # pragma: no cover - the query language is a separate module of the project
    _query = None  # type: ignore[assignment]

SUGGEST_SAMPLE = 20000  # records looked at to complete a field's values in the filter bar
# query field -> the record attribute whose values complete it
FIELD_ATTRIBUTES = {"reason": "reason", "domain": "destination", "status": "deliverystatus", "code": "replycode",
                    "action": "action", "decodedby": "decodedby", "rhost": "rhost"}

# (record, triage (has .state and .note)) -> bool
Predicate = Callable[[Bounce, Any], bool]
TRIAGE_FIELDS = frozenset({"state", "note", ""})  # query fields that read the triage ("" free text)


@dataclass(frozen=True)
class _Untriaged:
    state: str = "new"
    note: str = ""
    changed: float = 0.0


UNTRIAGED = _Untriaged()


@dataclass(frozen=True)
class Query:
    text: str
    fuzzy: str = ""
    tests: tuple[tuple[Predicate, bool], ...] = field(default=())  # (test, negated)
    marked: bool | None = None  # True: marked rows only, False: unmarked only
    needs_triage: bool = False
    error: str = ""

    @property
    def terms(self) -> bool:
        """True if some field term (not the fuzzy text) selects rows."""
        return bool(self.tests) or self.marked is not None

    @property
    def empty(self) -> bool:
        return not self.fuzzy and not self.terms

    def matches(self, record: Bounce, triage: Any = None, marked: bool = False) -> bool:
        if self.marked is not None and marked != self.marked:
            return False
        triage = triage or UNTRIAGED
        return all(test(record, triage) != negated for test, negated in self.tests)

    def select(self, indexes: Iterable[int], records: list[Bounce], triage: dict[str, Any],
               marks: set[int]) -> list[int]:
        """The indexes whose records match; flat loops, one pass per term, each narrowing the next."""
        if self.marked is not None:
            indexes = [i for i in indexes if (i in marks) == self.marked]
        get = triage.get
        for test, negated in self.tests:
            if self.needs_triage:
                indexes = [i for i in indexes if test(records[i], get(records[i].token, UNTRIAGED)) != negated]
            elif negated:
                indexes = [i for i in indexes if not test(records[i], UNTRIAGED)]
            else:
                indexes = [i for i in indexes if test(records[i], UNTRIAGED)]
        return list(indexes)


def _date(value: str, end: bool) -> int:
    """"2026-11-05", "2026-11", "7d" (days ago) or "12h" to Unix seconds (UTC)."""
    m = re.fullmatch(r"(\d+)([dhw])", value)
    if m:
        unit = {"h": 3600, "d": 86400, "w": 7 * 86400}[m.group(2)]
        return int(time.time()) - int(m.group(1)) * unit
    for fmt, step in (("%Y-%m-%d", 86400), ("%Y-%m", 0), ("%Y", 0)):
        try:
            parsed = time.strptime(value, fmt)
        except ValueError:
            continue
        start = calendar.timegm(parsed)
        if not end:
            return start
        if fmt == "%Y-%m":
            days = calendar.monthrange(parsed.tm_year, parsed.tm_mon)[1]
            return start + days * 86400
        if fmt == "%Y":
            return calendar.timegm((parsed.tm_year + 1, 1, 1, 0, 0, 0))
        return start + step
    raise ValueError("not a date: %r (use 2026-11-05, 2026-11, 7d or 12h)" % value)


def _text(attr: str, how: str) -> Callable[[str], Predicate]:
    def make(value: str) -> Predicate:
        v = value.lower()
        if how == "prefix":
            return lambda r, s: str(getattr(r, attr)).lower().startswith(v)
        if how == "exact":
            return lambda r, s: str(getattr(r, attr)).lower() == v
        if how == "domain":
            return lambda r, s: (d := getattr(r, attr).lower()) == v or d.endswith("." + v) or v in d
        return lambda r, s: v in str(getattr(r, attr)).lower()

    return make


def _since(value: str) -> Predicate:
    start = _date(value, end=False)
    return lambda r, s: r.timestamp >= start


def _until(value: str) -> Predicate:
    stop = _date(value, end=True)
    return lambda r, s: r.timestamp < stop


def _state(value: str) -> Predicate:
    v = value.lower()
    return lambda r, t: t.state.startswith(v)


FIELDS: dict[str, Callable[[str], Predicate]] = {
    "reason": _text("reason", "exact"),
    "domain": _text("destination", "domain"),
    "status": _text("deliverystatus", "prefix"),
    "code": _text("replycode", "prefix"),
    "action": _text("action", "exact"),
    "decodedby": _text("decodedby", "contains"),
    "rhost": _text("rhost", "contains"),
    "from": _text("addresser", "contains"),
    "subject": _text("subject", "contains"),
    "to": _text("recipient", "contains"),
    "state": _state,
    "since": _since,
    "until": _until,
}
WORDS: dict[str, Predicate] = {
    "hard": lambda r, s: r.hardbounce,
    "soft": lambda r, s: not r.hardbounce and r.reason not in ("feedback", "vacation", "delivered"),
}
FIELD_NAMES = (*FIELDS, *WORDS, "marked")


def parse(text: str) -> Query:
    """Parse the filter bar's text; a bad term gives a Query with `error` set and no terms."""
    if _query is None:
        return parse_fallback(text)
    try:
        parsed = _query.parse(text)
    except _query.QueryError as exc:
        return Query(text, error=str(exc))
    tests: list[tuple[Predicate, bool]] = []
    free: list[str] = []
    marked: bool | None = None
    needs_triage = False
    for term in parsed.terms:
        if not term.field and term.value.lower() == "marked":
            marked = not term.negate
        elif not term.field and not term.negate:
            free.append(term.value)
        else:
            tests.append((term.test, term.negate))
            needs_triage = needs_triage or term.field in TRIAGE_FIELDS
    return Query(text, " ".join(free), tuple(tests), marked, needs_triage)


def parse_fallback(text: str) -> Query:
    """The filter language without bouncetui.query: the FIELDS and WORDS tables above."""
    try:
        words = shlex.split(text)
    except ValueError:
        words = text.split()
    tests: list[tuple[Predicate, bool]] = []
    free: list[str] = []
    marked: bool | None = None
    for word in words:
        negated = word.startswith("-") and len(word) > 1
        body = word[1:] if negated else word
        name, colon, value = body.partition(":")
        term: Any = None
        if colon and name.lower() in FIELDS:
            if not value:
                continue  # still typing
            try:
                term = FIELDS[name.lower()](value)
            except ValueError as exc:
                return Query(text, error=str(exc))
        elif not colon and body.lower() in WORDS:
            term = WORDS[body.lower()]
        elif not colon and body.lower() == "marked":
            marked = not negated
            continue
        if term is None:
            free.append(word)
            continue
        tests.append((term, negated))
    return Query(text, " ".join(free), tuple(tests), marked, needs_triage=True)


def field_values(records: Any, field: str) -> list[str]:
    """Values of a query field among the last SUGGEST_SAMPLE records (a RecordSet), most common
    first: what the filter bar completes."""
    attribute = FIELD_ATTRIBUTES.get(field)
    if attribute is None:
        return []
    rows = range(max(0, len(records) - SUGGEST_SAMPLE), len(records))
    sample = records.built(rows)
    counts = Counter(getattr(sample[i], attribute) for i in rows)
    return [value for value, _n in counts.most_common() if value]
