"""The Bounce record behaves as the frozen dataclass it is declared as, whatever builds it."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from bouncetui.model import FIELD_NAMES, Bounce, fast_construction

VALUES = (
    "cur/1", 2, 1700000000, "+0900", "a@example.org", "example.org", "b@example.net", "example.net",
    "", "failed", "5.1.1", "550", "550 5.1.1 <b@example.net>: User unknown", "SMTP", "userunknown",
    True, "mx.example.net", "mta.example.org", "RCPT", "id@example.org", "Hello", "", "", "Postfix",
    "0123abcd", False, (("reason", "status 5.1.1"),),
)


def _names() -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(Bounce))


def test_positional_and_keyword_construction_agree_field_by_field():
    by_position = Bounce(*VALUES)
    by_name = Bounce(**dict(zip(_names(), VALUES)))
    for name, value in zip(_names(), VALUES):
        assert getattr(by_position, name) == value
        assert getattr(by_name, name) == value
    assert type(by_position) is Bounce and isinstance(by_position, Bounce)


def test_defaults_are_the_declared_ones():
    record = Bounce("cur/1")
    for f in dataclasses.fields(Bounce)[1:]:
        assert getattr(record, f.name) == f.default, f.name
    assert record.reason == "undefined" and record.timezoneoffset == "+0000" and record.trace == ()


def test_wrong_arguments_are_refused_as_by_any_function():
    with pytest.raises(TypeError):
        Bounce()  # origin is required
    with pytest.raises(TypeError):
        Bounce("cur/1", nosuchfield=1)
    with pytest.raises(TypeError):
        Bounce("cur/1", 1, origin="again")
    with pytest.raises(TypeError):
        Bounce(*VALUES, "one too many")


def test_a_record_cannot_be_changed_or_given_new_attributes():
    record = Bounce(*VALUES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.reason = "filtered"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del record.reason  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):
        record.extra = 1  # type: ignore[attr-defined]
    assert record.reason == "userunknown"


def test_equality_and_hash_ignore_the_trace_only():
    record = Bounce(*VALUES)
    same = record.replace(trace=())
    assert record == same and hash(record) == hash(same)
    other = record.replace(reason="filtered")
    assert record != other and other.reason == "filtered" and other.recipient == record.recipient
    assert len({record, same, other}) == 2


def test_repr_names_every_field_but_the_trace():
    text = repr(Bounce(*VALUES))
    assert text.startswith("Bounce(origin='cur/1', position=2,") and "trace" not in text
    assert all("%s=" % name in text for name in FIELD_NAMES)


def test_pickle_and_copies_keep_every_field_and_the_trace():
    record = Bounce(*VALUES)
    for again in (pickle.loads(pickle.dumps(record, protocol)) for protocol in range(pickle.HIGHEST_PROTOCOL + 1)):
        assert again == record and again.trace == record.trace and type(again) is Bounce
    assert copy.copy(record).trace == record.trace and copy.deepcopy(record) == record


def test_to_dict_and_json_keep_the_field_order_without_the_trace():
    record = Bounce(*VALUES)
    assert tuple(record.to_dict()) == FIELD_NAMES and "trace" not in record.to_dict()
    assert record.to_json().startswith('{"origin":"cur/1","position":2,"timestamp":1700000000,')
    assert Bounce.from_dict({**record.to_dict(), "unknown": 1}) == record


def test_fast_construction_refuses_what_it_cannot_build():
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="plain defaults"):
        fast_construction(WithFactory)
