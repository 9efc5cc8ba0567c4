"""The reason catalog: what a bounce means and what to do about it, in English and Japanese.

One place holds that knowledge, for every view that shows it (the TUI's reason panel,
`bouncetui explain`, the exports):

- `reason_entry(name, lang)`: for each of the 34 reasons, a summary, what happened and on whose
  side, typical codes and wording, the remedy, and suppression advice the export can act on.
- `explain_status("5.7.26", lang)` and `explain_replycode("550", lang)`: enhanced status codes
  (RFC 3463 and later registrations) and SMTP reply codes (RFC 5321 and extensions).
- `carrier_notes(lang)` / `carrier_notes_for(domain, lang)`: Japanese mobile carriers' receive
  filters, silent drops and throttling.
- `lookup(word, lang)`: any of the above from what a person typed; UnknownWord with close matches.
- `default_language()`: "ja" or "en" from the locale.

The texts are TOML files in `data/`, read once on first use.
"""

from bouncetui.catalog.carriers import CarrierNote, carrier_notes, carrier_notes_for, is_carrier_domain
from bouncetui.catalog.codes import (
    ReplyEntry,
    StatusEntry,
    detail_keys,
    explain_replycode,
    explain_status,
    reply_codes,
    status_codes,
)
from bouncetui.catalog.language import LANGUAGES, default_language, label
from bouncetui.catalog.lookup import Explanation, UnknownWord, lookup, suggestions
from bouncetui.catalog.reasons import (
    REASONS,
    SIDES,
    ReasonEntry,
    Suppression,
    reason_entries,
    reason_entry,
)

__all__ = [
    "LANGUAGES",
    "REASONS",
    "SIDES",
    "CarrierNote",
    "Explanation",
    "ReasonEntry",
    "ReplyEntry",
    "StatusEntry",
    "Suppression",
    "UnknownWord",
    "carrier_notes",
    "carrier_notes_for",
    "default_language",
    "detail_keys",
    "explain_replycode",
    "explain_status",
    "is_carrier_domain",
    "label",
    "lookup",
    "reason_entries",
    "reason_entry",
    "reply_codes",
    "status_codes",
    "suggestions",
]
