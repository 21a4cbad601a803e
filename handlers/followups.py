"""Follow-up questions, answered only with sentences and positions from stored articles.

Rules decide the intent; nothing is generated. A specific intent that finds nothing (an
unknown "who", a speaker without extracted positions) falls back to sentence retrieval, so
a question gets "nothing found" only when no stored sentence shares its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.briefing.model import Brief
from bot.briefing.text.keywords import content_words
from bot.formats import describe_dispute
from bot.messages import Reply, Section
from handlers.answers import (
    cite,
    find_actor,
    more_lines,
    resolve_pronoun,
    said_lines,
    source_lines,
    who_lines,
)
from handlers.replies import FOLLOW_UP_HINTS
from handlers.retrieval import answer_window, rank_answers

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
                        r"explain|what\s+else|next|(?:and\s+)?why\s+(?:is\s+that|so))$")),
    ("sources", re.compile(r"^(?:sources?|links?|quotes?|citations?|outlets?|"
                           r"(?:show|give|list)(?:\s+me)?\s+(?:the\s+)?(?:sources?|quotes?))$")),
]
MAX_LINES = 5
ANSWERS_SHOWN = 3
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Intent:
    name: str  # disputed | said | who | more | sources | question | unknown
    subject: str | None = None
    wants_quotes: bool = False
    text: str = ""  # the question as asked, for retrieval


@dataclass(frozen=True)
class Context:
    """What a follow-up may draw on. `briefs`: the thread's article, or recent ones here;
    `search(question)`: candidate articles with weights, for sentence retrieval;
    `page()`: which `more` this is in the thread (0 first), counted in the database."""

    briefs: Sequence[Brief]
    search: Callable[[str], list[tuple[Brief, float]]]
    thread: str | None = None
    page: Callable[[], int] = field(default=lambda: 0)


def detect_intent(text: str) -> Intent:
    """Map a question to an intent by rules, e.g. "what did Zelensky say?" -> said(Zelensky)."""
    cleaned = " ".join(re.sub(r"[?!.]+$", "", text.strip()).split())
    lowered = cleaned.lower()
    for name, pattern in _INTENTS:
        match = pattern.match(lowered)
        if match:
            groups = {k: v for k, v in match.groupdict().items() if v}
            subject = groups.get("name") or groups.get("name2")
            return Intent(name, _strip_articles(subject), lowered.startswith("quote"), cleaned)
    if content_words(lowered, stem=None):
        return Intent("question", lowered, text=cleaned)
    return Intent("unknown", text=cleaned)


def answer(intent: Intent, context: Context) -> Reply:
    """Answer from stored material only; say so when nothing fits."""
    briefs = context.briefs
    subject = resolve_pronoun(intent.subject, briefs) if intent.subject else None
    lines: list[str] = []
    if intent.name == "who":
        lines = who_lines(subject or "", briefs) or _retrieve(intent.text, context)
    elif intent.name == "said":
        lines = said_lines(subject or "", briefs) or _retrieve(
            intent.text, context, mentioning=_name_words(subject or "", briefs))
    elif intent.name == "disputed":
        lines = _disputed(subject, briefs)
    elif intent.name == "more":
        lines = more_lines(briefs, context.page())
        if not lines and briefs:
            lines = ["That is everything the stored article says."]
    elif intent.name == "sources":
        lines = source_lines(briefs, quotes_only=intent.wants_quotes)
    elif intent.name == "question":
        lines = _retrieve(_resolve_pronouns(intent.text, briefs), context)
    if not lines:
        return _cannot_answer(intent, context.thread)
    return Reply(kind="answer", sections=(Section(None, tuple(lines[:MAX_LINES])),),
                 thread=context.thread)


def _retrieve(question: str, context: Context, mentioning: Sequence[str] = ()) -> list[str]:
    hits = rank_answers(question, context.search(question), mentioning)
    return [f"“{answer_window(hit.text, question)}” — {cite(hit.brief)}"
            for hit in hits[:ANSWERS_SHOWN]]


def _disputed(name: str | None, briefs: Sequence[Brief]) -> list[str]:
    lines = []
    for brief in briefs:
        actor = find_actor(name, brief.actors) if name else None
        if name and actor is None:
            continue
        for dispute in brief.disputes:
            if actor is None or actor.name in dispute.claimants + dispute.disputants:
                lines.append(f"{describe_dispute(dispute)} — {cite(brief)}")
    if not lines and briefs:
        about = f" involving {name}" if name else ""
        where = cite(briefs[0]) if len(briefs) == 1 else "the stored articles"
        lines = [f"No disputes{about} found in {where}."]
    return lines


def _cannot_answer(intent: Intent, thread: str | None) -> Reply:
    if intent.name == "unknown":
        title = "I couldn't tell what you're asking."
    elif intent.subject and intent.name in {"who", "said", "disputed"}:
        title = f"The stored articles say nothing about {intent.subject} that fits."
    else:
        title = "The stored articles hold nothing that answers that."
    return Reply(kind="answer", title=title,
                 sections=(Section("You can ask", FOLLOW_UP_HINTS),), thread=thread)


def _name_words(name: str, briefs: Sequence[Brief]) -> list[str]:
    """Words that name X in a sentence: X's own, plus its actor's names when known."""
    words = re.findall(r"\w+", name)
    for brief in briefs:
        actor = find_actor(name, brief.actors)
        if actor is not None:
            words += [w for form in (actor.name, *actor.aliases) for w in re.findall(r"\w+", form)]
    return list(dict.fromkeys(w for w in words if len(w) > 1))


def _resolve_pronouns(question: str, briefs: Sequence[Brief]) -> str:
    """"when was he born" in a thread about Tesla asks about Tesla: add the name."""
    match = _PRONOUN.search(question)
    if match is None:
        return question
    name = resolve_pronoun(match.group().lower(), briefs)
    return question if name == match.group().lower() else f"{question} {name}"


def question_keywords(text: str) -> set[str]:
    """The words of a question worth searching for ("why did oil prices rise" -> oil, prices,
    rise), so that full-text search is not asked to match "why" and "did"."""
    return set(content_words(text, stem=None))


def _strip_articles(subject: str | None) -> str | None:
    if subject is None:
        return None
    return re.sub(r"^(?:the|a|an|mr|mrs|ms|dr|president)\.?\s+", "", subject.strip()) or None

