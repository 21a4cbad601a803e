"""Platform-neutral conversation logic: `Conversation.route(Event) -> list[Reply]`."""

from handlers.conversation import Conversation
from handlers.events import Event, Reply, Section

__all__ = ["Conversation", "Event", "Reply", "Section"]
