"""What people, lists and mail stores do to a copy of a bounce, as functions of its bytes (see
`transforms`, which registers them): forwarded by a person (attached or inline), a list's footer
added to its text, stored with a From_ line or mboxrd quoting or a reader's status fields,
Content-Type parameters written in other legal forms, header fields a local delivery adds or
repeats, the names in the returned original encoded, Western text sent without a charset.

Each returns None when it has nothing to change in the message.
"""

from __future__ import annotations

import base64
import re
from email.errors import HeaderParseError
from email.header import decode_header, make_header

from tests.generalization import headers as h
from tests.generalization.entity import (
    Entity,
    decoded_body,
    is_text_leaf,
    parse,
    recode,
    serialize,
    tree_transform,
)

# -- forwarded by a person ---------------------------------------------------------------------------
_FORWARDED = re.compile(rb"(?i)\s*(?:fwd?|tr|wg|rv|i):")


def _notice_text(root: Entity) -> tuple[Entity | None, bytes]:
    """(the part holding the notice's text, its decoded text): the first text/plain part, or the
    message itself when it is a single text part."""
    for entity in root.walk():
        if entity.child is not None:
            break  # the returned original and what follows it
        if is_text_leaf(entity, root) and entity.content_type in ("text/plain", ""):
            return entity, decoded_body(entity)
    return None, b""


# A date as RFC 5322 writes it (day, month, year, time), what the forward's block carries
_RFC_DATE = re.compile(rb"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4}\s+\d{1,2}:\d{2}", re.I)
_AUTO_REPLY_FIELDS = ("Auto-Submitted", "Precedence", "X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")
_ADDRESS = re.compile(rb"[^\s<>,;\"]+@[^\s<>,;\"]+")
# A Received field with its folded lines (the envelope recipient in its "for" clause is no To)
_RECEIVED = re.compile(rb"^Received:.*(?:\n[ \t].*)*", re.I | re.M)


def _decoded_subject(subject: bytes) -> bytes:
    try:
        return str(make_header(decode_header(subject.decode("latin-1")))).encode("utf-8")
    except (LookupError, UnicodeError, ValueError, HeaderParseError):
        return subject


def forward_loss(data: bytes) -> str | None:
    """Why the records of this message cannot survive an inline forward, or None. A forward shows
    the notice's From, Date, Subject and To and its text; what a record takes from any other header
    field is lost with it:

    - no From field of its own (a broken header): the forward's block has no sender line, and
      without one it is no forwarded message;
    - no Date field in RFC 5322 form: the notice's time came from its Received fields (or from
      the client's own date form, "Thursday, April 09, 2003 9:00 AM", whose zone a forward's
      reader cannot tell from the forwarder's);
    - a recipient named only in X-Failed-Recipients: the text (and a copy of the returned message
      quoted in it, Received fields aside) shows nothing of it, as Gmail's "Send mail as" notices
      do, or lists it by its local part alone, as Exim does;
    - an auto-reply or an unsubscribe request, which is one by its header fields (RFC 3834's
      Auto-Submitted and Precedence, Apple Mail's X-Apple-Unsubscribe): its text alone is a person's;
    - the addresser taken from the envelope recipient a local delivery wrote (X-Original-To) when
      the notice has no To field."""
    root = parse(data)
    if root.value("From") is None:
        return "no From field"
    date = root.value("Date")
    if date is None or not _RFC_DATE.search(date):
        return "no Date field in RFC 5322 form"
    failed = root.value("X-Failed-Recipients")
    if failed:
        _, text = _notice_text(root)
        shown = _RECEIVED.sub(b"", text).lower()
        lines = {line.strip() for line in shown.split(b"\n")}
        for address in _ADDRESS.findall(failed):
            if address.lower() not in shown or address.lower().split(b"@")[0] in lines:
                return "a recipient named only in X-Failed-Recipients"
    if (root.value("X-Apple-Unsubscribe") or b"").lower() == b"true":
        return "an unsubscribe request by its header field"
    if any(root.value(name) is not None for name in _AUTO_REPLY_FIELDS):
        from bouncetui.decode import decode

        if any(record.decodedby == "RFC3834" for record in decode(data)):
            return "an auto-reply by its header fields"
    if root.value("To") is None and root.value("X-Original-To") is not None:
        return "the addresser only in X-Original-To"
    return None


