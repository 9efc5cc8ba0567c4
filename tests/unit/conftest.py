"""Fixtures shared by the store's tests: a copy of the hand-written Maildir and a fresh database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bouncetui.store import Store

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
