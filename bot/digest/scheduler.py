"""Daily digests on an APScheduler `AsyncIOScheduler`, with jobs persisted in the bot's own
database so that a restart keeps every schedule.

- Persistence: digest jobs live in `SQLAlchemyJobStore`s on the store's own engine
  (`Store.engine`), one table per platform this process has a sender for. They hold
  only channel names; `run_scheduled_digest` finds the scheduler (its store and senders)
  through `bot.digest.registry`.
- Missed runs: `coalesce` folds a backlog into one run, and `misfire_grace_time`
  (DIGEST_MISFIRE_GRACE_HOURS) drops a run later than that. A start-up within the grace
  therefore posts the missed digest once.
- Exactly once: every run claims the channel's local day in the database before posting
  (`post_digest`), so two processes, or a catch-up after a restart, post one day once.
- Settings are the source of truth. `/brief digest on|off` writes them and notifies the
  scheduler of this process; `sync_jobs` reconciles jobs with them at start and every
  DIGEST_SYNC_MINUTES, which is how other processes learn of a change.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from apscheduler.jobstores.base import BaseJobStore, ConflictingIdError, JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.digest import registry
from bot.digest.jobs import (
    digest_job_id,
    digest_job_name,
    digest_job_table,
    digest_jobstore,
    digest_trigger,
)
from bot.digest.posting import post_digest
from bot.digest.state import digest_time_and_zone
from bot.messages import Sender
from bot.settings import Settings
from bot.store import ChannelSettings, Store

log = logging.getLogger(__name__)

LOCAL_JOBS = "local"  # in memory: this process's housekeeping
SYNC_JOB_ID = "digest-sync"
# Seconds before retrying a failed post: at start-up a catch-up run can come before the
# platform has connected. Best effort, in memory; the claim keeps it exactly-once.
RETRY_DELAYS = (30.0, 120.0, 600.0)


async def run_scheduled_digest(platform: str, workspace: str, channel: str) -> None:
    """The persisted job's function: importable by reference, holding no objects."""
    scheduler = registry.scheduler_for(asyncio.get_running_loop())
    if scheduler is None:
        log.warning("no digest scheduler on this loop for %s:%s:%s", platform, workspace,
                    channel)
        return
    await scheduler.post(platform, workspace, channel)


