"""One settings object, read from the environment and `.env` (see config/.env.example)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Defaults for everything but secrets, so a bare checkout runs."""

    # Empty values count as unset, so a copied .env.example (FOO=) keeps the defaults.
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True,
                                      env_ignore_empty=True)

    # Briefing engine
    summary_method: str = Field("auto", description="auto, lexrank, textrank, lsa, luhn, ...")
    summary_sentences: int = Field(3, ge=1, le=10)
    brief_max_chars: int = Field(30_000, ge=1_000, description="longer text is cut, with a note")

    # Link pool (bot/workers/): `run` fetches and briefs links in worker processes, each
    # brief within these budgets; past them the worker is replaced and the user told.
    link_workers: int = Field(0, ge=0, description="worker processes; 0: one per core")
    link_queue_size: int = Field(32, ge=1, description="links waiting before 'busy' notices")
    brief_cpu_seconds: float = Field(8.0, gt=0, description="CPU time for one link")
    brief_memory_mb: int = Field(600, ge=100, description="a worker's resident memory cap")

    # Fetching
    fetch_allowlist: str = Field("", description="Hosts, addresses or CIDR ranges to allow")
    fetch_allowed_ports: str = Field("", description="Extra ports besides 80 and 443")
    fetch_connect_timeout: float = 5.0
    fetch_total_timeout: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    fetch_retries: int = Field(2, ge=0, description="Retries after 429/502/503/504")
    fetch_retry_backoff: float = Field(0.5, ge=0, description="First retry wait; doubles")
    fetch_retry_after_cap: float = Field(5.0, ge=0, description="Longest Retry-After honoured")

    # Storage
    database_url: str = "sqlite:///var/bot.db"

    # Logging
    log_level: str = "INFO"
    log_format: str = Field("text", description="text or json")

    # Slack (bot/platforms/slack.py): a bot token plus an app token (Socket Mode) or a
    # signing secret (HTTP mode). Secrets are SecretStr so they never show in logs or reprs.
    slack_bot_token: SecretStr | None = Field(None, description="xoxb-... bot token")
    slack_app_token: SecretStr | None = Field(None, description="xapp-...: Socket Mode")
    slack_signing_secret: SecretStr | None = Field(None, description="verifies HTTP requests")
    slack_api_url: str = Field("https://slack.com/api/", description="Web API base URL")
    slack_http_host: str = Field("0.0.0.0", description="HTTP mode listens on this address")
    port: int = Field(3000, ge=0, le=65535, description="HTTP mode port ($PORT)")
    # An event or command claimed by a process that died before posting its reply is handed
    # to Slack's next redelivery after this many seconds (longer than any brief takes).
    slack_claim_lease_seconds: float = Field(120.0, gt=0, description="claim expiry")

    # Discord (bot/platforms/discord_bot.py, docs/discord.md): the token is a SecretStr so it
    # never shows in logs or reprs; a guild id syncs /brief to that guild only (development).
    discord_token: SecretStr | None = Field(None, description="bot token from the portal")
    discord_guild_id: int | None = Field(None, description="sync commands to this guild")
    discord_brief_in_thread: bool = Field(False, description="open a thread for each brief")
    discord_message_content: bool = Field(
        True, description="request the privileged message-content intent (link watching)")

    # Digest (bot/digest/): `/brief digest on` without a time or zone uses these defaults;
    # a digest missed while the bot was down is posted at start-up if at most this late;
    # each scheduler re-reads the channels' digest settings this often (other processes).
    digest_default_time: str = Field("08:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
                                     description="HH:MM, 24-hour clock")
    digest_default_timezone: str = Field("UTC", description="IANA zone, e.g. Europe/Berlin")
    digest_misfire_grace_hours: float = Field(3.0, ge=0, description="catch-up limit")
    digest_sync_minutes: float = Field(5.0, gt=0, description="job sync interval")

    def allowlist_entries(self) -> list[str]:
        return [item.strip() for item in self.fetch_allowlist.split(",") if item.strip()]

    def extra_ports(self) -> set[int]:
        return {int(p) for p in self.fetch_allowed_ports.split(",") if p.strip().isdigit()}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
