"""`python -m bot run`: Slack, Discord and the digest scheduler in one asyncio loop.

With no chat platform configured, the console runs instead. SIGTERM (what Heroku sends)
and SIGINT stop the platforms, give in-flight briefs about ten seconds to finish, stop the
scheduler and close the database.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from collections.abc import Coroutine
from typing import Any

from bot.bootstrap import Services, build_chat_parts, build_conversation, build_digest_scheduler
from bot.messages import Sender
from handlers import Conversation

log = logging.getLogger(__name__)
SHUTDOWN_GRACE_SECONDS = 10.0
EXIT_CONFIG_ERROR = 2


def configured_platforms(services: Services, *, slack_http: bool) -> list[str]:
    from bot.platforms.discord_bot import discord_configured
    from bot.platforms.slack import slack_configured

    settings = services.settings
    names = []
    if slack_http or slack_configured(settings):
        names.append("slack")
    if discord_configured(settings):
        names.append("discord")
    return names


async def serve(services: Services, platforms: list[str], *, slack_http: bool = False,
                stop: asyncio.Event | None = None) -> int:
    """Run until a signal (or `stop`) arrives or a platform fails; returns the exit code."""
    conversation = build_conversation(services)
    stop = stop or asyncio.Event()
    if platforms:
        # Links are briefed in warm worker processes, off the loop and off the chat path.
        await asyncio.to_thread(services.start_link_pool)
    freeze_startup_heap()
    _install_signal_handlers(stop)
    coroutines, senders = _platform_parts(services, conversation, platforms, slack_http)
    scheduler = build_digest_scheduler(services, senders)
    scheduler.start()
    tasks = [asyncio.create_task(coro, name=name) for name, coro in coroutines.items()]
    stopper = asyncio.create_task(stop.wait(), name="stop")
    try:
        await asyncio.wait([*tasks, stopper], return_when=asyncio.FIRST_COMPLETED)
    finally:
        log.info("shutting down: letting in-flight work finish (up to %.0f s)",
                 SHUTDOWN_GRACE_SECONDS)
        for task in tasks:
            task.cancel()
        stopper.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=SHUTDOWN_GRACE_SECONDS)
        await scheduler.aclose(timeout=SHUTDOWN_GRACE_SECONDS)
        services.close()
    return _exit_code(tasks)


def freeze_startup_heap() -> None:
    """Keep full garbage collections short, so they never stall a gateway heartbeat.

    A collection holds the GIL for every thread, the event loop included; with the ~170k
    objects that modules and word lists leave at start-up, that is ~100 ms each time.
    Those objects live as long as the process, so the collector can stop visiting them.
    The one place the bot's main process freezes its heap (the fork server freezes its own).
    """
    gc.collect()
    gc.freeze()


def _platform_parts(services: Services, conversation: Conversation, platforms: list[str],
                    slack_http: bool) -> tuple[dict[str, Coroutine[Any, Any, None]],
                                               dict[str, Sender]]:
    coroutines: dict[str, Coroutine[Any, Any, None]] = {}
    senders: dict[str, Sender] = {}
    parts = build_chat_parts(services, conversation)
    if "slack" in platforms:
        from bot.platforms.slack import run_slack, slack_sender

        coroutines["slack"] = run_slack(parts, services.store, http=slack_http)
        senders["slack"] = slack_sender(services.settings)
    if "discord" in platforms:
        from bot.platforms.discord_bot import DiscordSender, run_discord

        sender = DiscordSender()
        coroutines["discord"] = run_discord(parts, client_factory=sender.factory)
        senders["discord"] = sender
    return coroutines, senders


def _install_signal_handlers(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(number, stop.set)
        except (NotImplementedError, RuntimeError):  # not the main thread, or no signals
            log.debug("cannot install a handler for %s", number)


def _exit_code(tasks: list[asyncio.Task[None]]) -> int:
    code = 0
    for task in tasks:
        if not task.done() or task.cancelled():
            continue
        error = task.exception()
        if error is not None:
            log.error("%s stopped: %s", task.get_name(), error)
            code = EXIT_CONFIG_ERROR
    return code
