"""Follow-up questions, answered only with sentences and positions from stored articles.

Rules decide the intent; nothing is generated. Every answer line quotes a stored sentence or
position and names the article it comes from.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.briefing.model import Actor, Brief, Position
from bot.briefing.summary.summarize import rank_sentences
from bot.briefing.text.keywords import content_words
from bot.briefing.text.sentences import split_sentences
from bot.formats import describe_dispute, is_presentable, position_holder, shorten
from handlers.events import Reply, Section
from handlers.replies import FOLLOW_UP_HINTS

_INTENTS: list[tuple[str, re.Pattern[str]]] = [
    ("disputed", re.compile(
        r"^(?:who|which\s+\w+)\s+(?:disagrees?|disputes?|objects?|contests?|denies|opposes?)"
        r"(?:\s+(?:with|to)\s+(?P<name>.+?))?$|^what(?:'s|’s|\s+is|\s+are|\s+was)\s+"
        r"(?:disputed|contested|in\s+dispute|the\s+disputes?)$|^(?:disputes?|disagreements?)$")),
    ("said", re.compile(
        r"^what\s+(?:did|does|do|has|have|had)\s+(?P<name>.+?)\s+(?:say|said|think|thinks|"
        r"believe|claim|want|tweet|argue)(?:\s+.*)?$|^what\s+(?:is|was)\s+(?P<name2>.+?)['’]s?"
        r"\s+(?:position|stance|view|take)$")),
    ("who", re.compile(r"^who(?:'s|’s|\s+is|\s+was|\s+are)\s+(?P<name>.+)$")),
    ("more", re.compile(r"^(?:why|more|details?|more\s+details?|tell\s+me\s+more|go\s+on|"
                        r"explain|what\s+else|(?:and\s+)?why\s+(?:is\s+that|so))$")),
    ("sources", re.compile(r"^(?:sources?|links?|quotes?|citations?|"
                           r"(?:show|give|list)(?:\s+me)?\s+(?:the\s+)?(?:sources?|quotes?))$")),
]
MAX_LINES = 5


@dataclass(frozen=True, slots=True)
class Intent:
    name: str  # disputed | said | who | more | sources | question | unknown
    subject: str | None = None
    wants_quotes: bool = False


def detect_intent(text: str) -> Intent:
    """Map a question to an intent by rules, e.g. "what did Zelensky say?" -> said(Zelensky)."""
    cleaned = " ".join(re.sub(r"[?!.]+$", "", text.strip()).split()).lower()
    for name, pattern in _INTENTS:
        match = pattern.match(cleaned)
        if match:
            groups = {k: v for k, v in match.groupdict().items() if v}
            subject = groups.get("name") or groups.get("name2")
            return Intent(name, _strip_articles(subject), wants_quotes=cleaned.startswith("quote"))
    if _content_words(cleaned):
        return Intent("question", cleaned)
    return Intent("unknown")


def answer(intent: Intent, briefs: Sequence[Brief], thread: str | None) -> Reply:
    """Answer from the given briefs only; say so when they hold nothing that fits."""
    lines: list[str] = []
    if intent.name == "who":
        lines = _who_is(intent.subject or "", briefs)
    elif intent.name == "said":
        lines = _what_said(intent.subject or "", briefs)
    elif intent.name == "disputed":
        lines = _disputed(intent.subject, briefs)
    elif intent.name == "more":
        lines = _more(briefs)
    elif intent.name == "sources":
        lines = _sources(briefs, quotes_only=intent.wants_quotes)
    elif intent.name == "question":
        lines = _retrieve(intent.subject or "", briefs)
    if not lines:
        return _cannot_answer(intent, thread)
    return Reply(kind="answer", sections=(Section(None, tuple(lines[:MAX_LINES])),),
                 thread=thread)


def _cannot_answer(intent: Intent, thread: str | None) -> Reply:
    if intent.name == "unknown":
        title = "I couldn't tell what you're asking."
    elif intent.subject and intent.name in {"who", "said", "disputed"}:
        title = f"The stored articles say nothing about {intent.subject} that fits."
    else:
        title = "The stored articles hold nothing that answers that."
    return Reply(kind="answer", title=title,
                 sections=(Section("You can ask", FOLLOW_UP_HINTS),), thread=thread)


# --- intents ----------------------------------------------------------------------------------

def _who_is(name: str, briefs: Sequence[Brief]) -> list[str]:
    lines = []
    for brief in briefs:
        actor = _find_actor(name, brief.actors)
        if actor is None:
            continue
        role = f", {actor.title}" if actor.title else ""
        lines.append(f"{actor.name} ({actor.kind}{role}), named {actor.mentions} time"
                     f"{'s' if actor.mentions != 1 else ''} in {_cite(brief)}")
        keys = [actor.name, *actor.aliases]
        for sentence in split_sentences(brief.article.text):
            if any(key in sentence.text for key in keys):
                lines.append(f"“{shorten(sentence.text, 240)}”")
                break
    return lines


def _what_said(name: str, briefs: Sequence[Brief]) -> list[str]:
    lines = []
    for brief in briefs:
        actor = _find_actor(name, brief.actors)
        if actor is None:
            continue
        for position in brief.positions:
            if position.actor == actor.name:
                lines.append(_position_line(position, brief))
    return lines


def _disputed(name: str | None, briefs: Sequence[Brief]) -> list[str]:
    lines = []
    for brief in briefs:
        actor = _find_actor(name, brief.actors) if name else None
        if name and actor is None:
            continue
        for dispute in brief.disputes:
            if actor is None or actor.name in dispute.claimants + dispute.disputants:
                lines.append(f"{describe_dispute(dispute)} — {_cite(brief)}")
    return lines


def _more(briefs: Sequence[Brief]) -> list[str]:
    lines = []
    for brief in briefs[:2]:
        sentences = split_sentences(brief.article.text)
        shown = {s.start for s in brief.summary}
        ranked = [i for i in rank_sentences(sentences) if sentences[i].start not in shown]
        for index in sorted(ranked[:3]):
            lines.append(f"“{sentences[index].text}” — {_cite(brief)}")
    return lines


def _sources(briefs: Sequence[Brief], quotes_only: bool) -> list[str]:
    lines = []
    for brief in briefs:
        if not quotes_only:
            lines.append(_cite(brief))
        lines.extend(_position_line(p, brief) for p in brief.positions
                     if p.direct and is_presentable(p))
    return lines


def _retrieve(question: str, briefs: Sequence[Brief]) -> list[str]:
    """The sentences sharing the most (rarest) words with the question, with citations."""
    wanted = _content_words(question)
    if not wanted:
        return []
    candidates = [(s, b) for b in briefs for s in split_sentences(b.article.text)]
    document_freq: Counter[str] = Counter()
    sentence_words = []
    for sentence, _ in candidates:
        words = _content_words(sentence.text)
        sentence_words.append(words)
        document_freq.update(words & wanted)
    scored = []
    for (sentence, brief), words in zip(candidates, sentence_words, strict=True):
        score = sum(math.log(1 + len(candidates) / document_freq[w]) for w in words & wanted)
        if score > 0:
            scored.append((score, sentence.start, sentence.text, brief))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [f"“{shorten(text, 280)}” — {_cite(brief)}" for _, _, text, brief in scored[:3]]


# --- helpers ---------------------------------------------------------------------------------

def _find_actor(name: str, actors: Sequence[Actor]) -> Actor | None:
    wanted = set(re.findall(r"\w+", name.lower()))
    if not wanted:
        return None
    for actor in actors:
        forms = [actor.name, *actor.aliases]
        if any(wanted <= set(re.findall(r"\w+", form.lower())) for form in forms):
            return actor
    return None


def _position_line(position: Position, brief: Brief) -> str:
    content = shorten(position.content.text, 240)
    if position.direct:
        content = f"“{content}”"
    return f"{position_holder(position)} ({position.cue.text}): {content} — {_cite(brief)}"


def _cite(brief: Brief) -> str:
    """A short citation: the headline, cut, and the link."""
    article = brief.article
    title = shorten(article.title, 70)
    return f"{title} <{article.url}>" if article.url else title


def _content_words(text: str) -> frozenset[str]:
    return content_words(text, stem=None)


def question_keywords(text: str) -> set[str]:
    """The words of a question worth searching for ("why did oil prices rise" -> oil, prices,
    rise), so that full-text search is not asked to match "why" and "did"."""
    return _content_words(text)


def _strip_articles(subject: str | None) -> str | None:
    if subject is None:
        return None
    return re.sub(r"^(?:the|a|an|mr|mrs|ms|dr|president)\.?\s+", "", subject.strip()) or None
