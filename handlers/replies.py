"""Build neutral replies: a brief, help, and short notices."""

from __future__ import annotations

from bot.briefing.model import Brief, Position
from bot.formats import brief_lines, key_actors, key_positions, position_content, position_holder
from bot.messages import Quote, Reply, Section

HELP_TEXT = (
    ("Paste a link", "I reply in a thread with a brief: summary, who, positions, disputes."),
    ("/brief ukraine", "a brief across the articles stored here in the last 7 days"),
    ("/brief ukraine --days 30", "the same over a longer window"),
    ("/brief https://…", "brief one link on demand"),
    ("/brief watch on | off", "turn link watching in this channel on or off"),
    ("/brief digest on 08:30 Europe/Berlin", "a daily digest here (off · now · topics a, b)"),
    ("In a brief's thread", "ask: who is X · what did X say · who disagrees · more · sources"),
)
FOLLOW_UP_HINTS = (
    "who is <name>", "what did <name> say", "who disagrees with <name>", "what's disputed",
    "more (the next most informative sentences)", "sources", "quotes",
    "or any question: I answer with sentences from stored articles",
)


def brief_reply(brief: Brief, *, thread: str | None, note: str | None = None,
                share_id: int | None = None) -> Reply:
    lines = brief_lines(brief)
    context = " · ".join(x for x in (brief.article.source, brief.article.published, note) if x)
    sections = [Section(None, tuple(lines.summary))]
    quotes = tuple(position_quote(p) for p in key_positions(brief))
    if quotes:
        sections.append(Section("Positions", quotes))
    if lines.disputed:
        sections.append(Section("Disputed", tuple(lines.disputed)))
    fields = tuple((a.name, a.title or a.kind) for a in key_actors(brief.actors))
    return Reply(
        kind="brief", title=lines.title, url=brief.article.url, context=context or None,
        sections=tuple(sections), fields=fields, thread=thread, share_id=share_id,
    )


def position_quote(position: Position, citation: str | None = None) -> Quote:
    return Quote(position_holder(position), position.cue.text, position_content(position),
                 citation)


def help_reply(thread: str | None = None) -> Reply:
    return Reply(
        kind="help", title="What I can do",
        sections=(Section(None, tuple(f"{what}: {how}" for what, how in HELP_TEXT)),),
        thread=thread, ephemeral=True,
    )


def notice(text: str, *, thread: str | None = None, ephemeral: bool = True,
           kind: str = "notice") -> Reply:
    return Reply(kind=kind, title=text, thread=thread, ephemeral=ephemeral)  # type: ignore[arg-type]


def error_reply(text: str, *, thread: str | None = None, ephemeral: bool = False) -> Reply:
    return Reply(kind="error", title=text, thread=thread, ephemeral=ephemeral)