def forward_inline(data: bytes) -> bytes | None:
    """`forward_inline_all` of a message whose records a forward can keep (see `forward_loss`)."""
    return None if forward_loss(data) else forward_inline_all(data)


def _parts(entity: Entity) -> list[Entity]:
    """The parts of a multipart, the last one of a multipart cut short (no close delimiter) too."""
    parts = entity.parts()
    segments = entity.segments
    if segments is not None and len(segments) > 2 and not bytes(segments[-2]).endswith(b"--"):
        tail = segments[-1]
        if isinstance(tail, bytes) and tail.strip():
            parts.append(parse(tail[1:] if tail.startswith(b"\n") else tail))
    return parts


def _attachments(entity: Entity, text: Entity) -> list[Entity]:
    """The parts a client attaches to its forward of `entity`, the notice's `text` shown inline:
    every part but that one, a multipart holding it opened (a multipart/alternative or /related
    holding it left out: its HTML twin and inline images are the text the forward replaces)."""
    found: list[Entity] = []
    for sub in _parts(entity):
        if sub is text:
            continue
        if any(e is text for e in sub.walk()):
            if sub.content_type not in ("multipart/alternative", "multipart/related"):
                found += _attachments(sub, text)
            continue
        found.append(sub)
    return found


def forward_inline_all(data: bytes) -> bytes | None:
    """The bounce forwarded inline by a person (as Gmail and Thunderbird write it): a new message
    whose text is the notice's text below a "Forwarded message" block of its header fields, and
    whose other parts (the delivery-status, the returned original) follow as they were."""
    root = parse(data)
    subject = root.value("Subject") or b""
    if root.prefix or _FORWARDED.match(_decoded_subject(subject)):
        return None  # a forward already (its subject perhaps encoded: "=?utf-8?B?Rlc6...?=")
    part, text = _notice_text(root)
    if part is None or not text.strip():
        return None
    text = text.replace(b"\r\n", b"\n")  # the text as the client shows it (a base64 body may hold CRLF)
    charset = (part.charset or "us-ascii").encode()
    head = b"".join(b"%s: %s\n" % (name.encode(), root.value(name)) for name in ("From", "Date", "Subject", "To")
                    if root.value(name) is not None)
    intro = (b"Could you check this one?\n\n---------- Forwarded message ---------\n" + head + b"\n" +
             text.rstrip(b"\n") + b"\n")
    others = _attachments(root, part)
    out = Entity([b"From: Ops Person <ops@example.org>", b"To: helpdesk@example.org", b"Subject: Fwd: " + subject,
                  b"Date: Sat, 28 Nov 2026 06:00:00 +0000", b"Message-ID: <fwd-inline-1@example.org>",
                  b"MIME-Version: 1.0", b'Content-Type: multipart/mixed; boundary="fwd-inline-42"'], b"\n")
    body = Entity([b"Content-Type: text/plain; charset=" + charset], b"\n")
    recode(body, "8bit" if not text.isascii() else "7bit", intro)
    segments: list[object] = [b"", b"--fwd-inline-42", body]
    for other in others:
        segments += [b"--fwd-inline-42", other]
    out.segments = segments + [b"--fwd-inline-42--", b"\n"]
    return serialize(out)


# -- a list's footer -----------------------------------------------------------------------------------
_FOOTER = (b"\n_______________________________________________\nops mailing list -- ops@lists.example.org\n"
           b"To unsubscribe send an email to ops-leave@lists.example.org\n")


