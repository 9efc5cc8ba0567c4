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

import json
import re
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

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
_IGNORECASE = int(re.IGNORECASE)


def words_needed(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` contains, or () when no such set of strings
    of at least MIN_WORD characters is known. With re.IGNORECASE (in `flags` or in the pattern)
    they are lower-cased, and only ASCII words are given.

    A case-insensitive ASCII pattern has the words of its lowered form (lowered_pattern) read case-
    sensitively: the same words, read once for the provider tables' two forms (tests prove it)."""
    flags = int(flags)  # re.RegexFlag's "&" and "~" are Python code (enum.Flag); an int's are not
    if flags & _IGNORECASE and pattern.isascii():
        lowered = lowered_pattern(pattern)
        if not lowered.startswith("(?i:"):
            return _words_needed(lowered, flags & ~_IGNORECASE)
    return _words_needed(pattern, flags)


# The words of the package's own patterns, kept in screen_words.json (written by
# `python -m bouncetui.classify.screen_words`; a test checks it is current): reading the ~1,300
# patterns of the classifier's tables through the regular expression parser took ~350 million
# instructions in every process that classifies. Used under the Python version that wrote it (whose
# parser they were read with); a pattern not in it (a table edited since) is read as before.
WORDS_FILE = Path(__file__).with_name("screen_words.json")
_stored: dict[tuple[str, int], tuple[str, ...]] | None = None
ASKED: set[tuple[str, int]] = set()  # every (pattern, flags) whose words were asked for in this process


def stored_words() -> dict[tuple[str, int], tuple[str, ...]]:
    """WORDS_FILE's words by (pattern, flags), read on first use; {} when it is missing, unreadable
    or was written by another Python version."""
    global _stored
    if _stored is None:
        try:
            data = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("python") == "%d.%d" % sys.version_info[:2]:
            _stored = {(pattern, flags): tuple(words) for pattern, flags, words in data["words"]}
        else:
            _stored = {}
    return _stored


@lru_cache(maxsize=4096)
def _words_needed(pattern: str, flags: int) -> tuple[str, ...]:
    """words_needed: stored, else read_words."""
    ASKED.add((pattern, flags))
    stored = stored_words().get((pattern, flags))
    return stored if stored is not None else read_words(pattern, flags)


def read_words(pattern: str, flags: int) -> tuple[str, ...]:
    """words_needed, read from the pattern itself (_words_needed's arguments)."""
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
        found = _Words(insensitive).needed(parsed)
    if not found or min(map(len, found)) < MIN_WORD:
        return ()
    if insensitive:
        if not all(word.isascii() for word in found):
            return ()
        found = frozenset(word.lower() for word in found)
    # a word holding another of the set adds nothing: a text with it has the other one too
    kept: list[str] = []
    for word in sorted(found, key=len):
        for shorter in kept:
            if shorter in word:
                break
        else:
            kept.append(word)
    return tuple(sorted(kept))


# The most strings a set may hold: a run of exact parts that would spell more is cut there.
EXACT_MAX = 64
_NOTHING = frozenset({""})
_SMALL_CLASS = 4  # a character class of at most this many characters counts as exact ("[-_]")
if _sre is not None:
    _REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
    _ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


def _spell(heads: frozenset[str], tails: frozenset[str]) -> frozenset[str] | None:
    """Each of `heads` followed by each of `tails`; None when that makes more than EXACT_MAX."""
    if len(heads) * len(tails) > EXACT_MAX:
        return None
    if heads == _NOTHING or tails == _NOTHING:  # the other one, as it is (most calls)
        return tails if heads == _NOTHING else heads
    if len(heads) == 1 and len(tails) == 1:
        return frozenset({next(iter(heads)) + next(iter(tails))})
    return frozenset(head + tail for head in heads for tail in tails)


class _Words:
    """The words of one parsed pattern. A part is exact when every string it matches is known and
    they are few: a literal character (ASCII when `insensitive`: the screen lower-cases those
    alone), a small character class, an assertion (""), a group, an alternation or an optional
    of exact parts. Runs of exact parts spell words; the parts around a run lengthen them by the
    strings every match of theirs starts or ends with."""

    def __init__(self, insensitive: bool) -> None:
        self.insensitive = insensitive
        self.known: dict[int, frozenset[str] | None] = {}  # id of a part -> exact(part)
        self.split: dict[int, list[tuple[tuple | None, frozenset[str] | None]]] = {}  # id -> parts

    def parts(self, sequence: list) -> list[tuple[tuple | None, frozenset[str] | None]]:
        """(part, exact(part)) for each part of `sequence`, a run of literal characters as one
        part (None, {the run})."""
        key = id(sequence)
        if key not in self.split:
            self.split[key] = self._parts(sequence)
        return self.split[key]

    def _parts(self, sequence: list) -> list[tuple[tuple | None, frozenset[str] | None]]:
        parts: list[tuple[tuple | None, frozenset[str] | None]] = []
        literal: list[str] = []
        for item in getattr(sequence, "data", sequence):  # a parsed SubPattern's list of parts
            if item[0] is _sre.LITERAL and not (self.insensitive and item[1] > 127):
                literal.append(chr(item[1]))
                continue
            if literal:
                parts.append((None, frozenset({"".join(literal)})))
                literal = []
            parts.append((item, self.exact(item)))
        if literal:
            parts.append((None, frozenset({"".join(literal)})))
        return parts

    def needed(self, sequence: list) -> frozenset[str] | None:
        """The best set of strings one of which every match of `sequence` contains: the strings a
        run of its exact parts spells ("mail ?box (?:is )?full": "mailbox full", "mail box full",
        "mailbox is full", "mail box is full"), with the ends of the parts around it
        ("\\[(?:ts\\d+|bl\\d+)": "[ts", "[bl"), or a group's or an alternation's own set."""
        sets: list[frozenset[str]] = []
        run = _NOTHING  # what the text holds just before the part at hand: one of these
        for item, exact in self.parts(sequence):
            if exact is not None:
                spelled = _spell(run, exact)
                if spelled is None:  # too many: the run so far is one set, a new one starts here
                    sets.append(run)
                    spelled = exact
                run = spelled
                continue
            sets.append(_spell(run, self.edge(item, True)) or run)  # type: ignore[arg-type]
            op, arg = item  # type: ignore[misc]
            inner = None
            if op is _sre.SUBPATTERN:  # (group, added flags, removed flags, pattern)
                if self.insensitive or not arg[1] & re.IGNORECASE:
                    inner = self.needed(arg[3])
            elif op is _sre.BRANCH:  # (None, [alternatives])
                each = [self.needed(alternative) for alternative in arg[1]]
                inner = frozenset().union(*each) if all(each) else None
            elif op in _REPEATS and arg[0] >= 1:
                inner = self.needed(arg[2])  # (min, max, item): there at least once
            if inner:
                sets.append(inner)
            run = self.edge(item, False)  # type: ignore[arg-type]
        sets.append(run)
        return max(sets, key=lambda s: (min(map(len, s)), -len(s)))

    def exact(self, item: tuple) -> frozenset[str] | None:
        """Every string the part `item` can match when it is exact, else None."""
        key = id(item)
        if key not in self.known:
            self.known[key] = self._exact(item)
        return self.known[key]

    def _exact(self, item: tuple) -> frozenset[str] | None:
        op, arg = item
        if op is _sre.LITERAL:
            char = chr(arg)
            return None if self.insensitive and not char.isascii() else frozenset({char})
        if op in _ZERO_WIDTH:
            return _NOTHING
        if op is _sre.IN:
            chars = frozenset(chr(value) for member, value in arg if member is _sre.LITERAL)
            if len(chars) != len(arg) or len(chars) > _SMALL_CLASS:
                return None
            return None if self.insensitive and not all(char.isascii() for char in chars) else chars
        if op is _sre.SUBPATTERN:  # (group, added flags, removed flags, pattern)
            return None if not self.insensitive and arg[1] & re.IGNORECASE else self.exact_sequence(arg[3])
        if op is _sre.BRANCH:  # (None, [alternatives])
            each = [self.exact_sequence(alternative) for alternative in arg[1]]
            if any(strings is None for strings in each):
                return None
            union = frozenset().union(*each)  # type: ignore[arg-type]
            return union if len(union) <= EXACT_MAX else None
        if op in _REPEATS and arg[1] == 1:  # (min, max, item): optional, or once
            strings = self.exact_sequence(arg[2])
            return None if strings is None else strings | _NOTHING if arg[0] == 0 else strings
        return None

    def exact_sequence(self, sequence: list) -> frozenset[str] | None:
        """Every string `sequence` can match when all its parts are exact and that makes few."""
        strings: frozenset[str] | None = _NOTHING
        for _item, exact in self.parts(sequence):
            strings = None if exact is None else _spell(strings, exact)  # type: ignore[arg-type]
            if strings is None:
                return None
        return strings

    def edge(self, item: tuple, start: bool) -> frozenset[str]:
        """Strings one of which every match of `item` starts with (`start`), or ends with; {""}
        when none are known."""
        exact = self.exact(item)
        if exact is not None:
            return exact
        op, arg = item
        if op is _sre.SUBPATTERN and (self.insensitive or not arg[1] & re.IGNORECASE):
            return self.sequence_edge(arg[3], start)
        if op is _sre.BRANCH:
            union = frozenset().union(*(self.sequence_edge(alternative, start) for alternative in arg[1]))
            return union if len(union) <= EXACT_MAX else _NOTHING
        if op in _REPEATS and arg[0] >= 1:  # (min, max, item): at least one, so it starts and ends as one
            return self.sequence_edge(arg[2], start)
        return _NOTHING

    def sequence_edge(self, sequence: list, start: bool) -> frozenset[str]:
        """Strings one of which every match of `sequence` starts with (`start`), or ends with: its
        exact parts from that end on, and the edge of the first part that is not exact."""
        edge = _NOTHING
        parts = self.parts(sequence)
        for item, exact in parts if start else reversed(parts):
            part = exact if exact is not None else self.edge(item, start)  # type: ignore[arg-type]
            longer = _spell(edge, part) if start else _spell(part, edge)
            if longer is None:
                return edge
            edge = longer
            if exact is None:
                return edge
        return edge


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

    def __init__(self, patterns: Sequence[str], flags: int = 0, keys: Sequence[str] = ()) -> None:
        """`keys`: a few strings, one of which each of the patterns' words holds (a cheaper first
        look for a screen that rarely finds anything): a text holding none of them has none of the
        words, and no candidate. Ignored unless every word holds one (then `self.keys` is None)."""
        self.insensitive = bool(flags & re.IGNORECASE)
        self.everything = frozenset(range(len(patterns)))
        by_word: dict[str, list[int]] = {}
        for n, pattern in enumerate(patterns):
            for word in words_needed(pattern, flags):
                by_word.setdefault(word, []).append(n)
        self.unscreened = frozenset(self.everything - {n for ns in by_word.values() for n in ns})
        self.keys = tuple(keys) if keys and by_word and not self.unscreened and all(
            any(key in word for key in keys) for word in by_word) else None
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
        if self.keys is not None:
            # a few substring tests instead of the automaton's walk (~135 instructions a character)
            for key in self.keys:
                if key in text:
                    break
            else:
                return self.unscreened  # empty: every pattern is screened
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
    all at once by compile_all()."""

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        self.patterns = tuple(patterns)
        self.flags = flags
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def __getitem__(self, n: int) -> re.Pattern[str]:
        return self._compiled[n] or self._compile(n)

    def _compile(self, n: int) -> re.Pattern[str]:
        rx = self._compiled[n] = re.compile(literal_first(self.patterns[n]), self.flags)
        return rx

    def compile_all(self) -> None:
        for n in range(len(self.patterns)):
            self[n]


# A word boundary, then a run of literal word characters and blanks ("\\bgsmtp\\b", "\\bib\\d{3}").
_BOUNDARY_WORD = re.compile(r"\\b([A-Za-z0-9_][A-Za-z0-9_ ]*)")


def literal_first(pattern: str) -> str:
    """`pattern` with a leading word boundary before a literal word tested behind the word instead
    ("\\bgsmtp\\b" -> "gsmtp(?<!\\wgsmtp)\\b"): the same matches, but the engine skips ahead to
    the word (a pattern starting with an assertion is tried at every character, ~15 times slower
    on a diagnostic). The boundary before a word character is "no word character before it",
    which the look-behind asks once the word is read. Other patterns are returned as they are."""
    m = _BOUNDARY_WORD.match(pattern)
    if m is None or len(alternatives(pattern)) > 1:
        return pattern
    word = m.group(1)
    if pattern[m.end():m.end() + 1] in ("*", "+", "?", "{"):  # the last character is repeated
        word = word[:-1]
    if not word:
        return pattern
    return "%s(?<!\\w%s)%s" % (word, word, pattern[2 + len(word):])


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` ("a|b(c|d)|[|]" -> "a", "b(c|d)", "[|]"): the text
    matches the pattern somewhere if and only if it matches one of them somewhere. Each is searched
    on its own (a literal start lets the engine skip ahead, an alternation does not) and screened
    by its own words. A pattern with inline flags or named groups is left whole."""
    if "(?" in pattern and re.search(r"\(\?[a-zA-Z]|\(\?P", pattern):
        return [pattern]
    found: list[str] = []
    depth = 0
    start = 0
    i = 0
    in_class = False
    class_start = 0  # where the class being read has its first member
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]" or i == class_start
        elif char == "[":
            in_class = True
            class_start = i + 1 + (pattern[i + 1:i + 2] == "^")  # a "]" first in a class is literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:i])
            start = i + 1
        i += 1
    found.append(pattern[start:])
    return found


# An escape (a backslash and the character after it, if any) or a run without a backslash.
_ESCAPE_OR_RUN = re.compile(r"\\.?|[^\\]+", re.DOTALL)
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
    if pattern.isascii():  # the escapes as written, the runs between them lowered (not char by char)
        return "".join(piece if piece[0] == "\\" else piece.lower() for piece in _ESCAPE_OR_RUN.findall(pattern))
    out = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)
