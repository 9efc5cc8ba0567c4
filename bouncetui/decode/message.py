"""The parsed message every decoder reads: headers, parts, decoded text, the returned original.

Parsing uses the standard library's `email` package with the compat32 policy: on the bounce corpus
it was measured about 2.7x faster than mail-parser and it never raises on broken input, which a
scanner of hostile mail needs. (mail-parser serves the raw-message view, see `decode.mime_tree`.)
Line endings are made LF first, so CRLF and bare-CR messages decode like any other.

Text is decoded from the declared charset; unlabelled 8-bit text is guessed among ISO-2022-JP,
UTF-8, Shift_JIS and EUC-JP, the encodings Japanese bounces come in.
"""

from __future__ import annotations

import email
import email.header
import email.message
import email.parser
import email.policy
import quopri
import re
from dataclasses import dataclass, field
from email._encoded_words import decode_b

from bouncetui.decode import jis, mimeparse
from bouncetui.decode.cleantext import html_to_text, without_footer

_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_FOLDING = re.compile(r"\r?\n(?=[ \t])")
# Text that is delivery-status fields from its first line: a field there, a Final- or Original-
# Recipient and an Action or Status at the start of lines further on
_DSN_TEXT = re.compile(r"\s*(?=[A-Za-z][\w-]*[ \t]*:)(?:[^\n]*\n)*?(?:Final|Original)-Recipient[ \t]*:", re.IGNORECASE)
# The most encoded text an application/octet-stream attachment may have to be read as a saved
# report (a file of a few fields, not a document)
_SAVED_REPORT_SIZE = 65536
_ATTACHMENT = re.compile(r"\s*attachment\b", re.IGNORECASE)
_DSN_ACTION = re.compile(r"^(?:Action|Status)[ \t]*:", re.IGNORECASE | re.MULTILINE)
# Tags before a subject: "[EXTERNAL]", "[SPAM]", "{Spam?}", "***SPAM***", one or more, maybe a colon
_SUBJECT_TAGS = re.compile(r"^(?:\s*(?:\[[^\[\]]{1,40}\]|\{[^{}]{1,40}\}|\*{2,}[^*]{1,40}\*{2,})(?:\s*:)?)+\s*")
_GUESSES = ("utf-8", "iso-2022-jp")  # then Shift_JIS or EUC-JP, see jis.guess_8bit
_CHARSET_ALIASES = {
    "iso-2022-jp": "iso2022_jp_ext",  # JIS X 0201 kana and the NEC extensions occur in the wild
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ks_c_5601-1987": "cp949",
    "unknown-8bit": "utf-8",
    "x-unknown": "utf-8",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "gb2312": "gb18030",
}
_EUC_JP = frozenset({"euc-jp", "euc_jp", "eucjp", "x-euc-jp"})
_WESTERN = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso-8859-15"})
# Labels (as mailers write them) under which decode_bytes reads ASCII bytes without an escape as
# ASCII: UTF-8's and ASCII's names and the Western ones (the codec of each reads ASCII as ASCII).
_ASCII_LABELS = frozenset(
    spelling
    for name in ("us-ascii", "ascii", "utf-8", "utf8", *_WESTERN)
    for spelling in (name, name.upper(), '"%s"' % name)
)
TEXT_REPORT_TYPES = mimeparse.TEXT_REPORT_TYPES
ORIGINAL_TYPES = (
    "message/rfc822",
    "message/global",
    "text/rfc822-headers",
    "message/rfc822-headers",
    "message/global-headers",
    "message/partial",
)


# The only characters outside ASCII that re.IGNORECASE takes for an ASCII letter, and that
# str.lower() does not lower to it (tests/decode/test_signs.py checks every code point).
_FOLD_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_NOT_FOLDED = re.compile("[%s]" % "".join(_FOLD_TO_ASCII))


