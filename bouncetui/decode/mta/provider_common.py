"""Helpers shared by the hosted-provider and carrier decoders (Gmail, Yahoo, Microsoft, SES, ...).

- `collapse(text)`: whitespace collapsed to single spaces.
- `dsn(message)`: (per-message fields, Deliveries) from the report's delivery-status part, accepting
  Original-Recipient written after Final-Recipient in the same block, as several providers do.
- `cut(text, markers)`: (text before the first marker line, text after it).
- `inline_original(text)`: the returned message's header block quoted as text, parsed.
- `original_of(message, text, markers)`: the MIME original, else the one quoted after a marker.
- `failed_recipients(message, original, text)`: the addresses of the X-Failed-Recipients header(s)
  (in a notice forwarded inline, which does not show them, the returned original's recipient).
- `bare_address(line)`: the address when a line holds nothing else ("<a@b>:", '"a@b":').
- `indented_blocks(text)`: Exim-style "address on its own line, the reason indented below it".
- `exim_explanation(text)`: (diagnostic, command, remote host) from such a reason.
- `sender_matches(message, pattern)`: whether the bounce's From (or Return-Path) matches.
"""

from __future__ import annotations

import email.message
import re
from collections.abc import Iterable
from email.utils import getaddresses

from bouncetui.decode.fields import clean_address
from bouncetui.decode.forwarded import is_inline_forward
from bouncetui.decode.message import Message, parse_headers
from bouncetui.decode.report import Delivery
from bouncetui.decode.rfc3464 import deliveries_from_fields, parse_fields

_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[ \t]*\S")
# a field's first line, its value perhaps on the folded line below ("Message-ID:" then " <id>")
_FIELD_START = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:")
_PARENTHESISED = re.compile(r"[(（]\s*([^\s()（）@]+)\s*[)）]")
_BARE_ADDRESS = re.compile(r"^\s*<?[\"']?([^\s<>\"'@]+@[^\s<>\"'@]+\.[^\s<>\"':]+?)[\"']?>?:?\s*$")


def collapse(text: str) -> str:
    return " ".join((text or "").split())


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _reordered(text: str) -> str:
    """Delivery-status text with Original-Recipient moved before Final-Recipient in each block."""
    blocks = _BLANK_LINE.split(text)
    fixed = []
    for block in blocks:
        lines = block.split("\n")
        originals = [i for i, line in enumerate(lines) if line.lower().startswith("original-recipient:")]
        finals = [i for i, line in enumerate(lines) if line.lower().startswith("final-recipient:")]
        if len(originals) == 1 and len(finals) == 1 and originals[0] > finals[0]:
            moved = lines.pop(originals[0])
            lines.insert(finals[0], moved)
        fixed.append("\n".join(lines))
    return "\n\n".join(fixed)


def dsn(message: Message) -> tuple[dict[str, str], list[Delivery]]:
    """(per-message fields, Deliveries) of the message/(global-)delivery-status part, if any."""
    text = message.text_of("message/delivery-status", "message/global-delivery-status")
    if not text.strip():
        return {}, []
    per_message, recipients = parse_fields(_reordered(text))
    return per_message, deliveries_from_fields(per_message, recipients)


def cut(text: str, markers: Iterable[re.Pattern[str]]) -> tuple[str, str]:
    """(text before the earliest marker, text after the marker's line); (text, "") without one."""
    found = [m for m in (marker.search(text or "") for marker in markers) if m]
    if not found:
        return text or "", ""
    first = min(found, key=lambda m: m.start())
    end = text.find("\n", first.end())
    return text[: first.start()], text[end + 1 :] if end >= 0 else ""


def inline_original(quoted: str) -> email.message.Message | None:
    """Parse the header block at the top of a quoted original (after blank or separator lines)."""
    lines = (quoted or "").split("\n")
    start = next((i for i, line in enumerate(lines[:30]) if _HEADER_LINE.match(line.strip())), None)
    if start is None:
        return None
    first = lines[start]
    indent = first[: len(first) - len(first.lstrip())]
    block = []
    for line in lines[start:]:
        if not line.strip():
            break
        line = line[len(indent) :] if indent and line.startswith(indent) else line
        if block and line[:1] not in (" ", "\t") and not _FIELD_START.match(line):
            line = " " + line  # a folded line that lost its indentation in the quoting
        block.append(line)
    parsed = parse_headers("\n".join(block))
    return parsed if parsed.keys() else None


