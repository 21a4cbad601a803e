"""Dispute figures on PolNeAR train and the BBC articles: how often the rules fire, how fast.

There is no gold data for disputes, so this prints counts only: articles, disputes found,
disputes per 100 articles, the share of articles with at least one dispute, and the median
time of `find_disputes` per article (sentences, actors and positions are built beforehand and
not timed). Whether the disputes are right needs a human reading a sample.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

from bench.common import print_table, read_text, require_eval
from bot.briefing.actors.table import find_actors
from bot.briefing.attribution.attributions import find_attributions
from bot.briefing.disputes.finder import find_disputes
from bot.briefing.engine import resolve_positions
from bot.briefing.text.sentences import split_sentences


def polnear_train() -> Iterator[str]:
    """Article bodies: line 1 is the title, then a blank line, then paragraphs."""
    for path in sorted((require_eval("polnear") / "train" / "text").glob("*.txt")):
        yield read_text(path).partition("\n")[2].strip()


def bbc() -> Iterator[str]:
    """Article bodies: line 1 is the title, then paragraphs."""
    for path in sorted((require_eval("bbc-summary") / "articles").glob("*/*.txt")):
        yield read_text(path).partition("\n")[2].strip()


def measure(texts: Iterator[str]) -> list[object]:
    articles = found = with_dispute = 0
    timings: list[float] = []
    for text in texts:
        spans = split_sentences(text)
        table = find_actors(text, spans)
        positions = resolve_positions(find_attributions(text, spans), table,
                                      [s.start for s in spans])
        started = time.perf_counter()
        disputes = find_disputes(text, spans, positions, table)
        timings.append((time.perf_counter() - started) * 1000)
        articles += 1
        found += len(disputes)
        with_dispute += bool(disputes)
    return [articles, found, 100 * found / max(articles, 1),
            with_dispute / max(articles, 1), statistics.median(timings) if timings else 0.0]


def main() -> None:
    rows = [["PolNeAR train", *measure(polnear_train())], ["BBC", *measure(bbc())]]
    print_table(["corpus", "articles", "disputes", "per 100 articles",
                 "share with >= 1", "median ms"], rows)


if __name__ == "__main__":
    main()
