"""Post one digest: claim the channel's day, compose, send, remember; give the claim back
if sending fails, so that a retry (or another process) may post it."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from bot.digest.composer import build_digest
from bot.digest.state import record_digest, scheduled_day
from bot.messages import Sender
from bot.settings import Settings
from bot.store import Store

log = logging.getLogger(__name__)


async def post_digest(store: Store, defaults: Settings, send: Sender, platform: str,
                      workspace: str, channel: str, now: datetime, *, claim: bool = True,
                      hours: int | None = None) -> bool:
    """True when a digest went out.

    With `claim` (scheduled runs), the channel's local day is claimed in the database
    first, so two processes, or a restart, never post one day twice. A day with nothing
    to say keeps its claim: it is done. A failed send releases it. A cancelled send keeps
    it: the message may have gone out, and a missed digest is better than a double one.
    Operators' explicit requests (`claim=False`) post regardless; `hours` overrides the
    window, as the CLI's --hours does.
    """
    day = None
    if claim:
        settings = await asyncio.to_thread(store.channel_settings, platform, workspace, channel)
        day = scheduled_day(settings, defaults, now)
        claimed = await asyncio.to_thread(store.claim_digest, platform, workspace, channel, day)
        if not claimed:
            log.info("digest for %s:%s:%s on %s was already claimed", platform, workspace,
                     channel, day)
            return False
    try:
        digest = await asyncio.to_thread(build_digest, store, defaults, platform, workspace,
                                         channel, now, hours)
        if digest is None:
            log.info("no stories for the digest of %s:%s:%s", platform, workspace, channel)
            return False
        await send(workspace, channel, digest.reply)
    except Exception:
        if day is not None:
            await asyncio.to_thread(store.release_digest, platform, workspace, channel, day)
        raise
    await asyncio.to_thread(record_digest, store, platform, workspace, channel, now,
                            digest.snapshot)
    log.info("posted the digest of %s:%s:%s (%d sections)", platform, workspace, channel,
             len(digest.reply.sections))
    return True
