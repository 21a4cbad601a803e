"""One dispute per matter: repeats of a claim, worded alike or apart, are merged."""

from __future__ import annotations

from bot.briefing.model import Dispute
from bot.briefing.text.keywords import content_words

# Two claims are one matter when the same disputant contests both and they share this many
# content words, making up at least half of the shorter claim's.
_SHARED_WORDS = 3


def same_matter(first: Dispute, second: Dispute) -> bool:
    """The same claim, or the same disputant against a claim worded again ("Clinton had
    helped Machado get citizenship" / "Clinton had a role in Machado's citizenship")."""
    if first.claim.lower() == second.claim.lower():
        return True
    if not set(first.disputants) & set(second.disputants):
        return False
    left = content_words(first.claim, min_length=4)
    right = content_words(second.claim, min_length=4)
    shared = len(left & right)
    return shared >= _SHARED_WORDS and 2 * shared >= min(len(left), len(right))


def _add_names(known: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    """Names not yet known; "Trump" is known when "Donald Trump" is, and the reverse."""
    names = list(known)
    for name in new:
        same = next((i for i, k in enumerate(names) if k == name or k.endswith(" " + name)
                     or name.endswith(" " + k)), None)
        if same is None:
            names.append(name)
        elif len(name) > len(names[same]):
            names[same] = name
    return tuple(names)


def unique_disputes(disputes: list[Dispute]) -> list[Dispute]:
    """One dispute per matter, in the order first found: the disputants, claimants and
    evidence of its repeats are merged in."""
    merged: list[Dispute] = []
    for dispute in disputes:
        at = next((i for i, known in enumerate(merged) if same_matter(known, dispute)), None)
        if at is None:
            merged.append(dispute)
            continue
        known = merged[at]
        evidence = sorted(set(known.evidence) | set(dispute.evidence), key=lambda s: s.start)
        merged[at] = Dispute(known.claim, _add_names(known.claimants, dispute.claimants),
                             _add_names(known.disputants, dispute.disputants), tuple(evidence))
    return [d for d in merged if d.disputants and not set(d.disputants) & set(d.claimants)]
