"""The console platform: chat with the bot in a terminal, or pipe lines into it.

Platform `console`, workspace `local`, channel `local`. A line is a message: a URL or a path
to brief, `/brief ...`, or a follow-up question about the last brief.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TextIO

from bot.errors import BotError
from bot.fetch import find_links
from bot.inputs import read_input, user_path
from bot.messages import Event, Reply
from handlers import Conversation
from handlers.replies import notice

log = logging.getLogger(__name__)
PLATFORM, WORKSPACE, CHANNEL, USER = "console", "local", "local", "you"
PROMPT = "brief> "
SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


class ConsoleChat:
    def __init__(self, conversation: Conversation, out: TextIO) -> None:
        self.conversation = conversation
        self.out = out
        self.last_thread: str | None = None

    def preload(self, folder: Path = SEEDS_DIR) -> int:
        """Store the seed articles (once: the store deduplicates) so /brief has material."""
        count = 0
        for path in sorted(folder.glob("*.txt")):
            try:
                article = read_input(str(path))
            except BotError as error:
                log.warning("skipping seed %s: %s", path.name, error.user_message)
                continue
            event = self._event("message", str(path), message_id=f"seed:{path.name}")
            self.conversation.share_article(event, article)
            count += 1
        return count

    def handle_line(self, line: str) -> list[Reply]:
        line = line.strip()
        if not line:
            return []
        message_id = f"console:{time.time_ns()}"
        head, _, rest = line.partition(" ")
        if head.lower() == "/brief":  # the whole word: "/briefing x" is not "/brief ing x"
            self.last_thread = None
            replies = self.conversation.route(self._event("command", rest.strip(), message_id))
        elif head.startswith("/") and not _is_path(line):
            replies = [notice(f"I don't know the command {head}; mine is /brief.")]
        elif not find_links(line) and _is_path(line):
            replies = [self._share_path(line, message_id)]
        elif find_links(line):
            replies = self.conversation.route(self._event("message", line, message_id))
        elif self.last_thread:
            event = self._event("message", line, message_id, thread=self.last_thread)
            replies = self.conversation.route(event)
        else:
            replies = self.conversation.route(self._event("mention", line, message_id))
        for number, reply in enumerate(replies):
            if reply.kind == "brief" and reply.thread:
                self.last_thread = reply.thread
            self.conversation.reply_posted(reply, f"{message_id}:reply{number}")
        return replies

    def show(self, replies: list[Reply]) -> None:
        for reply in replies:
            self.out.write(reply.plain_text() + "\n\n")
        self.out.flush()

    def _share_path(self, line: str, message_id: str) -> Reply:
        from handlers.replies import error_reply

        try:
            article = read_input(line)
        except BotError as error:
            return error_reply(f"Couldn't brief {line}: {error.user_message}")
        return self.conversation.share_article(self._event("message", line, message_id), article)

    def _event(self, kind: str, text: str, message_id: str, thread: str | None = None) -> Event:
        return Event(platform=PLATFORM, workspace=WORKSPACE, channel=CHANNEL, user=USER,
                     text=text, kind=kind, message_id=message_id, thread=thread)  # type: ignore[arg-type]


def _is_path(line: str) -> bool:
    if len(line) > 4096 or "\n" in line:
        return False
    try:
        return user_path(line).is_file()
    except (OSError, ValueError):
        return False


def run_console(conversation: Conversation, stdin: TextIO, stdout: TextIO) -> int:
    """Read one message per line until end of input (or /quit)."""
    chat = ConsoleChat(conversation, stdout)
    loaded = chat.preload()
    interactive = stdin.isatty()
    if interactive:
        stdout.write(f"Briefing bot console: {loaded} seed article(s) stored. Paste a link or a "
                     "path, type /brief <topic>, /brief help, or /quit.\n")
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        line = stdin.readline()
        if not line or line.strip() in {"/quit", "/exit"}:
            break
        chat.show(chat.handle_line(line))
    return 0
