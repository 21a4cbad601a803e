"""Scheduling: DST-safe triggers, persistence across restarts, misfire catch-up, and
exactly-once posting with two schedulers on one database. APScheduler reads the real
clock, so these tests place due times relative to it."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.bootstrap import Services, bootstrap, build_conversation, build_digest_scheduler
from bot.digest import DigestScheduler, post_digest
from bot.digest.jobs import digest_job_id, digest_job_table, digest_jobstore, digest_trigger
from bot.digest.scheduler import LOCAL_JOBS
from bot.messages import Event
from tests.digest import texts
from tests.digest.conftest import (
    CHANNEL,
    PLATFORM,
    WORKSPACE,
    RecordingSender,
    digest_settings,
    share,
)

BERLIN = ZoneInfo("Europe/Berlin")
JOB_ID = digest_job_id(PLATFORM, WORKSPACE, CHANNEL)
DIGEST_JOBS, JOB_TABLE = digest_jobstore(PLATFORM), digest_job_table(PLATFORM)


@pytest.fixture
def make_services(tmp_path) -> Iterator[Callable[[], Services]]:
    """A fresh `Services` per simulated process, all on one database, on the real clock."""
    built: list[Services] = []

    def make() -> Services:
        services = bootstrap(digest_settings(tmp_path))
        built.append(services)
        return services

    yield make
    for services in built:
        services.close()


def real_now() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


def enable_digest(services: Services, due: datetime, zone: str = "UTC") -> None:
    """Digest on at `due`'s wall-clock time, with one story shared a moment ago."""
    local = due.astimezone(ZoneInfo(zone))
    services.store.update_channel_settings(PLATFORM, WORKSPACE, CHANNEL, digest_enabled=True,
                                           digest_time=f"{local:%H:%M}", digest_timezone=zone)
    share(services, "Energy bills to fall in April", texts.ENERGY_BILLS,
          "https://example.news/energy-bills", "Example News", at=datetime.now(UTC))


async def leave_job_due(services: Services, due: datetime) -> None:
    """A process that scheduled the job and went down before it was due at `due`."""
    scheduler = build_digest_scheduler(services, {PLATFORM: RecordingSender()})
    scheduler.start()
    scheduler.scheduler.pause()
    scheduler.scheduler.modify_job(JOB_ID, DIGEST_JOBS, next_run_time=due)
    await scheduler.aclose()


async def run_for(services: Services, sender: RecordingSender, until: Callable[[], bool],
                  timeout: float = 5.0) -> DigestScheduler:
    scheduler = build_digest_scheduler(services, {PLATFORM: sender})
    scheduler.start()
    deadline = asyncio.get_running_loop().time() + timeout
    while not until() and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)
    await scheduler.aclose()
    return scheduler


async def until_due_jobs_were_processed(scheduler: DigestScheduler) -> None:
    """A probe job due now runs in the same pass as every job due before it: once it has
    run, the scheduler has started whatever it was going to start (no sleeping and hoping)."""
    ran = asyncio.Event()

    async def probe() -> None:
        ran.set()

    scheduler.scheduler.add_job(probe, "date", run_date=datetime.now(UTC), jobstore=LOCAL_JOBS)
    await asyncio.wait_for(ran.wait(), timeout=5)


async def run_due_jobs(services: Services, sender: RecordingSender) -> None:
    """A process that starts, runs every job due at start, and stops: it waits for the
    scheduler's own pass over due jobs and for their posts, not for a guessed time."""
    scheduler = build_digest_scheduler(services, {PLATFORM: sender})
    scheduler.start()
    await until_due_jobs_were_processed(scheduler)
    await scheduler.aclose()  # waits for any post it started


def test_trigger_keeps_local_time_across_dst():
    trigger = digest_trigger("08:00", "Europe/Berlin")
    for fake_now, utc_hours in ((datetime(2026, 3, 27, 12, tzinfo=UTC), [7, 6, 6]),
                                (datetime(2026, 10, 23, 12, tzinfo=UTC), [6, 7, 7])):
        fires, previous = [], None
        for _ in range(3):
            previous = trigger.get_next_fire_time(previous, fake_now)
            fires.append(previous)
            fake_now = previous.astimezone(UTC) + timedelta(minutes=1)
        assert [f.astimezone(BERLIN).strftime("%H:%M") for f in fires] == ["08:00"] * 3
        assert [f.astimezone(UTC).hour for f in fires] == utc_hours
        assert [f.astimezone(BERLIN).day for f in fires] == [fires[0].day + i for i in range(3)]


def test_restart_keeps_the_jobs(make_services, tmp_path):
    services = make_services()
    services.store.update_channel_settings(PLATFORM, WORKSPACE, CHANNEL, digest_enabled=True,
                                           digest_time="08:00", digest_timezone="Europe/Berlin")
    kept = datetime(2030, 1, 7, 7, 0, tzinfo=UTC)  # a Monday, 08:00 in Berlin

    async def first_process() -> None:
        scheduler = build_digest_scheduler(services, {PLATFORM: RecordingSender()})
        scheduler.start()
        scheduler.scheduler.modify_job(JOB_ID, DIGEST_JOBS, next_run_time=kept)
        await scheduler.aclose()

    async def second_process() -> tuple[str, datetime]:
        scheduler = build_digest_scheduler(make_services(), {PLATFORM: RecordingSender()})
        scheduler.start()
        job = scheduler.scheduler.get_job(JOB_ID, DIGEST_JOBS)
        await scheduler.aclose()
        return job.name, job.next_run_time

    asyncio.run(first_process())
    with sqlite3.connect(tmp_path / "bot.db") as connection:
        assert connection.execute(f"SELECT id FROM {JOB_TABLE}").fetchall() == [(JOB_ID,)]
    name, next_run = asyncio.run(second_process())
    assert name == "digest at 08:00 Europe/Berlin"
    assert next_run == kept  # the stored run time, not one recomputed at start


