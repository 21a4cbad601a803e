"""Answer sentences for a question: BM25 over the candidate articles' sentences, then the
evidence BM25 cannot see (the kind of answer a wh-word asks for, neighbouring sentences, how
much an article is trusted to be about the question).

BM25 is SQLite FTS5's own (porter stemming), run on an in-memory table of the candidate
sentences: the ranking is the same whichever database holds the articles, and no sentence
is stored twice.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from bot.briefing.model import Brief
from bot.briefing.text.keywords import ENGLISH_STOP_WORDS
from bot.briefing.text.sentences import split_sentences

# Tuned on the even-numbered SQuAD titles only (bench/followups.py reports both halves).
TYPE_BONUS = 0.4  # the sentence holds the kind of thing asked for (a year, a number, a name)
NEIGHBOUR_SHARE = 0.15  # a sentence leaning on its neighbour ("It was ...") borrows its words
BIGRAM_BONUS = 0.2  # question words that stay side by side in the sentence
MAX_QUERY_WORDS = 32
_TOKEN = re.compile(r"\w+")
_FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december")
_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                 r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|"
                 r"billion|billions|dozen|dozens|half|third|quarter")
_ANSWER_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(r"^(?:when\b|(?:in|by|since|until)?\s*(?:what|which)\s+(?:year|years|"
                        r"date|day|month|century|decade|era|period|time)\b)")),
    ("number", re.compile(r"\bhow\s+(?:many|much|long|far|old|big|large|tall|high|often|fast|"
                          r"wide|deep|heavy)\b|\b(?:what|which)\s+(?:percentage|percent|number|"
                          r"amount|proportion|share|size|population)\b")),
    ("name", re.compile(r"^(?:who|whom|whose)\b|\b(?:who|whom|whose)\s+\w+")),
    ("place", re.compile(r"^where\b|\b(?:what|which)\s+(?:country|city|state|place|region|"
                         r"town|county|continent|island|river)\b")),
]
_COUNTED = re.compile(r"\bhow\s+many\s+(\w{3,})")
_EVIDENCE = {
    "date": re.compile(rf"\b(?:1\d{{3}}|20\d{{2}})s?\b|\b(?:{_MONTHS})\b|\bcentur(?:y|ies)\b",
                       re.IGNORECASE),
    "number": re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE),
    "name": re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z.]+)*"),
    "place": re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"),
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked answer sentence and the article it comes from."""

    text: str
    brief: Brief
    score: float
    start: int


def query_terms(question: str) -> list[str]:
    """The question's words that can match: no stop words ("what", "the"), at most 32."""
    terms = [w for w in (t.lower() for t in _TOKEN.findall(question))
             if w not in ENGLISH_STOP_WORDS and w.strip("_")]
    return list(dict.fromkeys(terms))[:MAX_QUERY_WORDS]


def answer_type(question: str) -> str | None:
    """What a question asks for: a date, a number, a name or a place (None: anything)."""
    lowered = " ".join(question.lower().split())
    for name, pattern in _ANSWER_TYPES:
        if pattern.search(lowered):
            return name
    return None


def bm25_scores(terms: Sequence[str], texts: Sequence[str]) -> dict[int, float]:
    """FTS5's bm25 of each text that matches any term (higher is better), by position."""
    if not terms or not texts:
        return {}
    expression = " OR ".join('"' + term.replace('"', "") + '"' for term in terms)
    with sqlite3.connect(":memory:") as connection:
        connection.execute(f"CREATE VIRTUAL TABLE s USING fts5(text, tokenize='{_FTS_TOKENIZER}')")
        connection.executemany("INSERT INTO s(rowid, text) VALUES (?, ?)", enumerate(texts))
        rows = connection.execute("SELECT rowid, -bm25(s) FROM s WHERE s MATCH ?", (expression,))
        scores = {int(row): float(score) for row, score in rows}
    connection.close()
    return scores


