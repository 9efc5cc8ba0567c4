"""The --max-* options: sizes with suffixes, and a clear usage error (exit 1) for a bad one."""

from __future__ import annotations

import argparse

import pytest

from bouncetui import limits
from bouncetui.cli import main


@pytest.mark.parametrize(("text", "size"), [("512", 512), ("4k", 4096), ("64M", 64 * 1024 ** 2), ("1g", 1024 ** 3)])
def test_sizes_take_binary_suffixes(text, size):
    assert limits._size(text) == size


@pytest.mark.parametrize(("text", "says"), [
    ("0", "a size must be positive"),
    ("-5k", "a size must be positive"),
    ("12x", "not a size: '12x'"),
    ("inf", "not a size: 'inf'"),
])
def test_a_bad_size_is_a_usage_error_that_says_why(capsys, tmp_path, text, says):
    with pytest.raises(SystemExit) as exited:
        main(["scan", "--max-size=" + text, str(tmp_path)])
    assert exited.value.code == 1
    assert "argument --max-size: " + says in capsys.readouterr().err


def test_the_options_become_limits():
    parser = argparse.ArgumentParser()
    limits.add_arguments(parser)
    args = parser.parse_args(["--max-size", "1M", "--max-parts", "7", "--time-budget", "2.5"])
    assert limits.from_args(args) == limits.Limits(max_bytes=1024 ** 2, max_parts=7, seconds=2.5)


def test_the_time_budget_holds_for_message_after_message_even_when_another_alarm_handler_came():
    import signal
    import time

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    previous = signal.getsignal(signal.SIGALRM)
    try:
        for _ in range(3):  # the handler stays installed; each message arms the timer again
            with limits.time_budget(5.0):
                spin(0.01)
            with pytest.raises(limits.LimitExceeded, match="longer than 0.05 s"):
                with limits.time_budget(0.05):
                    spin(2)
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # some other code took the signal meanwhile
        with pytest.raises(limits.LimitExceeded):
            with limits.time_budget(0.05):
                spin(2)
    finally:
        signal.signal(signal.SIGALRM, previous)
