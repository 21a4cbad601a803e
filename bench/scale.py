"""Search latency as the archive grows, and database bytes per article.

Search: synthetic stored articles (`bench.synthetic`: 300 a day, so the 7-day window holds
about 2,100 whatever the archive) at 2,000, 20,000 and 100,000 articles on SQLite, through
the store's own calls for `/brief <topic>` (every word) and free follow-ups (any word);
"before" runs the previous query (rank every match in the archive, then filter) on the same
database. Bytes: 300 real BBC articles briefed and stored, measured after VACUUM at schema
0004 (a copy of the text in every brief) and at 0005, with the briefs compared for loss.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from sqlalchemy import bindparam, text

from bench.common import print_table
from bench.store import load_articles
from bench.synthetic import NOW, TOPICS, WORKSPACE, fill
from bot.briefing.engine import build_brief
from bot.store import Store
from bot.store.models import UtcDateTime
from bot.store.search import fts5_match_expression

SIZES = tuple(int(n) for n in os.environ.get("SCALE_SIZES", "2000,20000,100000").split(","))
BYTES_ARTICLES = 300
BEFORE_SQL = text("""
    SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH :match AND EXISTS (SELECT 1 FROM shares s
        WHERE s.article_id = a.id AND s.workspace = :workspace AND s.shared_at >= :since)
    ORDER BY bm25(articles_fts, 10.0, 1.0), a.id DESC LIMIT :limit
""").bindparams(bindparam("since", type_=UtcDateTime))


def _timed(calls: list[Callable[[], object]]) -> tuple[float, float]:
    for call in calls[:3]:
        call()  # warm the page cache
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def search_rows(folder: Path) -> list[list[object]]:
    since = NOW - timedelta(days=7)
    topics = [*TOPICS, *(f"{a} {b}" for a, b in pairwise(TOPICS))]
    questions = [f"what did {a} say about {b}" for a, b in zip(TOPICS, TOPICS[3:], strict=False)]
    rows = []
    for size in SIZES:
        store = Store(f"sqlite:///{folder}/scale-{size}.db")
        store.upgrade()
        fill(store, size)
        topic = [lambda t=t, s=store: s.search_articles(WORKSPACE, t, since, 8) for t in topics]
        follow = [lambda q=q, s=store: s.search_articles(WORKSPACE, q, since, 5, match_any=True)
                  for q in questions]
        with store._engine.connect() as connection:
            before = [lambda t=t: connection.execute(BEFORE_SQL, {
                "match": fts5_match_expression(t.split()), "workspace": WORKSPACE,
                "since": since, "limit": 8}).all() for t in topics]
            rows.append([f"{size:,}", "topic, before", *_fmt(_timed(before))])
        rows.append([f"{size:,}", "topic", *_fmt(_timed(topic))])
        rows.append([f"{size:,}", "follow-up", *_fmt(_timed(follow))])
        store.close()
    return rows


def _fmt(figures: tuple[float, float]) -> list[str]:
    return [f"{figures[0]:.1f}", f"{figures[1]:.1f}"]


def _compacted_size(path: Path) -> int:
    """File size after VACUUM, with the write-ahead log folded in and truncated."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path.stat().st_size


def bytes_rows(folder: Path) -> list[list[object]]:
    path = folder / "bytes.db"
    store = Store(f"sqlite:///{path}")
    store.upgrade()
    articles = load_articles()[:BYTES_ARTICLES]
    ids = [store.save_article(a, build_brief(a), a.url or "").id for a in articles]
    briefs = [store.get_brief(i) for i in ids]
    store.close()
    sizes = {}
    for revision in ("0004", "0005"):
        with Store(f"sqlite:///{path}") as opened:
            if revision == "0004":
                opened.downgrade("0004")  # json_set: every brief gets its copy back
            else:
                opened.upgrade()
        sizes[revision] = _compacted_size(path)
    with Store(f"sqlite:///{path}") as opened:
        kept = all(opened.get_brief(i) == b for i, b in zip(ids, briefs, strict=True))
    count = len(ids)
    return [["0004: text in every brief", f"{sizes['0004'] / count:,.0f}", "-", "-"],
            ["0005: brief without the text", f"{sizes['0005'] / count:,.0f}",
             f"{1 - sizes['0005'] / sizes['0004']:.1%}", "yes" if kept else "NO"]]


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print_table(["articles", "request", "median ms", "p95 ms"], search_rows(folder))
        print()
        print_table([f"schema ({BYTES_ARTICLES} BBC articles)", "bytes/article", "smaller",
                     "briefs identical"], bytes_rows(folder))


if __name__ == "__main__":
    main()