def fold(text: str) -> str:
    """Text lowered the way re.IGNORECASE compares with ASCII: an ASCII word that a
    case-insensitive pattern matches in `text` is, lowered, in fold(text)."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):
        # _NOT_FOLDED's characters (str's search for one character is quicker than the class's)
        text = _NOT_FOLDED.sub(lambda m: _FOLD_TO_ASCII[m.group()], text)
    return text.lower()


def normalize_newlines(data: bytes) -> bytes:
    if b"\r" not in data:
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _jis(data: bytes) -> str | None:
    """ISO-2022-JP text, also as Windows writes it (NEC/IBM characters such as ①), or None."""
    try:
        return data.decode("iso2022_jp_ext")
    except UnicodeDecodeError:
        return jis.decode_cp50220(data)


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Bytes to text: the declared charset when it works, else the best guess, never an error.

    JIS escapes ("ESC $ B") under a label that is not ISO-2022 (us-ascii, utf-8: seven-bit JIS
    decodes under them, escapes and all) are ISO-2022-JP, and valid UTF-8 under a Latin-1 label is
    UTF-8: the label is the mailer's default."""
    if (not charset or charset in _ASCII_LABELS) and data.isascii() and b"\x1b" not in data:
        # the common case, what every step below comes to for it: ASCII text without an escape
        # under no label or a label whose codec reads ASCII as ASCII
        return data.decode("ascii")
    if charset and charset.strip().strip('"').lower() in _WESTERN and not data.isascii():
        # UTF-8 under a Latin-1 label (a mailer's default): Latin-1 text is almost never valid UTF-8
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if b"\x1b$" in data and (not charset or "2022" not in charset):
        text = _jis(data)
        if text is not None:
            return text
    if charset:
        name = _CHARSET_ALIASES.get(charset.strip().strip('"').lower(), charset.strip().strip('"'))
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        if name.lower() in _EUC_JP:
            try:  # EUC-JP as Windows writes it (NEC characters such as ①): JIS X 0213 has them
                return data.decode("euc_jis_2004")
            except UnicodeDecodeError:
                pass
    if b"\x1b$" in data or b"\x1b(" in data:
        text = _jis(data)
        if text is not None:
            return text
    for guess in _GUESSES:
        try:
            return data.decode(guess)
        except UnicodeDecodeError:
            continue
    text = jis.guess_8bit(data)
    return text if text is not None else data.decode("utf-8", "replace")


def unsurrogate(text: str) -> str:
    """Undo the surrogate escapes compat32 leaves for 8-bit header bytes."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return decode_bytes(text.encode("ascii", "surrogateescape"))


def decode_header(value: str | email.header.Header | None) -> str:
    """A header value with RFC 2047 encoded words decoded and folding removed."""
    if value is None:
        return ""
    if type(value) is str and value.isascii() and "=?" not in value and "\x1b" not in value:
        return " ".join(value.split())  # the common case: nothing to decode
    if isinstance(value, email.header.Header):  # compat32's wrapper for raw 8-bit header bytes
        value = "".join(
            decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk
            for chunk, charset in email.header.decode_header(value)
        )
    value = unsurrogate(value)
    if "\x1b$" in value and value.isascii():  # raw ISO-2022-JP, as older Japanese mailers write headers
        value = decode_bytes(value.encode("ascii"), "iso-2022-jp")
    if "=?" in value and _ENCODED_WORD.search(value):
        # unfolded first: the parser splits "[TEST]\n =?...?=" at the line break, and the blank
        # before the encoded word would be lost with it
        value = _FOLDING.sub("", value)
        try:
            pieces = []
            for chunk, charset in email.header.decode_header(value):
                if isinstance(chunk, bytes):
                    pieces.append(decode_bytes(chunk, charset))
                else:
                    pieces.append(chunk)
            value = "".join(pieces)
        except (ValueError, LookupError, AssertionError):
            pass
    return " ".join(value.split())


class cached_property:  # noqa: N801 - used as functools.cached_property is
    """functools.cached_property without the lock Python 3.11 takes on every first access (a
    Message is read by the one thread that parsed it): each property is computed once and kept in
    the instance's __dict__, which answers every later access without calling this."""

    def __init__(self, func):  # type: ignore[no-untyped-def]
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:  # type: ignore[no-untyped-def]
        self.name = name

    def __get__(self, instance, owner=None):  # type: ignore[no-untyped-def]
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


# Transfer encodings that get_payload(decode=True) decodes; any other leaves the bytes as they are.
_DECODED_CTES = frozenset({"quoted-printable", "base64", "x-uuencode", "uuencode", "uue", "x-uue"})


