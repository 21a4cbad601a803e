"""Store and conversation at scale: ingest, `/brief <topic>` and free follow-up latency.

Loads the bbc-summary articles and the PolNeAR train articles (about 2,000) into a fresh
SQLite store through the real Store, then times topic briefs and free questions through
the real Conversation. Then the same set is loaded 9 more times under distinct URLs (about
20,000 articles) and timed again: the indexes, not a scan, must carry the growth.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from tqdm import tqdm

from bench.common import print_table, require_eval
from bot.bootstrap import Services, bootstrap, build_conversation
from bot.briefing.engine import build_brief
from bot.briefing.model import Article, Brief
from bot.messages import Event
from bot.settings import Settings
from handlers import Conversation

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TOPICS = [
    "economy", "election", "trump", "clinton", "football", "film", "music", "oil prices",
    "china", "tax", "immigration", "email", "debate", "mobile phones", "broadband",
    "chelsea", "oscar", "stock market", "interest rates", "iraq", "labour", "tory",
    "blair", "brown", "games", "internet", "security", "virus", "tennis", "rugby",
    "airline", "jobs", "inflation", "bank", "health", "police", "court", "campaign",
    "polls", "energy",
]
QUESTIONS = [
    "what did the chancellor say about growth", "why did oil prices rise",
    "who won the match", "what happened to the shares", "did the court rule on the case",
    "what do voters think about the debate", "when will the film be released",
    "how many jobs were lost", "who criticised the campaign", "what is the new tax plan",
    "why are interest rates going up", "what did clinton say about emails",
    "who is leading in the polls", "what did trump say about immigration",
    "how fast is the broadband", "what virus hit computers",
    "which airline cut flights", "what did the police say", "who will the team sign",
    "what are analysts expecting",
]


def load_articles() -> list[Article]:
    articles = []
    bbc = require_eval("bbc-summary") / "articles"
    for path in sorted(bbc.glob("*/*.txt")):
        title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        articles.append(Article(title.strip(), body.strip(),
                                url=f"https://bbc.example/{path.parent.name}/{path.stem}",
                                source="bbc.example"))
    polnear = require_eval("polnear") / "train" / "text"
    for path in sorted(polnear.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        articles.append(Article(title.strip(), body.strip(),
                                url=f"https://polnear.example/{path.stem}",
                                source=path.stem.split("_")[0]))
    return articles


def ingest(services: Services, pairs: list[tuple[Article, Brief]], copy: int) -> float:
    """Save and share every article; returns articles per second."""
    store = services.store
    started = time.perf_counter()
    label = "ingest" if copy == 0 else f"ingest copy {copy}"
    for index, (article, brief) in enumerate(tqdm(pairs, desc=label, file=sys.stderr,
                                                  mininterval=2.0)):
        if copy:  # distinct URL and text, so neither dedupe key collapses the copies
            article = replace(article, url=f"{article.url}?copy={copy}",
                              text=f"{article.text}\n(copy {copy})")
            brief = replace(brief, article=article)
        stored = store.save_article(article, brief, article.url or "")
        store.record_share(stored.id, "bench", "team", "news", "loader",
                           f"{copy}:{index}", shared_at=NOW)
    return len(pairs) / (time.perf_counter() - started)


def answered(replies: list) -> bool:
    """A reply with material, not "nothing stored" or "nothing answers that"."""
    return any((r.kind in {"topic", "answer"} and r.title is None) or (
        r.title and not r.title.startswith(("Nothing stored", "The stored articles", "I couldn"))
        and r.sections) for r in replies)


def latencies(conversation: Conversation, texts: list[str], kind: str
              ) -> tuple[list[float], int]:
    timings, useful = [], 0
    for number, text in enumerate(texts):
        event = Event(platform="bench", workspace="team", channel="news", user="reader",
                      text=text, kind=kind, message_id=f"q{number}")  # type: ignore[arg-type]
        started = time.perf_counter()
        replies = conversation.route(event)
        timings.append((time.perf_counter() - started) * 1000)
        useful += answered(replies)
    return timings, useful


def measure(conversation: Conversation, count: int) -> list[list[object]]:
    conversation.route(Event("bench", "team", "news", "reader", "warm up", "command"))
    rows = []
    for name, texts, kind in (("/brief <topic>", TOPICS, "command"),
                              ("free follow-up", QUESTIONS, "mention")):
        timings, useful = latencies(conversation, texts, kind)
        rows.append([name, count, len(timings), useful, statistics.median(timings),
                     statistics.quantiles(timings, n=20)[18], max(timings)])
    return rows


def main() -> None:
    articles = load_articles()
    started = time.perf_counter()
    pairs = [(a, build_brief(a)) for a in tqdm(articles, desc="brief", file=sys.stderr,
                                               mininterval=2.0)]
    brief_rate = len(pairs) / (time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{Path(folder) / 'bench.db'}",
                            log_level="WARNING")
        services = bootstrap(settings, clock=lambda: NOW)
        conversation = build_conversation(services)
        rate = ingest(services, pairs, copy=0)
        rows = measure(conversation, len(pairs))
        copy_rates = [ingest(services, pairs, copy) for copy in range(1, 10)]
        rows += measure(conversation, len(pairs) * 10)
        services.close()
    print(f"{len(pairs)} articles; briefing {brief_rate:.0f} articles/s; store ingest "
          f"{rate:.0f} articles/s (first load), {statistics.median(copy_rates):.0f} articles/s "
          "(median of the 9 copies)")
    headers = ["request", "articles", "requests", "answered", "median ms", "p95 ms", "max ms"]
    print_table(headers, rows)
    print("targets: topic brief p95 <= 300 ms, follow-up p95 <= 100 ms (at about 2,000)")


if __name__ == "__main__":
    main()
