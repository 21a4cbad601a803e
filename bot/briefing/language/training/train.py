"""`make model`: train the language layer on ../shared/eval and ship it as package data.

Training data: GUM's CC BY / CC BY-SA documents except its news (held out to measure NER
and actors) and UD EWT dev (tags, lemmas and dependencies only). UD EWT test is held out to
measure the tagger. A few GUM documents of each other genre choose the best checkpoint.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin

from bot.briefing.language.corpus import read_docs
from bot.briefing.language.pipeline import MODEL_DIR
from bot.briefing.language.training.augment import augmented
from bot.briefing.language.training.scoring import default_eval_dir, report

log = logging.getLogger(__name__)
CONFIG = Path(__file__).with_name("config.cfg")
LICENCE = Path(__file__).with_name("MODEL_LICENSE.md")
HELD_OUT_GENRE = "news"
# Checkpoint-selection documents: the last document of each other genre, in sorted order.
DEV_PER_GENRE = 1
# Copies of each GUM training document with other people's and places' names in them.
AUGMENTED_COPIES = 1
# Files spaCy writes that the engine does not need at run time.
_UNSHIPPED = ("meta.json.bak",)


def split_gum(gum_dir: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """(train, checkpoint-dev, held-out news) GUM files."""
    by_genre: dict[str, list[Path]] = {}
    for path in sorted(gum_dir.glob("GUM_*.conllu")):
        by_genre.setdefault(path.stem.split("_")[1], []).append(path)
    train_files: list[Path] = []
    dev_files: list[Path] = []
    for genre, files in by_genre.items():
        if genre == HELD_OUT_GENRE:
            continue
        train_files += files[:-DEV_PER_GENRE]
        dev_files += files[-DEV_PER_GENRE:]
    return train_files, dev_files, by_genre.get(HELD_OUT_GENRE, [])


def build_corpora(eval_root: Path, work: Path) -> tuple[Path, Path]:
    nlp = spacy.blank("en")
    train_files, dev_files, _ = split_gum(eval_root / "gum" / "dep")
    train_bin, dev_bin = DocBin(), DocBin()
    gum = [doc for path in train_files for doc in read_docs(path, nlp.vocab)]
    for doc in [*gum, *augmented(gum, AUGMENTED_COPIES)]:
        train_bin.add(doc)
    for doc in read_docs(eval_root / "ud-ewt" / "en_ewt-ud-dev.conllu", nlp.vocab,
                         entities=False):
        train_bin.add(doc)
    for path in dev_files:
        for doc in read_docs(path, nlp.vocab):
            dev_bin.add(doc)
    train_path, dev_path = work / "train.spacy", work / "dev.spacy"
    train_bin.to_disk(train_path)
    dev_bin.to_disk(dev_path)
    log.info("training docs %d, checkpoint docs %d", len(train_bin), len(dev_bin))
    return train_path, dev_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--output", type=Path, default=MODEL_DIR)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="override a config value, e.g. components.tok2vec.model.encode."
                             "width=64 (repeatable)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    eval_root = default_eval_dir()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        train_path, dev_path = build_corpora(eval_root, work)
        overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
        if args.steps:
            overrides["training.max_steps"] = args.steps
        for item in args.set:
            key, _, value = item.partition("=")
            overrides[key] = int(value) if value.isdigit() else value
        train(CONFIG, work / "out", overrides=overrides)
        best = work / "out" / "model-best"
        for name in _UNSHIPPED:
            (best / name).unlink(missing_ok=True)
        if args.output.exists():
            shutil.rmtree(args.output)
        shutil.copytree(best, args.output)
        shutil.copy(LICENCE, args.output / "LICENSE.md")
    report(spacy.load(args.output), eval_root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
