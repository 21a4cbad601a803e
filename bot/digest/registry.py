"""Which digest scheduler runs on which event loop in this process.

Jobs in the persistent job store are pickled, so they carry only channel names; the job
function finds the scheduler (its store and senders) running it here. Handlers use
`notify_channel_changed` to reschedule at once; without a scheduler in this process (the
console, a CLI) the settings they wrote are picked up by every bot's periodic sync.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.digest.scheduler import DigestScheduler

log = logging.getLogger(__name__)

_lock = threading.Lock()
_running: dict[asyncio.AbstractEventLoop, DigestScheduler] = {}


def register(loop: asyncio.AbstractEventLoop, scheduler: DigestScheduler) -> None:
    with _lock:
        _running[loop] = scheduler


def unregister(scheduler: DigestScheduler) -> None:
    with _lock:
        for loop in [loop for loop, known in _running.items() if known is scheduler]:
            del _running[loop]


def scheduler_for(loop: asyncio.AbstractEventLoop) -> DigestScheduler | None:
    with _lock:
        return _running.get(loop)


def notify_channel_changed(platform: str, workspace: str, channel: str) -> None:
    """Safe from any thread (handlers run in workers); never raises into a handler."""
    with _lock:
        schedulers = list(_running.values())
    for scheduler in schedulers:
        try:
            scheduler.schedule_channel(platform, workspace, channel)
        except Exception:
            log.exception("could not reschedule the digest of %s:%s:%s; the next sync will",
                          platform, workspace, channel)
