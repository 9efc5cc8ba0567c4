"""What happens to a real copy of a bounce on its way, as functions of its bytes.

Each transformation takes a message (bytes, LF line endings) and returns the same message as
another mailer, relay or mail store would have written it (re-encoded, refolded, relabelled, ...),
or None when it has nothing to change in that message. None of them changes what the message
says: the records decoded from the result must be the records of the original.

TRANSFORMS maps a short name to each.
"""

from __future__ import annotations

import base64
import email.utils
import quopri
import re
from collections.abc import Callable

from tests.generalization.entity import Entity, parse, serialize

Transform = Callable[[bytes], "bytes | None"]
_TEXT_CTES = ("", "7bit", "8bit", "binary", "base64", "quoted-printable")
_DSN_TYPES = ("message/delivery-status", "message/global-delivery-status")


def _tree(func: Callable[[Entity], bool]) -> Transform:
    """A transformation of the parsed tree: `func` changes it in place and says whether it did."""

    def transform(data: bytes) -> bytes | None:
        root = parse(data)
        try:
            if not func(root):
                return None
        except ValueError:  # a part whose encoding is broken: it cannot be re-encoded as it is
            return None
        out = serialize(root)
        return out if out != data else None

    transform.__name__ = func.__name__
    transform.__doc__ = func.__doc__
    return transform


def _is_text_leaf(entity: Entity, root: Entity) -> bool:
    if entity.segments is not None or entity.child is not None:
        return False
    ctype = entity.content_type
    if not ctype:
        return True  # text/plain (a multipart/digest's parts aside, which bounces do not use)
    return ctype.startswith("text/") and entity.cte in _TEXT_CTES


def decoded_body(entity: Entity) -> bytes:
    """The part's body with its transfer encoding undone."""
    cte = entity.cte
    if cte == "base64":
        return base64.b64decode(re.sub(rb"[^A-Za-z0-9+/=]", b"", entity.body) + b"==", validate=False)
    if cte == "quoted-printable":
        return quopri.decodestring(entity.body)
    return entity.body


def _recode(entity: Entity, cte: str, data: bytes) -> None:
    if cte == "base64":
        encoded = base64.encodebytes(data).rstrip(b"\n")
    elif cte == "quoted-printable":
        encoded = quopri.encodestring(data)
        if encoded.endswith(b"\n") and not data.endswith(b"\n"):
            encoded = encoded[:-1]
    else:
        encoded = data
    entity.body = encoded
    entity.set_value("Content-Transfer-Encoding", cte.encode())
    if entity.head_end == b"\x00nonl" or (entity.head_end == b"" and entity.body):
        entity.head_end = b"\n"


def _encode_texts(cte: str) -> Callable[[Entity], bool]:
    def func(root: Entity) -> bool:
        changed = False
        for entity in root.walk():
            if not _is_text_leaf(entity, root) or entity.cte == cte:
                continue
            data = decoded_body(entity)
            if cte in ("8bit", "7bit") and entity.cte in ("", "7bit", "8bit", "binary"):
                continue  # nothing encoded to undo
            _recode(entity, cte, data)
            changed = True
        return changed

    func.__name__ = "text_" + cte.replace("-", "_")
    return func


text_base64 = _tree(_encode_texts("base64"))
text_qp = _tree(_encode_texts("quoted-printable"))
text_8bit = _tree(_encode_texts("8bit"))


@_tree
def boundaries(root: Entity) -> bool:
    """Every multipart boundary replaced by another legal one (quoted, with '=' and '.')."""
    changed = False
    for n, entity in enumerate(root.walk()):
        if entity.segments is None:
            continue
        value = entity.value("Content-Type") or b""
        old = entity.extra["boundary"]
        new = b"----=_Part_%d_42.1795567215" % n
        entity.set_value("Content-Type", re.sub(
            rb'(?i)(boundary\s*=\s*)(?:"[^"]*"|[^\s;"]+)', lambda m, new=new: m.group(1) + b'"' + new + b'"', value, count=1))
        for i, seg in enumerate(entity.segments):
            if i % 2 == 1:  # a delimiter line
                close = seg.rstrip(b" \t") == b"--" + old + b"--"
                entity.segments[i] = b"--" + new + (b"--" if close else b"")
        changed = True
    return changed


# -- header fields --------------------------------------------------------------------------------
def _unfold(raw: bytes) -> bytes:
    return re.sub(rb"\n(?=[ \t])", b"", raw)


