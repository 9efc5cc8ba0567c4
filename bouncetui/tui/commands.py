"""Command palette providers (Ctrl+P): every command of the main screen, and quick filters for
the reasons and destination domains present in the list."""

from __future__ import annotations

from collections import Counter
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from bouncetui.textsafe import one_line
from bouncetui.tui.columns import COLUMNS

QUICK_DOMAINS = 40


def _records(count: int) -> str:
    return "%d record%s" % (count, "" if count == 1 else "s")


class BounceCommands(Provider):
    def _main(self):
        from bouncetui.tui.screens.main import MainScreen

        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    def _commands(self) -> list[tuple[str, object, str]]:
        screen = self._main()
        if screen is None:
            return []
        commands: list[tuple[str, object, str]] = []
        for binding in screen.BINDINGS:
            if binding.description and binding.action != "back":
                commands.append((binding.description, partial(screen.run_action, binding.action),
                                 "key %s" % binding.key.split(",")[0]))
        commands.append(("Help: every key", partial(self.app.run_action, "help"), "key ?"))
        for column in COLUMNS:
            name = column.title.lower()
            commands.append(("Sort by %s" % name, partial(screen.sort_by, column.key, False), "ascending"))
            commands.append(("Sort by %s, descending" % name, partial(screen.sort_by, column.key, True), ""))
        everything = screen.records.records
        records = [everything[i] for i in screen.records.alive(range(len(everything)))]
        reasons = Counter(r.reason for r in records)
        for reason, count in reasons.most_common():
            commands.append(("Filter: reason:%s" % reason, partial(screen.apply_term, "reason:%s" % reason),
                             _records(count)))
        domains = Counter(r.destination for r in records if r.destination)
        for domain, count in domains.most_common(QUICK_DOMAINS):
            term = "domain:%s" % domain
            commands.append(("Filter: %s" % one_line(term), partial(screen.apply_term, term), _records(count)))
        for word in ("hard", "soft", "marked"):
            commands.append(("Filter: %s" % word, partial(screen.apply_term, word), "quick filter"))
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
