"""The explorer's records from the index are built in the background (RecordSet.build_some) while
the list is used: a row read meanwhile does not wait for the records being built."""

from __future__ import annotations

import threading

from bouncetui.model import Bounce
from bouncetui.store import CachedFiles
from bouncetui.tui.records import RecordSet, Withdrawn


class GatedSource:
    """Builds records from refs, once `gate` is open (the cache read and parsed, slowly)."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.built: list[str] = []  # the tokens of every record made

    def build(self, refs):
        self.entered.set()
        assert self.gate.wait(30)
        self.built += [ref[4] for ref in refs]
        return [Bounce(origin, position, token=token, recipient="%s@example.jp" % token)
                for origin, position, _digest, _k, token in refs]


def listing(source: GatedSource, count: int) -> CachedFiles:
    return CachedFiles(source, [("/mail/cur/%04d" % i, "h%d" % i, "t%d" % i) for i in range(count)])  # type: ignore[arg-type]


def test_a_row_is_read_while_the_records_are_being_built():
    source = GatedSource()
    rows = RecordSet()
    rows.add([listing(source, 10)])
    builder = threading.Thread(target=rows.build_some)
    builder.start()
    try:
        assert source.entered.wait(30)  # the builder is making the records now
        answers: list[object] = []
        reader = threading.Thread(target=lambda: answers.append((rows.place(3), rows.origins(7), rows.pending)))
        reader.start()
        reader.join(10)
        assert answers == [(("/mail/cur/0003", 1), [("/mail/cur/0007", 1)], 10)]  # not kept waiting
    finally:
        source.gate.set()
        builder.join(30)
    assert rows.pending == 0 and [rows[i].recipient for i in (0, 9)] == ["t0@example.jp", "t9@example.jp"]


def test_a_record_withdrawn_while_being_built_stays_withdrawn_and_the_rest_are_built():
    source = GatedSource()
    rows = RecordSet()
    rows.add([listing(source, 6)])
    builder = threading.Thread(target=rows.build_some)
    builder.start()
    try:
        assert source.entered.wait(30)
        rows.add([Withdrawn([("/mail/cur/0002", ["t2"])])])  # its file changed meanwhile
    finally:
        source.gate.set()
        builder.join(30)
    assert rows.withdrawn == {2} and rows.live == 5
    rows.build_all()
    assert rows.pending == 0 and [rows[i].token for i in range(6) if i not in rows.withdrawn] == ["t0", "t1", "t3", "t4", "t5"]


def test_records_another_thread_is_building_are_waited_for_not_built_twice():
    source = GatedSource()
    rows = RecordSet()
    rows.add([listing(source, 10)])
    builder = threading.Thread(target=rows.build_some)  # the background build
    builder.start()
    try:
        assert source.entered.wait(30)
        reader = threading.Thread(target=rows.build, args=(range(10),))  # a filter wanting them all
        reader.start()
        reader.join(0.5)
        assert reader.is_alive()  # waiting for them
    finally:
        source.gate.set()
        builder.join(30)
    reader.join(30)
    assert not reader.is_alive() and rows.pending == 0
    assert sorted(source.built) == sorted("t%d" % i for i in range(10))  # each made once


def test_a_lookup_under_the_lock_during_a_build_builds_what_it_needs_instead_of_waiting():
    """(RecordSet.known reads a record while holding the lock the builder needs to finish.)"""
    source = GatedSource()
    rows = RecordSet()
    rows.add([listing(source, 4)])
    builder = threading.Thread(target=rows.build_some)
    builder.start()
    try:
        assert source.entered.wait(30)
        answers: list[str] = []
        record = Bounce("/mail/cur/0001", 1, token="t1", recipient="t1@example.jp")
        checker = threading.Thread(target=lambda: answers.append(rows.known("t1", record)))
        checker.start()
        source.gate.set()  # (the checker's own build passes the gate too)
        checker.join(30)
        assert answers == ["same"]
    finally:
        source.gate.set()
        builder.join(30)
    assert rows.pending == 0
