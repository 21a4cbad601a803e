"""Logging set-up: text or JSON lines, each carrying the platform, channel and article id.

The context travels in a ContextVar, so it follows a request into `asyncio.to_thread`
workers without being passed around.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter

from bot.redact import redact_userinfo

CONTEXT_FIELDS = ("platform", "channel", "article")
_context: ContextVar[dict[str, str]] = ContextVar("log_context", default={})  # noqa: B039
TEXT_FORMAT = ("%(asctime)s %(levelname)s %(name)s "
               "[%(platform)s %(channel)s %(article)s] %(message)s")
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"
NOISY_LIBRARIES = ("alembic", "httpx", "httpcore", "apscheduler.executors", "discord.gateway")
# Article parsers meet hostile pages daily; the bot catches what they raise and logs it in
# its own words, so their own error lines and tracebacks stay out of stderr.
PARSER_LIBRARIES = ("readability", "trafilatura", "htmldate", "courlan", "justext")


@contextmanager
def log_context(**values: object) -> Iterator[None]:
    """Add fields (platform=..., channel=..., article=...) to every log line inside."""
    token = _context.set({**_context.get(), **{k: str(v) for k, v in values.items()}})
    try:
        yield
    finally:
        _context.reset(token)


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        context = _context.get()
        for field in CONTEXT_FIELDS:
            if not hasattr(record, field):
                setattr(record, field, context.get(field, "-"))
        return True


class RedactingFormatter(logging.Formatter):
    """Wraps a formatter: passwords in URLs never reach a log line, tracebacks included,
    whoever logged them (the bot or a library)."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return redact_userinfo(self.inner.format(record))


def configure_logging(level: str = "INFO", log_format: str = "text") -> None:
    """Idempotent: the root logger gets exactly one handler of ours."""
    handler = logging.StreamHandler(sys.stderr)
    inner: logging.Formatter
    if log_format.lower() == "json":
        inner = JsonFormatter(JSON_FIELDS, rename_fields={"levelname": "level"})
    else:
        inner = logging.Formatter(TEXT_FORMAT)
    handler.setFormatter(RedactingFormatter(inner))
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_briefing_bot", False)]:
        root.removeHandler(old)
    handler._briefing_bot = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in NOISY_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    for name in PARSER_LIBRARIES:
        logging.getLogger(name).setLevel(logging.CRITICAL)
