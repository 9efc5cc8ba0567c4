"""The screen that picks which wording patterns to search: it may keep too many, never too few."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.classify import compiled, match_wording, providers, screen, wording
from bouncetui.classify.screen import Screen, lowered_pattern, words_needed
from tests.unit import regex_samples

TEXTS = [
    "550 5.1.1 <kijitora@example.jp>... User Unknown",
    "552 5.2.2 Mailbox full: quota exceeded for this recipient",
    "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
    "Recipient address rejected: Message was identified as spam",
    "421 4.7.0 Try again later, closing connection. (EHLO) gsmtp",
    "550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass).",
    "host mx.example.net said: 550 sorry, no mailbox here by that name (#5.1.1)",
    "550 Requested action not taken: mailbox unavailable",
    "このメールアドレスは存在しません。宛先不明",
    "Postfach ist voll",
    "The email account that you tried to reach does not exist.",
    "Message rejected due to local policy; see https://support.google.com/mail/answer/69585",
    "smtp; 550 5.7.1 Unfortunately, messages from [192.0.2.9] weren't sent. AS(1234) S3150",
    "unknown user; ſpam filter",  # a long s: case-insensitive patterns match it as an "s"
]


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        # the strings a run of exact parts spells: optional words, alternatives, small classes
        (r"mailbox (?:is )?full", 0, ("mailbox full", "mailbox is full")),
        (r"(?:user|account) (?:unknown|not found)", 0,
         ("account not found", "account unknown", "user not found", "user unknown")),
        (r"user ?unknown", 0, ("user unknown", "userunknown")),
        (r"bad[-_]recipient", 0, ("bad-recipient", "bad_recipient")),
        # ... and on into the start of the next part, from the end of the one before
        (r"\[(?:tss?\d\d|bl2[123])\]", re.IGNORECASE, ("[bl21", "[bl22", "[bl23", "[ts")),
        (r"(?:queue|resolver)\.[a-z]\w+", 0, ("queue.", "resolver.")),
        (r"\d+ (?:user|mailbox)", 0, (" mailbox", " user")),
        # case-insensitive: a letter beyond ASCII cuts the run (its other cases are not looked for)
        (r"bo[iî]te (?:aux lettres )?pleine", re.IGNORECASE, ("te aux lettres pleine", "te pleine")),
        (r"\bspam\b", 0, ("spam",)),
        (r"Over Quota", re.IGNORECASE, ("over quota",)),
        (r"\brbl\b", 0, ("rbl",)),
        (r"\d+", 0, ()),  # no word at all
        (r"\bIB\d{3}\b", re.IGNORECASE, ("ib",)),  # two characters already tell
        (r"容量(?:が|を)?超過", 0, ("容量が超過", "容量を超過", "容量超過")),
        (r"user (?:not|un)known", 0, ("user notknown", "user unknown")),
        (r"a\d+", 0, ()),  # one is in nearly every text: not worth looking for
    ],
)
def test_the_words_a_pattern_cannot_match_without(pattern: str, flags: int, words: tuple[str, ...]) -> None:
    assert words_needed(pattern, flags) == words


@pytest.fixture(params=["automaton", "tree"])
def finder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test of the screen runs with the Aho-Corasick automaton and with the regular expression
    tree that stands in for it where pyahocorasick is not installed."""
    if request.param == "automaton" and screen.ahocorasick is None:
        pytest.skip("pyahocorasick not installed: only the regular expression tree is used")
    monkeypatch.setattr(screen, "_FORCE_TREE", request.param == "tree")
    return request.param


def _check(patterns: list[str], flags: int, texts: list[str]) -> None:
    screen = Screen(patterns, flags)
    compiled = [re.compile(pattern, flags) for pattern in patterns]  # (more than re's cache holds)
    for text in texts:
        subject = text if flags & re.IGNORECASE else text.lower()
        kept = screen.candidates(subject)
        for n, pattern in enumerate(compiled):
            if pattern.search(subject):
                assert n in kept, (pattern.pattern, text)


