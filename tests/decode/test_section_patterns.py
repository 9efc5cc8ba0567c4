"""Postfix's paragraph and Exim's section patterns read a text line by line (possessive runs with
a look-ahead only at line breaks); each must match exactly what its lazy form (".*?" before a
look-ahead tried at every character) matched, on any text made of the pieces that matter."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.decode.mta import exim, postfix

LAZY_PARAGRAPH = re.compile(
    r"^[ \t]?<(?P<rcpt>[^>\s]*@[^>\s]*|[^>\s]+)>(?:\s+\(expanded\s+from\s+<(?P<alias>[^>]*)>\))?:\s+"
    r"(?P<text>.*?)(?=\n\s*\n|\n[ \t]?<[^>\s]+>(?::|\s+\(expanded)|\n--|\Z)",
    re.MULTILINE | re.DOTALL,
)
LAZY_SECTION = re.compile(r"^------ (.+?)\s*-{6}\s*\n(.*?)(?=^------ |\Z)", re.MULTILINE | re.DOTALL)

PARAGRAPH_PIECES = ["<a@b.example>", "<x>", ": ", ":", " ", "\t", "\n", "\n\n", " \n", "--", "-",
                    "(expanded from <y@z.example>)", " (expanded", "host mx said: 550 5.1.1", "text",
                    "<", ">", "\x0b", "\u2028", "\u3000", "é"]
SECTION_PIECES = ["------ ", "------", "-", "--", "a", "b c", "\n", "\n\n", " ", "\t", "x\n",
                  "------ pipe to |/bin/x ------\n", "\x0b", "\u2028"]


def matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPH_PIECES), max_size=16).map("".join))
def test_postfix_paragraphs_are_those_of_the_lazy_pattern(text: str) -> None:
    assert matches(postfix._PARAGRAPH, text) == matches(LAZY_PARAGRAPH, text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(SECTION_PIECES), max_size=16).map("".join))
def test_exim_sections_are_those_of_the_lazy_pattern(text: str) -> None:
    assert matches(exim._GENERATED_TEXT, text) == matches(LAZY_SECTION, text)
