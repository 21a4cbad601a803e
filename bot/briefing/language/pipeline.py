"""The trained spaCy pipeline, loaded once from package data (never downloaded).

The model files are built by `make model` from GUM and UD EWT and carry their licences
(CC BY / CC BY-SA; see LICENSE.md beside them).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent / "model"
# Trained and shipped, but no rule reads dependencies yet: not run, so it costs nothing.
RUNTIME_EXCLUDED = ("parser",)


@cache
def pipeline() -> Language:
    """The shipped pipeline: tokens, tags, lemmas and named entities."""
    return spacy.load(MODEL_DIR, exclude=list(RUNTIME_EXCLUDED))
