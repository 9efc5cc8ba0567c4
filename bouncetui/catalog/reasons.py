"""The 34 bounce reasons: what each means, whose side it is on, what to do, and when to suppress.

The texts are in `data/reasons/*.toml` (grouped by topic), English and Japanese side by side. The
suppression advice is data the export acts on, not only prose: see `Suppression`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from bouncetui.catalog._data import load_dir, unwrap
from bouncetui.catalog.language import check_language
from bouncetui.model import is_hard

# Sisimai's current reason names (ARCHITECTURE.md "Reasons"), alphabetical.
REASONS: tuple[str, ...] = (
    "authfailure",
    "badreputation",
    "blocked",
    "contenterror",
    "delivered",
    "emailtoolarge",
    "expired",
    "failedstarttls",
    "feedback",
    "filtered",
    "hasmoved",
    "hostunknown",
    "mailboxfull",
    "mailererror",
    "networkerror",
    "norelaying",
    "notaccept",
    "notcompliantrfc",
    "onhold",
    "policyviolation",
    "ratelimited",
    "rejected",
    "requireptr",
    "securityerror",
    "spamdetected",
    "suppressed",
    "suspend",
    "syntaxerror",
    "systemerror",
    "systemfull",
    "undefined",
    "userunknown",
    "vacation",
    "virusdetected",
)

# Where the problem lies. "none": not a failure (delivered); "unknown": not decided (onhold, undefined).
Side = Literal["sender", "recipient", "network", "content", "policy", "none", "unknown"]
SIDES: tuple[str, ...] = ("sender", "recipient", "network", "content", "policy", "none", "unknown")

Policy = Literal["now", "after", "never"]
POLICIES: tuple[str, ...] = ("now", "after", "never")


@dataclass(frozen=True, slots=True)
class Suppression:
    """When an address that gets this reason should leave the mailing list.

    policy "now": suppress (stop mailing) at the first report, e.g. userunknown, or feedback
    (a complaint is not a bounce, but the person asked you to stop).
    policy "after": suppress once `soft_count` reports of this reason have arrived and the first
    and last of them are at least `span_days` days apart: the condition is not clearing up.
    policy "never": the reason says nothing bad about the address (delivered, vacation) or the
    fault is the sender's own (authfailure, blocked, ratelimited, ...): fix that instead.
    """

    policy: Policy
    soft_count: int = 0
    span_days: int = 0
    text: str = ""

    def applies(self, bounces: int, days: float = 0.0) -> bool:
        """True if `bounces` reports of this reason spread over `days` days call for suppression."""
        if self.policy == "now":
            return bounces >= 1
        if self.policy == "after":
            return bounces >= self.soft_count and days >= self.span_days
        return False


@dataclass(frozen=True, slots=True)
class ReasonEntry:
    """Everything the catalog says about one reason, in one language."""

    name: str
    lang: str
    title: str  # a short human name: "User unknown", "宛先不明"
    summary: str  # one line
    detail: str  # what happened in the SMTP conversation, and whose side it is on
    side: Side
    hard: bool  # the reason's usual verdict; notaccept with a 4xx code is soft (see model.is_hard)
    failure: bool  # False for reports that are not delivery failures: delivered, feedback, vacation
    statuses: tuple[str, ...]  # typical enhanced status codes, most typical first
    replycodes: tuple[str, ...]  # typical SMTP reply codes
    wording: tuple[str, ...]  # typical diagnostic text, as servers send it
    remedy: str  # what the sender should do
    suppression: Suppression


@cache
def reason_entry(name: str, lang: str = "en") -> ReasonEntry:
    """The catalog entry for reason `name` in `lang`; KeyError if there is no such reason."""
    check_language(lang)
    if name not in REASONS:
        raise KeyError(name)
    data = load_dir("reasons")[name]
    text = data[lang]
    rule = data["suppress"]
    return ReasonEntry(
        name=name,
        lang=lang,
        title=text["title"],
        summary=unwrap(text["summary"]),
        detail=unwrap(text["detail"]),
        side=cast(Side, _checked(data["side"], SIDES, name, "side")),
        hard=is_hard(name),
        failure=bool(data.get("failure", True)),
        statuses=tuple(data.get("statuses", ())),
        replycodes=tuple(data.get("replycodes", ())),
        wording=tuple(data.get("wording", ())),
        remedy=unwrap(text["remedy"]),
        suppression=Suppression(
            policy=cast(Policy, _checked(rule["policy"], POLICIES, name, "suppress.policy")),
            soft_count=int(rule.get("count", 0)),
            span_days=int(rule.get("days", 0)),
            text=unwrap(text["suppression"]),
        ),
    )


def reason_entries(lang: str = "en") -> tuple[ReasonEntry, ...]:
    """Every reason's entry in `lang`, in REASONS order."""
    return tuple(reason_entry(name, lang) for name in REASONS)


def _checked(value: str, allowed: tuple[str, ...], name: str, field: str) -> str:
    if value not in allowed:
        raise ValueError("catalog data: reason %s has %s %r, not one of %s" % (name, field, value, allowed))
    return value