def test_missed_digest_is_posted_once_at_start(make_services, caplog):
    caplog.set_level(logging.INFO, logger="bot.digest")
    due = real_now() - timedelta(hours=1)
    enable_digest(make_services(), due)
    sender = RecordingSender()

    async def restarts() -> None:
        await leave_job_due(make_services(), due)
        await run_for(make_services(), sender, lambda: bool(sender.posted))
        await run_due_jobs(make_services(), sender)  # nothing is due any more
        # As if a second process had read the job before the first moved it on.
        await leave_job_due(make_services(), due)
        await run_due_jobs(make_services(), sender)  # due, but the day is claimed

    asyncio.run(restarts())
    [(workspace, channel, reply)] = sender.posted
    assert (workspace, channel, reply.kind) == (WORKSPACE, CHANNEL, "digest")
    assert sum("already claimed" in r.getMessage() for r in caplog.records) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_digest_later_than_the_grace_is_skipped(make_services):
    due = real_now() - timedelta(hours=5)
    enable_digest(make_services(), due)
    sender = RecordingSender()
    services = make_services()

    def moved_on() -> bool:
        next_run = scheduler_job(services)
        return next_run is not None and next_run > datetime.now(UTC)

    async def restart() -> None:
        await leave_job_due(make_services(), due)
        await run_for(services, sender, moved_on)

    asyncio.run(restart())
    assert sender.posted == []
    assert scheduler_job(services) > datetime.now(UTC)


def scheduler_job(services: Services) -> datetime | None:
    url = services.settings.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(url) as connection:
        row = connection.execute(f"SELECT next_run_time FROM {JOB_TABLE}").fetchone()
    return datetime.fromtimestamp(row[0], UTC) if row and row[0] else None


def test_two_schedulers_on_one_database_post_once(make_services):
    due = real_now() - timedelta(minutes=30)
    enable_digest(make_services(), due)
    asyncio.run(leave_job_due(make_services(), due))
    senders = [RecordingSender(), RecordingSender()]
    processes = [make_services(), make_services()]
    barrier = threading.Barrier(2)

    def process(index: int) -> None:
        async def main() -> None:
            barrier.wait(timeout=5)
            await run_for(processes[index], senders[index],
                          lambda: any(s.posted for s in senders), timeout=3)
        asyncio.run(main())

    threads = [threading.Thread(target=process, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sum(len(s.posted) for s in senders) == 1


def test_claim_blocks_a_second_post_and_a_failed_post_releases_it(make_services):
    services = make_services()
    enable_digest(services, real_now() - timedelta(minutes=5))
    failing, working = RecordingSender(fail=True), RecordingSender()

    async def attempts() -> list[bool]:
        def post(sender: RecordingSender):
            return post_digest(services.store, services.settings, sender, PLATFORM, WORKSPACE,
                               CHANNEL, services.clock())

        results = []
        with pytest.raises(ConnectionError):
            await post(failing)
        results.append(await post(working))
        results.append(await post(working))
        return results

    assert asyncio.run(attempts()) == [True, False]
    assert len(working.posted) == 1


def test_digest_commands_from_a_worker_thread_move_the_job(make_services):
    services = make_services()
    conversation = build_conversation(services)

    def command(text: str) -> None:
        conversation.route(Event(platform=PLATFORM, workspace=WORKSPACE, channel=CHANNEL,
                                 user="u1", text=text, kind="command"))

    async def scenario() -> list[str | None]:
        scheduler = build_digest_scheduler(services, {PLATFORM: RecordingSender()})
        scheduler.start()
        names = []
        for text in ("digest on 07:15 Europe/Berlin", "digest on 9:30", "digest off"):
            await asyncio.to_thread(command, text)  # as the platform adapters call handlers
            job = scheduler.scheduler.get_job(JOB_ID, DIGEST_JOBS)
            names.append(job.name if job else None)
        await scheduler.aclose()
        return names

    assert asyncio.run(scenario()) == ["digest at 07:15 Europe/Berlin",
                                       "digest at 09:30 Europe/Berlin", None]


def test_a_process_without_the_platform_leaves_its_jobs_alone(make_services):
    due = real_now() - timedelta(minutes=20)
    enable_digest(make_services(), due)
    discord_only, ours = RecordingSender(), RecordingSender()

    async def processes() -> None:
        await leave_job_due(make_services(), due)
        other = build_digest_scheduler(make_services(), {"discord": discord_only})
        other.start()
        await until_due_jobs_were_processed(other)
        assert other.scheduler.get_jobs() != []  # its own housekeeping only
        assert all(job.id == "digest-sync" for job in other.scheduler.get_jobs())
        await other.aclose()  # waits for any post it started
        await run_for(make_services(), ours, lambda: bool(ours.posted))

    asyncio.run(processes())
    assert discord_only.posted == [] and len(ours.posted) == 1


def test_a_failed_post_is_released_and_retried(make_services, monkeypatch, caplog):
    monkeypatch.setattr("bot.digest.scheduler.RETRY_DELAYS", (0.1, 0.1))
    due = real_now() - timedelta(minutes=10)
    enable_digest(make_services(), due)
    sender = RecordingSender(failures=1)  # the platform is still connecting at start-up

    async def restart() -> None:
        await leave_job_due(make_services(), due)
        await run_for(make_services(), sender, lambda: bool(sender.posted))

    asyncio.run(restart())
    assert len(sender.posted) == 1 and sender.failures == 0
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        "the digest of test:team:news failed"]
