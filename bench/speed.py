"""Speed and memory of the whole briefing pipeline (no network).

- median and p95 ms per brief over every bbc-summary article, next to sumy's LexRank alone;
- growth with article length (the same article repeated 1..16 times);
- peak RSS of `python -m bot brief` on the seed article, in a fresh process.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer

from bench.common import REPO, print_table, require_eval
from bot.briefing.engine import build_brief
from bot.briefing.language.analysis import analyse
from bot.briefing.model import Article
from bot.briefing.text.sentences import SumyTokenizer, split_sentences

SEED = REPO / "seeds" / "000_696627c64d0d201d.txt"


def load_bbc_articles() -> list[Article]:
    root = require_eval("bbc-summary") / "articles"
    articles = []
    for path in sorted(root.glob("*/*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        articles.append(Article(title=title.strip(), text=body.strip()))
    return articles


def time_each(articles: list[Article], work: Callable[[Article], object]) -> list[float]:
    timings = []
    for article in articles:
        started = time.perf_counter()
        work(article)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def lexrank_alone(article: Article) -> None:
    document = PlaintextParser.from_string(article.text, SumyTokenizer()).document
    LexRankSummarizer()(document, 3)


def language_alone(article: Article) -> None:
    analyse(article.text, split_sentences(article.text))


def growth_rows(article: Article) -> list[list[object]]:
    rows = []
    base = None
    for copies in (1, 2, 4, 8, 16):
        text = "\n".join([article.text] * copies)
        doubled = Article(article.title, text)
        ms = statistics.median(time_each([doubled] * 3, build_brief))
        base = base or ms
        rows.append([copies, len(text.split()), ms, ms / base])
    return rows


_MEASURE_CHILD = (
    "import contextlib, io, re, sys\n"
    "from bot.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    code = main(['brief', sys.argv[1]])\n"
    "status = open('/proc/self/status').read()\n"
    "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
)


def peak_rss_mb() -> float:
    """Peak RSS (VmHWM) read by a fresh process itself. getrusage would not do: its maxrss
    survives exec, so a child forked from this big benchmark process inherits its peak."""
    result = subprocess.run([sys.executable, "-c", _MEASURE_CHILD, str(SEED)], cwd=REPO,
                            check=True, capture_output=True, text=True)
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def steady_run_rss_mb(settle_seconds: float = 20.0) -> float:
    """RSS of the one-process runner once it has started, loaded the seeds and answered."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.db",
               "SLACK_BOT_TOKEN": "", "SLACK_APP_TOKEN": "", "DISCORD_TOKEN": ""}
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=REPO, env=env,
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, text=True)
        try:
            assert process.stdin is not None
            process.stdin.write("/brief ukraine\n")
            process.stdin.flush()
            time.sleep(settle_seconds)
            status = Path(f"/proc/{process.pid}/status").read_text()
            return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
        finally:
            process.terminate()
            process.wait(timeout=30)


def main() -> None:
    articles = load_bbc_articles()
    build_brief(articles[0])  # load word lists and models once, as a running bot would
    lexrank_alone(articles[0])
    ours = time_each(articles, build_brief)
    language = time_each(articles, language_alone)
    anchor = time_each(articles, lexrank_alone)
    print(f"{len(articles)} bbc-summary articles, "
          f"{statistics.mean(len(a.text.split()) for a in articles):.0f} words on average")
    print_table(
        ["pipeline", "median ms", "p95 ms", "max ms"],
        [[name, statistics.median(t), statistics.quantiles(t, n=20)[18], max(t)]
         for name, t in (("whole brief (ours)", ours),
                         ("  of which the language layer (sentences, model)", language),
                         ("sumy LexRank alone", anchor))],
    )
    longest = max(articles, key=lambda a: len(a.text))
    print(f"\ngrowth with length (longest article, {len(longest.text.split())} words, repeated)")
    print_table(["copies", "words", "median ms", "x time"], growth_rows(longest))
    print(f"\npeak RSS of `python -m bot brief {SEED.relative_to(REPO)}`: "
          f"{peak_rss_mb():.1f} MB")
    print(f"steady RSS of `python -m bot run` (console, seeds loaded, one topic brief): "
          f"{steady_run_rss_mb():.1f} MB")


if __name__ == "__main__":
    main()
    sys.exit(0)


