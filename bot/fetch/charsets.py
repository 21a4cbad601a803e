"""A response body as text: the character set read the way browsers read it, via w3lib.

w3lib's `html_to_unicode` decodes with whatever codec a page names, so a label such as
`rot13`, `base64` or `undefined` makes it raise. The order is the same here (BOM, header,
`<meta>`, a guess), but every label is checked first to name a real character set, so a
page can name anything and still be read.
"""

from __future__ import annotations

import codecs
import logging

from charset_normalizer import from_bytes
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
    to_unicode,
)

logger = logging.getLogger(__name__)

GUESS_BYTES = 200_000
# Text codecs that are no character set of a page: transforms, escapes, refusals (w3lib
# already refuses UTF-7, which browsers refuse too because it hides markup from filters).
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape",
                           "raw-unicode-escape"})


def decode_body(body: bytes, content_type: str | None = None, *, html: bool = True) -> str:
    """Text of a body: BOM first, then the Content-Type header, then a `<meta>` tag (HTML
    only), then a guess; bytes a character set cannot read become U+FFFD."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding is not None and bom is not None:
        return to_unicode(body[len(bom):], bom_encoding).lstrip("\ufeff")
    encoding = text_encoding(http_content_type_encoding(content_type))
    if encoding is None and html:
        encoding = text_encoding(html_body_declared_encoding(body))
        # A UTF-16 label inside ASCII-readable markup is a lie (WHATWG); read as UTF-8.
        if encoding is not None and encoding.startswith("utf-16"):
            encoding = "utf-8"
    if encoding is not None:
        try:
            return to_unicode(body, encoding)
        except (UnicodeError, LookupError, ValueError, TypeError) as error:
            logger.debug("charset %s cannot read this body (%s); guessing", encoding, error)
    return to_unicode(body, guess_encoding(body))


def guess_encoding(body: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else charset_normalizer's guess, else cp1252."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        guess = from_bytes(body[:GUESS_BYTES]).best()
        return (text_encoding(guess.encoding) if guess is not None else None) or "cp1252"
    return "utf-8"


def text_encoding(label: str | None) -> str | None:
    """The codec a charset label names (with w3lib's browser aliases, latin1 -> cp1252),
    or None when it names no character set at all.

    Python's codec registry also holds transforms (rot13, base64, zlib), IDNA and the
    like; a page may name any of them, so only text encodings that read bytes count."""
    if not label:
        return None
    name = resolve_encoding(label.strip())
    if name is None:
        return None
    info = codecs.lookup(name)
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name
