"""Enhanced mail system status codes (RFC 3463 and later) and SMTP reply codes (RFC 5321 and later).

`explain_status("5.1.1")` splits a code into class, subject and detail and explains each;
`explain_replycode("550")` explains a three-digit reply. The texts are in
`data/status_codes.toml` and `data/reply_codes.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bouncetui.catalog._data import load, unwrap
from bouncetui.catalog.language import check_language

_STATUS = re.compile(r"#?([245])\.(\d{1,3})\.(\d{1,3})")
_REPLY = re.compile(r"([2-5])([0-5])(\d)")


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """What an enhanced status code such as "5.7.26" means, part by part."""

    code: str  # normalised: "5.7.26"
    lang: str
    class_name: str  # "Permanent failure"
    class_text: str
    subject_name: str  # "Security or policy status"
    subject_text: str
    detail_name: str  # "" when the detail is not registered under its subject
    detail_text: str
    known: bool  # True when the detail is registered
    reference: str  # where the detail (or, if unregistered, the subject) is defined
    reasons: tuple[str, ...]  # the reasons this code usually maps to

    @property
    def name(self) -> str:
        """The most specific name the catalog has: the detail's, else the subject's."""
        return self.detail_name or self.subject_name


@dataclass(frozen=True, slots=True)
class ReplyEntry:
    """What an SMTP reply code such as "550" means."""

    code: str
    lang: str
    name: str  # "Mailbox unavailable"
    text: str
    kind: str  # the first digit's meaning: "Permanent negative completion"
    category: str  # the second digit's meaning: "Mail system"
    known: bool  # False: not a registered code; name and text come from its digits alone
    reference: str
    reasons: tuple[str, ...]


@cache
def explain_status(code: str, lang: str = "en") -> StatusEntry | None:
    """Explain "5.1.1" (also "#5.1.1"); None if the class or the subject is not defined."""
    check_language(lang)
    match = _STATUS.fullmatch(code.strip())
    if match is None:
        return None
    klass, subject, detail = (str(int(part)) for part in match.groups())
    data = load("status_codes.toml")
    subject_data = data["subject"].get(subject)
    if subject_data is None:
        return None
    class_data = data["class"][klass]
    detail_data: dict[str, Any] | None = data["detail"].get("%s.%s" % (subject, detail))
    part = detail_data or subject_data
    return StatusEntry(
        code="%s.%s.%s" % (klass, subject, detail),
        lang=lang,
        class_name=class_data[lang]["name"],
        class_text=unwrap(class_data[lang]["text"]),
        subject_name=subject_data[lang]["name"],
        subject_text=unwrap(subject_data[lang]["text"]),
        detail_name=detail_data[lang]["name"] if detail_data else "",
        detail_text=unwrap(detail_data[lang]["text"]) if detail_data else "",
        known=detail_data is not None,
        reference=part["reference"],
        reasons=tuple(part.get("reasons", ())),
    )


@cache
def explain_replycode(code: str, lang: str = "en") -> ReplyEntry | None:
    """Explain "550"; an unregistered code with valid digits gets its digits' meaning; else None."""
    check_language(lang)
    code = code.strip()
    match = _REPLY.fullmatch(code)
    if match is None:
        return None
    data = load("reply_codes.toml")
    kind = data["first"][match.group(1)][lang]
    category = data["second"][match.group(2)][lang]
    entry = data["code"].get(code)
    if entry is None:
        return ReplyEntry(
            code=code,
            lang=lang,
            name="%s: %s" % (kind["name"], category["name"]),
            text=_join(unwrap(kind["text"]), unwrap(category["text"])),
            kind=kind["name"],
            category=category["name"],
            known=False,
            reference="RFC 5321 4.2.1",
            reasons=(),
        )
    return ReplyEntry(
        code=code,
        lang=lang,
        name=entry[lang]["name"],
        text=unwrap(entry[lang]["text"]),
        kind=kind["name"],
        category=category["name"],
        known=True,
        reference=entry["reference"],
        reasons=tuple(entry.get("reasons", ())),
    )


def status_codes() -> tuple[str, ...]:
    """Every registered "subject.detail" pair with the classes it is used in, as "X.S.D" codes."""
    data = load("status_codes.toml")
    codes = []
    for key, entry in data["detail"].items():
        for klass in entry.get("classes", ("4", "5")):
            codes.append("%s.%s" % (klass, key))
    return tuple(sorted(codes, key=_code_order))


def detail_keys() -> tuple[str, ...]:
    """Every registered "subject.detail" pair ("1.1", "7.26", ...), in numeric order."""
    return tuple(sorted(load("status_codes.toml")["detail"], key=_code_order))


def reply_codes() -> tuple[str, ...]:
    """Every reply code the catalog explains by name, in numeric order."""
    return tuple(sorted(load("reply_codes.toml")["code"]))


def _join(first: str, second: str) -> str:
    return first + ("" if first.endswith("。") else " ") + second


def _code_order(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))
