"""The raw-message view's content: headers, the MIME tree and the decoded text parts of one message.

mail-parser reads the headers and reports the message's defects; when it raises (it does on some
broken mail), the standard library's email package serves alone. Parts are decoded with the
decoders' own charset handling (bouncetui.decode.message). Everything shown goes through textsafe.
"""

from __future__ import annotations

import email.message
import logging

from rich.text import Text

from bouncetui.decode.message import TEXT_REPORT_TYPES, Message, decode_header, part_text
from bouncetui.textsafe import multi_line, one_line

MAX_PART_CHARS = 20000


def original_headers(raw: bytes) -> list[tuple[str, str]]:
    """The headers of the message that bounced (the report's returned original), decoded."""
    original = Message.parse(raw).original
    if original is None:
        return []
    return [(name, decode_header(value)) for name, value in original.items()]


def _defects(raw: bytes) -> list[str]:
    # mail-parser logs a warning for every content type it does not handle; on the terminal the
    # app owns, nothing may be written behind its back
    quiet = logging.getLogger("mailparser")
    quiet.propagate = False
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
    try:
        import mailparser

        parsed = mailparser.parse_from_bytes(raw)
        return [str(d) for d in getattr(parsed, "defects_categories", ()) or ()]
    except Exception:  # mail-parser raises on some broken messages: the stdlib view still works
        return []


def _tree(part: email.message.Message, depth: int, out: Text, texts: list[tuple[str, str]]) -> None:
    ctype = part.get_content_type()
    charset = part.get_content_charset() or ""
    name = part.get_filename() or ""
    payload = part.get_payload()
    size = len(payload) if isinstance(payload, str) else 0
    line = "  " * depth + ("└ " if depth else "") + ctype
    if charset:
        line += "  charset=" + charset
    if name:
        line += "  name=" + decode_header(name)
    if size:
        line += "  (%d bytes)" % size
    out.append(one_line(line) + "\n")
    if ctype in TEXT_REPORT_TYPES:  # field blocks, shown as text rather than as sub-messages
        texts.append((ctype, part_text(part)))
    elif part.is_multipart():
        for sub in payload if isinstance(payload, list) else [payload]:
            if isinstance(sub, email.message.Message):
                _tree(sub, depth + 1, out, texts)
    elif ctype.startswith("text/") or ctype.startswith("message/"):
        texts.append((ctype, part_text(part)))


def raw_text(raw: bytes, origin: str, position: int) -> Text:
    """The whole raw view as one Text."""
    message = Message.parse(raw)
    text = Text()
    text.append("Message  ", style="bold")
    text.append(one_line(origin) + ("#%d" % position if position > 1 else "") + "  (%d bytes)\n" % len(raw))
    defects = _defects(raw)
    if defects:
        text.append("Defects  " + one_line(", ".join(defects)) + "\n", style="italic")
    text.append("\nHeaders\n", style="bold underline")
    for name, value in message.msg.items():
        text.append(one_line(name) + ": ", style="bold")
        text.append(one_line(decode_header(value)) + "\n")
    text.append("\nMIME structure\n", style="bold underline")
    texts: list[tuple[str, str]] = []
    _tree(message.msg, 0, text, texts)
    for number, (ctype, body) in enumerate(texts, 1):
        text.append("\nPart %d: %s\n" % (number, ctype), style="bold underline")
        if len(body) > MAX_PART_CHARS:
            body = body[:MAX_PART_CHARS] + "\n… (%d more characters; o opens the whole message)" % (
                len(body) - MAX_PART_CHARS)
        text.append(multi_line(body).rstrip("\n") + "\n")
    return text
