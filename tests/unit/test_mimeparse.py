"""The fast MIME parser builds the very tree the standard library's compat32 parser builds.

Every decoder reads that tree, so any difference (a part cut one line early, an epilogue kept,
a defect missed) could change a record. Compared on hand-written edge cases, on generated
multipart structures with blank lines, repeated and unterminated boundaries, and on the corpus.
"""

from __future__ import annotations

import email.parser
import email.policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bouncetui.decode import mimeparse
from bouncetui.decode import part as part_module
from bouncetui.decode.message import normalize_newlines
from tests.conftest import SAMPLE_MAIL

STANDARD = email.parser.BytesParser(policy=email.policy.compat32)


def shape(msg: email.message.Message) -> tuple:
    payload = msg._payload
    if isinstance(payload, list):
        payload = [shape(part) for part in payload]
    defects = [(type(d).__name__, getattr(d, "line", None)) for d in msg.defects]
    return (msg._headers, msg._unixfrom, msg.preamble, msg.epilogue, msg._default_type, defects, payload)


def assert_same_tree(data: bytes) -> None:
    data = normalize_newlines(data)
    parsed = mimeparse.parse(data)
    assert shape(parsed) == shape(STANDARD.parsebytes(data))
    assert parsed._shape in (None, walked_shape(parsed))  # None: the standard parser built it


EDGE_CASES = [
    b"",
    b"Subject: no body",
    b"Subject: x\n\nbody without newline",
    b"From MAILER-DAEMON Mon Jan 1 00:00:00 2026\nSubject: x\n\nbody\n",
    b"Subject: x\nFrom someone in the middle\nTo: y\n\nbody\n",
    b" continued first line\nSubject: x\n\nbody\n",
    b":no name\nSubject: x\n\nbody\n",
    b"Subject: x\nthis is no header\n\nbody\n",
    b"Content-Type: multipart/mixed\n\nno boundary parameter\n",
    b"Content-Type: multipart/mixed; boundary=b\n\npreamble only, no boundary line\n",
    b"Content-Type: multipart/mixed; boundary=b\n\n--b\n\npart\n",
    b"Content-Type: multipart/mixed; boundary=b\n\npre\n--b\n--b\n\npart\n--b--",
    b"Content-Type: multipart/mixed; boundary=b\n\n--b \t\nA: 1\n\npart\n--b-- \n\nepilogue\n",
    b"Content-Type: multipart/mixed; boundary=\"a:b\"\n\n--a:b\n--a:b: x\n\nhm\n--a:b--\n",
    b"Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: multipart/alternative; boundary=i\n\n"
    b"--i\n\ninner\n--o\n\nouter part cuts the inner one\n--o--\n",
    b"Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: digested\n\nhi\n--d--\n",
    b"Content-Type: message/delivery-status\n\nReporting-MTA: dns; x\n\n\n\nFinal-Recipient: rfc822; a@b\n"
    b"Status: 5.1.1\nnot a field\n\n",
    b"Content-Type: multipart/report; boundary=r\n\n--r\nContent-Type: message/delivery-status\n\n"
    b"A: 1\n\nB: 2\n--r\nContent-Type: message/rfc822\n\nSubject: orig\n\nbody\n--r--\n",
    b"Content-Type: message/rfc822\n\n",
    b"Content-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: base64\n\n--b\n\nx\n--b--\n",
    # header blocks longer than the window a blank line is looked for in (read field by field)
    b"Received: from a\n" * 2000 + b"Subject: long\n\nbody\n",
    b"X-Long: " + b"x" * 20000 + b"\nSubject: x\n--b\nbody\n",
    b"Content-Type: multipart/mixed; boundary=b\n\n--b\nA: 1\n" + b"B: 2\n" * 5000 + b"--b\nC: 3\n--b--\n",
]


@pytest.mark.parametrize("data", EDGE_CASES)
def test_edge_cases_parse_like_the_standard_library(data: bytes) -> None:
    assert_same_tree(data)


LINES = st.sampled_from([
    "", " ", "Subject: s", "X-A: 1", "\tfolded", ":bad", "From x", "plain words",
    "--b", "--b--", "--b  ", "--c", "--c--", "--bb", "--x: y", "-x: y",
    "Content-Type: multipart/mixed; boundary=b", "Content-Type: multipart/alternative; boundary=\"c\"",
    "Content-Type: message/delivery-status", "Content-Type: message/rfc822",
    "Content-Type: multipart/digest; boundary=c", "Content-Type: text/plain",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=40), st.booleans())
