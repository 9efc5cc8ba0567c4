"""Japanese text as Windows writes it: the NEC characters (①, ㈱, Ⅲ) the standard ISO-2022-JP and EUC-JP codecs refuse."""

from __future__ import annotations

import pytest

from bouncetui.decode.jis import decode_cp50220
from bouncetui.decode.message import decode_bytes

ORDINARY = "お客様が送信されたメールは、以下の宛先に配信できませんでした。亜唖娃阿哀愛挨姶逢葵茜穐悪握渥旭"


def test_ordinary_jis_text_reads_as_the_standard_codec_reads_it():
    assert decode_cp50220(ORDINARY.encode("iso2022_jp")) == ORDINARY


def test_half_width_katakana_are_read():
    assert decode_cp50220("ｱｲｳ テスト".encode("iso2022_jp_ext")) == "ｱｲｳ テスト"


@pytest.mark.parametrize(("jis", "text"), [
    (b"\x1b$B-!\x1b(B", "①"),  # NEC row 13: circled digits
    (b"\x1b$B-j\x1b(B", "㈱"),
    (b"\x1b$B-7\x1b(B", "Ⅲ"),
])
def test_nec_characters_are_read(jis, text):
    assert decode_cp50220(jis) == text


def test_a_nec_character_no_longer_leaves_the_whole_text_undecoded():
    data = "宛先不明".encode("iso2022_jp")[:-3] + b"-!\x1b(B (550 5.1.1)"
    for label in ("ISO-2022-JP", None, "us-ascii"):
        assert decode_bytes(data, label) == "宛先不明① (550 5.1.1)"


@pytest.mark.parametrize("data", [
    b"\x1b$(D0!\x1b(B",  # JIS X 0212: not in CP932
    "日本語".encode("utf-8"),  # eight-bit bytes are not ISO-2022-JP
    b"\x1b$B$",  # a character cut in half
])
def test_what_is_not_windows_iso_2022_jp_is_refused(data):
    assert decode_cp50220(data) is None


@pytest.mark.parametrize("label", ["EUC-JP", None])
def test_eucjp_with_a_nec_character_is_read(label):
    """EUC-JP from Windows (CP51932) has the NEC characters too; the standard codec refuses them."""
    data = "宛先のメールボックスがいっぱいです".encode("euc_jp") + b"\xad\xa1"
    assert decode_bytes(data, label) == "宛先のメールボックスがいっぱいです①"
