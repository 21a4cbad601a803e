"""Follow-up answering on SQuAD v1.1 (dev half): does the sentence shown contain an answer?

Every Wikipedia article's paragraphs are grouped into documents of consecutive paragraphs,
which go through the real Conversation (briefed, stored, shared in a channel). Each
question is then asked twice through `Conversation.route`: as a reply in the document's
thread, and as a mention in the channel (whole store). The first answer line (hit@1) or
any of the first three (hit@3) must contain a gold answer; "nothing" counts replies
without an answer line. The baseline is plain BM25 (SQLite FTS5 bm25, porter stemming,
the question's words minus stop words) over the same sentences, in the same run: over the
document's sentences for the thread, over every stored sentence for the channel. Titles
with an even index were used to tune the weights; odd ones were not.

    python -m bench followups [--limit N]   (N questions, evenly spread, for iteration)
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.common import print_table, require_eval
from bot.bootstrap import bootstrap, build_conversation
from bot.briefing.model import Article
from bot.briefing.text.sentences import split_sentences
from bot.messages import Event, Reply
from bot.settings import Settings
from handlers.retrieval import query_terms

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
PARAGRAPHS_PER_DOCUMENT = 4


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[str, ...]
    document: int
    half: str  # "tune" (even title index) or "check"


@dataclass
class Tally:
    hit1: int = 0
    hit3: int = 0
    nothing: int = 0
    count: int = 0
    millis: list[float] = field(default_factory=list)

    def add(self, shown: list[str], answers: tuple[str, ...]) -> None:
        self.count += 1
        found = [any(a in line for a in answers) for line in shown]
        self.hit1 += bool(found[:1] and found[0])
        self.hit3 += any(found[:3])
        self.nothing += not shown

    def row(self, name: str, half: str) -> list[object]:
        n = max(self.count, 1)
        p95 = statistics.quantiles(self.millis, n=20)[18] if len(self.millis) > 1 else 0.0
        return [name, half, self.count, self.hit1 / n, self.hit3 / n, self.nothing / n,
                statistics.median(self.millis) if self.millis else 0.0, p95]


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def load(path: Path) -> tuple[list[Article], list[Question]]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    articles: list[Article] = []
    questions: list[Question] = []
    for title_index, entry in enumerate(data):
        paragraphs = entry["paragraphs"]
        for first in range(0, len(paragraphs), PARAGRAPHS_PER_DOCUMENT):
            group = paragraphs[first:first + PARAGRAPHS_PER_DOCUMENT]
            number = len(articles)
            slug = entry["title"]
            articles.append(Article(
                title=slug.replace("_", " "), text="\n".join(p["context"] for p in group),
                url=f"https://wiki.example/{slug}/{first // PARAGRAPHS_PER_DOCUMENT}",
                source="wiki.example"))
            for paragraph in group:
                for qa in paragraph["qas"]:
                    answers = tuple(dict.fromkeys(normalise(a["text"]) for a in qa["answers"]))
                    questions.append(Question(qa["question"].strip(), answers, number,
                                              "tune" if title_index % 2 == 0 else "check"))
    return articles, questions


def shown_answers(replies: list[Reply]) -> list[str]:
    """The answer lines' quoted text, without the citation (a title may hold the answer)."""
    lines = []
    for reply in replies:
        if reply.kind != "answer" or reply.title is not None:
            continue
        for section in reply.sections:
            lines += [normalise(str(line).rpartition(" — ")[0] or str(line))
                      for line in section.bullets]
    return lines


class Baseline:
    """Plain BM25 over every stored sentence: one FTS5 table, the same tokenizer."""

    def __init__(self, articles: list[Article]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE s USING fts5(text, doc UNINDEXED, "
                        "tokenize='porter unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO s(text, doc) VALUES (?, ?)", (
            (span.text, number) for number, article in enumerate(articles)
            for span in split_sentences(article.text)))

    def rank(self, question: str, document: int | None) -> list[str]:
        terms = query_terms(question)
        if not terms:
            return []
        match = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
        where = "" if document is None else " AND doc = :doc"
        rows = self.db.execute(f"SELECT text FROM s WHERE s MATCH :m{where} ORDER BY bm25(s) "
                               "LIMIT 3", {"m": match, "doc": document})
        return [normalise(text) for (text,) in rows]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench followups")
    parser.add_argument("--limit", type=int, default=0, help="ask only N questions (spread)")
    options = parser.parse_args(argv or [])
    articles, questions = load(require_eval("squad-dev-half") / "squad-v1.1-dev-half.json")
    if options.limit and options.limit < len(questions):
        step = len(questions) / options.limit
        questions = [questions[int(i * step)] for i in range(options.limit)]
    baseline = Baseline(articles)
    tallies: dict[tuple[str, str], Tally] = {}
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{Path(folder) / 'bench.db'}",
                            log_level="WARNING")
        services = bootstrap(settings, clock=lambda: NOW)
        conversation = build_conversation(services)
        started = time.perf_counter()
        for number, article in enumerate(articles):
            conversation.share_article(Event("bench", "team", "library", "loader", article.url
                                             or "", "message", f"doc{number}"), article)
        print(f"{len(articles)} documents of {PARAGRAPHS_PER_DOCUMENT} paragraphs stored in "
              f"{time.perf_counter() - started:.1f} s; {len(questions)} questions")
        for number, question in enumerate(questions):
            halves = ("all", question.half)
            kinds = ["all", "who"] if question.text.lower().startswith("who") else ["all"]
            for name, event in (
                ("thread", Event("bench", "team", "library", "reader", question.text,
                                 "message", f"t{number}", thread=f"doc{question.document}")),
                ("channel", Event("bench", "team", "library", "reader", question.text,
                                  "mention", f"c{number}")),
            ):
                began = time.perf_counter()
                shown = shown_answers(conversation.route(event))
                elapsed = (time.perf_counter() - began) * 1000
                plain = baseline.rank(question.text,
                                      question.document if name == "thread" else None)
                for half in halves:
                    for kind in kinds:
                        label = name if kind == "all" else f"{name} (who)"
                        ours = tallies.setdefault((f"ours: {label}", half), Tally())
                        ours.add(shown, question.answers)
                        ours.millis.append(elapsed)
                        tallies.setdefault((f"BM25: {label}", half), Tally()).add(
                            plain, question.answers)
        services.close()
    order = ["all", "tune", "check"]
    rows = [tally.row(name, half) for (name, half), tally in
            sorted(tallies.items(), key=lambda kv: (kv[0][0].split(": ")[1], order.index(
                kv[0][1]), kv[0][0]))]
    print_table(["system: asked as", "titles", "questions", "hit@1", "hit@3", "nothing",
                 "median ms", "p95 ms"], rows)
    print("targets: thread hit@1 >= 0.82, channel hit@1 >= 0.72, nothing <= 0.02")


if __name__ == "__main__":
    main()
