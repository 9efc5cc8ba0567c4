"""Fixtures of the functional tests (the explorer's helpers are in tui_support.py)."""

from __future__ import annotations

import pytest

from tests.functional.tui_support import isolate


@pytest.fixture
def env(monkeypatch, tmp_path):
    """XDG dirs under tmp_path, UTC, English; the path of a fresh index database."""
    return isolate(monkeypatch, tmp_path)
