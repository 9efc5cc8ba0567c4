"""Japanese text encodings the standard codecs do not settle alone.

ISO-2022-JP as Windows writes it (CP50220/CP50221): JIS text with the NEC and IBM extension
characters (①, ㈱, Ⅲ, 髙 ...) that Python's ISO-2022-JP codecs refuse. Japanese mailers on Windows
label such text ISO-2022-JP; one such character makes the whole text undecodable by the standard
codec. Each two-byte JIS character maps to its Shift_JIS form by the JIS X 0208 arithmetic, and
CP932 (Shift_JIS with those extensions) decodes the result.

Unlabelled 8-bit text, Shift_JIS or EUC-JP (`guess_8bit`): EUC-JP bytes are often valid Shift_JIS
too, and read so they give half-width katakana and private-use characters ("ﾇﾛﾁ" for "配送");
Shift_JIS text is seldom valid EUC-JP. Of the readings, the one with the fewest such characters is
the text, Shift_JIS on a tie.
"""

from __future__ import annotations

import re

_ESC = 0x1B
# The escape sequences of ISO-2022-JP and the character set each one selects.
_SETS = {
    b"\x1b(B": "ascii", b"\x1b(J": "ascii", b"\x1b(I": "kana",
    b"\x1b$@": "jis", b"\x1b$B": "jis", b"\x1b&@\x1b$B": "jis",
}


def _sjis(j1: int, j2: int) -> bytes:
    """One JIS X 0208 character (two bytes 0x21-0x7E) in Shift_JIS."""
    s1 = ((j1 - 0x21) >> 1) + 0x81
    if s1 > 0x9F:
        s1 += 0x40
    s2 = j2 + (0x1F + (j2 >= 0x60) if j1 & 1 else 0x7E)
    return bytes((s1, s2))


def decode_cp50220(data: bytes) -> str | None:
    """The text of ISO-2022-JP bytes read with Windows' extensions, or None when they are not that."""
    out = bytearray()
    mode = "ascii"
    i, n = 0, len(data)
    while i < n:
        byte = data[i]
        if byte == _ESC:
            for seq, charset in _SETS.items():
                if data.startswith(seq, i):
                    mode, i = charset, i + len(seq)
                    break
            else:
                return None  # JIS X 0212 or another set CP932 does not have
            continue
        if byte > 0x7F:
            return None  # eight-bit bytes: not ISO-2022-JP
        if mode == "jis" and 0x21 <= byte <= 0x7E:
            if i + 1 >= n or not 0x21 <= data[i + 1] <= 0x7E:
                return None
            out += _sjis(byte, data[i + 1])
            i += 2
            continue
        out.append(byte + 0x80 if mode == "kana" and 0x21 <= byte <= 0x5F else byte)
        i += 1
    try:
        return out.decode("cp932")
    except UnicodeDecodeError:
        return None


# Half-width katakana and private-use characters: what EUC-JP read as CP932 is full of.
_ODD = re.compile("[\uff61-\uff9f\ue000-\uf8ff]")
_EIGHT_BIT_CODECS = ("cp932", "euc_jp", "euc_jis_2004")


def guess_8bit(data: bytes) -> str | None:
    """Unlabelled 8-bit Japanese text read as Shift_JIS (CP932) or EUC-JP, whichever gives the fewest
    half-width katakana and private-use characters; None when neither decodes it."""
    best: tuple[int, str] | None = None
    for codec in _EIGHT_BIT_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        odd = len(_ODD.findall(text))
        if best is None or odd < best[0]:
            best = (odd, text)
        if odd == 0:
            break
    return best[1] if best else None
