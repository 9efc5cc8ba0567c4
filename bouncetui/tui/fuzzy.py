"""Typo-tolerant search over recipients: "tanak@docomo" finds "tanaka.t@docomo.ne.jp", best first.

Exact substrings come first (a prefix before the rest, shorter addresses before longer ones).
Then the typo-tolerant part: rapidfuzz's partial_ratio, in C, picks the best FUZZY_LIMIT distinct
addresses, which are re-ranked in Python: a subsequence (letters left out) first, then the typo
score with the local part (weighted double) and the domain scored separately when the query has
an "@". `RecipientIndex` keeps the distinct addresses as records arrive, so a keystroke does not
rebuild them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz, process

FIRST_PASS_CUTOFF = 55.0  # loose: the re-ranking decides
MATCH_CUTOFF = 70.0  # a candidate below this re-ranked score is not shown
FUZZY_LIMIT = 1000  # distinct addresses the typo-tolerant pass may add after the substrings


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
        parts = [(w, w * fuzz.partial_ratio(q, c)) for w, q, c in weighted if q]
        return sum(p for _w, p in parts) / sum(w for w, _p in parts) if parts else 0.0
    return fuzz.partial_ratio(query, candidate)


def rank(query: str, names: Sequence[str], cancelled: Callable[[], bool] = lambda: False,
         by_domain: dict[str, list[str]] | None = None) -> list[str] | None:
    """The distinct lower-case `names` matching `query`, best first; None when cancelled.
    `by_domain` (domain -> its names, as RecipientIndex keeps it) saves regrouping them."""
    query = query.strip().lower()
    substrings = [n for n in names if query in n]
    prefixed = sorted((n for n in substrings if n.startswith(query)), key=len)
    inside = sorted((n for n in substrings if not n.startswith(query)), key=len)
    substrings = prefixed + inside
    if len(query) < 3 or cancelled():  # too short for typo tolerance: substrings only
        return None if cancelled() else substrings
    candidates = _near_domain(query, names, by_domain)
    hits = process.extract(query, candidates, scorer=fuzz.partial_ratio, limit=FUZZY_LIMIT + len(substrings),
                           score_cutoff=FIRST_PASS_CUTOFF)
    if cancelled():
        return None
    fuzzy = [(score(query, name), name) for name, _score, _i in hits if query not in name]
    fuzzy.sort(key=lambda pair: -pair[0])
    return substrings + [name for value, name in fuzzy if value >= MATCH_CUTOFF]


def _near_domain(query: str, names: Sequence[str], by_domain: dict[str, list[str]] | None) -> Sequence[str]:
    """With "user@dom" typed, only the addresses whose domain resembles "dom" are candidates: the
    typo pass then looks at a fraction of the names (the domains are few, the addresses many)."""
    local, at, typed = query.partition("@")
    if not at or len(typed) < 2:
        return names
    if by_domain is None:
        by_domain = group_by_domain(names)
    near = [d for d in list(by_domain) if typed in d or fuzz.partial_ratio(typed, d) >= MATCH_CUTOFF]
    if len(near) == len(by_domain):
        return names
    return [name for domain in near for name in by_domain[domain][:]]


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
        self.count = 0

    def extend(self, recipients: Iterable[str], start: int) -> None:
        """Index recipients of records start, start+1, ... (called as records arrive)."""
        for i, recipient in enumerate(recipients, start):
            key = recipient.lower()
            self.name_of.append(key)
            rows = self.rows.get(key)
            if rows is None:
                self.rows[key] = [i]
                self.names.append(key)
                self.by_domain.setdefault(key.rpartition("@")[2], []).append(key)
            else:
                rows.append(i)
            self.count = i + 1

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
            local.count = len(allowed)
            return local.search(query, None, cancelled)
        names = self.names[:]  # a snapshot: records keep arriving on the main thread
        ranked = rank(query, names, cancelled, self.by_domain)
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