def test_every_wording_pattern_that_matches_is_kept(finder: str) -> None:
    patterns = [p for _reason, pats in wording.PATTERNS for p in pats]
    # each pattern's own words, as a text, besides the sample replies
    texts = TEXTS + [" and ".join(words_needed(p, re.MULTILINE)) for p in patterns]
    _check(patterns, re.MULTILINE, texts)


def test_every_provider_pattern_that_matches_is_kept(finder: str) -> None:
    patterns = [r.pattern for p in providers.PROVIDERS for r in p.rules] + [p.mark for p in providers.PROVIDERS if p.mark]
    flags = re.IGNORECASE | re.MULTILINE
    texts = TEXTS + [" and ".join(words_needed(p, flags)).upper() for p in patterns]
    _check(patterns, flags, texts)


def test_a_text_beyond_ascii_is_screened_with_its_letters_that_match_ascii_ones(finder: str) -> None:
    screen_ = Screen([r"spam filter", r"user unknown", r"invalid", r"blocked"], re.IGNORECASE)
    # a long s, a dotless i, a dotted capital I and the Kelvin sign match "s", "i", "i" and "k"
    assert screen_.candidates("ſpam filter、ıNVALİD") == {0, 2}
    assert screen_.candidates("BLOC\u212aED — 宛先不明") == {3}
    assert screen_.candidates("nothing to see — 何もない") == set()
    texts = ["ſpam filter", "UſER UNKNOWN İN", "ınvalıd recipient", "BLOC\u212aED", "Ünknown üser — 宛先"]
    _check([r"spam filter", r"user unknown", r"invalid", r"blocked", r"unknown user"], re.IGNORECASE, texts)


def test_every_letter_beyond_ascii_that_matches_an_ascii_one_is_folded() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(128, 0x110000):
        char = chr(code)
        if ascii_letter.fullmatch(char):
            assert char.lower().isascii() or code in screen._ASCII_FOLD, hex(code)


def test_the_reason_is_the_first_in_table_order_whatever_the_position() -> None:
    # "mailbox full" (mailboxfull) comes before "user unknown" (userunknown) in wording.PATTERNS,
    # though the text names the unknown user first.
    assert match_wording("user unknown, and the mailbox is full")[0] == "mailboxfull"
    assert compiled().reasons.index("mailboxfull") < compiled().reasons.index("userunknown")


def test_words_inside_and_overlapping_other_words_are_all_found(finder: str) -> None:
    # "unknown" inside "userunknown", "mailbox" and "box full" overlapping, "user" a prefix of "username"
    patterns = [r"unknown", r"mailbox", r"box full", r"user", r"username", r"quota"]
    found = Screen(patterns).candidates("userunknown; the mailbox full, username")
    assert {0, 1, 2, 3, 4} <= found and 5 not in found


def test_the_automaton_and_the_tree_keep_the_same_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    if screen.ahocorasick is None:
        pytest.skip("pyahocorasick not installed: only the regular expression tree is used")
    patterns = [p for _reason, pats in wording.PATTERNS for p in pats]
    texts = [t.lower() for t in TEXTS] + [" and ".join(words_needed(p, re.MULTILINE)) for p in patterns]
    automaton = Screen(patterns, re.MULTILINE)
    monkeypatch.setattr(screen, "_FORCE_TREE", True)
    tree = Screen(patterns, re.MULTILINE)
    assert automaton.automaton is not None and tree.automaton is None
    for text in texts:
        assert automaton.candidates(text) == tree.candidates(text), text


