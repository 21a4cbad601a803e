"""Answer lines for the specific follow-up intents: who is X, what X said, more, sources.

Each line quotes stored material and names its article; retrieval (handlers/retrieval.py)
answers everything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from bot.briefing.model import Actor, Brief, Position
from bot.briefing.text.sentences import split_sentences
from bot.formats import holder_and_cue, is_presentable
from bot.shorten import shorten
from handlers.retrieval import answer_window

MORE_PER_PAGE = 3
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_ANY_PRONOUNS = _PERSON_PRONOUNS | {"they", "them", "their", "it", "its"}


def who_lines(name: str, briefs: Sequence[Brief]) -> list[str]:
    """The actor as the article describes it, and the first sentence naming it."""
    lines = []
    for brief in briefs:
        actor = find_actor(name, brief.actors)
        if actor is None:
            continue
        role = f", {actor.title}" if actor.title else ""
        lines.append(f"{actor.name} ({actor.kind}{role}), named {actor.mentions} time"
                     f"{'s' if actor.mentions != 1 else ''} in {cite(brief)}")
        keys = [actor.name, *actor.aliases]
        for sentence in split_sentences(brief.article.text):
            if any(key in sentence.text for key in keys):
                lines.append(f"“{answer_window(sentence.text, name)}”")
                break
    return lines


def said_lines(name: str, briefs: Sequence[Brief]) -> list[str]:
    """The positions the engine extracted for the actor named."""
    lines = []
    for brief in briefs:
        actor = find_actor(name, brief.actors)
        if actor is None:
            continue
        lines.extend(position_line(p, brief) for p in brief.positions if p.actor == actor.name)
    return lines


def more_lines(briefs: Sequence[Brief], page: int) -> list[str]:
    """Page `page` of the article's most informative sentences beyond its summary, in the
    article's order: each `more` shows the next ones."""
    lines = []
    for brief in briefs[:1]:
        sentences = split_sentences(brief.article.text)
        shown = {s.start for s in brief.summary}
        from bot.briefing.summary.summarize import rank_sentences  # sumy: only when paging

        ranked = [i for i in rank_sentences(sentences) if sentences[i].start not in shown]
        chosen = ranked[page * MORE_PER_PAGE:(page + 1) * MORE_PER_PAGE]
        lines.extend(f"“{sentences[i].text}” — {cite(brief)}" for i in sorted(chosen))
    return lines


def source_lines(briefs: Sequence[Brief], quotes_only: bool) -> list[str]:
    """`sources`: each outlet with its link; `quotes`: the direct quotes."""
    if not quotes_only:
        return [f"{outlet(b)}: {shorten(b.article.title, 70)} <{b.article.url}>"
                if b.article.url else f"{outlet(b)}: {shorten(b.article.title, 70)}"
                for b in briefs]
    return [position_line(p, b) for b in briefs for p in b.positions
            if p.direct and is_presentable(p)]


def outlet(brief: Brief) -> str:
    """The outlet's name, else the link's host."""
    article = brief.article
    if article.source:
        return article.source
    host = urlsplit(article.url or "").hostname or ""
    return host.removeprefix("www.") or "unknown outlet"


def resolve_pronoun(subject: str | None, briefs: Sequence[Brief]) -> str | None:
    """"she" in a thread means the article's most salient person; "they" or "it" its most
    salient actor of any kind. Anything else is returned as it is."""
    if subject is None or subject.lower() not in _ANY_PRONOUNS:
        return subject
    person = subject.lower() in _PERSON_PRONOUNS
    sex = "female" if subject.lower() in {"she", "her", "hers"} else "male"
    for brief in briefs[:1]:
        actors = sorted(brief.actors, key=lambda a: (-a.salience, -a.mentions))
        people = [a for a in actors if a.kind == "person"]
        # "she" prefers a woman's given name, "he" a man's; else the most salient person.
        fitting = [a for a in people if _given_name_sex(a.name) == sex] or people
        chosen = fitting if person else actors
        if chosen:
            return chosen[0].name
    return subject


@cache
def _given_names(sex: str) -> frozenset[str]:
    text = resources.files("names").joinpath(f"dist.{sex}.first").read_text(encoding="ascii")
    return frozenset(line.split(maxsplit=1)[0].lower() for line in text.splitlines() if line)


def _given_name_sex(name: str) -> str | None:
    """"female" or "male" when the first name is on only one of the census lists."""
    first = name.split(maxsplit=1)[0].lower() if name.split() else ""
    female, male = first in _given_names("female"), first in _given_names("male")
    return "female" if female and not male else "male" if male and not female else None


def find_actor(name: str, actors: Sequence[Actor]) -> Actor | None:
    wanted = set(re.findall(r"\w+", name.lower()))
    if not wanted:
        return None
    for actor in actors:
        forms = [actor.name, *actor.aliases]
        if any(wanted <= set(re.findall(r"\w+", form.lower())) for form in forms):
            return actor
    return None


def position_line(position: Position, brief: Brief) -> str:
    content = answer_window(position.content.text, "")
    if position.direct:
        content = f"“{content}”"
    return f"{holder_and_cue(position)}: {content} — {cite(brief)}"


def cite(brief: Brief) -> str:
    """A short citation: the headline, cut, and the link."""
    article = brief.article
    title = shorten(article.title, 70)
    return f"{title} <{article.url}>" if article.url else title
