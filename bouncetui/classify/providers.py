"""Provider rules: what a receiving provider's wording means, keyed by its hosts and domains.

Each rule names the destination domains or remote hosts it applies to (suffix match), the SMTP
command it applies at ("" for any), a pattern over the diagnostic, and the reason. Japanese
carriers answer "550 Unknown user" both for a missing mailbox (at RCPT) and for their receive
filter (after DATA); au says "550 : User unknown" without the address for the filter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProviderRule:
    provider: str
    domains: tuple[str, ...]  # destination domains or remote hosts (suffix match)
    pattern: str  # regular expression over the diagnostic text (case-insensitive)
    reason: str
    command: str = ""  # "" any stage; "RCPT", "DATA", ...


DOCOMO = ("docomo.ne.jp", "mopera.net", "docomo.blackberry.com")
AU = ("ezweb.ne.jp", "au.com", "biz.ezweb.ne.jp", "lsean.ezweb.ne.jp", "msmx.au.com")
SOFTBANK = ("softbank.ne.jp", "i.softbank.jp", "vodafone.ne.jp", "disney.ne.jp")

RULES: tuple[ProviderRule, ...] = (
    ProviderRule("docomo", DOCOMO, r"unknown user", "filtered", "DATA"),
    ProviderRule("docomo", DOCOMO, r"unknown user", "userunknown", "RCPT"),
    ProviderRule("au", AU, r"550 ?: ?user unknown|^: ?user unknown", "filtered"),
    ProviderRule("au", AU, r"user unknown", "userunknown", "RCPT"),
    ProviderRule("softbank", SOFTBANK, r"invalid recipient", "userunknown"),
)
