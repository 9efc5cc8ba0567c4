"""The bounce list: a line-API virtual list over an index array, fast at 100,000 rows and more.

Like toolong's LogLines: a ScrollView whose `render_line(y)` draws only the visible rows, from
`shown` (indexes into the RecordSet) — filtering and sorting replace that array, never widgets.
The screen owns the data ("attributes down"); the list reports the cursor and clicks ("messages
up"). Rows are coloured by reason class through component classes, so every theme applies.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from bouncetui.formats import fit
from bouncetui.tui.columns import MARK_WIDTH, ROW_CLASSES, SEPARATOR, Column, layout, row_class
from bouncetui.tui.records import RecordSet

STATE_GLYPHS = {"new": " ", "investigating": "?", "resolved": "✓", "suppress": "⊘", "ignore": "·"}
MARK_GLYPH = "●"


class BounceList(ScrollView, can_focus=True):
    """The records in `shown`, one line each, with a cursor."""

    COMPONENT_CLASSES = {
        "bounce-list--cursor",
        "bounce-list--mark",
        *("bounce-list--%s" % name for name in ROW_CLASSES),
    }
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First row", show=False, id="list.first"),
        Binding("G,end", "last", "Last row", show=False, id="list.last"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Detail", id="list.select"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class CursorMoved(Message):
        """The cursor is on another record (`index` into the RecordSet, -1 when the list is empty)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Selected(Message):
        """Enter or a double click on a row."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, records: RecordSet, *, columns: tuple[Column, ...] | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.records = records
        self.columns = columns
        self.shown: list[int] = []
        self.marks: set[int] = set()
        self.states: dict[str, str] = {}
        self._layout: list[tuple[Column, int]] = []
        self._layout_width = -1
        self._lines: dict[int, str] = {}
        self._last_reported = -2
        self.header: Widget | None = None  # redrawn when the column layout changes
        self._base_style: Style | None = None  # rich_style (which walks every ancestor), until the CSS changes

    # -- data in ---------------------------------------------------------------------------------
    def set_shown(self, shown: list[int], keep: int | None = None) -> None:
        """Show these record indexes; the cursor stays on record `keep` when it is still shown."""
        current = self.current if keep is None else keep
        self.shown = shown
        self._set_rows(len(shown))
        target = 0
        if current is not None and current >= 0 and shown:
            try:
                target = shown.index(current)
            except ValueError:
                target = min(self.cursor, len(shown) - 1)
        self.cursor = max(0, min(target, len(shown) - 1))
        self.refresh()

    def extend_shown(self, more: list[int]) -> None:
        """Append rows (a scan batch) without moving the cursor or the view."""
        if not more:
            return
        start = len(self.shown)
        self.shown.extend(more)
        self._set_rows(len(self.shown))
        bottom = self.scroll_offset.y + self.size.height
        if start < bottom:  # only rows coming into view are drawn (the scroll bar redraws itself)
            self.refresh_lines(start, min(len(self.shown), bottom) - start)
        if start == 0:
            self.cursor = 0

    def _set_rows(self, count: int) -> None:
        """The list is `count` rows long now. A layout of the screen (tens of ms at each scan
        batch, each key typed in the filter) only when the scroll bar comes or goes; else the
        scroll bar and the rows are redrawn where they are."""
        size = Size(self.size.width, count)
        if size == self.virtual_size:
            return
        height = self.container_size.height
        if not self.is_mounted or (count > height) != (self.virtual_size.height > height) \
                or size.width != self.virtual_size.width:
            self.virtual_size = size
            return
        self.set_reactive(BounceList.virtual_size, size)
        self._scroll_update(size)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def invalidate(self, indexes: list[int] | None = None) -> None:
        """Records changed (marks, triage state): redraw."""
        self.refresh()

    def forget(self, indexes: list[int]) -> None:
        """The records at `indexes` hold something else now (a rescan revived their rows): their
        lines are drawn again."""
        for index in indexes:
            self._lines.pop(index, None)
        self.refresh()

    @property
    def current(self) -> int | None:
        """The record index under the cursor, None when the list is empty."""
        if 0 <= self.cursor < len(self.shown):
            return self.shown[self.cursor]
        return None

    @property
    def column_layout(self) -> list[tuple[Column, int]]:
        width = self.scrollable_content_region.width or self.size.width
        if width != self._layout_width:
            self._layout = layout(width, self.columns)
            self._layout_width = width
            self._lines.clear()
            if self.header is not None:
                self.header.refresh()
        return self._layout

    # -- drawing ---------------------------------------------------------------------------------
    def _line_text(self, index: int) -> str:
        text = self._lines.get(index)
        if text is None:
            if len(self._lines) > 4000:
                self._lines.clear()
            record = self.records[index]
            sep = " " * SEPARATOR
            text = sep.join(fit(column.value(record), width) for column, width in self.column_layout)
            self._lines[index] = text
        return text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None

    @property
    def base_style(self) -> Style:
        """The list's own style (what rich_style computes anew at each call)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        row = self.scroll_offset.y + y
        if row >= len(self.shown):
            return Strip.blank(width, self.base_style)
        index = self.shown[row]
        self.column_layout  # noqa: B018 - refresh the layout (and the line cache) on resize
        if y == 0 and self.records.pending:  # rows the cache gave unbuilt: the screenful at once
            self.records.build(self.shown[row : row + self.size.height])
        record = self.records[index]
        style = self.base_style + self.get_component_rich_style("bounce-list--%s" % row_class(record))
        if row == self.cursor:
            cursor = self.get_component_rich_style("bounce-list--cursor")
            if not self.has_focus:
                cursor = Style(bgcolor=cursor.bgcolor, dim=True) if cursor.bgcolor else cursor
            style += cursor
        state = self.states.get(record.token, "new")
        if index in self.marks:
            mark = Segment(MARK_GLYPH + " ", style + self.get_component_rich_style("bounce-list--mark"))
        else:
            mark = Segment(STATE_GLYPHS.get(state, " ") + " ", style)
        strip = Strip([mark, Segment(self._line_text(index), style)])
        return strip.adjust_cell_length(width, style).crop(0, width)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.scroll_to_cursor()
        current = self.current
        reported = -1 if current is None else current
        if reported != self._last_reported:
            self._last_reported = reported
            self.post_message(self.CursorMoved(reported))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.shown))
        self.scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- keys and mouse --------------------------------------------------------------------------
    def _page(self) -> int:
        return max(1, (self.scrollable_content_region.height or self.size.height) - 1)

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.shown) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.shown) - 1)

    def action_page_down(self) -> None:
        self.cursor = min(len(self.shown) - 1, self.cursor + self._page()) if self.shown else 0

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - self._page())

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if 0 <= row < len(self.shown):
            self.cursor = row
            if event.chain >= 2:
                self.action_select()


class ListHeader(Widget):
    """The column titles over the list, with the sort arrow; a click sorts by that column."""

    DEFAULT_CSS = """
    ListHeader { height: 1; }
    """

    class SortClicked(Message):
        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    def __init__(self, bounce_list: BounceList, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bounce_list = bounce_list
        bounce_list.header = self
        self.sort_column = ""
        self.sort_reverse = False

    def set_sort(self, column: str, reverse: bool) -> None:
        self.sort_column, self.sort_reverse = column, reverse
        self.refresh()

    def render(self) -> Text:
        text = Text(" " * MARK_WIDTH, no_wrap=True, overflow="crop")
        for i, (column, width) in enumerate(self.bounce_list.column_layout):
            title = column.title
            if column.key == self.sort_column:
                title += " ▼" if self.sort_reverse else " ▲"
            if i:
                text.append(" " * SEPARATOR)
            text.append(fit(title, width))
        return text

    def on_click(self, event: events.Click) -> None:
        x = MARK_WIDTH
        for column, width in self.bounce_list.column_layout:
            if x <= event.x < x + width + SEPARATOR:
                self.post_message(self.SortClicked(column.key))
                return
            x += width + SEPARATOR
