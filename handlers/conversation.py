"""The conversation: one entry point from a neutral `Event` to neutral `Reply` objects."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from bot.briefing.model import Article, Brief
from bot.errors import BotError
from bot.fetch import find_links
from bot.logs import log_context
from bot.messages import Event, Reply
from bot.store.records import StoredArticle
from handlers.candidates import question_candidates
from handlers.commands import command_of, command_table
from handlers.digest import DigestDesk
from handlers.followups import Context, answer, detect_intent
from handlers.links import LinkBriefing
from handlers.ports import ConversationParts
from handlers.replies import error_reply, notice

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 40_000
RECENT_DAYS = 7
RECENT_ARTICLES = 5
MAX_MORE_PAGES = 20
_MENTION = re.compile(r"<@[!&]?[\w.-]+>")


class Conversation:
    """Routes events; holds no state of its own, so any process can serve any event."""

    def __init__(self, parts: ConversationParts) -> None:
        """Keep the parts the conversation itself uses; give each handler only its own."""
        self.articles = parts.articles
        self.channels = parts.channels
        self.claims = parts.claims
        self.clock = parts.clock
        self.links = LinkBriefing(parts.briefer, parts.links, parts.clock,
                                  parts.settings.brief_max_chars)
        digests = DigestDesk(parts.digests, parts.settings, parts.clock)
        self.commands = command_table(self.links, digests, parts.articles, parts.channels,
                                      parts.clock)

    def route(self, event: Event) -> list[Reply]:
        """Never raises for anything a user can send; a bug becomes a short apology."""
        if len(event.text) > MAX_MESSAGE_CHARS:
            if event.kind == "message":
                return []
            return [error_reply("That message is too long for me to read.",
                                thread=event.thread, ephemeral=event.kind == "command")]
        try:
            with log_context(platform=event.platform, channel=event.channel):
                return self._route(event)
        except BotError as error:
            return [error_reply(error.user_message, thread=event.thread,
                                ephemeral=event.kind == "command")]
        except Exception:
            log.exception("failed to handle %s event in %s:%s", event.kind, event.platform,
                          event.channel)
            return [error_reply("Something went wrong on my side; the team has the details.",
                                thread=event.thread, ephemeral=event.kind == "command")]

    def briefs_links(self, event: Event) -> bool:
        """Whether this event may fetch and brief links (the slow path); no I/O, so a
        platform can send it to the link queue before routing it."""
        if len(event.text) > MAX_MESSAGE_CHARS:
            return False
        if event.kind == "command":
            return command_of(event).name == "links"
        return bool(find_links(_MENTION.sub(" ", event.text)))

    def busy_reply(self, event: Event) -> Reply:
        """The one notice a channel gets when the link queue is full; the link still waits."""
        return notice("I'm briefing a lot of links right now; I'll brief this shortly.",
                      thread=event.thread or event.message_id or None,
                      ephemeral=event.kind == "command")

    def reply_posted(self, reply: Reply, message_id: str) -> None:
        """Remember the bot's own message, so replies in its thread find the article."""
        if reply.share_id is not None and message_id:
            self.links.store.set_reply_id(reply.share_id, message_id)

    def share_article(self, event: Event, article: Article) -> Reply:
        """Brief an article read by the platform itself (the console's file paths)."""
        return self.links.share_article(event, article)

    def _route(self, event: Event) -> list[Reply]:
        if event.kind == "command":
            command = command_of(event)
            return self.commands[command.name](event, command)
        text = _MENTION.sub(" ", event.text).strip()
        links = find_links(text)
        thread = event.thread or event.message_id or None
        if links and (event.kind == "mention" or self._watching(event)):
            return self.links.brief_links(event, links, thread)
        if event.kind == "mention":
            return [self._follow_up(event, text, thread)]
        if event.thread:
            stored = self.articles.article_for_thread(
                event.platform, event.workspace, event.channel, event.thread)
            if stored is not None:
                return [self._answer(event, text, stored, event.thread)]
        return []

    def _watching(self, event: Event) -> bool:
        settings = self.channels.channel_settings(event.platform, event.workspace,
                                                  event.channel)
        return settings.watch

    def _follow_up(self, event: Event, text: str, thread: str | None) -> Reply:
        """A mention: about the thread's article, else about the whole store."""
        if event.thread:
            stored = self.articles.article_for_thread(
                event.platform, event.workspace, event.channel, event.thread)
            if stored is not None:
                return self._answer(event, text, stored, thread)
        return self._answer(event, text, None, thread)

    def _answer(self, event: Event, text: str, home: StoredArticle | None,
                thread: str | None) -> Reply:
        """The thread's article is the context when there is one; otherwise the articles
        that match the question anywhere in the workspace, else the channel's recent ones."""
        store = self.articles
        intent = detect_intent(text)

        def search(question: str) -> list[tuple[Brief, float]]:
            return question_candidates(store, event.workspace, question, home)

        if home is not None:
            briefs = [store.get_brief(home.id)]
        else:
            briefs = [brief for brief, _ in search(intent.subject or text)][:RECENT_ARTICLES]
            if not briefs or intent.name in {"more", "sources"}:
                since = self.clock() - timedelta(days=RECENT_DAYS)
                recent = store.recent_articles(event.workspace, since, RECENT_ARTICLES,
                                               channel=event.channel)
                loaded = store.get_briefs([a.id for a in recent])
                briefs = [loaded[a.id] for a in recent] or briefs
        return answer(intent, Context(briefs, search, thread,
                                      page=lambda: self._next_page(event)))

    def _next_page(self, event: Event) -> int:
        """Which `more` this is in the thread: the first page number not yet claimed.

        Claims are rows in the database (the exactly-once event table), so every process
        agrees and a restart keeps the place; old claims expire with the event keys."""
        where = f"more:{event.workspace}:{event.channel}:{event.thread or '-'}"
        for page in range(MAX_MORE_PAGES):
            key = f"{where}:{page}"
            if self.claims.claim_event(event.platform, key):
                self.claims.finish_event(event.platform, key)
                return page
        return MAX_MORE_PAGES
