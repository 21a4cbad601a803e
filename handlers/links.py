"""A link pasted (or `/brief <url>`): fetch once, brief, store, reply with the brief.

Storing the article, its brief and the share is one unit of work, and the reply shows the
brief just built (or, for an article kept before, the brief loaded in that same unit).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.briefing.model import Article
from bot.errors import BotError
from bot.fetch import canonical_url
from bot.logs import log_context
from bot.messages import Event, Reply
from bot.redact import redact_userinfo
from bot.store.protocols import LinkStore
from bot.store.records import Post, Shared, StoredArticle, content_hash
from handlers.ports import Clock, LinkBriefer
from handlers.replies import brief_reply, error_reply

log = logging.getLogger(__name__)
REPOST_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class LinkBriefing:
    """Briefs links and articles into replies; `max_chars` is how much of a text is briefed."""

    briefer: LinkBriefer
    store: LinkStore
    clock: Clock
    max_chars: int

    def brief_links(self, event: Event, links: list[str], thread: str | None) -> list[Reply]:
        """One reply per link; a failure becomes the fetcher's human message in the thread.

        A link the same channel was briefed on minutes ago gets no second brief."""
        replies = []
        for link in links:
            try:
                reply = self.brief_link(event, link, thread)
                if reply is not None:
                    replies.append(reply)
            except BotError as error:
                shown = redact_userinfo(link)  # a pasted password stays out of logs and replies
                log.warning("cannot brief %s for %s:%s: %s", shown, event.platform,
                            event.channel, error.user_message)
                replies.append(error_reply(f"Couldn't brief {shown}: {error.user_message}",
                                           thread=thread))
        return replies

    def brief_link(self, event: Event, link: str, thread: str | None) -> Reply | None:
        """A link already briefed (same canonical URL or same text) is not fetched again."""
        stored = self.store.find_article(canonical_url=canonical_url(link))
        if stored is None:
            article, brief = self.briefer.fetch_and_brief(link)
            post = self._post(event, thread)
            return self._reply(self.store.share_new_article(article, brief, article.url or link,
                                                            post), post)
        if event.kind == "message" and self._briefed_here_recently(event, stored):
            log.info("article %s was briefed in %s:%s minutes ago; not again", stored.id,
                     event.platform, event.channel)
            return None
        post = self._post(event, thread)
        return self._reply(self.store.share_stored_article(stored, post), post)

    def share_article(self, event: Event, article: Article) -> Reply:
        """An article the platform read itself (the console's file paths); briefed unless
        the same text is kept already."""
        url = article.url or f"file:{event.text.strip()}"
        post = self._post(event, event.thread or event.message_id)
        stored = self.store.find_article(canonical_url=url,
                                         content_hash=content_hash(article.text))
        if stored is not None:
            return self._reply(self.store.share_stored_article(stored, post), post)
        brief = self.briefer.brief_article(article)
        return self._reply(self.store.share_new_article(article, brief, url, post), post)

    def _briefed_here_recently(self, event: Event, stored: StoredArticle) -> bool:
        latest = self.store.latest_share_in_channel(stored.id, event.platform,
                                                    event.workspace, event.channel)
        return (latest is not None and latest.message_id != event.message_id
                and self.clock() - latest.shared_at < REPOST_WINDOW)

    def _post(self, event: Event, thread: str | None) -> Post:
        now = self.clock()
        # A slash command has no message of its own: give its share a unique key.
        message_id = event.message_id or f"{event.kind}:{event.user}:{now.isoformat()}"
        return Post(event.platform, event.workspace, event.channel, event.user, message_id,
                    thread, now)

    def _reply(self, shared: Shared, post: Post) -> Reply:
        """The brief, noting where the article was first seen and whether it was cut."""
        notes = []
        if shared.first is not None:
            notes.append(f"first shared in #{shared.first.channel} on "
                         f"{shared.first.shared_at:%d %b %Y}")
        if len(shared.brief.article.text) > self.max_chars:
            notes.append(f"a long page: I briefed its first {self.max_chars:,} characters only")
        with log_context(article=shared.article.id):
            log.info("briefed article %s for message %s", shared.article.id, post.message_id)
        return brief_reply(shared.brief, thread=post.thread_id,
                           note="; ".join(notes) or None, share_id=shared.share_id)
