"""A fast MIME parser that builds exactly the tree the standard library's compat32 parser builds.

`email.feedparser` reads a message one line at a time through a stack of end-of-part predicates:
on bounce mail it was measured at about a third of all decoding time. This module follows the same
algorithm step by step (headers, multipart boundaries with their preamble and epilogue, nested
messages, delivery-status field blocks, the same defects) but finds the end of a part's body with
one regular-expression search over the whole text instead of a Python call per line.

    msg = parse(data)      # data: bytes with LF line endings; an email.message.Message (Part)
    msg = parse_headers(text)   # a header block in text (a returned original), headers only

Anything this parser does not model exactly (bare CR line endings, an mbox "From " line among the
headers) is handed to the standard parser, so the result is always the one `email` would give.
`Part` (decode/part.py) is the message class of both: a compat32 Message whose content type and
header lookups are computed once, since every decoder asks them again.
"""

from __future__ import annotations

import email.errors as errors
import email.message
import email.parser
import email.policy
import re

from bouncetui.decode.part import Part

POLICY = email.policy.compat32
_HEADER_LINE = re.compile(r"(From |[\041-\071\073-\176]*:|[\t ])")
# A run of header lines (feedparser's test, line after line), and one field with its folded lines
# as compat32's header_source_parse gives it: the name, the value without the blanks after the
# colon and without the final newline. Their repetitions are possessive ("*+"): no step of them
# can be given back for the rest to match (a name has no colon, a line's text no newline, and
# nothing follows the run), so they match what the greedy forms match, without the engine saving
# a backtracking point per character and per line (about a fifth fewer instructions measured).
#
# The fast path reads only a clean run: feedparser's header lines except those it leaves to the
# line-by-line reader (a line starting with a colon, a From_ line after the first, a boundary-like
# line starting with "--"), which end the clean run instead. Where one of them would have been a
# line of feedparser's run (_HEADER_LINE at the clean run's end), the block is left to that reader.
# In a clean run every line is a field or continues one, so its fields follow one another: they
# are matched one after the other from its start (a field takes the newline after it), with no
# search for a line start at every character.
_CLEAN_RUN = re.compile(
    r"(?:From [^\n]*+(?:\n|\Z))?(?:(?:(?!--)[\041-\071\073-\176]++:|[\t ])[^\n]*+(?:\n|\Z))*+")
_FIELD = re.compile(r"([\041-\071\073-\176]++):[ \t]*+([^\n]*+(?:\n[ \t][^\n]*+)*+)\n?")
# One field of a clean run where the previous one ended (a line not starting with "--"): what
# _CLEAN_RUN's field lines with their continuation lines are, with what _FIELD finds in them.
_NEXT_FIELD = re.compile(r"(?!--)([\041-\071\073-\176]++):[ \t]*+([^\n]*+(?:\n[ \t][^\n]*+)*+)(?:\n|\Z)")
# A header block's lines, a match each: a field with its continuation lines (what _NEXT_FIELD
# matches), else any other line, which gives an empty name and value (_NOT_A_FIELD). Every line
# matches, so findall takes them one after the other from the start, skipping none.
_BLOCK_LINES = re.compile(
    r"(?!--)([\041-\071\073-\176]++):[ \t]*+([^\n]*+(?:\n[ \t][^\n]*+)*+)(?:\n|\Z)|[^\n]++\n?|\n")
_NOT_A_FIELD = ("", "")
# How far after a header block's start its blank line is looked for (a longer block, or one with
# none, is read field by field: a part's reading never scans the text far beyond its header)
_BLOCK_WINDOW = 16384
# Report parts whose body is field blocks, not MIME parts (decode.check_structure does not count
# what they hold; the decoders read them as text).
TEXT_REPORT_TYPES = (
    "message/delivery-status",
    "message/global-delivery-status",
    "message/feedback-report",
    "message/disposition-notification",
)

_STD_BYTES = email.parser.BytesParser(Part, policy=POLICY)
_STD_TEXT = email.parser.Parser(Part, policy=POLICY)