@tree_transform
def list_footer(root: Entity) -> bool:
    """A mailing list's footer appended to the notice's text (Mailman, where the bounce went to a
    list address), re-encoded as the part was."""
    part, text = _notice_text(root)
    if part is None or part is root:
        return False  # a text-only notice: its original follows in the same text
    recode(part, part.cte if part.cte in ("base64", "quoted-printable") else "8bit", text.rstrip(b"\n") + b"\n" + _FOOTER)
    return True


# -- mail stores ---------------------------------------------------------------------------------------
_FROM_LINE = b"From MAILER-DAEMON Sat Nov 28 06:00:00 2026\n"


def maildir_from_line(data: bytes) -> bytes | None:
    """A From_ line on top of a Maildir file (procmail, getmail and a few converters leave it),
    the body's own "From " lines unquoted."""
    return None if data.startswith(b"From ") else _FROM_LINE + data


def mboxrd(data: bytes) -> bytes | None:
    """The message as an mboxrd file stores it: a From_ line first, and every body line of the form
    ">*From " one ">" deeper (lines quoted already, ">From ", become ">>From ")."""
    if data.startswith(b"From "):
        return None
    return _FROM_LINE + re.sub(rb"(?m)^(>*From )", rb">\1", data)


@tree_transform
def reader_status(root: Entity) -> bool:
    """The fields a mail reader or an mbox-backed server writes into a stored message: Status,
    X-Status, X-Keywords, X-UID, a Content-Length and a Lines count of its body."""
    root.fields += [b"Status: RO", b"X-Status: A", b"X-Keywords: $Bounce", b"X-UID: 42",
                    b"Content-Length: 1234", b"Lines: 56"]
    return True


# -- Content-Type parameters ----------------------------------------------------------------------------
_PARAMS = re.compile(rb'(;\s*)([\w-]+)(\s*=\s*)("[^"]*"|[^\s;"]+)')
_TOKEN = re.compile(rb"^[A-Za-z0-9!#$%&'*+.^_`{|}~-]+$")


def _params(change) -> object:  # noqa: ANN001 - a function of (name, value) to a value
    def func(root: Entity) -> bool:
        changed = False
        for entity in root.walk():
            value = entity.value("Content-Type")
            if not value:
                continue

            def one(m: re.Match[bytes]) -> bytes:
                return m.group(1) + m.group(2) + m.group(3) + change(m.group(2).lower(), m.group(4))

            new = _PARAMS.sub(one, value)
            if new != value:
                entity.set_value("Content-Type", new)
                changed = True
        return changed

    return func


params_quoted = tree_transform(_params(lambda name, value: value if value.startswith(b'"') else b'"' + value + b'"'))
params_unquoted = tree_transform(_params(
    lambda name, value: value[1:-1] if value.startswith(b'"') and _TOKEN.match(value[1:-1]) else value))


@tree_transform
def boundary_continued(root: Entity) -> bool:
    """Each multipart boundary written as RFC 2231 continuations (boundary*0="..."; boundary*1=...)."""
    changed = False
    for entity in root.walk():
        if entity.segments is None:
            continue
        boundary = entity.extra["boundary"]
        if len(boundary) < 4:
            continue
        half = len(boundary) // 2
        value = entity.value("Content-Type") or b""
        continued = b'boundary*0="' + boundary[:half] + b'";\n\tboundary*1="' + boundary[half:] + b'"'
        new = re.sub(rb'(?i)boundary\s*=\s*(?:"[^"]*"|[^\s;"]+)', lambda m, c=continued: c, value, count=1)
        if new != value:
            entity.set_value("Content-Type", new)
            changed = True
    return changed


@tree_transform
def charset_extended(root: Entity) -> bool:
    """A file name in RFC 2231's extended form (name*=utf-8''r%C3%A9sum%C3%A9.txt) on every text
    part, as mailers write a name beyond ASCII."""
    changed = False
    for entity in root.walk():
        if not is_text_leaf(entity, root) or entity is root or not entity.fields:
            continue
        value = entity.value("Content-Type") or b"text/plain"
        entity.set_value("Content-Type", value + b"; name*=utf-8''r%C3%A9sum%C3%A9.txt")
        changed = True
    return changed


