"""Typo-tolerant search over recipients: "tanak@docomo" finds "tanaka.t@docomo.ne.jp", best first.

Exact substrings come first (a prefix before the rest, shorter addresses before longer ones).
Then the typo-tolerant part: rapidfuzz's partial_ratio, in C, picks the best FUZZY_LIMIT distinct
addresses, which are re-ranked in Python: a subsequence (letters left out) first, then the typo
score with the local part (weighted double) and the domain scored separately when the query has
an "@". `RecipientIndex` keeps the distinct addresses as records arrive, so a keystroke does not
rebuild them; it also keeps their distinct local parts, which the typo pass looks at first (they
are shorter and fewer than the addresses: half the work), the addresses in order of length, and
the last query's substrings, which the next key (the same text and one more letter) narrows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

FIRST_PASS_CUTOFF = 55.0  # loose: the re-ranking decides
MATCH_CUTOFF = 70.0  # a candidate below this re-ranked score is not shown
FUZZY_LIMIT = 1000  # distinct addresses the typo-tolerant pass may add after the substrings

# rapidfuzz's modules, imported by the first search that needs them (see _load), not while the
# explorer starts: no search runs before the first row is on the screen.
fuzz: Any = None
process: Any = None


def _load() -> None:
    global fuzz, process
    if process is None:
        from rapidfuzz import fuzz as scorers
        from rapidfuzz import process as extractors

        fuzz, process = scorers, extractors


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def score(query: str, candidate: str) -> float:
    """How well `candidate` matches `query` (both lower case): over 100 for exact substrings."""
    if query in candidate:
        return 200.0 - len(candidate) / 100.0 + (50.0 if candidate.startswith(query) else 0.0)
    if is_subsequence(query, candidate):
        return 150.0 - (len(candidate) - len(query)) / 100.0
    if "@" in query and "@" in candidate:
        qlocal, _, qdomain = query.partition("@")
        clocal, _, cdomain = candidate.rpartition("@")
        weighted = [(2.0, qlocal, clocal), (1.0, qdomain, cdomain)]  # the person matters most
        _load()
        parts = [(w, w * fuzz.partial_ratio(q, c)) for w, q, c in weighted if q]
        return sum(p for _w, p in parts) / sum(w for w, _p in parts) if parts else 0.0
    _load()
    return fuzz.partial_ratio(query, candidate)


def rank(query: str, names: Sequence[str], cancelled: Callable[[], bool] = lambda: False) -> list[str] | None:
    """The distinct lower-case `names` matching `query`, best first; None when cancelled."""
    index = RecipientIndex()
    index.extend(names, 0)
    return index.rank(query, cancelled)


def _near_domains(typed: str, by_domain: dict[str, list[str]]) -> list[str] | None:
    """The domains resembling a typed one (None: every domain does). One letter typed: those
    with it, as only they can score (see `score`); more: those with the text or like it."""
    if len(typed) == 1:
        near = [d for d in list(by_domain) if typed in d]
    else:
        _load()
        near = [d for d in list(by_domain) if typed in d or fuzz.partial_ratio(typed, d) >= MATCH_CUTOFF]
    return None if len(near) == len(by_domain) else near


def group_by_local(names: Iterable[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name.rpartition("@")[0], []).append(name)
    return groups


def group_by_domain(names: Iterable[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name.rpartition("@")[2], []).append(name)
    return groups


class RecipientIndex:
    """Distinct lower-case recipients and the record indexes that have each; append-only."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.rows: dict[str, list[int]] = {}
        self.name_of: list[str] = []  # record index -> its lower-case recipient
        self.by_domain: dict[str, list[str]] = {}  # domain -> its distinct names
        self.by_local: dict[str, list[str]] = {}  # local part -> its distinct names
        self.locals_in: dict[str, list[str]] = {}  # domain -> the local parts of its names
        self.count = 0
        self._by_length: tuple[int, list[str]] = (0, [])  # (len(names) then, names shortest first)
        self._last: tuple[str, int, list[str]] = ("", -1, [])  # a query, len(names) then, its substrings

    def extend(self, recipients: Iterable[str], start: int) -> None:
        """Index recipients of records start, start+1, ... (called as records arrive)."""
        for i, recipient in enumerate(recipients, start):
            key = recipient.lower()
            self.name_of.append(key)
            rows = self.rows.get(key)
            if rows is None:
                self.rows[key] = [i]
                self.names.append(key)
                local, _at, domain = key.rpartition("@")
                self.by_domain.setdefault(domain, []).append(key)
                self.by_local.setdefault(local, []).append(key)
                self.locals_in.setdefault(domain, []).append(local)
            else:
                rows.append(i)
            self.count = i + 1

    def prepare(self) -> None:
        """Order the names by length now (a worker's step), not at the first key typed."""
        count = len(self.names)
        if self._by_length[0] != count:
            self._by_length = (count, sorted(self.names[:count], key=len))

    def substrings(self, query: str) -> list[str]:
        """The names containing `query`, shortest first (ties in the order they came)."""
        count = len(self.names)
        last, then, found = self._last
        if not (then == count and last and last in query):  # else: narrow the last query's
            self.prepare()
            found = self._by_length[1]
        found = [n for n in found if query in n]
        self._last = (query, count, found)
        return found

    def rank(self, query: str, cancelled: Callable[[], bool] = lambda: False) -> list[str] | None:
        """The distinct names matching `query`, best first (see the module docstring); None when
        cancelled."""
        query = query.strip().lower()
        substrings = self.substrings(query)
        k = len(query)  # n[:k] == query: startswith without a method call, over many names
        ranked = [n for n in substrings if n[:k] == query]
        ranked += [n for n in substrings if n[:k] != query]
        if len(query) < 3 or cancelled():  # too short for typo tolerance: substrings only
            return None if cancelled() else ranked
        limit = FUZZY_LIMIT + len(substrings)
        _load()
        candidates = self._candidates(query, limit)
        if cancelled():
            return None
        hits = process.extract(query, candidates, scorer=fuzz.partial_ratio, limit=limit,
                               score_cutoff=FIRST_PASS_CUTOFF)
        if cancelled():
            return None
        fuzzy = [(score(query, name), name) for name, _score, _i in hits if query not in name]
        fuzzy.sort(key=lambda pair: -pair[0])
        return ranked + [name for value, name in fuzzy if value >= MATCH_CUTOFF]

    def _candidates(self, query: str, limit: int) -> list[str]:
        """The names the typo pass scores: those whose local part is among the `limit` best for
        the query's local part (the whole query without an "@"), in a domain like the typed one;
        without an "@", also every name of a domain the query resembles."""
        local, at, typed = query.partition("@")
        domains = self.by_domain
        near = _near_domains(typed, domains) if at and typed else None
        if not local:  # "@domain": the domain decides
            chosen = list(domains) if near is None else near
            return [name for domain in chosen for name in domains[domain][:]]
        by_local = self.by_local
        if near is None:
            parts = list(by_local)
        else:
            parts = list(dict.fromkeys(part for domain in near for part in self.locals_in[domain][:]))
        best = process.extract(local, parts, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=FIRST_PASS_CUTOFF)
        found = [name for part, _score, _i in best for name in by_local[part][:]]
        if near is not None:
            allowed = set(near)
            found = [name for name in found if name.rpartition("@")[2] in allowed]
        if not at:  # the text may be in the domain (its names then score at least as well)
            for domain in list(domains):
                if fuzz.partial_ratio(query, domain) >= MATCH_CUTOFF:
                    found += domains[domain][:]
            found = list(dict.fromkeys(found))
        return found

    def search(self, query: str, allowed: list[int] | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> list[int] | None:
        """Record indexes matching `query`, best first, among `allowed` (None: all); None if cancelled."""
        if allowed is not None and len(allowed) * 4 < self.count:  # few rows left: index just those
            local = RecipientIndex()
            name_of = self.name_of
            for i in allowed:
                local.rows.setdefault(name_of[i], []).append(i)
            local.names = list(local.rows)
            local.by_domain = group_by_domain(local.names)
            local.by_local = group_by_local(local.names)
            local.locals_in = {domain: [name.rpartition("@")[0] for name in names]
                               for domain, names in local.by_domain.items()}
            local.count = len(allowed)
            return local.search(query, None, cancelled)
        ranked = self.rank(query, cancelled)
        if ranked is None:
            return None
        out: list[int] = []
        rows = self.rows
        if allowed is None:
            for name in ranked:
                out.extend(rows[name])
            return out
        keep = set(allowed)
        for name in ranked:
            out.extend(i for i in rows[name] if i in keep)
        return out


def search(query: str, keys: Sequence[str], cancelled: Callable[[], bool] = lambda: False) -> list[int] | None:
    """Indexes into `keys` (recipients) matching `query`, best first; None when cancelled."""
    index = RecipientIndex()
    index.extend(keys, 0)
    return index.search(query, None, cancelled)
