"""Backscatter: reports about mail the user did not send, which must not feed suppression lists.

A record is backscatter when
- the returned original's subject carries a spam tag that a filter or provider added
  ("[SPAM]", "***SPAM***", "{Spam?}", "[Suspected Spam]", "[meiwaku]", "[迷惑メール]", "SPAM:" at
  the start): the message was flagged as spam on its way, so the bounce is most likely about a
  forgery, not about the user's own mail; or
- its addresser (the original's sender) is not in the user's own domains. Own domains are given
  (`scan --own-domain DOMAIN`, repeatable), or inferred from the scanned mail itself: the domains
  that dominate the addressers of the first `WINDOW` records (each at least `MIN_SHARE` of them,
  together at least `MIN_COVER`). A domain and its sub-domains count as one ("example.com" covers
  "mail.example.com" and the reverse). Records without an addresser are never marked by this
  test; nor is anything when inference saw too few records, or no small set of domains dominates
  (a mailbox that serves many senders, where a missing domain proves nothing).

`mark(records, own_domains)` is a generator: with given domains it marks each record as it
passes; when inferring it holds back at most `WINDOW` records, decides, and streams the rest.
Records may also come in groups that are not Bounce objects (a scan writing JSON Lines takes the
cached ones as text: store.records.CachedLines): a group counts as the records it holds, and is
marked as a whole, with the test `foreign(own)` makes.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, runtime_checkable

from bouncetui.model import Bounce

# Spam tags filters and providers put into the subject of the mail they flag (compiled when first
# used: a rescan answered from the cache has no subject to look at).
SPAM_TAGS = (
    r"\[\s*(?:spam|spam\?|suspected[ -]spam|possible[ -]spam|probable[ -]spam|likely[ -]spam|bulk|junk"
    r"|meiwaku|迷惑メール|迷惑|spam[ -]?suspect)\s*\]"
    r"|\*{2,}\s*(?:spam|possible spam|junk)\s*\*{2,}"
    r"|\{\s*spam\??\s*\}"
    r"|^\s*(?:spam|junk)\s*:"
)
WINDOW = 512  # records held back while inferring the own domains
MIN_RECORDS = 20  # fewer records with an addresser than this: no inference
MIN_SHARE = 0.10  # a domain this share of the addressers (or more) is an own domain
MIN_COVER = 0.80  # the own domains together must be this share of the addressers


@functools.cache
def _spam_tags() -> re.Pattern[str]:
    return re.compile(SPAM_TAGS, re.IGNORECASE)


def spam_tag(subject: str) -> str:
    """The spam tag in a subject ("[SPAM]"), or ""."""
    # Each of SPAM_TAGS's alternatives holds one of "[", "*", "{" and ":": a subject with none of
    # them (most) is not searched, which tries the four alternatives at every character.
    if not subject or ("[" not in subject and "*" not in subject and "{" not in subject and ":" not in subject):
        return ""
    m = _spam_tags().search(subject)
    return m.group(0).strip() if m else ""


def _covered(domain: str, own: Iterable[str]) -> bool:
    return any(domain == d or domain.endswith("." + d) or d.endswith("." + domain) for d in own)


def dominant_domains(domains: Iterable[str], min_records: int = MIN_RECORDS, min_share: float = MIN_SHARE,
                     min_cover: float = MIN_COVER) -> frozenset[str] | None:
    """The addresser domains that dominate, or None when there are too few to judge or none do."""
    counts = Counter(d.lower() for d in domains if d)
    total = sum(counts.values())
    if total < min_records:
        return None
    own = frozenset(d for d, n in counts.items() if n / total >= min_share)
    covered = sum(n for d, n in counts.items() if _covered(d, own))
    return own if own and covered / total >= min_cover else None


def why_backscatter(record: Bounce, own: frozenset[str] | None) -> str:
    """Why this record is backscatter, or "" when it is not."""
    tag = spam_tag(record.subject)
    if tag:
        return "spam tag %r in the original's subject" % tag
    if _outside(record.senderdomain, own):
        return "sent from %s, not from the own domains (%s)" % (record.senderdomain.lower(), ", ".join(sorted(own)))
    return ""


def _outside(domain: str, own: frozenset[str] | None) -> bool:
    """True if a record sent from `domain` was not sent from the own domains (when they are known)."""
    domain = domain.lower()
    return bool(own) and bool(domain) and not _covered(domain, own)


def foreign(own: frozenset[str] | None) -> Callable[[str], bool] | None:
    """Whether a record's senderdomain (as the record has it) makes it backscatter under `own`
    (what why_backscatter decides besides the spam tag); None when nothing does."""
    if not own:
        return None
    known: dict[str, bool] = {}

    def test(domain: str) -> bool:
        found = known.get(domain)
        if found is None:
            found = known[domain] = _outside(domain, own)
        return found
    return test


@runtime_checkable
class RecordGroup(Protocol):
    """Records given together, not as Bounce objects (see the module docstring)."""

    def __len__(self) -> int: ...

    def senderdomains(self, limit: int) -> list[str]:
        """The sender domains of its first `limit` records."""

    def marked(self, foreign: Callable[[str], bool] | None) -> RecordGroup:
        """The same records, marked with `foreign` (see foreign())."""


def _marked(record: Bounce, own: frozenset[str] | None) -> Bounce:
    why = why_backscatter(record, own)
    if bool(why) == record.backscatter:
        return record
    trace = tuple((k, v) for k, v in record.trace if k != "backscatter") + (("backscatter", why),)
    return record.replace(backscatter=bool(why), trace=trace)


def mark(records: Iterable[Bounce | object], own_domains: Iterable[str] = (),
         infer: bool = True) -> Iterator[Bounce | object]:
    """The records with `backscatter` set; anything that is not a Bounce or a RecordGroup passes
    through as is."""
    own = frozenset(d.lower().strip(".") for d in own_domains if d)
    iterator = iter(records)
    if own or not infer:
        yield from _marking(iterator, own or None)
        return
    held: list[Bounce | object] = []
    domains: list[str] = []
    seen = 0  # records and other items held (a group counts as its records)
    for item in iterator:
        held.append(item)
        if isinstance(item, Bounce):
            domains.append(item.senderdomain)
            seen += 1
        elif isinstance(item, RecordGroup):
            domains += item.senderdomains(WINDOW - seen)
            seen += len(item)
        else:
            seen += 1
        if seen >= WINDOW:
            break
    inferred = dominant_domains(domains)
    yield from _marking(iter(held), inferred)
    yield from _marking(iterator, inferred)


def _marking(items: Iterator[Bounce | object], own: frozenset[str] | None) -> Iterator[Bounce | object]:
    judge = foreign(own)
    for item in items:
        if isinstance(item, Bounce):
            yield _marked(item, own)
        elif isinstance(item, RecordGroup):
            yield item.marked(judge)
        else:
            yield item
