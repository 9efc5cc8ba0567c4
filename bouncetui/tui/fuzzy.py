"""Typo-tolerant search over recipients: "tanak@docomo" finds "tanaka.t@docomo.ne.jp", best first.

A first pass runs rapidfuzz's partial_ratio in C over the distinct recipients; the survivors are
re-ranked: an exact substring first, then a subsequence (letters left out), then the typo score,
with the local part (weighted double) and the domain scored separately when the query has an "@".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

FIRST_PASS_CUTOFF = 55.0  # loose: the re-ranking decides
MATCH_CUTOFF = 70.0  # a candidate below this re-ranked score is not shown


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


def search(
    query: str, keys: Sequence[str], cancelled: Callable[[], bool] = lambda: False
) -> list[int] | None:
    """Indexes into `keys` matching `query`, best first; None when cancelled part-way."""
    query = query.strip().lower()
    if not query:
        return list(range(len(keys)))
    distinct: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        distinct.setdefault(key.lower(), []).append(i)
    if cancelled():
        return None
    names = list(distinct)
    if len(query) < 3:  # too short for typo tolerance: plain substring search
        survivors = [n for n in names if query in n]
    else:
        hits = process.extract(query, names, scorer=fuzz.partial_ratio, limit=None,
                               score_cutoff=FIRST_PASS_CUTOFF)
        survivors = [name for name, _score, _i in hits]
    if cancelled():
        return None
    ranked = sorted(((score(query, n), n) for n in survivors), key=lambda pair: -pair[0])
    result: list[int] = []
    for value, name in ranked:
        if value < MATCH_CUTOFF:
            break
        result.extend(distinct[name])
    return result
