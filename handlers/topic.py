"""`/brief <topic>`: one brief across the articles stored for a workspace on that topic."""

from __future__ import annotations

from datetime import timedelta

from bot.bootstrap import Services
from bot.briefing.across import find_contrasts, merge_actors, positions_by_actor
from bot.briefing.model import Brief
from bot.formats import REPORTING_CUES, describe_dispute, position_holder, shorten
from bot.store.records import StoredArticle
from handlers.events import Reply, Section

DEFAULT_DAYS = 7
MAX_DAYS = 365
MAX_STORIES = 8
MAX_ACTORS = 6
POSITIONS_PER_ACTOR = 2
MAX_POSITIONS = 8
MAX_DISPUTES = 5
STANCE_CHARS = 160
TITLE_CHARS = 60  # citations name the article, briefly


def topic_brief(services: Services, workspace: str, topic: str, days: int) -> Reply:
    since = services.clock() - timedelta(days=days)
    found = services.store.search_articles(workspace, topic, since, limit=MAX_STORIES)
    window = f"the last {days} day{'s' if days != 1 else ''}"
    if not found:
        return Reply(
            kind="topic", title=f"Nothing stored about “{topic}” in {window}.",
            sections=(Section(None, (
                "Paste a link to an article about it and I will remember it.",
                "Or try a broader word, or a longer window: /brief <topic> --days 30",
            )),),
            ephemeral=True,
        )
    newest_first = sorted(found, key=_age_key, reverse=True)
    briefs = [services.store.get_brief(article.id) for article in newest_first]
    return Reply(
        kind="topic",
        title=f"{topic}: {len(found)} stor{'ies' if len(found) != 1 else 'y'} in {window}",
        sections=tuple(s for s in (
            Section("Stories", tuple(_story_line(a, b) for a, b in zip(newest_first, briefs,
                                                                      strict=True))),
            Section("Positions", _position_lines(briefs)),
            Section("Disputed", _dispute_lines(briefs)),
        ) if s.bullets),
        fields=tuple((a.name, a.title or a.kind) for a in merge_actors(briefs, MAX_ACTORS)),
        links=tuple((b.article.title, b.article.url) for b in briefs if b.article.url),
    )


def _age_key(article: StoredArticle) -> str:
    return (article.published.isoformat() if article.published else "") + \
        article.created_at.isoformat()


def _story_line(article: StoredArticle, brief: Brief) -> str:
    lead = brief.summary[0].text if brief.summary else ""
    where = " · ".join(x for x in (article.source, article.published and
                                   article.published.isoformat()) if x)
    line = f"{article.title}" + (f" ({where})" if where else "")
    if lead:
        line += f": {shorten(lead, 140)}"
    return line + (f" <{article.canonical_url}>" if article.canonical_url else "")


def _position_lines(briefs: list[Brief]) -> tuple[str, ...]:
    grouped = positions_by_actor(briefs)
    lines: list[str] = []
    for actor in merge_actors(briefs, limit=len(grouped) + MAX_ACTORS):
        stated = [c for c in grouped.get(actor.name, [])
                  if c.position.cue.text.lower() not in REPORTING_CUES]  # "CNN reported"
        for cited in stated[:POSITIONS_PER_ACTOR]:
            position = cited.position
            lines.append(f"{position_holder(position)} ({position.cue.text}): "
                         f"{shorten(position.content.text, STANCE_CHARS)} "
                         f"— {shorten(cited.brief.article.title, TITLE_CHARS)}")
        if len(lines) >= MAX_POSITIONS:
            break
    return tuple(lines[:MAX_POSITIONS])


def _dispute_lines(briefs: list[Brief]) -> tuple[str, ...]:
    lines = [f"{describe_dispute(d)} — {shorten(b.article.title, TITLE_CHARS)}"
             for b in briefs for d in b.disputes]
    for contrast in find_contrasts(briefs):
        first, second = contrast.first, contrast.second
        lines.append(
            f"{position_holder(first.position)}: “{shorten(first.position.content.text, 100)}” "
            f"({shorten(first.brief.article.title, TITLE_CHARS)}) vs "
            f"{position_holder(second.position)}: “{shorten(second.position.content.text, 100)}”"
            f" ({shorten(second.brief.article.title, TITLE_CHARS)})")
    return tuple(lines[:MAX_DISPUTES])
