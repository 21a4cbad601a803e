"""What every chat platform is given: the conversation, the settings and the pool's size.

Built by the composition root (`bot.bootstrap.build_chat_parts`); a platform never sees the
whole `Services`. Slack is also given the store's `EventClaims`, to answer a redelivery once.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.platforms.lanes import Lanes
from bot.settings import Settings
from handlers import Conversation


@dataclass(frozen=True)
class ChatParts:
    conversation: Conversation
    settings: Settings
    link_workers: int | None = None  # links briefed at once (the pool's size); None: CPUs

    def lanes(self) -> Lanes:
        """A connection's own two paths into the conversation."""
        return Lanes(self.conversation, self.settings.link_queue_size, self.link_workers)
