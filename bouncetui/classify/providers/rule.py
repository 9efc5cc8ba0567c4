"""What a provider rule is: the row type of every provider table, and the helper they share.

A `Provider` applies to a delivery when the remote host or the recipient's domain is one of its
`domains` (suffix match), or when the diagnostic names it (`mark`). Its `rules` are tried in order;
the first `ProviderRule` whose pattern matches the diagnostic (and whose SMTP stage and status code
agree, when the rule names them) decides the reason.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProviderRule:
    """One row: the wording (regular expression, case-insensitive) and the reason it means."""

    reason: str
    pattern: str
    command: str = ""  # "" any stage; else the stage it must have failed at ("RCPT", "DATA", ...)
    status: str = ""  # "" any; else a prefix the status code must have ("4.", "5.2.0")


@dataclass(frozen=True)
class Provider:
    name: str
    domains: tuple[str, ...]  # remote hosts or recipient domains, suffix match
    rules: tuple[ProviderRule, ...]
    mark: str = ""  # a regular expression naming the provider in the diagnostic itself


R = ProviderRule


def phrase(words: str) -> str:
    """A regular expression for `words` (separated by blanks; each word plain or a regular expression
    without blanks) that also matches them broken over lines or spaced twice. (A wrapped reply's
    continuation prefixes, "550-5.7.1 ", are removed before the rules read it: classify.unwrapped.)"""
    return r"\s+".join(words.split())
