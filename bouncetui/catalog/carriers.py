"""Notes on Japanese mobile carriers' mail: receive filters, silent drops and throttling.

Each note is keyed by the destination domains it concerns (`docomo.ne.jp`, `*.vodafone.ne.jp`,
...), so a view can show the right note next to a bounce. General notes (no domains of their own)
apply to every carrier domain. The texts are in `data/carriers.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bouncetui.catalog._data import load, unwrap
from bouncetui.catalog.language import check_language


@dataclass(frozen=True, slots=True)
class CarrierNote:
    """One note, in one language. `domains` is empty for a note about every carrier."""

    key: str
    lang: str
    title: str
    text: str
    domains: tuple[str, ...]

    def matches(self, domain: str) -> bool:
        """True if `domain` is one of this note's domains ("*.x" matches any subdomain of x)."""
        return any(_domain_matches(domain, pattern) for pattern in self.domains)


@cache
def carrier_notes(lang: str = "en") -> tuple[CarrierNote, ...]:
    """Every note in `lang`: the carrier-specific ones first, then the general ones, file order."""
    check_language(lang)
    notes = [
        CarrierNote(
            key=key,
            lang=lang,
            title=entry[lang]["title"],
            text=unwrap(entry[lang]["text"]),
            domains=tuple(entry.get("domains", ())),
        )
        for key, entry in load("carriers.toml").items()
    ]
    return tuple(sorted(notes, key=lambda note: not note.domains))


def carrier_notes_for(domain: str, lang: str = "en") -> tuple[CarrierNote, ...]:
    """The notes for destination `domain` (an address works too): its carrier's, then the general
    ones; empty if it is not a Japanese carrier domain."""
    domain = domain.rpartition("@")[2].strip().rstrip(".").lower()
    notes = carrier_notes(lang)
    specific = tuple(note for note in notes if note.matches(domain))
    if not specific:
        return ()
    return specific + tuple(note for note in notes if not note.domains)


def is_carrier_domain(domain: str) -> bool:
    """True if `domain` (or an address at it) belongs to a Japanese mobile carrier."""
    return bool(carrier_notes_for(domain))


def carrier_domains() -> tuple[str, ...]:
    """Every domain pattern the notes name."""
    return tuple(pattern for note in carrier_notes("en") for pattern in note.domains)


def _domain_matches(domain: str, pattern: str) -> bool:
    domain = domain.lower()
    if pattern.startswith("*."):
        return domain.endswith(pattern[1:])
    return domain == pattern
