"""Which character ranges lie inside any of a set of spans, answered by bisection."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Cover:
    """The union of some (start, end) ranges, which may overlap or nest."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the ranges starting at or before each index.
        self._furthest = list(accumulate((end for _, end in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        """Some range starts at or before `start` and ends at or after `end`."""
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._furthest[index] >= end
