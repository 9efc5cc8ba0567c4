"""The fields every format derives the same way (decode/assemble.py): status, reply code, command, date."""

from __future__ import annotations

import email.utils
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.decode.assemble import _REPLY_PAIR, derive_command, derive_replycode, derive_status, parse_date
from bouncetui.decode.report import Delivery


@pytest.mark.parametrize(
    "stated,diagnostic,expected",
    [
        ("5.1.1", "550 5.1.1 <a@example.org>... User Unknown", "5.1.1"),
        # A reporting MTA's guess gives way to the remote server's own code of the same class.
        ("5.1.1", "550 5.7.1 IP address blacklisted by recipient", "5.7.1"),
        ("4.4.7", "450 4.7.1 Client host rejected: may not be mail exchanger", "4.7.1"),
        # A wrapper's code ahead of the remote reply: the remote reply counts.
        ("", "5.1.0 - Unknown address error 550-'5.7.1 <a@example.org>... Access denied'", "5.7.1"),
        # Vague report status, precise code in the text.
        ("5.0.0", "Recipient rejected (#5.1.1)", "5.1.1"),
        # A vague remote code never replaces a precise report status.
        ("5.3.0", "550 5.0.0 <a@example.org>... Insufficient permission", "5.3.0"),
        # A different class in the text is another event, not this status.
        ("5.1.1", "421 4.4.2 Connection timed out earlier", "5.1.1"),
        ("", "", ""),
        # The remote reply stands at the start, after a space or after punctuation (full-width too)...
        ("5.1.1", "550 5.7.1 denied", "5.7.1"),
        ("5.1.1", "宛先：550 5.7.1 denied", "5.7.1"),
        ("5.1.1", "said (550-5.7.1 denied)", "5.7.1"),
        # ... never glued to a word or to other digits.
        ("5.1.1", "x550 5.7.1 denied", "5.1.1"),
        ("5.1.1", "1550 5.7.1 denied", "5.1.1"),
        ("5.1.1", "550 5.7.1.2 denied", "5.1.1"),
    ],
)
def test_status(stated, diagnostic, expected):
    assert derive_status(Delivery(status=stated, diagnostic=diagnostic))[0] == expected


def test_reply_code_from_the_text_and_dropped_on_a_class_conflict():
    assert derive_replycode(Delivery(diagnostic="550 5.1.1 no such user"), "5.1.1")[0] == "550"
    assert derive_replycode(Delivery(diagnostic="see 421 earlier"), "5.1.1")[0] == ""
    assert derive_replycode(Delivery(replycode="552", diagnostic="x"), "5.2.2") == ("552", "stated by the decoder")


@pytest.mark.parametrize(
    "diagnostic,expected",
    [
        ("550 5.1.1 user unknown (in reply to RCPT TO command)", "RCPT"),
        ("SMTP error from remote mail server after end of data: 550 rejected", "DATA"),
        ("192.0.2.1 does not like recipient. Remote host said: 550 no such user", "RCPT"),
        ("Remote host said: 550 5.2.1 <a@example.jp>... User Unknown [RCPT_TO]", "RCPT"),
        ("SMTP error from remote server for TEXT command, host: mx.example.fr reason: 550 5.2.0", "DATA"),
        ("connect to mx.example.org[192.0.2.1]:25: Connection refused", "CONN"),
        ("550 5.1.1 user unknown", ""),
    ],
)
def test_command(diagnostic, expected):
    assert derive_command(Delivery(diagnostic=diagnostic))[0] == expected


def test_a_command_stated_by_the_decoder_wins():
    assert derive_command(Delivery(command="MAIL", diagnostic="(in reply to RCPT TO command)")) == (
        "MAIL", "stated by the decoder")


# The reply-pair pattern as first written, with the boundary before the reply code as a group of
# its own: the pattern in use tests it behind the first digit instead, and must find the same codes.
_REFERENCE_PAIR = re.compile(r"(?:^|[\s'\"(<\[:;>=（：「-])[245]\d\d[ -]'?#?([245]\.\d{1,3}\.\d{1,3})(?![\d]|\.\d)")


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.sampled_from(["550", "451", "5.1.1", "4.7.0", "5", ".", "-", " ", "'", "#", "x", "：",
                                 "(", "0", "25", "5.2"]), max_size=14).map("".join))
def test_the_reply_pair_pattern_finds_what_the_reference_finds(text: str) -> None:
    assert [m.group(1) for m in _REPLY_PAIR.finditer(text)] == [m.group(1) for m in _REFERENCE_PAIR.finditer(text)]


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Thu, 29 Apr 2009 23:34:45 +0900", (1241015685, "+0900")),
        ("29 Apr 2009 23:34:45 +0900 (JST)", (1241015685, "+0900")),
        ("Thu, 29 Apr 2009\r\n 23:34 -0500", (1241066040, "-0500")),
        ("Thu, 29 Apr 2009 23:34:45 -0000", (1241048085, "+0000")),
        ("Thu, 29 Apr 2009 23:34:45 JST", (1241048085, "+0000")),  # a zone name email.utils does not know
        ("Thu, 29 Apr 2009 23:34:45 EST", (1241066085, "-0500")),
        ("Thursday, April 09, 2003 9:00 AM", (1049878800, "+0000")),
        ("Thu, 1 Jan 1960 00:00:00 +0000", None),  # before 1970: no time of a report
        ("no date at all", None),
        ("", None),
    ],
)
def test_date(value, expected):
    assert parse_date(value) == expected


def _reference_date(value: str) -> tuple[int, str] | None:
    """parse_date as first written, all through email.utils."""
    try:
        parsed = email.utils.parsedate_tz(" ".join(value.split()))
    except (TypeError, ValueError, IndexError):
        return None
    if not parsed or parsed[0] < 1970:
        return None
    offset = parsed[9] or 0
    try:
        stamp = int(email.utils.mktime_tz(parsed))
    except (OverflowError, ValueError):
        return None
    sign = "-" if offset < 0 else "+"
    offset = abs(offset)
    return stamp, "%s%02d%02d" % (sign, offset // 3600, (offset % 3600) // 60)


@settings(max_examples=400, derandomize=True)
@given(
    st.sampled_from(["", "Thu, ", "Sun, ", "thu, "]),
    st.integers(0, 39), st.sampled_from(["Jan", "Feb", "Jun", "Dec", "jan", "Foo"]), st.integers(1950, 2200),
    st.integers(0, 29), st.integers(0, 69), st.one_of(st.none(), st.integers(0, 69)),
    st.sampled_from(["+0900", "-0500", "+0000", "-0000", "+0099", "-1259", "GMT", "+9", ""]),
    st.sampled_from(["", " (JST)", "  ", " x y", "\n", "\xa0"]),
)
def test_a_date_is_read_as_email_utils_reads_it(dow, day, month, year, hour, minute, second, zone, tail):
    clock = "%02d:%02d" % (hour, minute) + ("" if second is None else ":%02d" % second)
    value = "%s%d %s %d %s %s%s" % (dow, day, month, year, clock, zone, tail)
    assert parse_date(value) == _reference_date(value)


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.sampled_from(["Thu, ", "29", "1", " ", "Apr", "2009", "1969", "23:34", ":45", "+0900", "-0000",
                                 "+0160", "\u0662\u0669", "\t", "\n", "\xa0", "  ", "x", "\x1c", " (JST)"]),
                max_size=10).map("".join))
def test_any_date_text_is_read_as_email_utils_reads_it(value: str) -> None:
    assert parse_date(value) == _reference_date(value)
