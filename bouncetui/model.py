"""The Bounce record: one recipient of one report, and its JSON / CSV forms.

Field names follow Sisimai's so that its users can carry their scripts over. The JSON Lines
form written by `bouncetui scan --format jsonl` is a stable contract: fields are only ever added.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Reasons that are hard bounces whatever the code (ARCHITECTURE.md "Reasons").
ALWAYS_HARD = frozenset({"userunknown", "hostunknown", "hasmoved"})


def is_hard(reason: str, deliverystatus: str = "", replycode: str = "") -> bool:
    """Hard bounce rule: userunknown, hostunknown, hasmoved always; notaccept unless 4xx."""
    if reason in ALWAYS_HARD:
        return True
    if reason == "notaccept":
        return not (deliverystatus.startswith("4") or replycode.startswith("4"))
    return False


def location(origin: str, position: int) -> str:
    """Where a message is, for people: its file, or "file#N" for the N-th message of a mailbox."""
    return origin if position <= 1 else "%s#%d" % (origin, position)


def make_token(addresser: str, recipient: str, timestamp: int, messageid: str = "") -> str:
    """A stable id for a record: the same bounce gets the same token wherever its file moves."""
    text = "\x02%s\x1e%s\x1e%s\x03%d" % (addresser.lower(), recipient.lower(), messageid, timestamp)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True, init=False)
class Bounce:
    """One recipient's delivery status from one report.

    Immutable, compared and hashed by its fields (not by `trace`). Made by `_constructor()`'s
    __new__, not by a generated __init__ (see there): Bounce(origin, position, ...) as usual.
    """

    origin: str
    position: int = 1
    timestamp: int = 0
    timezoneoffset: str = "+0000"
    addresser: str = ""
    senderdomain: str = ""
    recipient: str = ""
    destination: str = ""
    alias: str = ""
    action: str = ""
    deliverystatus: str = ""
    replycode: str = ""
    diagnosticcode: str = ""
    diagnostictype: str = ""
    reason: str = "undefined"
    hardbounce: bool = False
    rhost: str = ""
    lhost: str = ""
    command: str = ""
    messageid: str = ""
    subject: str = ""
    listid: str = ""
    feedbacktype: str = ""
    decodedby: str = ""
    token: str = ""
    backscatter: bool = False
    # Not part of the record's identity: where each field came from (for --explain-decoding).
    trace: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, in field order, without the decoding trace."""
        return dict(zip(FIELD_NAMES, _VALUES(self)))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bounce:
        known = {f.name for f in FIELDS}
        return cls(**{k: v for k, v in data.items() if k in known})

    def replace(self, **changes: Any) -> Bounce:
        return dataclasses.replace(self, **changes)

    def __reduce__(self) -> tuple[type[Bounce], tuple[Any, ...]]:
        """Pickled and copied as Bounce(*its values), trace included."""
        return Bounce, _ALL_VALUES(self)


class _Unfrozen:
    """Bounce's layout without its frozen __setattr__: where a new record's slots are filled."""

    __slots__ = Bounce.__slots__


def _constructor() -> Callable[..., Bounce]:
    """Bounce.__new__: the dataclass's own __init__ sets each field through object.__setattr__
    (its frozen __setattr__ refuses), 27 calls that took ~39,000 instructions a record. This one
    fills the slots of an _Unfrozen object by plain assignment, then makes it a Bounce: __class__
    may change between classes of one layout (the same slots, no __dict__), ~6,300 instructions.
    Generated once from the fields, their order and defaults, as dataclasses generates __init__."""
    fields = dataclasses.fields(Bounce)
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    if any(f.default_factory is not dataclasses.MISSING for f in fields):
        raise TypeError("Bounce's constructor takes plain defaults only, not default_factory")
    params = ", ".join(f.name if f.name not in defaults else "%s=_default_%s" % (f.name, f.name) for f in fields)
    body = "".join("        record.%s = %s\n" % (f.name, f.name) for f in fields)
    source = (
        "def make(_new, _Unfrozen, %s):\n"
        "    def __new__(cls, %s):\n"
        "        record = _new(_Unfrozen)\n%s"
        "        record.__class__ = cls\n"
        "        return record\n"
        "    return __new__\n"
    ) % ("".join("_default_%s, " % name for name in defaults), params, body)
    namespace: dict[str, Any] = {}
    exec(source, namespace)
    new = namespace["make"](object.__new__, _Unfrozen, *defaults.values())
    new.__qualname__ = "Bounce.__new__"
    return new


Bounce.__new__ = staticmethod(_constructor())  # type: ignore[method-assign]
FIELDS = tuple(f for f in dataclasses.fields(Bounce) if f.name != "trace")
FIELD_NAMES = tuple(f.name for f in FIELDS)
_VALUES = operator.attrgetter(*FIELD_NAMES)
_ALL_VALUES = operator.attrgetter(*(f.name for f in dataclasses.fields(Bounce)))


@dataclass(frozen=True, slots=True)
class ScanError:
    """A message that could not be read or decoded; the scan goes on without it."""

    origin: str
    position: int
    error: str

    def __str__(self) -> str:
        return "%s: %s" % (location(self.origin, self.position), self.error)
