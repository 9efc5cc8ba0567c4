"""The reason catalog: every reason, status code, reply code and carrier note, in both languages."""

from __future__ import annotations

import re

import pytest

from bouncetui import catalog
from bouncetui.catalog import (
    LANGUAGES,
    REASONS,
    SIDES,
    Suppression,
    UnknownWord,
    carrier_notes,
    carrier_notes_for,
    default_language,
    explain_replycode,
    explain_status,
    label,
    lookup,
    reason_entry,
    suggestions,
)
from bouncetui.catalog._data import load, unwrap
from bouncetui.model import is_hard

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and kanji

# Every class.subject.detail that RFC 3463 defines.
RFC3463 = [
    "0.0",
    *("1.%d" % n for n in range(0, 9)),
    *("2.%d" % n for n in range(0, 5)),
    *("3.%d" % n for n in range(0, 6)),
    *("4.%d" % n for n in range(0, 8)),
    *("5.%d" % n for n in range(0, 6)),
    *("6.%d" % n for n in range(0, 6)),
    *("7.%d" % n for n in range(0, 8)),
]
# Registered later (RFC 3886, 4468, 4954, 5248, 6531, 6710, 7293, 7372, 7505, 8617, 8689, IANA).
LATER = ["1.9", "1.10", "3.6", "5.6", *("6.%d" % n for n in range(6, 11)), *("7.%d" % n for n in range(8, 31))]
REPLY_CODES = [
    "211", "214", "220", "221", "235", "250", "251", "252", "334", "354", "421", "432", "450", "451",
    "452", "454", "455", "500", "501", "502", "503", "504", "521", "530", "534", "535", "538", "550",
    "551", "552", "553", "554", "555", "556",
]  # fmt: skip
# Reasons that come with no SMTP status or reply code of their own.
CODELESS = {"feedback", "vacation", "suppressed", "undefined"}


# --- reasons --------------------------------------------------------------------------------


def test_the_34_reasons_and_only_those_are_in_the_data():
    assert len(REASONS) == len(set(REASONS)) == 34
    assert set(catalog.reasons.load_dir("reasons")) == set(REASONS)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", REASONS)
def test_every_reason_has_every_field(name, lang):
    entry = reason_entry(name, lang)
    assert entry.name == name and entry.lang == lang
    for text in (entry.title, entry.summary, entry.detail, entry.remedy, entry.suppression.text):
        assert text.strip(), (name, lang)
    assert "\n" not in entry.summary
    assert entry.side in SIDES
    assert entry.wording and all(line.strip() for line in entry.wording)
    if name not in CODELESS:
        assert entry.statuses and entry.replycodes, name


@pytest.mark.parametrize("name", REASONS)
def test_japanese_text_is_japanese_and_english_text_is_not(name):
    ja, en = reason_entry(name, "ja"), reason_entry(name, "en")
    for text in (ja.title, ja.summary, ja.detail, ja.remedy, ja.suppression.text):
        assert JAPANESE.search(text), (name, text)
    for text in (en.title, en.summary, en.remedy, en.suppression.text):
        assert not JAPANESE.search(text), (name, text)
    assert ja.summary != en.summary


@pytest.mark.parametrize("name", REASONS)
def test_both_languages_agree_on_the_facts(name):
    ja, en = reason_entry(name, "ja"), reason_entry(name, "en")
    assert (ja.side, ja.hard, ja.failure, ja.statuses, ja.replycodes, ja.wording) == (
        en.side, en.hard, en.failure, en.statuses, en.replycodes, en.wording,
    )  # fmt: skip
    assert (ja.suppression.policy, ja.suppression.soft_count, ja.suppression.span_days) == (
        en.suppression.policy, en.suppression.soft_count, en.suppression.span_days,
    )  # fmt: skip


def test_hard_follows_the_project_rule():
    hard = {name for name in REASONS if reason_entry(name).hard}
    assert hard == {"userunknown", "hostunknown", "hasmoved", "notaccept"}
    assert all(reason_entry(name).hard == is_hard(name) for name in REASONS)


