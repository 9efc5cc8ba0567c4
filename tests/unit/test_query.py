"""The filter language of `export --filter` and the explorer's filter bar."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.model import Bounce
from bouncetui.query import QueryError, matches, parse, select
from bouncetui.store import Triage

NOV_20 = calendar.timegm((2026, 11, 20, 12, 0, 0))

ALICE = Bounce(origin="cur/1", recipient="alice@docomo.ne.jp", destination="docomo.ne.jp",
               addresser="news@shop.example.jp", reason="userunknown", hardbounce=True,
               deliverystatus="5.1.1", replycode="550", action="failed", decodedby="Postfix",
               diagnosticcode="550 5.1.1 User unknown", subject="Autumn sale", timestamp=NOV_20, token="a")
BOB = Bounce(origin="cur/2", recipient="bob@mail.example.org", destination="mail.example.org",
             reason="mailboxfull", deliverystatus="4.2.2", replycode="452", action="delayed",
             decodedby="Exim", diagnosticcode="Mailbox full", timestamp=NOV_20 - 10 * 86400, token="b")
SPAM = Bounce(origin="cur/3", recipient="x@example.net", destination="example.net", reason="userunknown",
              hardbounce=True, deliverystatus="5.7.26", backscatter=True, timestamp=NOV_20, token="c")


def pick(query: str, triage: dict[str, Triage] | None = None, now: float = NOV_20) -> list[str]:
    q = parse(query, now=now)
    return [r.token for r in select([ALICE, BOB, SPAM], triage or {}, q)]


def test_the_issue_example():
    triage = {"a": Triage("investigating", "", 1.0)}
    assert pick("reason:userunknown domain:docomo.ne.jp hard -state:ignore", triage) == ["a"]
    assert pick("reason:userunknown domain:docomo.ne.jp hard -state:investigating", triage) == []


def test_empty_query_matches_everything():
    assert pick("") == ["a", "b", "c"]
    assert not parse("  ")


@pytest.mark.parametrize("query, expected", [
    ("userunknown", ["a", "c"]),
    ("MAILBOX", ["b"]),
    ('"mailbox full"', ["b"]),
    ("-userunknown", ["b"]),
    ("hard", ["a", "c"]),
    ("soft", ["b"]),
    ("-backscatter", ["a", "b"]),
    ("reason:mailboxfull,userunknown -backscatter", ["a", "b"]),
    ("domain:example.org", ["b"]),  # a subdomain counts
    ("domain:ample.org", []),  # but not a suffix of a name
    ("status:5", ["a", "c"]),
    ("status:5.7.2", []),  # 5.7.2 is not a prefix of 5.7.26
    ("status:5.7", ["c"]),
    ("code:55", ["a"]),
    ("action:delayed", ["b"]),
    ("decodedby:postfix", ["a"]),
    ("to:alice", ["a"]),
    ("from:shop.example.jp", ["a"]),
    ("subject:autumn", ["a"]),
    ("origin:cur/2", ["b"]),
    ("reason:", ["a", "b", "c"]),  # nothing after the colon yet: ignored
])
def test_terms(query, expected):
    assert pick(query) == expected


def test_quotes_make_a_keyword_plain_text():
    assert pick('"hard"') == []


def test_state_defaults_to_new_and_note_is_searchable():
    triage = {"b": Triage("suppress", "Asked by phone", 5.0)}
    assert pick("state:new", triage) == ["a", "c"]
    assert pick("state:suppress,ignore", triage) == ["b"]
    assert pick("note:phone", triage) == ["b"]
    assert pick("phone", triage) == ["b"]


def test_dates_and_ages(utc):
    assert pick("since:2026-11-20") == ["a", "c"]
    assert pick("until:2026-11-10") == ["b"]  # the whole day is included
    assert pick("until:2026-11-09") == []
    assert pick("since:2026-11-20T12:00") == ["a", "c"]
    assert pick("since:2026-11-20T12:01") == []
    assert pick("since:3d") == ["a", "c"]
    assert pick("since:2w") == ["a", "b", "c"]


@pytest.mark.parametrize("query, message", [
    ("reasn:userunknown", "unknown field 'reasn'"),
    ("state:deleted", "unknown state 'deleted'"),
    ("since:yesterday", "cannot read the date"),
])
def test_errors_say_what_is_wrong(query, message):
    with pytest.raises(QueryError, match=message):
        parse(query)


def test_matches_takes_text_or_a_parsed_query():
    assert matches("hard", ALICE) and not matches(parse("soft"), ALICE, None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab:-" ,.5\\\\')) | st.characters(), max_size=40))
def test_any_text_parses_or_says_why(text):
    """The filter bar parses whatever is typed: a query, or a QueryError, never a crash."""
    try:
        query = parse(text, now=NOV_20)
    except QueryError:
        return
    for record in (ALICE, BOB, SPAM):
        assert query.matches(record, None) in (True, False)
