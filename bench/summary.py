"""Summary benchmark on BBC News Summary: Lead-3, plain sumy algorithms and ours, 3 sentences.

Then the same on lower-cased, tokenised BBC (`summary_lower`), and through the whole engine
on real pages and GUM documents (`summary_real`), each with its baselines.

ROUGE-1/2/Lsum F1 (rouge_score, Porter stemmer) against the extractive references. The
references favour long sentences, so mean words per summary is printed next to ROUGE: a
method must not win by length alone. "ours" was tuned only on the `tune` half (files whose
number is 1 mod 4); the `check` half is printed apart so that over-fitting would show.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from bench.common import print_table, read_text, require_eval
from bot.briefing.model import Span
from bot.briefing.summary.rank import SUMY_METHODS, sumy_top
from bot.briefing.summary.summarize import summarize
from bot.briefing.text.sentences import split_sentences, words

SUMMARY_SENTENCES = 3
# A candidate boundary in a reference: sentence-final mark (maybe a closing quote), then at
# once a capital, digit or opening quote. It is kept only if the article never runs on there.
_JOINED_BOUNDARY = re.compile(r"(?<=[.!?])['\"’”]?(?=['\"‘“]?[A-Z0-9])")
_CONTEXT = 12


@dataclass(frozen=True)
class BbcArticle:
    key: str  # "<category>/<NNN>"
    title: str
    body: str
    reference: tuple[str, ...]  # the reference summary, split back into sentences

    @property
    def tune_half(self) -> bool:
        return int(self.key.rsplit("/", 1)[1]) % 4 == 1


def split_reference(summary: str, body: str) -> list[str]:
    """Split a reference whose sentences were joined without spaces, using the article as key.

    A candidate join (".For") is a boundary unless the same characters run on in the article.
    The context checked stops at the neighbouring candidates, so that one true join nearby
    cannot make a decimal point ("$10.9bn.For") look like a boundary too.
    """
    summary = summary.strip()
    candidates = [_cut_point(summary, body, m.start(), m.end())
                  for m in _JOINED_BOUNDARY.finditer(summary)
                  if 0 < m.end() < len(summary) and not _is_decimal_point(summary, m.start())]
    cuts = [0]
    for k, at in enumerate(candidates):
        left = max(candidates[k - 1] if k else 0, at - _CONTEXT)
        right = min(candidates[k + 1] if k + 1 < len(candidates) else len(summary),
                    at + _CONTEXT)
        if summary[left:right] not in body:
            cuts.append(at)
    cuts.append(len(summary))
    parts = (summary[a:b].strip() for a, b in pairwise(cuts))
    return [p for p in parts if p]


def _cut_point(summary: str, body: str, mark_end: int, quote_end: int) -> int:
    """A quote after the mark closes this sentence if the article has it so, else opens the next."""
    if quote_end == mark_end:
        return mark_end
    closed = summary[max(0, mark_end - _CONTEXT):quote_end]
    return quote_end if closed in body else mark_end


def _is_decimal_point(text: str, mark: int) -> bool:
    """`mark` is just after the sentence-final character: "2.5" is a number, not a join."""
    return (text[mark - 1] == "." and mark >= 2 and text[mark - 2].isdigit()
            and mark < len(text) and text[mark].isdigit())


def load_bbc() -> list[BbcArticle]:
    root = require_eval("bbc-summary")
    articles = []
    for path in sorted((root / "articles").glob("*/*.txt")):
        title, _, body = read_text(path).partition("\n")
        key = f"{path.parent.name}/{path.stem}"
        summary = read_text(root / "summaries" / path.parent.name / path.name)
        reference = tuple(split_reference(summary, body))
        articles.append(BbcArticle(key, title.strip(), body.strip(), reference))
    return articles


Picker = Callable[[Sequence[Span], str], list[int]]


def pickers() -> dict[str, Picker]:
    """Every row of the table: a function from sentences and title to chosen indices.

    Only ours reads the title, as the engine passes it; the baselines are as sumy ships them.
    """
    rows: dict[str, Picker] = {
        "lead-3": lambda s, _: list(range(min(SUMMARY_SENTENCES, len(s))))}
    for method in SUMY_METHODS:
        rows[f"sumy {method}"] = lambda s, _, m=method: sumy_top(s, m, SUMMARY_SENTENCES)
    rows["ours (auto)"] = lambda s, title: [i for i, _ in summarize(s, SUMMARY_SENTENCES,
                                                                    title=title)]
    return rows


@dataclass
class Scores:
    r1: list[float]
    r2: list[float]
    rl: list[float]
    words: list[int]
    ms: list[float]

    def row(self, name: str, keep: Sequence[bool] | None = None) -> list[object]:
        keep = keep or [True] * len(self.r1)

        def mean(values: Sequence[float]) -> float:
            return statistics.fmean(v for v, k in zip(values, keep, strict=True) if k)

        r1, r2, rl = mean(self.r1), mean(self.r2), mean(self.rl)
        return [name, r1, r2, rl, (r1 + r2 + rl) / 3, mean(self.words),
                statistics.median(self.ms)]


def evaluate(articles: Sequence[BbcArticle], picker: Picker) -> Scores:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    scores = Scores([], [], [], [], [])
    for article in articles:
        sentences = split_sentences(article.body)
        started = time.perf_counter()
        chosen = picker(sentences, article.title)
        scores.ms.append((time.perf_counter() - started) * 1000)
        summary = [sentences[i].text for i in chosen]
        result = scorer.score("\n".join(article.reference), "\n".join(summary))
        scores.r1.append(result["rouge1"].fmeasure)
        scores.r2.append(result["rouge2"].fmeasure)
        scores.rl.append(result["rougeLsum"].fmeasure)
        scores.words.append(sum(len(words(s)) for s in summary))
    return scores


def main() -> None:
    articles = load_bbc()
    reference_words = statistics.fmean(len(words(" ".join(a.reference))) for a in articles)
    print(f"{len(articles)} BBC articles, {SUMMARY_SENTENCES} sentences per summary; "
          f"references average {reference_words:.1f} words.")
    print("ROUGE F1 (rouge_score, stemmed); RL = ROUGE-Lsum; mean = (R1+R2+RL)/3; "
          "ms = median time of the summariser alone, sentences already split.\n")
    results = {name: evaluate(articles, picker) for name, picker in pickers().items()}
    headers = ["method", "R1", "R2", "RL", "mean", "words", "ms"]
    print_table(headers, [scores.row(name) for name, scores in results.items()])

    tune = [a.tune_half for a in articles]
    check = [not t for t in tune]
    print(f"\nBy half ({sum(tune)} tune articles, {sum(check)} check articles never tuned on):\n")
    rows = []
    for name, scores in results.items():
        rows.append(scores.row(f"{name} / tune", tune)[:6])
        rows.append(scores.row(f"{name} / check", check)[:6])
    print_table(headers[:6], rows)
    _print_verdict(results)

    from bench import summary_lower, summary_real
    from bench.tokenizers import main as tokenizers_main

    summary_lower.main(articles)
    summary_real.main()

    print("\n### sentence splitters")
    tokenizers_main(articles)


def _print_verdict(results: dict[str, Scores]) -> None:
    baselines = {n: s.row(n) for n, s in results.items() if n != "ours (auto)"}
    best_name, best = max(baselines.items(), key=lambda item: item[1][4])
    ours = results["ours (auto)"].row("ours")
    verdict = "beats" if ours[4] > best[4] else "does NOT beat"
    print(f"\nTarget: mean of R1/R2/RL. Ours {ours[4]:.4f} {verdict} the best baseline "
          f"({best_name}, {best[4]:.4f}); mean words {ours[5]:.1f} vs {best[5]:.1f} "
          f"({(ours[5] / best[5] - 1) * 100:+.0f}%).")


if __name__ == "__main__":
    main()
