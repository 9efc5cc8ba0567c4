"""A byte-exact MIME tree for rewriting test messages: parse, change a part, write back.

`parse(data)` splits a message (LF line endings) into header fields and a body; a multipart body
into its preamble, its parts (each an Entity) and what follows the close delimiter; a message/*
part (not delivery-status) into the message it carries. `serialize(parse(data)) == data` for any
input, so a transformation changes only what it means to change.
"""

from __future__ import annotations

import base64
import quopri
import re
from collections.abc import Callable
from dataclasses import dataclass, field

_PARAM = r'(?i:%s)\s*=\s*(?:"([^"]*)"|([^\s;"]+))'
_BOUNDARY = re.compile(_PARAM % "boundary")
_CHARSET = re.compile(_PARAM % "charset")
_FIELD_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")


@dataclass
class Entity:
    """One message or body part. `fields` are the header fields as written, each with its folded
    continuation lines and without its final newline; `head_end` is what ends the header block
    ("\\n" for the blank line, "" when there is no body)."""

    fields: list[bytes]
    head_end: bytes
    body: bytes = b""
    # multipart: [preamble, delimiter line, Entity | bytes, delimiter line, ..., close, epilogue]
    segments: list[object] | None = None
    child: Entity | None = None  # the message a message/rfc822 (or message/global) part carries
    prefix: bytes = b""  # an mbox "From " line before the fields
    extra: dict[str, object] = field(default_factory=dict)

    # -- header access ----------------------------------------------------------------------------
    def field_name(self, index: int) -> bytes:
        return self.fields[index].split(b":", 1)[0].strip()

    def value(self, name: str) -> bytes | None:
        """The unfolded value of the first field called `name` (any case), or None."""
        lowered = name.lower().encode()
        for raw in self.fields:
            head, colon, rest = raw.partition(b":")
            if colon and head.strip().lower() == lowered:
                return re.sub(rb"\n(?=[ \t])", b"", rest).strip()
        return None

    def set_value(self, name: str, value: bytes) -> None:
        """Replace the first field called `name` (keeping its name as written), or add it."""
        lowered = name.lower().encode()
        for i, raw in enumerate(self.fields):
            head, colon, _ = raw.partition(b":")
            if colon and head.strip().lower() == lowered:
                self.fields[i] = head + b": " + value
                return
        self.fields.append(name.encode() + b": " + value)

    @property
    def content_type(self) -> str:
        value = self.value("Content-Type")
        if value is None:
            return ""
        return value.split(b";", 1)[0].strip().decode("ascii", "replace").lower()

    @property
    def charset(self) -> str | None:
        value = self.value("Content-Type")
        m = _CHARSET.search(value.decode("latin-1")) if value else None
        return (m.group(1) if m.group(1) is not None else m.group(2)) if m else None

    @property
    def cte(self) -> str:
        value = self.value("Content-Transfer-Encoding")
        return value.decode("ascii", "replace").strip().lower() if value else ""

    def walk(self):
        """This entity and every entity under it, depth first."""
        yield self
        for sub in self.parts():
            yield from sub.walk()
        if self.child is not None:
            yield from self.child.walk()

    def parts(self) -> list[Entity]:
        return [s for s in self.segments or () if isinstance(s, Entity)]

    @property
    def well_formed(self) -> bool:
        """Whether every header line is a field or a folded continuation line: a header with a line
        that is neither ends where a parser stops reading it, not at the blank line."""
        return all(_FIELD_LINE.match(raw) for raw in self.fields)


