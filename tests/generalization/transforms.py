"""What happens to a real copy of a bounce on its way, as functions of its bytes.

Each transformation takes a message (bytes, LF line endings) and returns the same message as
another mailer, relay or mail store would have written it (re-encoded, refolded, relabelled, ...),
or None when it has nothing to change in that message. None of them changes what the message
says: the records decoded from the result must be the records of the original.

TRANSFORMS maps a short name to each (EXPLORATORY holds those the decoders do not all survive
yet); those of header fields live in `headers`, those of people, lists and mail stores (forwards,
footers, From_ lines, parameter forms, ...) in `copies`, the MIME tree they work on in `entity`.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

from tests.generalization import headers as h
from tests.generalization.entity import Entity, decoded_body, parse
from tests.generalization.entity import is_text_leaf as _is_text_leaf
from tests.generalization.entity import recode as _recode
from tests.generalization.entity import tree_transform as _tree

Transform = Callable[[bytes], "bytes | None"]
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


def crlf(data: bytes) -> bytes | None:
    return data.replace(b"\n", b"\r\n") if b"\n" in data else None


# -- the returned original -------------------------------------------------------------------------
@_tree
def original_headers_only(root: Entity) -> bool:
    """A returned message/rfc822 sent back as text/rfc822-headers: its header block only."""
    changed = False
    for entity in root.walk():
        if entity.content_type in ("message/rfc822", "message/global") and entity.child is not None:
            child = entity.child
            if child.content_type == "multipart/report" or any(
                    e.content_type in h.DSN_TYPES for e in child.walk()):
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


def _reword(m: re.Match[bytes], target: str, codec: str) -> bytes:
    """An encoded word with Japanese text, written again in the target charset (B encoding)."""
    from bouncetui.decode.message import decode_header

    text = decode_header(m.group(0).decode("ascii"))
    if not _JA_CHAR.search(text):
        return m.group(0)
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return m.group(0)
    return b"=?" + target.upper().encode() + b"?B?" + base64.b64encode(data) + b"?="


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
        if changed:
            for entity in root.walk():
                for i, raw in enumerate(entity.fields):
                    if b"=?" in raw:
                        entity.fields[i] = _ENCODED_WORD.sub(lambda m: _reword(m, target, codec), raw)
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


def mbox_from(data: bytes) -> bytes | None:
    """The message as an mbox stores it: a From_ line first, body lines starting "From " quoted."""
    if data.startswith(b"From "):
        return None
    return b"From MAILER-DAEMON  Sat Nov 28 06:00:00 2026\n" + re.sub(rb"(?m)^From ", b">From ", data)


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


def forward_attached(data: bytes) -> bytes | None:
    """The bounce forwarded by a person, attached whole as message/rfc822 ("Fwd: ...")."""
    root = parse(data)
    subject = root.value("Subject") or b""
    if root.prefix or re.match(rb"(?i)\s*fwd?:", subject):
        return None  # a forward forwarded again is unwrapped once, not twice
    return (b"From: Ops Person <ops@example.org>\nTo: mailadmin@example.org\nSubject: Fwd: " + subject +
            b"\nDate: Sat, 28 Nov 2026 06:00:00 +0000\nMessage-ID: <fwd-1@example.org>\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/mixed; boundary="fwd-42"\n\n--fwd-42\nContent-Type: text/plain\n\n'
            b"See the bounce below.\n\n--fwd-42\nContent-Type: message/rfc822\n\n" + data.rstrip(b"\n") +
            b"\n\n--fwd-42--\n")


# Lines a mailer copies as it got them rather than writes: a session transcript (">>> RCPT TO:<a>",
# "<<< 550 ...", Sendmail's "<a>... Deferred: ..." or "<a>,<b>... Deferred: ..." for recipients
# delivered together), a remote server's reply line ("550-5.1.1 ...").
# A field ("Name: value") is wrapped as a field is folded, its continuation indented by a blank.
_COPIED = re.compile(rb"^\s*(?:>>>|<<<|\d{3}[ -]|<[^<>\s]+>(?:,<[^<>\s]+>)*\.\.\. )")
_FIELD = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")


def _rewrap(text: bytes, width: int) -> bytes:
    out = []
    for line in text.split(b"\n"):
        if _COPIED.match(line):
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(b" \t"))]
        more = indent + b" " if _FIELD.match(line) else indent
        while len(line) > width:
            cut = line.rfind(b" ", len(indent) + 1, width)
            if cut <= len(indent):
                break
            out.append(line[:cut])
            line = more + line[cut + 1:]
        out.append(line)
    return b"\n".join(out)


def _rewrap_notice(width: int) -> Callable[[Entity], bool]:
    def func(root: Entity) -> bool:
        changed = False
        for entity in root.walk():
            if entity.child is not None:
                break  # the returned original and what follows it
            if not _is_text_leaf(entity, root) or entity.content_type not in ("text/plain", ""):
                continue
            if b"attachment" in (entity.value("Content-Disposition") or b"").lower():
                continue  # a file (the original's headers saved as text): no mailer wraps it
            if entity is root:
                return False  # a text-only notice: its original follows in the same text
            data = decoded_body(entity)
            wrapped = _rewrap(data, width)
            if wrapped != data:
                _recode(entity, entity.cte if entity.cte in ("base64", "quoted-printable") else "8bit", wrapped)
                changed = True
        return changed

    func.__doc__ = """The report's human-readable text wrapped at %d columns, each continuation indented as its
    line (as another version of the mailer, or a relay's 8bit-to-7bit conversion, writes it); the
    returned original and attached files left as they are.""" % width
    return func


rewrap_text = _tree(_rewrap_notice(60))
rewrap_40 = _tree(_rewrap_notice(40))
rewrap_72 = _tree(_rewrap_notice(72))


TRANSFORMS: dict[str, Transform] = {
    "text_base64": text_base64,
    "text_qp": text_qp,
    "text_8bit": text_8bit,
    "boundaries": boundaries,
    "fold_narrow": h.fold_narrow,
    "fold_tab": h.fold_tab,
    "unfold": h.unfold,
    "names_lower": h.names_lower,
    "names_upper": h.names_upper,
    "crlf": crlf,
    "extra_received": h.extra_received,
    "extra_x_headers": h.extra_x_headers,
    "date_plain": h.date_plain,
    "date_zone_names": h.date_zone_names,
    "original_headers_only": original_headers_only,
    "original_full": original_full,
    "charset_labels_a": charset_labels_a,
    "charset_labels_b": charset_labels_b,
    "dsn_trailing_space": h.dsn_trailing_space,
    "dsn_trailing_tab": h.dsn_trailing_tab,
    "to_jis": to_jis,
    "to_sjis": to_sjis,
    "to_eucjp": to_eucjp,
    "to_utf8": to_utf8,
    "to_jis_unlabelled": to_jis_unlabelled,
    "to_sjis_unlabelled": to_sjis_unlabelled,
    "to_eucjp_unlabelled": to_eucjp_unlabelled,
    "encoded_words_swap": h.encoded_words_swap,
    "text_base64_crlf": text_base64_crlf,
    "mime_case": mime_case,
    "dsn_tight": h.dsn_tight,
    "dsn_loose": h.dsn_loose,
    "dsn_field_order": h.dsn_field_order,
    "dsn_blank_lines": h.dsn_blank_lines,
    "header_order": h.header_order,
    "mbox_from": mbox_from,
    "headers_trailing_space": h.headers_trailing_space,
    "wrap_alternative": wrap_alternative,
    "no_report_type": no_report_type,
    "drop_ascii_charset": drop_ascii_charset,
    "rewrap_text": rewrap_text,
    "rewrap_72": rewrap_72,
    "rewrap_40": rewrap_40,
    "subject_tag": h.subject_tag,
    "subject_encoded": h.subject_encoded,
    "sender_encoded_name": h.sender_encoded_name,
    "drop_return_path": h.drop_return_path,
    "dispositions": h.dispositions,
    "forward_attached": forward_attached,
}

# Changes of another kind: what another version of the mailer might write, which the decoders do
# not all survive yet (survey.py runs them; the tests do not).
EXPLORATORY: dict[str, Transform] = {}


@_tree
def dsn_as_text(root: Entity) -> bool:
    """The delivery-status part as a text attachment ("details.txt"), as some clients and
    archivers save a report they do not know."""
    changed = False
    for entity in root.walk():
        if entity.content_type == "message/delivery-status" and entity.segments is None and entity.well_formed:
            entity.set_value("Content-Type", b'text/plain; charset=us-ascii; name="details.txt"')
            entity.fields.append(b'Content-Disposition: attachment; filename="details.txt"')
            changed = True
    return changed


TRANSFORMS["dsn_as_text"] = dsn_as_text


_STRUCTURE = (b"content-type", b"content-transfer-encoding")


@_tree
def wrap_mixed_footer(root: Entity) -> bool:
    """A multipart report put inside a multipart/mixed with a gateway's footer part after it."""
    if root.segments is None or not root.content_type.startswith("multipart/"):
        return False
    inner = Entity([f for f in root.fields if f.split(b":")[0].lower() in _STRUCTURE], b"\n", root.body,
                   segments=root.segments, extra=dict(root.extra))
    footer = Entity([b"Content-Type: text/plain; charset=us-ascii"], b"\n",
                    b"This message was scanned for viruses by the gateway of example.org.")
    root.fields[:] = [f for f in root.fields if f.split(b":")[0].lower() not in _STRUCTURE]
    root.fields.append(b'Content-Type: multipart/mixed; boundary="gw-footer-42"')
    root.segments = [b"", b"--gw-footer-42", inner, b"--gw-footer-42", footer, b"--gw-footer-42--", b"\n"]
    return True


TRANSFORMS["wrap_mixed_footer"] = wrap_mixed_footer


@_tree
def dsn_base64(root: Entity) -> bool:
    """The delivery-status part's fields sent in base64, as RFC 6533 allows for
    message/global-delivery-status and some MTAs do for message/delivery-status too."""
    changed = False
    for entity in root.walk():
        if (entity.content_type in h.DSN_TYPES and entity.segments is None and entity.cte in ("", "7bit", "8bit")
                and entity.well_formed):
            _recode(entity, "base64", entity.body)
            changed = True
    return changed


TRANSFORMS["dsn_base64"] = dsn_base64


# What people, lists and mail stores do to a copy (see `copies`)
from tests.generalization.copies import COPIES, EXPLORATORY_COPIES  # noqa: E402 - after the ones above

for _name, _func in COPIES.items():
    (EXPLORATORY if _name in EXPLORATORY_COPIES else TRANSFORMS)[_name] = _func