def payload_bytes(part: email.message.Message) -> bytes | None:
    """part.get_payload(decode=True) for a part that is not multipart.

    A part with nothing to decode (7bit, 8bit, binary, no encoding) is the common case: its text,
    as the parser left it, is encoded back to its bytes once, where the standard method checks for
    surrogates with one encoding and then encodes again."""
    payload = part._payload
    cte = str(part.get("content-transfer-encoding", "")).lower()
    if type(payload) is str and cte not in _DECODED_CTES:
        try:
            data = payload.encode("ascii", "surrogateescape")
        except UnicodeEncodeError:
            return part.get_payload(decode=True)  # text with characters beyond 8-bit bytes
        # "base64 ", a folded value or one with a comment ("base64 (as sent)", RFC 2045 allows it),
        # which the standard library takes for none
        cte = cte.split("(", 1)[0].strip()
        if cte == "base64":
            return decode_b(b"".join(data.splitlines()))[0]
        if cte == "quoted-printable":
            return quopri.decodestring(data)
        return data
    return part.get_payload(decode=True)


def part_text(part: email.message.Message) -> str:
    """The decoded text of one part; for report parts the field blocks as text."""
    if part.is_multipart():
        if not part.get_content_type().startswith("message/"):
            return ""
        payload = part.get_payload()
        blocks = []
        for block in payload if isinstance(payload, list) else [payload]:
            if isinstance(block, email.message.Message):
                if getattr(block, "_ascii", False):  # a Part of ASCII string fields (mimeparse)
                    lines = list(map(": ".join, block._headers))
                else:
                    lines = ["%s: %s" % (k, unsurrogate(str(v))) for k, v in block.raw_items()]
                body = block._payload  # raw: get_payload() would replace 8-bit bytes
                if isinstance(body, str) and body.strip():
                    lines.append(unsurrogate(body).rstrip("\n"))
                blocks.append("\n".join(lines))
        text = "\n\n".join(blocks) + "\n"
        cte = str(part.get("content-transfer-encoding", "")).split("(", 1)[0].strip().lower()  # "base64 (as sent)"
        if cte in _DECODED_CTES and part.get_content_type() in TEXT_REPORT_TYPES:
            # report fields sent in base64 or QP (RFC 6533 allows it for the global types): the
            # parser read the encoded lines as fields; their text is what they encode
            data = text.encode("utf-8", "surrogateescape")
            if cte == "base64":
                data = decode_b(b"".join(data.split()))[0]
            elif cte == "quoted-printable":
                data = quopri.decodestring(data)
            return decode_bytes(normalize_newlines(data), part.get_content_charset() or "utf-8")
        return text
    raw = payload_bytes(part)
    if raw is None:
        raw = str(part.get_payload()).encode("ascii", "surrogateescape")
    if b"\r" in raw:  # base64 text keeps the CRLF line ends of MIME's canonical form once decoded
        raw = normalize_newlines(raw)
    return decode_bytes(raw, part.get_content_charset())


