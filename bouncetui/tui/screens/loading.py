"""The main screen's loading: the scan worker and what it posts (rows in batches, progress, the
end), rescans (R, and --watch polling the mail folders) and what they changed. A mixin of
MainScreen, which owns the state.

The first scan fills the list. A rescan gives only what changed (rescan.py makes it so for a
backend that gives every record again): new rows, rows withdrawn (files changed or gone), and
rows whose record came back changed (revived in place). Marks on rows that stay are kept; the
cursor stays on its record; the status bar then says what changed ("+3 new, -1 gone").
"""

from __future__ import annotations

import bisect
import threading
import time
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from bouncetui.tui import timings
from bouncetui.tui.backend import LISTED
from bouncetui.tui.folder_watch import FolderWatch
from bouncetui.tui.messages import ScanBatch, ScanDone, ScanListed, ScanProgress
from bouncetui.tui.rescan import FullRescan, Tally, built, pieces, weight

if TYPE_CHECKING:
    from bouncetui.tui.screens.main import MainScreen

BATCH_SECONDS = 0.15  # how often the scan worker posts what it decoded ...
BATCH_SECONDS_FULL = 0.5  # ... once the list has FULL_LIST rows (more rows then change only the
FULL_LIST = 10_000        # counts and the scroll bar; each batch costs a layout of the screen)
PROGRESS_SECONDS = 0.5  # how often it says how far through it is (with each batch too: one redraw for both)
RESORT_SECONDS = 1.0  # while a scan adds rows to a sorted or ranked list, it is redone this often
BATCH_MAX = 5000  # ... or after this many records or files: the main thread adds them in ~20 ms, keys wait no longer
RESCAN_BATCH = 2000  # a rescan's batches: records built already (see rescan.built), placed one by one
DROP_IN_PLACE = 64  # rows taken out of an ordered list one by one, up to this many (else: a pass over it)
WATCH_SECONDS = 3.0  # --watch: how often the mail folders are looked at (file names, sizes, times)
# Once the index's rows are all out, the scan waits (at most this long) for the full list to be
# on the screen before it looks at the mail again: that look (every file's name and size, the
# index's rows for them) takes the interpreter's lock from the drawing of the list, for a second
# and more in a large folder.
LISTED_PAINT_WAIT = 2.0


