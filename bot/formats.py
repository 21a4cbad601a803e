"""Render a `Brief` for people: terse terminal text, chat Markdown, or the JSON record."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Actor, Brief, Dispute, Position
from bot.shorten import shorten

MAX_ACTORS = 6
MAX_POSITIONS = 6
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})
REPORTING_CUES = frozenset({"reported", "reports", "citing", "according to"})
MAX_DISPUTES = 3
STANCE_CHARS = 180
CLAIM_CHARS = 140


@dataclass(frozen=True, slots=True)
class BriefLines:
    """The parts of a brief as plain strings, shared by every output style."""

    title: str
    byline: str
    summary: list[str]
    who: list[str]
    positions: list[str]
    disputed: list[str]


def brief_lines(brief: Brief) -> BriefLines:
    article = brief.article
    byline = " · ".join(x for x in (article.source, article.published, article.url) if x)
    summary = [
        f"[{referent}] {span.text}" if referent else span.text
        for span, referent in zip(brief.summary, _padded(brief), strict=True)
    ]
    return BriefLines(
        title=article.title or "(untitled)",
        byline=byline,
        summary=summary,
        who=[describe_actor(a) for a in key_actors(brief.actors)],
        positions=[describe_position(p) for p in key_positions(brief)],
        disputed=[describe_dispute(d) for d in brief.disputes[:MAX_DISPUTES]],
    )


def key_actors(actors: Iterable[Actor]) -> list[Actor]:
    """The most salient actors worth a reader's attention (mentioned, or quoted, twice)."""
    chosen = [a for a in actors if a.mentions >= 2 or a.salience >= 0.3]
    return chosen[:MAX_ACTORS]


def key_positions(brief: Brief) -> list[Position]:
    """One position per source: people and direct quotes first, then by the actor's salience.

    Positions of unresolved pronouns are left out (the reader could not tell who spoke), and
    a newsroom that merely reports ("CNN reported") ranks below the people it quotes.
    """
    actors = {actor.name: actor for actor in brief.actors}
    best: dict[str, tuple[float, Position]] = {}
    for position in brief.positions:
        if not is_presentable(position):
            continue
        key = position.actor or position.source.text.lower()
        score = _position_score(position, actors.get(position.actor or ""))
        if key not in best or score > best[key][0]:
            best[key] = (score, position)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1].content.start))
    return [position for _, position in ranked[:MAX_POSITIONS]]


def is_presentable(position: Position) -> bool:
    """A position is shown when its actor is known or its source names one ("a senior
    official"), so that neither "he" nor "The split suggests" reaches a reader as a speaker."""
    if position.actor is not None:
        return True
    words = set(re.findall(r"[a-z]+", position.source.text.lower()))
    return bool(words & load_words("source_nouns"))


def _position_score(position: Position, actor: Actor | None) -> float:
    score = actor.salience if actor else 0.2
    if actor and actor.kind == "person":
        score += 0.5
    if position.direct:
        score += 0.3
    if position.cue.text.lower() in REPORTING_CUES:
        score -= 1.0
    return score


def describe_actor(actor: Actor) -> str:
    role = f", {actor.title}" if actor.title else ""
    return f"{actor.name} ({actor.kind}{role})"


def describe_position(position: Position) -> str:
    return f"{holder_and_cue(position)}: {position_content(position)}"


def holder_and_cue(position: Position) -> str:
    """'Tom Reed (said)'; just 'Tom Reed' for a quotation with no cue word, whose speaker
    the article names in an earlier sentence (the cue is then an empty span)."""
    holder = position_holder(position)
    return f"{holder} ({position.cue.text})" if position.cue.text else holder


def position_content(position: Position) -> str:
    """What was said, shortened; a direct quote in quotation marks."""
    content = shorten(position.content.text, STANCE_CHARS)
    if position.direct and not content.startswith(("\"", "“")):
        content = f"“{content}”"
    return content


def position_holder(position: Position) -> str:
    """The actor's name, with the source as written when it says more ("a Ukrainian official")."""
    source = position.source.text.strip().rstrip(",.")
    if position.actor is None:
        return source
    names = set(re.findall(r"\w+", position.actor.lower()))
    if source.lower() in PRONOUNS or names & set(re.findall(r"\w+", source.lower())):
        return position.actor
    return f"{source} ({position.actor})"


def describe_dispute(dispute: Dispute) -> str:
    disputants = ", ".join(dispute.disputants)
    verb = "disputes" if len(dispute.disputants) == 1 else "dispute"
    line = f"{disputants} {verb} “{shorten(dispute.claim, CLAIM_CHARS)}”"
    if dispute.claimants:
        line += f" (claimed by {', '.join(dispute.claimants)})"
    return line


def describe_actors(actors: Iterable[Actor]) -> str:
    """Actors on one line: "Joe Biden (President); Russia; ..."."""
    return "; ".join(f"{a.name} ({a.title})" if a.title else a.name for a in actors)


def render_text(brief: Brief) -> str:
    lines = brief_lines(brief)
    out = [lines.title]
    if lines.byline:
        out.append(lines.byline)
    out += [f"  • {s}" for s in lines.summary]
    if lines.who:
        out.append(f"Who: {describe_actors(key_actors(brief.actors))}")
    out += _section("Positions", lines.positions)
    out += _section("Disputed", lines.disputed)
    return "\n".join(out)


def render_markdown(brief: Brief) -> str:
    lines = brief_lines(brief)
    url = brief.article.url
    out = [f"**[{lines.title}]({url})**" if url else f"**{lines.title}**"]
    if lines.byline:
        out.append(f"_{lines.byline}_")
    out += [f"- {s}" for s in lines.summary]
    for heading, items in (("Who", lines.who), ("Positions", lines.positions),
                           ("Disputed", lines.disputed)):
        if items:
            out.append(f"**{heading}**")
            out += [f"- {item}" for item in items]
    return "\n".join(out)


def render_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False)


def _section(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"{heading}:"] + [f"  • {item}" for item in items]


def _padded(brief: Brief) -> list[str | None]:
    referents = list(brief.summary_referents)
    return referents + [None] * (len(brief.summary) - len(referents))


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
