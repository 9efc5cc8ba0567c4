"""The filter bar: `/` opens it, typing filters as you go, Enter goes back to the list keeping the
filter, Esc clears it. It reports the text; the screen parses and runs the query in a worker."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.suggester import Suggester
from textual.widgets import Input, Label

PLACEHOLDER = "fuzzy recipient, reason: domain: status: code: hard soft state: since: marked, -negate"


FIELDS = ("reason:", "domain:", "status:", "code:", "action:", "decodedby:", "state:", "since:", "until:",
          "to:", "from:", "subject:", "rhost:", "note:", "hard", "soft", "marked", "backscatter")


class FilterInput(Input):
    """The query's input. Its text grows at each key, which Input answers with a layout of the
    whole screen (its virtual size); its width is the bar's whatever the text, so none is done."""

    virtual_size = Reactive(Size(0, 0), layout=False)


class QuerySuggester(Suggester):
    """Completes the word being typed: a field name, or a value of the field from the records
    (`values(field)` gives them, most common first). → or End accepts the suggestion."""

    def __init__(self, values: Callable[[str], Iterable[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.values = values

    async def get_suggestion(self, value: str) -> str | None:
        head, _space, word = value.rpartition(" ")
        prefix = head + " " if head else ""
        negation = "-" if word.startswith("-") else ""
        word = word[len(negation):]
        if not word:
            return None
        name, colon, typed = word.partition(":")
        if not colon:
            choices: Iterable[str] = FIELDS
            typed = word
            name = ""
        else:
            choices = (name + ":" + v for v in self.values(name.lower()))
            typed = word
        for choice in choices:
            if choice.lower().startswith(typed.lower()) and choice != typed:
                return prefix + negation + choice
        return None


class FilterBar(Horizontal):
    """A one-line bar with the query input and its result or error."""

    BINDINGS = [Binding("escape", "clear", "Clear filter", id="filter.clear")]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Done(Message):
        """Enter: the user is done typing."""

    def __init__(self, values: Callable[[str], Iterable[str]] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values = values or (lambda field: ())

    def compose(self):
        yield Label("/", id="filter-prompt")
        yield FilterInput(placeholder=PLACEHOLDER, id="filter-input", suggester=QuerySuggester(self.values))
        yield Label("", id="filter-info")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    def open(self, text: str | None = None) -> None:
        self.display = True
        if text is not None:
            self.input.value = text
        self.input.focus()
        self.input.cursor_position = len(self.input.value)

    def set_info(self, info: str, error: bool = False) -> None:
        label = self.query_one("#filter-info", Label)
        layout = len(info) != len(str(label.render()))  # the same width: no layout of the screen
        label.update(Text(info), layout=layout)  # it may quote what was typed: never markup
        label.set_class(error, "error")

    @on(Input.Changed, "#filter-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.input.value:
            self.display = False
        self.post_message(self.Done())

    def action_clear(self) -> None:
        self.input.value = ""
        self.display = False
        self.post_message(self.Changed(""))
        self.post_message(self.Done())
