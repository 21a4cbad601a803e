"""Errors a user can cause. Each carries a short, human message the bot can post as is."""

from __future__ import annotations


class BotError(Exception):
    """Base of every user-facing error: `str(error)` is safe to show in chat."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


class InputError(BotError):
    """The input cannot be briefed: missing, empty, binary or too short."""
