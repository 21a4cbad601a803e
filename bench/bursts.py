"""Bursts of pasted links: 50 and 180 real pages served from 127.0.0.1.

For each burst: the links one by one in one process (the baseline), the old path (every
event on one thread pool, briefing in the bot's own process), and the new one (lanes and
the link pool). While a burst runs, a `/brief <topic>` is sent every 50 ms and its latency
recorded. Figures: time to the last brief, links/s, speed-up over one by one, and the
median and p95 latency of the topic brief (idle, then during the burst).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench.common import print_table, require_eval
from bench.extraction import _serve
from bot.bootstrap import Services, bootstrap, build_conversation
from bot.messages import Event
from bot.platforms.lanes import Lanes
from bot.settings import Settings

SIZES = tuple(int(n) for n in os.environ.get("BURST_SIZES", "50,180").split(","))
PROBE_SECONDS = 0.05


def _event(text: str, kind: str, number: int) -> Event:
    return Event(platform="bench", workspace="T", channel="C", user="U", text=text,
                 kind=kind, message_id=f"m{number}")  # type: ignore[arg-type]


def _services(folder: Path, port: int) -> Services:
    return bootstrap(Settings(database_url=f"sqlite:///{folder}/bot.db",
                              fetch_allowlist="127.0.0.1", fetch_allowed_ports=str(port),
                              fetch_retries=0, log_level="ERROR"))


def _warm(services: Services) -> None:
    from bot.workers.warm import warm_engine

    warm_engine()
    services.store.recent_articles("T", None, 1)


def one_by_one(urls: list[str], port: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder), port)
        _warm(services)
        started = time.perf_counter()
        for url in urls:
            try:
                article, brief = services.fetch_and_brief_here(url)
                services.store.save_article(article, brief, article.url or url)
            except Exception:  # a page the bot refuses still took its time
                pass
        elapsed = time.perf_counter() - started
        services.close()
    return elapsed


async def _burst(urls: list[str], route: Callable[[Event], Awaitable[object]]
                 ) -> tuple[float, list[float], list[float]]:
    async def timed_topic(number: int) -> float:
        started = time.perf_counter()
        await route(_event("energy", "command", 10_000 + number))
        return time.perf_counter() - started

    idle = [await timed_topic(n) for n in range(20)]
    done = asyncio.Event()
    busy: list[float] = []

    async def probe() -> None:
        number = 100
        while not done.is_set():
            busy.append(await timed_topic(number))
            number += 1
            await asyncio.sleep(PROBE_SECONDS)

    prober = asyncio.create_task(probe())
    started = time.perf_counter()
    await asyncio.gather(*(route(_event(url, "message", n)) for n, url in enumerate(urls)))
    elapsed = time.perf_counter() - started
    done.set()
    await prober
    return elapsed, idle, busy


def burst(urls: list[str], port: int, *, pool: bool) -> tuple[float, list[float], list[float]]:
    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder), port)
        conversation = build_conversation(services)
        conversation.route(_event("energy", "command", 0))  # migrate before timing
        _warm(services)  # the old path loads the model in this process: not in the timing
        if pool:
            services.start_link_pool()
            lanes = Lanes(conversation, services.settings.link_queue_size,
                          services.link_workers)

            async def route(event: Event) -> object:
                return await lanes.route(event, None)
        else:
            async def route(event: Event) -> object:
                return await asyncio.to_thread(conversation.route, event)
        try:
            return asyncio.run(_burst(urls, route))
        finally:
            if services.link_pool is not None:
                print(f"({len(urls)} links: {services.link_pool.replacements} workers replaced)")
            if pool:
                lanes.close()
            services.close()


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000


def main() -> None:
    folder = require_eval("article-extraction")
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    keys = sorted(truth)
    pages = {key: (folder / "html" / f"{key}.html.gz").read_bytes() for key in keys}
    server = _serve(pages)
    port = server.server_address[1]
    rows = []
    try:
        for size in SIZES:
            urls = [f"http://127.0.0.1:{port}/{key}.html" for key in keys[:size]]
            alone = one_by_one(urls, port)
            rows.append([size, "one by one (baseline)", f"{alone:.1f}", f"{size / alone:.1f}",
                         "1.00", "-", "-"])
            for name, pool in (("before: one thread pool", False), ("lanes + link pool", True)):
                elapsed, idle, busy = burst(urls, port, pool=pool)
                rows.append([size, name, f"{elapsed:.1f}", f"{size / elapsed:.1f}",
                             f"{alone / elapsed:.2f}",
                             f"{statistics.median(idle) * 1000:.1f} / {_p95(idle):.1f}",
                             f"{statistics.median(busy) * 1000:.1f} / {_p95(busy):.1f}"])
    finally:
        server.shutdown()
        server.server_close()
    print_table(["links", "path", "last brief s", "links/s", "speed-up",
                 "topic idle median/p95 ms", "topic in burst median/p95 ms"], rows)


if __name__ == "__main__":
    main()
