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
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from bouncetui.model import ALWAYS_HARD, Bounce
from bouncetui.textsafe import one_line

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
    where = record.origin if record.position <= 1 else "%s#%d" % (record.origin, record.position)
    lines = ["%s  %s" % (one_line(where), one_line(record.recipient or "(no recipient)"))]
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


def write_explained(records: Iterable[Bounce], out: TextIO) -> int:
    """Write every record's explanation, a blank line between them; the number written."""
    count = 0
    for record in records:
        if count:
            out.write("\n")
        out.write(explain(record))
        count += 1
    return count
