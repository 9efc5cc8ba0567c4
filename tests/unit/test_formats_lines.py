"""A record's JSON Lines line, whole or in the pieces a worker and the cache send: the pieces put
together are the line json.dumps writes for the record."""

from __future__ import annotations

import json

import pytest

from bouncetui.formats import line_head, record_line, record_tail
from bouncetui.model import Bounce

ODD = Bounce(origin='/mail/cur/"q" \\ name:2,S', position=7, timestamp=1764061200, senderdomain="Shop.Example.JP",
             recipient='x"y\\z@example.org', diagnosticcode='550 line one\nline two\t\x00\x1f \u2028 ü 日本 {"a":1} \\',
             subject="[SPAM] hi", hardbounce=True, token="0123abc")


def dumped(record: Bounce) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


@pytest.mark.parametrize("record", [ODD, Bounce(origin="m"), ODD.replace(timestamp=1.5, alias=None)])
@pytest.mark.parametrize("backscatter", [False, True])
def test_head_and_tail_make_the_records_line(record: Bounce, backscatter: bool) -> None:
    """Also for a record holding a value of another type than str, int or bool (the general encoder)."""
    record = record.replace(backscatter=backscatter)
    line = line_head(record.origin, record.position) + record_tail(record, backscatter) + "}\n"
    assert line == record_line(record) == dumped(record)
    assert ('"backscatter":true}' in line) == backscatter
