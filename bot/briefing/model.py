"""Frozen data types of the engine and their JSON form (see docs/brief-json.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of `Article.text`, with character offsets so that every line is traceable."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    text: str
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD, when known
    source: str | None = None  # the site or outlet name

    def span(self, start: int, end: int) -> Span:
        return Span(self.text[start:end], start, end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "source": self.source,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical name, e.g. "Joe Biden", "United States"
    kind: str  # person | organization | place | group
    title: str | None = None  # role the article gives, e.g. "Ukrainian President"
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    salience: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "title": self.title,
            "aliases": list(self.aliases),
            "mentions": self.mentions,
            "salience": round(self.salience, 4),
        }


@dataclass(frozen=True, slots=True)
class Position:
    """Who said or holds what: an attribution, resolved to an actor when possible."""

    actor: str | None
    source: Span
    cue: Span
    content: Span
    direct: bool
    mode: str = "speech"  # speech (said, told, wrote) | belief (believes, wants, plans)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "source": self.source.to_dict(),
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "direct": self.direct,
            "mode": self.mode,
        }


@dataclass(frozen=True, slots=True)
class Dispute:
    claim: str
    claimants: tuple[str, ...]
    disputants: tuple[str, ...]
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "claimants": list(self.claimants),
            "disputants": list(self.disputants),
            "evidence": [{"start": s.start, "end": s.end} for s in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Brief:
    article: Article
    summary: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    positions: tuple[Position, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    # Parallel to `summary`: the referent shown before a sentence that opens with a pronoun.
    summary_referents: tuple[str | None, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "summary": [
                {**s.to_dict(), "referent": self._referent(i)}
                for i, s in enumerate(self.summary)
            ],
            "actors": [a.to_dict() for a in self.actors],
            "positions": [p.to_dict() for p in self.positions],
            "disputes": [d.to_dict() for d in self.disputes],
        }

    def _referent(self, index: int) -> str | None:
        if index < len(self.summary_referents):
            return self.summary_referents[index]
        return None


def span_from_dict(data: dict[str, Any], text: str | None = None) -> Span:
    """Rebuild a `Span`; with `text` given, the span text is re-sliced from it."""
    start, end = int(data["start"]), int(data["end"])
    return Span(text[start:end] if text is not None else data.get("text", ""), start, end)


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """Inverse of `Brief.to_dict`, for briefs read back from the store."""
    a = data["article"]
    article = Article(
        title=a["title"], text=a["text"], url=a.get("url"),
        published=a.get("published"), source=a.get("source"),
    )
    summary = tuple(span_from_dict(s) for s in data.get("summary", []))
    referents = tuple(s.get("referent") for s in data.get("summary", []))
    actors = tuple(
        Actor(
            name=x["name"], kind=x["kind"], title=x.get("title"),
            aliases=tuple(x.get("aliases", ())), mentions=int(x.get("mentions", 0)),
            salience=float(x.get("salience", 0.0)),
        )
        for x in data.get("actors", [])
    )
    positions = tuple(
        Position(
            actor=p.get("actor"), source=span_from_dict(p["source"]),
            cue=span_from_dict(p["cue"]), content=span_from_dict(p["content"]),
            direct=bool(p["direct"]), mode=p.get("mode", "speech"),
        )
        for p in data.get("positions", [])
    )
    disputes = tuple(
        Dispute(
            claim=d["claim"], claimants=tuple(d.get("claimants", ())),
            disputants=tuple(d.get("disputants", ())),
            evidence=tuple(span_from_dict(e, article.text) for e in d.get("evidence", [])),
        )
        for d in data.get("disputes", [])
    )
    return Brief(article, summary, actors, positions, disputes, referents)
