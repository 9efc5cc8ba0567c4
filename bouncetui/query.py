"""The filter language shared by `bouncetui export --filter` and the explorer's filter bar.

A query is a list of terms separated by spaces; a record must match every term.

    userunknown                       free text: in the recipient, sender, domain, reason, status,
                                      code, diagnostic, subject, remote host, decoder, message-id
                                      or triage note (case-insensitive substring)
    "mailbox full"                    quotes keep spaces (and make `"hard"` plain text)
    field:value                       one field, see below; `field:"a value"` for spaces
    field:a,b                         any of several values (reason, domain, state, action, status, code)
    -term                             negation: `-state:ignore`, `-soft`, `-example.com`
    hard  soft  backscatter           bare keywords: hard or soft bounces, backscatter records

Fields:

    reason:userunknown                the reason, exactly
    domain:docomo.ne.jp               the recipient's domain or one of its subdomains
    to:alice   recipient:alice        the recipient address (substring)
    from:news  addresser:news         the sender address (substring)
    status:5.1.1   status:5.7         the enhanced status code or a class of it (5.7 matches 5.7.1,
                                      not 5.70.1; status:5 matches every 5.x.x)
    code:550   code:55                the SMTP reply code, or a prefix of it
    action:failed                     failed, delayed, delivered, relayed, expanded
    decodedby:postfix                 the decoder's name (substring)
    state:new,investigating           the triage state (an untriaged record is "new")
    note:phone                        the triage note (substring)
    subject:  rhost:  messageid:  origin:    substrings of those fields
    since:2026-11-01  until:2026-11-30       dates (local time; until: includes the whole day),
    since:2026-11-01T09:30  since:7d         a time, or an age: 12h, 7d, 2w before now

A field with nothing after the colon is ignored (the filter bar shows results while one types).
`parse` raises QueryError for an unknown field, state or date, with a message for the user.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from bouncetui.model import Bounce
from bouncetui.store import NEW, STATES, Triage

Test = Callable[[Bounce, Triage], bool]

_TERM = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?(?:"((?:[^"\\]|\\.)*)"?|(\S+))?')
_AGE = re.compile(r"^(\d+)([hdw])$")
_AGE_SECONDS = {"h": 3600, "d": 86400, "w": 7 * 86400}
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d")


class QueryError(ValueError):
    """A query that cannot be understood; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    field: str  # "" for free text, the keyword for hard/soft/backscatter
    value: str
    negate: bool
    test: Test

    def __call__(self, record: Bounce, triage: Triage) -> bool:
        return self.test(record, triage) != self.negate


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query; `matches(record, triage)` is True for a record it selects."""

    text: str
    terms: tuple[Term, ...] = ()

    def matches(self, record: Bounce, triage: Triage | None = None) -> bool:
        triage = triage or NEW
        return all(term(record, triage) for term in self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)


# -- field tests (each: value text -> test) ---------------------------------------------------------


def _alternatives(value: str) -> list[str]:
    return [v.strip().lower() for v in value.split(",") if v.strip()]


def _substring(get: Callable[[Bounce, Triage], str]) -> Callable[[str], Test]:
    def build(value: str) -> Test:
        needle = value.lower()
        return lambda r, t: needle in get(r, t).lower()
    return build


def _one_of(get: Callable[[Bounce, Triage], str]) -> Callable[[str], Test]:
    def build(value: str) -> Test:
        wanted = frozenset(_alternatives(value))
        return lambda r, t: get(r, t).lower() in wanted
    return build


def _prefix(get: Callable[[Bounce, Triage], str], separator: str = "") -> Callable[[str], Test]:
    """value matches the field itself or its start (up to a separator: 5.7 is not 5.70)."""
    def build(value: str) -> Test:
        exact = frozenset(_alternatives(value))
        heads = tuple(v + separator for v in exact)
        return lambda r, t: (f := get(r, t).lower()) in exact or f.startswith(heads)
    return build


def _domain(value: str) -> Test:
    domains = [d.lstrip("@.") for d in _alternatives(value)]
    tails = tuple("." + d for d in domains)
    exact = frozenset(domains)
    return lambda r, t: (d := r.destination.lower()) in exact or d.endswith(tails)


def _state(value: str) -> Test:
    states = _alternatives(value)
    unknown = [s for s in states if s not in STATES]
    if unknown:
        raise QueryError("unknown state %r: one of %s" % (unknown[0], ", ".join(STATES)))
    wanted = frozenset(states)
    return lambda r, t: t.state in wanted


def _since(now: float) -> Callable[[str], Test]:
    def build(value: str) -> Test:
        start = _moment(value, now, end_of_day=False)
        return lambda r, t: r.timestamp >= start
    return build


def _until(now: float) -> Callable[[str], Test]:
    def build(value: str) -> Test:
        end = _moment(value, now, end_of_day=True)
        return lambda r, t: r.timestamp < end
    return build


def _moment(value: str, now: float, end_of_day: bool) -> float:
    """Unix time of a date, a local time or an age ("7d"); with end_of_day, the end of a date."""
    age = _AGE.match(value.lower())
    if age:
        return now - int(age.group(1)) * _AGE_SECONDS[age.group(2)]
    for fmt in _DATE_FORMATS:
        try:
            parsed = time.strptime(value, fmt)
        except ValueError:
            continue
        moment = time.mktime(parsed)
        if end_of_day and "%H" not in fmt:
            moment = time.mktime((*parsed[:2], parsed[2] + 1, 0, 0, 0, 0, 0, -1))
        elif end_of_day:
            moment += 1 if "%S" in fmt else 60
        return moment
    raise QueryError("cannot read the date %r: use 2026-11-30, 2026-11-30T09:30 or an age like 7d" % value)


def _fields(now: float) -> dict[str, Callable[[str], Test]]:
    """Field name -> test builder; the table the docstring documents."""
    recipient = _substring(lambda r, t: r.recipient)
    addresser = _substring(lambda r, t: r.addresser)
    return {
        "reason": _one_of(lambda r, t: r.reason),
        "domain": _domain,
        "to": recipient,
        "recipient": recipient,
        "from": addresser,
        "addresser": addresser,
        "status": _prefix(lambda r, t: r.deliverystatus, "."),
        "code": _prefix(lambda r, t: r.replycode),
        "action": _one_of(lambda r, t: r.action),
        "decodedby": _substring(lambda r, t: r.decodedby),
        "state": _state,
        "note": _substring(lambda r, t: t.note),
        "subject": _substring(lambda r, t: r.subject),
        "rhost": _substring(lambda r, t: r.rhost),
        "messageid": _substring(lambda r, t: r.messageid),
        "origin": _substring(lambda r, t: r.origin),
        "since": _since(now),
        "until": _until(now),
    }


FIELD_NAMES = tuple(_fields(0.0))

KEYWORDS: dict[str, Test] = {
    "hard": lambda r, t: r.hardbounce,
    "soft": lambda r, t: not r.hardbounce,
    "backscatter": lambda r, t: r.backscatter,
}


def _free_text(value: str) -> Test:
    needle = value.lower()

    def test(r: Bounce, t: Triage) -> bool:
        return any(needle in text.lower() for text in (
            r.recipient, r.addresser, r.destination, r.reason, r.deliverystatus, r.replycode,
            r.diagnosticcode, r.subject, r.rhost, r.decodedby, r.messageid, t.note))
    return test


def parse(text: str, *, now: float | None = None) -> Query:
    """Parse a query (see the module docstring); `now` anchors ages like since:7d."""
    now = time.time() if now is None else now
    fields = _fields(now)
    terms = []
    for match in _TERM.finditer(text):
        if not match.group(0).strip():
            continue
        negate, name, quoted, bare = match.groups()
        value = (quoted if quoted is not None else bare or "").replace('\\"', '"')
        negate = bool(negate)
        if name is not None:
            name = name.lower()
            if name not in fields:
                raise QueryError("unknown field %r: one of %s" % (name, ", ".join(FIELD_NAMES)))
            if not value:
                continue
            terms.append(Term(name, value, negate, fields[name](value)))
        elif quoted is None and value.lower() in KEYWORDS:
            terms.append(Term(value.lower(), "", negate, KEYWORDS[value.lower()]))
        elif value:
            terms.append(Term("", value, negate, _free_text(value)))
        elif negate:  # a lone "-": plain text
            terms.append(Term("", "-", False, _free_text("-")))
    return Query(text, tuple(terms))


def _parsed(query: str | Query) -> Query:
    return parse(query) if isinstance(query, str) else query


def matches(query: str | Query, record: Bounce, triage: Triage | None = None) -> bool:
    """True if `record` (with its triage) matches `query`."""
    return _parsed(query).matches(record, triage)


def select(records: Iterable[Bounce], triage: Mapping[str, Triage], query: str | Query) -> Iterator[Bounce]:
    """The records that match `query`, each judged with its own triage (by token)."""
    query = _parsed(query)
    for record in records:
        if query.matches(record, triage.get(record.token)):
            yield record