@tree_transform
def mime_upper(root: Entity) -> bool:
    """MIME types and parameter names in capitals ("MESSAGE/DELIVERY-STATUS", "CHARSET=")."""
    changed = False
    for entity in root.walk():
        value = entity.value("Content-Type")
        if not value:
            continue
        new = re.sub(rb"^[\w.+-]+/[\w.+-]+", lambda m: m.group(0).upper(), value)
        new = re.sub(rb"(?i)(?<=;)(\s*)(report-type|charset|name)(\s*=\s*)",
                     lambda m: m.group(1) + m.group(2).upper() + m.group(3), new)
        new = re.sub(rb"(?i)(report-type\s*=\s*\"?)([\w-]+)", lambda m: m.group(1) + m.group(2).upper(), new)
        if new != value:
            entity.set_value("Content-Type", new)
            changed = True
    return changed


# -- header fields ----------------------------------------------------------------------------------------
@tree_transform
def local_delivery(root: Entity) -> bool:
    """The fields a local delivery agent puts on top (Postfix's local(8), Dovecot's LDA): the
    Return-Path (moved there when the message has one), X-Original-To and Delivered-To."""
    to = root.value("To")
    if not to or root.value("X-Original-To") is not None or root.value("Delivered-To") is not None:
        return False  # whom it was delivered to is not known, or said already
    moved = [f for f in root.fields if f[:12].lower() == b"return-path:"][:1]
    rest = [f for f in root.fields if f not in moved]
    root.fields[:] = moved + [b"X-Original-To: " + to, b"Delivered-To: " + to] + rest
    return True


@tree_transform
def to_as_x_original_to(root: Entity) -> bool:
    """No To field, only X-Original-To with its address (a copy whose To a filter dropped; not a
    message that has an X-Original-To or Delivered-To of its own, whose address may be another)."""
    if root.value("X-Original-To") is not None or root.value("Delivered-To") is not None:
        return False
    for i, raw in enumerate(root.fields):
        name, colon, rest = raw.partition(b":")
        if colon and name.strip().lower() == b"to":
            root.fields[i] = b"X-Original-To:" + rest
            return True
    return False


_REPEATED = ("Date", "From", "Subject", "Message-ID", "MIME-Version")


@tree_transform
def duplicate_headers(root: Entity) -> bool:
    """Date, From, Subject, Message-ID and MIME-Version written twice with the same value (as a
    broken relay or a list manager re-adding its fields leaves them)."""
    copies = []
    for name in _REPEATED:
        for raw in root.fields:
            head, colon, _ = raw.partition(b":")
            if colon and head.strip().lower() == name.lower().encode():
                copies.append(raw)
                break
    root.fields += copies
    return bool(copies)


_ADDRESS_FIELDS = (b"from", b"to", b"cc")
_BARE = re.compile(rb"^\s*<?([^<>\s,]+@[^<>\s,]+?)>?\s*$")
_NAMED = re.compile(rb'^\s*(?P<name>"[^"]*"|[^<"=]*?)\s*<(?P<address>[^<>\s]+@[^<>\s]+)>\s*$')


def _encoded(name: bytes) -> bytes:
    return b"=?UTF-8?B?" + base64.b64encode(name) + b"?="


@tree_transform
def original_names_encoded(root: Entity) -> bool:
    """In the returned original's header (a message/rfc822 part or text/rfc822-headers), From, To
    and Cc with RFC 2047 encoded display names: a name that was there, encoded, and a Japanese
    name before a bare address."""
    changed = False
    for entity in root.walk():
        if entity is root:
            continue
        fields = entity.fields if entity.content_type not in ("text/rfc822-headers",) else None
        if entity.content_type == "text/rfc822-headers" and entity.cte in ("", "7bit", "8bit"):
            lines = entity.body.split(b"\n")
            fields = lines
        if not fields:
            continue
        for i, raw in enumerate(fields):
            name, colon, rest = raw.partition(b":")
            if not colon or name.strip().lower() not in _ADDRESS_FIELDS or b"\n" in raw or b"=?" in rest:
                continue
            named, bare = _NAMED.match(rest), _BARE.match(rest)
            if named and named.group("name").strip(b'" '):
                new = _encoded(named.group("name").strip(b'" ')) + b" <" + named.group("address") + b">"
            elif bare:
                new = _encoded("山田 花子".encode()) + b" <" + bare.group(1) + b">"
            else:
                continue
            fields[i] = name + b": " + new
            changed = True
        if entity.content_type == "text/rfc822-headers" and fields is not None:
            entity.body = b"\n".join(fields)
    return changed


