"""The main screen: the bounce list, the detail and reason panes, the filter and status bars.

It owns the state (records, the shown index array, sort, query, marks, triage, language) and
hands it down to the widgets; the widgets report with messages. Scanning, filtering and loading a
record's original headers run in thread workers that only post messages back.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input
from textual.worker import get_current_worker

from bouncetui.model import Bounce, ScanError
from bouncetui.tui import actions, filtering, fuzzy, prefs
from bouncetui.tui.backend import LISTED, STATES, Backend, TriageState
from bouncetui.tui.columns import BY_KEY, COLUMN_KEYS
from bouncetui.tui.maillog_view import LogView, link_text
from bouncetui.tui.messages import (
    FilterResult,
    ScanBatch,
    ScanDone,
    ScanListed,
    ScanProgress,
)
from bouncetui.tui.records import RecordSet
from bouncetui.tui.screens.background import FREEZE_RECORDS, BackgroundWork
from bouncetui.tui.widgets.bounce_list import BounceList, ListHeader
from bouncetui.tui.widgets.details import Details, detail_text
from bouncetui.tui.widgets.filter_bar import FilterBar
from bouncetui.tui.widgets.reason_panel import ReasonPanel
from bouncetui.tui.widgets.status_bar import StatusBar

BATCH_SECONDS = 0.15  # how often the scan worker posts what it decoded ...
BATCH_SECONDS_FULL = 0.5  # ... once the list has FULL_LIST rows (more rows then change only the
FULL_LIST = 10_000        # counts and the scroll bar; each batch costs a layout of the screen)
PROGRESS_SECONDS = 0.5  # how often it says how far through it is (with each batch too: one redraw for both)
RESORT_SECONDS = 1.0  # while a scan adds rows to a sorted or ranked list, it is redone this often
BATCH_MAX = 5000  # ... or after this many items: the main thread adds them in ~20 ms, keys wait no longer
DETAIL_DELAY = 0.04  # the detail pane follows the cursor once it rests this long
TYPING_DETAIL_DELAY = 0.25  # ... or this long while the filter is being typed
WATCH_SECONDS = 3.0  # --watch: how often the mail folders are looked at (file names, sizes, times)


class MainScreen(BackgroundWork, Screen[None]):
    """The list and its panes."""

    SHOW_SCAN_TIME = True  # "scanned in 2.1s" in the status bar (snapshot tests turn it off)

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
        self._detail_timer: Timer | None = None
        self._title_timer: Timer | None = None
        self._headers: dict[tuple[str, int], tuple[list[tuple[str, str]] | None, str]] = {}
        self._headers_version = 0
        self._detail_key: tuple[Any, ...] = ()
        self._watch_signature: int | None = None
        self._records_before_scan = 0
        self._freeze_at = FREEZE_RECORDS  # records count at which the next gc.freeze() happens
        self._last_refilter = 0.0
        self._warned: set[str] = set()
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
        yield Footer()

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
            self.set_interval(WATCH_SECONDS, self.watch_tick)

    # -- scanning --------------------------------------------------------------------------------
    def start_scan(self, quiet: bool = False) -> None:
        self.scan_generation += 1
        self.scanning = True
        self.scan_started = time.monotonic()
        self._records_before_scan = len(self.records)
        if not quiet:
            self.update_status(scan="scanning…")
        self.scan_worker(self.scan_generation)

    @work(thread=True, exclusive=True, group="scan")
    def scan_worker(self, generation: int) -> None:
        worker = get_current_worker()
        batch: list[Bounce | ScanError] = []
        last = time.monotonic()
        progress: dict[str, Any] = {"last": 0.0, "counts": None}

        def on_progress(done: int, total: int) -> None:
            now = time.monotonic()
            progress["counts"] = (done, total)
            if now - progress["last"] > PROGRESS_SECONDS or done == total:
                progress["last"] = now
                self.post_message(ScanProgress(generation, done, total))

        def post(items: list[Bounce | ScanError]) -> None:
            self.post_message(ScanBatch(generation, items, progress["counts"] is not None))
            if progress["counts"] is not None:  # the status bar says both in one redraw
                progress["last"] = time.monotonic()
                self.post_message(ScanProgress(generation, *progress["counts"]))

        def cancelled() -> bool:
            return worker.is_cancelled

        error = ""
        try:
            for item in self.backend.scan(on_progress, cancelled):
                if item is LISTED:  # the index's rows: on screen now, then what changed
                    post(batch)
                    self.post_message(ScanListed(generation))
                    batch, last = [], time.monotonic()
                    continue
                batch.append(item)
                now = time.monotonic()
                wait = BATCH_SECONDS if len(self.records) < FULL_LIST else BATCH_SECONDS_FULL
                if now - last >= wait or len(batch) >= BATCH_MAX:
                    post(batch)
                    batch, last = [], now
                if worker.is_cancelled:
                    break
        except Exception as exc:  # a broken store or source must not take the app down
            error = "%s: %s" % (type(exc).__name__, exc)
        if batch:
            post(batch)
        self.post_message(ScanDone(generation, worker.is_cancelled, error))

    def on_scan_batch(self, message: ScanBatch) -> None:
        if message.generation != self.scan_generation:
            return
        withdrawn = len(self.records.withdrawn)
        added = self.records.add(message.items)
        if len(self.records.withdrawn) != withdrawn:
            self._withdrawn()
        if added:
            self._maybe_freeze()
        now = time.monotonic()
        if added and self.first_row_at is None:
            self.first_row_at = now
        if added:
            if self.filter_query.empty and not self.sort_column:
                self.bounce_list.extend_shown(added)
            elif not self.filter_query.fuzzy and not self.sort_column:
                self.bounce_list.extend_shown(self._select(added))
            elif time.monotonic() - self._last_refilter >= RESORT_SECONDS:
                self.refilter()  # sorted or ranked rows: redone now and then, and at the end
        if not message.progress_follows or self.first_row_at == now:
            self.update_status()  # else the progress that follows says the counts too

    def _withdrawn(self) -> None:
        """Records were withdrawn (their files changed or are gone): their rows go."""
        gone = self.records.withdrawn
        self.bounce_list.marks -= gone
        self.bounce_list.set_shown(self.records.alive(self.bounce_list.shown))
        self.bounce_list.invalidate()

    def on_scan_listed(self, message: ScanListed) -> None:
        if message.generation != self.scan_generation:
            return
        self.full_list_at = time.monotonic()
        self._listed_generation = message.generation
        if self.records.pending and not self.building:
            self.build_worker()  # the fuzzy index is ready before the first key

    def on_scan_progress(self, message: ScanProgress) -> None:
        if message.generation != self.scan_generation:
            return
        self.scan_done_files = (message.done, message.total)
        elapsed = max(time.monotonic() - self.scan_started, 1e-6)
        rate = message.done / elapsed
        self.update_status(scan="scanning %d/%d files, %.0f/s (Esc stops)" % (message.done, message.total, rate))

    def on_scan_done(self, message: ScanDone) -> None:
        if message.generation != self.scan_generation:
            return
        self.scanning = False
        self.scan_done_at = time.monotonic()
        if self._listed_generation != message.generation:
            self.full_list_at = self.scan_done_at
        elapsed = self.scan_done_at - self.scan_started
        if message.error:
            state = "scan failed: %s" % message.error
            self.notify(message.error, title="Scan failed", severity="error", markup=False)
        elif message.cancelled:
            state = "scan stopped"
        elif self._records_before_scan and len(self.records) > self._records_before_scan:
            added = len(self.records) - self._records_before_scan
            state = "%d new record%s" % (added, "" if added == 1 else "s")
            self.notify("%s picked up" % state, timeout=3, markup=False)
        else:
            state = "scanned in %.1fs" % elapsed if self.SHOW_SCAN_TIME and elapsed >= 0.5 else ""
        if self.watch_mail and not message.cancelled:
            state = (state + " · watching").lstrip(" ·")
        if (self.records.pending or self.recipients.count < len(self.records)) and not self.building:
            self.build_worker()  # the fuzzy index is ready before the first key
        if self.sort_column or self.filter_query.fuzzy:
            self.refilter()
        self._detail_key = ()
        self.show_current()
        self.update_status(scan=state)
        for warning in self.backend.scan_warnings():
            if warning not in self._warned:
                self._warned.add(warning)
                self.notify(warning, title="Index", severity="warning", timeout=8, markup=False)
        grew = len(self.records) > self._records_before_scan
        if self.maillogs and not message.cancelled and (self.log_view is None or grew):
            self.maillog_worker(len(self.records))

    # -- filter and sort -------------------------------------------------------------------------
    def field_values(self, field: str) -> list[str]:
        """Values of a query field for the filter bar's completion, most common first."""
        return list(STATES) if field == "state" else filtering.field_values(self.records, field)

    def _select(self, indexes: Iterable[int], query: filtering.Query | None = None) -> list[int]:
        """The records among `indexes` that the query's field terms select (default: the current one)."""
        query = query or self.filter_query
        indexes = list(indexes)
        return query.select(indexes, self.records.built(indexes), self.triage, self.bounce_list.marks)

    def set_query(self, text: str, typing: bool = False) -> None:
        self.query_text = text
        self.filter_query = filtering.parse(text)
        bar = self.query_one(FilterBar)
        if self.filter_query.error:
            bar.set_info(self.filter_query.error, error=True)
            return
        if self._title_timer is not None:
            self._title_timer.stop()
        if typing:  # the title follows once typing pauses: each change of it is a layout of the screen
            self._title_timer = self.set_timer(TYPING_DETAIL_DELAY, self.update_title)
        else:
            self.update_title()
        self.refilter()

    def refilter(self) -> None:
        """Run the query (and sort) in a worker; the newest query's answer wins."""
        self.filter_generation += 1
        self._last_refilter = time.monotonic()
        self.filter_worker(self.filter_generation, self.filter_query, self.sort_column, self.sort_reverse,
                           len(self.records))

    @work(thread=True, exclusive=True, group="filter")
    def filter_worker(self, generation: int, query: filtering.Query, column: str, reverse: bool, count: int) -> None:
        try:
            self._filter(generation, query, column, reverse, count)
        except Exception as exc:  # a failing filter must leave the list as it was, not end the app
            self.post_message(FilterResult(generation, None, "filter failed: %s" % exc))

    def _filter(self, generation: int, query: filtering.Query, column: str, reverse: bool, count: int) -> None:
        worker = get_current_worker()
        started = time.perf_counter()
        rows = self.records.alive(range(count)) if self.records.withdrawn else range(count)
        indexes = self._select(rows, query) if query.terms else None
        if worker.is_cancelled:
            return
        if query.fuzzy:
            self.index_recipients(count)
            found = self.recipients.search(query.fuzzy, indexes, lambda: worker.is_cancelled)
            if found is None:
                return
            gone = self.records.withdrawn
            if gone or self.recipients.count > count:  # rows withdrawn, or added since the query began
                found = [i for i in found if i < count and i not in gone]
            indexes = found
            if column:  # an explicit sort wins over the match ranking
                indexes = self.records.sorted_indexes(indexes, column, reverse)
        elif column:
            indexes = self.records.sorted_indexes(rows if indexes is None else indexes, column, reverse)
        elif indexes is None:
            indexes = list(rows)
        if worker.is_cancelled:
            return
        info = "%d match%s, %.0f ms" % (len(indexes), "" if len(indexes) == 1 else "es",
                                        (time.perf_counter() - started) * 1000)
        info = info.rjust(24)  # a steady width: no re-layout of the bar at each key
        self.post_message(FilterResult(generation, indexes, info))

    def on_filter_result(self, message: FilterResult) -> None:
        if message.generation != self.filter_generation:
            return
        self.filter_applied_at = time.monotonic()
        bar = self.query_one(FilterBar)
        if message.shown is None:
            bar.set_info(message.info, error=True)
            return
        self.bounce_list.set_shown(message.shown)
        bar.set_info(message.info if self.query_text else "")
        self.update_status()

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        self.filter_changed_at = time.monotonic()
        if self._detail_timer is not None:  # typing goes on: the detail pane waits for a pause
            self._detail_timer.reset()
        self.set_query(event.text, typing=True)

    @on(FilterBar.Done)
    def _filter_done(self, event: FilterBar.Done) -> None:
        if self._title_timer is not None:
            self._title_timer.stop()
        self.update_title()
        self.bounce_list.focus()

    def apply_term(self, term: str) -> None:
        """Add a field term (a stats bar, a palette quick filter), replacing one of the same field."""
        fields = {w.lstrip("-").partition(":")[0] for w in term.split()}
        if fields & {"hard", "soft"}:
            fields |= {"hard", "soft"}
        kept = [w for w in self.query_text.split() if w.lstrip("-").partition(":")[0] not in fields]
        text = " ".join([*kept, term])
        bar = self.query_one(FilterBar)
        bar.display = True
        with bar.input.prevent(bar.input.Changed):
            bar.input.value = text
        self.set_query(text)
        self.bounce_list.focus()

    def sort_by(self, column: str, reverse: bool) -> None:
        self.sort_column, self.sort_reverse = column, reverse
        self.query_one(ListHeader).set_sort(column, reverse)
        self.update_status(sort="%s %s" % (BY_KEY[column].title.lower(), "▼" if reverse else "▲") if column else "")
        self.refilter()

    @on(ListHeader.SortClicked)
    def _header_clicked(self, event: ListHeader.SortClicked) -> None:
        reverse = not self.sort_reverse if event.column == self.sort_column else False
        self.sort_by(event.column, reverse)

    # -- the selected record ---------------------------------------------------------------------
    @property
    def current(self) -> int | None:
        return self.bounce_list.current

    @on(BounceList.CursorMoved)
    def _cursor_moved(self, event: BounceList.CursorMoved) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        typing = isinstance(self.focused, Input)  # results change under each key: wait for a pause
        self._detail_timer = self.set_timer(TYPING_DETAIL_DELAY if typing else DETAIL_DELAY, self.show_current)

    @on(BounceList.Selected)
    def _selected(self, event: BounceList.Selected) -> None:
        self.show_current()
        self.add_class("-zoom")
        self.query_one(Details).focus()

    def show_current(self) -> None:
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

    def action_sort_next(self) -> None:
        keys = ("", *COLUMN_KEYS)
        following = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.sort_by(following, self.sort_reverse if following else False)
        self.notify("Sorted by %s" % (BY_KEY[following].title.lower() if following else "scan order"), timeout=1.5, markup=False)

    def action_sort_reverse(self) -> None:
        self.sort_by(self.sort_column or "date", not self.sort_reverse)

    def action_toggle_mark(self) -> None:
        index = self.current
        if index is None:
            return
        self.bounce_list.marks.symmetric_difference_update({index})
        self.bounce_list.action_cursor_down()
        self.bounce_list.invalidate()
        self.update_status()

    def action_mark_all(self) -> None:
        self.bounce_list.marks.update(self.bounce_list.shown)
        self.bounce_list.invalidate()
        self.update_status()

    def action_unmark_all(self) -> None:
        self.bounce_list.marks.clear()
        self.bounce_list.invalidate()
        self.update_status()

    def targets(self) -> list[int]:
        """The marked rows, else the row under the cursor."""
        if self.bounce_list.marks:
            return sorted(self.bounce_list.marks)
        return [] if self.current is None else [self.current]

    def apply_triage(self, indexes: list[int], state: str | None = None, note: str | None = None) -> None:
        tokens = [self.records[i].token for i in indexes]
        try:
            self.backend.set_triage(tokens, state=state, note=note)
        except Exception as exc:
            self.notify(str(exc), title="Could not save the triage", severity="error", markup=False)
            return
        for token in tokens:
            old = self.triage.get(token)
            self.triage[token] = TriageState(
                state or getattr(old, "state", "new"),
                (getattr(old, "note", "") or "") if note is None else note,
            )
            self.bounce_list.states[token] = self.triage[token].state
        self.bounce_list.invalidate()
        self.show_current()
        what = "state %s" % state if state else "note"
        self.notify("Set %s on %d record%s" % (what, len(tokens), "" if len(tokens) == 1 else "s"), timeout=2, markup=False)

    def action_set_state(self) -> None:
        actions.choose_state(self)

    def action_set_note(self) -> None:
        actions.edit_note(self)

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

    def action_rescan(self) -> None:
        if not self.scanning:
            self.start_scan()
