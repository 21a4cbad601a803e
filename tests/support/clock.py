"""The fixed time at which the conversation, platform and CLI tests run."""

from __future__ import annotations

from datetime import UTC, datetime

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
