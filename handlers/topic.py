"""`/brief <topic>`: one terse brief across the articles stored for a workspace on that topic.

By default at most about 150 words and 8 bullets (`/brief <topic> more` shows the rest):
a channel reads it at a glance. The same story under several URLs is one story, with one
link. The window counts publication dates where the article has one, else share dates,
and the reply says so.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot.briefing.across import find_contrasts, merge_actors, positions_by_actor
from bot.briefing.model import Brief
from bot.formats import REPORTING_CUES, describe_dispute, position_holder
from bot.messages import Bullet, Quote, Reply, Section
from bot.shorten import shorten
from bot.store.protocols import ArticleReader
from bot.store.records import StoredArticle

DEFAULT_DAYS = 7
MAX_DAYS = 365
SEARCHED_STORIES = 30
MAX_WORDS = 150
MAX_BULLETS = 8
MAX_ACTORS = 4
POSITIONS_PER_ACTOR = 2
MAX_POSITIONS = 8
MAX_DISPUTES = 5
STANCE_CHARS = 120
LEAD_CHARS = 110
TITLE_CHARS = 60  # citations name the article, briefly
# Which lines a terse brief shows first: the stories, then what is disputed, then who said what.
_PRIORITY = (("Stories", 3), ("Disputed", 2), ("Positions", 3), ("Stories", 99),
             ("Disputed", 99), ("Positions", 99))


def topic_brief(store: ArticleReader, workspace: str, topic: str, days: int,
                now: datetime, rest: bool = False) -> Reply:
    """The terse brief, or with `rest` the lines the terse one left out."""
    since = now - timedelta(days=days)
    found = store.search_articles(workspace, topic, since, limit=SEARCHED_STORIES)
    window = f"the last {days} day{'s' if days != 1 else ''}"
    stories = _distinct(store, [a for a in found
                                if a.published is None or a.published >= since.date()])
    if not stories:
        older = [a.published for a in found if a.published is not None]
        hint = (f"{len(older)} matching stor{'ies were' if len(older) != 1 else 'y was'} "
                f"published earlier (the newest on {max(older):%Y-%m-%d}): the window "
                "counts publication dates." if older else
                "Paste a link to an article about it and I will remember it.")
        return Reply(
            kind="topic", title=f"Nothing stored about “{topic}” in {window}.",
            sections=(Section(None, (
                hint, "Or try a broader word, or a longer window: /brief <topic> --days 30",
            )),),
            ephemeral=True,
        )
    briefs = [brief for _, brief in stories]
    lines: dict[str, list[Bullet]] = {
        "Stories": [_story_line(a, b) for a, b in stories],
        "Positions": list(_position_lines(briefs)),
        "Disputed": list(_dispute_lines(briefs)),
    }
    title = f"{topic}: {len(stories)} stor{'ies' if len(stories) != 1 else 'y'} in {window}"
    actors = merge_actors(briefs, MAX_ACTORS)
    fields = tuple((a.name, a.title or a.kind) for a in actors)
    shown, left = _fit(lines, len(title.split()) + sum(len(f"{n} {v}".split())
                                                       for n, v in fields))
    dated = "publication dates; share dates where unknown"
    if rest:
        shown, fields = left, ()
        title = f"{topic}, the rest: {sum(map(len, left.values()))} more line(s)"
    more = sum(map(len, left.values()))
    context = dated + (f" · /brief {topic} more: {more} more line(s)" if more and not rest
                       else "")
    return Reply(
        kind="topic", title=title, context=context,
        sections=tuple(Section(name, tuple(shown[name])) for name in
                       ("Stories", "Positions", "Disputed") if shown.get(name)),
        fields=fields,
    )


def _fit(lines: dict[str, list[Bullet]], used: int
         ) -> tuple[dict[str, list[Bullet]], dict[str, list[Bullet]]]:
    """Bullets in priority order while they fit in MAX_WORDS and MAX_BULLETS; the rest."""
    shown: dict[str, list[Bullet]] = {name: [] for name in lines}
    taken = {name: 0 for name in lines}
    count = 0
    for name, upto in _PRIORITY:
        while taken[name] < min(upto, len(lines[name])) and count < MAX_BULLETS:
            line = lines[name][taken[name]]
            words = len(str(line).split())
            if used + words > MAX_WORDS and count:
                break
            shown[name].append(line)
            taken[name] += 1
            used += words
            count += 1
    return shown, {name: lines[name][taken[name]:] for name in lines}


def _distinct(store: ArticleReader, found: list[StoredArticle]
              ) -> list[tuple[StoredArticle, Brief]]:
    """Newest first, one per story: the same title or the same lead under another URL is
    the same story."""
    seen: set[str] = set()
    stories = []
    briefs = store.get_briefs([article.id for article in found])
    for article in sorted(found, key=_age_key, reverse=True):
        brief = briefs[article.id]
        lead = brief.summary[0].text if brief.summary else ""
        keys = {_folded(article.title), _folded(lead)} - {""}
        if keys & seen:
            continue
        seen |= keys
        stories.append((article, brief))
    return stories


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _age_key(article: StoredArticle) -> str:
    return (article.published.isoformat() if article.published else "") + \
        article.created_at.isoformat()


def _story_line(article: StoredArticle, brief: Brief) -> str:
    """Headline, outlet and date, the lead, and the story's one link."""
    lead = brief.summary[0].text if brief.summary else ""
    where = " · ".join(x for x in (article.source, article.published and
                                   article.published.isoformat()) if x)
    line = shorten(article.title, 80) + (f" ({where})" if where else "")
    if lead:
        line += f": {shorten(lead, LEAD_CHARS)}"
    return line + (f" <{article.canonical_url}>" if article.canonical_url else "")


def _position_lines(briefs: list[Brief]) -> tuple[Quote, ...]:
    grouped = positions_by_actor(briefs)
    lines: list[Quote] = []
    for actor in merge_actors(briefs, limit=len(grouped) + MAX_ACTORS):
        stated = [c for c in grouped.get(actor.name, [])
                  if c.position.cue.text.lower() not in REPORTING_CUES]  # "CNN reported"
        for cited in stated[:POSITIONS_PER_ACTOR]:
            position = cited.position
            lines.append(Quote(position_holder(position), position.cue.text,
                               shorten(position.content.text, STANCE_CHARS),
                               shorten(cited.brief.article.title, TITLE_CHARS)))
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
