"""Resolve a word a person typed into what the catalog knows about it.

A word is a reason name ("userunknown", also "User Unknown" or "mailbox_full"), an enhanced status
code ("5.1.1"), a reply code ("550"), both at once ("550 5.1.1", "550-5.1.1"), or a Japanese
carrier domain or address ("docomo.ne.jp"). Anything else raises UnknownWord carrying close
matches found with rapidfuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bouncetui.catalog.carriers import CarrierNote, carrier_domains, carrier_notes_for
from bouncetui.catalog.codes import (
    ReplyEntry,
    StatusEntry,
    explain_replycode,
    explain_status,
    reply_codes,
    status_codes,
)
from bouncetui.catalog.language import check_language
from bouncetui.catalog.reasons import REASONS, ReasonEntry, reason_entry

_CODES = re.compile(r"(?:(?P<reply>\d{3})(?:[\s-]+|$))?(?P<status>#?\d\.\d{1,3}\.\d{1,3})?")


@dataclass(frozen=True, slots=True)
class Explanation:
    """What one word resolved to; at least one field is set."""

    word: str
    reason: ReasonEntry | None = None
    status: StatusEntry | None = None
    reply: ReplyEntry | None = None
    carriers: tuple[CarrierNote, ...] = ()


class UnknownWord(LookupError):
    """The catalog knows nothing by this name; `suggestions` holds the closest names it knows."""

    def __init__(self, word: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(word)
        self.word = word
        self.suggestions = suggestions

    def __str__(self) -> str:
        message = "unknown reason or code: %r" % self.word
        if self.suggestions:
            message += " (did you mean %s?)" % ", ".join(self.suggestions)
        return message


def lookup(word: str, lang: str = "en") -> Explanation:
    """Explain `word` in `lang`; raise UnknownWord (with suggestions) if nothing matches."""
    check_language(lang)
    text = word.strip()
    name = re.sub(r"[\s_-]+", "", text).lower()
    if name in REASONS:
        return Explanation(word, reason=reason_entry(name, lang))
    match = _CODES.fullmatch(text)
    if match and (match.group("reply") or match.group("status")):
        reply = explain_replycode(match.group("reply"), lang) if match.group("reply") else None
        status = explain_status(match.group("status"), lang) if match.group("status") else None
        if reply is not None or status is not None:
            return Explanation(word, status=status, reply=reply)
    notes = carrier_notes_for(text, lang) if "." in text else ()
    if notes:
        return Explanation(word, carriers=notes)
    raise UnknownWord(word, suggestions(word))


def suggestions(word: str, limit: int = 5) -> tuple[str, ...]:
    """The names closest to `word`: reason names (and carrier domains) for a word with letters,
    status and reply codes for one made of digits."""
    query = word.strip().lower()
    if re.search(r"[a-z]", query):
        choices: tuple[str, ...] = REASONS + carrier_domains() if "." in query else REASONS
        query = re.sub(r"[\s_-]+", "", query)
    else:
        choices = status_codes() + reply_codes()
    # rapidfuzz is imported here: importing the catalog (the explorer does, as it starts) skips it
    from rapidfuzz import fuzz, process

    found = process.extract(query, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
    return tuple(choice for choice, _score, _index in found)
