"""The package's own names: `from bouncetui import scan, decode, Bounce` as the README shows."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import bouncetui

SAMPLE = Path(__file__).resolve().parents[2] / "sample_mail" / "cur"


def test_decode_is_the_function_even_after_the_decoders_are_imported() -> None:
    importlib.import_module("bouncetui.decode.assemble")  # the sub-package bouncetui.decode, loaded
    from bouncetui import decode

    records = [r for message in sorted(SAMPLE.iterdir()) for r in decode(message.read_bytes(), origin=str(message))]
    assert records and all(isinstance(r, bouncetui.Bounce) for r in records)


def test_decode_can_be_replaced_and_restored(monkeypatch) -> None:
    real = bouncetui.decode
    monkeypatch.setattr(bouncetui, "decode", lambda raw, origin="": ["a stand-in"])
    assert bouncetui.decode(b"", "x") == ["a stand-in"]
    monkeypatch.undo()
    assert bouncetui.decode is real


def test_importing_the_package_imports_no_decoder() -> None:
    # A rescan answered from the cache, and every command but scan, need none of them.
    code = "import sys, bouncetui; print('bouncetui.decode.mta' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
