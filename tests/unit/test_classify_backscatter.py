"""Backscatter: spam-tagged originals and mail not sent from the user's own domains."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.classify import backscatter
from bouncetui.decode import decode
from bouncetui.model import Bounce

FIXTURES = Path(__file__).parent / "fixtures"


def rec(sender: str, subject: str = "hello", n: int = 0) -> Bounce:
    return Bounce(origin="m%d" % n, addresser=sender, senderdomain=sender.rpartition("@")[2], subject=subject,
                  recipient="r%d@example.org" % n)


@pytest.mark.parametrize(
    "subject", ["[SPAM] Cheap watches", "***SPAM*** hello", "{Spam?} offer", "[迷惑メール] お知らせ",
                "[meiwaku] test", "SPAM: win now", "Re: [Suspected Spam] invoice"],
)
def test_spam_tags_are_found(subject):
    assert backscatter.spam_tag(subject)


@pytest.mark.parametrize("subject", ["Spam filter settings changed", "Our anti-spam policy", "Monthly newsletter", ""])
def test_subjects_that_only_mention_spam_are_not_tags(subject):
    assert backscatter.spam_tag(subject) == ""


def test_given_own_domains_mark_everything_else():
    records = [rec("a@example.com", n=1), rec("b@mail.example.com", n=2), rec("x@forged.example", n=3), rec("", n=4)]
    marked = list(backscatter.mark(records, ["example.com"]))
    assert [r.backscatter for r in marked] == [False, False, True, False]
    assert "forged.example" in dict(marked[2].trace)["backscatter"]


def test_inferred_own_domains_are_the_dominant_addressers():
    records = [rec("shop@example.com", n=i) for i in range(40)] + [rec("x@elsewhere.example", n=99)]
    marked = list(backscatter.mark(records))
    assert sum(r.backscatter for r in marked) == 1
    assert marked[-1].backscatter


def test_a_mailbox_serving_many_senders_infers_nothing():
    records = [rec("a@big.example", n=i) for i in range(30)] + [
        rec("x@client%d.example" % i, n=100 + i) for i in range(40)]
    assert not any(r.backscatter for r in backscatter.mark(records))


def test_too_few_records_infer_nothing_but_spam_tags_still_count():
    records = [rec("a@one.example", n=1), rec("b@two.example", "[SPAM] x", n=2)]
    marked = list(backscatter.mark(records))
    assert [r.backscatter for r in marked] == [False, True]


def test_inference_streams_past_its_window_and_passes_errors_through():
    sentinel = object()
    records = [rec("shop@example.com", n=i) for i in range(backscatter.WINDOW + 30)] + [sentinel]
    out = list(backscatter.mark(iter(records)))
    assert out[-1] is sentinel and len(out) == len(records)
    assert not any(r.backscatter for r in out[:-1])


def test_decoded_spam_tagged_original_is_backscatter():
    (record,) = decode((FIXTURES / "dsn_spam_tagged.eml").read_bytes(), "dsn_spam_tagged.eml")
    assert record.backscatter and record.reason == "userunknown"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "*", "**", "{", "}", "?", ":", " ", "\t", "spam", "SPAM", "ſpam", "junk",
                                 "JUNK", "bulk", "迷惑", "x", "Re: ", "suspected spam", "-"]), max_size=10))
def test_a_subject_without_the_tags_characters_is_not_searched_and_nothing_is_lost(pieces: list[str]) -> None:
    """spam_tag skips the search for a subject without "[", "*", "{" or ":": what the tags
    pattern itself finds in any subject."""
    subject = "".join(pieces)
    m = backscatter._spam_tags().search(subject)
    assert backscatter.spam_tag(subject) == (m.group(0).strip() if m else "")
