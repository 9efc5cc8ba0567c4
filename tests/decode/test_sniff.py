"""The pre-filter never drops a report, and settles plain personal mail without decoding it.

Every message of the fixtures, the sample mail and the corpus that gives records when the
pre-filter is off must pass `may_be_report`; a new decoder that recognises its reports by a sign
the pre-filter does not know fails here first.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouncetui.decode import sniff
from bouncetui.decode.message import normalize_newlines
from bouncetui.decode.sniff import may_be_report
from tests.conftest import SAMPLE_MAIL

decoding = importlib.import_module("bouncetui.decode")  # the package (its name is also a function)
HERE = Path(__file__).resolve().parent
FIXTURE_DIRS = [HERE / "fixtures", HERE.parent / "fixtures", SAMPLE_MAIL]

NOTE = b"""Return-Path: <alice@example.org>
Received: from mx.example.org by mail.example.net with ESMTPS id 4QX; Mon, 2 Nov 2026 09:00:00 +0000
Delivered-To: bob@example.net
From: Alice <alice@example.org>
To: Bob <bob@example.net>
Subject: Lunch on Thursday
Date: Mon, 2 Nov 2026 09:00:00 +0000
Message-ID: <note-1@example.org>
X-Spam-Status: No, score=-1.0
Content-Type: text/plain; charset=us-ascii

Hi Bob,

Shall we meet at noon on Thursday? The new place near the station.

Alice
"""


def records_without_prefilter(raw: bytes, monkeypatch) -> list:
    monkeypatch.setattr(decoding, "PREFILTER", False)
    try:
        return decoding.decode(raw)
    except Exception:
        return []
    finally:
        monkeypatch.setattr(decoding, "PREFILTER", True)


def reports_in(paths: list[Path], monkeypatch) -> list[Path]:
    found = []
    for path in paths:
        if records_without_prefilter(path.read_bytes(), monkeypatch):
            found.append(path)
    return found


def files_under(*roots: Path) -> list[Path]:
    return sorted(p for root in roots if root.is_dir() for p in root.rglob("*")
                  if p.is_file() and p.suffix not in (".json", ".py", ".log", ".md"))


def test_every_report_fixture_and_sample_mail_passes(monkeypatch) -> None:
    reports = reports_in(files_under(*FIXTURE_DIRS), monkeypatch)
    assert len(reports) > 20
    missed = [str(p) for p in reports if not may_be_report(normalize_newlines(p.read_bytes()))]
    assert missed == []


def test_every_corpus_report_passes(corpus: Path, monkeypatch) -> None:
    reports = reports_in(files_under(corpus / "maildir", corpus / "mailbox"), monkeypatch)
    assert len(reports) > 400
    missed = [str(p) for p in reports if not may_be_report(normalize_newlines(p.read_bytes()))]
    assert missed == []


def test_a_personal_note_is_settled_without_decoding(monkeypatch) -> None:
    assert may_be_report(NOTE) is False
    assert decoding.decode(NOTE) == [] == records_without_prefilter(NOTE, monkeypatch)

    def no_parse(data):
        raise AssertionError("the note was parsed")

    monkeypatch.setattr(decoding.Message, "parse", no_parse)
    assert decoding.decode(NOTE) == []


@pytest.mark.parametrize("change", [
    (b"From: Alice <alice@example.org>", b"From: MAILER-DAEMON@example.org"),
    (b"Return-Path: <alice@example.org>", b"Return-Path: <>"),
    (b"Subject: Lunch on Thursday", b"Subject: Undelivered Mail Returned to Sender"),
    (b"Subject: Lunch on Thursday", b"Subject: =?utf-8?b?5LiN5Zyo?="),
    (b"Subject: Lunch on Thursday", b"Subject: Lunch\nAuto-Submitted: auto-replied"),
    (b"Subject: Lunch on Thursday", b"Subject: Lunch\nX-Failed-Recipients: carol@example.com"),
    (b"charset=us-ascii", b"charset=us-ascii\nContent-Transfer-Encoding: base64"),
    (b"The new place", b"Delivery to the following recipient failed. The new place"),
    (b"The new place", b"Caf\xc3\xa9. The new place"),
    (b"Content-Type: text/plain", b"Content-Type: multipart/report; report-type=delivery-status"),
])
def test_any_sign_of_a_report_is_decoded_as_usual(change: tuple[bytes, bytes]) -> None:
    old, new = change
    assert may_be_report(NOTE.replace(old, new)) is True


def test_a_message_without_a_header_block_is_decoded_as_usual() -> None:
    assert may_be_report(b'{"notificationType": "Bounce"}') is True
    assert may_be_report(b"\nHi Bob, lunch?\n") is True


def lowered_first(raw: bytes) -> bool:
    """may_be_report as it read the header block before _COMMON_SPELLINGS: lowered first."""
    if not sniff._FIRST_FIELD.match(raw):
        return True
    end = raw.find(b"\n\n")
    head = (raw if end < 0 else raw[:end]).lower()
    if any(word in head for word in sniff._COMMON_WORDS) or sniff._COMMON_FIELDS.search(head):
        return True
    if not head.isascii() or b"\x1b" in head:
        return True
    for m in sniff._FIELD.finditer(head):
        name = m.group(1)
        if name in sniff._SIGN_HEADERS or name.startswith(b"x-ms-exchange-crosstenant-"):
            return True
        if name in sniff._SIGN_FIELDS and sniff._SIGN_WORD.search(m.group(2)):
            return True
    return end >= 0 and bool(sniff._BODY_SIGN.search(raw[end + 2:].lower()))


WORDS = st.sampled_from([b"mailer-daemon", b"postmaster", b"multipart/report", b"alice", b"lunch", b"<>"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([b"From", b"Return-Path", b"Content-Type", b"X-Note", b"Subject"]),
                          WORDS, st.lists(st.booleans(), min_size=16, max_size=16)), max_size=4),
       st.booleans())
def test_the_usual_spellings_answer_as_the_lowered_block_does(fields, body: bool) -> None:
    """A word found in one of its usual spellings answers True at once; whatever its case, the
    answer is the one the lowered block gives."""
    lines = []
    for name, word, upper in fields:
        lines.append(name + b": " + bytes(c - 32 if up and 97 <= c <= 122 else c for c, up in zip(word, upper)))
    raw = b"\n".join(lines or [b"Subject: Lunch"]) + (b"\n\nSee you there.\n" if body else b"")
    assert may_be_report(raw) == lowered_first(raw)
