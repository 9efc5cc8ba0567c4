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

    def build(self, refs):
        self.entered.set()
        assert self.gate.wait(30)
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
