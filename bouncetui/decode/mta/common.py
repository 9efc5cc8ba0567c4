"""Helpers shared by the mail-server decoders: embedded DSN fields, inline originals, transcripts.

- `dsn_deliveries(text)`: Deliveries from RFC 3464 fields found in a report part or in plain text,
  tolerating Original-Recipient written after Final-Recipient in the same block.
- `inline_original(text, markers)`: the returned message quoted as text after a marker line.
- `original_or_inline(message, text, markers)`: the MIME original, else the inline one.
- `transcript(text)`, `failed_step(text)`: a Sendmail-style session transcript
  (`>>> RCPT To:<a>` / `<<< 550 ...`) as (command, reply) pairs, and its failing step.
- `command_of(text)`: the SMTP stage a diagnostic names, in any of the wordings MTAs use.
- `unquote(text)`: a bounce forwarded with "> " quoting, unquoted.
- `is_notification(message)`: whether a mail system sent it, so a person quoting a bounce in an
  ordinary mail is not taken for one (forwards are accepted by their bounce subjects instead).
- `collapse(text)`: whitespace collapsed to single spaces.
- `wrapped(pattern, flags)`: a pattern compiled (on first use) so that each of its blanks also
  matches a line break, as where a mailer (or a gateway) wrapped the sentence at another width.
"""

from __future__ import annotations

import email.message
import re
from collections.abc import Iterable

from bouncetui.decode.fields import find_command
from bouncetui.decode.message import Message, fold, parse_headers
from bouncetui.decode.report import Delivery
from bouncetui.decode.rfc3464 import deliveries_from_fields, parse_fields

_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[ \t]*\S")
_TRANSCRIPT = re.compile(r"^\s*(>>>|<<<)\s?(.*)$")
_SMTP_VERB = re.compile(r"^(EHLO|HELO|MAIL|RCPT|DATA|STARTTLS|QUIT|RSET|BDAT)\b", re.IGNORECASE)
# Stage wordings find_command does not know: Postfix "while sending", greetings, connections.
# Each with the lowercase words one of which it needs, looked for first (most texts have none).
_MORE_STAGES = (
    # Exim 4.9x and 1&1: "SMTP error from remote server for RCPT TO command, host: h (ip) reason: ..."
    (("command",), re.compile(r"\bfor (?:RCPT TO|RCPT) command\b", re.I), "RCPT"),
    (("command",), re.compile(r"\bfor (?:MAIL FROM|MAIL) command\b", re.I), "MAIL"),
    (("command",), re.compile(r"\bfor (?:TEXT|DATA|end of data) command\b", re.I), "DATA"),
    (("while sending",), re.compile(r"while sending (?:end of data|message body|DATA)", re.I), "DATA"),
    (("while sending",), re.compile(r"while sending RCPT TO", re.I), "RCPT"),
    (("while sending",), re.compile(r"while sending MAIL FROM", re.I), "MAIL"),
    (("while sending", "while performing"), re.compile(r"while (?:sending|performing) (?:the )?(?:EHLO|HELO)", re.I),
     "EHLO"),
    (("while sending", "tls is required", "cannot start tls"),
     re.compile(r"while sending STARTTLS|TLS is required|Cannot start TLS", re.I), "STARTTLS"),
    (
        ("while receiving the initial server greeting", "refused to talk to me", "connect to ", "connection refused",
         "connection timed out"),
        re.compile(
            r"while receiving the initial server greeting|refused to talk to me|"
            r"^connect to |: connect to |Connection (?:refused|timed out)",
            re.I,
        ),
        "CONN",
    ),
)


def collapse(text: str) -> str:
    return " ".join((text or "").split())


# A blank of a wrapped sentence: any run of whitespace, line breaks included (the cheapest form to
# compile: a finer one, at most one line break, costs twice the compile time of the whole pattern).
BLANK = r"\s+"
_PATTERN_API = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags")


class Wrapped:
    """A pattern compiled on its first use (a banner's pattern, with a blank class for each blank,
    costs several times a plain one to compile, and most runs meet few of the MTAs): then its
    methods are the compiled pattern's own, looked up with no call in between."""

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str):  # noqa: ANN204 - called once, for the first method asked for
        compiled = re.compile(self._source, self._flags)
        for attr in _PATTERN_API:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)