class _Fallback(Exception):
    """The message needs a step this parser does not model: use the standard parser."""


def _boundary_kind(tail: str) -> int:
    """What a line is, given what follows "--boundary" on it: -1 not a boundary line, 0 a
    separator, 1 the close boundary (feedparser's `--b(--)?[ \\t]*` up to the newline).

    `tail` is the rest of one line, so a newline can only be its last character: one rstrip
    leaves "" after a separator and "--" after the close boundary."""
    rest = tail.rstrip(" \t\n")
    if not rest:
        return 0
    return 1 if rest == "--" else -1


class _Reader:
    """The text, a position at the start of a line, and feedparser's stack of false ends.

    The stack holds "--boundary" strings of the enclosing multiparts, and None for the blank line
    that ends a delivery-status field block. Boundaries are found with str.find, not with a
    regular expression compiled per boundary (each message has its own, so nothing is reused).
    """

    __slots__ = ("text", "pos", "end", "stack", "last", "found", "parts", "depth", "deepest", "counting", "ascii")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.end = len(text)
        self.stack: list[str | None] = []
        self.last: email.message.Message | None = None
        self.found: dict[str, tuple[int, int]] = {}
        self.parts = 0  # the parts begun so far, not counting those inside a report part
        self.depth = 0  # of the part being read
        self.deepest = 0
        self.counting = True  # False inside a report part
        self.ascii = text.isascii()  # then so is every header block in it

    def at_stop(self, pos: int) -> bool:
        """Whether the line at `pos` ends the current part (it matches an entry of the stack)."""
        text = self.text
        for sep in self.stack:
            if sep is None:
                if text.startswith("\n", pos):
                    return True
            elif text.startswith(sep, pos):
                eol = text.find("\n", pos)
                if _boundary_kind(text[pos + len(sep): self.end if eol < 0 else eol]) >= 0:
                    return True
        return False

    def next_stop(self) -> int:
        """The start of the first line at or after the position that ends the current part."""
        text, pos, best = self.text, self.pos, self.end
        blank = False
        for sep in self.stack:
            if sep is None:
                blank = True
            else:
                found = self._next_boundary(sep, pos)
                if found < best:
                    best = found
        if blank:
            if text.startswith("\n", pos):
                return pos
            i = text.find("\n\n", pos, best)
            if i >= 0:
                best = i + 1
        return best

    def _next_boundary(self, sep: str, pos: int) -> int:
        """The first boundary line of `sep` at or after `pos` (the end if none), remembered:
        field blocks and parts ask again from further on, and must not rescan the text."""
        start, found = self.found.get(sep, (-1, -1))
        if start <= pos <= found:
            return found
        text, i = self.text, pos
        while True:
            i = text.find(sep, i)
            if i < 0:
                i = self.end
                break
            if i == 0 or text[i - 1] == "\n":
                eol = text.find("\n", i)
                if _boundary_kind(text[i + len(sep): self.end if eol < 0 else eol]) >= 0:
                    break
            i += 1
        self.found[sep] = (pos, i)
        return i

    def readline(self) -> str:
        """The next line with its newline; "" at the end or at a false end (not consumed)."""
        pos = self.pos
        if pos >= self.end or (self.stack and self.at_stop(pos)):
            return ""
        nl = self.text.find("\n", pos)
        end = self.end if nl < 0 else nl + 1
        self.pos = end
        return self.text[pos:end]

    def unread(self, line: str) -> None:
        self.pos -= len(line)

    def rest(self) -> str:
        """Every line up to the end or the next false end (feedparser's `for line in input`)."""
        pos = self.pos
        end = self.next_stop() if self.stack else self.end
        self.pos = end
        return self.text[pos:end]


def parse(data: bytes) -> email.message.Message:
    """The message tree of `data`, as email.parser.BytesParser(policy=compat32) would build it."""
    text = data.decode("ascii", "surrogateescape")
    if "\r" in text:
        return _STD_BYTES.parsebytes(data)
    reader = _Reader(text)
    try:
        root = _parse_part(reader, None)
    except _Fallback:
        return _STD_BYTES.parsebytes(data)
    if root.get_content_maintype() == "multipart" and not root.is_multipart():
        root.defects.append(errors.MultipartInvariantViolationDefect())
    root._shape = (reader.parts, reader.deepest)
    return root


