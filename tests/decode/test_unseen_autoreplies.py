"""Unseen formats, RFC 3834 automatic replies and mail that only looks like one:

- Exchange out-of-office replies, which carry X-Auto-Response-Suppress and Auto-Submitted:
  auto-generated (not auto-replied) and Exchange's localized subject label: German "Automatische
  Antwort:" (quoted-printable Latin-1), Dutch "Automatisch antwoord:", Polish "Odpowiedź
  automatyczna:" (an RFC 2047 subject, a base64 body);
- Exchange 2003's "Out of Office AutoReply:", which sets no Auto-Submitted, X-Auto-Response-Suppress
  or In-Reply-To (only its label says what it is);
- a Sieve vacation reply ("Auto-Submitted: auto-replied (vacation)", Precedence bulk, French);
- a responder that says the mailbox is no longer read (X-Autoreply, "Auto:"): the mail reached the
  mailbox and was answered automatically, so it is an auto-reply, not a failed delivery;
- an out-of-office reply to a forwarded bounce ("Automatic reply: Undeliverable: ...") whose text
  names another address next to a phone number: an auto-reply, not a bounce for that address;
- negative: an HR portal's "Your vacation request has been approved" (auto-generated, with
  X-Auto-Response-Suppress, no reply to anything): no record.
"""

from __future__ import annotations

import pytest

from bouncetui.decode.message import Message
from bouncetui.decode.rfc3834 import is_auto_reply
from tests.decode.unseen import Expected, check, records

CASES: list[tuple[str, list[Expected]]] = [
    ('autoreplies/autoresponder-new-address.eml', [
        ('lisa.wong@example.org', '', '', '', 'vacation', False),
    ]),
    ('autoreplies/exchange-oof-dutch.eml', [
        ('sanne.devries@example.nl', '', '', '', 'vacation', False),
    ]),
    ('autoreplies/exchange-oof-german.eml', [
        ('jonas.becker@example.de', '', '', '', 'vacation', False),
    ]),
    ('autoreplies/exchange-oof-polish-base64.eml', [
        ('tomasz.nowak@example.pl', '', '', '', 'vacation', False),
    ]),
    ('autoreplies/exchange2003-out-of-office-autoreply.eml', [
        ('rgarcia@corp.example.net', '', '', '', 'vacation', False),
    ]),
    ('autoreplies/hr-system-vacation-approved.eml', []),
    ('autoreplies/oof-reply-to-undeliverable.eml', [
        ('mark.taylor@example.co.uk', '', '', '', 'vacation', False),
    ]),
    ('autoreplies/sieve-vacation-french.eml', [
        ('claire.martin@example.fr', '', '', '', 'vacation', False),
    ]),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_every_field(name: str, expected: list[Expected]) -> None:
    check(name, expected)


def test_the_addresser_is_whom_the_reply_answered() -> None:
    (rec,) = records("autoreplies/exchange-oof-german.eml")
    assert (rec.addresser, rec.decodedby) == ("anna@example.com", "RFC3834")


def _message(subject: str, *fields: str) -> Message:
    head = "\n".join(("From: Pat Lee <pat@example.org>", "To: sam@example.com", f"Subject: {subject}", *fields))
    return Message.parse((head + "\n\nText.\n").encode())


EXCHANGE = ("Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All")


@pytest.mark.parametrize("subject", [
    "Automatic reply: Offer", "Automatische Antwort: Angebot", "Automatisch antwoord: Offerte",
    "Réponse automatique : Offre", "Respuesta automática: Oferta", "Risposta automatica: Offerta",
    "Automatiskt svar: Offert", "Automatisk svar: Tilbud", "Automaattinen vastaus: Tarjous",
    "Automatická odpověď: Nabídka", "Automatikus válasz: Ajánlat", "Автоматический ответ: Предложение",
    "Otomatik yanıt: Teklif", "自動応答: 見積", "自动回复: 报价", "자동 회신: 견적", "Abwesenheitsnotiz: Angebot",
    "Out of Office: Offer", "Auto: Offer", "[EXT] Automatic reply: Offer",
])
def test_a_localized_reply_label_with_exchanges_marks_is_an_auto_reply(subject: str) -> None:
    assert is_auto_reply(_message(subject, *EXCHANGE))


@pytest.mark.parametrize(("subject", "fields"), [
    ("Your vacation request has been approved", EXCHANGE),  # a notification, answering nothing
    ("Auto: 2019 hatchback for sale", ()),  # "Auto:" alone names no reply
    ("Out of office: who covers on Friday?", ()),  # a person's mail about being away
    ("Out of office: 24-26 November", ("List-Id: <team.example.com>", "In-Reply-To: <a@example.com>")),
    ("Re: Automatic reply: Offer", ("In-Reply-To: <a@example.com>",)),  # someone answering one
    ("Automatic reply: Offer", ("List-Id: <team.example.com>",)),  # a list's copy of one
])
def test_not_an_auto_reply(subject: str, fields: tuple[str, ...]) -> None:
    assert not is_auto_reply(_message(subject, *fields))


@pytest.mark.parametrize(("subject", "fields"), [
    ("Vacation notice", (*EXCHANGE, "In-Reply-To: <offer-1@example.com>")),  # words, in a reply
    ("Automatic reply: Offer", ("In-Reply-To: <offer-1@example.com>",)),  # a label, no mark at all
    ("Away until May 5", ("X-Autoreply: yes",)),
    ("Out of Office AutoReply: Offer", ()),  # a label no person types
    ("Automatische Antwort: Angebot", ()),
    ("Out of office: Offer", ("In-Reply-To: <offer-1@example.com>",)),  # "away", in a reply
    ("Re: Offer", ("X-Apple-Action: vacation",)),
])
def test_an_auto_reply(subject: str, fields: tuple[str, ...]) -> None:
    assert is_auto_reply(_message(subject, *fields))