def wrapped(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` with each literal blank (outside a character class) matching `BLANK`: any run of
    whitespace, across line breaks. A banner or sentence written this way is still found when the
    text was wrapped at another width. Compiled on first use (see `Wrapped`)."""
    out = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == " " and not in_class:
            out.append(BLANK)
            continue
        out.append(char)
    return Wrapped("".join(out), flags)  # type: ignore[return-value] - it answers as a Pattern does


def command_of(text: str) -> str:
    """The SMTP stage named in a diagnostic or an MTA's explanation of it, or ""."""
    found = find_command(text)
    if found or not text:
        return found
    folded = fold(text)
    for words, pattern, command in _MORE_STAGES:
        if any(word in folded for word in words) and pattern.search(text):
            return command
    return ""


def dsn_deliveries(text: str) -> tuple[dict[str, str], list[Delivery]]:
    """(per-message fields, Deliveries) from RFC 3464 field blocks in `text`."""
    if not text or "recipient" not in text.lower():
        return {}, []
    per_message, blocks = parse_fields(text)
    merged: list[dict[str, str]] = []
    for block in blocks:
        # "Final-Recipient: a" then "Original-Recipient: b" in one block was split in two.
        if (
            merged
            and "final-recipient" not in block
            and "original-recipient" in block
            and set(merged[-1]) == {"final-recipient"}
        ):
            merged[-1] = {**block, "final-recipient": merged[-1]["final-recipient"]}
            continue
        merged.append(block)
    return per_message, deliveries_from_fields(per_message, merged)


def inline_original(text: str, markers: Iterable[re.Pattern[str]]) -> email.message.Message | None:
    """Headers of a returned message quoted after the first marker matched in `text`.

    The header block may start a few lines after the marker (separators, a blank line) and may be
    indented; it ends at the first blank line.
    """
    for marker in markers:
        m = marker.search(text or "")
        if not m:
            continue
        lines = text[m.end() :].split("\n")
        if m.end() > 0 and text[m.end() - 1] != "\n":
            lines = lines[1:]  # the rest of the marker's own line
        start = next((i for i, line in enumerate(lines[:20]) if _HEADER_LINE.match(line.strip())), None)
        if start is None:
            continue
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        block = []
        for line in lines[start:]:
            if not line.strip():
                break
            block.append(line[len(indent) :] if indent and line.startswith(indent) else line)
        parsed = parse_headers("\n".join(block))
        if parsed.keys():
            return parsed
    return None


def original_or_inline(
    message: Message, text: str, markers: Iterable[re.Pattern[str]]
) -> email.message.Message | None:
    if message.original is not None:
        return message.original
    return inline_original(text, markers)


def transcript(text: str) -> list[tuple[str, str]]:
    """[(command, reply)] from `>>> CMD` / `<<< reply` lines; the reply lines joined."""
    pairs: list[tuple[str, str]] = []
    command = ""
    replies: list[str] = []
    for line in (text or "").split("\n"):
        m = _TRANSCRIPT.match(line)
        if not m:
            continue
        if m.group(1) == ">>>":
            if command or replies:
                pairs.append((command, collapse(" ".join(replies))))
            verb = _SMTP_VERB.match(m.group(2).strip())
            command = verb.group(1).upper() if verb else ""
            replies = []
        else:
            replies.append(m.group(2))
    if command or replies:
        pairs.append((command, collapse(" ".join(replies))))
    return pairs


def failed_step(text: str) -> tuple[str, str]:
    """(command, reply) of the last transcript step answered with a 4xx/5xx reply, else ("", "")."""
    for command, reply in reversed(transcript(text)):
        if reply[:1] in ("4", "5"):
            return command, reply
    return "", ""


def unquote(text: str) -> str:
    """A message forwarded with "> " quoting, unquoted one level (other text unchanged)."""
    lines = text.split("\n")
    quoted = sum(1 for line in lines if line.startswith(">"))
    if quoted < max(3, len([line for line in lines if line.strip()]) // 3):
        return text
    return "\n".join(line[2:] if line.startswith("> ") else line[1:] if line.startswith(">") else line for line in lines)


_NOTIFIER = re.compile(
    r"mailer[-_ ]?daemon|postmaster|post_master|mail ?deliver|mail administrator|system administrator|"
    r"mail system|mmdf|smtp gateway|^<>$|daemon@|-admin@|bounce|notification|interscan|content-filter",
    re.IGNORECASE,
)


def find_in_notification(message: Message, pattern: re.Pattern[str]) -> tuple[str, re.Match[str]] | None:
    """(the notice's text, where `pattern` matched in it), or None when the message is not a mail
    system's notice or its text lacks the pattern: the opening of most wording-only decoders."""
    if not is_notification(message):
        return None
    body = message.text_of("text/plain") or message.body
    found = pattern.search(body)
    return (body, found) if found else None


def is_notification(message: Message) -> bool:
    """Whether the message itself comes from a mail system (not a person quoting a bounce):
    a report, a notifier's sender, a null Return-Path, or an Auto-Submitted header."""
    if message.content_type == "multipart/report" or _NOTIFIER.search(message.sender):
        return True
    if message.find("message/delivery-status", "message/global-delivery-status") is not None:
        return True  # a report put inside another multipart (a gateway's footer part after it)
    if message.msg.get("Return-Path") is not None and message.header("Return-Path").strip() in ("", "<>"):
        return True
    return message.header("Auto-Submitted").lower().startswith("auto-")
