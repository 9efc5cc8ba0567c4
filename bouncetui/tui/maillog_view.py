"""The mail log beside the bounces: reading the logs, correlating them with the loaded records,
and the text the detail pane and the log screen show. Uses bouncetui.maillog; nothing here parses
a log line itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text

from bouncetui.model import Bounce
from bouncetui.textsafe import one_line


@dataclass
class LogView:
    """What the logs said, linked to the bounce records."""

    links: list[Any] = field(default_factory=list)  # maillog Link, failures only, in log order
    by_bounce: dict[str, Any] = field(default_factory=dict)  # bounce token -> Link
    by_log_token: dict[str, Any] = field(default_factory=dict)  # log record's token -> Link
    lines: int = 0
    unknown: int = 0

    @property
    def failures(self) -> int:
        return len(self.links)

    @property
    def silent(self) -> int:
        return sum(1 for link in self.links if link.outcome == "silent")


def load(logs: list[str], mail_paths: list[str], bounces: list[Bounce]) -> LogView:
    """Read `logs` (delivered lines too, to link late bounces) and correlate with `bounces`."""
    from bouncetui.maillog import read_logs
    from bouncetui.maillog.correlate import correlate, mail_keys

    scan = read_logs(logs, include_sent=True)
    keys = mail_keys(mail_paths)
    correlation = correlate(scan.records, bounces, keys)
    failures = [link for link in correlation.links if link.record.failed]
    return LogView(
        links=failures,
        by_bounce=correlation.by_bounce(),
        by_log_token={link.record.bounce.token: link for link in failures},
        lines=scan.lines,
        unknown=scan.unknown,
    )


def link_text(link: Any, heading: str = "Mail log") -> Text:
    """A log record and what it is linked to, for the detail panes."""
    text = Text()
    text.append("\n%s\n" % heading, style="bold underline")
    record = link.record
    rows = (
        ("Log status", record.logstatus),
        ("Queue ID", record.queueid),
        ("Notification", record.notification),
        ("Outcome", {"silent": "silent: no bounce came back", "returned": "a bounce came back"}.get(
            link.outcome, link.outcome)),
        ("Matched by", link.matchedby),
        ("Log file", "%s:%d" % (record.bounce.origin, record.bounce.position)),
    )
    for label, value in rows:
        if value:
            text.append(label.ljust(13), style="bold")
            text.append(one_line(value) + "\n")
    if record.logline:
        text.append(one_line(record.logline) + "\n", style="italic")
    for mail in link.mails():
        text.append("Bounce mail  ", style="bold")
        text.append(one_line(mail) + "\n")
    return text