def _fold(raw: bytes, width: int, lead: bytes) -> bytes:
    """The field folded before whitespace so that lines are at most `width` long where it can
    (never inside a quoted string: a boundary may have a space in it)."""
    raw = _unfold(raw)
    out, line = [], b""
    quoted = False
    for word in re.split(rb"(?<=\S)(?=[ \t])", raw):
        if quoted:
            line += word
        elif line and len(line) + len(word) > width and word[:1] in (b" ", b"\t"):
            out.append(line)
            line = word if lead == b"" else lead + word[1:]
        else:
            line += word
        quoted ^= word.count(b'"') % 2 == 1
    out.append(line)
    return b"\n".join(out)


def _header_blocks(root: Entity):
    """Every header block: each entity's fields, and each field block of a delivery-status part
    (as (entity, index of the block)); yields lists that the caller changes in place."""
    for entity in root.walk():
        yield entity.fields
        if entity.content_type in _DSN_TYPES and entity.segments is None and entity.child is None:
            blocks = _dsn_blocks(entity)
            yield from blocks
            entity.extra["dsn"] = blocks


def _dsn_blocks(entity: Entity) -> list[list[bytes]]:
    if "dsn" in entity.extra:
        return entity.extra["dsn"]  # type: ignore[return-value]
    blocks: list[list[bytes]] = []
    body = entity.body
    entity.extra["dsn_lead"] = body[: len(body) - len(body.lstrip(b"\n"))]
    for chunk in re.split(rb"\n\n+", body.strip(b"\n")):
        fields: list[bytes] = []
        for line in chunk.split(b"\n"):
            if line[:1] in (b" ", b"\t") and fields:
                fields[-1] += b"\n" + line
            else:
                fields.append(line)
        blocks.append(fields)
    entity.extra["dsn"] = blocks
    return blocks


def _write_dsn(entity: Entity) -> None:
    """The delivery-status body again from its (changed) field blocks."""
    trailing = entity.body[len(entity.body.rstrip(b"\n")):]
    blocks = entity.extra.pop("dsn")
    entity.body = entity.extra.pop("dsn_lead") + b"\n\n".join(b"\n".join(b) for b in blocks) + trailing


def _headers(func: Callable[[list[bytes]], bool]) -> Callable[[Entity], bool]:
    def tree(root: Entity) -> bool:
        changed = False
        for block in list(_header_blocks(root)):
            changed |= func(block)
        for entity in root.walk():
            if "dsn" in entity.extra:
                _write_dsn(entity)
        return changed

    tree.__name__ = func.__name__
    return tree


def _each_field(change: Callable[[bytes], bytes]) -> Callable[[list[bytes]], bool]:
    def func(block: list[bytes]) -> bool:
        changed = False
        for i, raw in enumerate(block):
            if b":" not in raw.split(b"\n", 1)[0]:
                continue
            new = change(raw)
            if new != raw:
                block[i] = new
                changed = True
        return changed

    return func


