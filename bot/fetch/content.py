"""What a response body is: HTML, plain text or something we refuse; and how to inflate it."""

from __future__ import annotations

import codecs
import re
import zlib

from bot.fetch.errors import TooLarge, UnsupportedContentType
from bot.sniffing import looks_binary

HTML = "html"
PLAIN_TEXT = "text"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_FRIENDLY_NAMES = {
    "application/pdf": "PDF",
    "application/json": "JSON",
    "application/zip": "ZIP",
    "application/rss+xml": "RSS feed",
    "application/atom+xml": "Atom feed",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/css": "CSS",
    "text/javascript": "JavaScript",
    "application/javascript": "JavaScript",
    "application/msword": "Word document",
}
_FRIENDLY_FAMILIES = {"image": "image", "video": "video", "audio": "audio", "font": "font"}
_MAGIC_NAMES = (
    (b"%PDF-", "PDF"), (b"\x89PNG", "image"), (b"\xff\xd8\xff", "image"), (b"GIF8", "image"),
    (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b", "compressed file"),
)
_HTML_SNIFF_RE = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)",
                            re.IGNORECASE | re.DOTALL)


def media_type(content_type_header: str | None) -> str:
    """`text/html; charset=utf-8` -> `text/html`."""
    return (content_type_header or "").split(";", 1)[0].strip().lower()


def classify_declared(content_type_header: str | None) -> str | None:
    """HTML or plain text from the header alone; None when only the body can tell.

    Raises `UnsupportedContentType` early for PDFs, images and the like, before any download.
    """
    kind = media_type(content_type_header)
    if kind in _HTML_TYPES:
        return HTML
    if kind in _TEXT_TYPES:
        return PLAIN_TEXT
    if kind in _UNTYPED:
        return None
    raise _unsupported(_friendly_name(kind), kind)


def sniff_kind(body: bytes) -> str:
    """For untyped responses: recognise HTML, refuse known binary formats, else call it text."""
    head = body[:1024]
    for magic, name in _MAGIC_NAMES:
        if head.startswith(magic):
            raise _unsupported(name, "")
    if _HTML_SNIFF_RE.match(head.lstrip(codecs.BOM_UTF8)):
        return HTML
    if looks_binary(body):
        raise _unsupported("binary file", "")
    return PLAIN_TEXT


def refuse_binary(body: bytes) -> None:
    """Raise `UnsupportedContentType` for a binary body, whatever its label says: parsers
    fed noise only fail (and log their own tracebacks)."""
    if looks_binary(body):
        raise _unsupported("binary file", "")


def _friendly_name(kind: str) -> str:
    family = kind.split("/", 1)[0]
    return _FRIENDLY_NAMES.get(kind) or _FRIENDLY_FAMILIES.get(family) or kind


def _unsupported(name: str, kind: str) -> UnsupportedContentType:
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return UnsupportedContentType(f"can't brief {article} {name} link", kind)


class BoundedDecoder:
    """Undoes gzip/deflate while counting output, so a small bomb cannot fill memory."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        encoding = (content_encoding or "identity").strip().lower()
        self._limit = limit
        self._produced = 0
        self._encoding = encoding
        if encoding in ("identity", ""):
            self._inflater = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif encoding == "deflate":
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
        else:
            raise UnsupportedContentType(
                f"can't read that page: it uses an unknown compression ({encoding})", encoding
            )
        self._first_chunk = True

    def feed(self, chunk: bytes) -> bytes:
        if self._inflater is None:
            return self._count(chunk)
        room = self._limit - self._produced + 1
        try:
            output = self._inflater.decompress(chunk, room)
        except zlib.error:
            if not (self._first_chunk and self._encoding == "deflate"):
                raise
            # Some servers send raw deflate without the zlib header.
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            output = self._inflater.decompress(chunk, room)
        self._first_chunk = False
        if self._inflater.unconsumed_tail:
            raise self.too_large_error()
        return self._count(output)

    def _count(self, data: bytes) -> bytes:
        self._produced += len(data)
        if self._produced > self._limit:
            raise self.too_large_error()
        return data

    def too_large_error(self) -> TooLarge:
        megabytes = self._limit / 1_000_000
        return TooLarge(f"that page is too large to brief (over {megabytes:g} MB)")
