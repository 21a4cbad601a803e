"""Turn a command-line input (file, `-`, or URL) into an `Article`.

Formats recognised: the seed format (title, YYYYMMDD date, URL, then paragraphs), plain text
(the first line is the title when a blank line follows it), and saved HTML pages. For text
inputs `Article.text` is an exact substring of the input, so brief offsets point into it.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from bot.briefing.model import Article
from bot.briefing.text.language import count_words, is_english
from bot.errors import InputError
from bot.sniffing import looks_binary

MIN_WORDS = 40
MAX_INPUT_BYTES = 20_000_000
_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_URL = re.compile(r"^https?://\S+$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(//)?", re.IGNORECASE)
_PATHLESS_SCHEMES = frozenset({"javascript", "data", "mailto", "about", "blob", "vbscript", "tel"})
_GZIP_MAGIC = b"\x1f\x8b"
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)


def read_input(argument: str, fetch_url: Callable[[str], Article] | None = None) -> Article:
    """The article behind one CLI argument; raises `BotError` subclasses on bad input."""
    if argument == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        article = article_from_bytes(data, name="standard input")
    elif argument.lower().startswith(("http://", "https://")):
        if fetch_url is None:
            raise InputError("fetching URLs is not available here")
        article = fetch_url(argument)
    elif _is_other_link(argument):
        scheme = argument.split(":", 1)[0].lower()
        raise InputError(f"{scheme}: links are not supported; give an http(s) link, a file "
                         "or - (standard input)")
    else:
        article = article_from_bytes(_read_file(user_path(argument)), name=argument)
    return check_briefable(article)


def _is_other_link(argument: str) -> bool:
    """`ftp://...`, `file:///...`, `javascript:...`: a link, but not one to fetch. A file of
    that name, if there is one, is still read as a file."""
    match = _SCHEME.match(argument)
    if match is None or not (match.group(2) or match.group(1).lower() in _PATHLESS_SCHEMES):
        return False
    try:
        return not Path(argument).exists()
    except (OSError, ValueError):
        return True


def user_path(argument: str) -> Path:
    """`argument` as a path, with `~` and `~user` expanded when that user exists.

    `Path.expanduser` raises RuntimeError for an unknown user; such a path is then taken
    literally (and is most likely missing), never a crash."""
    path = Path(argument)
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def check_briefable(article: Article) -> Article:
    """Long enough, and in English: the engine's rules and word lists are English ones, and
    on other languages they give junk actors and positions."""
    count = count_words(article.text)
    if count < MIN_WORDS:
        raise InputError(f"too short to brief: {count} words (at least {MIN_WORDS} needed)")
    if not is_english(article.text):
        raise InputError("only English articles can be briefed, and this one does not look "
                         "like English")
    return article


def cut_text(article: Article, limit: int) -> Article:
    """The article's first `limit` characters, ending at a sentence or word end: work per
    link stays bounded whatever a page holds. The same article when it is short enough."""
    if len(article.text) <= limit:
        return article
    head = article.text[:limit]
    end = max(head.rfind(". "), head.rfind("\n"))
    if end < limit // 2:
        end = head.rfind(" ")
    return dataclasses.replace(article, text=head[:end + 1 if end > 0 else limit].rstrip())


def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if not path.is_file():
        raise InputError(f"not a file: {path}")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or 'unreadable'}") from error
    return data


def article_from_bytes(data: bytes, name: str) -> Article:
    """Decode and parse raw input, refusing empty, huge and binary data."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is too large to brief (over {MAX_INPUT_BYTES // 1_000_000} MB)")
    if not data.strip():
        raise InputError(f"{name} is empty")
    if data[:2] == _GZIP_MAGIC:
        data = gunzip_bounded(data, MAX_INPUT_BYTES, name)
    if looks_binary(data):
        raise InputError(f"{name} looks like a binary file, not an article")
    if _HTML_START.match(data[:1024]):
        from bot.fetch.extract import extract_article

        return extract_article(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name} is not UTF-8 text") from error
    return article_from_text(text)


def gunzip_bounded(data: bytes, limit: int, name: str) -> bytes:
    """Every gzip member of `data`, inflated in a stream that stops past `limit` bytes.

    A small bomb (1 MB of gzip holds 1 GB of spaces) never gets the chance to fill memory."""
    output = bytearray()
    remaining = data
    while remaining:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            output += inflater.decompress(remaining, limit + 1 - len(output))
        except zlib.error as error:
            raise InputError(f"{name} is a damaged gzip file") from error
        if len(output) > limit or inflater.unconsumed_tail:
            raise InputError(f"{name} is too large to brief once decompressed "
                             f"(over {limit // 1_000_000} MB)")
        if not inflater.eof:
            raise InputError(f"{name} is a damaged gzip file (it ends too soon)")
        remaining = inflater.unused_data
        if remaining[:2] != _GZIP_MAGIC:
            break  # trailing padding after the last member, as gzip(1) allows
    return bytes(output)


def article_from_text(text: str) -> Article:
    """Parse seed-format or plain text; the body stays an exact substring of `text`."""
    lines = text.split("\n")
    if len(lines) >= 4 and _DATE.match(lines[1].strip()) and _URL.match(lines[2].strip()):
        year, month, day = _DATE.match(lines[1].strip()).groups()  # type: ignore[union-attr]
        body_start = sum(len(line) + 1 for line in lines[:3])
        return Article(
            title=lines[0].strip(), text=text[body_start:].rstrip(),
            url=lines[2].strip(), published=f"{year}-{month}-{day}", source=_site(lines[2]),
        )
    if len(lines) >= 3 and lines[0].strip() and not lines[1].strip():
        body_start = len(lines[0]) + 1
        while body_start < len(text) and text[body_start] in "\r\n \t":
            body_start += 1
        return Article(title=lines[0].strip(), text=text[body_start:].rstrip())
    body = text.strip()
    start = text.index(body[:1]) if body else 0
    first_line = body.split("\n", 1)[0]
    title = first_line if len(first_line) <= 120 else first_line[:117].rstrip() + "..."
    return Article(title=title, text=text[start:start + len(body)])


def _site(url: str) -> str | None:
    match = re.match(r"https?://(?:www\.)?([^/:?#]+)", url.strip())
    return match.group(1).lower() if match else None