def test_generated_structures_parse_like_the_standard_library(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(["Content-Type: multipart/mixed; boundary=b", *lines])
    assert_same_tree((text + "\n" if final_newline else text).encode())


STATUS_LINES = st.sampled_from([
    "", "", "Reporting-MTA: dns; mx.example.org", "Final-Recipient: rfc822; a@example.org", "Action: failed",
    "Status:5.1.1", "Diagnostic-Code: smtp; 550 5.1.1 <a@example.org>: no such user", "  folded on", "\tfolded",
    " ", "plain words", ":bad", "From x", "From: x", "--b", "--b--", "--x: y", "content-TYPE: text/plain",
    "Content-Type: message/delivery-status", "X-8bit: caf\u00e9", "Name : spaced",
])
WELL_FORMED_STATUS_LINES = st.sampled_from([
    "", "Reporting-MTA: dns; mx.example.org", "Final-Recipient: rfc822; a@example.org", "Action: failed",
    "Status:5.1.1", "  folded on", "X-8bit: caf\u00e9", "content-type: text/plain",
])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(STATUS_LINES, max_size=16), st.lists(WELL_FORMED_STATUS_LINES, max_size=12)),
       st.booleans(), st.booleans())
def test_delivery_status_blocks_parse_like_the_standard_library(lines: list[str], inside: bool, final_newline: bool) -> None:
    """The field blocks of a delivery-status part, read whole when they are well formed (see
    mimeparse._read_clean_blocks), at the end of the message or before a boundary."""
    body = "\n".join(lines) + ("\n" if final_newline else "")
    if inside:
        text = ("Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
                + body + ("" if body.endswith("\n") or not body else "\n") + "--b\nContent-Type: text/plain\n\nx\n--b--\n")
    else:
        text = "Content-Type: message/delivery-status\n\n" + body
    assert_same_tree(text.encode("utf-8"))


def walked_shape(msg: email.message.Message) -> tuple[int, int]:
    """(parts, deepest) as decode.check_structure walks a tree: report parts' insides not counted."""
    parts, deepest, stack = 0, 0, [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        parts, deepest = parts + 1, max(deepest, depth)
        if type(part._payload) is list and part.get_content_type() not in mimeparse.TEXT_REPORT_TYPES:
            stack.extend((sub, depth + 1) for sub in part._payload if hasattr(sub, "is_multipart"))
    return parts, deepest


REPORT_LINES = st.sampled_from([
    "", "--b", "--b--", "--c", "--c--", "X-A: 1", "plain words", "Final-Recipient: rfc822; a@b",
    "Content-Type: multipart/mixed; boundary=b", "Content-Type: multipart/alternative; boundary=c",
    "Content-Type: message/rfc822", "Content-Type: message/delivery-status", "Content-Type: message/feedback-report",
    "Content-Type: message/global-delivery-status", "Content-Type: multipart/digest; boundary=c",
])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(REPORT_LINES, max_size=40))
def test_parts_and_depth_are_counted_as_check_structure_counts_them(lines: list[str]) -> None:
    msg = mimeparse.parse("\n".join(["Content-Type: multipart/mixed; boundary=b", *lines, ""]).encode())
    assert msg._shape == walked_shape(msg)


def test_sample_mail_parts_and_depth_are_counted_as_check_structure_counts_them() -> None:
    for path in sorted(p for sub in ("cur", "new") for p in (SAMPLE_MAIL / sub).iterdir()):
        msg = mimeparse.parse(normalize_newlines(path.read_bytes()))
        assert msg._shape in (None, walked_shape(msg))


def test_part_caches_follow_header_changes() -> None:
    msg = mimeparse.parse(b"Content-Type: text/plain\nSubject: one\n\nbody\n")
    assert (msg.get_content_type(), msg["subject"]) == ("text/plain", "one")
    msg.replace_header("Subject", "two")
    msg.set_type("text/html")
    assert (msg.get_content_type(), msg["subject"]) == ("text/html", "two")
    del msg["Subject"]
    assert msg.get("Subject") is None and "Subject" not in msg


def test_part_parameters_follow_header_changes() -> None:
    msg = mimeparse.parse(b"Content-Type: text/plain; charset=us-ascii\n\nbody\n")
    assert msg.get_content_charset() == "us-ascii"
    msg.set_param("charset", "iso-2022-jp")
    assert msg.get_content_charset() == "iso-2022-jp"
    params = msg.get_params()
    params.append(("x", "y"))  # a caller's list is its own
    assert msg.get_params() == [("text/plain", ""), ("charset", "iso-2022-jp")]
    other = mimeparse.parse(b"Content-Type: text/plain; charset=us-ascii\n\nbody\n")
    assert other.get_content_charset() == "us-ascii"  # the same value parsed before, unchanged


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet='aB=; \t"*\\<>/-x\u00e9\u0130\u212a.', max_size=16))
def test_plain_parameters_are_parsed_as_email_parses_them(value: str) -> None:
    found = part_module._plain_params(value)
    standard = email.message.Message()
    standard["Content-Type"] = value
    expected = email.message.Message._get_params_preserve(standard, None, "content-type")
    assert found is None or found == expected
    part = part_module.Part(mimeparse.POLICY)
    part._headers.append(("Content-Type", value))
    assert part.get_params() == standard.get_params()
    for name in ("a", "B", "x", "charset", value.partition(";")[0].strip()):
        for unquote in (True, False):
            assert part.get_param(name, "absent", unquote=unquote) == standard.get_param(name, "absent", unquote=unquote)
    assert part.get_param("a", "absent", header="x-absent") == "absent"
    assert part.get_boundary() == standard.get_boundary()



