"""Positions (who said what) on GUM's news and interview documents, through the whole engine.

`gum/derived/gold.json` gives each attribution's content span, its kind (direct, indirect,
mixed) and the speaker entity's names. A predicted position matches a gold one when their
contents overlap (one-to-one, largest overlap first). Printed per system:

- content P/R/F1;
- speaker accuracy on matched pairs: the position's actor (or, when unresolved, its source
  text) names the gold speaker: equal to one of its names, or one inside the other word for
  word ("Mohib" in "Ambassador Hamdullah Mohib");
- who+what F1: matched pairs whose speaker is right, over predicted and gold;
- direct-quote F1: the same matching, direct quotes only on both sides;
- precision per cue family (speech verbs, other verbs, "according to", colon, and no cue
  word: a lone quotation whose speaker is outside its sentence).

`--verbose` lists our unmatched positions, the missed gold ones and the wrong speakers.

The naive baseline takes every sentence with said/says/told as a content and the nearest
capitalised word before the cue as the speaker.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench.common import print_table, read_text, require_eval
from bot.briefing.engine import build_brief
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Article
from bot.briefing.text.sentences import split_sentences

GENRES = ("news", "interview")
_SAY = re.compile(r"\b(?:said|says|told)\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


@dataclass(frozen=True, slots=True)
class Said:
    start: int
    end: int
    speaker: tuple[str, ...]  # names the speaker goes by (gold) or one predicted name
    direct: bool
    cue: str = ""


def load() -> list[tuple[str, str, str, list[Said]]]:
    gold = json.loads(read_text(require_eval("gum") / "derived" / "gold.json"))["docs"]
    documents = []
    for name, doc in sorted(gold.items()):
        if name.split("_")[1] not in GENRES:
            continue
        raw = read_text(require_eval("gum") / "derived" / "txt" / f"{name}.txt")
        title, _, _ = raw.partition("\n")
        said = [Said(q["start"], q["end"], tuple([q["speaker"], *q["speaker_names"]]),
                     q["kind"] == "direct") for q in doc["quotes"]]
        documents.append((name, title.strip(), raw, said))
    return documents


def ours(title: str, text: str) -> list[Said]:
    """Offsets are into the whole file (title line included), as the gold ones are."""
    brief = build_brief(Article(title=title, text=text))
    return [Said(p.content.start, p.content.end, (p.actor or p.source.text,), p.direct,
                 p.cue.text.lower()) for p in brief.positions]


def said_sentences(title: str, text: str) -> list[Said]:
    found = []
    for sentence in split_sentences(text):
        cue = _SAY.search(text, sentence.start, sentence.end)
        if cue is None:
            continue
        names = list(_CAPITALISED.finditer(text, sentence.start, cue.start()))
        speaker = (names[-1].group(),) if names else ("",)
        found.append(Said(sentence.start, sentence.end, speaker, False, cue.group()))
    return found


def names_speaker(predicted: str, gold: tuple[str, ...]) -> bool:
    mine = _words(predicted)
    if not mine:
        return False
    for name in gold:
        theirs = _words(name)
        if theirs and (_inside(mine, theirs) or _inside(theirs, mine)):
            return True
    return False


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in {"the", "a", "an"}]


def _inside(small: list[str], big: list[str]) -> bool:
    return any(big[i:i + len(small)] == small for i in range(len(big) - len(small) + 1))


def match(predicted: list[Said], gold: list[Said]) -> list[tuple[Said, Said]]:
    pairs = sorted(((min(p.end, g.end) - max(p.start, g.start), i, j)
                    for i, p in enumerate(predicted) for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for size, i, j in pairs:
        if size > 0 and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((predicted[i], gold[j]))
    return matched


def family(cue: str) -> str:
    if not cue:
        return "no cue (speaker outside)"
    if cue == ":":
        return "colon"
    if cue.startswith("according"):
        return "according to"
    if cue.split(maxsplit=1)[0] in load_words("speech_verbs"):
        return "speech verb"
    return "other cue"


def f1(right: int, predicted: int, gold: int) -> float:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(system: Callable[[str, str], list[Said]], documents) -> tuple[list[object], Counter,
                                                                          Counter]:
    predicted_n = gold_n = matched_n = speaker_right = 0
    direct_p = direct_g = direct_m = 0
    by_family: Counter[str] = Counter()
    right_family: Counter[str] = Counter()
    for _, title, raw, gold in documents:
        predicted = system(title, raw)
        predicted_n += len(predicted)
        gold_n += len(gold)
        pairs = match(predicted, gold)
        matched_n += len(pairs)
        speaker_right += sum(names_speaker(p.speaker[0], g.speaker) for p, g in pairs)
        matched_ids = {id(p) for p, _ in pairs}
        for p in predicted:
            by_family[family(p.cue)] += 1
            right_family[family(p.cue)] += id(p) in matched_ids
        mine = [p for p in predicted if p.direct]
        theirs = [g for g in gold if g.direct]
        direct_p += len(mine)
        direct_g += len(theirs)
        direct_m += len(match(mine, theirs))
    precision = matched_n / predicted_n if predicted_n else 0.0
    recall = matched_n / gold_n if gold_n else 0.0
    row = [predicted_n, precision, recall, f1(matched_n, predicted_n, gold_n),
           speaker_right / matched_n if matched_n else 0.0,
           f1(speaker_right, predicted_n, gold_n), f1(direct_m, direct_p, direct_g)]
    return row, by_family, right_family


def listing(documents) -> list[str]:
    """Our unmatched positions, missed gold ones and wrong speakers, one line each."""
    lines = []
    for name, title, raw, gold in documents:
        predicted = ours(title, raw)
        pairs = match(predicted, gold)
        matched_p, matched_g = {id(p) for p, _ in pairs}, {id(g) for _, g in pairs}
        lines += [f"EXTRA {name} [{p.cue}] {p.speaker[0]!r}: {_excerpt(raw, p)}"
                  for p in predicted if id(p) not in matched_p]
        lines += [f"MISS  {name} {g.speaker[0]!r}: {_excerpt(raw, g)}"
                  for g in gold if id(g) not in matched_g]
        lines += [f"WHO   {name} ours {p.speaker[0]!r}, gold {g.speaker[0]!r}: "
                  f"{_excerpt(raw, p)}" for p, g in pairs
                  if not names_speaker(p.speaker[0], g.speaker)]
    return lines


def _excerpt(raw: str, said: Said) -> str:
    return " ".join(raw[said.start:said.end].split())[:100]


def main(options: Sequence[str] = ()) -> None:
    documents = load()
    gold = sum(len(d[3]) for d in documents)
    print(f"{len(documents)} GUM documents ({', '.join(GENRES)}), {gold} gold attributions")
    rows = []
    families = []
    for name, system in (("baseline: said/told sentence, nearest name", said_sentences),
                         ("ours (whole engine)", ours)):
        row, by_family, right = evaluate(system, documents)
        rows.append([name, "all", *row])
        for genre in GENRES:  # interviews ask questions ("Do you think ...?"): told apart
            part = [d for d in documents if d[0].split("_")[1] == genre]
            rows.append([name, genre, *evaluate(system, part)[0]])
        families += [[name, fam, by_family[fam], right[fam] / by_family[fam]]
                     for fam in sorted(by_family)]
    print_table(["system", "genre", "positions", "content P", "content R", "content F1",
                 "speaker acc", "who+what F1", "direct F1"], rows)
    print("\nprecision per cue family")
    print_table(["system", "cue family", "positions", "content P"], families)
    if "--verbose" in options:
        print()
        print("\n".join(listing(documents)))


if __name__ == "__main__":
    main()
