"""The classifier: one reason from Sisimai's taxonomy for each delivery, and the rule that chose it.

The evidence is weighed in a fixed order (`STEPS`); the first step that speaks decides:

1. success: an action of delivered, relayed or expanded, or a 2.x.x status, is `delivered`;
2. the reason the report format itself states (feedback, vacation, an MTA's own vocabulary);
3. provider rules for the remote host, the recipient's domain or a provider named in the reply
   (classify/providers/, one module per family): their error codes mean what their documentation says;
   but a verdict on the message (spam) given before DATA, when the server had not read it, judges
   the client or the sender, as the same wording does at that stage (stages.NEEDS_THE_MESSAGE);
3b. a local mailer's diagnostic type (X-Unix): `mailererror`, unless its words say the mailbox
   is full or the system failed;
4. the SMTP stage: wording that says "user unknown" in reply to DATA is a receive filter,
   `filtered`: a missing mailbox is refused at RCPT. With no stage stated, the same words count
   as a filter when the status is a mailbox status (5.2.x) or there is no status at all, and the
   filters' own reply ("User unknown", "Unknown user") when the status is an undefined x.0.0: only
   a RCPT refusal or an address status (x.1.x) proves the mailbox is missing, and filters (the
   Japanese carriers' among them) answer with these very words; not so a notice's own sentence in
   the reader's language that the mailbox does not exist (stages.STAGELESS_UNKNOWN), nor the
   reporting MTA's own lookup (stages.OWN_VERDICT_TYPES: Postfix's local(8)). A decoder
   whose format's own vocabulary says the user is unknown states the reason (step 2). A firm
   status code (5.1.1, 5.2.2, ...) is never overruled by the stage;
5. a firm enhanced status code (statuscodes.STATUS minus statuscodes.AMBIGUOUS_STATUS), unless
   the wording names a reason the code gives way to (statuscodes.STATUS_GIVES_WAY);
6. the diagnostic's wording (wording.PATTERNS, reason by reason in wording.ORDER), read first
   after a restriction prefix ("Recipient address rejected: Mailbox full"), then from the remote
   server's own reply inside a wrapper, then whole; addresses are masked and continuation
   prefixes removed. Some wording means something else at a stage (stages.STAGE_MEANS,
   stages.STAGE_PHRASES): refused at the connection or HELO the client is blocked, refused at
   MAIL FROM the sender is rejected;
7. an ambiguous status code, then the status class (x.6 content, x.7 security), a local mailer's
   diagnostic type (`mailererror`), a delayed action (`expired`), a refusal at HELO/EHLO
   (`blocked`), and last `onhold` when there was a reply nobody could place, else `undefined`.

A delay notice (Action: delayed) is read as the final bounce would be: the connection failures
of a host the queue keeps retrying are `expired` in both.

`classify(evidence)` returns (reason, why): `why` names the rule, for `scan --explain-decoding`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from bouncetui.classify import providers, stages, statuscodes, wording
from bouncetui.classify.screen import Patterns, Screen, alternatives, lowered_pattern
from bouncetui.model import fast_construction

_SUCCESS = frozenset({"delivered", "relayed", "expanded"})


@fast_construction  # built once per record: a plain-assignment constructor (bouncetui.model)
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
    diagnostictype: str = ""


@dataclass(frozen=True)
class _Compiled:
    reasons: tuple[str, ...]  # wording.PATTERNS's reasons, in the order they are tried
    wording: Patterns  # every pattern of wording.PATTERNS, by reason, in order
    reason_of: tuple[int, ...]  # the index in `reasons` of each wording pattern's reason
    wording_screen: Screen  # the wording patterns that may match a (lower-cased) text
    domain_index: dict[str, frozenset[int]]  # a provider domain -> the providers that list it
    marks: Patterns  # the providers' marks, each alternative of one on its own (screen.alternatives)
    provider_of_mark: tuple[int, ...]  # a mark's index in marks -> its provider
    rules: Patterns  # every provider's rules, provider by provider
    rule_of: tuple[tuple[int, ...], ...]  # a provider -> its rules' indexes in rules
    # The same marks and rules for a lower-cased ASCII diagnostic, without IGNORECASE, and their
    # screen (classify/screen.py lowered_pattern): what nearly every diagnostic is searched with.
    # One screen holds the marks (0 on) and the rules (len(marks) on): one pass over a text finds both.
    lower_marks: Patterns
    lower_rules: Patterns
    lower_screen: Screen

    # The screen of the marks and rules as written (case-insensitive), for a diagnostic beyond
    # ASCII: built when one first comes (a scan of ASCII reports never reads their ~230 patterns).
    @cached_property
    def screen(self) -> Screen:
        return Screen(self.marks.patterns + self.rules.patterns, self.marks.flags)


@lru_cache(maxsize=1)
def compiled() -> _Compiled:
    """Every table compiled once."""
    flags = re.IGNORECASE | re.MULTILINE
    # The wording tables are written in lower case and searched in lower-cased text: without
    # IGNORECASE the regular expression engine can skip ahead on literal prefixes. Only the
    # patterns whose words are in the text are searched (classify/screen.py).
    patterns = [(i, p) for i, (_reason, pats) in enumerate(wording.PATTERNS) for p in pats]
    index: dict[str, set[int]] = {}
    for i, p in enumerate(providers.PROVIDERS):
        for domain in p.domains:
            index.setdefault(domain.lower().rstrip("."), set()).add(i)
    rule_patterns: list[str] = []
    rule_of = []
    for p in providers.PROVIDERS:
        rule_of.append(tuple(range(len(rule_patterns), len(rule_patterns) + len(p.rules))))
        rule_patterns.extend(r.pattern for r in p.rules)
    # a provider is named when one alternative of its mark matches: each searched and screened alone
    marked = [(i, alternative) for i, p in enumerate(providers.PROVIDERS) if p.mark
              for alternative in alternatives(p.mark)]
    marks = [alternative for _i, alternative in marked]
    lower_marks = [lowered_pattern(p) for p in marks]
    lower_rules = [lowered_pattern(p) for p in rule_patterns]
    return _Compiled(
        reasons=tuple(reason for reason, _pats in wording.PATTERNS),
        wording=Patterns([p for _i, p in patterns], re.MULTILINE),
        reason_of=tuple(i for i, _p in patterns),
        wording_screen=Screen([p for _i, p in patterns], re.MULTILINE),
        domain_index={d: frozenset(v) for d, v in index.items()},
        marks=Patterns(marks, flags),
        provider_of_mark=tuple(i for i, _alternative in marked),
        rules=Patterns(rule_patterns, flags),
        rule_of=tuple(rule_of),
        lower_marks=Patterns(lower_marks, re.MULTILINE),
        lower_rules=Patterns(lower_rules, re.MULTILINE),
        lower_screen=Screen(lower_marks + lower_rules, re.MULTILINE),
    )


def ready() -> None:
    """Build every table now, not when first used (a fork server, before forking workers).

    Their regular expressions are compiled where first searched, in each worker: the screens let
    a scan search few of them (the bench's 515 seed messages, the whole corpus's variety: 236 of
    1,318), and compiling all 1,318 before the first worker could start took 630 million
    instructions, where a worker compiles those it meets for about 120 million (cachegrind)."""
    compiled().screen  # noqa: B018  (built on first use)


@lru_cache(maxsize=4096)
def _providers_of(host: str) -> frozenset[int]:
    """The providers one of whose domains is `host` or a parent of it (a dictionary look-up per
    label instead of a regular expression per provider); the same hosts come again and again."""
    if not host:
        return frozenset()
    index = compiled().domain_index
    labels = host.lower().rstrip(".").split(".")
    found: set[int] = set()
    for i in range(len(labels)):
        found.update(index.get(".".join(labels[i:]), ()))
    return frozenset(found)


_ADDRESS = re.compile(r"[\w.+=/-]+@[\w-]+(?:\.[\w-]+)+")
# The "550-5.7.1 " prefixes of a multi-line reply's continuation lines, once lines are joined.
# Written to start with the blank (\s, then the non-blank before it), not with a look-behind: the
# engine then skips ahead to a blank instead of trying every character (1.0 instead of 2.0 us).
# The same matches as "(?<=\S)\s+[245]..." (tests/unit/test_classify_plain.py proves it).
_CONTINUATION = re.compile(r"\s(?<=\S\s)\s*[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?(?=\S)")


# A blank before a reply code: in every text _CONTINUATION changes, and found much faster (the
# engine skips ahead to a 2, 4 or 5 instead of stopping at every blank).
_CONTINUATION_HINT = re.compile(r"[245](?<=\s[245])\d\d[ -]")


def plain_words(text: str) -> str:
    """The diagnostic as wording: addresses as "<address>" (a local part such as "filtered@"
    says nothing), continuation-line prefixes of a multi-line reply removed."""
    if "@" in text:
        text = mask_addresses(text)
    return unwrapped(text)


def unwrapped(text: str) -> str:
    """The text with the continuation-line prefixes of a multi-line reply removed ("550-5.7.1 ...
    550 5.7.1 ..." read as one sentence), the first line's own reply code kept."""
    first = _REPLY_START.match(text)
    head, rest = (text[: first.end()], text[first.end():]) if first else ("", text)
    if not _CONTINUATION_HINT.search(rest):
        return head + rest
    return head + _CONTINUATION.sub(" ", rest)


# _ADDRESS's parts: its local part (matched on the reversed text before an "@") and its domain.
_LOCAL_RUN = re.compile(r"[\w.+=/-]*")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def mask_addresses(text: str) -> str:
    """_ADDRESS.sub("<address>", text), read from each "@": the engine would try _ADDRESS at every
    character of every word, running along the word to its end each time. A match holds the first
    "@" after its start (the local part has none); its leftmost start before that "@" is where the
    run of local-part characters reaching it begins (not before the previous match's end), and
    with no domain after that "@", no start before it matches."""
    out = []
    pos = floor = 0  # the local part starts at or after floor: the previous match's end or "@"
    at = text.find("@")
    while at >= 0:
        local = len(_LOCAL_RUN.match(text[floor:at][::-1]).group())
        domain = _DOMAIN.match(text, at + 1) if local else None
        if domain is None:
            floor = at + 1  # no local part holds an "@": each character is read back once
            at = text.find("@", floor)
            continue
        out.append(text[pos:at - local])
        out.append("<address>")
        pos = floor = domain.end()
        at = text.find("@", pos)
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_REPLY_START = re.compile(r"\s*[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3})?")


@lru_cache(maxsize=4)
def _wording_view(text: str) -> tuple[str, str, list[int]]:
    """(the plain words lowered, as written, the wording patterns that may match them in order):
    what match_wording reads in a text. Several steps ask it of one diagnostic (the stage's
    'user unknown' only, then every reason): the last few are kept."""
    plain = plain_words(text)
    lowered = plain.lower()
    source = plain if len(plain) == len(lowered) else lowered  # to quote the words as written
    return lowered, source, sorted(compiled().wording_screen.candidates(lowered))


def match_wording(text: str, only: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(reason, the words that matched) for the first wording.PATTERNS row matching `text`, or None."""
    if not text:
        return None
    lowered, source, candidates = _wording_view(text)
    table = compiled()
    best = None  # of the first reason that matches: the leftmost match; at one place, the earlier pattern's
    for n in candidates:
        reason = table.reason_of[n]
        if best is not None and reason != table.reason_of[best[0]]:
            break
        if only is not None and table.reasons[reason] not in only:
            continue
        m = table.wording[n].search(lowered)
        if m is not None and (best is None or m.start() < best[1].start()):
            best = (n, m)
    if best is None:
        return None
    n, m = best
    return table.reasons[table.reason_of[n]], source[m.start():m.end()]


# Where the remote server's own reply starts in a diagnostic that wraps it ("5.1.0 - Unknown
# address error 550-'5.7.1 ... Access denied'"): a reply code followed by an enhanced status code.
# Its boundary is tested behind its first digit: the engine skips ahead to a 2, 4 or 5 (the same
# matches as "(?:^|[\s'\"(<\[:;>-])([245]\d\d)...", tests/unit/test_classify_plain.py proves it).
_REMOTE_REPLY = re.compile(r"([245](?<![^\s'\"(<\[:;>-][245])\d\d)[ -]'?#?[245]\.\d{1,3}\.\d{1,3}\b")


def remote_words(text: str) -> str:
    """The remote server's words when a wrapper precedes them, else ""."""
    m = _REMOTE_REPLY.search(text or "")
    return text[m.start(1):] if m and m.start(1) > 0 else ""


# Postfix-style restriction prefixes: the reason is in the words after them.
# ("Recipient address rejected: Access denied" is the directory saying no such recipient.)
_RESTRICTION = re.compile(r"recipient address rejected:\s*(?!access denied)(?=\S)", re.IGNORECASE)
_RESTRICTION_WORDS = "recipient address rejected:"


@lru_cache(maxsize=4)
def match_reply(text: str, only: frozenset[str] | None = None) -> tuple[str, str] | None:
    """match_wording over the words after a restriction prefix ("Recipient address rejected:
    Mailbox full"), then over the remote server's own words, then over the whole text.
    (Several steps ask this of one diagnostic: the last few answers are kept.)"""
    for part in _focus(text):
        found = match_wording(part, only)
        if found is not None:
            return found
    return None


def _focus(text: str) -> list[str]:
    parts = []
    text = text or ""
    # in ASCII text only the lowered words can match (most diagnostics have no such prefix)
    m = None if text.isascii() and _RESTRICTION_WORDS not in text.lower() else _RESTRICTION.search(text)
    if m:
        parts.append(text[m.end():])
    inner = remote_words(text)
    if inner:
        parts.append(inner)
    parts.append(text)
    return parts


def match_provider(ev: Evidence) -> tuple[str, str] | None:
    """(reason, why) from the first provider rule that applies to this delivery, or None.

    A rule and a mark match the diagnostic as written or as the wording step reads it, with the
    continuation prefixes of a multi-line reply removed (`unwrapped`): a provider's sentence
    wrapped over "550-5.7.1 " lines is still its sentence, and a rule that names a reply code
    ("^\\s*501 invalid address") still reads the codes as written."""
    diagnostic = ev.diagnostic
    if not diagnostic:
        return None
    table = compiled()
    # no blank before a reply code in the whole text, none in its continuation lines: nothing to join
    joined = unwrapped(diagnostic) if _CONTINUATION_HINT.search(diagnostic) else diagnostic
    views = (diagnostic,) if joined == diagnostic else (joined, diagnostic)
    if diagnostic.isascii():  # nearly always: lower-cased, searched without IGNORECASE
        texts = [v.lower() for v in views]
        marks, rules_, screen = table.lower_marks, table.lower_rules, table.lower_screen
    else:
        texts = list(views)
        marks, rules_, screen = table.marks, table.rules, table.screen
    first_rule = len(marks)  # the screen's rules follow its marks
    maybe = [screen.candidates(text) for text in texts]
    by_host = _providers_of(ev.rhost)
    by_domain = _providers_of(ev.destination)
    named = frozenset(table.provider_of_mark[n] for text, candidates in zip(texts, maybe)
                      for n in candidates if n < first_rule and marks[n].search(text))
    if not (by_host or by_domain or named):
        return None
    for i in sorted(by_host | by_domain | named):
        provider = providers.PROVIDERS[i]
        by = "remote host" if i in by_host else "recipient domain" if i in by_domain else "its reply"
        numbers = table.rule_of[i]  # its rules' indexes in rules_, in order
        if not numbers:
            continue
        low, high = first_rule + numbers[0], first_rule + numbers[-1]
        # only the rules the screen let through in some view, in their order (Microsoft has 54)
        for k in sorted({k for candidates in maybe for k in candidates if low <= k <= high}):
            rule = provider.rules[k - low]
            if rule.command and rule.command != ev.command:
                continue
            if rule.status and not ev.status.startswith(rule.status):
                continue
            for view, text, candidates in zip(views, texts, maybe):
                if k not in candidates:
                    continue
                m = rules_[k - first_rule].search(text)
                if m:
                    words = view[m.start():m.end()].strip()  # as written (lower-casing ASCII keeps places)
                    meant = (stages.STAGE_MEANS.get(ev.command, {}).get(rule.reason)
                             if rule.reason in stages.NEEDS_THE_MESSAGE else None)
                    if meant:  # a verdict on a message the server had not read yet
                        return meant, "provider %s (%s): %r at %s means %s" % (
                            provider.name, by, words, ev.command, meant)
                    return rule.reason, "provider %s (%s): %r" % (provider.name, by, words)
    return None


# -- the steps, in order ---------------------------------------------------------------------------
Step = Callable[[Evidence], "tuple[str, str] | None"]


def _success(ev: Evidence) -> tuple[str, str] | None:
    if ev.action in _SUCCESS or ev.status.startswith("2."):
        return "delivered", "action %s" % (ev.action or "with status " + ev.status)
    return None


def _stated(ev: Evidence) -> tuple[str, str] | None:
    return (ev.stated_reason, "stated by the report format") if ev.stated_reason else None


_UNKNOWN_ONLY = frozenset({"userunknown"})
_STAGELESS_UNKNOWN = re.compile(stages.STAGELESS_UNKNOWN, re.IGNORECASE)
_FILTER_REPLY = re.compile(stages.FILTER_REPLY, re.IGNORECASE)


def _stage(ev: Evidence) -> tuple[str, str] | None:
    if ev.status in statuscodes.STATUS and ev.status not in statuscodes.AMBIGUOUS_STATUS:
        return None  # a firm code says more than the stage
    if not ev.command and ev.diagnostictype.upper() in stages.OWN_VERDICT_TYPES:
        return None  # the reporting MTA's own lookup of the mailbox, no filter's reply
    undefined = ev.command == "" and ev.status in stages.UNDEFINED_STATUS
    if ev.command != "DATA" and not undefined and not (
            ev.command == "" and (ev.status[:4] == "5.2." or not ev.status)):
        return None
    found = match_wording(ev.diagnostic, _UNKNOWN_ONLY)
    if found is None or (not ev.command and _STAGELESS_UNKNOWN.search(found[1])):
        return None
    if undefined and not _FILTER_REPLY.search(found[1]):
        return None  # with an x.0.0 status, only the filters' own reply reads as a filter
    # ... unless the reply, read as the wording step reads it, names another reason first:
    # "Recipient address rejected: Message was identified as spam" is about the content.
    first = match_reply(ev.diagnostic)
    if first is not None and first[0] != "userunknown":
        return None
    stage = "after DATA" if ev.command == "DATA" else "not in reply to RCPT"
    return "filtered", "stage: %r %s means a receive filter" % (found[1], stage)


def _mailer(ev: Evidence) -> tuple[str, str] | None:
    if ev.diagnostictype.upper() not in stages.MAILER_TYPES:
        return None
    found = match_wording(ev.diagnostic, stages.MAILER_KEEPS)
    if found is not None:
        return found[0], "local mailer said %r" % found[1]
    return "mailererror", "diagnostic type %s: the local mailer failed" % ev.diagnostictype


def _firm_status(ev: Evidence) -> tuple[str, str] | None:
    reason = statuscodes.STATUS.get(ev.status)
    if reason is None or ev.status in statuscodes.AMBIGUOUS_STATUS:
        return None
    gives_way = statuscodes.STATUS_GIVES_WAY.get(reason)
    if gives_way:
        found = match_reply(ev.diagnostic)
        if found is not None and found[0] in gives_way:
            return found[0], "wording %r over status %s" % (found[1], ev.status)
    return reason, "status %s" % ev.status


_SENDER_PREFIX = re.compile(stages.SENDER_PREFIX, re.IGNORECASE)


def _wording(ev: Evidence) -> tuple[str, str] | None:
    found = match_reply(ev.diagnostic)
    if found is None:
        return None
    reason, words = found
    if reason == "hostunknown" and re.search(wording.TEMPORARY_DNS, ev.diagnostic, re.IGNORECASE):
        return "networkerror", "wording %r with 'try again': a temporary DNS failure" % words
    for phrase, meaning in stages.STAGE_PHRASES.get(ev.command, ()):
        if re.search(phrase, words, re.IGNORECASE):
            return meaning, "wording %r at %s means %s" % (words, ev.command, meaning)
    meant = stages.STAGE_MEANS.get(ev.command, {}).get(reason)
    if meant:
        return meant, "wording %r at %s means %s" % (words, ev.command, meant)
    if reason in stages.SENDER_MEANS and _SENDER_PREFIX.search(ev.diagnostic):
        return stages.SENDER_MEANS[reason], "wording %r about the sender's address" % words
    if reason == "hostunknown" and (ev.status.startswith("4") or ev.replycode.startswith("4")):
        return "networkerror", "wording %r with a temporary status: a DNS failure" % words
    return reason, "wording %r" % words


def _fallback(ev: Evidence) -> tuple[str, str] | None:
    if ev.status in statuscodes.STATUS:
        return statuscodes.STATUS[ev.status], "status %s (no wording matched)" % ev.status
    for prefix, reason in statuscodes.CLASS_FALLBACK:
        if ev.status.startswith(prefix):
            return reason, "status class %s" % prefix.rstrip(".")
    if ev.diagnostictype.upper() in stages.MAILER_TYPES:
        return "mailererror", "diagnostic type %s: the local mailer failed" % ev.diagnostictype
    if ev.action == "delayed" or ev.status.startswith("4.") or ev.replycode.startswith("4"):
        return "expired", "a temporary failure that was given up"
    if ev.command in ("HELO", "EHLO", "CONN"):
        return "blocked", "refused at %s" % ev.command
    if ev.command == "MAIL" and (ev.status.startswith("5") or ev.replycode.startswith("5")):
        return "rejected", "refused at MAIL: the sender was rejected"
    if ev.diagnostic.strip() or ev.status.startswith("5.") or ev.replycode.startswith("5"):
        return "onhold", "a permanent failure without a recognisable cause"
    return None


STEPS: tuple[Step, ...] = (_success, _stated, match_provider, _mailer, _stage, _firm_status, _wording, _fallback)


def classify(ev: Evidence) -> tuple[str, str]:
    """(reason, the rule that decided it)."""
    for step in STEPS:
        found = step(ev)
        if found is not None:
            return found
    return "undefined", "no evidence"
