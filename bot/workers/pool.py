"""The parent side of the link pool: hand a URL to an idle worker, watch its budget.

Each caller thread watches the worker it uses, reading CPU time and memory from /proc a
few times per second; no dispatcher thread is needed. A worker over budget is killed and
a fresh one is forked from the warm fork server in its place.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from bot.briefing.model import Article, Brief
from bot.errors import BotError
from bot.settings import Settings
from bot.workers.child import serve_links
from bot.workers.procfs import usage

log = logging.getLogger(__name__)
POLL_SECONDS = 0.05
START_SECONDS = 120.0  # the first worker also waits for the fork server to load the model
RECYCLE_SHARE = 0.5  # a worker left holding this share of its headroom is replaced
MB = 1024 * 1024


class BudgetExceeded(BotError):
    """A link needed more CPU time, memory or wall-clock time than one brief may take."""


class WorkerLost(BotError):
    """The worker died under the brief (or the pool is shutting down)."""


@dataclass(frozen=True, slots=True)
class Budget:
    cpu_seconds: float
    memory_bytes: int
    wall_seconds: float

    @classmethod
    def from_settings(cls, settings: Settings) -> Budget:
        # Fetching waits on the network, not the CPU: the wall clock allows for it.
        wall = settings.fetch_total_timeout + 3 * settings.brief_cpu_seconds
        return cls(settings.brief_cpu_seconds, settings.brief_memory_mb * MB, wall)


class _Worker:
    def __init__(self, context: Any, settings: Settings) -> None:
        parent_end, child_end = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=serve_links, args=(child_end, settings), name="link-worker", daemon=True)
        self.process.start()
        child_end.close()
        self.connection: Connection = parent_end
        # Ready means warm: the pool never hands a link to a worker still starting.
        if not parent_end.poll(START_SECONDS):
            self.process.kill()
            raise WorkerLost("a link worker did not start")
        try:
            parent_end.recv()
        except (EOFError, OSError) as error:
            raise WorkerLost("a link worker did not start") from error
        started = usage(self.process.pid or 0)
        self.start_rss = started.rss_bytes if started else 0

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self.connection.close()


class LinkPool:
    """`size` warm workers (default: one per core), each briefing one link at a time."""

    def __init__(self, settings: Settings, size: int | None = None,
                 budget: Budget | None = None) -> None:
        self.settings = settings
        self.size = size or settings.link_workers or os.cpu_count() or 1
        self.budget = budget or Budget.from_settings(settings)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["bot.workers.warm"])
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.replacements = 0  # workers replaced (budget, death or recycling): benchmarks
        for _ in range(self.size):
            self._idle.put(self._start())

    def run(self, url: str) -> tuple[Article, Brief]:
        """Fetch, extract and brief `url` in a worker; blocks until a worker is free."""
        worker = self._take()
        try:
            outcome = self._await(worker, url)
        except BaseException:
            self._replace(worker)
            raise
        current = usage(worker.process.pid or 0)
        headroom = self.budget.memory_bytes - worker.start_rss
        if current is not None and current.rss_bytes > worker.start_rss + RECYCLE_SHARE * headroom:
            self._replace(worker)  # its heap stays large; a fresh fork starts small again
        else:
            self._idle.put(worker)
        status, *values = outcome
        if status == "ok":
            return values[0], values[1]
        raise BotError(values[0])

    def worker_pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid or 0 for w in self._workers)

    def close(self) -> None:
        """Idle workers finish; busy ones (the grace period is over) are killed."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        idle = set()
        while True:
            try:
                idle.add(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in workers:
            worker.stop(kill=worker not in idle)

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.settings)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _take(self) -> _Worker:
        while True:  # never block for good: a closed pool must let its callers go
            if self._closed:
                raise WorkerLost("I'm restarting; please post the link again in a minute")
            try:
                worker = self._idle.get(timeout=0.5)
                break
            except queue.Empty:
                continue
        if not worker.process.is_alive():
            log.warning("link worker %s had died; starting another", worker.process.pid)
            self._replace(worker)
            return self._take()
        return worker

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            known = worker in self._workers
            self._workers.discard(worker)
            closed = self._closed
        worker.stop(kill=True)
        if known and not closed:
            self.replacements += 1
            self._idle.put(self._start())

    def _await(self, worker: _Worker, url: str) -> tuple[Any, ...]:
        pid = worker.process.pid or 0
        before = usage(pid)
        started = time.monotonic()
        try:
            worker.connection.send(url)
        except OSError as error:
            raise WorkerLost("the worker for that link stopped unexpectedly") from error
        while not worker.connection.poll(POLL_SECONDS):
            self._check(pid, before.cpu_seconds if before else 0.0, started)
        try:
            return worker.connection.recv()
        except (EOFError, OSError) as error:
            raise WorkerLost("the worker for that link stopped unexpectedly") from error

    def _check(self, pid: int, cpu_before: float, started: float) -> None:
        now = usage(pid)
        if now is None:
            raise WorkerLost("the worker for that link stopped unexpectedly")
        budget = self.budget
        if now.cpu_seconds - cpu_before > budget.cpu_seconds:
            log.warning("link worker %s passed its CPU budget (%.0f s); replacing it", pid,
                        budget.cpu_seconds)
            raise BudgetExceeded(f"the page took too long to brief (over "
                                 f"{budget.cpu_seconds:g} s of work), so I stopped")
        if now.rss_bytes > budget.memory_bytes:
            log.warning("link worker %s passed its memory cap (%d MB); replacing it", pid,
                        budget.memory_bytes // MB)
            raise BudgetExceeded("the page needed too much memory to brief, so I stopped")
        if time.monotonic() - started > budget.wall_seconds:
            log.warning("link worker %s passed its time limit (%.0f s); replacing it", pid,
                        budget.wall_seconds)
            raise BudgetExceeded("the page took too long to fetch and brief, so I stopped")