# -- Western text without a charset -----------------------------------------------------------------------
_WESTERN_LABELS = ("iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "cp1252", "utf-8", "us-ascii")


@tree_transform
def latin1_unlabelled(root: Entity) -> bool:
    """Western text parts (labelled Latin-1, Windows-1252 or UTF-8, with accented letters) sent in
    Latin-1 as 8-bit text with no charset (as an old gateway strips the label)."""
    from bouncetui.decode.message import decode_bytes

    changed = False
    for entity in root.walk():
        if entity.child is not None:
            break
        if not is_text_leaf(entity, root) or entity.content_type not in ("text/plain", ""):
            continue
        charset = (entity.charset or "").lower()
        if charset not in _WESTERN_LABELS:
            continue
        text = decode_bytes(decoded_body(entity), charset)
        if text.isascii():
            continue
        try:
            data = text.encode("latin-1")
        except UnicodeEncodeError:
            continue
        recode(entity, "8bit", data)
        value = entity.value("Content-Type")
        if value is not None:
            entity.set_value("Content-Type", re.sub(rb'(?i);?\s*charset\s*=\s*(?:"[^"]*"|[^\s;"]+)', b"", value))
        changed = True
    return changed


# -- the end of the file ------------------------------------------------------------------------------------
def trailing_blank_lines(data: bytes) -> bytes | None:
    """Blank lines after the message's end (a store that pads, or a cut-and-paste)."""
    return data + b"\n\n\n"


def no_final_newline(data: bytes) -> bytes | None:
    """No line break after the last line."""
    return data.rstrip(b"\n") if data.endswith(b"\n") else None


@tree_transform
def text_base64_one_line(root: Entity) -> bool:
    """Text parts in base64 on one long line (as some web mailers write it)."""
    changed = False
    for entity in root.walk():
        if not is_text_leaf(entity, root) or entity is root and not root.fields:
            continue
        data = decoded_body(entity)
        entity.body = base64.b64encode(data)
        entity.set_value("Content-Transfer-Encoding", b"base64")
        changed = True
    return changed


@tree_transform
def preamble(root: Entity) -> bool:
    """A multipart's preamble replaced by the usual sentence (or added where there was none)."""
    changed = False
    for entity in root.walk():
        if entity.segments is not None:
            entity.segments[0] = b"This is a multi-part message in MIME format.\n"
            changed = True
    return changed


# -- what the receiving side and the stores add ---------------------------------------------------------
_RECEIVING = [
    b"ARC-Seal: i=1; a=rsa-sha256; t=1795845600; cv=none; d=google.com; s=arc-20240605;\n"
    b"        b=Kx7pQm2VfB9nR4tW1yZ3aC5eG7iK9mO1qS3uW5yA7cE9gI1kM3oQ5sU7wY9aC1eG3i\n"
    b"         K5mO7qS9uW1yA3cE5gI7kM9oQ1sU3wY5aC7eG9iK1mO3qS5uW7yA9cE1gI3kM5oQ7s==",
    b"ARC-Authentication-Results: i=1; mx.google.com;\n       spf=pass (google.com: domain of postmaster@example.org"
    b" designates 192.0.2.1 as permitted sender) smtp.mailfrom=postmaster@example.org",
    b"Authentication-Results: mx.example.org; dkim=none; spf=none smtp.mailfrom=<>; dmarc=none",
    b"X-Google-Smtp-Source: AGHT+IHk3vQ9mR1pZ7xW2yT5uV8sN4bC6dF0gJ3hK7lM9nP1qR5sT8uW2yZ4aB6cD8eF0gH",
]


@tree_transform
def receiving_server_headers(root: Entity) -> bool:
    """The long folded fields a receiving provider puts on top (ARC, Authentication-Results, its
    own trace fields)."""
    root.fields[:0] = _RECEIVING
    return True


@tree_transform
def mozilla_status(root: Entity) -> bool:
    """Thunderbird's fields on top of a message it stored: X-Mozilla-Status, X-Mozilla-Status2 and
    an X-Mozilla-Keys padded with blanks."""
    root.fields[:0] = [b"X-Mozilla-Status: 0001", b"X-Mozilla-Status2: 00000000", b"X-Mozilla-Keys: " + b" " * 80]
    return True


def takeout(data: bytes) -> bytes | None:
    """The message as a Google Takeout mbox holds it: a From_ line of Gmail's own form, its thread
    and labels fields on top, body "From " lines quoted."""
    if data.startswith(b"From "):
        return None
    return (b"From 1795845600123456789@xxx Sat Nov 28 06:00:00 +0000 2026\nX-GM-THRID: 1795845600123456789\n"
            b"X-Gmail-Labels: Inbox,Opened,Category Updates\n" + re.sub(rb"(?m)^From ", b">From ", data))


def _commented(field: bytes, comment: bytes):  # noqa: ANN202 - a tree transformation
    def func(root: Entity) -> bool:
        changed = False
        for entity in root.walk():
            for i, raw in enumerate(entity.fields):
                name, colon, _ = raw.partition(b":")
                if colon and b"\n" not in raw and name.strip().lower() == field:
                    entity.fields[i] = raw.rstrip() + b" " + comment
                    changed = True
        return changed

    return func


# "MIME-Version: 1.0 (Apple Message framework v1084)", as Apple Mail writes it
mime_version_comment = tree_transform(_commented(b"mime-version", b"(Apple Message framework v1084)"))
# "Content-Transfer-Encoding: base64 (as sent)": RFC 2045 allows a comment; few mailers write one
cte_comment = tree_transform(_commented(b"content-transfer-encoding", b"(as sent)"))


@tree_transform
def subject_encoded_split(root: Entity) -> bool:
    """The subject as two UTF-8 encoded words on two lines (as mailers fold a long one)."""
    value = root.value("Subject")
    if not value or b"=?" in value or not value.isascii() or len(value) < 8:
        return False
    half = len(value) // 2
    words = [b"=?UTF-8?B?" + base64.b64encode(piece) + b"?=" for piece in (value[:half], value[half:])]
    root.set_value("Subject", words[0] + b"\n " + words[1])
    return True


def crlf_body_only(data: bytes) -> bytes | None:
    """CRLF line ends in the body only, LF in the header (a store that rewrote the header of a
    message it kept as it came)."""
    at = data.find(b"\n\n")
    if at < 0 or b"\n" not in data[at + 2:]:
        return None
    return data[: at + 2] + data[at + 2:].replace(b"\n", b"\r\n")


@tree_transform
def text_as_html(root: Entity) -> bool:
    """The notice's text part sent as HTML only (a client that saved the rendered message)."""
    part, text = _notice_text(root)
    if part is None or part is root:
        return False
    escaped = text.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")
    html = b"<html><body><p>" + escaped.replace(b"\n\n", b"</p>\n<p>").replace(b"\n", b"<br>\n") + b"</p></body></html>\n"
    value = part.value("Content-Type") or b"text/plain"
    part.set_value("Content-Type", re.sub(rb"(?i)^text/plain", b"text/html", value) if value.lower().startswith(b"text/plain")
                   else b"text/html; charset=us-ascii")
    recode(part, part.cte if part.cte in ("base64", "quoted-printable") else "8bit", html)
    return True


# -- what clients and archivers rewrite -------------------------------------------------------------------
@tree_transform
def resent(root: Entity) -> bool:
    """The bounce redirected by a person (Apple Mail's Redirect, mutt's bounce): Resent-* fields on
    top, the message itself as it was."""
    root.fields[:0] = [b"Resent-From: Ops Person <ops@example.org>", b"Resent-To: helpdesk@example.org",
                       b"Resent-Date: Sat, 28 Nov 2026 06:00:00 +0000", b"Resent-Message-ID: <resent-1@example.org>"]
    return True


@tree_transform
def report_as_mixed(root: Entity) -> bool:
    """multipart/report relabelled multipart/mixed, as some clients and archivers store it."""
    changed = False
    for entity in root.walk():
        if entity.content_type == "multipart/report":
            value = entity.value("Content-Type") or b""
            new = re.sub(rb'(?i);\s*report-type\s*=\s*"?[\w-]+"?', b"", re.sub(rb"(?i)^multipart/report", b"multipart/mixed", value))
            entity.set_value("Content-Type", new)
            changed = True
    return changed


@tree_transform
def no_mime_version(root: Entity) -> bool:
    """No MIME-Version field (a converter that keeps only the fields it knows)."""
    kept = [f for f in root.fields if f[:13].lower() != b"mime-version:"]
    if len(kept) == len(root.fields):
        return False
    root.fields[:] = kept
    return True


@tree_transform
def original_base64(root: Entity) -> bool:
    """The returned message/rfc822 part sent in base64 (RFC 2046 forbids it; gateways do it)."""
    for entity in root.walk():
        if entity.content_type in ("message/rfc822", "message/global") and entity.child is not None:
            if any(e.content_type in ("message/delivery-status", "message/global-delivery-status")
                   for e in entity.child.walk()):
                continue  # not the returned original: a report that was forwarded or nested
            data = serialize(entity.child)
            entity.child = None
            recode(entity, "base64", data)
            return True
    return False


@tree_transform
def dsn_as_octet(root: Entity) -> bool:
    """The delivery-status part as an application/octet-stream attachment ("details.dsn")."""
    changed = False
    for entity in root.walk():
        if entity.content_type == "message/delivery-status" and entity.segments is None and entity.well_formed:
            entity.set_value("Content-Type", b'application/octet-stream; name="details.dsn"')
            entity.fields.append(b'Content-Disposition: attachment; filename="details.dsn"')
            changed = True
    return changed


# Those the decoders do not all survive yet (`transforms` puts them with its EXPLORATORY ones):
# forward_inline_all forwards also the messages whose records a forward cannot keep (forward_loss)
EXPLORATORY_COPIES = frozenset({"forward_inline_all"})

COPIES = {
    "forward_inline": forward_inline,
    "forward_inline_all": forward_inline_all,
    "list_footer": list_footer,
    "maildir_from_line": maildir_from_line,
    "mboxrd": mboxrd,
    "reader_status": reader_status,
    "params_quoted": params_quoted,
    "params_unquoted": params_unquoted,
    "boundary_continued": boundary_continued,
    "charset_extended": charset_extended,
    "mime_upper": mime_upper,
    "local_delivery": local_delivery,
    "to_as_x_original_to": to_as_x_original_to,
    "duplicate_headers": duplicate_headers,
    "original_names_encoded": original_names_encoded,
    "latin1_unlabelled": latin1_unlabelled,
    "trailing_blank_lines": trailing_blank_lines,
    "no_final_newline": no_final_newline,
    "text_base64_one_line": text_base64_one_line,
    "preamble": preamble,
    "receiving_server_headers": receiving_server_headers,
    "mozilla_status": mozilla_status,
    "takeout": takeout,
    "mime_version_comment": mime_version_comment,
    "cte_comment": cte_comment,
    "subject_encoded_split": subject_encoded_split,
    "crlf_body_only": crlf_body_only,
    "text_as_html": text_as_html,
    "resent": resent,
    "report_as_mixed": report_as_mixed,
    "no_mime_version": no_mime_version,
    "original_base64": original_base64,
    "dsn_as_octet": dsn_as_octet,
    "dsn_angle": h.dsn_angle,
}
