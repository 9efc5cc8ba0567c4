"""Strings a regular expression matches, spelling each of its alternatives and optional parts at
least once: texts to prove that a screen (classify/screen.py) keeps every pattern that matches,
whichever branch matched. Read from the parsed pattern (re's own parser); a pattern the parser
reads differently on another Python gives no samples."""

from __future__ import annotations

import itertools
import re

try:
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:  # another Python
    _sre = _sre_parser = None

MOST = 64  # combinations of a sequence's parts spelled in full; beyond, each part's choices in turn


def samples(pattern: str, flags: int = 0) -> list[str]:
    """Strings built from `pattern`'s parts (the caller keeps those the pattern does match: an
    assertion or a negated class may rule a few out)."""
    if _sre_parser is None:
        return []
    try:
        return _sequence(_sre_parser.parse(pattern, flags & ~re.IGNORECASE))
    except (re.error, RecursionError):
        return []


def _sequence(sequence: object) -> list[str]:
    parts = [_item(item) for item in sequence]  # type: ignore[attr-defined]
    if not all(parts):
        return []
    if len(list(itertools.islice(itertools.product(*parts), MOST + 1))) <= MOST:
        return ["".join(choice) for choice in itertools.product(*parts)]
    return ["".join(part[j % len(part)] for part in parts) for j in range(max(map(len, parts)))]


def _item(item: tuple) -> list[str]:
    op, arg = item
    if op is _sre.LITERAL:
        return [chr(arg)]
    if op is _sre.NOT_LITERAL:
        return ["y" if arg == ord("x") else "x"]
    if op is _sre.ANY:
        return ["x"]
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return [""]
    if op is _sre.IN:
        if arg and arg[0][0] is _sre.NEGATE:
            return [next((c for c in "x0 !#" if not re.fullmatch(_class(arg[1:]), c)), "x")]
        chars: list[str] = []
        for inner, value in arg:
            if inner is _sre.LITERAL:
                chars.append(chr(value))
            elif inner is _sre.RANGE:
                chars += [chr(value[0]), chr(value[1])]
            elif inner is _sre.CATEGORY:
                chars.append(_CATEGORY.get(value, "a"))
        return chars
    if op is _sre.BRANCH:
        return [text for alternative in arg[1] for text in _sequence(alternative)]
    if op is _sre.SUBPATTERN:
        return _sequence(arg[3])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, inner = arg
        counts = [low] + ([low + 1] if high > low else [])
        return [text * count for text in _sequence(inner) for count in counts]
    return []  # a back reference or anything else: no samples


_CATEGORY = {} if _sre is None else {
    _sre.CATEGORY_DIGIT: "0", _sre.CATEGORY_WORD: "a", _sre.CATEGORY_SPACE: " ",
    _sre.CATEGORY_NOT_DIGIT: "a", _sre.CATEGORY_NOT_WORD: " ", _sre.CATEGORY_NOT_SPACE: "a",
}
_CATEGORY_RE = {} if _sre is None else {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_NOT_WORD: r"\W", _sre.CATEGORY_NOT_SPACE: r"\S",
}


def _class(members: list) -> str:
    """A regular expression for the characters a class's members name (to pick one outside)."""
    parts = []
    for op, value in members:
        if op is _sre.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op is _sre.RANGE:
            parts.append("%s-%s" % (re.escape(chr(value[0])), re.escape(chr(value[1]))))
        elif op is _sre.CATEGORY:
            parts.append(_CATEGORY_RE.get(value, ""))
    return "[%s]" % "".join(parts) if parts else "[^\\s\\S]"
