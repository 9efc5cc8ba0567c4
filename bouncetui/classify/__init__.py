"""The classifier: one reason from Sisimai's taxonomy for each delivery, and hard or soft.

The evidence is weighed in a fixed order, and the first that speaks decides:
1. the action: delivered, relayed and expanded mean `delivered`;
2. the reason the report format itself states (feedback, vacation, an MTA's own wording);
3. provider rules for the destination or remote host (classify/providers.py);
4. a definite enhanced status code (classify/rules.py STATUS minus AMBIGUOUS_STATUS);
5. the diagnostic's wording (classify/rules.py PATTERNS);
6. an ambiguous status code;
7. the reply code and the action: a 4xx or a delayed delivery that gave up is `expired`.
Each decision is returned with the rule that made it, for `scan --explain-decoding`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bouncetui.classify import providers, rules

_SUCCESS = {"delivered", "relayed", "expanded"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the classifier looks at for one recipient."""

    action: str = ""
    status: str = ""
    replycode: str = ""
    diagnostic: str = ""
    command: str = ""
    rhost: str = ""
    destination: str = ""
    stated_reason: str = ""


@lru_cache(maxsize=1)
def _compiled() -> tuple:
    patterns = [(reason, re.compile("|".join("(?:%s)" % p for p in pats), re.IGNORECASE)) for reason, pats in rules.PATTERNS]
    provider_rules = [(rule, re.compile(rule.pattern, re.IGNORECASE)) for rule in providers.RULES]
    return patterns, provider_rules


def _suffix(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def classify(ev: Evidence) -> tuple[str, str]:
    """(reason, the rule that decided it)."""
    patterns, provider_rules = _compiled()
    if ev.action in _SUCCESS or ev.status.startswith("2."):
        return "delivered", "action %s" % (ev.action or ev.status)
    if ev.stated_reason:
        return ev.stated_reason, "stated by the report"
    for rule, rx in provider_rules:
        if (_suffix(ev.destination, rule.domains) or _suffix(ev.rhost, rule.domains)) and \
                (not rule.command or rule.command == ev.command) and rx.search(ev.diagnostic):
            return rule.reason, "provider %s: /%s/" % (rule.provider, rule.pattern)
    if ev.status in rules.STATUS and ev.status not in rules.AMBIGUOUS_STATUS:
        return rules.STATUS[ev.status], "status %s" % ev.status
    if ev.diagnostic:
        for reason, rx in patterns:
            m = rx.search(ev.diagnostic)
            if m:
                return reason, "wording %r" % m.group(0)
    if ev.status in rules.STATUS:
        return rules.STATUS[ev.status], "status %s" % ev.status
    if ev.action == "delayed" or ev.status.startswith("4.") or ev.replycode.startswith("4"):
        return "expired", "a temporary failure that was given up"
    if ev.status.startswith("5.") or ev.replycode.startswith("5"):
        return "onhold", "a permanent failure without a recognisable cause"
    return "undefined", "no evidence"
