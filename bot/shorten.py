"""One way to cut text to a limit, for every place that shows text to people."""

from __future__ import annotations

import re

ELLIPSIS = "…"
_ESCAPE = re.compile(r"&#?\w+;")  # &amp; &lt; &#62;: Slack's text escapes


def shorten(text: str, limit: int, *, flatten: bool = True) -> str:
    """At most `limit` characters, cut at a word boundary in the last half and marked "…".

    `flatten` folds runs of whitespace (newlines too) into single spaces; chat renderers
    pass False to keep their line breaks. A cut never splits an escape such as `&amp;`.
    """
    text = " ".join(text.split()) if flatten else text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    escape = _ESCAPE.match(text, cut.rfind("&")) if "&" in cut else None
    if escape is not None and escape.end() > len(cut):
        cut = cut[:escape.start()]
    return cut.rstrip().rstrip(",;:").rstrip() + ELLIPSIS
