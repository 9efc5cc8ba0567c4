"""Messages the explorer's workers post to the main screen (post_message is thread-safe)."""

from __future__ import annotations

import threading

from textual.message import Message

from bouncetui.model import Bounce, ScanError


class ScanBatch(Message):
    """Records (and errors) decoded since the last batch."""

    def __init__(self, generation: int, items: list[Bounce | ScanError], progress_follows: bool = False) -> None:
        super().__init__()
        self.generation = generation
        self.items = items
        self.progress_follows = progress_follows  # a ScanProgress right after it updates the status bar


class ScanProgress(Message):
    def __init__(self, generation: int, done: int, total: int) -> None:
        super().__init__()
        self.generation = generation
        self.done = done
        self.total = total


class ScanListed(Message):
    """Every row the index held is on its way (in the batch before this): the list is full,
    what the scan finds from now on is what changed. `painted` is set once the full list is on
    the screen (the scan waits for it before it looks at the mail again)."""

    def __init__(self, generation: int, painted: threading.Event | None = None) -> None:
        super().__init__()
        self.generation = generation
        self.painted = painted


class ScanDone(Message):
    def __init__(self, generation: int, cancelled: bool, error: str = "") -> None:
        super().__init__()
        self.generation = generation
        self.cancelled = cancelled
        self.error = error


class FilterResult(Message):
    """The rows a query selects (None: it failed, `info` says why); ignored unless it answers the
    latest query."""

    def __init__(self, generation: int, shown: list[int] | None, info: str) -> None:
        super().__init__()
        self.generation = generation
        self.shown = shown
        self.info = info


class HeadersLoaded(Message):
    def __init__(self, key: tuple[str, int], headers: list[tuple[str, str]] | None, error: str = "") -> None:
        super().__init__()
        self.key = key
        self.headers = headers
        self.error = error


class MaillogLoaded(Message):
    """The mail logs, read and correlated (view is a maillog_view.LogView; None on failure)."""

    def __init__(self, view: object, error: str = "") -> None:
        super().__init__()
        self.view = view
        self.error = error
