"""The main screen's background work besides the scan: building the records the cache gave
unbuilt (and keeping them out of the garbage collector's way), reading the selected record's
original headers, and reading the mail log (--maillog) beside the bounces. A mixin of
MainScreen, which owns the state."""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from bouncetui.model import Bounce
from bouncetui.tui.backend import read_raw
from bouncetui.tui.messages import HeadersLoaded, MaillogLoaded

if TYPE_CHECKING:
    from bouncetui.tui.screens.main import MainScreen

HEADER_CACHE = 256  # records whose original headers are kept
FREEZE_RECORDS = 20_000  # the records are frozen out of the garbage collector at this many, twice as many ...


class BackgroundWork:
    """Building records, headers and --maillog for MainScreen (its state: records, recipients,
    maillogs, log_view, backend)."""

    # -- records the cache gave unbuilt ----------------------------------------------------------
    def _maybe_freeze(self: MainScreen, built: bool = False) -> None:
        """The records live as long as the app: out of the collector's way, or each of its full
        passes walks every record again (a second of a 100,000-row load went to that). Collected
        first, so no garbage is frozen with them; at 20k, 40k, 80k ... records, and once the
        records the cache gave unbuilt are `built` (unbuilt ones are not objects to collect)."""
        count = len(self.records) - self.records.pending
        if count >= self._freeze_at or (built and count >= FREEZE_RECORDS):
            self._freeze_at = max(self._freeze_at, 2 * count)
            gc.collect()
            gc.freeze()

    @property
    def building(self: MainScreen) -> bool:
        """True while a build worker runs (it indexes every record there is when it ends)."""
        return any(w.node is self and w.group == "build" and not w.is_finished for w in self.workers)

    @work(thread=True, exclusive=True, group="build")
    def build_worker(self: MainScreen) -> None:
        """Build the records the cache gave unbuilt, and index their recipients for the fuzzy
        search, in the background once the list is on screen (a filter meanwhile waits for it)."""
        worker = get_current_worker()
        while self.records.pending and not worker.is_cancelled:
            self.records.build_some()
        if not worker.is_cancelled:
            self.index_recipients(len(self.records))
            self.app.call_from_thread(self._built)

    def _built(self: MainScreen) -> None:
        self.records_built_at = time.monotonic()
        self._maybe_freeze(built=True)

    def index_recipients(self: MainScreen, count: int) -> None:
        """The fuzzy index holds the recipients of the first `count` records (any thread)."""
        with self._recipients_lock:
            start = self.recipients.count
            if count > start:
                self.recipients.extend(self.records.recipients(start, count), start)
                self.recipients.prepare()


    # -- the selected record's original headers ---------------------------------------------------
    @work(thread=True, exclusive=True, group="headers")
    def headers_worker(self: MainScreen, key: tuple[str, int]) -> None:
        from bouncetui.tui.rawmail import original_headers

        try:
            headers = original_headers(read_raw(*key))
        except Exception as exc:  # a moved or unreadable file: say so in the pane
            self.post_message(HeadersLoaded(key, None, "cannot read the message: %s" % exc))
            return
        self.post_message(HeadersLoaded(key, headers))

    def on_headers_loaded(self: MainScreen, message: HeadersLoaded) -> None:
        if len(self._headers) > HEADER_CACHE:
            self._headers.clear()
        self._headers[message.key] = (message.headers, message.error)
        self._headers_version += 1
        index = self.current
        if index is not None and (self.records[index].origin, self.records[index].position) == message.key:
            self.show_current()

    # -- the mail log ----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="maillog")
    def maillog_worker(self: MainScreen, count: int) -> None:
        """Correlate the mail logs with the first `count` records (and their copies)."""
        from bouncetui.tui import maillog_view

        try:
            bounces: list[Bounce] = self.records.with_duplicates(self.records.alive(range(count)))
            view = maillog_view.load(self.maillogs, self.backend.paths, bounces)
        except Exception as exc:  # an unreadable log must not take the bounces down with it
            self.post_message(MaillogLoaded(None, "%s: %s" % (type(exc).__name__, exc)))
            return
        self.post_message(MaillogLoaded(view))

    def on_maillog_loaded(self: MainScreen, message: MaillogLoaded) -> None:
        if message.view is None:
            self.notify(message.error, title="Cannot read the mail log", severity="error", markup=False)
            return
        self.log_view = message.view
        self.update_status(log="log: %d failures, %d silent (m)" % (self.log_view.failures, self.log_view.silent))
        self._detail_key = ()
        self.show_current()

    def action_maillog(self: MainScreen) -> None:
        from bouncetui.tui.screens.maillog import MaillogScreen

        if self.log_view is None:
            self.notify("Reading the mail log…" if self.maillogs else
                        "No mail log: start with  bouncetui PATH --maillog FILE", timeout=4, markup=False)
            return

        def done(term: str | None) -> None:
            if term:
                self.apply_term(term)

        self.app.push_screen(MaillogScreen(self.log_view), done)
