"""One settings object, read from the environment and `.env` (see config/.env.example)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Defaults for everything but secrets, so a bare checkout runs."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    # Briefing engine
    summary_method: str = Field("auto", description="auto, lexrank, textrank, lsa, luhn, ...")
    summary_sentences: int = Field(3, ge=1, le=10)

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

    def allowlist_entries(self) -> list[str]:
        return [item.strip() for item in self.fetch_allowlist.split(",") if item.strip()]

    def extra_ports(self) -> set[int]:
        return {int(p) for p in self.fetch_allowed_ports.split(",") if p.strip().isdigit()}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
