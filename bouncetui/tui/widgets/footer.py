"""The key bar at the foot of every screen: Textual's Footer, made again only when its keys change.

Textual's Footer makes its key widgets anew each time the screen says its bindings may have
changed (focus moving, a screen mounted, the app focused), once per signal: five times over while
the explorer starts, about 15 ms of CPU each, before the first row is on the screen. KeyFooter
makes them anew once for signals that come together, and not at all when the keys it would show
are those it shows. Each key is made with the footer's compact style already set: Textual's key
starts compact and has its style worked out again when it is bound to a footer that is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """The screen's keys, as Textual's Footer shows them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._remake_pending = False
        self._shown: tuple[Any, ...] | None = None  # the keys composed last (None: none yet)

    def _keys(self) -> tuple[Any, ...]:
        """What the footer shows of the screen's bindings (what compose reads)."""
        bindings = self.screen.active_bindings
        shown = tuple((binding.key, binding.key_display, binding.description, binding.action, binding.group,
                       enabled, tooltip) for (_, binding, enabled, tooltip) in bindings.values() if binding.show)
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            _, binding, enabled, tooltip = palette
            shown += (("palette", binding.key, binding.description, enabled, tooltip or binding.tooltip),)
        return shown

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._remake_pending:
            self._remake_pending = True
            self.call_after_refresh(self._remake)

    async def _remake(self) -> None:
        self._remake_pending = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def compose(self) -> Iterator[Widget]:  # type: ignore[override]
        self._shown = self._keys() if self._bindings_ready else None
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if widget.has_class("-command-palette"):  # not bound to the footer: stays compact
                    widget.set_class(True, "-compact", update=False)
                else:
                    widget.set_reactive(FooterKey.compact, self.compact)
                    widget.set_class(self.compact, "-compact", update=False)
            yield widget
