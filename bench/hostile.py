"""Hostile pages through the link pool: an 88 KB page of repeated "He said no" and a 4 MB
one-paragraph page, served from 127.0.0.1. Time to the answer, and the worker's peak RSS
(sampled from /proc every 10 ms), with the default budgets."""

from __future__ import annotations

import random
import threading
import time

from bench.common import print_table
from bench.extraction import _serve
from bot.errors import BotError
from bot.settings import Settings
from bot.workers import LinkPool
from bot.workers.procfs import usage

MB = 1024 * 1024


def _html(title: str, body: str) -> bytes:
    import gzip

    page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>" \
           f"<p>{body}</p></article></body></html>"
    return gzip.compress(page.encode())


def pages() -> dict[str, bytes]:
    rng = random.Random(15)
    words = ["the", "minister", "said", "plan", "would", "cost", "more", "than", "expected",
             "and", "critics", "rejected", "claim", "on", "monday", "in", "a", "statement"]
    sentences = []
    size = 0
    while size < 4_000_000:
        sentence = " ".join(rng.choices(words, k=rng.randint(8, 25))).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    return {"he-said-no": _html("He said no", " ".join(["He said no."] * 7300)),
            "one-paragraph": _html("One paragraph", " ".join(sentences))}


def _peak_rss(pool: LinkPool, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        for pid in pool.worker_pids():
            now = usage(pid)
            if now is not None:
                peak[0] = max(peak[0], now.rss_bytes)
        time.sleep(0.01)


def main() -> None:
    served = pages()
    server = _serve(served)
    port = server.server_address[1]
    settings = Settings(database_url="sqlite://", fetch_allowlist="127.0.0.1",
                        fetch_allowed_ports=str(port), fetch_retries=0, log_level="ERROR")
    rows = []
    try:
        for key, data in served.items():
            pool = LinkPool(settings, size=1)
            [pid] = pool.worker_pids()
            idle = usage(pid)
            peak, stop = [0], threading.Event()
            sampler = threading.Thread(target=_peak_rss, args=(pool, stop, peak))
            sampler.start()
            started = time.perf_counter()
            try:
                _, brief = pool.run(f"http://127.0.0.1:{port}/{key}.html")
                outcome = f"briefed ({len(brief.article.text):,} chars, " \
                          f"{len(brief.positions)} positions)"
            except BotError as error:
                outcome = f"refused: {error.user_message}"
            elapsed = time.perf_counter() - started
            stop.set()
            sampler.join()
            pool.close()
            rows.append([key, f"{len(data):,} B gz", f"{elapsed:.1f}",
                         f"{(idle.rss_bytes if idle else 0) / MB:.0f}", f"{peak[0] / MB:.0f}",
                         outcome])
    finally:
        server.shutdown()
        server.server_close()
    print_table(["page", "served", "seconds", "worker idle RSS MB", "peak RSS MB", "outcome"],
                rows)


if __name__ == "__main__":
    main()
