"""The loop of one worker process: a URL in, an article and its brief (or a message) out."""

from __future__ import annotations

import ctypes
import logging
import signal
from multiprocessing.connection import Connection

from bot.errors import BotError
from bot.settings import Settings

log = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1
UNEXPECTED = "something went wrong on my side while briefing it"


def serve_links(connection: Connection, settings: Settings) -> None:
    """Answer requests until the pool sends None or goes away (EOF)."""
    from bot.bootstrap import bootstrap

    _die_with_parent()
    services = bootstrap(settings)  # logging as configured, and a fetcher of its own
    connection.send(("ready",))
    while True:
        try:
            url = connection.recv()
        except (EOFError, OSError):
            return
        if url is None:
            return
        try:
            article, brief = services.fetch_and_brief_here(url)
            connection.send(("ok", article, brief))
        except BotError as error:
            connection.send(("error", error.user_message))
        except Exception:
            log.exception("a worker failed to brief a link")
            connection.send(("error", UNEXPECTED))


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when the fork server dies (it exits with the bot), so a
    bot killed with -9 leaves no worker behind."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers still exit on the pipe's EOF
        log.debug("no parent-death signal on this platform")
