"""URL helpers: a canonical form for deduplication, and the links a chat message carries."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote, urljoin, urlsplit, urlunsplit

import idna
from tld import get_fld
from w3lib.url import safe_url_string, url_query_cleaner

from bot.fetch.errors import InvalidUrl

WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query keys that only say where a click came from; removing them never changes the page.
TRACKING_KEYS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
    "oly_enc_id", "vero_id", "vero_conv", "wickedid", "rb_clickid", "s_cid", "ncid", "sr_share",
    "ref_src", "ref_url", "cmpid", "spm", "share_source", "smid", "guccounter",
})
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "itm_")

# Links to these are files, images or media, not articles.
FILE_EXTENSIONS = frozenset({
    "png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "ico", "tif", "tiff", "heic", "avif",
    "mp3", "mp4", "m4a", "m4v", "mov", "avi", "mkv", "webm", "wav", "ogg", "flac",
    "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "exe", "dmg", "apk", "msi", "iso",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "json",
})
FILE_HOSTS = frozenset({
    "files.slack.com", "slack-files.com", "cdn.discordapp.com", "media.discordapp.net",
    "media.tenor.com", "i.imgur.com", "i.redd.it", "pbs.twimg.com",
})

# Slack: <url> or <url|label>; Discord: <url> (embed suppressed); else a bare link.
_LINK_RE = re.compile(
    r"<(?P<wrapped>https?://[^|<>\s]+)(?:\|[^<>]*)?>|(?P<bare>https?://[^\s<>\"'`|]+)",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?'\"*_~"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def canonical_url(url: str, html_declared: str | None = None) -> str:
    """One spelling per page, so that the same article posted twice is stored once.

    A page's own `rel=canonical`/`og:url` wins when it is a same-site http(s) URL;
    a declaration pointing elsewhere is ignored, because any page can claim anything.
    """
    base = _normalise(url)
    if html_declared and html_declared.strip():
        try:
            declared = _normalise(urljoin(base, html_declared.strip()))
        except (InvalidUrl, ValueError):
            return base
        if same_site(base, declared):
            return declared
    return base


def same_site(first: str, second: str) -> bool:
    """Whether two URLs share a registrable domain (or the same host, for bare hosts and IPs)."""
    first_host = (urlsplit(first).hostname or "").rstrip(".")
    second_host = (urlsplit(second).hostname or "").rstrip(".")
    if not first_host or not second_host:
        return False
    if first_host == second_host:
        return True
    first_domain = get_fld(first, fail_silently=True)
    return first_domain is not None and first_domain == get_fld(second, fail_silently=True)


def split_web_url(url: str) -> SplitResult:
    """Parse and check a URL the bot may open: http(s), with a host and a numeric port."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        raise InvalidUrl(f"that link is not a valid web address ({error})") from None
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise InvalidUrl("only http and https links can be briefed")
    if not parts.hostname:
        raise InvalidUrl("that link has no host name")
    return parts


def ascii_host(host: str) -> str:
    """Lower-case, IDNA-encoded host, so that `Bücher.DE` and `xn--bcher-kva.de` match."""
    host = host.strip().rstrip(".").lower()
    if host.isascii():
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        raise InvalidUrl("that link has an invalid host name") from None


def find_links(message: str, limit: int = 3) -> list[str]:
    """The article links in a chat message, in order, without duplicates, at most `limit`."""
    found: list[str] = []
    seen: set[str] = set()
    for match in _LINK_RE.finditer(message or ""):
        if len(found) >= limit:
            break
        link = match.group("wrapped") or _trim_bare_link(match.group("bare"))
        link = link.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        try:
            key = canonical_url(link)
        except InvalidUrl:
            continue
        if key in seen or is_file_link(key):
            continue
        seen.add(key)
        found.append(link)
    return found


def is_file_link(url: str) -> bool:
    """Images, media and uploads: never articles, so the bot does not try to brief them."""
    parts = urlsplit(url)
    if (parts.hostname or "") in FILE_HOSTS:
        return True
    last_segment = unquote(parts.path).rsplit("/", 1)[-1]
    extension = last_segment.rsplit(".", 1)[-1].lower() if "." in last_segment else ""
    return extension in FILE_EXTENSIONS


def _normalise(url: str) -> str:
    """Our checks and host rules, then w3lib for the query and the percent-encoding.

    Ours: only http(s) with a host and a numeric port (w3lib accepts anything), an IDNA host
    that fails loudly, and no user info or default port (w3lib keeps both). w3lib's
    `url_query_cleaner` drops the tracking keys (keeping order, repeated keys and the
    fragment out) and `safe_url_string` percent-encodes what a browser would.
    """
    parts = split_web_url(url)
    scheme = parts.scheme.lower()
    host = ascii_host(parts.hostname or "")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    base = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    tracking = [item.split("=", 1)[0] for item in parts.query.split("&") if _is_tracking(item)]
    return safe_url_string(url_query_cleaner(base, tracking, remove=True, unique=False))


def _is_tracking(query_item: str) -> bool:
    """w3lib matches keys exactly; prefixes (utm_...) and any spelling need our own test."""
    key = unquote(query_item.split("=", 1)[0]).strip().lower()
    return key in TRACKING_KEYS or key.startswith(TRACKING_PREFIXES)


def _trim_bare_link(link: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets that chat text glues on."""
    while link:
        last = link[-1]
        unbalanced = last in _CLOSERS and link.count(last) > link.count(_CLOSERS[last])
        if last in _TRAILING_PUNCTUATION or unbalanced:
            link = link[:-1]
        else:
            break
    return link
