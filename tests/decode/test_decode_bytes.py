"""decode_bytes reads ASCII text without an escape as ASCII under no label and under the labels
it answers early for (its shortcut must give what the charset's own codec gives)."""

from __future__ import annotations

import pytest

from bouncetui.decode.message import _ASCII_LABELS, _CHARSET_ALIASES, decode_bytes

ASCII = bytes(range(128)).replace(b"\x1b", b"")


@pytest.mark.parametrize("label", sorted(_ASCII_LABELS))
def test_every_shortcut_label_reads_ascii_as_its_codec_does(label: str) -> None:
    name = label.strip('"').lower()
    assert ASCII.decode(_CHARSET_ALIASES.get(name, name)) == ASCII.decode("ascii")
    assert decode_bytes(ASCII, label) == ASCII.decode("ascii")


@pytest.mark.parametrize("label", [None, "", "utf-8", "us-ascii", "iso-8859-1"])
def test_jis_escapes_are_still_read_as_iso_2022_jp(label: str | None) -> None:
    jis = "宛先不明".encode("iso2022_jp")
    assert decode_bytes(jis, label) == "宛先不明"


def test_a_label_whose_codec_reads_ascii_otherwise_is_not_shortcut() -> None:
    assert decode_bytes(b"+AGEAYgBj-", "utf-7") == "abc"