@pytest.mark.parametrize(
    ("pattern", "lowered"),
    [
        (r"\bIB\d{3}\b", r"\bib\d{3}\b"),  # escapes stay as written
        (r"AUP#(?:CX[A-Z]+|RBL)\S*", r"aup#(?:cx[a-z]+|rbl)\S*"),
        (r"A\\B", r"a\\b"),  # an escaped backslash, then a letter
        (r"User\sUnknown\\\S\B", r"user\sunknown\\\S\B"),  # runs lowered, escapes kept, in turn
        (r"\x41BC", r"(?i:\x41BC)"),  # an escape that stands for a letter: left case-insensitive
        (r"(?P<code>X\d)", r"(?i:(?P<code>X\d))"),
    ],
)
def test_a_pattern_lowered_for_lower_cased_text(pattern: str, lowered: str) -> None:
    assert lowered_pattern(pattern) == lowered


def test_every_provider_pattern_lowered_matches_where_the_case_insensitive_one_does() -> None:
    patterns = [r.pattern for p in providers.PROVIDERS for r in p.rules] + [p.mark for p in providers.PROVIDERS if p.mark]
    flags = re.IGNORECASE | re.MULTILINE
    words = [" and ".join(words_needed(p, flags)) for p in patterns]
    texts = [t for t in TEXTS if t.isascii()] + [w.upper() for w in words] + [w.title() for w in words] + [
        "550 5.7.1 AUP#CXBL https://www.spectrum.net/support/ IB212 (S3150) [TSS04]",
        "554 DT:SPM 163 mx14, mail.163.com/help/help_spam_16.htm RP:CEL LPN007_510 OFR_999",
    ]
    for pattern in patterns:
        case_insensitive = re.compile(pattern, flags)
        lowered = re.compile(lowered_pattern(pattern), re.MULTILINE)
        for text in texts:
            a, b = case_insensitive.search(text), lowered.search(text.lower())
            assert (a and a.span()) == (b and b.span()), (pattern, text)


def _tables() -> list[tuple[str, list[str], int]]:
    """Every table the classifier screens, with the flags it is screened with."""
    table = compiled()
    return [
        ("wording", list(table.wording.patterns), table.wording.flags),
        ("provider rules", list(table.rules.patterns), table.rules.flags),
        ("provider marks", list(table.marks.patterns), table.marks.flags),
        ("provider rules, lowered", list(table.lower_rules.patterns), table.lower_rules.flags),
        ("provider marks, lowered", list(table.lower_marks.patterns), table.lower_marks.flags),
    ]


@pytest.mark.parametrize(("name", "patterns", "flags"), _tables(), ids=[name for name, _p, _f in _tables()])
def test_every_branch_of_every_pattern_that_matches_is_kept(name: str, patterns: list[str], flags: int) -> None:
    """Each pattern's every alternative and optional part spelled out (tests/unit/regex_samples.py),
    alone and within other words: wherever the pattern matches, the screen keeps it."""
    screen_ = Screen(patterns, flags)
    proven = 0
    for n, pattern in enumerate(patterns):
        rx = re.compile(pattern, flags)
        matched = False
        for sample in regex_samples.samples(pattern, flags):
            for text in (sample, "x " + sample + " x", sample.upper()):
                subject = text if flags & re.IGNORECASE else text.lower()
                if rx.search(subject):
                    matched = True
                    assert n in screen_.candidates(subject), (pattern, text)
        proven += matched
    assert proven >= 0.97 * len(patterns), "too few patterns have samples they match: %d of %d" % (proven, len(patterns))


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        (r"a|b(c|d)|[|]", ["a", "b(c|d)", "[|]"]),  # inside a group or a class, "|" is no split
        (r"a\|b|c", [r"a\|b", "c"]),  # nor escaped
        (r"[]|]|x", ["[]|]", "x"]),  # a "]" first in a class is one of its characters
        (r"[^]|]|y", ["[^]|]", "y"]),
        (r"x\.co/rlbounce|\bIB\d{3}\b", [r"x\.co/rlbounce", r"\bIB\d{3}\b"]),
        (r"(?i)a|b", [r"(?i)a|b"]),  # inline flags and named groups: left whole
        (r"(?P<x>a)|b", [r"(?P<x>a)|b"]),
        (r"no alternatives", ["no alternatives"]),
    ],
)
def test_the_top_level_alternatives_of_a_pattern(pattern: str, parts: list[str]) -> None:
    assert screen.alternatives(pattern) == parts