@dataclass
class Message:
    """A bounce candidate, parsed once and shared by every decoder that looks at it.

    Decoders ask for the same headers and part texts again and again: each is decoded once and
    kept here (the message is never changed after parsing).
    """

    raw: bytes
    msg: email.message.Message = field(repr=False)
    _headers: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _texts: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def parse(cls, data: bytes) -> Message:
        data = normalize_newlines(data)
        return cls(data, mimeparse.parse(data))

    # -- headers --------------------------------------------------------------------------------
    def header(self, name: str) -> str:
        """A header of the bounce itself, decoded; "" when absent."""
        value = self._headers.get(name)  # by the name as asked: callers ask with constants
        if value is None:
            value = self._headers[name] = decode_header(self.msg.get(name))
        return value

    def headers(self, name: str) -> list[str]:
        return [decode_header(v) for v in self.msg.get_all(name) or ()]

    @cached_property
    def content_type(self) -> str:
        return self.msg.get_content_type()

    @cached_property
    def report_type(self) -> str:
        return (self.msg.get_param("report-type") or "").lower() if self.content_type == "multipart/report" else ""

    @cached_property
    def subject(self) -> str:
        """The decoded Subject, without the tags a gateway may have put before it ("[EXTERNAL] ",
        "***SPAM*** "): decoders match the mailer's own words from their start."""
        subject = self.header("Subject")
        if subject and subject[0] in "[{*":
            untagged = _SUBJECT_TAGS.sub("", subject, count=1)
            if untagged:
                return untagged
        return subject

    @cached_property
    def sender(self) -> str:
        return self.header("From")

    @cached_property
    def senders(self) -> tuple[str, str]:
        """(From, Return-Path), decoded: where provider decoders look for their notifier."""
        return self.sender, self.header("Return-Path")

    @cached_property
    def folded_senders(self) -> str:
        """`senders` folded (see `fold`), one per line: an ASCII word that a case-insensitive
        pattern matches in either is in this text."""
        return fold("\n".join(self.senders))

    # -- parts ----------------------------------------------------------------------------------
    @cached_property
    def parts(self) -> list[email.message.Message]:
        """Leaf parts and report/original parts in order, not descending into the original."""
        found: list[email.message.Message] = []
        _add_parts(self.msg, found)
        return found

    @cached_property
    def typed_parts(self) -> list[tuple[str, email.message.Message]]:
        """(content type, part) of each of `parts`; a text part after the first whose text starts
        with delivery-status fields (see _DSN_TEXT) is typed message/delivery-status when the
        message has no such part (a report a client or archive saved as "details.txt", or as an
        application/octet-stream attachment of a few kilobytes, "details.dsn")."""
        typed = [(part.get_content_type(), part) for part in self.parts]
        if len(typed) > 1 and not any(ctype in TEXT_REPORT_TYPES for ctype, _ in typed):
            for i, (ctype, part) in enumerate(typed[1:], 1):
                text = self.part_text(part) if ctype == "text/plain" or (
                    ctype == "application/octet-stream" and len(part._payload) < _SAVED_REPORT_SIZE) else ""
                if _DSN_TEXT.match(text) and _DSN_ACTION.search(text):
                    typed[i] = ("message/delivery-status", part)
        for at, (ctype, part) in enumerate(typed):
            if ctype == "text/html":
                # a notice sent as HTML only (no text/plain before it, nor before the report or
                # the original but a file, the original's headers saved as text): its text (see
                # `part_text`) is the notice's text
                rest = typed[at + 1:]
                end = next((i for i, (c, _) in enumerate(rest) if c in TEXT_REPORT_TYPES or c in ORIGINAL_TYPES),
                           len(rest))
                if not any(c == "text/plain" and not _ATTACHMENT.match(p.get("content-disposition", ""))
                           for c, p in rest[:end]):
                    typed[at] = ("text/plain", part)
                break
            if ctype == "text/plain" or ctype in TEXT_REPORT_TYPES or ctype in ORIGINAL_TYPES:
                break
        return typed

    def find(self, *ctypes: str) -> email.message.Message | None:
        for ctype, part in self.typed_parts:
            if ctype in ctypes:
                return part
        return None

    def part_text(self, part: email.message.Message) -> str:
        """part_text(part), decoded once per part; an HTML part as its text (see `html_to_text`);
        a text part of a multipart without the footer a list or gateway appended to it (see
        `without_footer`)."""
        text = self._texts.get(id(part))
        if text is None:
            text = part_text(part)
            ctype = part.get_content_type()
            if ctype == "text/html":
                text = html_to_text(text)
            if part is not self.msg and ctype in ("text/plain", "text/html"):
                text = without_footer(text)
            self._texts[id(part)] = text
        return text

    def text_of(self, *ctypes: str) -> str:
        part = self.find(*ctypes)
        return self.part_text(part) if part is not None else ""

    @cached_property
    def body(self) -> str:
        """Every text and report part before the returned original, decoded, in order.

        For a message that is not MIME this is simply its whole body, original included:
        decoders of such formats cut it at their own markers.
        """
        return "\n".join(map(self.part_text, self._body_parts))

    @cached_property
    def _body_parts(self) -> list[email.message.Message]:
        """The parts whose texts `body` joins."""
        found = []
        for ctype, part in self.typed_parts:
            if ctype in ORIGINAL_TYPES:
                break
            if ctype.startswith("text/") or ctype in TEXT_REPORT_TYPES or part is self.msg:
                if ctype == "text/html" and found:
                    continue  # the same words again, as HTML (not decoded for nothing)
                found.append(part)
        return found

    # -- cheap look-ups for the decoders' signs ---------------------------------------------------
    @cached_property
    def folded(self) -> str:
        """What a decoder's SIGNS are looked for in, folded (see `fold`): the names of the bounce's
        own header fields, its decoded subject, its body, and its first text/plain part when that
        is not in the body."""
        body = self.body
        plain_part = self.find("text/plain")
        plain = self.part_text(plain_part) if plain_part is not None else ""
        texts = ["\n".join(self.msg.keys()), self.subject, body]
        # a part of the body is in it: the text is searched for (through the whole body) only
        # when the part is not one of them
        if plain and plain_part not in self._body_parts and plain not in body:
            texts.append(plain)
        return fold("\n".join(texts))

    def mentions(self, words: tuple[str, ...]) -> bool:
        """Whether any of these lowercase ASCII words is in `folded`."""
        folded = self.folded
        for word in words:
            if word in folded:
                return True
        return False

    # -- the returned original -------------------------------------------------------------------
    @cached_property
    def original_part(self) -> email.message.Message | None:
        return self.find(*ORIGINAL_TYPES)

    @cached_property
    def original(self) -> email.message.Message | None:
        """The headers (and body) of the message that bounced, when it came back as a part."""
        part = self.original_part
        if part is None:
            return None
        payload = part.get_payload()
        cte = str(part.get("content-transfer-encoding", "")).split("(", 1)[0].strip().lower()
        if cte in ("base64", "quoted-printable") and part.is_multipart():
            # a message/rfc822 part sent encoded (RFC 2046 forbids it; gateways do it): the parser
            # read the encoded lines as a message with no header (text/rfc822-headers, a text
            # part, is decoded as any text part is)
            data = self.part_text(part).encode("utf-8", "surrogateescape")
            data = decode_b(b"".join(data.split()))[0] if cte == "base64" else quopri.decodestring(data)
            return parse_headers(decode_bytes(normalize_newlines(data)))
        if isinstance(payload, list) and payload and isinstance(payload[0], email.message.Message):
            if payload[0].keys() or not payload[0].get_payload():
                return payload[0]
            # a blank line before the original's header (as X3 writes it): the parser read an
            # empty header and took the header for the body
        return parse_headers(self.part_text(part))


