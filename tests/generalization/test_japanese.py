"""Japanese plain-text notices read the same in ISO-2022-JP, Shift_JIS, EUC-JP and UTF-8,
labelled or not, and find their returned original with or without a separator line we know."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouncetui import decode
from bouncetui.classify import match_wording
from tests.generalization.transforms import TRANSFORMS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "japanese"
EXPECTED = {
    # file: (recipient, reason, status, returned Message-ID, returned Subject)
    "iso2022jp-mailbox-over-capacity.eml": ("yamada@example.ne.jp", "mailboxfull", "", "meeting-42@example.com", "打ち合わせの件"),
    "shiftjis-user-unknown-server-reply.eml": ("suzuki@example.co.jp", "userunknown", "5.1.1", "estimate-7@example.com", "見積もりのお送り"),
    "eucjp-domain-not-found.eml": ("tanaka@nonexistent.example.jp", "hostunknown", "", "hello-3@example.com", "お問い合わせ"),
    "utf8-retry-period-expired.eml": ("ito@example.org", "expired", "4.4.2", "weekend-9@example.com", "週末の予定"),
}
ENCODINGS = ("to_jis", "to_sjis", "to_eucjp", "to_utf8", "to_jis_unlabelled", "to_sjis_unlabelled",
             "to_eucjp_unlabelled", "charset_labels_a", "charset_labels_b", "text_base64_crlf", "text_qp")


def summary(data: bytes) -> list[tuple[str, ...]]:
    return [(r.recipient, r.reason, r.deliverystatus, r.messageid, r.subject, r.diagnosticcode) for r in decode(data)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_notice_as_written(name):
    (record,) = decode((FIXTURES / name).read_bytes())
    assert (record.recipient, record.reason, record.deliverystatus, record.messageid, record.subject) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_notice_in_every_japanese_encoding(name):
    data = (FIXTURES / name).read_bytes()
    before = summary(data)
    applied = 0
    for encoding in ENCODINGS:
        out = TRANSFORMS[encoding](data)
        if out is None:
            continue
        applied += 1
        assert summary(out) == before, encoding
    assert applied >= len(ENCODINGS) - 2  # the encoding it is written in, and its own label


def test_a_mailbox_over_its_capacity_limit_is_full_not_a_large_message():
    """"メールボックスが容量制限を超えています": the mailbox's limit, however the particle is written."""
    for text in ("送信先のメールボックスが容量制限を超えています。", "メールボックスの容量制限を超えています",
                 "受信箱は容量の上限を超えています"):
        assert match_wording(text)[0] == "mailboxfull", text


def test_the_returned_headers_are_found_after_a_separator_nobody_listed():
    """A notice whose line before the returned headers ("■ 送信したメール") is its own wording: the
    header block itself (From, Date or Message-ID) starts the original; the notice's text before it
    stays the diagnostic."""
    (record,) = decode((FIXTURES / "shiftjis-user-unknown-server-reply.eml").read_bytes())
    assert record.addresser == "kato@example.com"
    assert record.messageid == "estimate-7@example.com"
    assert "Recipient address rejected" in record.diagnosticcode
    assert "Message-ID" not in record.diagnosticcode


SHORT_NOTICE = "配送できませんでした。\n\nmori@example.ne.jp\n理由: ユーザー不明\n"  # every byte pair valid CP932 too


def test_short_unlabelled_euc_jp_is_not_read_as_shift_jis():
    """EUC-JP bytes are often valid Shift_JIS too ("配送" would read "ﾇﾛﾁ"): unlabelled 8-bit text
    is read in the encoding that gives Japanese, whichever it was written in."""
    head = b"From: MAILER-DAEMON@mx.example.ne.jp\nTo: owner@example.com\nSubject: Returned mail\n\n"
    for codec in ("euc_jp", "cp932"):
        (record,) = decode(head + SHORT_NOTICE.encode(codec))
        assert record.recipient == "mori@example.ne.jp", codec
        assert record.diagnosticcode == "mori@example.ne.jp 理由: ユーザー不明", codec


def test_user_unknown_in_japanese_reads_as_such():
    """"ユーザー不明" / "ユーザ不明" is "user unknown" word for word (what the classifier then makes of
    it without a stage or status is its rule for those words in any language)."""
    for text in ("理由: ユーザー不明", "ユーザ不明のため配送できませんでした"):
        assert match_wording(text)[0] == "userunknown", text
