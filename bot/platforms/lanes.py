"""Two paths from a platform into the conversation, so a chat answer never waits for briefs.

Events that may brief links go through a bounded queue to their own threads, which wait on
the link pool's workers; everything else (topic briefs, follow-ups, commands) runs at once
on the default threads. When the queue is full, a channel gets one "busy" notice and its
link waits for a place (waiting is a suspended coroutine: no thread, no worker).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from bot.messages import Event, Reply
from handlers import Conversation
from handlers.replies import error_reply

log = logging.getLogger(__name__)
Notify = Callable[[Reply], Awaitable[None]]
APOLOGY = "Something went wrong on my side; the team has the details."


class Lanes:
    """Route events on the right path; one per platform connection."""

    def __init__(self, conversation: Conversation, queue_size: int,
                 link_workers: int | None = None) -> None:
        """`link_workers`: how many links are briefed at once (the link pool's size)."""
        self.conversation = conversation
        self.queue_size = queue_size
        self._admitted = 0
        self._room = asyncio.Condition()
        self._told: set[tuple[str, str, str]] = set()
        # One thread per worker, and one storing a finished brief: more threads would only
        # wait on the workers or contend for the database's write lock.
        workers = link_workers or os.cpu_count() or 1
        self._link_threads = ThreadPoolExecutor(max_workers=workers + 1,
                                                thread_name_prefix="links")

    async def route(self, event: Event, notify: Notify | None = None) -> list[Reply]:
        """The conversation's replies; never raises for anything a user sends."""
        try:
            if not self.conversation.briefs_links(event):
                return await asyncio.to_thread(self.conversation.route, event)
            await self._admit(event, notify)
            try:
                loop = asyncio.get_running_loop()
                return await loop.run_in_executor(self._link_threads, self.conversation.route,
                                                  event)
            finally:
                await self._leave()
        except Exception:  # route() already turns errors into replies; this is a last guard
            log.exception("conversation failed for a %s %s event", event.platform, event.kind)
            return [error_reply(APOLOGY, thread=event.thread,
                                ephemeral=event.kind == "command")]

    def close(self) -> None:
        self._link_threads.shutdown(wait=False, cancel_futures=True)

    async def _admit(self, event: Event, notify: Notify | None) -> None:
        where = (event.platform, event.workspace, event.channel)
        async with self._room:
            tell = self._admitted >= self.queue_size and where not in self._told
            if tell and notify is not None:
                self._told.add(where)
        if tell and notify is not None:
            log.info("link queue full (%d); telling %s:%s", self.queue_size, event.platform,
                     event.channel)
            await notify(self.conversation.busy_reply(event))
        async with self._room:
            await self._room.wait_for(lambda: self._admitted < self.queue_size)
            self._admitted += 1

    async def _leave(self) -> None:
        async with self._room:
            self._admitted -= 1
            if self._admitted < self.queue_size // 2:
                self._told.clear()  # the burst is over: a new one may be announced again
            self._room.notify()
