"""Fixtures shared by the unit tests: a copy of the hand-written Maildir, a fresh database, and
the worker pool waited on until it has started (tests/unit/pool_faults.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bouncetui.store import Store
from tests.unit.pool_faults import started_workers  # noqa: F401  (a fixture, offered to every test here)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bounces"


@pytest.fixture
def maildir(tmp_path) -> Path:
    target = tmp_path / "Maildir"
    shutil.copytree(FIXTURE, target)  # copy2: mtimes kept
    (target / "tmp").mkdir()
    return target


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db" / "bouncetui.db") as s:
        yield s