@pytest.mark.parametrize("name", REASONS)
def test_suppression_advice_is_consistent(name):
    rule = reason_entry(name).suppression
    if rule.policy == "after":
        assert rule.soft_count >= 2 and rule.span_days > 0
    else:
        assert rule.soft_count == 0 and rule.span_days == 0
    if reason_entry(name).hard:
        assert rule.policy == "now"


def test_suppression_policies_that_matter():
    assert reason_entry("userunknown").suppression.policy == "now"
    assert reason_entry("feedback").suppression.policy == "now"  # a complaint: stop mailing
    for name in ("vacation", "delivered", "authfailure", "ratelimited", "spamdetected"):
        assert reason_entry(name).suppression.policy == "never", name
    full = reason_entry("mailboxfull").suppression
    assert (full.policy, full.soft_count, full.span_days) == ("after", 3, 14)
    assert not reason_entry("delivered").failure and reason_entry("userunknown").failure


def test_suppression_applies():
    after = Suppression("after", soft_count=3, span_days=14)
    assert not after.applies(2, 30)
    assert not after.applies(3, 13.9)
    assert after.applies(3, 14)
    assert Suppression("now").applies(1)
    assert not Suppression("now").applies(0)
    assert not Suppression("never").applies(100, 365)


@pytest.mark.parametrize("name", REASONS)
def test_typical_codes_explain(name):
    entry = reason_entry(name)
    for code in entry.statuses:
        assert explain_status(code) is not None, (name, code)
    for code in entry.replycodes:
        reply = explain_replycode(code)
        assert reply is not None and reply.known, (name, code)


def test_unknown_reason_and_language():
    with pytest.raises(KeyError):
        reason_entry("nosuchreason")
    with pytest.raises(ValueError):
        reason_entry("userunknown", "fr")


# --- enhanced status codes --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("klass", ["2", "4", "5"])
@pytest.mark.parametrize("key", RFC3463 + LATER)
def test_every_registered_status_code_explains(key, klass, lang):
    entry = explain_status("%s.%s" % (klass, key), lang)
    assert entry is not None and entry.known
    for text in (entry.class_name, entry.class_text, entry.subject_name, entry.subject_text):
        assert text
    assert entry.detail_name and entry.detail_text and entry.reference
    if lang == "ja":
        assert JAPANESE.search(entry.detail_name) or JAPANESE.search(entry.detail_text)
        assert JAPANESE.search(entry.class_name) and JAPANESE.search(entry.subject_name)
    assert all(reason in REASONS for reason in entry.reasons)


def test_status_data_has_no_unexpected_codes():
    assert set(load("status_codes.toml")["detail"]) == set(RFC3463 + LATER)
    assert all(reason in REASONS for entry in load("status_codes.toml")["subject"].values()
               for reason in entry["reasons"])  # fmt: skip


def test_status_code_details():
    dmarc = explain_status("5.7.26", "en")
    assert dmarc.reference == "RFC 7372" and "authfailure" in dmarc.reasons
    assert "DMARC" in dmarc.detail_text
    assert explain_status("5.1.1").reasons[0] == "userunknown"
    assert explain_status("#5.1.1").code == "5.1.1"
    assert explain_status("5.01.001").code == "5.1.1"
    assert "null MX" in explain_status("5.1.10").detail_name
    assert explain_status("4.2.2").class_name == "Persistent transient failure"


def test_unknown_detail_under_known_subject_explains_class_and_subject():
    entry = explain_status("5.4.316", "ja")
    assert entry is not None and not entry.known
    assert entry.detail_name == "" and entry.name == entry.subject_name
    assert entry.class_name == "恒久的な失敗" and entry.reasons


@pytest.mark.parametrize("code", ["3.1.1", "5.9.1", "5.1", "abc", "", "55.1.1"])
def test_invalid_status_codes(code):
    assert explain_status(code) is None


# --- reply codes ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("code", REPLY_CODES)
def test_every_reply_code_explains(code, lang):
    entry = explain_replycode(code, lang)
    assert entry is not None and entry.known
    assert entry.name and entry.text and entry.kind and entry.category and entry.reference
    if lang == "ja":
        assert JAPANESE.search(entry.name) and JAPANESE.search(entry.text)
    assert all(reason in REASONS for reason in entry.reasons)


