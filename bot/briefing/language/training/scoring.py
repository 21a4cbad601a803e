"""How good the language layer is: spaCy's own scorer on held-out treebank text.

Shared by `make model` (printed after training) and `python -m bench language`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.training import Example

from bot.briefing.language.corpus import read_docs

REPO = Path(__file__).resolve().parents[4]


def default_eval_dir() -> Path:
    """`EVAL_DIR`, or ../shared/eval beside the repository."""
    return Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))


def held_out_news(eval_root: Path) -> list[Path]:
    return sorted((eval_root / "gum" / "dep").glob("GUM_news_*.conllu"))


def score(nlp: Language, paths: list[Path], *, entities: bool) -> dict[str, Any]:
    """Scores with the model's own tokenisation of the raw text, aligned to the gold words."""
    examples = []
    for path in paths:
        for gold in read_docs(path, nlp.vocab, entities=entities):
            examples.append(Example(nlp.make_doc(gold.text), gold))
    started = time.perf_counter()
    scores = nlp.evaluate(examples)
    elapsed = time.perf_counter() - started
    words = sum(len(e.reference) for e in examples)
    scores["words_per_second"] = words / elapsed if elapsed else 0.0
    scores["words"] = words
    return scores


def report(nlp: Language, eval_root: Path) -> None:
    """Print tagger, lemma and parser accuracy on UD EWT test and NER on GUM news."""
    ewt = score(nlp, [eval_root / "ud-ewt" / "en_ewt-ud-test.conllu"], entities=False)
    print(f"UD EWT test ({ewt['words']} words): tag accuracy {ewt['tag_acc']:.4f}, "
          f"lemma accuracy {ewt['lemma_acc']:.4f}, UAS {ewt.get('dep_uas') or 0:.4f}, "
          f"LAS {ewt.get('dep_las') or 0:.4f}, {ewt['words_per_second']:.0f} words/s")
    news = score(nlp, held_out_news(eval_root), entities=True)
    print(f"GUM news, held out ({news['words']} words): NER P {news['ents_p']:.4f} "
          f"R {news['ents_r']:.4f} F1 {news['ents_f']:.4f}")
    for label, per in sorted((news.get("ents_per_type") or {}).items()):
        print(f"  {label:<7} P {per['p']:.4f} R {per['r']:.4f} F1 {per['f']:.4f}")
