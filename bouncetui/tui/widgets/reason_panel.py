"""The reason panel: what the record's reason means, what to do, and what its codes say, in
English or Japanese, from the catalog (bouncetui.catalog)."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from bouncetui.model import Bounce
from bouncetui.textsafe import multi_line, one_line

try:
    from bouncetui import catalog as _catalog
except ImportError:  # pragma: no cover - the catalog is a separate package of the project
    _catalog = None  # type: ignore[assignment]

HEADINGS = {
    "en": {"remedy": "What to do", "suppress": "Suppression", "status": "Status", "reply": "Reply code",
           "carrier": "Carrier note", "side": "Side"},
    "ja": {"remedy": "対処", "suppress": "配信停止", "status": "ステータス", "reply": "応答コード",
           "carrier": "キャリアの注意", "side": "原因の側"},
}


def default_language() -> str:
    if _catalog is not None:
        try:
            return _catalog.default_language()
        except Exception:
            pass
    return "en"


def _heading(text: Text, title: str) -> None:
    text.append("\n" + title + "\n", style="bold underline")


def reason_text(record: Bounce, lang: str) -> Text:
    text = Text()
    words = HEADINGS.get(lang, HEADINGS["en"])
    if _catalog is None:
        text.append(record.reason, style="bold")
        text.append("\n(the reason catalog is not installed)", style="italic")
        return text
    try:
        entry = _catalog.reason_entry(record.reason, lang)
    except (KeyError, ValueError):
        entry = None
    if entry is not None:
        text.append("%s — %s\n" % (entry.title, record.reason), style="bold")
        text.append(entry.summary + "\n")
        text.append("\n" + entry.detail + "\n")
        _heading(text, words["remedy"])
        text.append(entry.remedy + "\n")
        _heading(text, words["suppress"])
        text.append(entry.suppression.text + "\n")
    else:
        text.append(one_line(record.reason) + "\n", style="bold")
    if record.deliverystatus:
        status = _catalog.explain_status(record.deliverystatus, lang)
        if status is not None:
            _heading(text, "%s %s" % (words["status"], status.code))
            text.append("%s: %s\n" % (status.class_name, status.name), style="italic")
            text.append((status.detail_text or status.subject_text) + "\n")
    if record.replycode:
        reply = _catalog.explain_replycode(record.replycode, lang)
        if reply is not None:
            _heading(text, "%s %s" % (words["reply"], reply.code))
            text.append(reply.name + "\n", style="italic")
            text.append(multi_line(reply.text) + "\n")
    if record.destination and hasattr(_catalog, "carrier_notes_for"):
        try:
            notes = _catalog.carrier_notes_for(record.destination, lang)
        except Exception:
            notes = None
        for note in notes or ():
            _heading(text, "%s: %s" % (words["carrier"], note.title))
            text.append(multi_line(note.text) + "\n")
    return text


class ReasonPanel(VerticalScroll, can_focus=True):
    """A scrollable pane: the catalog's explanation of the selected record's reason."""

    def compose(self):
        yield Static(Text(""), id="reason-body")

    def show(self, record: Bounce | None, lang: str) -> None:
        self.border_title = "Reason · 日本語" if lang == "ja" else "Reason · English"
        body = self.query_one("#reason-body", Static)
        body.update(reason_text(record, lang) if record is not None else Text(""))
