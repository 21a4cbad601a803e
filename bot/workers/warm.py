"""Imported once by the pool's fork server: pin threads, load and warm the engine.

Workers are forked from that server, so each starts with the language model already in
memory (shared copy-on-write) instead of paying a cold load per worker or per link.
The thread limits must be in the environment before numpy or the model libraries load:
one brief per worker process, and their own thread pools only waste CPU (issue 15).
"""

from __future__ import annotations

import os

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                    "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS")


def pin_threads() -> None:
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"


pin_threads()

import gc  # noqa: E402  (after the thread limits, on purpose)
from contextlib import suppress  # noqa: E402

import bot.bootstrap  # noqa: E402, F401  (what each worker builds its services from)
from bot.briefing.engine import build_brief  # noqa: E402
from bot.briefing.model import Article  # noqa: E402
from bot.fetch.extract import extract_article  # noqa: E402

_WARM_TEXT = (
    "The minister said on Monday that the plan would go ahead. "
    "Critics rejected the claim and said the costs were too high. "
    "\"We will not back down,\" she told reporters in London."
)


def warm_engine() -> None:
    """One small extraction and brief load the extractor, the model, word lists and caches
    before any worker forks."""
    html = f"<html><head><title>Warm-up</title></head><body><p>{_WARM_TEXT}</p></body></html>"
    with suppress(Exception):  # too short to extract is fine: the code is loaded
        extract_article(html, "http://127.0.0.1/warm-up")
    build_brief(Article(title="Warm-up", text=_WARM_TEXT))
    gc.collect()
    gc.freeze()  # forked workers then leave these pages shared


warm_engine()
