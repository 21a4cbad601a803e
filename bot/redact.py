"""Secrets that users paste must not reach logs or replies: the userinfo part of URLs.

`https://ann:hunter2@example.com/x` becomes `https://***@example.com/x`, wherever it
appears in a text (a log line, a traceback, an error message).
"""

from __future__ import annotations

import re

# scheme://userinfo@ : the userinfo runs to the last "@" before the host (passwords may hold
# an unescaped "@"), and never crosses a path, query, fragment or white space.
_USERINFO = re.compile(r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)[^/\s?#<>|\"'`]*@", re.IGNORECASE)
REDACTED = "***"


def redact_userinfo(text: str) -> str:
    """`text` with the user name and password of every URL in it replaced by ***."""
    if "@" not in text:
        return text
    return _USERINFO.sub(rf"\g<scheme>{REDACTED}@", text)
