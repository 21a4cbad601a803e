"""Main text and metadata of a page: trafilatura first, readability-lxml when it finds little."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree
from readability import Document as ReadabilityDocument

from bot.briefing.model import Article
from bot.briefing.text.boilerplate import is_promotion_line
from bot.fetch.charsets import decode_body
from bot.fetch.errors import InvalidUrl, NoArticleText
from bot.fetch.urls import canonical_url
from bot.redact import redact_userinfo

logger = logging.getLogger(__name__)

# Below this, trafilatura's answer is doubtful and readability gets a try.
FALLBACK_BELOW_CHARS = 500
# Below this, there is no article to brief: a teaser, a consent wall or a script shell.
MIN_ARTICLE_CHARS = 200
# Parsing cost grows with size; the fetcher caps bodies anyway, this guards files from disk.
MAX_HTML_CHARS = 5_000_000

_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TAG_RE = re.compile(r"<(?:link|meta)\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "pre",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "figure", "figcaption", "br", "hr",
})


@dataclass(frozen=True, slots=True)
class _Extraction:
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None


def extract_article(html: str | bytes, url: str | None = None) -> Article:
    """An `Article` from a page's HTML; raises `NoArticleText` rather than return an empty one.

    `url` is where the page came from; the canonical URL the page declares replaces it
    when it is on the same site.
    """
    markup = decode_body(html, html=True) if isinstance(html, bytes) else html
    if not isinstance(markup, str) or not markup.strip():
        raise NoArticleText()
    markup = markup[:MAX_HTML_CHARS]
    primary = _with_trafilatura(markup, url)
    best = primary
    if len(primary.text) < FALLBACK_BELOW_CHARS:
        fallback = _with_readability(markup)
        if len(fallback.text) > len(primary.text):
            logger.debug("readability beat trafilatura on %s", redact_userinfo(url or ""))
            best = _Extraction(
                fallback.text, primary.title or fallback.title, primary.published, primary.source
            )
    if len(best.text) < MIN_ARTICLE_CHARS:
        raise NoArticleText()
    page_url = _canonical_or_none(url, _declared_url(markup))
    return Article(
        title=best.title or _first_line(best.text),
        text=best.text,
        url=page_url,
        published=best.published,
        source=best.source or _site_from_url(page_url),
    )


def article_from_plain_text(text: str, url: str | None = None) -> Article:
    """Plain-text pages: blank lines separate paragraphs, and the first line is the title."""
    paragraphs = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    ]
    if len(paragraphs) == 1:  # no blank lines at all: treat each line as a paragraph
        paragraphs = [line.strip() for line in text.splitlines()]
    body = "\n".join(p for p in paragraphs if p)
    if len(body) < MIN_ARTICLE_CHARS:
        raise NoArticleText()
    page_url = _canonical_or_none(url, None)
    return Article(title=_first_line(body), text=body, url=page_url,
                   source=_site_from_url(page_url))


def _with_trafilatura(markup: str, url: str | None) -> _Extraction:
    try:
        document = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=True,
        )
    except Exception as error:  # a third-party parser on hostile input: any failure is "nothing"
        logger.debug("trafilatura failed on %s: %r", redact_userinfo(url or ""), error)
        return _Extraction("")
    if document is None or isinstance(document, dict):
        return _Extraction("")
    date = document.date if document.date and _ISO_DATE_RE.match(document.date) else None
    return _Extraction(
        text=_one_paragraph_per_line(document.text or ""),
        title=_clean(document.title),
        published=date,
        source=_clean(document.sitename),
    )


def _with_readability(markup: str) -> _Extraction:
    try:
        document = ReadabilityDocument(markup)
        text = _html_to_paragraphs(document.summary(html_partial=True))
        title = document.short_title()
    except Exception as error:  # readability and lxml raise all sorts of errors on garbage
        logger.debug("readability failed: %r", error)
        return _Extraction("")
    return _Extraction(text=text, title=_clean(title))


def _html_to_paragraphs(fragment: str) -> str:
    """Text of an HTML fragment with a line break at every block boundary."""
    if not fragment.strip():
        return ""
    pieces: list[str] = []
    # iterwalk rather than recursion: hostile pages nest deeper than Python's stack allows.
    for event, element in etree.iterwalk(lxml.html.fromstring(fragment), events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None  # None: comment, PI
        if tag in _BLOCK_TAGS:
            pieces.append("\n")
        if event == "start" and tag is not None and tag not in ("script", "style"):
            pieces.append(element.text or "")
        elif event == "end":
            pieces.append(element.tail or "")
    return _one_paragraph_per_line("".join(pieces))


def _one_paragraph_per_line(text: str) -> str:
    """One paragraph per line, without the short calls to action and credits between them."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line and not is_promotion_line(line))


def _declared_url(markup: str) -> str | None:
    """`<link rel=canonical>` or `<meta property=og:url>` from the page head, if any."""
    head = markup[:300_000]
    end_of_head = head.lower().find("</head>")
    if end_of_head >= 0:
        head = head[:end_of_head]
    found: dict[str, str] = {}
    for tag in _TAG_RE.finditer(head):
        attributes = {
            name.lower(): unescape(value.strip("\"'"))
            for name, value in _ATTR_RE.findall(tag.group(0))
        }
        if "canonical" in attributes.get("rel", "").lower().split() and attributes.get("href"):
            found.setdefault("canonical", attributes["href"])
        elif attributes.get("property", "").lower() == "og:url" and attributes.get("content"):
            found.setdefault("og", attributes["content"])
    return found.get("canonical") or found.get("og")


def _canonical_or_none(url: str | None, declared: str | None) -> str | None:
    if not url:
        return None
    try:
        return canonical_url(url, declared)
    except InvalidUrl:
        return url


def _site_from_url(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0].strip()
    return line if len(line) <= 120 else line[:117].rstrip() + "..."


def _clean(value: str | None) -> str | None:
    cleaned = " ".join((value or "").split())
    return cleaned or None