def _rename(case: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def change(raw: bytes) -> bytes:
        name, colon, rest = raw.partition(b":")
        return case(name) + colon + rest

    return change


fold_narrow = _tree(_headers(_each_field(lambda raw: _fold(raw, 40, b" "))))
fold_tab = _tree(_headers(_each_field(lambda raw: _fold(raw, 60, b"\t"))))
unfold = _tree(_headers(_each_field(_unfold)))
names_lower = _tree(_headers(_each_field(_rename(bytes.lower))))
names_upper = _tree(_headers(_each_field(_rename(bytes.upper))))


def _dsn_only(func: Callable[[list[bytes]], bool]) -> Callable[[Entity], bool]:
    def tree(root: Entity) -> bool:
        changed = False
        for entity in root.walk():
            if entity.content_type in _DSN_TYPES and entity.segments is None:
                blocks = _dsn_blocks(entity)
                for block in blocks:
                    changed |= func(block)
                _write_dsn(entity)
        return changed

    tree.__name__ = func.__name__
    return tree


dsn_trailing_space = _tree(_dsn_only(_each_field(lambda raw: raw + b" ")))
dsn_trailing_tab = _tree(_dsn_only(_each_field(lambda raw: raw + b" \t")))


def crlf(data: bytes) -> bytes | None:
    return data.replace(b"\n", b"\r\n") if b"\n" in data else None


_RECEIVED = (b"Received: from relay.example.net (relay.example.net [192.0.2.25])\n\tby mx.example.org "
             b"(Postfix) with ESMTPS id 4ZqW1X2Y3Zz9sQ\n\tfor <postmaster@example.org>; "
             b"Sat, 28 Nov 2026 06:00:00 +0000 (UTC)")
_X_HEADERS = (b"X-Spam-Status: No, score=-0.1 required=5.0", b"X-Virus-Scanned: clamav-milter 1.0.7")


@_tree
def extra_received(root: Entity) -> bool:
    """One more Received field on top, as the next hop adds it (to a message that has a date of
    its own: with neither Date nor Received, the new field is the best evidence of its time)."""
    if root.value("Date") is None and root.value("Received") is None:
        return False
    root.fields.insert(0, _RECEIVED)
    return True


@_tree
def extra_x_headers(root: Entity) -> bool:
    """X- fields a filter adds, at the end of the header."""
    root.fields.extend(_X_HEADERS)
    return True


# -- dates ------------------------------------------------------------------------------------------
_DATE_FIELDS = ("date", "arrival-date", "last-attempt-date")
_ZONES = {0: b"GMT", -5 * 3600: b"EST", -4 * 3600: b"EDT", -6 * 3600: b"CST", -8 * 3600: b"PST",
          -7 * 3600: b"PDT"}


def _redate(style: str) -> Callable[[bytes], bytes]:
    def change(raw: bytes) -> bytes:
        name, _, value = _unfold(raw).partition(b":")
        if name.strip().lower().decode("latin-1") not in _DATE_FIELDS:
            return raw
        text = value.decode("latin-1").strip()
        parsed = email.utils.parsedate_tz(re.sub(r"\([^)]*\)", "", text))
        if parsed is None or parsed[9] is None:
            return raw
        y, mo, d, h, mi, s, _, _, _, offset = parsed
        if y < 100:
            return raw
        month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[mo - 1]
        sign = "-" if offset < 0 else "+"
        zone = "%s%02d%02d" % (sign, abs(offset) // 3600, abs(offset) % 3600 // 60)
        if style == "plain":
            out = "%d %s %d %02d:%02d:%02d %s" % (d, month, y, h, mi, s, zone)
        else:  # obsolete zone names where one exists, else a comment after the offset
            named = _ZONES.get(offset)
            out = "%02d %s %04d %02d:%02d:%02d %s" % (d, month, y, h, mi, s,
                                                     named.decode() if named else zone + " (local)")
        return name + b": " + out.encode()

    return change


date_plain = _tree(_headers(_each_field(_redate("plain"))))
date_zone_names = _tree(_headers(_each_field(_redate("named"))))


# -- the returned original -------------------------------------------------------------------------
@_tree
def original_headers_only(root: Entity) -> bool:
    """A returned message/rfc822 sent back as text/rfc822-headers: its header block only."""
    changed = False
    for entity in root.walk():
        if entity.content_type in ("message/rfc822", "message/global") and entity.child is not None:
            child = entity.child
            if child.content_type == "multipart/report":
                continue  # not the returned original: a report that was forwarded or nested
            ctype = entity.value("Content-Type") or b""
            entity.set_value("Content-Type", re.sub(rb"(?i)message/(rfc822|global)",
                                                    b"text/rfc822-headers", ctype, count=1))
            entity.child = None
            entity.body = b"\n".join(child.fields) + b"\n"
            changed = True
            break  # the first original only: a nested bounce's own original stays as it is
    return changed


@_tree
def original_full(root: Entity) -> bool:
    """A returned text/rfc822-headers sent back as message/rfc822, with an empty body."""
    for entity in root.walk():
        if entity.content_type in ("text/rfc822-headers", "message/rfc822-headers"):
            ctype = entity.value("Content-Type") or b""
            entity.set_value("Content-Type", re.sub(rb"(?i)(text|message)/rfc822-headers",
                                                    b"message/rfc822", ctype, count=1))
            if entity.cte in ("base64", "quoted-printable"):
                return False
            body = entity.body.rstrip(b"\n")
            entity.child = parse(body + b"\n\n")
            entity.body = b""
            return True
    return False


# -- charsets --------------------------------------------------------------------------------------
_LABELS_A = {"utf-8": "UTF8", "iso-2022-jp": "ISO-2022-JP", "shift_jis": "cp932", "euc-jp": "EUC-JP",
             "us-ascii": "US-ASCII", "iso-8859-1": "ISO-8859-1", "cp932": "Shift_JIS",
             "windows-31j": "Shift_JIS", "x-sjis": "Shift_JIS", "shift-jis": "x-sjis",
             "euc_jp": "EUC-JP", "x-euc-jp": "euc-jp", "utf8": "utf-8"}
_LABELS_B = {"utf-8": "\"UTF-8\"", "iso-2022-jp": "iso-2022-jp", "shift_jis": "x-sjis",
             "euc-jp": "x-euc-jp", "us-ascii": "ascii", "iso-8859-1": "latin1", "cp932": "x-sjis",
             "windows-31j": "x-sjis", "x-sjis": "Windows-31J", "shift-jis": "Shift_JIS",
             "x-euc-jp": "EUC-JP", "utf8": "UTF-8"}
_ENCODED_WORD = re.compile(rb"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")


def _relabel(table: dict[str, str]) -> Callable[[Entity], bool]:
    def func(root: Entity) -> bool:
        changed = False

        def word(m: re.Match[bytes]) -> bytes:
            nonlocal changed
            label = m.group(1).decode("latin-1")
            base, star, lang = label.partition("*")
            new = table.get(base.lower())
            if new is None:
                new = base.swapcase()
            new = new.strip('"')
            if new != base:
                changed = True
            return b"=?" + (new + star + lang).encode() + b"?" + m.group(2) + b"?" + m.group(3) + b"?="

        for entity in root.walk():
            for i, raw in enumerate(entity.fields):
                if b"=?" in raw:
                    entity.fields[i] = _ENCODED_WORD.sub(word, raw)
            charset = entity.charset
            if charset is None:
                continue
            new = table.get(charset.lower())
            if new is None or new.strip('"') == charset:
                continue
            value = entity.value("Content-Type") or b""
            entity.set_value("Content-Type", re.sub(
                rb'(?i)(charset\s*=\s*)(?:"[^"]*"|[^\s;"]+)', lambda m, new=new: m.group(1) + new.encode(), value, count=1))
            changed = True
        return changed

    return func


charset_labels_a = _tree(_relabel(_LABELS_A))
charset_labels_b = _tree(_relabel(_LABELS_B))

# -- Japanese text in another encoding ---------------------------------------------------------------
_JA_CODECS = {"iso-2022-jp": "iso2022_jp", "shift_jis": "cp932", "euc-jp": "euc_jp", "utf-8": "utf-8"}
_JA_LABELS = frozenset({"iso-2022-jp", "shift_jis", "shift-jis", "x-sjis", "cp932", "windows-31j",
                        "euc-jp", "x-euc-jp", "utf-8", "utf8"})
_JA_CHAR = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def _transcode(target: str, label: bool = True) -> Callable[[Entity], bool]:
    from bouncetui.decode.message import decode_bytes

    codec = _JA_CODECS[target]

    def func(root: Entity) -> bool:
        changed = False
        for entity in root.walk():
            if not _is_text_leaf(entity, root) or not entity.content_type.startswith("text/"):
                continue
            charset = (entity.charset or "").lower()
            if charset not in _JA_LABELS:
                continue
            text = decode_bytes(decoded_body(entity), charset)
            if not _JA_CHAR.search(text):
                continue
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                return False  # a character the target lacks: not the same text in that encoding
            if charset == target and label:
                continue
            cte = entity.cte if entity.cte in ("base64", "quoted-printable") else "8bit"
            if target == "iso-2022-jp" and cte == "8bit":
                cte = "7bit"
            _recode(entity, cte, data)
            value = entity.value("Content-Type") or b""
            entity.set_value("Content-Type", re.sub(
                rb'(?i);?\s*charset\s*=\s*(?:"[^"]*"|[^\s;"]+)',
                (b"; charset=" + target.encode()) if label else b"", value, count=1))
            changed = True
        return changed

    func.__name__ = "to_" + codec + ("" if label else "_unlabelled")
    return func


to_jis = _tree(_transcode("iso-2022-jp"))
to_sjis = _tree(_transcode("shift_jis"))
to_eucjp = _tree(_transcode("euc-jp"))
to_utf8 = _tree(_transcode("utf-8"))
to_jis_unlabelled = _tree(_transcode("iso-2022-jp", label=False))
to_sjis_unlabelled = _tree(_transcode("shift_jis", label=False))
to_eucjp_unlabelled = _tree(_transcode("euc-jp", label=False))


@_tree
def encoded_words_swap(root: Entity) -> bool:
    """Encoded words written in the other encoding (B as Q, Q as B), same charset and text."""
    changed = False

    def swap(m: re.Match[bytes]) -> bytes:
        nonlocal changed
        charset, kind, text = m.group(1), m.group(2).upper(), m.group(3)
        try:
            if kind == b"B":
                data = base64.b64decode(text + b"==", validate=False)
                new = b"Q", quopri.encodestring(data, header=True).replace(b"=\n", b"").replace(b"?", b"=3F")
            else:
                data = quopri.decodestring(text, header=True)
                new = b"B", base64.b64encode(data)
        except ValueError:
            return m.group(0)
        if b"\n" in new[1] or b" " in new[1]:
            return m.group(0)
        changed = True
        return b"=?" + charset + b"?" + new[0] + b"?" + new[1] + b"?="

    for entity in root.walk():
        for i, raw in enumerate(entity.fields):
            if b"=?" in raw:
                entity.fields[i] = _ENCODED_WORD.sub(swap, raw)
    return changed


TRANSFORMS: dict[str, Transform] = {
    "text_base64": text_base64,
    "text_qp": text_qp,
    "text_8bit": text_8bit,
    "boundaries": boundaries,
    "fold_narrow": fold_narrow,
    "fold_tab": fold_tab,
    "unfold": unfold,
    "names_lower": names_lower,
    "names_upper": names_upper,
    "crlf": crlf,
    "extra_received": extra_received,
    "extra_x_headers": extra_x_headers,
    "date_plain": date_plain,
    "date_zone_names": date_zone_names,
    "original_headers_only": original_headers_only,
    "original_full": original_full,
    "charset_labels_a": charset_labels_a,
    "charset_labels_b": charset_labels_b,
    "dsn_trailing_space": dsn_trailing_space,
    "dsn_trailing_tab": dsn_trailing_tab,
    "to_jis": to_jis,
    "to_sjis": to_sjis,
    "to_eucjp": to_eucjp,
    "to_utf8": to_utf8,
    "to_jis_unlabelled": to_jis_unlabelled,
    "to_sjis_unlabelled": to_sjis_unlabelled,
    "to_eucjp_unlabelled": to_eucjp_unlabelled,
    "encoded_words_swap": encoded_words_swap,
}


# -- more of what mailers do differently -------------------------------------------------------------
def _encode_crlf(root: Entity) -> bool:
    """Text parts in base64 with CRLF line ends inside (as Windows mailers encode them)."""
    changed = False
    for entity in root.walk():
        if not _is_text_leaf(entity, root):
            continue
        data = decoded_body(entity)
        if b"\n" not in data:
            continue
        _recode(entity, "base64", data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        changed = True
    return changed


text_base64_crlf = _tree(_encode_crlf)


@_tree
def mime_case(root: Entity) -> bool:
    """MIME types and parameter names in capitals ("Multipart/Report; Report-Type=Delivery-Status")."""
    changed = False
    for entity in root.walk():
        value = entity.value("Content-Type")
        if not value:
            continue

        def upper(m: re.Match[bytes]) -> bytes:
            return m.group(0).title()

        new = re.sub(rb"^[\w.+-]+/[\w.+-]+", upper, value)
        new = re.sub(rb"(?i)(?<=;)(\s*)(report-type|charset|boundary|name)(\s*=\s*)",
                     lambda m: m.group(1) + m.group(2).title() + m.group(3), new)
        new = re.sub(rb"(?i)(report-type\s*=\s*\"?)([\w-]+)", lambda m: m.group(1) + m.group(2).title(), new)
        if new != value:
            entity.set_value("Content-Type", new)
            changed = True
    return changed


_TYPED_FIELDS = (b"final-recipient", b"original-recipient", b"diagnostic-code", b"reporting-mta",
                 b"remote-mta", b"received-from-mta", b"x-actual-recipient", b"dsn-gateway")


def _typed(change: Callable[[bytes, bytes, bytes], bytes]) -> Callable[[bytes], bytes]:
    """A change of a DSN field of the form "Name: type; value" (address, MTA or diagnostic type)."""

    def func(raw: bytes) -> bytes:
        name, _, rest = raw.partition(b":")
        if name.strip().lower() not in _TYPED_FIELDS:
            return raw
        m = re.match(rb"(\s*)([\w.-]+)\s*;\s*", rest)
        if not m:
            return raw
        return name + b":" + m.group(1) + change(name, m.group(2), rest[m.end():])

    return func


dsn_tight = _tree(_dsn_only(_each_field(_typed(lambda name, kind, value: kind.upper() + b";" + value))))
dsn_loose = _tree(_dsn_only(_each_field(_typed(lambda name, kind, value: kind.lower() + b" ; " + value))))


def _reorder(block: list[bytes]) -> bool:
    """A field block's fields in reverse order (not a block that runs several recipients together,
    whose fields only their order assigns)."""
    if len(block) < 2 or sum(f[:16].lower() == b"final-recipient:" for f in block) > 1:
        return False
    block.reverse()
    return True


dsn_field_order = _tree(_dsn_only(_reorder))


@_tree
def dsn_blank_lines(root: Entity) -> bool:
    """Two blank lines between the field blocks of a delivery-status part, one before the first."""
    changed = False
    for entity in root.walk():
        if entity.content_type in _DSN_TYPES and entity.segments is None and b"\n\n" in entity.body:
            entity.body = b"\n" + re.sub(rb"\n\n+", b"\n\n\n", entity.body.strip(b"\n"), count=0) + b"\n"
            changed = True
    return changed


@_tree
def header_order(root: Entity) -> bool:
    """The bounce's own header fields in another order (Received fields keep theirs, on top)."""
    received = [f for f in root.fields if f[:9].lower() == b"received:"]
    others = [f for f in root.fields if f[:9].lower() != b"received:"]
    if len(others) < 2:
        return False
    root.fields[:] = received + others[::-1]
    return True


def mbox_from(data: bytes) -> bytes | None:
    """The message as an mbox stores it: a From_ line first, body lines starting "From " quoted."""
    if data.startswith(b"From "):
        return None
    return b"From MAILER-DAEMON  Sat Nov 28 06:00:00 2026\n" + re.sub(rb"(?m)^From ", b">From ", data)


@_tree
def headers_trailing_space(root: Entity) -> bool:
    """A blank at the end of every header line (of the bounce and of every part)."""
    changed = False
    for entity in root.walk():
        for i, raw in enumerate(entity.fields):
            entity.fields[i] = re.sub(rb"(?m)$", b" ", raw)
            changed = True
    return changed


@_tree
def wrap_alternative(root: Entity) -> bool:
    """The report's first text/plain part sent as multipart/alternative with an HTML rendition."""
    for entity in root.walk():
        if entity.segments is None:
            continue
        for i, sub in enumerate(entity.segments):
            if isinstance(sub, Entity) and sub.content_type in ("text/plain", "") and sub.segments is None:
                text = decoded_body(sub)
                html = Entity([b"Content-Type: text/html; charset=" + (sub.charset or "us-ascii").encode(),
                               b"Content-Transfer-Encoding: base64"], b"\n")
                escaped = text.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")
                _recode(html, "base64", b"<html><body><pre>" + escaped + b"</pre></body></html>\n")
                plain = Entity(list(sub.fields), sub.head_end, sub.body)
                outer = Entity([b'Content-Type: multipart/alternative; boundary="alt-42-boundary"'], b"\n")
                outer.segments = [b"", b"--alt-42-boundary", plain, b"--alt-42-boundary", html,
                                  b"--alt-42-boundary--", b"\n"]
                entity.segments[i] = outer
                return True
            if isinstance(sub, Entity) and sub.content_type != "text/plain":
                continue
        return False
    return False


@_tree
def no_report_type(root: Entity) -> bool:
    """multipart/report without its report-type parameter, as a few MTAs write it."""
    value = root.value("Content-Type")
    if not value or root.content_type != "multipart/report":
        return False
    root.set_value("Content-Type", re.sub(rb'(?i);\s*report-type\s*=\s*"?[\w-]+"?', b"", value))
    return True


@_tree
def drop_ascii_charset(root: Entity) -> bool:
    """"charset=us-ascii" left out (the default of text/plain)."""
    changed = False
    for entity in root.walk():
        value = entity.value("Content-Type")
        if value and re.search(rb'(?i)charset\s*=\s*"?us-ascii"?', value):
            entity.set_value("Content-Type", re.sub(rb'(?i);?\s*charset\s*=\s*"?us-ascii"?', b"", value))
            changed = True
    return changed


TRANSFORMS.update({
    "text_base64_crlf": text_base64_crlf,
    "mime_case": mime_case,
    "dsn_tight": dsn_tight,
    "dsn_loose": dsn_loose,
    "dsn_field_order": dsn_field_order,
    "dsn_blank_lines": dsn_blank_lines,
    "header_order": header_order,
    "mbox_from": mbox_from,
    "headers_trailing_space": headers_trailing_space,
    "wrap_alternative": wrap_alternative,
    "no_report_type": no_report_type,
    "drop_ascii_charset": drop_ascii_charset,
})