def _add_parts(part: email.message.Message, found: list[email.message.Message]) -> None:
    """Message.parts: `part` or the parts under it added to `found`. (Not a function nested in
    the property: one that calls itself is a reference cycle, which kept each message's whole
    tree alive until the next cyclic garbage collection.)"""
    ctype = part.get_content_type()
    if ctype in ORIGINAL_TYPES or ctype in TEXT_REPORT_TYPES:
        found.append(part)
    elif part.is_multipart():
        payload = part.get_payload()
        for sub in payload if isinstance(payload, list) else [payload]:
            if isinstance(sub, email.message.Message):
                _add_parts(sub, found)
    else:
        found.append(part)


def raw_parts(message: Message) -> list[bytes] | None:
    """The top-level parts of a multipart message as their bytes stand in it: each part's header
    and body, the lines between two delimiter lines, split as the parser splits them (a last part
    with no delimiter after it is left out). None when the message has no boundary."""
    boundary = message.msg.get_boundary()
    if not boundary:
        return None
    sep = b"--" + boundary.encode("utf-8", "surrogateescape")
    pieces: list[list[bytes]] = [[]]
    for line in message.raw.split(b"\n"):
        if line.startswith(sep):
            rest = line[len(sep):].rstrip(b" \t")
            if rest in (b"", b"--"):
                pieces.append([])
                if rest == b"--":
                    break
                continue
        pieces[-1].append(line)
    return [b"\n".join(piece) for piece in pieces[1:-1]]


def attached_bytes(message: Message, attached: email.message.Message) -> bytes | None:
    """The attached message as its bytes stand in `message`, when it is a part of the top-level
    multipart (the common forward, a gateway's notice carrying another MTA's bounce): serialising
    the parsed part again would refold its headers and move the lines of a broken field block (and
    costs a millisecond or more). None for any other layout."""
    parts = message.msg.get_payload()
    if not isinstance(parts, list):
        return None
    index = next((i for i, part in enumerate(parts) if part is attached), None)
    raw = raw_parts(message) if index is not None else None
    if raw is None or index >= len(raw):
        return None
    part = raw[index]
    at = part.find(b"\n\n")  # the end of the part's own header
    return part[at + 2:] + b"\n" if at >= 0 else None


def parse_headers(text: str) -> email.message.Message:
    """Parse a block of header lines (a returned original quoted in text) into a Message."""
    return mimeparse.parse_headers(text.lstrip("\n"))
