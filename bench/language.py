"""The language layer on held-out treebank text: tags, lemmas, dependencies and entities.

UD EWT test (never trained on) measures tags, lemmas and the parser; GUM's news documents
(held out of training) measure named entities per type. Each is printed beside a naive
baseline from the same training data: the most frequent tag of each word, and a lookup of
every entity string seen in training with its most frequent label. Speed is the shipped
pipeline's, with and without the parser the engine does not run.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example

from bench.common import EVAL_DIR, print_table, read_text, require_eval
from bot.briefing.language.corpus import read_docs
from bot.briefing.language.pipeline import MODEL_DIR, RUNTIME_EXCLUDED, pipeline
from bot.briefing.language.training.scoring import held_out_news, score
from bot.briefing.language.training.train import split_gum


def training_docs(vocab) -> list[Doc]:
    train_files, _, _ = split_gum(require_eval("gum") / "dep")
    docs = [doc for path in train_files for doc in read_docs(path, vocab)]
    docs += read_docs(EVAL_DIR / "ud-ewt" / "en_ewt-ud-dev.conllu", vocab, entities=False)
    return docs


def tag_baseline(train: list[Doc], test_path: Path, vocab) -> float:
    """Accuracy of the most frequent training tag of each word (NN for unseen words)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in train:
        for token in doc:
            counts[token.text][token.tag_] += 1
    right = total = 0
    for doc in read_docs(test_path, vocab, entities=False):
        for token in doc:
            seen = counts.get(token.text)
            guess = seen.most_common(1)[0][0] if seen else "NN"
            right += guess == token.tag_
            total += 1
    return right / total


def entity_baseline(train: list[Doc], nlp: Language) -> dict:
    """Label every occurrence of an entity string seen in training, longest first."""
    labels: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for doc in train:
        for ent in doc.ents:
            labels[tuple(t.text for t in ent)][ent.label_] += 1
    longest = max((len(key) for key in labels), default=1)
    examples = []
    for path in held_out_news(EVAL_DIR):
        for gold in read_docs(path, nlp.vocab):
            predicted = Doc(nlp.vocab, words=[t.text for t in gold],
                            spaces=[bool(t.whitespace_) for t in gold])
            spans, index = [], 0
            while index < len(predicted):
                for size in range(min(longest, len(predicted) - index), 0, -1):
                    key = tuple(t.text for t in predicted[index:index + size])
                    if key in labels:
                        label = labels[key].most_common(1)[0][0]
                        spans.append(Span(predicted, index, index + size, label=label))
                        index += size
                        break
                else:
                    index += 1
            predicted.ents = spans
            examples.append(Example(predicted, gold))
    return Scorer.score_spans(examples, "ents")


def words_per_second(nlp: Language, texts: list[str]) -> float:
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts))
    return words / (time.perf_counter() - started)


def main() -> None:
    nlp = spacy.load(MODEL_DIR)  # the full shipped pipeline, parser included
    train = training_docs(nlp.vocab)
    ewt_path = require_eval("ud-ewt") / "en_ewt-ud-test.conllu"
    ewt = score(nlp, [ewt_path], entities=False)
    print(f"UD EWT test, {ewt['words']} words (never trained on)")
    print_table(["system", "tag accuracy", "lemma accuracy", "UAS", "LAS"], [
        ["baseline: most frequent tag per word", tag_baseline(train, ewt_path, nlp.vocab),
         "", "", ""],
        ["ours", ewt["tag_acc"], ewt["lemma_acc"], ewt["dep_uas"], ewt["dep_las"]],
    ])
    news = score(nlp, held_out_news(EVAL_DIR), entities=True)
    base = entity_baseline(train, nlp)
    print(f"\nGUM news, {news['words']} words (held out): named entities by type")
    rows = [["baseline: training-string lookup", "all", base["ents_p"], base["ents_r"],
             base["ents_f"]], ["ours", "all", news["ents_p"], news["ents_r"], news["ents_f"]]]
    for label, per in sorted(news["ents_per_type"].items()):
        rows.append(["ours", label, per["p"], per["r"], per["f"]])
    print_table(["system", "type", "P", "R", "F1"], rows)
    texts = [read_text(p).partition("\n")[2] for p in
             sorted((require_eval("bbc-summary") / "articles").glob("*/*.txt"))[:200]]
    print("\nspeed on 200 BBC articles (one core)")
    print_table(["pipeline", "words/s"], [
        ["as the engine runs it (no parser)", words_per_second(pipeline(), texts)],
        ["with the parser", words_per_second(nlp, texts)],
    ])
    print(f"excluded at run time: {', '.join(RUNTIME_EXCLUDED)}")


if __name__ == "__main__":
    main()
