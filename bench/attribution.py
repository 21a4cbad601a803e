"""Attribution benchmark on PolNeAR (political news, every attribution annotated in brat).

Scoring, chosen to fit a brief that shows *who said what*:
- Gold: one attribution per `E` line of the first annotator file in sorted order; discontinuous
  spans are kept as lists of pieces.
- Predictions sharing one cue span are one attribution (their contents are unioned), as PolNeAR
  joins '"A," he said. "B."' into one attribution with a discontinuous content.
- Content: a prediction matches a gold attribution when their contents overlap by at least one
  character. Matching is one-to-one and greedy, largest overlap first. P = matched / predicted,
  R = matched / gold.
- Source and cue, on matched pairs only: a pair is correct when the predicted span overlaps the
  gold one. P = correct / matched pairs with a predicted span, R = correct / matched pairs with
  a gold span (PolNeAR has attributions without a source).
Tune on train; dev is only checked.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import print_table, require_eval
from bot.briefing.attribution.attributions import Attribution, find_attributions
from bot.briefing.attribution.grammar import credible_attributions
from bot.briefing.language.analysis import analyse
from bot.briefing.text.sentences import split_sentences

Pieces = list[tuple[int, int]]


@dataclass
class Item:
    content: Pieces
    source: Pieces = field(default_factory=list)
    cue: Pieces = field(default_factory=list)
    direct: bool = False  # a verbatim quotation


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    counts: dict[str, list[int]] = field(
        default_factory=lambda: {"source": [0, 0, 0], "cue": [0, 0, 0]}
    )  # [correct, matched pairs with a prediction, matched pairs with a gold span]
    direct: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, predicted, gold


def load_split(folder: Path) -> list[tuple[str, list[Item]]]:
    """(text, gold attributions) per article that has an annotation file."""
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if annotations:
            text = text_path.read_text(encoding="utf-8")
            gold = parse_brat(annotations[0].read_text(encoding="utf-8"))
            for item in gold:
                item.direct = is_quotation(text, item.content)
            articles.append((text, gold))
    return articles


def parse_brat(document: str) -> list[Item]:
    spans: dict[str, Pieces] = {}
    events: list[dict[str, str]] = []
    for line in document.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, offsets = fields[1].split(" ", 1)
            spans[fields[0]] = [_pair(piece) for piece in offsets.split(";")]
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    items = []
    for event in events:
        role = {re.sub(r"\d+$", "", key): [] for key in event}
        for key, span_id in event.items():
            role[re.sub(r"\d+$", "", key)].extend(spans.get(span_id, []))
        if role.get("Content"):
            items.append(Item(role["Content"], role.get("Source", []), role.get("Cue", [])))
    return items


_OPENING, _CLOSING = "\"“‘'", "\"”’'"


def is_quotation(text: str, content: Pieces) -> bool:
    """PolNeAR keeps a direct quote's marks inside its content span: it opens and closes
    with them (after a "that"; a comma or full stop may follow the closing mark)."""
    start, end = content[0][0], content[-1][1]
    words = text[start:end].strip().rstrip(",.;:")
    if words.lower().startswith("that "):
        words = words[5:].lstrip()  # 'said that "..."': PolNeAR keeps the "that"
    return len(words) > 2 and words[0] in _OPENING and words[-1] in _CLOSING


def _pair(piece: str) -> tuple[int, int]:
    start, end = piece.split()
    return int(start), int(end)


def overlap(a: Pieces, b: Pieces) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def from_attributions(found: list[Attribution]) -> list[Item]:
    by_cue: dict[tuple[int, int], Item] = {}
    for a in found:
        key = (a.cue.start, a.cue.end)
        cue = [key] if a.cue.text else []  # a lone quotation has no cue word
        item = by_cue.setdefault(key, Item([], [(a.source.start, a.source.end)], cue))
        item.direct = item.direct or a.direct
        item.content.append((a.content.start, a.content.end))
    return list(by_cue.values())


def matched_pairs(predicted: list[Item], gold: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping contents, largest overlap first."""
    pairs = sorted(
        ((overlap(p.content, g.content), i, j) for i, p in enumerate(predicted)
         for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p, used_g = set(), set()
    matched = []
    for size, i, j in pairs:
        if size <= 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    return matched


def score(tally: Tally, predicted: list[Item], gold: list[Item]) -> None:
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    mine = [p for p in predicted if p.direct]
    theirs = [g for g in gold if g.direct]
    tally.direct[0] += len(matched_pairs(mine, theirs))
    tally.direct[1] += len(mine)
    tally.direct[2] += len(theirs)
    for i, j in matched_pairs(predicted, gold):
        tally.matched += 1
        for role in ("source", "cue"):
            mine, theirs = getattr(predicted[i], role), getattr(gold[j], role)
            counts = tally.counts[role]
            counts[0] += bool(mine and theirs and overlap(mine, theirs) > 0)
            counts[1] += bool(mine)
            counts[2] += bool(theirs)


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def quotes_only(text: str) -> list[Item]:
    """Baseline: every quotation of three words or more is a content; no source, no cue."""
    return [Item([m.span()]) for m in re.finditer(r"[\"“][^\"“”\n]{10,}?[\"”]", text)
            if len(m.group().split()) >= 3]


_SAY = re.compile(r"\b(said|says|say|told|according to)\b")


def say_sentences(text: str) -> list[Item]:
    """Baseline: a sentence with a form of say/tell is a content; the word before is the source."""
    items = []
    for sentence in split_sentences(text):
        cue = _SAY.search(text, sentence.start, sentence.end)
        if cue is None:
            continue
        before = list(re.finditer(r"\w+", text[sentence.start:cue.start()]))
        source = [(sentence.start + before[-1].start(), sentence.start + before[-1].end())] \
            if before else []
        items.append(Item([(sentence.start, sentence.end)], source, [cue.span()]))
    return items


def run(articles: list[tuple[str, list[Item]]], system: Callable[[str], list[Item]]) -> tuple:
    tally = Tally()
    timings = []
    for text, gold in articles:
        started = time.perf_counter()
        predicted = system(text)
        timings.append((time.perf_counter() - started) * 1000)
        score(tally, predicted, gold)
    content = prf(tally.matched, tally.predicted, tally.gold)
    source = prf(*tally.counts["source"])
    cue = prf(*tally.counts["cue"])
    both = prf(tally.counts["source"][0], tally.predicted, tally.gold)[2]
    direct = prf(*tally.direct)[2]
    return (*content, *source, *cue, both, direct, statistics.median(timings))


def rules_only(text: str) -> list[Item]:
    return from_attributions(find_attributions(text))


def ours(text: str) -> list[Item]:
    """What the engine keeps as positions: the rules, checked against the model's tags."""
    sentences = split_sentences(text)
    return from_attributions(credible_attributions(text, sentences, analyse(text, sentences)))


def main() -> None:
    root = require_eval("polnear")
    systems = [("baseline: quotes only", quotes_only),
               ("baseline: say/tell sentence", say_sentences),
               ("rules alone (before the grammar checks)", rules_only),
               ("ours: rules + grammar checks", ours)]
    rows = []
    for split in ("train", "dev"):
        articles = load_split(root / split)
        for name, system in systems:
            figures = run(articles, system)
            rows.append([split, name, len(articles), *(round(v, 4) for v in figures)])
    print_table(
        ["split", "system", "articles", "content P", "content R", "content F1",
         "source P", "source R", "source F1", "cue P", "cue R", "cue F1",
         "content+source F1", "direct F1", "ms/article"],
        rows,
    )
    print("content+source F1: contents matched with an overlapping source, over all predicted "
          "and all gold attributions.")
    print("direct F1: the same matching between verbatim quotations only (a gold content that "
          "opens and closes with quotation marks).")
    print("ms/article: median time of one call, sentence splitting included.")


if __name__ == "__main__":
    main()