QUOTED_PARAMS = st.lists(st.tuples(st.sampled_from(["boundary", "Charset", "report-type"]),
                                   st.text(alphabet='a=;/-_. "\t', max_size=12), st.booleans()), max_size=4)


@settings(max_examples=1000, deadline=None)
@given(QUOTED_PARAMS)
def test_quoted_parameters_are_parsed_as_email_parses_them(params: list[tuple[str, str, bool]]) -> None:
    value = "multipart/mixed" + "".join("; %s=%s" % (name, '"%s"' % text if quoted else text)
                                        for name, text, quoted in params)
    found = part_module._plain_params(value)
    standard = email.message.Message()
    standard["Content-Type"] = value
    assert found is None or found == email.message.Message._get_params_preserve(standard, None, "content-type")


def test_a_quoted_boundary_is_read_without_emails_parser() -> None:
    value = 'multipart/report; report-type=delivery-status;\n\tboundary="----=_Part_1_2.3"'
    standard = email.message.Message()
    standard["Content-Type"] = value
    assert part_module._plain_params(value) == email.message.Message._get_params_preserve(standard, None, "content-type")
    assert standard.get_boundary() == "----=_Part_1_2.3"

def answers(msg: email.message.Message) -> list:
    """What decoders ask a part, for each part of the tree."""
    found = []
    for part in msg.walk():
        names = sorted({name.lower() for name in part.keys()} | {"content-type", "x-absent"})
        found.append((
            [(name, str(part.get(name)), type(part.get(name)).__name__, name in part) for name in names],
            part.get_content_type(), part.get_content_maintype(), part.get_params(), part.get_param("charset"),
            part.get_content_charset(), part.get_boundary(), part.get_filename(), part.get_params(header="x-absent"),
        ))
    return found


@pytest.mark.parametrize("data", [
    *EDGE_CASES,
    b"Subject: caf\xc3\xa9\nContent-Type: text/plain; charset=\"utf-8\"\nX-8bit: \xe9t\xe9\n\ncaf\xc3\xa9\n",
    b"Content-Type: text/plain; name*0=\"a\"; name*1=\"b.txt\"; charset=\"ISO-8859-1\"\n\nx\n",
    b"Content-Type: TEXT/PLAIN; CHARSET=us-ascii\nContent-type: text/html\n\nfirst of a name counts\n",
])
def test_part_answers_are_the_standard_librarys(data: bytes) -> None:
    assert answers(mimeparse.parse(data)) == answers(STANDARD.parsebytes(data))
    assert_names_are_the_lowered_keys(mimeparse.parse(data))


def assert_names_are_the_lowered_keys(msg: email.message.Message) -> None:
    for part in msg.walk():
        assert set(part.names()) == {name.lower() for name in part.keys()}
        part["X-Added-Later"] = "1"  # the index is read again after a change
        assert set(part.names()) == {name.lower() for name in part.keys()}


def test_sample_mail_answers_are_the_standard_librarys() -> None:
    for path in sorted(p for sub in ("cur", "new") for p in (SAMPLE_MAIL / sub).iterdir()):
        data = normalize_newlines(path.read_bytes())
        assert answers(mimeparse.parse(data)) == answers(STANDARD.parsebytes(data))
        assert_names_are_the_lowered_keys(mimeparse.parse(data))


def test_sample_mail_parses_like_the_standard_library() -> None:
    paths = sorted(p for sub in ("cur", "new") if (SAMPLE_MAIL / sub).is_dir() for p in (SAMPLE_MAIL / sub).iterdir())
    assert paths
    for path in paths:
        assert_same_tree(path.read_bytes())


def test_corpus_parses_like_the_standard_library(corpus: Path) -> None:
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "expected.json"):
        assert_same_tree(path.read_bytes())


TEXT_STANDARD = email.parser.Parser(policy=email.policy.compat32)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=30), st.booleans())
def test_header_blocks_parse_like_the_standard_library(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    assert shape(mimeparse.parse_headers(text)) == shape(TEXT_STANDARD.parsestr(text, headersonly=True))


def test_sample_mail_header_blocks_parse_like_the_standard_library() -> None:
    for path in sorted(p for sub in ("cur", "new") for p in (SAMPLE_MAIL / sub).iterdir()):
        text = path.read_bytes().decode("utf-8", "replace")
        for start in (0, text.find("\n\n") + 2, text.find("Received:")):
            block = text[max(start, 0):]
            assert shape(mimeparse.parse_headers(block)) == shape(TEXT_STANDARD.parsestr(block, headersonly=True))
