"""Platform-neutral conversation logic: `Conversation.route(Event) -> list[Reply]`.

The message types themselves live at the bottom, in `bot.messages`.
"""

from handlers.conversation import Conversation

__all__ = ["Conversation"]
