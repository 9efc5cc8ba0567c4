"""The Bounce record: one recipient of one report, and its JSON / CSV forms.

Field names follow Sisimai's so that its users can carry their scripts over. The JSON Lines
form written by `bouncetui scan --format jsonl` is a stable contract: fields are only ever added.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

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


def fast_construction(cls: type[T]) -> type[T]:
    """Class decorator for a frozen, slotted dataclass: instances built by a generated __new__
    instead of the dataclass's __init__, which sets each field through object.__setattr__ (the
    frozen __setattr__ refuses) at ~1,400 instructions a field. The __new__ fills the slots of
    an object of a twin class (the same slots, no frozen __setattr__) by plain assignment, then
    makes it a `cls`: __class__ may change between classes of one layout. Bounce: 38,700 ->
    6,300 instructions. The class is declared, compared, hashed, printed and replaced as before;
    it pickles and copies as cls(*its values). Fields take plain defaults only (no factories)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if any(f.default_factory is not dataclasses.MISSING or not f.init for f in fields):
        raise TypeError("%s: fast_construction needs plain defaults and every field in __init__" % cls.__name__)
    twin = type("_Unfrozen" + cls.__name__, (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    params = ", ".join(f.name if f.name not in defaults else "%s=_default_%s" % (f.name, f.name) for f in fields)
    source = (
        "def make(_new, _twin, %s):\n"
        "    def __new__(cls, %s):\n"
        "        record = _new(_twin)\n%s"
        "        record.__class__ = cls\n"
        "        return record\n"
        "    return __new__\n"
    ) % ("".join("_default_%s, " % name for name in defaults), params,
         "".join("        record.%s = %s\n" % (f.name, f.name) for f in fields))
    namespace: dict[str, Any] = {}
    exec(source, namespace)
    new = namespace["make"](object.__new__, twin, *defaults.values())
    new.__qualname__ = "%s.__new__" % cls.__qualname__
    values = operator.attrgetter(*(f.name for f in fields))

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    del cls.__init__  # type: ignore[misc]  # object.__init__ from now on: __new__ does the work
    cls.__new__ = staticmethod(new)  # type: ignore[assignment]
    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@fast_construction
@dataclass(frozen=True, slots=True)
class Bounce:
    """One recipient's delivery status from one report."""

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


FIELDS = tuple(f for f in dataclasses.fields(Bounce) if f.name != "trace")
FIELD_NAMES = tuple(f.name for f in FIELDS)
_VALUES = operator.attrgetter(*FIELD_NAMES)


@dataclass(frozen=True, slots=True)
class ScanError:
    """A message that could not be read or decoded; the scan goes on without it."""

    origin: str
    position: int
    error: str

    def __str__(self) -> str:
        return "%s: %s" % (location(self.origin, self.position), self.error)
