"""The main screen: the bounce list, the detail and reason panes, the filter and status bars.

It owns the state (records, the shown index array, sort, query, marks, triage, language) and
hands it down to the widgets; the widgets report with messages. Its work is in rooms of its own,
mixins that share this state:

- screens/loading.py     the scan worker, rows in batches, rescans (R, --watch), what changed
- screens/querying.py    the filter bar's query and the sort, run in a worker
- screens/triaging.py    marks, triage state and notes
- screens/background.py  records the cache gave unbuilt, original headers, the mail log
- actions.py             the bigger actions: dialogs, raw view, $PAGER, clipboard, export, stats

This module keeps the layout, the selected record's panes, the title and the status bar.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input

from bouncetui.tui import actions, filtering, fuzzy, prefs
from bouncetui.tui.backend import Backend
from bouncetui.tui.folder_watch import FolderWatch
from bouncetui.tui.maillog_view import LogView, link_text
from bouncetui.tui.records import RecordSet
from bouncetui.tui.rescan import Tally
from bouncetui.tui.screens.background import FREEZE_RECORDS, BackgroundWork
from bouncetui.tui.screens.loading import Loading
from bouncetui.tui.screens.querying import TYPING_DETAIL_DELAY, Querying
from bouncetui.tui.screens.triaging import Triaging
from bouncetui.tui.widgets.bounce_list import BounceList, ListHeader
from bouncetui.tui.widgets.details import Details, detail_text
from bouncetui.tui.widgets.filter_bar import FilterBar
from bouncetui.tui.widgets.footer import KeyFooter
from bouncetui.tui.widgets.reason_panel import ReasonPanel
from bouncetui.tui.widgets.status_bar import StatusBar

DETAIL_DELAY = 0.04  # the detail pane follows the cursor once it rests this long (longer while typing)
# While the first load lists its rows, the first row's detail waits for the full list (from the
# index: a moment) or this long (a scan that decodes): its first showing reads the catalog and
# the message's headers, work that would hold up the rest of the list.
FIRST_DETAIL_WAIT = 1.0


class MainScreen(Loading, Querying, Triaging, BackgroundWork, Screen[None]):
    """The list and its panes."""

    SHOW_SCAN_TIME = True  # "scanned in 2.1s" in the status bar (snapshot tests turn it off)
    # The list has the focus from the start (Textual would give it to the first focusable widget,
    # the hidden filter input, and the key bar would be made for its keys first, then again).
    AUTO_FOCUS = "#bounce-list"

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="main.filter"),
        Binding("escape", "back", "Back", show=False, id="main.back"),
        Binding("space", "toggle_mark", "Mark", id="main.mark"),
        Binding("a", "mark_all", "Mark all shown", show=False, id="main.mark_all"),
        Binding("u", "unmark_all", "Unmark all", show=False, id="main.unmark_all"),
        Binding("t", "set_state", "State", id="main.state"),
        Binding("n", "set_note", "Note", show=False, id="main.note"),
        Binding("s", "sort_next", "Sort", show=False, id="main.sort"),
        Binding("S", "sort_reverse", "Reverse sort", show=False, id="main.sort_reverse"),
        Binding("r", "raw", "Raw", show=False, id="main.raw"),
        Binding("o", "pager", "Open in $PAGER", show=False, id="main.pager"),
        Binding("y", "copy_recipient", "Copy", show=False, id="main.copy"),
        Binding("Y", "copy_record", "Copy record (JSON)", show=False, id="main.copy_record"),
        Binding("e", "export", "Export", id="main.export"),
        Binding("i", "stats", "Stats", id="main.stats"),
        Binding("L", "toggle_language", "English/日本語", show=False, id="main.language"),
        Binding("R", "rescan", "Pick up new mail", show=False, id="main.rescan"),
        Binding("E", "errors", "Scan errors", show=False, id="main.errors"),
        Binding("z", "zoom", "Zoom detail", show=False, id="main.zoom"),
        Binding("m", "maillog", "Mail log", show=False, id="main.maillog"),
    ]

    def __init__(self, backend: Backend, lang: str = "en", watch: bool = False,
                 maillogs: list[str] | None = None) -> None:
        super().__init__()
        self.backend = backend
        self.maillogs = list(maillogs or ())
        self.log_view: LogView | None = None
        self.records = RecordSet()
        self.recipients = fuzzy.RecipientIndex()  # filled by workers, as the fuzzy search needs it
        self._recipients_lock = threading.Lock()
        self.lang = lang
        self.watch_mail = watch
        self.sort_column = ""  # "" is scan order
        self.sort_reverse = False
        self.query_text = ""
        self.filter_query = filtering.parse("")
        self.triage: dict[str, Any] = {}
        self.scan_generation = 0
        self.scanning = False
        self.scan_started = 0.0
        self.scan_done_files = (0, 0)
        self.filter_generation = 0
        self.filtering = False  # a query (or sort) is running in a worker
        self._detail_timer: Timer | None = None
        self._title_timer: Timer | None = None
        self._headers: dict[tuple[str, int], tuple[list[tuple[str, str]] | None, str]] = {}
        self._headers_version = 0
        self._detail_key: tuple[Any, ...] = ()
        self._watch_signature: int | None = None
        self._folder_watch: FolderWatch | None = None  # made by the first --watch look
        self._records_before_scan = 0
        self.tally: Tally | None = None  # what the running rescan changed
        self._held_marks: set[int] = set()  # marks of rows a running rescan withdrew (given back if revived)
        self._gone_shown: set[int] = set()  # withdrawn rows already taken out of the list
        self._held_cursor: tuple[int, int | None] | None = None  # (withdrawn row, where the cursor went)
        self._freeze_at = FREEZE_RECORDS  # records count at which the next gc.freeze() happens
        self._last_refilter = 0.0
        self._warned: set[str] = set()
        self._first_batch_shown = False
        self.first_row_at: float | None = None  # monotonic times, read by bench/tui.py
        self.full_list_at: float | None = None  # every row is listed (from the index: changes may follow)
        self.scan_done_at: float | None = None
        self._listed_generation = 0  # the scan that listed its rows from the index first
        self.records_built_at: float | None = None  # every record the cache gave unbuilt is built
        self.filter_changed_at: float | None = None
        self.filter_applied_at: float | None = None

    # -- layout ----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        bar = FilterBar(self.field_values, id="filter-bar")
        bar.display = False
        yield bar
        self.bounce_list = BounceList(self.records, id="bounce-list")
        with Vertical(id="list-area"):
            yield ListHeader(self.bounce_list, id="list-header")
            yield self.bounce_list
        with Horizontal(id="panes"):
            yield Details(id="details")
            yield ReasonPanel(id="reason")
        yield StatusBar(id="status-bar")
        yield KeyFooter()

    def on_resize(self) -> None:
        self.query_one(Footer).compact = self.size.width < 100

    def on_unmount(self) -> None:
        gc.unfreeze()  # the records frozen while loading are the collector's again once the screen goes

    def on_mount(self) -> None:
        self.query_one("#details", Details).border_title = "Detail"
        self.query_one("#reason", ReasonPanel).border_title = "Reason"
        try:
            self.triage = self.backend.triage()
        except Exception as exc:  # the list still works; triage shows as new
            self.notify("Cannot read the triage state: %s" % exc, title="Index", severity="error", markup=False)
        self.bounce_list.states = {token: t.state for token, t in self.triage.items()}
        self.bounce_list.focus()
        self.update_title()
        self.start_scan()
        if self.watch_mail:
            self.start_watching()

    # -- the selected record ---------------------------------------------------------------------
    @property
    def current(self) -> int | None:
        return self.bounce_list.current

    @on(BounceList.CursorMoved)
    def _cursor_moved(self, event: BounceList.CursorMoved) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        typing = isinstance(self.focused, Input)  # results change under each key: wait for a pause
        delay = TYPING_DETAIL_DELAY if typing else DETAIL_DELAY
        if self.bounce_list.cursor == 0 and self.first_load_listing:
            delay = FIRST_DETAIL_WAIT  # the cursor put on the first row, not moved by a key
        self._detail_timer = self.set_timer(delay, self._detail_due)

    def _detail_due(self) -> None:
        self._detail_timer = None
        self.show_current()

    @property
    def first_load_listing(self) -> bool:
        """The first scan runs and has not listed every row yet."""
        return self.scanning and self.tally is None and self.full_list_at is None

    @on(BounceList.Selected)
    def _selected(self, event: BounceList.Selected) -> None:
        self.show_current()
        self.add_class("-zoom")
        self.query_one(Details).focus()

    def show_current(self) -> None:
        if self._detail_timer is not None:  # a pending timer would show what is shown now
            self._detail_timer.stop()
            self._detail_timer = None
        details = self.query_one(Details)
        reason = self.query_one(ReasonPanel)
        index = self.current
        token = self.records[index].token if index is not None else ""
        key = (index, len(self.records), self.triage.get(token), self.lang, self._headers_version,
               id(self.log_view))
        if key == self._detail_key:
            return  # nothing changed: no redraw
        self._detail_key = key
        if index is None:
            details.show_nothing(self.empty_message())
            reason.show(None, self.lang)
            return
        record = self.records[index]
        key = (record.origin, record.position)
        cached = self._headers.get(key)
        if cached is None:
            self.headers_worker(key)
        headers, error = cached if cached is not None else (None, "")
        triage = self.triage.get(record.token)
        log = None
        if self.log_view is not None:
            link = self.log_view.by_bounce.get(record.token)
            if link is not None:
                log = link_text(link)
            else:
                log = Text("\nMail log\n", style="bold underline")
                log.append("  no log line accounts for this bounce\n", style="italic")
        details.show(detail_text(
            record, self.records.origins(index), [self.records[i] for i in self.records.same_report(index)],
            getattr(triage, "state", "new"), getattr(triage, "note", "") or "", headers, error, log,
        ))
        reason.show(record, self.lang)

    def empty_message(self) -> str:
        if self.records:
            return "No record matches the filter. Esc clears it."
        if self.scanning:
            return "Scanning… the first records show as soon as they are decoded."
        where = ", ".join(self.backend.paths)
        errors = len(self.records.errors)
        text = "No bounce reports found in %s." % where
        if errors:
            text += " %d message%s could not be read: E lists them." % (errors, "" if errors == 1 else "s")
        return text

    # -- status ----------------------------------------------------------------------------------
    def update_title(self) -> None:
        paths = ", ".join(self.backend.paths)
        self.title = "bouncetui — %s" % paths
        self.sub_title = ("filter: %s" % self.query_text) if self.query_text else ""

    def update_status(self, **changes: Any) -> None:
        self.query_one(StatusBar).update_status(
            total=self.records.live, shown=len(self.bounce_list.shown), marked=len(self.bounce_list.marks),
            errors=len(self.records.errors), filter=self.query_text, **changes,
        )

    # -- actions ---------------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    def action_back(self) -> None:
        """Esc: leave the zoomed detail, else go back to the list, else clear the filter, else stop
        the scan."""
        if self.has_class("-zoom"):
            self.remove_class("-zoom")
            self.bounce_list.focus()
        elif self.focused is not self.bounce_list:
            self.bounce_list.focus()
        elif self.query_text:
            self.query_one(FilterBar).action_clear()
        elif self.scanning:
            self.workers.cancel_group(self, "scan")

    def action_zoom(self) -> None:
        self.toggle_class("-zoom")

    def action_raw(self) -> None:
        actions.show_raw(self)

    def action_pager(self) -> None:
        actions.open_pager(self)

    def action_copy_recipient(self) -> None:
        actions.copy(self, whole_record=False)

    def action_copy_record(self) -> None:
        actions.copy(self, whole_record=True)

    def action_export(self) -> None:
        actions.export_dialog(self)

    def action_stats(self) -> None:
        actions.show_stats(self)

    def action_errors(self) -> None:
        actions.show_errors(self)

    def action_toggle_language(self) -> None:
        self.lang = "ja" if self.lang == "en" else "en"
        if getattr(self.app, "remember", False):
            prefs.save(lang=self.lang)
        self.show_current()
        self.notify("Reason panel: %s" % ("日本語" if self.lang == "ja" else "English"), timeout=1.5, markup=False)
