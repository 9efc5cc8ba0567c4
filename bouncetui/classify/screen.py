"""Which of many regular expressions can match a text, found in one pass over it.

Most patterns cannot match without some word: "mailbox (?:is )?full" needs "mailbox",
"(?:user|account) (?:unknown|not found)" needs "unknown" or "not found". A `Screen` collects these
words from the parsed patterns and finds all of them in a text in one pass; `candidates(text)`
then names the patterns worth searching (a superset of those that match: a pattern whose words are
unknown is always among them). Searching a few patterns instead of hundreds is what makes
classifying a diagnostic cheap.

The words are found by an Aho-Corasick automaton (pyahocorasick), every occurrence of every word;
without that package, by one regular expression shaped as a tree of their characters, which finds
the same words, slower (the engine tries its branches at every character).

Case-insensitive patterns are screened by their ASCII words lower-cased, in the lower-cased text.
Unicode case-insensitive matching has three equivalences to ASCII letters that str.lower() does
not make ("s" matches "ſ", "i" matches "ı" and "İ"): a text beyond ASCII has them made first
(_ASCII_FOLD), so a word a match holds is found there too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

try:  # an Aho-Corasick automaton: every word in one pass over the text
    import ahocorasick
except ImportError:  # the regular expression tree does the same, slower
    ahocorasick = None

try:  # the regular expression parser, to read the words a pattern needs
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:  # another Python: every pattern is a candidate
    _sre = _sre_parser = None

# True: the regular expression tree even where the automaton is there (to compare the two)
_FORCE_TREE = False
# A single character is in nearly every text: not worth looking for. Two already tell ("ib" for
# GoDaddy's IB codes, "容量" for a Japanese mailbox's capacity): a pattern with no longer word is
# searched only in a text that has one of them, instead of in every text.
MIN_WORD = 2
_SPECIAL = frozenset(".^$*+?{}[]\\|()")  # the characters of a pattern that are not literal


def words_needed(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` contains, or () when no such set of strings
    of at least MIN_WORD characters is known. With re.IGNORECASE (in `flags` or in the pattern)
    they are lower-cased, and only ASCII words are given."""
    insensitive = bool(flags & re.IGNORECASE)
    plain = pattern[2:] if pattern.startswith("\\b") else pattern
    plain = plain[:-2] if plain.endswith("\\b") else plain
    if not _SPECIAL.intersection(plain):  # a word, maybe between \b: itself (most need no parsing)
        found: frozenset[str] | None = frozenset({plain})
    elif _sre_parser is None:
        return ()
    else:
        try:
            parsed = _sre_parser.parse(pattern, flags & ~re.IGNORECASE)
        except (re.error, RecursionError, OverflowError):
            return ()
        insensitive = insensitive or bool(parsed.state.flags & re.IGNORECASE)
        found = _needed(parsed, insensitive)
    if not found or min(map(len, found)) < MIN_WORD:
        return ()
    if insensitive:
        if not all(word.isascii() for word in found):
            return ()
        found = frozenset(word.lower() for word in found)
    return tuple(sorted(found))


def _needed(sequence: object, insensitive: bool) -> frozenset[str] | None:
    """The best set of strings one of which every match of the parsed `sequence` contains: its
    longest run of literal characters, or a group's or an alternation's own set."""
    sets: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in sequence:  # type: ignore[attr-defined]
        if op is _sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            sets.append(frozenset({"".join(run)}))
            run = []
        inner = None
        if op is _sre.SUBPATTERN:  # (group, added flags, removed flags, pattern)
            if insensitive or not arg[1] & re.IGNORECASE:
                inner = _needed(arg[3], insensitive)
        elif op is _sre.BRANCH:  # (None, [alternatives])
            each = [_needed(alternative, insensitive) for alternative in arg[1]]
            inner = frozenset().union(*each) if all(each) else None
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _needed(arg[2], insensitive)  # (min, max, item): there at least once
        if inner:
            sets.append(inner)
    if run:
        sets.append(frozenset({"".join(run)}))
    return max(sets, key=lambda s: (min(map(len, s)), -len(s))) if sets else None


