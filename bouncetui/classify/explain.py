"""`bouncetui scan --explain-decoding`: each record with the decoder and rule behind every field.

Plain text, one block per record, for a person asking "why this reason?":

    sample.eml#1  kijitora@example.jp
      decoder      Postfix
      status       5.1.1         the report's status field
      replycode    550           found in the diagnostic
      command      RCPT          named in the diagnostic
      reason       userunknown   status 5.1.1
      hardbounce   yes           userunknown, hostunknown and hasmoved are hard; ...
      backscatter  no
      diagnostic   550 5.1.1 <kijitora@example.jp>... User Unknown

A message that gives no record says so, with the decoders that were tried: the question "why was
this bounce not found?" deserves an answer too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from bouncetui.decode import DECODERS
from bouncetui.model import ALWAYS_HARD, Bounce, ScanError
from bouncetui.pipeline import decode_raw
from bouncetui.sources import iter_messages
from bouncetui.textsafe import one_line


@dataclass(frozen=True)
class NotAReport:
    """A message every decoder passed over."""

    origin: str
    position: int


def explained_items(paths: Iterable[str]) -> Iterator[Bounce | NotAReport | ScanError]:
    """Every message under `paths`, decoded one by one in this process: its records, or a
    NotAReport when no decoder recognised it, or the ScanError that stopped it."""
    for path in paths:
        for item in iter_messages(path):
            if isinstance(item, ScanError):
                yield item
                continue
            result = decode_raw(item)
            if isinstance(result, ScanError):
                yield result
            elif not result:
                yield NotAReport(item.origin, item.position)
            else:
                yield from result


def _where(origin: str, position: int) -> str:
    return one_line(origin if position <= 1 else "%s#%d" % (origin, position))

_ROWS = (
    ("decoder", "decodedby", "decodedby"),
    ("status", "deliverystatus", "status"),
    ("replycode", "replycode", "replycode"),
    ("command", "command", "command"),
    ("reason", "reason", "reason"),
    ("hardbounce", "hardbounce", "hardbounce"),
    ("backscatter", "backscatter", "backscatter"),
)


def hard_rule(record: Bounce) -> str:
    """The hard/soft rule that applied to this record, in words."""
    if record.reason in ALWAYS_HARD:
        return "%s is always a hard bounce" % record.reason
    if record.reason == "notaccept":
        return "notaccept is hard unless the code is 4xx" + (" (it is)" if not record.hardbounce else "")
    return "%s is a soft bounce" % record.reason


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value) if value not in ("", None) else "-"


def explain(record: Bounce) -> str:
    """The explanation of one record, as lines of text."""
    trace = dict(record.trace)
    lines = ["%s  %s" % (_where(record.origin, record.position), one_line(record.recipient or "(no recipient)"))]
    for label, field, key in _ROWS:
        value = _value(getattr(record, field))
        why = trace.get(key, "") if key != "decodedby" else ""
        if key == "hardbounce":
            why = hard_rule(record)
        lines.append(("  %-12s %-13s %s" % (label, one_line(value), one_line(why))).rstrip())
    for label, field in (("rhost", "rhost"), ("destination", "destination"), ("addresser", "addresser"),
                         ("diagnostic", "diagnosticcode")):
        value = getattr(record, field)
        if value:
            lines.append("  %-12s %s" % (label, one_line(value)))
    return "\n".join(lines) + "\n"


def explain_none(item: NotAReport) -> str:
    return "%s  not a report: none of the %d decoders recognised it\n" % (
        _where(item.origin, item.position), len(DECODERS))


def write_explained(items: Iterable[Bounce | NotAReport], out: TextIO) -> int:
    """Write every record's explanation, a blank line between them; the number of records."""
    count = written = 0
    for item in items:
        if written:
            out.write("\n")
        if isinstance(item, Bounce):
            out.write(explain(item))
            count += 1
        else:
            out.write(explain_none(item))
        written += 1
    return count
