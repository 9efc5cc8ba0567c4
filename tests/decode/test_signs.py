"""A decoder's SIGNS, HEADERS and SENDERS never hide a report from it, and folding compares as
re.IGNORECASE does.

`find_report` offers a message to a decoder that declares SIGNS only when the message mentions
one of them, to one that declares HEADERS only when the message has one of those fields, and to
one that declares SENDERS only when the message's folded From or Return-Path holds one of those
words. Here every decoder is offered every message of the fixtures, the sample mail and the corpus
directly, signs or not: each report it recognises must be in a message that mentions one of its
signs, has one of its headers and comes from one of its senders. A sign or header that a decoder's own test does not require fails here
first. Every decoder with signs or headers must recognise at least one of those messages, so that
none goes unproven. A header is found whatever the case its name is written in, as the decoder's
look-up finds it.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

from bouncetui.decode import DECODERS, header_names
from bouncetui.decode.message import Message, fold, normalize_newlines
from bouncetui.sources import RawMessage, iter_messages
from tests.conftest import SAMPLE_MAIL

decoding = importlib.import_module("bouncetui.decode")  # the package (its name is also a function)
HERE = Path(__file__).resolve().parent
FIXTURE_DIRS = [HERE / "fixtures", HERE.parent / "fixtures", SAMPLE_MAIL]
WITH_SIGNS = [d for d in DECODERS if getattr(d, "SIGNS", ())]
WITH_HEADERS = [d for d in DECODERS if getattr(d, "HEADERS", ())]
WITH_SENDERS = [d for d in DECODERS if getattr(d, "SENDERS", ())]
PREFILTERED = [d for d in DECODERS if d in WITH_SIGNS or d in WITH_HEADERS or d in WITH_SENDERS]


def messages_under(*roots: Path) -> list[Message]:
    found = []
    for root in roots:
        if not root.exists():
            continue
        for item in iter_messages(str(root)):
            if isinstance(item, RawMessage):
                try:
                    found.append(Message.parse(normalize_newlines(item.data)))
                except Exception:  # noqa: BLE001 - what cannot be parsed gives no report either way
                    continue
    return found


def unannounced_reports(messages: list[Message], recognised: set[str] | None = None) -> list[str]:
    """'decoder: subject' for each report a decoder recognised in a message without its signs or
    its headers; the names of the decoders that recognised any message are added to `recognised`."""
    missed = []
    for message in messages:
        for decoder in PREFILTERED:
            try:
                report = decoder.decode(message)
            except Exception:  # noqa: BLE001 - a decoder failure is not this test's concern
                continue
            if report is None or not report.deliveries:
                continue
            if recognised is not None:
                recognised.add(decoder.NAME)
            signs, headers = getattr(decoder, "SIGNS", ()), getattr(decoder, "HEADERS", ())
            senders = getattr(decoder, "SENDERS", ())
            if signs and not message.mentions(signs):
                missed.append("%s: %s" % (decoder.NAME, message.subject))
            if headers and header_names(message).isdisjoint(headers):
                missed.append("%s (headers): %s" % (decoder.NAME, message.subject))
            if senders and not any(word in message.folded_senders for word in senders):
                missed.append("%s (senders): %s" % (decoder.NAME, message.subject))
    return missed


def test_decoders_declare_lowercase_ascii_signs() -> None:
    assert len(WITH_SIGNS) > 10
    for decoder in WITH_SIGNS:
        assert isinstance(decoder.SIGNS, tuple), decoder.NAME
        for sign in decoder.SIGNS:
            assert sign and sign.isascii() and sign == sign.lower(), (decoder.NAME, sign)


def test_decoders_declare_lowercase_header_names() -> None:
    assert len(WITH_HEADERS) > 5
    for decoder in WITH_HEADERS:
        assert isinstance(decoder.HEADERS, tuple), decoder.NAME
        for name in decoder.HEADERS:
            assert re.fullmatch(r"[a-z0-9-]+", name), (decoder.NAME, name)


def test_decoders_declare_lowercase_ascii_sender_words() -> None:
    assert len(WITH_SENDERS) > 5
    for decoder in WITH_SENDERS:
        assert isinstance(decoder.SENDERS, tuple), decoder.NAME
        for word in decoder.SENDERS:
            assert word and word.isascii() and word == word.lower(), (decoder.NAME, word)


def test_no_fixture_or_sample_report_lacks_its_decoders_sign() -> None:
    messages = messages_under(*FIXTURE_DIRS)
    assert len(messages) > 50
    assert unannounced_reports(messages) == []


def test_no_corpus_report_lacks_its_decoders_sign(corpus: Path) -> None:
    messages = messages_under(corpus / "maildir", corpus / "mailbox")
    assert len(messages) > 400
    recognised: set[str] = set()
    assert unannounced_reports(messages + messages_under(*FIXTURE_DIRS), recognised) == []
    # each decoder's signs and headers were put to the test on at least one report it recognises
    assert sorted(d.NAME for d in PREFILTERED if d.NAME not in recognised) == []


PLAIN = b"From: MAILER-DAEMON@example.org\nSubject: failure\n\nWe could not deliver it.\n"


@pytest.mark.parametrize(
    ("name", "header"), [(d.NAME, header) for d in WITH_HEADERS for header in d.HEADERS]
)
def test_a_header_is_found_whatever_the_case_of_its_name(name: str, header: str) -> None:
    decoder = next(d for d in WITH_HEADERS if d.NAME == name)
    assert header_names(Message.parse(PLAIN)).isdisjoint(decoder.HEADERS)
    titled = "-".join(word.capitalize() for word in header.split("-"))
    for written in (header, header.upper(), titled, titled.swapcase()):
        message = Message.parse(written.encode() + b": yes\n" + PLAIN)
        assert message.msg.get(titled) == "yes"  # what the decoder's look-up finds
        assert not header_names(message).isdisjoint(decoder.HEADERS), written


def test_a_message_without_the_header_is_not_offered(monkeypatch) -> None:
    offered = []
    receivingses = next(d for d in DECODERS if d.NAME == "ReceivingSES")
    monkeypatch.setattr(receivingses, "decode", lambda message: offered.append(message) or None)
    decoding.decode(PLAIN)
    assert offered == []
    decoding.decode(b"X-SES-Outgoing: 2026.11.28-192.0.2.1\n" + PLAIN)
    assert len(offered) == 1


def test_a_message_from_another_sender_is_not_offered(monkeypatch) -> None:
    offered = []
    gmail = next(d for d in DECODERS if d.NAME == "Gmail")
    monkeypatch.setattr(gmail, "decode", lambda message: offered.append(message) or None)
    decoding.decode(PLAIN)
    assert offered == []
    decoding.decode(PLAIN.replace(b"MAILER-DAEMON@example.org", b"Mail Delivery Subsystem <mailer-daemon@googlemail.com>"))
    assert len(offered) == 1


def test_a_message_without_the_sign_is_not_offered(monkeypatch) -> None:
    offered = []
    yahoo = next(d for d in DECODERS if d.NAME == "Yahoo")
    monkeypatch.setattr(yahoo, "decode", lambda message: offered.append(message) or None)
    plain = b"From: MAILER-DAEMON@example.org\nSubject: failure\n\nWe could not deliver it.\n"
    decoding.decode(plain)
    assert offered == []
    decoding.decode(plain.replace(b"We could not", b"Sorry, we were unable to deliver your message to the following address."))
    assert len(offered) == 1


@pytest.mark.parametrize("text", ["ABC Sorry", "\u0130nvalid", "Mailbox \u017fize", "\u212aDDI", "Ünknown"])
def test_fold_keeps_what_ignorecase_matches(text: str) -> None:
    ascii_word = "".join(c for c in fold(text) if c.isascii())
    for word in re.findall(r"[a-z]+", ascii_word):
        if re.search(word, text, re.IGNORECASE):
            assert word in fold(text)


def test_only_four_characters_outside_ascii_match_an_ascii_letter_ignoring_case() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    others = [chr(cp) for cp in range(0x80, sys.maxunicode + 1) if letters.fullmatch(chr(cp))]
    assert others == ["\u0130", "\u0131", "\u017f", "\u212a"]
    assert [fold(c) for c in others] == ["i", "i", "s", "k"]
