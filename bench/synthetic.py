"""Synthetic stored articles, inserted cheaply for the scale benchmarks.

The archive grows with time and the window does not: articles arrive at a constant rate
(`PER_DAY`), so a 7-day window holds about the same number of articles at 2,000 stored
articles as at 100,000. Texts are Zipf-distributed words from a fixed vocabulary with a
few topic words mixed in, so full-text queries match a realistic share of the archive.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bot.briefing.model import Article, Brief
from bot.store import Store
from bot.store.articles import stored_brief

PER_DAY = 300
WORDS_PER_ARTICLE = 160
TOPICS = ["ukraine", "energy", "election", "inflation", "climate", "strike", "court",
          "vaccine", "border", "budget", "football", "tariff", "drought", "police", "bank",
          "housing", "rail", "oil", "china", "nato"]
WORKSPACE = "T-bench"
CHANNELS = ["C1", "C2", "C3"]
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def _vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)]


def _rows(count: int, seed: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    articles, shares = [], []
    for index in range(count):
        topic = rng.choice(TOPICS)
        words = rng.choices(vocabulary, weights, k=WORDS_PER_ARTICLE)
        for _ in range(4):
            words.insert(rng.randrange(len(words)), rng.choice([topic, *rng.sample(TOPICS, 2)]))
        body = " ".join(words)
        title = f"{topic.title()} {' '.join(rng.sample(vocabulary[:300], 5))}"
        article = Article(title=title, text=body, url=f"https://news.example/{seed}/{index}")
        shared_at = NOW - timedelta(days=(count - 1 - index) / PER_DAY,
                                    seconds=rng.randrange(60))
        articles.append({"id": index + 1, "canonical_url": article.url,
                         "content_hash": f"{seed}-{index}", "title": title, "source": "bench",
                         "published": shared_at.date(), "text": body,
                         "brief": json.dumps(stored_brief(Brief(article), body)),
                         "created_at": shared_at.replace(tzinfo=None)})
        shares.append({"article_id": index + 1, "platform": "slack", "workspace": WORKSPACE,
                       "channel": rng.choice(CHANNELS), "user_id": "U1",
                       "message_id": f"m{index}", "shared_at": shared_at.replace(tzinfo=None)})
    return articles, shares


def fill(store: Store, count: int, seed: int = 15, batch: int = 5000) -> None:
    """`count` articles, each shared once, the newest at `NOW`."""
    articles, shares = _rows(count, seed)
    insert_article = text(
        "INSERT INTO articles (id, canonical_url, content_hash, title, source, published, "
        "text, brief, created_at) VALUES (:id, :canonical_url, :content_hash, :title, "
        ":source, :published, :text, :brief, :created_at)")
    insert_share = text(
        "INSERT INTO shares (article_id, platform, workspace, channel, user_id, message_id, "
        "shared_at) VALUES (:article_id, :platform, :workspace, :channel, :user_id, "
        ":message_id, :shared_at)")
    with store._engine.begin() as connection:
        for start in range(0, count, batch):
            connection.execute(insert_article, articles[start:start + batch])
            connection.execute(insert_share, shares[start:start + batch])
