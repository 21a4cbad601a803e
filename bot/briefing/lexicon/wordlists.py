"""Word lists as data files, so a linguist can extend a rule without touching code.

Each list is `bot/briefing/lexicon/<name>.txt`: one entry per line, `#` starts a comment, blank
lines are skipped, entries are lowercased. Lists are read once per process and cached.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


@cache
def load_words(name: str) -> frozenset[str]:
    """The entries of `data/<name>.txt`, lowercased; a missing list is a programming error."""
    path = DATA_DIR / f"{name}.txt"
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(" ".join(entry.split()))
    return frozenset(entries)
