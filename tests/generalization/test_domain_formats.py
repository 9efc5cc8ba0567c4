"""Formats and wordings docs/DOMAIN.md documents, each in a hand-written message."""

from __future__ import annotations

from pathlib import Path

from bouncetui import decode

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "domain"


def read(name: str):
    return decode((FIXTURES / name).read_bytes(), name)


def test_a_vacation_reply_marked_precedence_bulk_or_junk():
    """vacation(1) and many responders mark a reply 'Precedence: bulk' (or junk), with no
    Auto-Submitted: with an auto-reply subject ("不在", "Out of Office") it is one."""
    for name, words in (("vac-bulk.eml", "不在"), ("vac-bulk-en.eml", "away until")):
        (record,) = read(name)
        assert (record.decodedby, record.reason, record.recipient, record.addresser) == (
            "RFC3834", "vacation", "taro@example.jp", "hanako@example.com")
        assert words in record.diagnosticcode


def test_a_newsletter_marked_bulk_is_no_vacation_reply_whatever_its_subject():
    assert read("newsletter-bulk-vacation-subject.eml") == []


def test_an_authentication_failure_report():
    """RFC 6591: an ARF report with Feedback-Type auth-failure is a complaint of that type."""
    (record,) = read("arf-authfail.eml")
    assert (record.reason, record.feedbacktype, record.recipient, record.addresser, record.messageid) == (
        "feedback", "auth-failure", "user@receiver.example.net", "news@example.com", "news-1@example.com")


def test_a_global_delivery_status_with_an_international_address():
    """RFC 6533: message/global-delivery-status, a utf-8 address type, the original as
    message/global-headers."""
    (record,) = read("global-dsn.eml")
    assert (record.recipient, record.deliverystatus, record.reason, record.messageid, record.subject) == (
        "用户@例子.广告", "5.1.1", "userunknown", "g-1@example.com", "你好")


def test_an_ses_undetermined_bounce_names_no_cause():
    (record,) = read("ses-undetermined.eml")
    assert (record.decodedby, record.recipient, record.reason, record.hardbounce) == (
        "AmazonSES", "who@example.net", "onhold", False)


def test_rfc5321_551_user_not_local_please_try_is_a_moved_address():
    """"551 User not local; please try <forward-path>": the mailbox moved (a hard bounce), even
    when the report's status says nothing (5.0.0)."""
    from bouncetui.classify import match_wording

    assert match_wording("551 User not local; please try <gone@example.org>")[0] == "hasmoved"
    assert match_wording("551 5.1.6 User not local; please try <gone@example.org>")[0] == "hasmoved"