def trie(words: Sequence[str]) -> str:
    """One regular expression for `words`, as a tree of their characters ("ab(?:c|d)"). Where
    several start, it matches the longest (a word's continuations are tried before its end), so
    the words there are that one and those it starts with."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [("\\" + char if char in _SPECIAL else char) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)

    return emit(tree)


# The characters beyond ASCII that re.IGNORECASE matches to an ASCII letter, besides those whose
# str.lower() is that letter: every one of them, found by trying each code point.
_ASCII_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s"}


class Screen:
    """The patterns (by index in `patterns`) that may match a text."""

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        self.insensitive = bool(flags & re.IGNORECASE)
        self.everything = frozenset(range(len(patterns)))
        by_word: dict[str, list[int]] = {}
        for n, pattern in enumerate(patterns):
            for word in words_needed(pattern, flags):
                by_word.setdefault(word, []).append(n)
        self.unscreened = frozenset(self.everything - {n for ns in by_word.values() for n in ns})
        self.automaton = None
        if by_word and ahocorasick is not None and not _FORCE_TREE:
            # Every occurrence of every word: a word found -> the patterns that need it.
            self.automaton = ahocorasick.Automaton()
            for word, ns in by_word.items():
                self.automaton.add_word(word, frozenset(ns))
            self.automaton.make_automaton()
        # The tree finds the longest word at each place: a word found -> the patterns that need it
        # or a word it starts with (found there too). Not built where the automaton serves.
        self.covers = {} if self.automaton is not None else {
            word: frozenset(n for end in range(MIN_WORD, len(word) + 1) for n in by_word.get(word[:end], ()))
            for word in by_word
        }
        self.words = None if self.automaton is not None or not by_word else re.compile(trie(sorted(by_word)))

    def candidates(self, text: str) -> frozenset[int] | set[int]:
        """The patterns that may match `text`: every one that does, and a few that do not."""
        if self.words is None and self.automaton is None:
            return self.everything
        if self.insensitive:
            text = text.lower() if text.isascii() else text.translate(_ASCII_FOLD).lower()
        found = set(self.unscreened)
        if self.automaton is not None:
            for _end, ns in self.automaton.iter(text):
                found |= ns
            return found
        # The longest word at each place one starts: searched again from the next character (the
        # engine skips ahead to a possible first character; findall of a lookahead could not).
        search = self.words.search
        m = search(text)
        while m is not None:
            found |= self.covers[m.group()]
            m = search(text, m.start() + 1)
        return found


class Patterns:
    """Regular expressions compiled when first searched (a short scan needs a few of hundreds), or
    all at once by compile_all() (a fork server, before forking workers)."""

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        self.patterns = tuple(patterns)
        self.flags = flags
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def __getitem__(self, n: int) -> re.Pattern[str]:
        return self._compiled[n] or self._compile(n)

    def _compile(self, n: int) -> re.Pattern[str]:
        rx = self._compiled[n] = re.compile(self.patterns[n], self.flags)
        return rx

    def compile_all(self) -> None:
        for n in range(len(self.patterns)):
            self[n]


# Escapes that may stand for a letter (\x4A, \u00C0, \N{...}, \101), which lowering cannot reach.
_LETTER_ESCAPE = re.compile(r"\\[xuUN0-7]")


def lowered_pattern(pattern: str) -> str:
    """`pattern` for lower-cased ASCII text, to compile without re.IGNORECASE: its letters
    lower-cased, its escapes (\\S, \\B, \\d) as written. On an ASCII text it matches at the places
    where `pattern` with IGNORECASE matches in the text as written; without IGNORECASE the engine
    skips ahead on a literal prefix instead of trying every character (several times faster).
    A pattern whose letters lowering cannot reach (an escape for a letter, a named group, inline
    flags) stays case-insensitive: "(?i:pattern)"."""
    if "(?P" in pattern or re.search(r"\(\?[a-zA-Z]", pattern) or _LETTER_ESCAPE.search(pattern.replace("\\\\", "")):
        return "(?i:%s)" % pattern
    out = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)
