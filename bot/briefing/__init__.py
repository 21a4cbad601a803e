"""The pure briefing engine: article text in, `Brief` out. No I/O, no globals but word lists."""

from bot.briefing.model import Actor, Article, Brief, Dispute, Position, Span

__all__ = ["Actor", "Article", "Brief", "Dispute", "Position", "Span"]
