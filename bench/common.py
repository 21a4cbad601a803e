"""Paths and small helpers shared by the benchmarks."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))


def require_eval(name: str) -> Path:
    """The folder of one evaluation set, or a clear exit when it is absent."""
    path = EVAL_DIR / name
    if not path.exists():
        raise SystemExit(f"evaluation data not found: {path} (set EVAL_DIR)")
    return path


def read_text(path: Path) -> str:
    """A data file as text: UTF-8, or Latin-1 for the few BBC files that are not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def print_table(headers: list[str], rows: list[list[object]]) -> None:
    """A plain, aligned table that pastes cleanly into Markdown."""
    cells = [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)
