"""The App: global keys, themes, the key config, and the main screen. Small on purpose."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from bouncetui.tui import prefs
from bouncetui.tui.backend import Backend
from bouncetui.tui.commands import BounceCommands
from bouncetui.tui.keys import load_keymap

THEMES = ("textual-dark", "textual-light", "ansi-dark", "ansi-light", "nord", "gruvbox", "tokyo-night")


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker now, while stderr is a real file: the scan's
    process pool needs it, and once the app runs, stderr is Textual's capture with no descriptor."""
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # without it the scan still runs (in one process if need be)
        pass


class BounceApp(App[None]):
    """bouncetui's explorer."""

    CSS_PATH = "bouncetui.tcss"
    TITLE = "bouncetui"
    COMMANDS = App.COMMANDS | {BounceCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("ctrl+t", "next_theme", "Theme", show=False, id="app.theme"),
    ]

    def __init__(self, backend: Backend, *, lang: str = "en", watch: bool = False, theme: str | None = None,
                 keymap: dict[str, str] | None = None, maillogs: list[str] | None = None,
                 remember: bool = False) -> None:
        super().__init__()
        self.maillogs = list(maillogs or ())
        start_resource_tracker()
        self.backend = backend
        self.lang = lang
        self.watch_mail = watch
        if keymap is None:
            keymap, self.keymap_problem = load_keymap()
        else:
            self.keymap_problem = ""
        self.keymap_config = keymap
        if theme:
            if theme not in self.available_themes:
                raise ValueError("unknown theme %r: one of %s" % (theme, ", ".join(sorted(self.available_themes))))
            self.theme = theme
        elif remember and prefs.load().get("theme") in self.available_themes:
            self.theme = prefs.load()["theme"]
        self.remember = remember

    def on_mount(self) -> None:
        from bouncetui.tui.screens.main import MainScreen

        if self.keymap_config:
            self.set_keymap(self.keymap_config)
        if self.remember:
            self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(MainScreen(self.backend, self.lang, self.watch_mail, self.maillogs))
        if self.backend.warning:
            self.notify(self.backend.warning, title="Index", severity="warning", timeout=10, markup=False)
        if self.keymap_problem:
            self.notify(self.keymap_problem, title="Key config", severity="warning", timeout=8, markup=False)

    def action_help(self) -> None:
        from bouncetui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_next_theme(self) -> None:
        available = [t for t in THEMES if t in self.available_themes]
        current = available.index(self.theme) if self.theme in available else -1
        self.theme = available[(current + 1) % len(available)]
        self.notify("Theme: %s" % self.theme, timeout=1.5, markup=False)

    def _remember_theme(self, theme: object) -> None:
        prefs.save(theme=getattr(theme, "name", str(theme)))

    def on_unmount(self) -> None:
        self.backend.close()
