"""The main screen's filter and sort: the query typed in the filter bar (or added by a stats bar,
the palette, the mail log), run with the sort in a worker whose newest answer wins. A mixin of
MainScreen, which owns the state (query_text, filter_query, sort_column, sort_reverse)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from bouncetui.tui import filtering
from bouncetui.tui.backend import STATES
from bouncetui.tui.columns import BY_KEY, COLUMN_KEYS
from bouncetui.tui.messages import FilterResult
from bouncetui.tui.widgets.bounce_list import ListHeader
from bouncetui.tui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    from bouncetui.tui.screens.main import MainScreen

TYPING_DETAIL_DELAY = 0.25  # the title (and the detail pane) follow the filter once typing pauses this long


class Querying:
    """Filter and sort for MainScreen."""

    def field_values(self: MainScreen, field: str) -> list[str]:
        """Values of a query field for the filter bar's completion, most common first."""
        return list(STATES) if field == "state" else filtering.field_values(self.records, field)

    def _select(self: MainScreen, indexes: Iterable[int], query: filtering.Query | None = None) -> list[int]:
        """The records among `indexes` that the query's field terms select (default: the current one)."""
        query = query or self.filter_query
        indexes = list(indexes)
        return query.select(indexes, self.records.built(indexes), self.triage, self.bounce_list.marks)

    def set_query(self: MainScreen, text: str, typing: bool = False) -> None:
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

    def refilter(self: MainScreen) -> None:
        """Run the query (and sort) in a worker; the newest query's answer wins."""
        self.filter_generation += 1
        self.filtering = True
        self._last_refilter = time.monotonic()
        self.filter_worker(self.filter_generation, self.filter_query, self.sort_column, self.sort_reverse,
                           len(self.records))

    @work(thread=True, exclusive=True, group="filter")
    def filter_worker(self: MainScreen, generation: int, query: filtering.Query, column: str, reverse: bool,
                      count: int) -> None:
        try:
            self._filter(generation, query, column, reverse, count)
        except Exception as exc:  # a failing filter must leave the list as it was, not end the app
            self.post_message(FilterResult(generation, None, "filter failed: %s" % exc))

    def _filter(self: MainScreen, generation: int, query: filtering.Query, column: str, reverse: bool,
                count: int) -> None:
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

    def on_filter_result(self: MainScreen, message: FilterResult) -> None:
        if message.generation != self.filter_generation:
            return
        self.filtering = False
        self.filter_applied_at = time.monotonic()
        bar = self.query_one(FilterBar)
        if message.shown is None:
            bar.set_info(message.info, error=True)
            return
        self.bounce_list.set_shown(message.shown)
        bar.set_info(message.info if self.query_text else "")
        self.update_status()

    def on_filter_bar_changed(self: MainScreen, event: FilterBar.Changed) -> None:
        self.filter_changed_at = time.monotonic()
        if self._detail_timer is not None:  # typing goes on: the detail pane waits for a pause
            self._detail_timer.reset()
        self.set_query(event.text, typing=True)

    def on_filter_bar_done(self: MainScreen, event: FilterBar.Done) -> None:
        if self._title_timer is not None:
            self._title_timer.stop()
        self.update_title()
        self.bounce_list.focus()

    def apply_term(self: MainScreen, term: str) -> None:
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

    # -- sort ------------------------------------------------------------------------------------
    def sort_by(self: MainScreen, column: str, reverse: bool) -> None:
        self.sort_column, self.sort_reverse = column, reverse
        self.query_one(ListHeader).set_sort(column, reverse)
        self.update_status(sort="%s %s" % (BY_KEY[column].title.lower(), "▼" if reverse else "▲") if column else "")
        self.refilter()

    def on_list_header_sort_clicked(self: MainScreen, event: ListHeader.SortClicked) -> None:
        reverse = not self.sort_reverse if event.column == self.sort_column else False
        self.sort_by(event.column, reverse)

    def action_sort_next(self: MainScreen) -> None:
        keys = ("", *COLUMN_KEYS)
        following = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.sort_by(following, self.sort_reverse if following else False)
        self.notify("Sorted by %s" % (BY_KEY[following].title.lower() if following else "scan order"),
                    timeout=1.5, markup=False)

    def action_sort_reverse(self: MainScreen) -> None:
        self.sort_by(self.sort_column or "date", not self.sort_reverse)
