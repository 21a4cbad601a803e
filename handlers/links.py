"""A link pasted (or `/brief <url>`): fetch once, brief, store, reply with the brief."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.bootstrap import Services
from bot.briefing.model import Article, Brief
from bot.errors import BotError
from bot.fetch import canonical_url
from bot.logs import log_context
from bot.messages import Event, Reply
from bot.redact import redact_userinfo
from bot.store.records import StoredArticle, content_hash
from handlers.replies import brief_reply, error_reply

log = logging.getLogger(__name__)
REPOST_WINDOW = timedelta(minutes=10)


def brief_links(services: Services, event: Event, links: list[str], thread: str | None
                ) -> list[Reply]:
    """One reply per link; a failure becomes the fetcher's human message in the thread.

    A link the same channel was briefed on minutes ago gets no second brief."""
    replies = []
    for link in links:
        try:
            reply = brief_link(services, event, link, thread)
            if reply is not None:
                replies.append(reply)
        except BotError as error:
            shown = redact_userinfo(link)  # a pasted password stays out of logs and replies
            log.warning("cannot brief %s for %s:%s: %s", shown, event.platform, event.channel,
                        error.user_message)
            replies.append(error_reply(f"Couldn't brief {shown}: {error.user_message}",
                                       thread=thread))
    return replies


def brief_link(services: Services, event: Event, link: str, thread: str | None
               ) -> Reply | None:
    """A link already briefed (same canonical URL or same text) is not fetched again."""
    store = services.store
    stored = store.find_article(canonical_url=canonical_url(link))
    if stored is None:
        article, brief = services.fetch_and_brief(link)
        stored = store_article(services, article, link, brief)
    elif event.kind == "message" and _briefed_here_recently(services, event, stored):
        log.info("article %s was briefed in %s:%s minutes ago; not again", stored.id,
                 event.platform, event.channel)
        return None
    return share_reply(services, event, stored, thread)


def _briefed_here_recently(services: Services, event: Event, stored: StoredArticle) -> bool:
    latest = services.store.latest_share_in_channel(stored.id, event.platform, event.workspace,
                                                    event.channel)
    return (latest is not None and latest.message_id != event.message_id
            and services.clock() - latest.shared_at < REPOST_WINDOW)


def store_article(services: Services, article: Article, fallback_url: str,
                  brief: Brief | None = None) -> StoredArticle:
    """Save a fetched or read article with its brief, unless the same text is stored."""
    store = services.store
    url = article.url or fallback_url
    stored = store.find_article(canonical_url=url, content_hash=content_hash(article.text))
    if stored is not None:
        return stored
    return store.save_article(article, brief or services.brief_article(article), url)


def share_reply(services: Services, event: Event, stored: StoredArticle, thread: str | None
                ) -> Reply:
    """Record this post of the article and reply with its brief (and where it was first seen)."""
    store = services.store
    first = store.first_share(stored.id, event.workspace)
    brief = store.get_brief(stored.id)
    notes = []
    if first is not None:
        notes.append(f"first shared in #{first.channel} on {first.shared_at:%d %b %Y}")
    if services.is_cut(brief.article):
        notes.append(f"a long page: I briefed its first "
                     f"{services.settings.brief_max_chars:,} characters only")
    note = "; ".join(notes) or None
    now = services.clock()
    # A slash command has no message of its own: give its share a unique key.
    message_id = event.message_id or f"{event.kind}:{event.user}:{now.isoformat()}"
    share_id = store.record_share(stored.id, event.platform, event.workspace, event.channel,
                                  event.user, message_id, thread, shared_at=now)
    with log_context(article=stored.id):
        log.info("briefed article %s for message %s", stored.id, message_id)
    return brief_reply(brief, thread=thread, note=note, share_id=share_id)
