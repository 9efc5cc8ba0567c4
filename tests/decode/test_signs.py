"""A decoder's SIGNS never hide a report from it, and folding compares as re.IGNORECASE does.

`find_report` offers a message to a decoder that declares SIGNS only when the message mentions
one of them. Here every decoder is offered every message of the fixtures, the sample mail and the
corpus directly, signs or not: each report it recognises must be in a message that mentions one
of its signs. A sign that a decoder's own patterns do not require fails here first. Every decoder
with signs must recognise at least one of those messages, so that no sign goes unproven.

A decoder recognised by a header of its own declares the header's name as its sign (header names
are in `Message.folded`, their values are not): such a sign must be found whatever the case the
header's name is written in, as the decoder's look-up ignores it.
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


def unannounced_reports(messages: list[Message], recognised: set[str] | None = None) -> list[str]:
    """'decoder: subject' for each report a decoder recognised in a message without its signs;
    the names of the decoders that recognised any message are added to `recognised`."""
    missed = []
    for message in messages:
        for decoder in WITH_SIGNS:
            try:
                report = decoder.decode(message)
            except Exception:  # noqa: BLE001 - a decoder failure is not this test's concern
                continue
            if report is None or not report.deliveries:
                continue
            if recognised is not None:
                recognised.add(decoder.NAME)
            if not message.mentions(decoder.SIGNS):
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
    recognised: set[str] = set()
    assert unannounced_reports(messages + messages_under(*FIXTURE_DIRS), recognised) == []
    # each decoder's signs were put to the test on at least one report it recognises
    assert sorted(d.NAME for d in WITH_SIGNS if d.NAME not in recognised) == []


# Decoders recognised by a header of their own, and the headers one of which each requires.
HEADER_SIGNS = {
    "ReceivingSES": ("X-SES-Outgoing",),
    "AmazonWorkMail": ("X-Mailer", "X-Original-Mailer"),
    "Exchange2007": ("X-MS-Exchange-Message-Is-Ndr", "Content-Language"),
    "Activehunter": ("X-AHMAILID",),
    "FML": ("X-MLServer",),
    "Yandex": ("X-Yandex-Uniq", "X-Yandex-Front"),
    "MXLogic": ("X-MX-Bounce", "X-MXL-NoteHash"),
    "Mimecast": ("X-Mimecast-Originator", "X-MC-System"),
    "McAfee": ("X-NAI-Header",),
    "SurfControl": ("X-Mailer",),
    "IMailServer": ("X-Mailer",),
}
PLAIN = b"From: MAILER-DAEMON@example.org\nSubject: failure\n\nWe could not deliver it.\n"


@pytest.mark.parametrize(
    ("name", "header"), [(name, header) for name, headers in HEADER_SIGNS.items() for header in headers]
)
def test_a_header_is_a_sign_whatever_the_case_of_its_name(name: str, header: str) -> None:
    decoder = next(d for d in WITH_SIGNS if d.NAME == name)
    assert not Message.parse(PLAIN).mentions(decoder.SIGNS)
    for written in (header, header.upper(), header.lower(), header.swapcase()):
        message = Message.parse(written.encode() + b": yes\n" + PLAIN)
        assert message.msg.get(header) == "yes"  # what the decoder's look-up finds
        assert message.mentions(decoder.SIGNS), written


def test_a_message_without_the_header_is_not_offered(monkeypatch) -> None:
    offered = []
    receivingses = next(d for d in DECODERS if d.NAME == "ReceivingSES")
    monkeypatch.setattr(receivingses, "decode", lambda message: offered.append(message) or None)
    decoding.decode(PLAIN)
    assert offered == []
    decoding.decode(b"X-SES-Outgoing: 2026.11.28-192.0.2.1\n" + PLAIN)
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
