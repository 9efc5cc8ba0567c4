"""Field helpers shared by all decoders: addresses, status and reply codes, SMTP commands, hosts."""

from __future__ import annotations

import re

from bouncetui.classify.screen import Screen

# CJK punctuation and full-width ASCII punctuation ("、。「」（）：＜＞"): never part of an address,
# though the letters around them may be (SMTPUTF8 local parts such as 用户@例子.广告).
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_ADDRESS = re.compile(
    r"""(?:^|[\s<"'(\[:;,=%s])"""  # a boundary before the local part
    r"""([^\s<>"'()\[\],;:@%s]+@[^\s<>"'()\[\],;:@%s]+\.[^\s<>"'()\[\],;:@%s]*[^\s<>"'()\[\],;:@.%s])"""
    % ((_CJK_PUNCT,) * 5),
)
# Characters that make a space-less text more than a bare address.
_NOT_BARE = re.compile(r"""[()\[\]<>,;:"%s]""" % _CJK_PUNCT)
_QUOTED_LOCAL = re.compile(r'("[^"]+"@[^\s<>"()\[\],;:]+)')
_DOMAIN_PART = re.compile(r"[^\s<>\"'()\[\],;:@]+")
# Words written straight after an address ("a@example.jpは存在しません", "a@example.jp宛"): no top-level
# domain is ASCII followed by other letters, so they end where the ASCII of the last label does.
_WORDS_AFTER = re.compile(r"(\.[A-Za-z0-9-]*[A-Za-z0-9])[^\x00-\x7f]+$")
# A pattern that starts with a look-behind or an alternation makes the engine try every character;
# one that starts with its first digit ([245]) lets it skip ahead to the next 2, 4 or 5, and the
# boundary before that digit is tested behind it. The same matches as "(?<![\d.])[245]\..." and as
# "(?:^|[...])([245]..)" (tests/unit/test_fields.py compares them with these first forms).
_STATUS = re.compile(r"[245](?<![\d.][245])\.\d{1,3}\.\d{1,3}(?![\d]|\.\d)")
_REPLY = re.compile(r"([245](?<![^\s(\[:;<>\"'#（：「][245])[0-5][0-9])(?=[\s\-:;,.)\]）」]|$)")
_HEX = "0123456789abcdefABCDEF"
# Where a diagnostic says which command was answered: Postfix, Exim, Sendmail, Exchange, qmail.
_STAGE_ALTERNATIVES_TEXT = (  # (literals one of which begins each match, the pattern)
    (("in reply to ",), r"in reply to (?P<a>end of DATA|DATA|RCPT TO|MAIL FROM|EHLO|HELO|STARTTLS)\b"),
    (("after ",), r"after (?P<b>end of data|DATA|RCPT TO|MAIL FROM|EHLO|HELO|STARTTLS|initial connection|pipelined \w+)\b"),
    ((">>> ",), r">>> (?P<c>DATA|RCPT|MAIL|EHLO|HELO|STARTTLS)\b"),
    (("rcpt to", "mail from", "data", "ehlo", "helo", "starttls"),
     r"\b(?P<d>RCPT TO|MAIL FROM|DATA|EHLO|HELO|STARTTLS)(?: command)?(?: failed| rejected)?:"),
)
_STAGE = re.compile("|".join(pattern for _, pattern in _STAGE_ALTERNATIVES_TEXT), re.IGNORECASE)
# Strings one of which each of _STAGE's screen words holds: most diagnostics name no stage, and
# hold none of them either (screen.Screen's keys; about 70% of the texts decoders ask about).
STAGE_KEYS = ("rcpt", "data", "mail from", "after ", "ehlo", "helo", "starttls", ">>> ")
_STAGE_SCREEN = Screen([_STAGE.pattern], re.IGNORECASE, STAGE_KEYS)  # most diagnostics name no stage
_STAGE_NAMES = {
    "end of data": "DATA",
    "data": "DATA",
    "rcpt to": "RCPT",
    "rcpt": "RCPT",
    "mail from": "MAIL",
    "mail": "MAIL",
    "ehlo": "EHLO",
    "helo": "HELO",
    "starttls": "STARTTLS",
    "initial connection": "CONN",
}


# An address as the steps below give it back unchanged: ASCII letters, digits and "_+=-." with one
# "@" (nothing they strip, split at or look for), neither end a "." or the "@". Most texts a
# decoder or assemble asks about are one already, alone or after "rfc822;" (one C call instead of
# the twenty steps: 12k -> 2k instructions).
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9_+=-][A-Za-z0-9_+=.-]*@[A-Za-z0-9_+=.-]*[A-Za-z0-9_+=-]")
# "Name <a@b.c>" (the closing ">" maybe stripped): no "@" before the "<", then a plain address whose
# domain has a dot, up to the ">" or the end. _ADDRESS's first match is that address (nothing
# before the "<" reaches an "@"), which the steps after it give back unchanged.
_NAMED_ADDRESS = re.compile(
    r"[^@<]*<([A-Za-z0-9_+=-][A-Za-z0-9_+=.-]*@[A-Za-z0-9_+=-][A-Za-z0-9_+=.-]*\.[A-Za-z0-9_+=.-]*[A-Za-z0-9_+=-])(?:>|\Z)")


