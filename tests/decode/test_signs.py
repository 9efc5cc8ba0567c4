"""A decoder's SIGNS never hide a report from it, and folding compares as re.IGNORECASE does.

`find_report` offers a message to a decoder that declares SIGNS only when the message mentions
one of them. Here every decoder is offered every message of the fixtures, the sample mail and the
corpus directly, signs or not: each report it recognises must be in a message that mentions one
of its signs. A sign that a decoder's own patterns do not require fails here first.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

from bouncetui.decode import DECODERS
from bouncetui.decode.message import Message, fold, normalize_newlines
from bouncetui.sources import RawMessage, iter_messages
from tests.conftest import SAMPLE_MAIL

decoding = importlib.import_module("bouncetui.decode")  # the package (its name is also a function)
HERE = Path(__file__).resolve().parent
FIXTURE_DIRS = [HERE / "fixtures", HERE.parent / "fixtures", SAMPLE_MAIL]
WITH_SIGNS = [d for d in DECODERS if getattr(d, "SIGNS", ())]


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


def unannounced_reports(messages: list[Message]) -> list[str]:
    """'decoder: subject' for each report a decoder recognised in a message without its signs."""
    missed = []
    for message in messages:
        for decoder in WITH_SIGNS:
            try:
                report = decoder.decode(message)
            except Exception:  # noqa: BLE001 - a decoder failure is not this test's concern
                continue
            if report is not None and report.deliveries and not message.mentions(decoder.SIGNS):
                missed.append("%s: %s" % (decoder.NAME, message.subject))
    return missed


def test_decoders_declare_lowercase_ascii_signs() -> None:
    assert len(WITH_SIGNS) > 10
    for decoder in WITH_SIGNS:
        assert isinstance(decoder.SIGNS, tuple), decoder.NAME
        for sign in decoder.SIGNS:
            assert sign and sign.isascii() and sign == sign.lower(), (decoder.NAME, sign)


def test_no_fixture_or_sample_report_lacks_its_decoders_sign() -> None:
    messages = messages_under(*FIXTURE_DIRS)
    assert len(messages) > 50
    assert unannounced_reports(messages) == []


def test_no_corpus_report_lacks_its_decoders_sign(corpus: Path) -> None:
    messages = messages_under(corpus / "maildir", corpus / "mailbox")
    assert len(messages) > 400
    assert unannounced_reports(messages) == []


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
