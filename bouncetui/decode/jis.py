"""Japanese text encodings the standard codecs do not settle alone.

ISO-2022-JP as Windows writes it (CP50220/CP50221): JIS text with the NEC and IBM extension
characters (①, ㈱, Ⅲ, 髙 ...) that Python's ISO-2022-JP codecs refuse. Japanese mailers on Windows
label such text ISO-2022-JP; one such character makes the whole text undecodable by the standard
codec. Each two-byte JIS character maps to its Shift_JIS form by the JIS X 0208 arithmetic, and
CP932 (Shift_JIS with those extensions) decodes the result.

Unlabelled 8-bit text that is not UTF-8 (`guess_8bit`): Shift_JIS, EUC-JP, or Western text in
Windows-1252 / Latin-1 (a German or French notice sent without a charset). EUC-JP bytes are often
valid Shift_JIS too, and read so they give half-width katakana and private-use characters ("ﾇﾛﾁ"
for "配送"); Shift_JIS text is seldom valid EUC-JP. Of the Japanese readings, the one with the
fewest such characters is the candidate, Shift_JIS on a tie. Western text read as Shift_JIS gives
kanji, half-width katakana and private-use characters but no kana (hiragana and katakana are two
bytes beginning 0x82 or 0x83 in Shift_JIS, 0xA4 or 0xA5 in EUC-JP, rare in Western text), while
Japanese prose is full of kana; Western text puts its accented letters one or two at a time among
ASCII letters, while Japanese read as Windows-1252 gives runs of symbols and C1 controls. So: a
Japanese reading with kana and nothing odd is the text; else a Western reading whose non-ASCII
characters are all letters or punctuation of Latin-1 / Windows-1252, in runs of at most two;
else the Japanese reading.
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


# Hiragana and katakana (with the prolonged sound mark): what any Japanese sentence holds.
_KANA = re.compile("[\u3041-\u30ff]")
# A Western text's non-ASCII characters, as Windows-1252 reads them: Latin-1's letters, signs and
# no-break space, and 1252's quotes, dashes, ellipsis, euro sign, bullet, Œ œ Š š Ž ž Ÿ and ™.
_WESTERN = re.compile("[^\x00-\x7f\u00a0-\u00ff\u20ac\u201e\u2026\u2018\u2019\u201c\u201d\u2013\u2014"
                      "\u2022\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u2122]|[^\x00-\x7f]{3}")


def _japanese(data: bytes) -> tuple[str, int] | None:
    """(the Shift_JIS or EUC-JP reading with the fewest odd characters, how many), or None."""
    best: tuple[str, int] | None = None
    for codec in _EIGHT_BIT_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        odd = len(_ODD.findall(text))
        if best is None or odd < best[1]:
            best = (text, odd)
        if odd == 0:
            break
    return best


def western(data: bytes) -> str | None:
    """The text as Windows-1252 (else Latin-1) reads it when it reads as Western text: every
    non-ASCII character a letter or sign of those charsets, in runs of at most two; else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return None if _WESTERN.search(text) else text


def guess_8bit(data: bytes) -> str | None:
    """Unlabelled 8-bit text that is not UTF-8, read as Shift_JIS (CP932), EUC-JP or Windows-1252
    (see the module's docstring for the choice); None when none of them reads it."""
    japanese = _japanese(data)
    if japanese is not None and japanese[1] == 0 and _KANA.search(japanese[0]):
        return japanese[0]
    text = western(data)
    if text is not None:
        return text
    return japanese[0] if japanese else None