def group_fields(block: bytes) -> list[bytes]:
    """The lines of a header block, each field with its folded continuation lines."""
    fields: list[bytes] = []
    for line in block.split(b"\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += b"\n" + line
        else:
            fields.append(line)
    return fields


def _split_head(data: bytes) -> tuple[bytes, list[bytes], bytes, bytes]:
    """(From_ line, fields, head_end, body)."""
    prefix = b""
    if data.startswith(b"From "):
        nl = data.find(b"\n")
        if nl < 0:
            return data, [], b"", b""
        prefix, data = data[: nl + 1], data[nl + 1:]
    if data.startswith(b"\n"):
        return prefix, [], b"\n", data[1:]
    at = data.find(b"\n\n")
    if at < 0:
        head, head_end, body = data, b"", b""
    else:
        head, head_end, body = data[: at + 1], b"\n", data[at + 2:]
    fields = group_fields(head)
    # the split leaves one empty string after the last newline of the block
    if fields and fields[-1] == b"":
        fields.pop()
        fields_end_nl = True
    else:
        fields_end_nl = False
    if not fields_end_nl:
        head_end = b"\x00nonl"  # a block with no newline at its end: written back as it was
    return prefix, fields, head_end, body


def parse(data: bytes) -> Entity:
    prefix, fields, head_end, body = _split_head(data)
    entity = Entity(fields, head_end, body, prefix=prefix)
    ctype = entity.content_type
    if ctype.startswith("multipart/"):
        value = entity.value("Content-Type") or b""
        m = _BOUNDARY.search(value.decode("latin-1"))
        if m:
            boundary = (m.group(1) if m.group(1) is not None else m.group(2)).encode("latin-1")
            entity.segments = _split_multipart(body, boundary)
            entity.extra["boundary"] = boundary
    elif ctype in ("message/rfc822", "message/global") and entity.cte in ("", "7bit", "8bit", "binary"):
        # blank lines before the carried message's header (as X3 writes them) are kept before it,
        # not taken for an empty header with the header as its body
        lead = len(body) - len(body.lstrip(b"\n"))
        if lead and _FIELD_LINE.match(body[lead:]):
            entity.child = parse(body[lead:])
            entity.child.prefix = body[:lead] + entity.child.prefix
        else:
            entity.child = parse(body)
    return entity


def _split_multipart(body: bytes, boundary: bytes) -> list[object] | None:
    delimiter = re.compile(rb"^--" + re.escape(boundary) + rb"(--)?[ \t]*$", re.M)
    segments: list[object] = []
    pos = 0
    for m in delimiter.finditer(body):
        segments.append(body[pos: m.start()])
        segments.append(m.group(0))
        pos = m.end()
        if m.group(1):
            break
    else:
        if not segments:
            return None
    segments.append(body[pos:])
    # segments: [preamble, delim, seg, delim, seg, ..., delim, tail]; a seg between two delimiters
    # is "\n" + part + "\n"
    for i in range(2, len(segments) - 1, 2):
        seg = segments[i]
        if isinstance(seg, bytes) and seg.startswith(b"\n") and seg.endswith(b"\n") and len(seg) >= 2:
            segments[i] = parse(seg[1:-1])
    return segments


def serialize(entity: Entity) -> bytes:
    out = [entity.prefix]
    if entity.fields or entity.head_end not in (b"", b"\x00nonl"):
        head = b"\n".join(entity.fields)
        if entity.head_end == b"\x00nonl":
            out.append(head)
            return b"".join(out)
        out.append(head + (b"\n" if entity.fields else b""))
        out.append(entity.head_end)
    if entity.segments is not None:
        for seg in entity.segments:
            out.append(b"\n" + serialize(seg) + b"\n" if isinstance(seg, Entity) else seg)
    elif entity.child is not None:
        out.append(serialize(entity.child))
    else:
        out.append(entity.body)
    return b"".join(out)


def tree_transform(func: Callable[[Entity], bool]) -> Callable[[bytes], bytes | None]:
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


# -- the text of a part ----------------------------------------------------------------------------
_TEXT_CTES = ("", "7bit", "8bit", "binary", "base64", "quoted-printable")


def is_text_leaf(entity: Entity, root: Entity) -> bool:
    """Whether the entity is a text part with a body of its own (no parts, no message in it)."""
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


def recode(entity: Entity, cte: str, data: bytes) -> None:
    """The part's body set to `data` in the transfer encoding `cte` (its header saying so)."""
    if cte == "base64":
        encoded = base64.encodebytes(data).rstrip(b"\n")
    elif cte == "quoted-printable":
        # a CRLF of the text's canonical form is a line break of the encoded body, as it is for
        # any QP encoder (quopri would keep the CR, which a later CRLF conversion doubles)
        encoded = quopri.encodestring(data.replace(b"\r\n", b"\n"))
        if encoded.endswith(b"\n") and not data.endswith(b"\n"):
            encoded = encoded[:-1]
    else:
        encoded = data
    entity.body = encoded
    entity.set_value("Content-Transfer-Encoding", cte.encode())
    if entity.head_end == b"\x00nonl" or (entity.head_end == b"" and entity.body):
        entity.head_end = b"\n"