def test_reply_code_data_is_the_expected_set():
    assert set(catalog.reply_codes()) == set(REPLY_CODES)


def test_unregistered_reply_code_is_explained_by_its_digits():
    entry = explain_replycode("536")
    assert entry is not None and not entry.known
    assert entry.kind == "Permanent negative completion" and "Unspecified" in entry.name
    assert explain_replycode("571") is None  # second digit 7 is not defined
    assert explain_replycode("650") is None
    assert explain_replycode("55") is None


# --- carriers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "domain, key",
    [
        ("docomo.ne.jp", "docomo"),
        ("ezweb.ne.jp", "au"),
        ("au.com", "au"),
        ("softbank.ne.jp", "softbank"),
        ("i.softbank.jp", "softbank"),
        ("d.vodafone.ne.jp", "softbank"),
        ("disney.ne.jp", "softbank"),
        ("ymobile.ne.jp", "ymobile"),
        ("user@DoCoMo.ne.jp", "docomo"),
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_carrier_notes_for_a_domain(domain, key, lang):
    notes = carrier_notes_for(domain, lang)
    assert notes[0].key == key
    keys = {note.key for note in notes}
    assert {"unknown-user-may-be-filter", "silent-drop", "throttling"} <= keys


def test_non_carrier_domains_have_no_notes():
    assert carrier_notes_for("gmail.com") == ()
    assert carrier_notes_for("vodafone.ne.jp.example.com") == ()
    assert carrier_notes_for("notdocomo.ne.jp") == ()


def test_carrier_notes_in_both_languages():
    en, ja = carrier_notes("en"), carrier_notes("ja")
    assert [note.key for note in en] == [note.key for note in ja]
    for note in ja:
        assert JAPANESE.search(note.title) and JAPANESE.search(note.text)
    assert any("ドメイン指定受信" in note.text for note in ja)


# --- lookup -----------------------------------------------------------------------------------


def test_lookup_reason_names_in_any_spelling():
    for word in ("userunknown", "UserUnknown", "user unknown", " user_unknown "):
        assert lookup(word).reason.name == "userunknown"


def test_lookup_codes_and_combinations():
    both = lookup("550 5.1.1", "ja")
    assert both.reply.code == "550" and both.status.code == "5.1.1" and both.reason is None
    assert lookup("550-5.1.1").status.code == "5.1.1"
    assert lookup("5.7.26").status.known
    assert lookup("421").reply.known
    assert lookup("docomo.ne.jp").carriers[0].key == "docomo"


@pytest.mark.parametrize(
    "word, expected",
    [("usrunknown", "userunknown"), ("mailbox-ful", "mailboxfull"), ("5.9.1", None), ("nonsense words", None)],
)
def test_unknown_lookup_suggests_close_matches(word, expected):
    with pytest.raises(UnknownWord) as raised:
        lookup(word)
    assert raised.value.word == word
    if expected:
        assert raised.value.suggestions[0] == expected
        assert expected in str(raised.value)


def test_suggestions_for_codes():
    assert "5.1.1" in suggestions("5.11.1")


# --- language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "ja"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "ja_JP.eucJP", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LC_ALL": "ja_JP.UTF-8", "LANG": "C"}, "ja"),
    ],
)
def test_default_language(environ, expected):
    assert default_language(environ) == expected


def test_default_language_reads_the_environment(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert default_language() == "ja"


def test_labels_exist_in_both_languages():
    labels = load("labels.toml")
    assert set(labels["en"]) == set(labels["ja"])
    for side in SIDES:
        assert label("side." + side, "ja")
    assert label("policy.after", "en").format(count=3, days=14) == "suppress after 3 bounces over 14+ days"


def test_unwrap_joins_lines_by_language():
    assert unwrap("one\ntwo\n\nthree") == "one two\n\nthree"
    assert unwrap("日本語の\n文章です。") == "日本語の文章です。"
    assert unwrap("入力ミス\n(gmial.com など)") == "入力ミス (gmial.com など)"
    assert unwrap("拒否します。\nPostfix は") == "拒否します。Postfix は"
    assert unwrap("items:\n- one\n- two") == "items:\n- one\n- two"
