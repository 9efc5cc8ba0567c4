"""Transformations of header fields: folding, the case of names, blanks, order, added fields,
the forms of dates, the spelling of a delivery-status part's fields (see `transforms`)."""

from __future__ import annotations

import base64
import email.utils
import quopri
import re
from collections.abc import Callable

from tests.generalization.entity import Entity, group_fields
from tests.generalization.entity import tree_transform as _tree

DSN_TYPES = ("message/delivery-status", "message/global-delivery-status")
_DSN_TYPES = DSN_TYPES
_HEADER_TYPES = ("text/rfc822-headers", "message/rfc822-headers", "message/global-headers")
_ENCODED_WORD = re.compile(rb"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")


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
    """Every header block: each entity's fields, each field block of a delivery-status part, and
    the returned headers of a text/rfc822-headers part; yields lists the caller changes in place."""
    for entity in root.walk():
        yield entity.fields
        if (entity.content_type in _DSN_TYPES + _HEADER_TYPES and entity.segments is None
                and entity.child is None and entity.cte in ("", "7bit", "8bit", "binary")):
            blocks = _dsn_blocks(entity)
            yield from blocks
            entity.extra["dsn"] = blocks


_FIELD_NAME = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*[ \t]*:")


def _with_bare_continuations(fields: list[bytes]) -> list[bytes]:
    """A line with no field name of its own kept with the field above it: the rest of a
    diagnostic a mailer wrapped without indenting it (it moves, or is refolded, with its field)."""
    out: list[bytes] = []
    for field in fields:
        if out and not _FIELD_NAME.match(field):
            out[-1] += b"\n" + field
        else:
            out.append(field)
    return out


def _dsn_blocks(entity: Entity) -> list[list[bytes]]:
    if "dsn" in entity.extra:
        return entity.extra["dsn"]  # type: ignore[return-value]
    blocks: list[list[bytes]] = []
    body = entity.body
    entity.extra["dsn_lead"] = body[: len(body) - len(body.lstrip(b"\n"))]
    for chunk in re.split(rb"\n\n+", body.strip(b"\n")):
        blocks.append(_with_bare_continuations(group_fields(chunk)))
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


_RECIPIENT_FIELDS = (b"final-recipient", b"original-recipient", b"x-actual-recipient")
dsn_angle = _tree(_dsn_only(_each_field(_typed(
    lambda name, kind, value: kind + b"; " + (b"<" + value.strip() + b">" if name.strip().lower() in _RECIPIENT_FIELDS
                                             and b"@" in value and b"<" not in value else value)))))
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
def subject_tag(root: Entity) -> bool:
    """A tag a gateway puts before the subject ("[EXTERNAL] Undelivered Mail ...")."""
    subject = root.value("Subject")
    if subject is None:
        return False
    root.set_value("Subject", b"[EXTERNAL] " + subject)
    return True


_ADDRESS = re.compile(rb"<([^<>\s]+@[^<>\s]+)>|([^\s<>\"(),;:]+@[^\s<>\"(),;:]+)")


_NAMED = re.compile(rb'^\s*(?P<name>"[^"]*"|[^<"]*?)\s*<(?P<address>[^<>\s]+@[^<>\s]+)>\s*$')


@_tree
def sender_encoded_name(root: Entity) -> bool:
    """The sender's display name as an RFC 2047 encoded word (as non-English mailers send it)."""
    value = root.value("From")
    named = _NAMED.match(value or b"")
    if not named or not named.group("name") or b"=?" in named.group("name"):
        return False
    name = named.group("name").strip(b'"')
    root.set_value("From", b"=?UTF-8?B?" + base64.b64encode(name) + b"?= <" + named.group("address") + b">")
    return True


@_tree
def drop_return_path(root: Entity) -> bool:
    """No Return-Path (a copy exported from an IMAP store or a client keeps none)."""
    kept = [f for f in root.fields if f[:12].lower() != b"return-path:"]
    if len(kept) == len(root.fields):
        return False
    root.fields[:] = kept
    return True


@_tree
def dispositions(root: Entity) -> bool:
    """A Content-Disposition and a Content-Description on every part that has none (as Exchange
    and gateways write them)."""
    changed = False
    for entity in root.walk():
        if entity is root or not entity.fields or entity.value("Content-Disposition") is not None:
            continue
        if entity.value("Content-Type") is None and entity.value("Content-Transfer-Encoding") is None:
            continue  # a message's own header (the returned original), not a part's
        kind = b"attachment" if entity.content_type.startswith("message/") else b"inline"
        entity.fields.append(b"Content-Disposition: " + kind)
        if entity.value("Content-Description") is None:
            entity.fields.append(b"Content-Description: " + entity.content_type.encode())
        changed = True
    return changed


@_tree
def subject_encoded(root: Entity) -> bool:
    """The whole Subject written as one UTF-8 encoded word, as a mailer does when the subject it
    quotes has any character beyond ASCII ("=?UTF-8?B?VW5kZWxpdmVyYWJsZTog...?=")."""
    value = root.value("Subject")
    if not value or b"=?" in value or not value.isascii():
        return False
    root.set_value("Subject", b"=?UTF-8?B?" + base64.b64encode(value) + b"?=")
    return True
