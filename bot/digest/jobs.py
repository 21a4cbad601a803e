"""Digest jobs as APScheduler sees them: ids, names, DST-safe triggers, and the channels
that want one."""

from __future__ import annotations

import hashlib
import re
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

JOB_ID_LIMIT = 191  # the id column of APScheduler's SQLAlchemy job store
JOB_TABLE_PREFIX = "apscheduler_jobs_"


def digest_jobstore(platform: str) -> str:
    """The job store alias of a platform's digests in a `DigestScheduler`."""
    return f"digests-{platform}"


def digest_job_table(platform: str) -> str:
    """One table per platform, so that a process loads only the jobs it can post: a
    Discord-only process must not run (and move on) a Slack channel's job."""
    return JOB_TABLE_PREFIX + re.sub(r"\W", "_", platform.lower())


def digest_trigger(clock: str, zone: str) -> CronTrigger:
    """Every day at `clock` local time. A zoneinfo zone keeps 08:00 at 08:00 across DST:
    the UTC instant moves, the wall clock does not."""
    hour, minute = (int(part) for part in clock.split(":"))
    return CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(zone))


def digest_job_id(platform: str, workspace: str, channel: str) -> str:
    readable = f"digest:{platform}:{workspace}:{channel}"
    if len(readable) <= JOB_ID_LIMIT:
        return readable
    return "digest:" + hashlib.sha256(readable.encode()).hexdigest()


def digest_job_name(clock: str, zone: str) -> str:
    """The name records the schedule, so a sync can tell a job that is still right (and
    must keep its next run time, for catch-up) from one to replace."""
    return f"digest at {clock} {zone}"