def rank_answers(question: str, candidates: Sequence[tuple[Brief, float]],
                 mentioning: Sequence[str] = ()) -> list[Hit]:
    """Sentences of the candidate articles, best first. Each article comes with a weight
    (the thread's own article, or how well the article matched), which scales its sentences;
    `mentioning` keeps only sentences that name one of those words ("what did X say")."""
    sentences: list[tuple[str, int, int]] = []  # text, start, candidate
    for number, (brief, _) in enumerate(candidates):
        for span in split_sentences(brief.article.text):
            sentences.append((span.text, span.start, number))
    terms = query_terms(question)
    texts = [text for text, *_ in sentences]
    scores = bm25_scores(terms, texts)
    if not scores:
        return []
    wanted = answer_type(question)
    counted = _COUNTED.search(question.lower())
    question_words = {w.lower() for w in _TOKEN.findall(question)}
    stems = [term[:6] for term in terms]
    hits = []
    for position, (text, start, number) in enumerate(sentences):
        score = scores.get(position, 0.0)
        for neighbour in (position - 1, position + 1):
            if 0 <= neighbour < len(sentences) and sentences[neighbour][2] == number:
                score += NEIGHBOUR_SHARE * scores.get(neighbour, 0.0)
        if score <= 0 or not _mentions(text, mentioning):
            continue
        if wanted and _has_evidence(wanted, text, question_words):
            score *= 1 + TYPE_BONUS
            if counted and _counts(counted, text):
                score *= 1 + TYPE_BONUS
        score *= 1 + BIGRAM_BONUS * _bigrams(stems, text)
        brief, weight = candidates[number]
        hits.append(Hit(text, brief, score * weight, start))
    hits.sort(key=lambda hit: -hit.score)
    return hits


def _mentions(text: str, names: Sequence[str]) -> bool:
    if not names:
        return True
    words = {w.lower() for w in _TOKEN.findall(text)}
    return any(name.lower() in words for name in names)


def _has_evidence(kind: str, text: str, question_words: set[str]) -> bool:
    """The sentence holds a token of the asked-for kind that the question does not."""
    for match in _EVIDENCE[kind].finditer(text):
        if any(w.lower() not in question_words for w in _TOKEN.findall(match.group())):
            return True
    return False


def _counts(counted: re.Match[str], text: str) -> bool:
    """A number within three words before the thing counted ("17 interceptions")."""
    noun = counted.group(1)[:5]
    words = _TOKEN.findall(text.lower())
    for index, word in enumerate(words):
        if word.startswith(noun) and any(_EVIDENCE["number"].search(w)
                                         for w in words[max(0, index - 3):index]):
            return True
    return False


def _bigrams(stems: Sequence[str], text: str) -> int:
    """How many adjacent question-word pairs also stand side by side in the sentence."""
    words = [w.lower()[:6] for w in _TOKEN.findall(text) if w.lower() not in ENGLISH_STOP_WORDS]
    pairs = set(pairwise(words))
    return sum(pair in pairs for pair in pairwise(stems))


MAX_ANSWER_CHARS = 400
_CLAUSE_END = re.compile(r"(?<=[,;:—–)])\s+")


def answer_window(text: str, question: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """The sentence whole; a very long one as the run of whole clauses around the words the
    question shares with it, marked with "…" where clauses were left out."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    clauses = _CLAUSE_END.split(text)
    stems = {term[:6] for term in query_terms(question)}
    matches = [sum(w.lower()[:6] in stems for w in _TOKEN.findall(c)) for c in clauses]
    best = max(range(len(clauses)), key=lambda i: (matches[i], -i))
    first = last = best
    length = len(clauses[best])
    while True:  # grow forward first: an answer tends to follow the words that ask for it
        grown = False
        for candidate in (last + 1, first - 1):
            if 0 <= candidate < len(clauses) and length + len(clauses[candidate]) + 1 <= limit:
                length += len(clauses[candidate]) + 1
                first, last = min(first, candidate), max(last, candidate)
                grown = True
                break
        if not grown:
            break
    shown = " ".join(clauses[first:last + 1])
    return ("… " if first > 0 else "") + shown + (" …" if last < len(clauses) - 1 else "")
