"""Unlabelled 8-bit text is read in the charset it was written in: a German or French notice sent
without a charset (Latin-1 or Windows-1252) as Western text, a Japanese one as Shift_JIS or EUC-JP,
never one for the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouncetui import decode
from bouncetui.decode.message import decode_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "charsets"

WESTERN = [
    "Die Nachricht konnte nicht zugestellt werden. Empfänger unbekannt: müller@example.de",
    "Votre message n’a pas pu être remis à élodie@example.fr : boîte pleine.",
    "Código: ação não realizada; a caixa de correio está cheia",
    "„Zustellung“ – fehlgeschlagen … Größe überschritten",
    "La dirección no existe: peña@example.es (año 2026, señor Muñoz)",
    "Ärger über Öffnungszeiten: Straße",
]
JAPANESE = [
    "宛先のメールアドレスが見つかりませんでした。",
    "このメールは自動送信されています。メールボックスの容量を超えています。",
    "宛先不明",
    "配送不能通知",
    "ﾒｰﾙが届きませんでした",
]


def _encodable(text: str, charset: str) -> bool:
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize(("text", "charset"), [(t, c) for t in WESTERN for c in ("latin-1", "cp1252")
                                               if _encodable(t, c)])
def test_western_text_without_a_label_reads_as_western(text, charset):
    assert decode_bytes(text.encode(charset), None) == text


@pytest.mark.parametrize("text", JAPANESE)
@pytest.mark.parametrize("charset", ["cp932", "euc_jp"])
def test_japanese_text_without_a_label_reads_as_japanese(text, charset):
    assert decode_bytes(text.encode(charset), None) == text


def test_unlabelled_latin1_german_notice():
    (record,) = decode((FIXTURES / "notice-de-unlabelled-latin1.eml").read_bytes(), "de")
    assert record.recipient == "jürgen.schäfer@example.de"
    assert "Die E-Mail-Adresse des Empfängers wurde nicht gefunden." in record.diagnosticcode
    assert record.reason == "userunknown"


def test_unlabelled_windows1252_french_notice():
    (record,) = decode((FIXTURES / "notice-fr-unlabelled-cp1252.eml").read_bytes(), "fr")
    assert record.recipient == "gaëlle@example.fr"
    assert record.diagnosticcode.endswith("la boîte aux lettres du destinataire est pleine.")
    assert record.reason == "mailboxfull"
