"""The diagnostic as the wording step reads it (classify.plain_words): addresses masked, the
reply-code prefixes of a multi-line reply's continuation lines removed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.classify import (
    _CONTINUATION,
    _CONTINUATION_HINT,
    _REMOTE_REPLY,
    mask_addresses,
    match_wording,
    plain_words,
)

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


# What plain_words did before its shortcuts: every address by one pattern, every text through the
# continuation pattern. The shortcuts must change nothing.
_ADDRESS_WRITTEN = re.compile(r"[\w.+=/-]+@[\w-]+(?:\.[\w-]+)+")
ADDRESS_PIECES = st.sampled_from(["a", "user", "@", "@@", ".", "..", "-", "+", "=", "/", "_", " ", "<", ">",
                                  "(", "example.jp", "x.co", "é", "山田", "1", "\n", ":", "mailto:"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(ADDRESS_PIECES, max_size=20).map("".join))
def test_addresses_are_masked_where_the_written_pattern_masks_them(text: str) -> None:
    assert mask_addresses(text) == _ADDRESS_WRITTEN.sub("<address>", text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=24).map("".join))
def test_a_text_without_the_hint_has_no_continuation_prefix(text: str) -> None:
    if not _CONTINUATION_HINT.search(text):
        assert WRITTEN.sub(" ", text) == text


def test_plain_words_masks_every_address_and_joins_continuation_lines() -> None:
    text = "550-5.1.1 a.b+c@example.com: 550-5.1.1 no such user x/y@z.example.jp. @ @@ a@b"
    assert plain_words(text) == "550-5.1.1 <address>: no such user <address>. @ @@ a@b"


# The remote reply's pattern as first written, with the boundary as a group in front.
_REMOTE_WRITTEN = re.compile(r"(?:^|[\s'\"(<\[:;>-])([245]\d\d)[ -]'?(?:#)?[245]\.\d{1,3}\.\d{1,3}\b")
REPLY_PIECES = st.sampled_from(["550", "451", "5.1.1", "4.7.0", "5", ".", "-", " ", "'", "#", "x", "：",
                                "(", "0", "25", "5.2", "\n", "<", ">", ":", "2"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(REPLY_PIECES, max_size=14).map("".join))
def test_the_remote_reply_is_found_where_the_written_pattern_finds_it(text: str) -> None:
    ours, written = _REMOTE_REPLY.search(text), _REMOTE_WRITTEN.search(text)
    assert (ours and ours.start(1), ours and ours.group(1)) == (written and written.start(1), written and written.group(1))
