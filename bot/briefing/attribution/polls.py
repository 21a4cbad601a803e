"""Polls as sources: "In a CNN poll released Monday, 45 percent backed the mayor." The poll is
the source, "In" the cue, and the clause after the comma the content (as PolNeAR marks it).

Works on the masked text (see `attribution.py`).
"""

from __future__ import annotations

import re

_POLL_LEAD = re.compile(
    r"\s*(?:But\s+|And\s+)?(In)\s+((?:a|an|the|this|that|its|their|one|another|each)\b"
    r"[^,;:\"_()]{0,80}?\b(?:poll|polls|survey|surveys)\b[^,;:\"_()]{0,60}?)\s*,\s*",
)


def poll_attribution(
    masked: str, unit_start: int, unit_end: int
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int, bool]] | None:
    """Source, cue and content of a unit opening with "In a ... poll ...,"."""
    match = _POLL_LEAD.match(masked, unit_start, unit_end)
    if match is None:
        return None
    end = unit_end
    while end > match.end() and masked[end - 1] in " \t\n.":
        end -= 1
    if len(masked[match.end():end].split()) < 3:
        return None
    return match.span(2), match.span(1), (match.end(), end, False)