class DigestScheduler:
    """One per process, on the bot's event loop; see the module docstring."""

    def __init__(self, store: Store, settings: Settings, senders: Mapping[str, Sender],
                 clock: Callable[[], datetime]) -> None:
        """`store` is migrated already; its engine keeps the jobs too (no second engine)."""
        self.store = store
        self.settings = settings
        self.senders = dict(senders)
        self.clock = clock
        self.grace_seconds = max(1, int(settings.digest_misfire_grace_hours * 3600))
        stores: dict[str, BaseJobStore] = {
            digest_jobstore(platform): SQLAlchemyJobStore(
                engine=store.engine, tablename=digest_job_table(platform))
            for platform in self.senders}
        self.scheduler = AsyncIOScheduler(
            jobstores={**stores, LOCAL_JOBS: MemoryJobStore()},
            job_defaults={"coalesce": True, "misfire_grace_time": self.grace_seconds,
                          "max_instances": 1},
            timezone=UTC,
        )
        self._posting: set[asyncio.Task[bool]] = set()
        self._stopping = False

    def start(self) -> None:
        """Start on the running loop (call it from a coroutine), then sync jobs with the
        channel settings. Due jobs run once the caller yields to the loop."""
        loop = asyncio.get_running_loop()
        self._stopping = False
        self.scheduler.start()
        registry.register(loop, self)
        self.sync_jobs()
        self.scheduler.add_job(self.sync_jobs, "interval",
                               minutes=self.settings.digest_sync_minutes,
                               id=SYNC_JOB_ID, jobstore=LOCAL_JOBS, replace_existing=True)

    def shutdown(self) -> None:
        """Stop scheduling. APScheduler completes the stop on the loop's next turn; posts
        under way are shielded and finish unless the loop stops (see `aclose`)."""
        registry.unregister(self)
        if self.scheduler.running and not self._stopping:
            self._stopping = True
            self.scheduler.shutdown(wait=False)

    async def aclose(self, timeout: float = 30.0) -> None:
        """Pause, give digests being posted up to `timeout` seconds to finish, shut down.
        For SIGTERM: a post cut short keeps its claim, so that day's digest is lost."""
        if self.scheduler.running:
            self.scheduler.pause()
        if self._posting:
            await asyncio.wait(set(self._posting), timeout=timeout)
        self.shutdown()
        await asyncio.sleep(0)  # let the scheduler's own shutdown run

    def schedule_channel(self, platform: str, workspace: str, channel: str) -> None:
        """Add, move or drop the channel's job to match its settings. Safe from any thread:
        APScheduler guards its job stores with a lock and wakes the loop thread-safely."""
        if platform not in self.senders:  # a process serving that platform schedules it
            return
        settings = self.store.channel_settings(platform, workspace, channel)
        if settings.digest_enabled:
            self._ensure_job(settings)
        else:
            self.unschedule_channel(platform, workspace, channel)

    def unschedule_channel(self, platform: str, workspace: str, channel: str) -> None:
        if platform not in self.senders:
            return
        with contextlib.suppress(JobLookupError):
            self.scheduler.remove_job(digest_job_id(platform, workspace, channel),
                                      jobstore=digest_jobstore(platform))

    def sync_jobs(self) -> None:
        """Make the job store agree with the channel settings; runs in a worker thread
        after start. A job that is still right is left alone: it keeps its next run time."""
        enabled = {(c.platform, c.workspace, c.channel)
                   for c in self.store.digest_channels() if c.platform in self.senders}
        for platform, workspace, channel in sorted(enabled):
            self.schedule_channel(platform, workspace, channel)
        jobs = [job for platform in self.senders
                for job in self.scheduler.get_jobs(jobstore=digest_jobstore(platform))]
        for job in jobs:
            key = (job.kwargs.get("platform"), job.kwargs.get("workspace"),
                   job.kwargs.get("channel"))
            if key in enabled:
                continue
            if not self.store.channel_settings(*key).digest_enabled:  # may be new
                log.info("removing the digest job of %s:%s:%s", *key)
                self.unschedule_channel(*key)

    async def post(self, platform: str, workspace: str, channel: str, attempt: int = 0) -> bool:
        """A scheduled run: claimed, so at most one process posts each day."""
        send = self.senders.get(platform)
        if send is None:  # not ours (a job store is per platform): leave the day unclaimed
            log.warning("no sender for %s; the digest of %s:%s is not posted here", platform,
                        workspace, channel)
            return False
        task = asyncio.ensure_future(
            post_digest(self.store, self.settings, send, platform, workspace, channel,
                        self.clock(), claim=True))
        self._posting.add(task)
        task.add_done_callback(self._posting.discard)
        try:
            return await asyncio.shield(task)
        except Exception:
            log.exception("the digest of %s:%s:%s failed", platform, workspace, channel)
            self._retry_later(platform, workspace, channel, attempt)
            return False

    def _retry_later(self, platform: str, workspace: str, channel: str, attempt: int) -> None:
        if attempt >= len(RETRY_DELAYS) or not self.scheduler.running:
            log.error("giving up on today's digest of %s:%s:%s", platform, workspace, channel)
            return
        self.scheduler.add_job(
            self.post, "date", args=(platform, workspace, channel, attempt + 1),
            run_date=datetime.now(UTC) + timedelta(seconds=RETRY_DELAYS[attempt]),
            id="retry:" + digest_job_id(platform, workspace, channel), jobstore=LOCAL_JOBS,
            replace_existing=True, misfire_grace_time=self.grace_seconds)

    def _ensure_job(self, settings: ChannelSettings) -> None:
        clock, zone = digest_time_and_zone(settings, self.settings)
        key = (settings.platform, settings.workspace, settings.channel)
        job_id, name = digest_job_id(*key), digest_job_name(clock, zone)
        jobstore = digest_jobstore(settings.platform)
        existing = self.scheduler.get_job(job_id, jobstore=jobstore)
        if existing is not None and existing.name == name:
            if existing.misfire_grace_time != self.grace_seconds:
                self.scheduler.modify_job(job_id, jobstore,
                                          misfire_grace_time=self.grace_seconds)
            return
        try:
            self.scheduler.add_job(
                run_scheduled_digest, digest_trigger(clock, zone), id=job_id, name=name,
                kwargs=dict(zip(("platform", "workspace", "channel"), key, strict=True)),
                jobstore=jobstore, replace_existing=existing is not None,
                coalesce=True, misfire_grace_time=self.grace_seconds, max_instances=1)
        except ConflictingIdError:  # another process added it a moment ago
            return
        log.info("digest of %s:%s:%s scheduled %s", *key, name.removeprefix("digest "))
