"""Shared test fixtures: paths to the project's sample mail and the optional shared corpus."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_MAIL = ROOT / "sample_mail"
CORPUS = (ROOT / ".." / "shared" / "corpus" / "sisimai").resolve()


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Never touch the user's real data or config directories from a test."""
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def utc(monkeypatch):
    """Local time is UTC during the test (log times and query dates are local time)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/sisimai not present (a user's clone): corpus tests skipped")
    return CORPUS


def sample_mail_present() -> bool:
    return os.path.isdir(SAMPLE_MAIL / "cur")
