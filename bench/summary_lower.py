"""The BBC summary benchmark again on lower-cased, tokenised text, as CNN/Daily Mail ships it.

CNN/DM is not available here; its common form (lower case, punctuation split off as tokens,
`` and '' for double quotes, -lrb- and -rrb- for brackets, "n't" and "'s" split) is applied
to every BBC article and its reference. A summariser that leans on capitals or on the usual
spacing of punctuation shows it here. Lead-3 on the same text is the baseline.
"""

from __future__ import annotations

import re

from bench.common import print_table
from bench.summary import SUMMARY_SENTENCES, BbcArticle, Picker, evaluate, load_bbc
from bot.briefing.summary.summarize import summarize

_SPLIT_OFF = re.compile(r"([;:!?()\[\]]|,(?!\d)|(?<!\d),)")
_FINAL_STOP = re.compile(r"\.(?=[\"'”’)]*(?:\s|$))")


def tokenise_lower(text: str) -> str:
    """CNN/DM-style text: lower case, punctuation as tokens, paragraphs kept one per line."""
    text = text.lower().replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    text = re.sub(r'(^|[\s(\[])"', r"\1`` ", text, flags=re.MULTILINE)
    text = text.replace('"', " ''")
    text = re.sub(r"n't\b", " n't", text)
    text = re.sub(r"'(s|re|ve|ll|d|m)\b", r" '\1", text)
    text = _FINAL_STOP.sub(" .", text)
    text = _SPLIT_OFF.sub(r" \1 ", text)
    text = text.replace("(", "-lrb-").replace(")", "-rrb-")
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def lowered(articles: list[BbcArticle]) -> list[BbcArticle]:
    return [BbcArticle(a.key, tokenise_lower(a.title), tokenise_lower(a.body),
                       tuple(tokenise_lower(s) for s in a.reference)) for a in articles]


def main(articles: list[BbcArticle] | None = None) -> None:
    variant = lowered(articles if articles is not None else load_bbc())
    print(f"\n### lower-cased, tokenised BBC ({len(variant)} articles, "
          f"{SUMMARY_SENTENCES} sentences each)\n")
    rows = []
    pickers: dict[str, Picker] = {
        "lead-3": lambda s, _: list(range(min(SUMMARY_SENTENCES, len(s)))),
        "ours (auto)": lambda s, title: [i for i, _ in summarize(s, SUMMARY_SENTENCES,
                                                                 title=title)],
    }
    for name, picker in pickers.items():
        rows.append(evaluate(variant, picker).row(name))
    print_table(["method", "R1", "R2", "RL", "mean", "words", "ms"], rows)


if __name__ == "__main__":
    main()