def test_a_mark_matches_where_one_of_its_alternatives_does() -> None:
    """The marks are searched alternative by alternative: a provider is named by a text exactly
    when its whole mark matches it (each branch spelled out by regex_samples, alone, within
    words, in upper case; as written and lowered)."""
    flags = re.IGNORECASE | re.MULTILINE
    for provider in providers.PROVIDERS:
        if not provider.mark:
            continue
        parts = screen.alternatives(provider.mark)
        assert "|".join(parts) == provider.mark
        whole, each = re.compile(provider.mark, flags), [re.compile(part, flags) for part in parts]
        lowered = re.compile(lowered_pattern(provider.mark), re.MULTILINE)
        each_lowered = [re.compile(lowered_pattern(part), re.MULTILINE) for part in parts]
        for sample in regex_samples.samples(provider.mark, flags):
            for text in (sample, "x " + sample + " x", sample.upper(), "nothing here"):
                assert bool(whole.search(text)) == any(rx.search(text) for rx in each), (provider.name, text)
                low = text.lower()
                assert bool(lowered.search(low)) == any(rx.search(low) for rx in each_lowered), (provider.name, text)


def test_a_case_insensitive_ascii_pattern_has_the_words_of_its_lowered_form() -> None:
    """words_needed reads a case-insensitive ASCII pattern's words from its lowered form (shared
    with the lowered provider tables): for every provider pattern and mark, what reading the
    pattern itself gives."""
    table = compiled()
    flags = re.IGNORECASE | re.MULTILINE
    shortcut = 0
    for pattern in table.rules.patterns + table.marks.patterns:
        assert words_needed(pattern, flags) == screen._words_needed.__wrapped__(pattern, flags), pattern
        shortcut += pattern.isascii() and not lowered_pattern(pattern).startswith("(?i:")
    assert shortcut > 100  # the shortcut is taken, not merely allowed


@pytest.mark.parametrize(
    ("pattern", "compiled_as"),
    [
        (r"\bgsmtp\b", r"gsmtp(?<!\wgsmtp)\b"),
        (r"\bib\d{3}\b", r"ib(?<!\wib)\d{3}\b"),
        (r"\bdd requested", r"dd requested(?<!\wdd requested)"),
        (r"\bab*c", r"a(?<!\wa)b*c"),  # the repeated letter stays after the look-behind
        (r"\ba|b", r"\ba|b"),  # alternatives, a group, no boundary first: as written
        (r"\b(?:lpn|ofr)\d", r"\b(?:lpn|ofr)\d"),
        (r"mailbox full", r"mailbox full"),
    ],
)
def test_a_leading_boundary_is_tested_behind_the_word(pattern: str, compiled_as: str) -> None:
    assert screen.literal_first(pattern) == compiled_as


_BOUNDARY_CONTEXTS = ("", "x", "_", "9", " ", "-", "é", "ſ", "\n", "<")


