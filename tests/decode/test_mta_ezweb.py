"""au (EZweb) notices in ISO-2022-JP: the recipient, au's stated reasons, transcript and DSN forms."""

from __future__ import annotations

from bouncetui import decode

PREFACE = "次のあて先へのメッセージはエラーのため送信できませんでした。\n\n"


def _notice(text: str, extra_headers: str = "", charset: str = "iso-2022-jp") -> bytes:
    head = (
        "From: Postmaster@ezweb.ne.jp\n"
        "To: shop@example.jp\n"
        "Subject: Mail System Error - Returned Mail\n"
        "Date: Tue, 17 Nov 2026 09:00:00 +0900\n"
        + extra_headers
        + "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"%s\"\n"
        "Content-Transfer-Encoding: 7bit\n\n" % charset
    )
    return head.encode() + (PREFACE + text).encode("iso2022_jp")


def test_disabled_account_in_iso_2022_jp_is_suspend():
    raw = _notice("The user(s) account is disabled.\n\n<taro@ezweb.ne.jp>\n")
    assert b"\x1b$B" in raw  # really JIS-encoded Japanese
    (record,) = decode(raw, "au.eml")
    assert record.decodedby == "EZweb"
    assert record.recipient == "taro@ezweb.ne.jp"
    assert record.reason == "suspend"
    assert record.diagnosticcode == "The user(s) account is disabled."


def test_transcript_gives_stage_and_reply():
    raw = _notice(
        "Each of the following recipients was rejected by a remote\nmail server.\n\n"
        "    Recipient: <jiro@ezweb.ne.jp>\n"
        "    >>> RCPT TO:<jiro@ezweb.ne.jp>\n"
        "    <<< 550 <jiro@ezweb.ne.jp>: User unknown\n"
    )
    (record,) = decode(raw, "au.eml")
    assert (record.command, record.replycode) == ("RCPT", "550")
    assert record.diagnosticcode == "550 <jiro@ezweb.ne.jp>: User unknown"
    assert record.reason == "userunknown"


def test_filter_flag_and_inline_original():
    raw = _notice(
        "<hanako@ezweb.ne.jp>\n\nEach of the following recipients was rejected by a remote mail server.\n"
        "---------------------------------------------------\n"
        "From: shop@example.jp\nTo: hanako@ezweb.ne.jp\nSubject: Sale\nMessage-Id: <sale-1@example.jp>\n\n",
        extra_headers="X-SPASIGN: NG\n",
    )
    (record,) = decode(raw, "au.eml")
    assert record.recipient == "hanako@ezweb.ne.jp"
    assert record.reason == "filtered"
    assert record.messageid == "sale-1@example.jp"


def test_expired_sentence():
    raw = _notice(
        "Your message was not delivered within 0 days and 1 hours.\nRemote host is not responding.\n\n"
        "The following recipients did not receive this message:\n\n<saburo@ezweb.ne.jp>\n"
    )
    (record,) = decode(raw, "au.eml")
    assert record.reason == "expired"
    assert record.recipient == "saburo@ezweb.ne.jp"


def test_euc_jp_bytes_under_an_iso_2022_jp_label_and_an_unlabelled_part():
    text = PREFACE + "The user(s) account is disabled.\n\n<shiro@ezweb.ne.jp>\n"
    head = (
        b"From: Postmaster@ezweb.ne.jp\nTo: shop@example.jp\nSubject: Mail System Error - Returned Mail\n"
        b"Date: Tue, 17 Nov 2026 09:00:00 +0900\nMIME-Version: 1.0\n"
    )
    mislabelled = head + b'Content-Type: text/plain; charset="ISO-2022-JP"\n\n' + text.encode("euc_jp")
    unlabelled = head + b"Content-Type: text/plain\n\n" + text.encode("iso2022_jp")
    for raw in (mislabelled, unlabelled):
        (record,) = decode(raw, "au.eml")
        assert record.recipient == "shiro@ezweb.ne.jp"
        assert record.reason == "suspend"


def test_each_recipient_gets_its_own_transcript():
    raw = _notice(
        "Each of the following recipients was rejected by a remote\nmail server.\n\n"
        "    Recipient: <ken@ezweb.ne.jp>\n"
        "    >>> RCPT TO:<ken@ezweb.ne.jp>\n"
        "    <<< 550 <ken@ezweb.ne.jp>: User unknown\n\n"
        "    Recipient: <yumi@ezweb.ne.jp>\n"
        "    >>> DATA\n"
        "    <<< 552 Message size exceeds fixed maximum message size\n"
    )
    ken, yumi = decode(raw, "au.eml")
    assert (ken.recipient, ken.command, ken.replycode) == ("ken@ezweb.ne.jp", "RCPT", "550")
    assert (yumi.recipient, yumi.command, yumi.replycode) == ("yumi@ezweb.ne.jp", "DATA", "552")
    assert yumi.diagnosticcode == "552 Message size exceeds fixed maximum message size"