class Loading:
    """Scans and rescans for MainScreen (its state: records, bounce_list, backend, scanning...)."""

    # -- scanning --------------------------------------------------------------------------------
    def start_scan(self: MainScreen, quiet: bool = False) -> None:
        self.scan_generation += 1
        self.scanning = True
        self.scan_started = time.monotonic()
        rescan = len(self.records) > 0
        self.tally = Tally(set(self.records.withdrawn)) if rescan else None
        self._records_before_scan = len(self.records)
        if not quiet:
            self.update_status(scan="rescanning…" if rescan else "scanning…")
        self.scan_worker(self.scan_generation, rescan)

    @work(thread=True, exclusive=True, group="scan")
    def scan_worker(self: MainScreen, generation: int, rescan: bool = False) -> None:
        worker = get_current_worker()
        batch: list[Any] = []
        size = 0  # records and files in the batch
        last = time.monotonic()
        first = not rescan  # the first rows go out at once (the index's first screenful, the first record decoded)
        progress: dict[str, Any] = {"last": 0.0, "counts": None}

        def on_progress(done: int, total: int) -> None:
            now = time.monotonic()
            progress["counts"] = (done, total)
            if now - progress["last"] > PROGRESS_SECONDS or done == total:
                progress["last"] = now
                self.post_message(ScanProgress(generation, done, total))

        def post(items: list[Any]) -> None:
            self.post_message(ScanBatch(generation, items, progress["counts"] is not None))
            if progress["counts"] is not None:  # the status bar says both in one redraw
                progress["last"] = time.monotonic()
                self.post_message(ScanProgress(generation, *progress["counts"]))

        def cancelled() -> bool:
            return worker.is_cancelled

        error = ""
        try:
            items = self.backend.scan(on_progress, cancelled)
            if rescan and not self.backend.rescans_changes:
                items = FullRescan(self.records).changes(items, cancelled)
            if rescan:
                items = built(pieces(items, RESCAN_BATCH))
            cap = RESCAN_BATCH if rescan else BATCH_MAX
            for item in items:
                if item is LISTED:  # the index's rows: on screen now, then what changed
                    post(batch)
                    painted = threading.Event()
                    self.post_message(ScanListed(generation, painted))
                    deadline = time.monotonic() + LISTED_PAINT_WAIT
                    while not painted.wait(0.05) and not worker.is_cancelled and time.monotonic() < deadline:
                        pass
                    batch, size, last = [], 0, time.monotonic()
                    continue
                batch.append(item)
                size += weight(item)
                now = time.monotonic()
                wait = BATCH_SECONDS if len(self.records) < FULL_LIST else BATCH_SECONDS_FULL
                if first or now - last >= wait or size >= cap:
                    post(batch)
                    batch, size, last, first = [], 0, now, False
                if worker.is_cancelled:
                    break
        except Exception as exc:  # a broken store or source must not take the app down
            error = "%s: %s" % (type(exc).__name__, exc)
        if batch:
            post(batch)
        self.post_message(ScanDone(generation, worker.is_cancelled, error))

    def on_scan_batch(self: MainScreen, message: ScanBatch) -> None:
        if message.generation != self.scan_generation:
            return
        withdrawn = len(self.records.withdrawn)
        added = self.records.add(message.items)
        revived = self.records.take_revived()
        if self.tally is not None:
            self.tally.new += len(added)
            self.tally.revived(revived)
        if len(self.records.withdrawn) != withdrawn or revived:
            self._rows_changed(revived)
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
        if not self._first_batch_shown:  # drawn: the rest of the index's listing may be read
            self._first_batch_shown = True
            self.call_after_refresh(self.backend.first_rows_shown)
        if timings.EVENTS and self.first_row_at == now:
            self.call_after_refresh(timings.note, "first-row", self.records.live)

    def _rows_changed(self: MainScreen, revived: list[int]) -> None:
        """Rows were withdrawn (their files changed or are gone: they leave the list, their marks
        are held until the scan ends) or revived (their record came back: shown again where
        they were, marks given back). Only the rows that changed since the last call are looked
        at: a few changes in a long list cost no pass over it."""
        listing, withdrawn = self.bounce_list, self.records.withdrawn
        gone = withdrawn - self._gone_shown  # withdrawn since the last call
        self._gone_shown = set(withdrawn)
        back = set(revived)
        lost = listing.marks & gone
        if lost:
            self._held_marks |= lost
            listing.marks -= lost
        if back & self._held_marks:
            listing.marks |= back & self._held_marks
            self._held_marks -= back
        current, drop = listing.current, gone | back
        ordered = not (self.sort_column or self.filter_query.fuzzy)  # rows in index order
        shown = listing.shown
        keep = current
        if current in drop:  # the cursor goes to the next row that stays, and comes back with its row
            keep = next((i for i in shown[listing.cursor :] if i not in drop),
                        next((i for i in reversed(shown[: listing.cursor]) if i not in drop), None))
            self._held_cursor = (current, keep)
        elif self._held_cursor and self._held_cursor[0] in back and self._held_cursor[1] == current:
            keep = self._held_cursor[0]
        if ordered and len(drop) <= DROP_IN_PLACE:
            for index in drop:
                at = bisect.bisect_left(shown, index)
                if at < len(shown) and shown[at] == index:
                    del shown[at]
        elif drop:
            shown = [i for i in shown if i not in drop]
        if (back and not ordered) or self.filtering:
            self.refilter()  # their place depends on what they hold now; a query running ran without this
        elif back:  # each goes back where its index says
            for index in self._select(sorted(back)) if self.filter_query.terms else sorted(back):
                bisect.insort(shown, index)
        listing.set_shown(shown, keep=keep)
        if back:
            listing.forget(revived)
            for index in back:  # an edited message's headers are read again
                self._headers.pop(self.records.place(index), None)
            if keep in back:
                self._detail_key = ()
        self.show_current()

    def on_scan_listed(self: MainScreen, message: ScanListed) -> None:
        if message.generation != self.scan_generation:
            return
        self.full_list_at = time.monotonic()
        self._listed_generation = message.generation
        if timings.EVENTS:
            timings.note("listed", self.records.live)  # from the index
            self.call_after_refresh(timings.note, "full-list", self.records.live)
        if message.painted is not None:
            self.call_after_refresh(message.painted.set)
        self.call_after_refresh(self.show_current)  # the first row's detail waited for the full list
        if self.records.pending and not self.building:
            self.build_worker()  # the fuzzy index is ready before the first key

    def on_scan_progress(self: MainScreen, message: ScanProgress) -> None:
        if message.generation != self.scan_generation:
            return
        self.scan_done_files = (message.done, message.total)
        elapsed = max(time.monotonic() - self.scan_started, 1e-6)
        rate = message.done / elapsed
        what = "rescanning" if self.tally is not None else "scanning"
        self.update_status(scan="%s %d/%d files, %.0f/s (Esc stops)" % (what, message.done, message.total, rate))

    def on_scan_done(self: MainScreen, message: ScanDone) -> None:
        if message.generation != self.scan_generation:
            return
        self.backend.first_rows_shown()  # (a scan that gave nothing)
        self.scanning = False
        self.scan_done_at = time.monotonic()
        self._held_marks.clear()  # rows still withdrawn now are gone
        self._held_cursor = None
        if self._listed_generation != message.generation:
            self.full_list_at = self.scan_done_at
            if timings.EVENTS:
                self.call_after_refresh(timings.note, "full-list", self.records.live)
        elapsed = self.scan_done_at - self.scan_started
        if message.error:
            state = "scan failed: %s" % message.error
            self.notify(message.error, title="Scan failed", severity="error", markup=False)
        elif message.cancelled:
            state = "scan stopped"
        elif self.tally is not None:
            state = self.tally.summary(self.records.withdrawn)
            if state != "nothing changed":
                self.notify("Rescan: %s" % state, timeout=3, markup=False)
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
        if timings.EVENTS:
            self.call_after_refresh(timings.note, "scan-done", self.records.live)
        for warning in self.backend.scan_warnings():
            if warning not in self._warned:
                self._warned.add(warning)
                self.notify(warning, title="Index", severity="warning", timeout=8, markup=False)
        changed = len(self.records) > self._records_before_scan or bool(self.tally and self.tally.changed)
        if self.maillogs and not message.cancelled and (self.log_view is None or changed):
            self.maillog_worker(len(self.records))

    def action_rescan(self: MainScreen) -> None:
        if not self.scanning:
            self.start_scan()

    # -- --watch ---------------------------------------------------------------------------------
    def start_watching(self: MainScreen) -> None:
        self.set_interval(WATCH_SECONDS, self.watch_tick)

    def watch_tick(self: MainScreen) -> None:
        if not self.scanning:
            self.watch_worker()

    @work(thread=True, exclusive=True, group="watch")
    def watch_worker(self: MainScreen) -> None:
        """Look at the folders (their times and names, small folders' files; nothing read, see
        folder_watch.py); rescan when they changed."""
        if self._folder_watch is None:
            self._folder_watch = FolderWatch(self.backend.paths)
        try:
            signature = self._folder_watch.signature()
        except Exception:  # a folder that vanished for a moment: look again next time
            return
        if self._watch_signature is not None and signature != self._watch_signature:
            self.app.call_from_thread(self.start_scan, True)
        self._watch_signature = signature
