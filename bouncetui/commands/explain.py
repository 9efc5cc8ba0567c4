"""Explain a bounce reason, an enhanced status code or an SMTP reply code: what it means, whose side
the problem is on, what to do, and when to stop mailing the address. Several words are explained in
turn; "550 5.1.1" explains both codes. A Japanese carrier domain (docomo.ne.jp) shows its notes.
The language follows the locale (LC_ALL, LC_MESSAGES, LANG) unless --lang is given. Exit 0 when
every word was explained, 1 when one was not (close matches are listed on stderr)."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.text import Text

from bouncetui.catalog import (
    LANGUAGES,
    CarrierNote,
    Explanation,
    ReasonEntry,
    ReplyEntry,
    StatusEntry,
    UnknownWord,
    carrier_notes,
    default_language,
    label,
    lookup,
    reason_entries,
    reason_entry,
)
from bouncetui.commands.common import usage_error

NAME = "explain"
HELP = "explain a bounce reason, status code (5.1.1) or reply code (550), in English or Japanese"

_HEADING = "bold cyan"
_TITLE = "bold"
_CODE = "green"
_DIM = "dim"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "words",
        nargs="*",
        metavar="REASON|STATUS|REPLYCODE",
        help='a reason (userunknown), a status code (5.7.26), a reply code (550), or "550 5.1.1"',
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the explanation (default: from the locale)",
    )
    parser.add_argument("--list", action="store_true", help="list every reason with a one-line summary")
    parser.add_argument("--carriers", action="store_true", help="show the notes on Japanese mobile carriers")


def run(args: argparse.Namespace) -> int:
    lang = args.lang or default_language()
    if not (args.words or args.list or args.carriers):
        return usage_error(NAME, "give a reason, a status code or a reply code, or --list")
    blocks: list[list[RenderableType]] = []
    if args.list:
        blocks.append(list(render_list(lang)))
    if args.carriers:
        blocks.append(list(render_carriers(carrier_notes(lang), lang)))
    status = 0
    for word in args.words:
        try:
            blocks.append(list(render(lookup(word, lang), lang)))
        except UnknownWord as error:
            _print_unknown(error, lang, sys.stderr)
            status = 1
    renderables: list[RenderableType] = []
    for number, block in enumerate(blocks):
        renderables.extend(([Text()] if number else []) + block)
    write(renderables, sys.stdout)
    return status


def write(renderables: Iterable[RenderableType], stream: TextIO) -> None:
    """Print to `stream`: styled on a terminal; plain text, without escape codes or trailing
    blanks, anywhere else (a pipe, a file)."""
    if stream.isatty():
        console = Console(file=stream, highlight=False, emoji=False)
        for renderable in renderables:
            console.print(renderable)
        return
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=False, color_system=None, no_color=True, highlight=False, emoji=False
    )
    for renderable in renderables:
        console.print(renderable)
    stream.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))


def render(explanation: Explanation, lang: str) -> Iterator[RenderableType]:
    """The Rich renderables explaining one looked-up word, in `lang`."""
    parts: list[Iterable[RenderableType]] = []
    if explanation.reason is not None:
        parts.append(render_reason(explanation.reason, lang))
    if explanation.reply is not None:
        parts.append(render_reply(explanation.reply, lang))
    if explanation.status is not None:
        parts.append(render_status(explanation.status, lang))
    if explanation.carriers:
        parts.append(render_carriers(explanation.carriers, lang))
    for number, part in enumerate(parts):
        if number:
            yield Text()
        yield from part


def render_reason(entry: ReasonEntry, lang: str) -> Iterator[RenderableType]:
    """A reason: heading, summary, detail, side, codes, wording, remedy and suppression advice."""
    yield _heading(entry.name, entry.title, label(_kind(entry), lang))
    yield _indented(entry.summary)
    yield from _section(label("detail", lang), entry.detail)
    yield from _section(label("side", lang), label("side." + entry.side, lang))
    codes = []
    if entry.statuses:
        codes.append(Text.assemble(label("statuses", lang) + ": ", (", ".join(entry.statuses), _CODE)))
    if entry.replycodes:
        codes.append(Text.assemble(label("replycodes", lang) + ": ", (", ".join(entry.replycodes), _CODE)))
    if codes:
        yield from _section(label("codes", lang), *codes)
    if entry.wording:
        yield from _section(
            label("wording", lang), *(Paragraph("• " + line, hang=2) for line in entry.wording)
        )
    yield from _section(label("remedy", lang), entry.remedy)
    rule = entry.suppression
    policy = label("policy." + rule.policy, lang).format(count=rule.soft_count, days=rule.span_days)
    yield from _section(label("suppression", lang), Text(policy, _TITLE), rule.text)


def render_status(entry: StatusEntry, lang: str) -> Iterator[RenderableType]:
    """An enhanced status code: class, subject and detail meanings, and the reasons it maps to."""
    klass, subject, detail = entry.code.split(".")
    yield _heading(entry.code, entry.name, label("status", lang))
    yield from _section("%s %s.x.x: %s" % (label("class", lang), klass, entry.class_name), entry.class_text)
    yield from _section(
        "%s x.%s.x: %s" % (label("subject", lang), subject, entry.subject_name), entry.subject_text
    )
    name = "%s x.%s.%s" % (label("detail_code", lang), subject, detail)
    if entry.known:
        yield from _section("%s: %s" % (name, entry.detail_name), entry.detail_text)
    else:
        yield from _section(name, Text(label("unregistered", lang), _DIM))
    yield from _section(label("reference", lang), entry.reference)
    yield from _reasons(entry.reasons, lang)


def render_reply(entry: ReplyEntry, lang: str) -> Iterator[RenderableType]:
    """An SMTP reply code: its meaning, what its digits say, and the reasons it usually goes with."""
    yield _heading(entry.code, entry.name, label("reply", lang))
    yield _indented(entry.text)
    yield _indented(
        Text("%sxx: %s · x%sx: %s" % (entry.code[0], entry.kind, entry.code[1], entry.category), _DIM)
    )
    if not entry.known:
        yield _indented(Text(label("unregistered", lang), _DIM))
    yield from _section(label("reference", lang), entry.reference)
    yield from _reasons(entry.reasons, lang)


def render_carriers(notes: Iterable[CarrierNote], lang: str) -> Iterator[RenderableType]:
    """Japanese carrier notes, each a heading and its text."""
    yield Paragraph(Text(label("carriers", lang), _TITLE))
    for note in notes:
        yield from _section(note.title, note.text)


def render_list(lang: str) -> Iterator[RenderableType]:
    """Every reason on one line: name, hard or soft, summary."""
    yield Paragraph(Text(label("list", lang), _TITLE))
    for entry in reason_entries(lang):
        kind = label("short." + _kind(entry), lang)
        kind += " " * (7 - cell_len(kind))
        line = Text.assemble(("%-16s" % entry.name, _CODE), (kind, _DIM), entry.summary)
        yield _indented(Paragraph(line, hang=23))


class Paragraph:
    """Text wrapped to the width it is given, for Japanese as well as English.

    Rich wraps at spaces only, so a Japanese sentence (no spaces) breaks at the few Latin words in
    it. This breaks at spaces and between Japanese characters, keeps closing punctuation off the
    start of a line and opening brackets off its end (kinsoku), and indents continuation lines by
    `hang` cells. Styles of a Text survive; newlines in it are kept.
    """

    _NO_START = frozenset(
        "、。，．・：；？！ー」』）】〕〉》］｝ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…),.:;!?%”’"
    )
    _NO_END = frozenset("「『（【〔〈《［｛([“‘")

    def __init__(self, text: str | Text, hang: int = 0) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.hang = hang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, self.hang + 2)
        for piece in self.text.split("\n", allow_blank=True):
            for number, line in enumerate(piece.divide(self._breaks(piece.plain, width))):
                line.rstrip()
                yield Text(" " * self.hang) + line if number else line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max(cell_len(line) for line in self.text.plain.split("\n"))
        return Measurement(min(longest, 10), longest)

    def _breaks(self, plain: str, width: int) -> list[int]:
        """Offsets where lines of at most `width` cells start (a word longer than that is cut)."""
        cuts: list[int] = []
        start, used, last = 0, 0, -1
        for index, char in enumerate(plain):
            if index > start and self._can_break(plain[index - 1], char):
                last = index
            used += cell_len(char)
            if used > width and char != " " and index > start:
                cut = last if last > start else index
                cuts.append(cut)
                start, last = cut, -1
                used = self.hang + cell_len(plain[cut : index + 1])
        return cuts

    def _can_break(self, before: str, after: str) -> bool:
        if after == " ":
            return False
        if before == " ":
            return True
        if after in self._NO_START or before in self._NO_END:
            return False
        return _wide(before) or _wide(after)


def _kind(entry: ReasonEntry) -> str:
    """The label key for what kind of report a reason is: hard, soft, or not a bounce."""
    if not entry.failure:
        return "notbounce"
    return "hard" if entry.hard else "soft"


def _wide(char: str) -> bool:
    return cell_len(char) > 1


def _heading(code: str, name: str, kind: str) -> RenderableType:
    text = Text.assemble((code, _TITLE + " " + _CODE), " — ", (name, _TITLE), ("  (%s)" % kind, _DIM))
    return Paragraph(text, hang=2)


def _reasons(names: tuple[str, ...], lang: str) -> Iterator[RenderableType]:
    if names:
        lines = [
            Paragraph(Text.assemble((name, _CODE), " — ", reason_entry(name, lang).summary), hang=2)
            for name in names
        ]
        yield from _section(label("reasons", lang), *lines)


def _section(heading: str, *body: str | RenderableType) -> Iterator[RenderableType]:
    yield Text()
    yield Paragraph(Text(heading, _HEADING))
    for part in body:
        yield _indented(part)


def _indented(body: str | RenderableType) -> RenderableType:
    if isinstance(body, (str, Text)):
        body = Paragraph(body)
    return Padding(body, (0, 0, 0, 2))


def _print_unknown(error: UnknownWord, lang: str, stream: TextIO) -> None:
    print("bouncetui explain: %s: %r" % (label("unknown", lang), error.word), file=stream)
    if error.suggestions:
        print("%s: %s" % (label("suggest", lang), ", ".join(error.suggestions)), file=stream)
    else:
        print(label("no_suggestion", lang), file=stream)
