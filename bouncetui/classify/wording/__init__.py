"""The diagnostic's wording, reason by reason: which words mean which reason, and in which order
the reasons are tried.

Each family of reasons keeps its regular expressions in a module of its own: `mailbox` (the
recipient's mailbox), `content` (the message), `sender` (the sender and its server), `transport`
(the way there and the systems on it). `ORDER` says which reason's words are tried first: the
first reason whose words match wins, so narrow reasons come before broad ones ("mailbox full"
before "user unknown", "relay access denied" before "access denied"). `PATTERNS` is the table
the classifier reads: (reason, regular expressions) in that order. The patterns are written in
lower case and searched in the lower-cased diagnostic. Every reason's words are exercised by
tests/unit/test_classify_rules.py with wording that must and must not match.
"""

from __future__ import annotations

from bouncetui.classify.wording import content, mailbox, sender, transport

ORDER: tuple[str, ...] = (
    "suppressed", "mailboxfull", "emailtoolarge", "suspend", "hasmoved", "norelaying", "notcompliantrfc",
    "authfailure", "requireptr", "badreputation", "ratelimited", "virusdetected", "spamdetected",
    "policyviolation", "userunknown", "filtered", "rejected", "hostunknown", "blocked", "failedstarttls",
    "securityerror", "systemfull", "notaccept", "expired", "networkerror", "contenterror", "systemerror",
    "mailererror", "syntaxerror", "onhold",
)


def _in_order() -> list[tuple[str, tuple[str, ...]]]:
    """The families' tables as (reason, patterns) in ORDER; a reason in no family, in two, or
    missing from ORDER is an error at import."""
    wording: dict[str, tuple[str, ...]] = {}
    for family in (mailbox, content, sender, transport):
        twice = wording.keys() & family.WORDING.keys()
        if twice:
            raise ValueError("reasons in two wording families: %s" % ", ".join(sorted(twice)))
        wording.update(family.WORDING)
    if set(ORDER) != wording.keys() or len(ORDER) != len(wording):
        raise ValueError("wording.ORDER and the families' reasons differ: %s"
                         % ", ".join(sorted(set(ORDER) ^ wording.keys())))
    return [(reason, wording[reason]) for reason in ORDER]


PATTERNS: list[tuple[str, tuple[str, ...]]] = _in_order()
TEMPORARY_DNS = transport.TEMPORARY_DNS