def original_of(message: Message, text: str, markers: Iterable[re.Pattern[str]]) -> email.message.Message | None:
    """The returned message: its MIME part when there is one, else the copy quoted after a marker."""
    if message.original is not None:
        return message.original
    _, quoted = cut(text, markers)
    return inline_original(quoted) if quoted else None


def failed_recipients(message: Message, original: email.message.Message | None = None, text: str = "") -> list[str]:
    """The addresses of the X-Failed-Recipients header(s). In a notice rebuilt from an inline
    forward, which does not show that field, given the returned `original`: its one recipient
    (To and Cc), or of several those the notice's `text` names in parentheses, as Google Groups
    names the group ("the group you tried to contact (name)")."""
    found: list[str] = []
    for value in message.headers("X-Failed-Recipients"):
        for piece in value.split(","):
            address = clean_address(piece)
            if address and address.lower() not in (a.lower() for a in found):
                found.append(address)
    if found or original is None or not is_inline_forward(message):
        return found
    addressed = []
    for _, piece in getaddresses([str(v) for v in (original.get_all("To") or []) + (original.get_all("Cc") or [])]):
        address = clean_address(piece)
        if address and "@" in address and address.lower() not in (a.lower() for a in addressed):
            addressed.append(address)
    if len(addressed) == 1:
        return addressed
    named = {m.lower() for m in _PARENTHESISED.findall(text)}
    return [a for a in addressed if a.split("@", 1)[0].lower() in named]


def bare_address(line: str) -> str:
    """The address when a line holds nothing else ("  a@b", "<a@b>:", '"a@b":'), else ""."""
    m = _BARE_ADDRESS.match(line)
    return clean_address(m.group(1)) if m else ""


def indented_blocks(text: str) -> list[tuple[str, str]]:
    """[(address, the lines below it up to the next address or blank line, collapsed)]."""
    blocks: list[tuple[str, list[str]]] = []
    for line in (text or "").split("\n"):
        address = bare_address(line)
        if address:
            blocks.append((address, []))
        elif blocks and line.strip() and line[:1] in (" ", "\t"):
            blocks[-1][1].append(line.strip())
        elif blocks and not line.strip() and blocks[-1][1]:
            blocks.append(("", []))  # a blank line ends the explanation
    return [(address, collapse(" ".join(lines))) for address, lines in blocks if address]


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` is in `text` (a loop: any() over a generator costs more here)."""
    for word in words:
        if word in text:
            return True
    return False


def sender_matches(message: Message, pattern: re.Pattern[str], words: tuple[str, ...] = ()) -> bool:
    """Whether `pattern` is found in the bounce's From or Return-Path.

    `words`: lowercase ASCII words one of which every match of `pattern` contains (its domains):
    a message whose senders hold none of them is answered without a regular-expression search.
    tests/decode/test_sender_words.py checks each decoder's words against its pattern."""
    if words and not holds_any(message.folded_senders, words):
        return False
    sender, return_path = message.senders
    return bool(pattern.search(sender) or pattern.search(return_path))


_EXIM_HOST = re.compile(r"\bhost:? (?P<host>[A-Za-z0-9.-]+\.[A-Za-z]{2,}|\[[0-9A-Fa-f.:]+\])\.?(?: ?[\[(][0-9A-Fa-f.:]+[\])])?:?\s*")
_EXIM_STAGE = re.compile(r"\b(?:after|for) (?P<stage>RCPT(?: TO)?|MAIL(?: FROM)?|DATA|TEXT|end of data|EHLO|HELO|initial connection)\b", re.IGNORECASE)
_EXIM_STAGES = {"rcpt": "RCPT", "mail": "MAIL", "data": "DATA", "text": "DATA", "end": "DATA", "ehlo": "EHLO",
                "helo": "HELO", "initial": "CONN"}


_REASON_LABEL = re.compile(r"^reason:\s*", re.IGNORECASE)


def exim_explanation(text: str) -> tuple[str, str, str]:
    """(diagnostic, command, rhost) from an Exim-style explanation of one address's failure.

    "SMTP error from remote mail server after RCPT TO:<a>: host mx.example.org [192.0.2.1]: 550 ..."
    gives the remote's words after the host; other explanations ("Unrouteable address") stay whole.
    """
    text = collapse(text)
    stage = _EXIM_STAGE.search(text)
    command = _EXIM_STAGES.get(stage.group("stage").split()[0].lower(), "") if stage else ""
    host = _EXIM_HOST.search(text)
    if host and stage:
        rest = text[host.end() :]
        rest = _REASON_LABEL.sub("", rest)
        return rest.strip(), command, host.group("host").strip("[]").lower()
    return text, command, ""
