"""Whether raw bytes are text at all: shared by file inputs and the fetcher, and light to
import (the CLI reads text files without loading the HTML parsers)."""

from __future__ import annotations

import codecs

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# C0 controls that text does not use (tab, line feed, form feed, carriage return and escape
# are left out): random bytes hold about 9% of them, real pages almost none.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})


def looks_binary(body: bytes) -> bool:
    """NUL bytes, or more control bytes than any text has, near the start (after a BOM)."""
    for bom in _BOMS:
        if body.startswith(bom):
            return False  # UTF-16 text is full of NULs
    sample = body[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 50)
