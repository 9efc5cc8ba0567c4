"""The decoding processes: one pool that the scan (pipeline.py) and the store's cold load share.

    pool = WorkerPool(jobs, Work(function, args, here, split, crashed))
    pool.started()                        # False while the workers start: decode here meanwhile
    future = pool.submit(task)            # function(task, *args) in a worker process
    answers = pool.answers(future, task)  # [its answer]; one answer per piece if its worker died
    pool.close()

close() returns once no thread of the pool runs any more (the start thread, each executor's
management thread): one still running at interpreter exit races the executor's exit handler, which
writes to the management thread's wake-up pipe while that thread closes it ("Bad file descriptor"
printed at exit). A pool closed before its workers answered (a short scan on a loaded machine) or
given up is shut down without waiting, so close() then waits for that thread itself.

Start: the pool is created on a thread of its own, so the caller decodes its first messages
while the first worker waits (about 0.6 s) for the fork server to import the decoders (PRELOAD:
imported and compiled once, each forked worker starts with them). `started()` turns True when a
worker answered, or when the workers were given up. In the command line's own process, the fork
server is a fork of that process, made before the start thread (see prestart).

Given up: when the pool cannot be created (no processes left, no shared memory), when every
worker dies in its initializer, or when none answers within START_SECONDS, a warning is logged
and every task runs in this process (Work.here): slower, nothing lost. The wait is always bounded.

A worker that dies while decoding (a crash, the out-of-memory killer) costs no records: the pool
is replaced, and the task it ran is taken apart into its messages (Work.split), each run alone in
a pool whose workers answered; a message that kills a worker a second time gets Work.crashed (the
scan's error entry saying so) and the rest go on. If no new worker can start, they run here.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_for
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from bouncetui.collector import collect_less

if TYPE_CHECKING:
    import multiprocessing.context

LOG = logging.getLogger(__name__)
START_SECONDS = 60.0  # workers that have not answered by then are given up
# How long close() waits for the start thread and for an abandoned pool's management thread (its
# workers are killed: they end at once; the bound only keeps a stuck system from hanging the exit).
STOP_SECONDS = 30.0
# What the fork server imports once for every worker it forks: the decoders, the classifier with
# its tables compiled (bouncetui.classify.ready), and the writer of the lines a scan's workers send.
PRELOAD = ["bouncetui.pipeline", "bouncetui.decode", "bouncetui.classify.ready", "bouncetui.formats"]


T = TypeVar("T")  # a task
A = TypeVar("A")  # its answer


def warm() -> None:
    """Worker start-up: everything decoding needs was imported and compiled in the fork server.

    Garbage collection as in a head-less command (see cli.few_collections): what the fork server
    imported is set aside (gc.freeze: the oldest generation's collections no longer walk every
    table and function of the decoders), and the youngest generation is collected every
    collector.YOUNG allocations, not 700 (a worker starts with Python's defaults). Decoding 600 messages: 2.5%
    fewer instructions."""
    gc.freeze()
    collect_less()


def context() -> multiprocessing.context.BaseContext:
    """Worker processes forked from a server that imported the decoders once (each spawned worker
    would import them again: about half a second of CPU apiece); spawned where there is none."""
    import multiprocessing

    try:
        chosen = multiprocessing.get_context("forkserver")
    except ValueError:  # not on this platform
        return multiprocessing.get_context("spawn")
    chosen.set_forkserver_preload(PRELOAD)
    return chosen


def prestart() -> None:
    """Start the fork server now, from this thread, as a fork of this process: where this process
    is the command line itself (cli.PROGRAM) and runs no other thread. A fork server started the
    usual way is a new interpreter that imports multiprocessing and the package before PRELOAD,
    while this process already holds them: the fork starts from there (a cold scan's first worker
    answers about 0.1 s of CPU sooner; the server's CPU drops by about a third). Elsewhere (the
    explorer, code calling the scan, another Python whose fork server this does not know) the
    first worker starts the server as usual. Never raises: a server not started here is started
    by the pool."""
    if not getattr(sys.modules.get("bouncetui.cli"), "PROGRAM", False) or threading.active_count() != 1:
        return  # a fork copies only this thread: another thread's locks would stay held in the copy
    try:
        if context().get_start_method() == "forkserver":
            _fork_server()
    except Exception:  # noqa: BLE001 - the pool starts the server the usual way (or says why not)
        LOG.debug("fork server not started from this process", exc_info=True)


# multiprocessing.forkserver's own state and entry point, as Python 3.11 to 3.13.0 define them;
# `_fork_server` does what ForkServer.ensure_running does, with a fork instead of a new interpreter.
_SERVER_STATE = ("_forkserver_address", "_forkserver_alive_fd", "_forkserver_pid", "_preload_modules")
_SERVER_MAIN = ("listener_fd", "alive_r", "preload", "main_path", "sys_path")


def _fork_server() -> None:
    import socket
    from multiprocessing import connection, forkserver, resource_tracker, spawn, util

    server = getattr(forkserver, "_forkserver", None)
    code = forkserver.main.__code__
    if (code.co_varnames[:code.co_argcount] != _SERVER_MAIN or code.co_kwonlyargcount
            or not all(hasattr(server, name) for name in _SERVER_STATE)
            or hasattr(server, "_forkserver_authkey")):  # a later version: left to ensure_running
        return
    if server._forkserver_pid is not None:
        return
    resource_tracker.ensure_running()
    data = {key: value for key, value in spawn.get_preparation_data("ignore").items()
            if key in ("main_path", "sys_path")}
    for stream in (sys.stdout, sys.stderr):  # what they hold, each worker would write again at its exit
        if stream is not None:
            stream.flush()
    with socket.socket(socket.AF_UNIX) as listener:
        address = connection.arbitrary_address("AF_UNIX")
        listener.bind(address)
        if not util.is_abstract_socket_namespace(address):
            os.chmod(address, 0o600)
        listener.listen()
        alive_r, alive_w = os.pipe()  # the server ends when every holder of alive_w has
        try:
            pid = os.fork()
        except BaseException:
            os.close(alive_r)
            os.close(alive_w)
            raise
        if pid == 0:  # the server: it never returns into the command's code
            status = 1
            try:
                os.close(alive_w)
                forkserver.main(listener.fileno(), alive_r, server._preload_modules, **data)
            except SystemExit:  # how it ends
                status = 0
            finally:
                os._exit(status)
        os.close(alive_r)
    server._forkserver_address = address
    server._forkserver_alive_fd = alive_w
    server._forkserver_pid = pid


@dataclass(frozen=True)
class Work(Generic[T, A]):
    """What the workers run, and what becomes of a task when they cannot run it."""

    function: Callable[..., A]  # function(task, *args) -> answer, in a worker (a module-level function)
    args: tuple
    here: Callable[[T], A]  # the same answer computed in this process (no worker can run)
    split: Callable[[T], list[T]]  # a task's messages, one task each (after its worker died)
    crashed: Callable[[T], A]  # the answer for a one-message task that killed a worker twice


class WorkerPool(Generic[T, A]):
    """`jobs` worker processes running a Work's tasks; see the module docstring."""

    # What each worker runs first (a test makes it fail): a function and its arguments.
    initializer: tuple[Callable[..., object], tuple] = (warm, ())

    def __init__(self, jobs: int, work: Work[T, A]) -> None:
        self.jobs, self.work = jobs, work
        self._pool: ProcessPoolExecutor | None = None
        self._failed: BaseException | str | None = None  # why no worker runs
        self._closed = False
        self._lock = threading.Lock()
        self._started = threading.Event()
        self._closing: Future[None] = Future()  # done once closed: a start stops waiting for answers
        prestart()  # before the start thread: see prestart
        self._starter = threading.Thread(target=self._start, daemon=True, name="bouncetui-workers")
        self._starter.start()

    def _start(self) -> None:
        try:
            self._open()
        finally:
            self._started.set()

    def started(self) -> bool:
        """True once a worker answered or the workers were given up; never waits."""
        return self._started.is_set()

    def wait_started(self, timeout: float | None = None) -> bool:
        """Wait for started() (the start gives up by itself after START_SECONDS)."""
        return self._started.wait(timeout)

    def in_process(self) -> bool:
        """True when the workers were given up: every task runs in this process."""
        return self._failed is not None

    def usable(self) -> bool:
        """True when tasks go to worker processes that answered."""
        return self.started() and self._failed is None and not self._closed

    def submit(self, task: T) -> Future[A]:
        """function(task, *args) on a worker; when none can run, Work.here now, as a done future.
        Never raises for a broken pool: its future does (answers() recovers)."""
        for attempt in range(2):
            pool = self._fresh(probe=False)
            if pool is None:  # no worker can run: decoded here
                break
            try:
                return pool.submit(self.work.function, task, *self.work.args)
            except (BrokenProcessPool, RuntimeError) as exc:  # broke since, or shut down meanwhile
                self._discard(pool)
                if attempt:  # a new pool broke as well: answers() takes the task apart
                    failed: Future[A] = Future()
                    failed.set_exception(BrokenProcessPool(str(exc)))
                    return failed
        done: Future[A] = Future()
        done.set_result(self.work.here(task))
        return done

    def answers(self, future: Future[A], task: T) -> list[A]:
        """[the task's answer]; if its worker died, one answer per piece of Work.split(task), each
        decoded again alone (Work.crashed for a piece that kills a worker again)."""
        try:
            return [future.result()]
        except BrokenProcessPool:
            pass
        if self._fresh() is None:  # no worker can start any more: not this task's fault
            return [self.work.here(task)]
        return [self._alone(piece) for piece in self.work.split(task)]

    def _alone(self, piece: T) -> A:
        pool = self._fresh()
        if pool is None:
            return self.work.here(piece)
        try:
            future = pool.submit(self.work.function, piece, *self.work.args)
        except (BrokenProcessPool, RuntimeError):  # broke or closed since it answered: not this piece
            self._discard(pool)
            return self.work.here(piece)
        try:
            return future.result()
        except BrokenProcessPool:  # it killed a worker that had answered: a second time
            self._discard(pool)
            return self.work.crashed(piece)

    def close(self) -> None:
        """Stop the workers: those that answered finish the tasks they run (each within the time
        budget); workers still starting (perhaps never to answer) are killed, not waited for."""
        with self._lock:
            if not self._closed:
                self._closing.set_result(None)
            self._closed = True
            pool, self._pool = self._pool, None
        if self._starter is not threading.current_thread():
            # A pool still being made there is abandoned there (it sees _closed): before returning,
            # not while the interpreter exits.
            self._starter.join(STOP_SECONDS)
        if pool is None:
            return
        if self._started.is_set() and self._failed is None:
            # Not waiting would leave the executor's wake-up pipe closed under its exit handler.
            pool.shutdown(wait=True, cancel_futures=True)
        else:
            _abandon(pool)

    def _open(self) -> ProcessPoolExecutor | None:
        """A new pool whose workers answered, made the current one; None when none can start
        (given up, with the warning) or the pool was closed meanwhile."""
        function, args = self.initializer
        try:
            pool = _Executor(self.jobs, mp_context=context(), initializer=function, initargs=args)
        except Exception as exc:  # noqa: BLE001 - no processes, no semaphores on this system
            self._give_up(exc)
            return None
        with self._lock:
            if self._closed:
                _abandon(pool)
                return None
            self._pool = pool
        problem = _answer(pool, self.jobs, self._closing)
        if self._closed:  # its processes may have been spawned after close() looked for them
            _abandon(pool)
            return None
        if problem is None:
            return pool
        self._give_up(problem)
        return None

    def _fresh(self, probe: bool = True) -> ProcessPoolExecutor | None:
        """The current pool (with `probe`, only once a worker of it answers: it is replaced if it
        broke), or a new one if there is none; None when no worker can start."""
        self._started.wait()  # bounded: the start gives up after START_SECONDS
        with self._lock:
            if self._failed is not None or self._closed:
                return None
            pool = self._pool
        if pool is not None and (not probe or _answer(pool, 1, self._closing) is None):
            return pool
        if pool is not None:
            self._discard(pool)
        return self._open()

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        """Drop a broken pool (if it is still the current one)."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        _abandon(pool)

    def _give_up(self, cause: BaseException | str) -> None:
        with self._lock:
            first = self._failed is None and not self._closed
            self._failed = cause
            pool, self._pool = self._pool, None
        if pool is not None:
            _abandon(pool)
        if first:
            LOG.warning("worker processes could not start (%s); decoding in this process", cause)


def _answer(pool: ProcessPoolExecutor, probes: int, closing: Future[None]) -> BaseException | str | None:
    """None once a worker of `pool` answers (`probes` of them are asked: each asks for a process);
    else why none did: they died, could not be started, stayed silent for START_SECONDS, or the
    pool was closed (`closing` is done) meanwhile."""
    try:
        asked = [pool.submit(os.getpid) for _ in range(probes)]
    except Exception as exc:  # noqa: BLE001 - broken already, or no process can be started
        return exc
    pending: set[Future] = {*asked, closing}
    problem: BaseException | str = "no worker answered within %g s" % START_SECONDS
    deadline, left = time.monotonic() + START_SECONDS, probes
    while left:
        done, pending = wait_for(pending, timeout=max(0.0, deadline - time.monotonic()),
                                 return_when=FIRST_COMPLETED)
        if not done:
            break
        for future in done:
            if future is closing or future.cancelled():
                return "the pool was closed"
            if future.exception() is None:
                return None
            problem = future.exception()  # type: ignore[assignment]
            left -= 1
    return problem


class _Executor(ProcessPoolExecutor):
    """A ProcessPoolExecutor that keeps its management thread: shutdown(wait=False) forgets it, and
    _abandon must still see it end (see the module docstring)."""

    manager: threading.Thread | None = None

    def _start_executor_manager_thread(self) -> None:
        super()._start_executor_manager_thread()  # type: ignore[misc]
        self.manager = getattr(self, "_executor_manager_thread", None) or self.manager


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Stop a pool without waiting for its workers, which are killed (they may never answer); then
    wait for its management thread, which ends once it sees them dead."""
    processes = getattr(pool, "_processes", None)  # the executor's own dict, filled in place
    processes = {} if processes is None else processes
    # Waits for a submit launching workers on another thread (the executor's lock); none after it.
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list(processes.values()):
        try:
            process.kill()
        except Exception:  # noqa: BLE001 - gone already
            pass
    manager = getattr(pool, "manager", None)
    if manager is not None and manager is not threading.current_thread():
        manager.join(STOP_SECONDS)
