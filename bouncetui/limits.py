"""Limits that keep a hostile or broken message from exhausting memory or time.

A message over a limit is not decoded: it becomes a ScanError entry naming the limit, and the scan
goes on. Every limit can be changed on the command line (`bouncetui scan --max-size ...`).
The time budget is enforced with a timer signal where decoding runs on a process's main thread
(the command line and its worker processes), and with an asynchronous exception raised into the
decoding thread by a watchdog elsewhere (the explorer's scanning worker). Both take effect between
two Python instructions.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading
from _signal import getsignal as _raw_getsignal
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 64 * 1024 * 1024  # one message (after decompression)
    max_parts: int = 2000  # MIME parts in one message
    max_depth: int = 40  # nesting of multiparts and message/rfc822 parts
    max_recipients: int = 20000  # recipients decoded from one report
    seconds: float = 20.0  # time to decode one message


DEFAULT = Limits()


class LimitExceeded(Exception):
    """A message exceeds one of the limits; its text says which."""


class BudgetExpired(LimitExceeded):
    """Raised into a thread whose decoding outlived the time budget."""

    def __str__(self) -> str:
        return "decoding took longer than the time budget (--time-budget)"


# The budget of the block running on the main thread (None outside one): the SIGALRM handler is
# installed once per process and only the timer is armed per message, since installing a handler
# and restoring the previous one for every message cost about 9 us a message (seen in a profile
# of a scan's worker). The handler in place is read with the C function signal.getsignal wraps:
# the wrapper turns it into a signal.Handlers member, which for a function handler means a failed
# Enum lookup and a caught ValueError on every message.
_main_budget: float | None = None


def _expire(signum: int, frame: FrameType | None) -> None:
    if _main_budget is not None:  # a late signal after its block ended is ignored
        raise LimitExceeded("decoding took longer than %g s" % _main_budget)


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise LimitExceeded in the block when it runs longer than `seconds`."""
    global _main_budget
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        with _thread_budget(seconds):
            yield
        return
    if _raw_getsignal(signal.SIGALRM) is not _expire:
        signal.signal(signal.SIGALRM, _expire)
    outer, _main_budget = _main_budget, seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _main_budget = outer


@contextlib.contextmanager
def _thread_budget(seconds: float) -> Iterator[None]:
    """A watchdog that raises BudgetExpired in this thread if the block outlives `seconds`."""
    import ctypes  # here, not at the top: a rescan from the cache decodes nothing

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"inside": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["inside"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(BudgetExpired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["inside"] = False
            fired = state["fired"]
        timer.cancel()
        if fired:  # delivered already, or still pending: never let it escape later
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The --max-* options of the sub-commands that decode mail."""
    group = parser.add_argument_group("limits")
    group.add_argument("--max-size", type=_size, default=DEFAULT.max_bytes, metavar="BYTES",
                       help="largest message decoded (suffixes k, M, G; default 64M)")
    group.add_argument("--max-parts", type=int, default=DEFAULT.max_parts, metavar="N",
                       help="most MIME parts in one message (default %d)" % DEFAULT.max_parts)
    group.add_argument("--max-depth", type=int, default=DEFAULT.max_depth, metavar="N",
                       help="deepest MIME nesting (default %d)" % DEFAULT.max_depth)
    group.add_argument("--max-recipients", type=int, default=DEFAULT.max_recipients, metavar="N",
                       help="most recipients decoded from one report (default %d)" % DEFAULT.max_recipients)
    group.add_argument("--time-budget", type=float, default=DEFAULT.seconds, metavar="SECONDS",
                       help="longest time spent decoding one message (default %g)" % DEFAULT.seconds)


def from_args(args: argparse.Namespace) -> Limits:
    """The limits the options name; a command without them gets the defaults."""
    return Limits(
        max_bytes=getattr(args, "max_size", DEFAULT.max_bytes),
        max_parts=getattr(args, "max_parts", DEFAULT.max_parts),
        max_depth=getattr(args, "max_depth", DEFAULT.max_depth),
        max_recipients=getattr(args, "max_recipients", DEFAULT.max_recipients),
        seconds=getattr(args, "time_budget", DEFAULT.seconds),
    )


def _size(text: str) -> int:
    """A number of bytes, with an optional suffix k, M or G (powers of 1024)."""
    text = text.strip()
    factor = {"k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}.get(text[-1:].lower(), 1)
    number = text[:-1] if factor > 1 else text
    try:
        value = int(float(number) * factor)
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError("not a size: %r (a number of bytes, e.g. 512k, 64M, 1G)" % text) from None
    if value <= 0:
        raise argparse.ArgumentTypeError("a size must be positive, not %r" % text)
    return value