def clean_address(text: str) -> str:
    """The first mail address in `text` ("rfc822; <a@b>", "Name <a@b>", "a@b (x)"), or ""."""
    if not text:
        return ""
    if _PLAIN_ADDRESS.fullmatch(text):
        return text
    text = text.strip()
    if ";" in text[:16]:  # "rfc822; addr", "utf-8; addr"
        text = text.split(";", 1)[1]
    text = text.strip().strip("<>").strip()
    if _PLAIN_ADDRESS.fullmatch(text):
        return text
    if text.startswith('"') and '"@' in text[1:]:  # a quoted local part: "john..doe"@example.com
        end = text.index('"@', 1) + 2
        domain = _DOMAIN_PART.match(text[end:])
        return text[:end] + domain.group(0).rstrip(".") if domain else ""
    if " " not in text and text.count("@") == 1 and not _NOT_BARE.search(text):
        address = text.strip("'\".,;:()[]")
    else:
        named = None if '"@' in text else _NAMED_ADDRESS.match(text)  # no quoted local part either
        if named is not None:
            return named.group(1)
        m = _QUOTED_LOCAL.search(text) or _ADDRESS.search(text)
        if not m:
            return ""
        address = m.group(1)
    address = address.strip("'.,;:")
    if address.lower().startswith("mailto:"):
        address = address[7:]
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        return ""
    if not address.isascii():
        address = _WORDS_AFTER.sub(r"\1", address)
    return address


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower().rstrip(".") if "@" in address else ""


def find_status(text: str) -> str:
    """The first enhanced status code (2/4/5.x.y) in `text`, or ""."""
    m = _STATUS.search(text or "")
    return m.group() if m else ""


def find_all_status(text: str) -> list[str]:
    return _STATUS.findall(text or "")


def find_replycode(text: str) -> str:
    """The first SMTP reply code (2xx/4xx/5xx) standing as a word in `text`, or ""."""
    for m in _REPLY.finditer(text or ""):
        code = m.group(1)
        # "5.1.1" style codes are not reply codes; neither are the first digits of an IP address.
        start, end = m.start(1), m.end(1)
        if end < len(text) and text[end] == "." and end + 1 < len(text) and text[end + 1].isdigit():
            continue
        # nor a group of an IPv6 address: "[2606:2800:220:1::]"
        if start >= 2 and text[start - 1] == ":" and text[start - 2] in _HEX:
            continue
        if end + 1 < len(text) and text[end] == ":" and text[end + 1] in _HEX + ":":
            continue
        return code
    return ""


def find_command(text: str) -> str:
    """The SMTP command a diagnostic says was answered ("RCPT", "DATA", ...), or ""."""
    if not text or not _STAGE_SCREEN.candidates(text):
        return ""
    return named_command(text)


# The pattern find_command searches for: a screen of its own may hold it among others (one pass
# over a diagnostic for this and other patterns), and call named_command where its words are.
STAGE_PATTERN = _STAGE.pattern


def named_command(text: str) -> str:
    """find_command(text) in a text that holds one of STAGE_PATTERN's screen words."""
    m = _stage_search(text)
    if not m:
        return ""
    word = next(g for g in m.groups() if g)
    word = " ".join(word.lower().split())
    if word.startswith("pipelined"):
        word = word.split()[1]
    return _STAGE_NAMES.get(word, word.upper())


# _STAGE's alternatives one by one, each tried only where the text holds a literal its matches
# begin with: about 8 us per diagnostic that names a stage instead of 30 for the whole pattern
# (which tries its four alternatives at every character). The alternatives begin with different
# characters, so the leftmost of their matches is the one _STAGE finds.
_STAGE_ALTERNATIVES = [(literals, re.compile(pattern, re.IGNORECASE))
                       for literals, pattern in _STAGE_ALTERNATIVES_TEXT]


def _stage_search(text: str) -> re.Match[str] | None:
    """_STAGE.search(text), trying its alternatives only where their literal words are (in ASCII
    text: IGNORECASE matches a few non-ASCII letters to ASCII ones, which a lowered text misses)."""
    if not text.isascii():
        return _STAGE.search(text)
    lowered = text.lower()  # the same positions as the text's: ASCII
    best: re.Match[str] | None = None
    for literals, pattern in _STAGE_ALTERNATIVES:
        for literal in literals:
            at = lowered.find(literal)
            while at >= 0 and (best is None or at < best.start()):
                m = pattern.match(text, at)  # \b still sees the character before `at`
                if m:
                    best = m
                    break
                at = lowered.find(literal, at + 1)
    return best


def host_of(text: str) -> str:
    """A host name from "dns; mx.example.com", "mx.example.com [192.0.2.1]" and the like."""
    if not text:
        return ""
    text = text.strip()
    if ";" in text[:12]:
        text = text.split(";", 1)[1].strip()
    text = text.strip("<>()[] \t")
    host = text.split()[0] if text.split() else ""
    host = host.strip("[]()<>,;:").rstrip(".")
    return host.lower()


_TYPED_DIAGNOSTIC = re.compile(r"^([A-Za-z][\w-]{0,31})\s*;\s*(.*)$")


def strip_diagnostic(text: str) -> tuple[str, str]:
    """Split "smtp; 550 5.1.1 ..." into ("SMTP", "550 5.1.1 ...")."""
    text = " ".join((text or "").split())
    m = _TYPED_DIAGNOSTIC.match(text)
    if m:
        return m.group(1).upper(), m.group(2)
    return "", text