def parse_headers(text: str) -> email.message.Message:
    """email.parser.Parser(policy=compat32).parsestr(text, headersonly=True), the same way:
    the header block, and every line after it as the payload."""
    if "\r" in text:
        return _STD_TEXT.parsestr(text, headersonly=True)
    reader = _Reader(text)
    msg = _new(None, reader)
    try:
        if not _read_clean_headers(reader, msg):
            _read_headers(reader, msg)
    except _Fallback:
        return _STD_TEXT.parsestr(text, headersonly=True)
    msg.set_payload(reader.rest())
    return msg


def _new(parent: email.message.Message | None, reader: _Reader) -> Part:
    msg = Part(POLICY)
    if parent is not None:
        if (parent._ctype or parent.get_content_type()) == "multipart/digest":  # known by now
            msg.set_default_type("message/rfc822")
        parent.attach(msg)
    reader.last = msg
    return msg


def _parse_part(reader: _Reader, parent: email.message.Message | None) -> Part:
    """feedparser._parsegen: one message (or part) from the reader's position to its false end."""
    msg = _new(parent, reader)
    if reader.counting:
        reader.parts += 1
        if reader.depth > reader.deepest:
            reader.deepest = reader.depth
    if not _read_clean_headers(reader, msg):
        _read_headers(reader, msg)
    ctype = msg.get_content_type()
    reader.depth += 1
    if ctype.startswith("message/"):
        counting = reader.counting
        if ctype in TEXT_REPORT_TYPES:
            reader.counting = False
        if ctype == "message/delivery-status":
            _parse_field_blocks(reader, msg)
        else:
            _parse_part(reader, msg)
        reader.counting = counting
    elif ctype.startswith("multipart/"):
        _parse_multipart(reader, msg)
    else:
        msg._payload = reader.rest()  # what set_payload does with a string and no charset
    reader.depth -= 1
    return msg


def _read_clean_headers(reader: _Reader, msg: Part) -> bool:
    """The common case in regular-expression steps: a header block of well-formed fields.

    Returns False, having read nothing, for anything else (a line starting with a colon, a
    continuation first, a From_ line after the first, a boundary-like line): the line-by-line
    reader then follows feedparser exactly.

    Without a From_ line first, the block's lines up to its blank line (or the end) are split by
    one findall of _BLOCK_LINES, with no Python step a field: when each is a field or continues
    one, they are the clean run, up to the blank line. Any other block is read by _read_fields.
    """
    text, pos = reader.text, reader.pos
    if text.startswith("From ", pos):
        return _read_clean_headers_from(reader, msg)
    blank = text.find("\n\n", pos, pos + _BLOCK_WINDOW)
    if blank < 0 and reader.end - pos <= _BLOCK_WINDOW:
        blank = reader.end - 1  # no blank line: the block runs to the end
    if blank < 0:
        return _read_fields(reader, msg)
    fields = _BLOCK_LINES.findall(text, pos, blank + 1)
    if not fields or _NOT_A_FIELD in fields:
        return _read_fields(reader, msg)  # a line that is no field (or no line at all)
    if msg._headers:
        msg._headers.extend(fields)
    else:
        msg._headers = fields  # a new part's empty list, replaced (no copy)
    msg._ascii = reader.ascii or text[pos:blank + 1].isascii()
    return _end_headers(reader, msg, blank + 1)


def _read_fields(reader: _Reader, msg: Part) -> bool:
    """_read_clean_headers field by field, for a block with a line that is no field: _NEXT_FIELD
    matched one after the other from the position (anchored where the previous one ended, as
    re.Scanner does), the run of them the clean run, which that line ends."""
    text, pos = reader.text, reader.pos
    match = _NEXT_FIELD.scanner(text, pos).match
    fields = []
    last = None
    while True:
        found = match()
        if found is None:
            break
        fields.append(found.groups())
        last = found
    if last is None:
        return False  # nothing clean, or a continuation first
    end = last.end()
    if text.startswith((":", "From ", "--"), end) and _HEADER_LINE.match(text, end):
        return False
    if msg._headers:
        msg._headers.extend(fields)
    else:
        msg._headers = fields  # a new part's empty list, replaced (no copy)
    msg._ascii = reader.ascii or text[pos:end].isascii()
    return _end_headers(reader, msg, end)


