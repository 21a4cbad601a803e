"""`python -m bot digest PLATFORM:CHANNEL`: an operator's or a script's digest.

`--dry-run` prints the digest without posting or remembering it. Posting needs the
platform: the console's channel (`console:local`) is this terminal, so the digest is
printed and remembered as posted; Slack and Discord need the running bot.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from bot.digest.composer import build_digest
from bot.digest.posting import post_digest
from bot.digest.state import window_start
from bot.errors import BotError
from bot.messages import Reply
from bot.settings import Settings
from bot.store import Store

log = logging.getLogger(__name__)
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
MAX_HOURS = 24 * 30
CONSOLE = "console"
CONSOLE_WORKSPACE = "local"


def run_digest_command(open_store: Callable[[], Store], defaults: Settings, now: datetime,
                       target: str, workspace: str | None, dry_run: bool, hours: int | None,
                       out: TextIO, err: TextIO) -> int:
    """Exit 0 when done (also when there was nothing to post), 2 for a bad request; the
    store is opened only for a good one."""
    try:
        return _run(open_store, defaults, now, target, workspace, dry_run, hours, out, err)
    except BotError as error:
        err.write(f"error: {error.user_message}\n")
        return EXIT_BAD_INPUT
    except Exception:  # a bug must not show a traceback to the operator, but is logged
        log.exception("the digest of %s failed", target)
        err.write("error: internal error while composing the digest (see the log)\n")
        return EXIT_FAILED


def _run(open_store: Callable[[], Store], defaults: Settings, now: datetime, target: str,
         workspace: str | None, dry_run: bool, hours: int | None, out: TextIO, err: TextIO
         ) -> int:
    platform, _, channel = target.partition(":")
    if not platform or not channel:
        err.write(f"error: {target!r}: expected PLATFORM:CHANNEL, e.g. console:local\n")
        return EXIT_BAD_INPUT
    if hours is not None and not 1 <= hours <= MAX_HOURS:
        err.write(f"error: --hours takes a whole number from 1 to {MAX_HOURS}\n")
        return EXIT_BAD_INPUT
    if workspace is None:
        if platform != CONSOLE:
            err.write(f"error: {platform} channels need --workspace (the Slack team id or "
                      "the Discord server id)\n")
            return EXIT_BAD_INPUT
        workspace = CONSOLE_WORKSPACE
    if not dry_run and platform != CONSOLE:
        err.write(f"Posting to {platform} needs the bot running (python -m bot run), which "
                  f"posts digests on schedule; use --dry-run to print this one here.\n")
        return EXIT_BAD_INPUT
    store = open_store()
    if dry_run:
        digest = build_digest(store, defaults, platform, workspace, channel, now, hours)
        if digest is None:
            return _nothing(store, platform, workspace, channel, now, hours, out)
        out.write(digest.reply.plain_text() + "\n")
        return 0

    async def print_reply(_workspace: str, _channel: str, reply: Reply) -> None:
        out.write(reply.plain_text() + "\n")

    posted = asyncio.run(post_digest(store, defaults, print_reply, platform, workspace,
                                     channel, now, claim=False, hours=hours))
    if not posted:
        return _nothing(store, platform, workspace, channel, now, hours, out)
    return 0


def _nothing(store: Store, platform: str, workspace: str, channel: str,
             now: datetime, hours: int | None, out: TextIO) -> int:
    settings = store.channel_settings(platform, workspace, channel)
    since = window_start(settings, now, hours)
    out.write(f"No stories for {platform}:{channel} since {since:%Y-%m-%d %H:%M} UTC; "
              "nothing to post.\n")
    return 0
