"""Compose a channel's daily digest from the store: one neutral `Reply` of kind "digest".

Stories are the articles shared in the channel, plus those about its subscribed topics
(full-text search in the workspace), since the window start. Outlets' versions of one
story become one item. Each item is one line of summary, the key actors, and a disputed
point; a closing section says what changed since the last digest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from bot.briefing.across import find_contrasts, merge_actors
from bot.digest.changes import Snapshot, change_lines, take_snapshot
from bot.digest.state import (
    channel_zone,
    digest_topics,
    last_digest,
    posts_on_empty_days,
    window_start,
)
from bot.digest.stories import Coverage, Story, group_stories
from bot.formats import describe_actors, describe_dispute, key_actors, position_holder
from bot.messages import Link, Reply, Section
from bot.settings import Settings
from bot.shorten import shorten
from bot.store import StoredArticle
from bot.store.protocols import ArticleReader, DigestStore

MAX_STORIES = 8
CHANNEL_ARTICLES = 60
TOPIC_ARTICLES = 20
ACTORS_PER_STORY = 4
TITLE_CHARS = 120
SUMMARY_CHARS = 220
DISPUTE_CHARS = 220
CHANGES_HEADING = "Since the last digest"


@dataclass(frozen=True, slots=True)
class Digest:
    """A composed digest: what to post, and what to remember once it is posted."""

    reply: Reply
    since: datetime
    snapshot: Snapshot | None  # None: an empty day's one-liner, which keeps the old snapshot


def compose_digest(store: DigestStore, defaults: Settings, platform: str, workspace: str,
                   channel: str, now: datetime, hours: int | None = None) -> Reply | None:
    """The digest Reply, or None on a day with nothing to say (and no `--always`)."""
    digest = build_digest(store, defaults, platform, workspace, channel, now, hours)
    return digest.reply if digest else None


def build_digest(store: DigestStore, defaults: Settings, platform: str, workspace: str,
                 channel: str, now: datetime, hours: int | None = None) -> Digest | None:
    """`defaults` gives the time zone of a channel that has none of its own."""
    settings = store.channel_settings(platform, workspace, channel)
    since = window_start(settings, now, hours)
    topics = digest_topics(settings)
    zone = channel_zone(settings, defaults)
    when = f"since {since.astimezone(zone):%a %d %b %H:%M} ({zone.key})"
    coverage = gather_coverage(store, workspace, channel, topics, since)
    if not coverage:
        if not posts_on_empty_days(settings):
            return None
        return Digest(Reply(kind="digest", title=f"Daily digest: no new stories {when}."),
                      since, None)
    stories = sorted(group_stories(coverage), key=lambda s: -len(s.coverage))
    shown = stories[:MAX_STORIES]
    _, previous = last_digest(settings)
    snapshot = take_snapshot(b for story in shown for b in story.briefs)
    disputes = [d for story in shown for b in story.briefs for d in b.disputes]
    sections = [_story_section(number, story) for number, story in enumerate(shown, 1)]
    closing = change_lines(previous, snapshot, disputes)
    if closing:
        sections.append(Section(CHANGES_HEADING, tuple(closing)))
    count = f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}"
    more = f", the top {len(shown)} here" if len(shown) < len(stories) else ""
    context = when + (f" · topics: {', '.join(topics)}" if topics else "")
    reply = Reply(kind="digest", title=f"Daily digest: {count}{more}", context=context,
                  sections=tuple(sections), links=_links(shown))
    return Digest(reply, since, snapshot)


def gather_coverage(store: ArticleReader, workspace: str, channel: str, topics: list[str],
                    since: datetime) -> list[Coverage]:
    """The channel's shares, newest first, then topic matches; each article once."""
    found = store.recent_articles(workspace, since, CHANNEL_ARTICLES, channel=channel)
    for topic in topics:
        found += store.search_articles(workspace, topic, since, TOPIC_ARTICLES)
    unique: dict[int, StoredArticle] = {}
    for article in found:
        unique.setdefault(article.id, article)
    briefs = store.get_briefs(list(unique))
    return [Coverage(article, briefs[article.id]) for article in unique.values()]


def _story_section(number: int, story: Story) -> Section:
    """One item: summary line, key actors, a disputed point, and who reported it."""
    lead = story.lead
    title = lead.article.title or lead.brief.article.title or "(untitled)"
    bullets: list[str] = []
    summary = _summary_line(story)
    if summary:
        bullets.append(summary)
    actors = key_actors(merge_actors(story.briefs, limit=ACTORS_PER_STORY * 3))
    if actors:
        bullets.append("Who: " + describe_actors(actors[:ACTORS_PER_STORY]))
    disputed = _disputed_point(story)
    if disputed:
        bullets.append("Disputed: " + disputed)
    outlets = list(dict.fromkeys(_outlet(c) for c in story.coverage))
    bullets.append(f"Reported by {', '.join(outlets)}" if len(outlets) > 1
                   else f"Source: {outlets[0]}")
    return Section(f"{number}. {shorten(title, TITLE_CHARS)}", tuple(bullets))


def _summary_line(story: Story) -> str:
    brief = next((b for b in story.briefs if b.summary), None)
    if brief is None:
        return ""
    referents = brief.summary_referents
    referent = referents[0] if referents else None
    text = brief.summary[0].text
    return shorten(f"[{referent}] {text}" if referent else text, SUMMARY_CHARS)


def _disputed_point(story: Story) -> str:
    for brief in story.briefs:
        if brief.disputes:
            return shorten(describe_dispute(brief.disputes[0]), DISPUTE_CHARS)
    for contrast in find_contrasts(story.briefs, limit=1):
        first, second = contrast.first.position, contrast.second.position
        return shorten(f"{position_holder(first)}: “{shorten(first.content.text, 90)}” vs "
                       f"{position_holder(second)}: “{shorten(second.content.text, 90)}”",
                       DISPUTE_CHARS)
    return ""


def _outlet(coverage: Coverage) -> str:
    return coverage.article.source or urlsplit(coverage.article.canonical_url).hostname or \
        coverage.article.canonical_url


def _links(stories: list[Story]) -> tuple[Link, ...]:
    """Every outlet's link, labelled with its item's number: one story, several links."""
    return tuple(Link(f"{number} · {_outlet(c)}", c.article.canonical_url)
                 for number, story in enumerate(stories, 1) for c in story.coverage
                 if c.article.canonical_url.startswith(("http://", "https://")))
