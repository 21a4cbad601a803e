"""Article extraction through the real fetcher, scored like scrapinghub's benchmark.

Every page of `eval/article-extraction/html/` is served gzipped from a local server on
127.0.0.1 (reached through `FETCH_ALLOWLIST`), fetched and extracted by `bot.fetch`, and
scored against `ground-truth.json` with the benchmark's metric: 4-token shingles,
per-page precision and recall averaged over pages, F1 from the two averages.
trafilatura alone, called directly on the same pages, is the baseline we must not lose to.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import trafilatura

from bench.common import print_table, require_eval
from bot.fetch import Fetcher, FetchError
from bot.settings import Settings

TARGET_F1 = 0.958
SHINGLE_SIZE = 4
BOOTSTRAP_ROUNDS = 1000
CONCURRENCY = 8
_WORD_RE = re.compile(r"\w+")

Counts = tuple[float, float, float]  # true positives, false positives, false negatives


def shingle_counts(expected: str, predicted: str) -> Counts:
    """Shingle overlap of one page, normalised to sum to 1 so every page weighs the same."""
    truth, guess = _shingles(expected), _shingles(predicted)
    hits = sum((truth & guess).values())
    extra = sum((guess - truth).values())
    missed = sum((truth - guess).values())
    total = hits + extra + missed
    return (hits / total, extra / total, missed / total) if total else (0.0, 0.0, 0.0)


def score(counts: list[Counts]) -> dict[str, float]:
    """Mean precision over pages that predicted something, mean recall over pages with truth."""
    precisions = [_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def f1_interval(counts: list[Counts], rounds: int = BOOTSTRAP_ROUNDS) -> float:
    """Half-width of a 95% bootstrap interval on F1, as the benchmark reports it."""
    sampler = random.Random(0)
    samples = [score(sampler.choices(counts, k=len(counts)))["f1"] for _ in range(rounds)]
    return 1.96 * statistics.stdev(samples)


def _ratio(tp: float, fp: float, fn: float, wrong: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD_RE.findall(text or "")
    count = max(1, len(words) - SHINGLE_SIZE + 1)
    return Counter(tuple(words[i:i + SHINGLE_SIZE]) for i in range(count) if words[i:i + 1])


def _serve(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    """A local server that sends each stored page gzipped, as a real site would."""

    class PageHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            key = self.path.strip("/").removesuffix(".html")
            body = pages.get(key)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _run(keys: list[str], extract_one: Callable[[str], str]) -> tuple[dict[str, str], list[float]]:
    texts: dict[str, str] = {}
    seconds: list[float] = []
    for key in keys:
        started = time.perf_counter()
        texts[key] = extract_one(key)
        seconds.append(time.perf_counter() - started)
    return texts, seconds


def _pages_per_second(keys: list[str], extract_one: Callable[[str], str]) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        list(pool.map(extract_one, keys))
    return len(keys) / (time.perf_counter() - started)


def main() -> None:
    folder = require_eval("article-extraction")
    truth: dict[str, dict[str, str]] = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    gzipped = {key: (Path(folder) / "html" / f"{key}.html.gz").read_bytes() for key in truth}
    keys = sorted(truth)
    server = _serve(gzipped)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    fetcher = Fetcher(Settings(fetch_allowlist="127.0.0.1"))
    failures: Counter[str] = Counter()

    def through_fetcher(key: str) -> str:
        try:
            return fetcher.fetch_article(f"{base}/{key}.html").text
        except FetchError as error:
            failures[type(error).__name__] += 1
            return ""

    def trafilatura_alone(key: str) -> str:
        document = trafilatura.bare_extraction(gzip.decompress(gzipped[key]))
        return document.text if document is not None and document.text else ""

    rows = []
    try:
        for name, extract_one in (("trafilatura alone (direct)", trafilatura_alone),
                                  ("bot.fetch (HTTP + extract)", through_fetcher)):
            failures.clear()
            texts, seconds = _run(keys, extract_one)
            if failures:
                print(f"{name} failures: {dict(failures)}")
            counts = [shingle_counts(truth[k].get("articleBody", ""), texts[k]) for k in keys]
            metrics = score(counts)
            rows.append([
                name, len(keys), metrics["f1"], f1_interval(counts), metrics["precision"],
                metrics["recall"], sum(1 for k in keys if not texts[k]),
                statistics.median(seconds) * 1000, _pages_per_second(keys, extract_one),
            ])
    finally:
        server.shutdown()
        server.server_close()
    print_table(
        ["extractor", "pages", "F1", "F1 ±95%", "precision", "recall", "no text",
         "median ms/page", f"pages/s ({CONCURRENCY} threads)"],
        rows,
    )
    ours = rows[-1][2]
    verdict = "PASS" if ours >= TARGET_F1 else "FAIL"
    print(f"target F1 >= {TARGET_F1}: {verdict} (bot.fetch F1 = {ours:.4f})")
