"""The detail pane: every delivery-status field of the selected record, where it was found, the
other recipients of the same report, and the headers of the message that bounced.

All text from mail goes through textsafe and into Rich Text objects (never markup), so a hostile
header cannot restyle or take over the terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from bouncetui.formats import hard_soft, local_date, shown_recipient
from bouncetui.model import Bounce
from bouncetui.textsafe import multi_line, one_line

# (label, record -> value); empty values are left out
FIELDS = (
    ("Recipient", shown_recipient),
    ("Alias", lambda r: r.alias),
    ("Reason", lambda r: "%s (%s)" % (r.reason, hard_soft(r))),
    ("Action", lambda r: r.action),
    ("Status", lambda r: r.deliverystatus),
    ("Reply code", lambda r: r.replycode),
    ("Command", lambda r: r.command),
    ("Diagnostic", lambda r: r.diagnosticcode),
    ("Diag. type", lambda r: r.diagnostictype),
    ("Date", lambda r: "%s %s" % (local_date(r.timestamp, r.timezoneoffset), r.timezoneoffset) if r.timestamp else ""),
    ("Remote host", lambda r: r.rhost),
    ("Local host", lambda r: r.lhost),
    ("Sender", lambda r: r.addresser),
    ("Subject", lambda r: r.subject),
    ("Message-ID", lambda r: r.messageid),
    ("List-ID", lambda r: r.listid),
    ("Feedback", lambda r: r.feedbacktype),
    ("Decoded by", lambda r: r.decodedby),
    ("Backscatter", lambda r: "yes" if r.backscatter else ""),
    ("Token", lambda r: r.token),
)
LABEL_WIDTH = 12
ORIGINAL_HEADERS_SHOWN = 40


def _row(text: Text, label: str, value: str, style: str = "") -> None:
    text.append(label.ljust(LABEL_WIDTH), style="bold")
    text.append(value + "\n", style=style)


def detail_text(
    record: Bounce,
    origins: list[tuple[str, int]],
    others: list[Bounce],
    state: str = "new",
    note: str = "",
    headers: list[tuple[str, str]] | None = None,
    header_error: str = "",
    extra: Text | None = None,
) -> Text:
    text = Text()
    for label, value in FIELDS:
        shown = value(record)
        if shown:
            if label == "Diagnostic":
                _row(text, label, multi_line(shown).replace("\n", "\n" + " " * LABEL_WIDTH))
            else:
                _row(text, label, one_line(shown), "bold" if label == "Recipient" else "")
    _row(text, "Triage", state + ("  — " + one_line(note) if note else ""), "italic")
    if extra is not None:
        text.append_text(extra)
    text.append("\nFound in\n", style="bold underline")
    for origin, position in origins:
        text.append("  " + one_line(origin) + ("#%d" % position if position > 1 else "") + "\n")
    if others:
        text.append("\nOther recipients of this report (%d)\n" % len(others), style="bold underline")
        for other in others[:50]:
            text.append("  %s  %s %s\n" % (one_line(shown_recipient(other)), other.reason, other.deliverystatus))
        if len(others) > 50:
            text.append("  … %d more\n" % (len(others) - 50))
    text.append("\nOriginal message headers\n", style="bold underline")
    if header_error:
        text.append("  " + one_line(header_error) + "\n", style="italic")
    elif headers is None:
        text.append("  loading…\n", style="italic")
    elif not headers:
        text.append("  (the report did not return the original message)\n", style="italic")
    else:
        for name, value in headers[:ORIGINAL_HEADERS_SHOWN]:
            text.append(one_line(name) + ": ", style="bold")
            text.append(one_line(value) + "\n")
        if len(headers) > ORIGINAL_HEADERS_SHOWN:
            text.append("… %d more (r shows the raw message)\n" % (len(headers) - ORIGINAL_HEADERS_SHOWN))
    return text


class Details(VerticalScroll, can_focus=True):
    """A scrollable pane showing one record's detail."""

    BORDER_TITLE = "Detail"

    def compose(self):
        yield Static(Text("No record selected.", style="italic"), id="detail-body")

    def show(self, text: Text) -> None:
        self.query_one("#detail-body", Static).update(text)

    def show_nothing(self, message: str = "No record selected.") -> None:
        self.show(Text(message, style="italic"))