def _read_clean_headers_from(reader: _Reader, msg: Part) -> bool:
    """_read_clean_headers for a block that starts with a From_ line: the clean run found first
    (_CLEAN_RUN), then its fields."""
    text, pos = reader.text, reader.pos
    end = _CLEAN_RUN.match(text, pos).end()
    block = text[pos:end]
    if not block or block[0] in " \t" or (text.startswith((":", "From ", "--"), end) and _HEADER_LINE.match(text, end)):
        return False
    if block.startswith("From "):
        first = block.find("\n") + 1 or len(block)
        msg.set_unixfrom(block[:first].rstrip("\n"))
        block = block[first:]
        if block[:1] in (" ", "\t"):
            return False
    msg._headers.extend(_FIELD.findall(block))
    msg._ascii = block.isascii()
    return _end_headers(reader, msg, end)


def _end_headers(reader: _Reader, msg: Part, end: int) -> bool:
    """Past a clean header block that ends at `end`: its empty line read, or the defect noted."""
    reader.pos = end
    if end >= reader.end:
        return True
    if reader.text[end] == "\n":
        # the empty line that ends the header block, unless it ends a field block (None on the
        # stack): it can be no other false end, as a boundary line is never empty
        if None not in reader.stack:
            reader.pos = end + 1
    elif not (reader.stack and reader.at_stop(end)):
        msg.defects.append(errors.MissingHeaderBodySeparatorDefect())
    return True


def _read_headers(reader: _Reader, msg: Part) -> None:
    headers = []
    while True:
        line = reader.readline()
        if not line:
            break
        if not _HEADER_LINE.match(line):
            if line[0] != "\n":
                msg.defects.append(errors.MissingHeaderBodySeparatorDefect())
                reader.unread(line)
            break
        headers.append(line)
    _set_headers(msg, headers)


def _set_headers(msg: Part, lines: list[str]) -> None:
    """feedparser._parse_headers with compat32's header_source_parse."""
    append = msg._headers.append
    current: list[str] = []
    for number, line in enumerate(lines):
        if line[0] in " \t":
            if not current:
                msg.defects.append(errors.FirstHeaderLineIsContinuationDefect(line))
                continue
            current.append(line)
            continue
        if current:
            append(_source_parse(current))
            current = []
        if line.startswith("From "):
            if number == 0:
                msg.set_unixfrom(line[:-1] if line.endswith("\n") else line)
                continue
            raise _Fallback  # a From_ line further down: feedparser pushes it back into the body
        if line[0] == ":":
            msg.defects.append(errors.InvalidHeaderDefect("Missing header name."))
            continue
        current = [line]
    if current:
        append(_source_parse(current))


def _source_parse(lines: list[str]) -> tuple[str, str]:
    name, value = lines[0].split(":", 1)
    value = value.lstrip(" \t") + "".join(lines[1:])
    return name, value.rstrip("\r\n")


# A delivery-status body of well-formed field blocks, each separated from the next by one blank
# line, up to the part's end: what _parse_field_blocks reads, block by block, as the header-only
# parts below (no line starts with a colon, "--" or "From ", none is blank but the separators, the
# last block ends the text or is followed by one blank line at most). A block with a Content-Type
# field is not text/plain and is left to the general reading.
_FIELD_LINE = r"(?!--)[\041-\071\073-\176]++:[^\n]*+(?:\n(?:(?!--)[\041-\071\073-\176]++:|[ \t])[^\n]*+)*+"
_CLEAN_BLOCKS = re.compile(r"%s(?:\n\n%s)*+\n?\n?" % (_FIELD_LINE, _FIELD_LINE))
_TYPED_BLOCK = re.compile(r"^content-type:", re.IGNORECASE | re.MULTILINE)


