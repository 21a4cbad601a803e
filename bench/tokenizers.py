"""Sentence splitters compared: ours (nupunkt plus repairs), plain nupunkt and pysbd.

Two accuracy measures. (1) BBC: the reference summaries are article sentences, so each one
found verbatim in its article marks a gold start and end; recall is the share of those
boundaries a splitter produces, precision the share of its boundaries falling inside such a
sentence that sit exactly on its start or end. The references come from the data set's own
splitter, so this measures agreement with it. (2) A small hand-checked set of hard cases.
Both splitters get the same paragraphs (one per line), as `split_sentences` does.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence

import nupunkt

from bench.common import print_table
from bot.briefing.text.sentences import (
    clear_sentence_cache,
    paragraph_sentence_offsets,
    split_paragraphs,
)

Splitter = Callable[[str], list[tuple[int, int]]]

# (paragraph, its sentences), checked by hand.
HARD_CASES: list[tuple[str, list[str]]] = [
    ("The U.S. economy grew 2.5% last year. Analysts expected less.",
     ["The U.S. economy grew 2.5% last year.", "Analysts expected less."]),
    ("Mr. Smith met Dr. Jones on Jan. 5 in Washington. They spoke for an hour.",
     ["Mr. Smith met Dr. Jones on Jan. 5 in Washington.", "They spoke for an hour."]),
    ('"We will not back down," she said. "Never."',
     ['"We will not back down," she said.', '"Never."']),
    ('He asked: "Is this the end?" Nobody answered.',
     ['He asked: "Is this the end?"', "Nobody answered."]),
    ("Shares fell 3.2 per cent to $11.50. Trading was heavy.",
     ["Shares fell 3.2 per cent to $11.50.", "Trading was heavy."]),
    ("J.K. Rowling's new book is out. It sold well.",
     ["J.K. Rowling's new book is out.", "It sold well."]),
    ("The meeting starts at 9 a.m. on Monday. Bring your notes.",
     ["The meeting starts at 9 a.m. on Monday.", "Bring your notes."]),
    ("Apple Inc. and Google Ltd. both declined to comment. A spokesman was unavailable.",
     ["Apple Inc. and Google Ltd. both declined to comment.", "A spokesman was unavailable."]),
    ("Wait... what happened next? Nobody knows!",
     ["Wait... what happened next?", "Nobody knows!"]),
    ("He lives at No. 10 Downing St. with his family.",
     ["He lives at No. 10 Downing St. with his family."]),
    ("Gov. Newsom and Sen. Feinstein, D-Calif., spoke. The vote is Tuesday.",
     ["Gov. Newsom and Sen. Feinstein, D-Calif., spoke.", "The vote is Tuesday."]),
    ("The firm earned £1.2bn in 2004. That was a record, e.g. in Europe.",
     ["The firm earned £1.2bn in 2004.", "That was a record, e.g. in Europe."]),
    ("Jobless claims fell to 813,200 last month. Throughout 2004, hiring rose.",
     ["Jobless claims fell to 813,200 last month.", "Throughout 2004, hiring rose."]),
    ("Lt. Gov. Holcomb signed the bill. It takes effect in July.",
     ["Lt. Gov. Holcomb signed the bill.", "It takes effect in July."]),
]


def by_paragraph(segment: Callable[[str], list[tuple[int, int]]]) -> Splitter:
    """Run `segment` on each paragraph, as `split_sentences` does, with stripped offsets."""

    def split(text: str) -> list[tuple[int, int]]:
        spans = []
        for paragraph in split_paragraphs(text):
            for start, end in segment(paragraph.text):
                piece = paragraph.text[start:end]
                start += len(piece) - len(piece.lstrip())
                end -= len(piece) - len(piece.rstrip())
                if end > start:
                    spans.append((paragraph.start + start, paragraph.start + end))
        return spans

    return split


def nupunkt_segment(paragraph: str) -> list[tuple[int, int]]:
    """nupunkt itself, as `split_sentences` calls it but without its paragraph cache."""
    return nupunkt.sent_spans(paragraph) if len(paragraph) > 1 else [(0, len(paragraph))]


def pysbd_segment() -> Callable[[str], list[tuple[int, int]]]:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)

    def segment(paragraph: str) -> list[tuple[int, int]]:
        spans, cursor = [], 0
        for sentence in segmenter.segment(paragraph):
            piece = sentence.strip()
            at = paragraph.find(piece, cursor) if piece else -1
            if at >= 0:
                cursor = at + len(piece)
                spans.append((at, cursor))
        return spans

    return segment


def boundary_scores(splitter: Splitter, bodies: Sequence[str],
                    references: Sequence[Sequence[str]]) -> tuple[float, float, float]:
    """(recall, precision, median ms per article) against sentences found in the article."""
    found = correct = predicted_inside = gold_total = 0
    times = []
    for body, reference in zip(bodies, references, strict=True):
        started = time.perf_counter()
        spans = splitter(body)
        times.append((time.perf_counter() - started) * 1000)
        predicted = {offset for span in spans for offset in span}
        for sentence in reference:
            start = body.find(sentence)
            if start < 0 or body.find(sentence, start + 1) >= 0:
                continue  # not in the article verbatim, or ambiguous
            end = start + len(sentence)
            gold_total += 2
            found += (start in predicted) + (end in predicted)
            inside = [b for b in predicted if start <= b <= end]
            predicted_inside += len(inside)
            correct += sum(b in (start, end) for b in inside)
    return found / gold_total, correct / max(predicted_inside, 1), statistics.median(times)


def hard_case_accuracy(splitter: Splitter) -> tuple[int, list[str]]:
    right, wrong = 0, []
    for paragraph, expected in HARD_CASES:
        got = [paragraph[a:b] for a, b in splitter(paragraph)]
        if got == expected:
            right += 1
        else:
            wrong.append(paragraph[:40])
    return right, wrong


def main(articles: Sequence | None = None) -> None:
    """`articles` are bench.summary's BbcArticle objects; loaded here when run alone."""
    if articles is None:
        from bench.summary import load_bbc

        articles = load_bbc()
    bodies = [a.body for a in articles]
    references = [a.reference for a in articles]
    rows, misses = [], {}
    splitters = {"ours (nupunkt + repairs)": by_paragraph(paragraph_sentence_offsets),
                 "nupunkt (plain)": by_paragraph(nupunkt_segment),
                 "pysbd": by_paragraph(pysbd_segment())}
    for name, splitter in splitters.items():
        splitter(bodies[0])  # lazy imports and model loading stay outside the timing
        # nupunkt memoises boundary decisions and split_sentences caches paragraphs; forget
        # both, or reruns of the same text (bench.summary has just split every article)
        # would look faster than they are.
        nupunkt.load("default").clear_decision_cache()
        clear_sentence_cache()
        recall, precision, ms = boundary_scores(splitter, bodies, references)
        right, wrong = hard_case_accuracy(splitter)
        rows.append([name, recall, precision, f"{right}/{len(HARD_CASES)}", ms])
        misses[name] = wrong
    print(f"{len(bodies)} BBC articles; boundaries of reference sentences found verbatim.\n")
    print_table(["splitter", "BBC recall", "BBC precision", "hard cases", "ms/article"], rows)
    for name, wrong in misses.items():
        if wrong:
            print(f"{name} missed: " + "; ".join(repr(w) for w in wrong))


if __name__ == "__main__":
    main()
