"""The diagnostic as the wording step reads it (classify.plain_words): addresses masked, the
reply-code prefixes of a multi-line reply's continuation lines removed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.classify import _CONTINUATION, match_wording, plain_words

# The continuation prefix as first written, with a look-behind in front: the pattern in use must
# remove exactly what this one does.
WRITTEN = re.compile(r"(?<=\S)\s+[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?(?=\S)")

# Texts made of what the pattern looks at: blanks (ASCII and beyond), reply and status digits,
# dots, hyphens, letters.
PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\u3000", "\xa0", "2", "4", "5", "0", "55", "550",
                          "5.1.1", ".", "-", "a", "user", "550-5.7.1 ", "421 ", "x"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=24).map("".join))
def test_the_continuation_pattern_removes_what_the_written_one_does(text: str) -> None:
    assert _CONTINUATION.sub(" ", text) == WRITTEN.sub(" ", text)


def test_continuation_prefixes_go_and_the_first_reply_code_stays() -> None:
    text = "550-5.7.1 The user you are trying to contact 550-5.7.1 is over quota 550 5.7.1 now"
    assert plain_words(text) == "550-5.7.1 The user you are trying to contact is over quota now"


def test_addresses_are_masked() -> None:
    assert plain_words("550 5.1.1 <filtered@example.jp>: Recipient address rejected") == (
        "550 5.1.1 <<address>>: Recipient address rejected")
    # "filtered@" is no filter: the masked address leaves the unknown recipient
    assert match_wording("550 5.1.1 <filtered@example.jp>: Recipient address rejected")[0] == "userunknown"


def test_a_code_inside_a_sentence_without_a_blank_before_stays() -> None:
    assert plain_words("see error:550 5.1.1 here") == "see error:550 5.1.1 here"
    assert plain_words("first 550 5.1.1 second") == "first second"