@pytest.mark.parametrize(("name", "patterns", "flags"), _tables(), ids=[name for name, _p, _f in _tables()])
def test_every_pattern_compiled_word_first_matches_as_written(name: str, patterns: list[str], flags: int) -> None:
    """Patterns (screen.Patterns) compile with a leading word boundary tested behind the word: each
    such pattern finds the same matches as written, its samples (tests/unit/regex_samples.py)
    after and before a word character, a blank, punctuation or nothing, repeated."""
    changed = 0
    for pattern in patterns:
        first = screen.literal_first(pattern)
        if first == pattern:
            continue
        changed += 1
        written, word_first = re.compile(pattern, flags), re.compile(first, flags)
        for sample in regex_samples.samples(pattern, flags)[:16]:
            for before in _BOUNDARY_CONTEXTS:
                for after in ("", "x", " "):
                    text = before + sample + after + before + sample
                    for subject in (text, text.lower(), text.upper()):
                        assert [m.span() for m in written.finditer(subject)] == [
                            m.span() for m in word_first.finditer(subject)], (pattern, subject)
    assert changed or name.startswith("provider marks")  # the tables do have such patterns


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ib", "IB", "spf", "gsmtp", "1", "123", " ", "_", "x", "é", "\n", "-", "."]),
                max_size=12))
def test_a_pattern_compiled_word_first_matches_as_written_anywhere(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern in (r"\bib\d{3}\b", r"\bspf\b", r"\bgsmtp\b", r"\bspf\s*ib"):
        for flags in (0, re.IGNORECASE, re.MULTILINE):
            written = re.compile(pattern, flags)
            word_first = re.compile(screen.literal_first(pattern), flags)
            assert [m.span() for m in written.finditer(text)] == [m.span() for m in word_first.finditer(text)]


def _stage_screens() -> list[tuple[str, Screen, list[str], int]]:
    import sys

    import bouncetui.decode.assemble  # noqa: F401  (the package's name is the decode function)

    assemble = sys.modules["bouncetui.decode.assemble"]
    fields = sys.modules["bouncetui.decode.fields"]
    return [
        ("fields.find_command", fields._STAGE_SCREEN, [fields.STAGE_PATTERN], re.IGNORECASE),
        ("assemble.derive_command", assemble._COMMAND_SCREEN,
         [fields.STAGE_PATTERN] + [rx.pattern for rx, _c in assemble._STAGE_HINTS], re.IGNORECASE),
    ]


def test_the_stage_screens_look_for_their_keys_first_and_keep_what_the_automaton_keeps() -> None:
    """The stage screens first test a few keys (Screen's keys): they are in use, and the screens
    keep, for texts naming a stage in each way and texts naming none, what the same screen without
    keys keeps."""
    for name, keyed, patterns, flags in _stage_screens():
        assert keyed.keys, name
        plain = Screen(patterns, flags)
        texts = ["550 5.1.1 User unknown", "RCPT TO:<a@example.jp> 550 no", "Connection refused", "é DATA:", ""]
        for pattern in patterns:
            for sample in regex_samples.samples(pattern, flags):
                texts += [sample, "x " + sample.upper() + " x"]
        assert sum(bool(plain.candidates(text)) for text in texts) > 20, name
        for text in texts:
            assert keyed.candidates(text) == plain.candidates(text), (name, text)


def test_keys_that_some_word_does_not_hold_are_not_used() -> None:
    assert Screen([r"mailbox (?:is )?full", "user unknown"], 0, ("mailbox", "unknown")).keys == ("mailbox", "unknown")
    assert Screen([r"mailbox (?:is )?full", "user unknown"], 0, ("mailbox",)).keys is None
    assert Screen([r"mailbox (?:is )?full", r"\d+"], 0, ("mailbox",)).keys is None  # a pattern without words
    screen_ = Screen([r"mailbox (?:is )?full", "user unknown"], 0, ("mailbox", "unknown"))
    assert screen_.candidates("the mailbox is full") == {0}
    assert screen_.candidates("no such user") == frozenset()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["RCPT", "rcpt to", " TO", ":", "<", "after ", "DATA", "end of ", "data", "MAIL FROM",
                                 "connect to ", "ſtarttls", "x", " ", "in reply to ", ">>> ", "[", "]", "_"]),
                max_size=10))
def test_the_stage_screens_with_keys_keep_what_they_keep_without(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name, keyed, patterns, flags in _stage_screens():
        assert keyed.candidates(text) == Screen(patterns, flags).candidates(text), name