def _read_clean_blocks(reader: _Reader, msg: Part) -> bool:
    """The common delivery-status body in a few regular-expression passes: each block a Part with
    the fields _read_clean_headers would find and an empty payload, as the general reading below
    makes them. False, having read nothing, for any other body."""
    text, pos = reader.text, reader.pos
    stop = reader.next_stop() if reader.stack else reader.end
    if not _CLEAN_BLOCKS.fullmatch(text, pos, stop):
        return False
    body = text[pos:stop]
    if "\ncontent-type:" in ("\n" + body).lower():
        # _TYPED_BLOCK's match, found without it: every line here is a field or continues one,
        # and "content-type" holds no letter that IGNORECASE matches beyond ASCII
        return False
    for block in body.rstrip("\n").split("\n\n"):
        part = Part(POLICY)
        part._headers = _FIELD.findall(block)
        part._ascii = block.isascii()
        part._payload = ""
        msg.attach(part)
        reader.last = part
    reader.pos = stop
    return True


def _parse_field_blocks(reader: _Reader, msg: Part) -> None:
    """message/delivery-status: each blank-line separated block of fields is a header-only part."""
    if _read_clean_blocks(reader, msg):
        return
    while True:
        reader.stack.append(None)
        _parse_part(reader, msg)
        reader.stack.pop()
        reader.readline()  # the blank line, or nothing at the end
        line = reader.readline()
        if not line:
            return
        reader.unread(line)


def _parse_multipart(reader: _Reader, msg: Part) -> None:
    boundary = msg.get_boundary()
    if boundary is None:
        msg.defects.append(errors.NoBoundaryInMultipartDefect())
        msg.set_payload(reader.rest())
        return
    if str(msg.get("content-transfer-encoding", "8bit")).lower() not in ("7bit", "8bit", "binary"):
        msg.defects.append(errors.InvalidMultipartContentTransferEncodingDefect())
    sep = "--" + boundary
    preamble: list[str] = []
    capturing_preamble = True
    close_seen = False
    linesep = False
    while True:
        line = reader.readline()
        if not line:
            break
        kind = _boundary_kind(line[len(sep):]) if line.startswith(sep) else -1
        if kind < 0:
            preamble.append(line)  # only the preamble can get here
            continue
        if kind:
            close_seen = True
            linesep = line.endswith("\n")
            break
        if capturing_preamble:
            if preamble:
                if preamble[-1].endswith("\n"):
                    preamble[-1] = preamble[-1][:-1]
                msg.preamble = "".join(preamble)
            capturing_preamble = False
            reader.unread(line)
            continue
        if reader.text.startswith(sep, reader.pos):  # else the loop below would read nothing
            while True:  # several boundary lines in a row make no empty parts
                line = reader.readline()
                if not line.startswith(sep) or _boundary_kind(line[len(sep):]) < 0:
                    reader.unread(line)
                    break
        reader.stack.append(sep)
        _parse_part(reader, msg)
        last = reader.last
        if last.get_content_type().startswith("multipart/"):  # its maintype (one "/" in a type)
            epilogue = last.epilogue
            if epilogue == "":
                last.epilogue = None
            elif epilogue is not None and epilogue.endswith("\n"):
                last.epilogue = epilogue[:-1]
        else:
            payload = last._payload
            if isinstance(payload, str) and payload.endswith("\n"):
                last._payload = payload[:-1]
        reader.stack.pop()
        reader.last = msg
    if capturing_preamble:
        msg.defects.append(errors.StartBoundaryNotFoundDefect())
        msg.set_payload("".join(preamble))
        reader.rest()
        msg.epilogue = ""
        return
    if not close_seen:
        msg.defects.append(errors.CloseBoundaryNotFoundDefect())
        return
    # feedparser keeps the newline after the close boundary out of the epilogue by starting it
    # with an empty line; without that newline the close boundary ended the text
    msg.epilogue = reader.rest() if linesep else ""
