"""config/slack-manifest.yml asks for exactly what the Slack app uses: no more, no less."""

from __future__ import annotations

import re
from pathlib import Path

from bot.platforms.slack import COMMAND

MANIFEST = Path(__file__).resolve().parents[2] / "config" / "slack-manifest.yml"


def items_under(text: str, key: str) -> set[str]:
    """The `- item` lines of one YAML list (enough YAML for this file, without PyYAML)."""
    match = re.search(rf"^(\s*){re.escape(key)}:\s*\n((?:\1\s+(?:-.*|#.*)\n)+)", text, re.M)
    assert match, key
    return {line.split("#")[0].strip()[2:].strip() for line in match.group(2).splitlines()
            if line.strip().startswith("- ")}


def test_the_manifest_declares_the_scopes_events_and_command_the_app_uses() -> None:
    text = MANIFEST.read_text()
    assert items_under(text, "bot") == {"app_mentions:read", "channels:history",
                                        "groups:history", "chat:write", "commands"}
    assert items_under(text, "bot_events") == {"app_mention", "message.channels",
                                               "message.groups"}
    assert re.findall(r"^\s*- command: (\S+)", text, re.M) == [COMMAND]
    assert re.search(r"^\s*socket_mode_enabled: true$", text, re.M)
