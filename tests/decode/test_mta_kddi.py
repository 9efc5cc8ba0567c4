"""KDDI au one net notices: the address after "Could not be delivered to:" and the words below it."""

from __future__ import annotations

from bouncetui import decode

SUMMARY = "送信先のメールボックスが一杯のため、送信できませんでした。\n\n"
BODY = (
    "Your mail sent on: Wed, 18 Nov 2026 10:00:00 +0900\n"
    "     Could not be delivered to: <ichiro@abc123.dion.ne.jp>\n"
    "     As their mailbox is full.\n"
)
NOTICE = (
    b"From: no-reply@abc123.dion.ne.jp\n"
    b"To: shop@example.jp\n"
    b"Subject: =?ISO-2022-JP?B?GyRCJWEhPCVrJSglaSE8RExDThsoQg==?=\n"
    b"Date: Wed, 18 Nov 2026 10:05:00 +0900\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: multipart/mixed; boundary=\"K\"\n\n"
    b"--K\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\n\n"
    + (SUMMARY + BODY).encode("iso2022_jp")
    + b"\n--K\nContent-Type: message/rfc822\n\n"
    b"From: shop@example.jp\nTo: ichiro@abc123.dion.ne.jp\nSubject: News\nMessage-ID: <news-5@example.jp>\n\nHi\n"
    b"--K--\n"
)


def test_kddi_notice():
    (record,) = decode(NOTICE, "kddi.eml")
    assert record.decodedby == "KDDI"
    assert record.recipient == "ichiro@abc123.dion.ne.jp"
    assert record.diagnosticcode == "As their mailbox is full."
    assert record.messageid == "news-5@example.jp"
    assert record.reason == "mailboxfull"
