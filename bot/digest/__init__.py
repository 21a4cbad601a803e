"""The daily digest: compose it from the store, post it once per channel and day, and
schedule it with APScheduler (see `scheduler`)."""

from bot.digest.composer import Digest, build_digest, compose_digest
from bot.digest.posting import post_digest
from bot.digest.scheduler import DigestScheduler, run_scheduled_digest

__all__ = [
    "Digest",
    "DigestScheduler",
    "build_digest",
    "compose_digest",
    "post_digest",
    "run_scheduled_digest",
]
