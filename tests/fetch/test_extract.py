"""Extraction from HTML strings and bytes, charset decoding, and garbage that must not crash."""

from __future__ import annotations

import random

import pytest

from bot.briefing.model import Article
from bot.fetch import FetchError, NoArticleText, extract_article
from bot.fetch.charsets import decode_body
from bot.fetch.extract import MIN_ARTICLE_CHARS, article_from_plain_text
from tests.fetch.pages import ARTICLE_HTML

PARAGRAPH = ("The committee heard evidence from residents who described the flooding in detail "
             "and asked the council for help with repairs. ")


def test_extracts_text_and_metadata_one_paragraph_per_line() -> None:
    article = extract_article(ARTICLE_HTML, "https://www.gazette.example/news/bridge?fbclid=1")
    assert article.title.startswith("Council approves the new bridge")
    assert article.url == "https://www.gazette.example/news/bridge"
    assert article.published == "2024-03-05"
    assert article.source == "Riverside Gazette"
    lines = article.text.split("\n")
    assert lines[-1].startswith("Construction is expected to begin next spring")
    assert all(line == " ".join(line.split()) for line in lines)
    assert "Copyright" not in article.text


def test_reads_saved_bytes_with_their_meta_charset() -> None:
    html = ARTICLE_HTML.replace("<head>", '<head><meta http-equiv="Content-Type" '
                                'content="text/html; charset=windows-1252">')
    article = extract_article(html.replace("Mayor", "Maire Ça").encode("cp1252"))
    assert "Maire Ça" in article.text
    assert article.url is None


def test_a_cross_site_canonical_is_ignored() -> None:
    html = ARTICLE_HTML.replace('href="/news/bridge?utm_source=feed"',
                                'href="https://attacker.example/fake"')
    article = extract_article(html, "https://gazette.example/story")
    assert article.url == "https://gazette.example/story"
    assert article.source == "Riverside Gazette"


def test_readability_rescues_a_page_trafilatura_finds_empty() -> None:
    body = "".join(f"<p>{PARAGRAPH}{n}</p>" for n in range(5))
    html = ("<html><head><title>Flood hearing</title></head>"
            f"<body><aside>{body}</aside></body></html>")
    article = extract_article(html, "https://example.org/flood")
    assert article.title == "Flood hearing"
    assert len(article.text.split("\n")) == 5
    assert article.source == "example.org"


@pytest.mark.parametrize("html", [
    "", "   ", "<html></html>",
    "<html><body><div id='root'></div><script>window.app.start()</script></body></html>",
    "<html><body><h1>Subscribe to continue reading</h1><p>Already a subscriber? Log in.</p>"
    "</body></html>",
    "<html><body><div class='consent'><p>We value your privacy. Accept all cookies?</p>"
    "<button>Accept</button></div></body></html>",
])
def test_pages_without_an_article_raise_no_article_text(html: str) -> None:
    with pytest.raises(NoArticleText, match="paywall, consent wall or script-only page"):
        extract_article(html, "https://example.com/x")


def test_plain_text_paragraphs_are_unwrapped() -> None:
    article = article_from_plain_text("Title line\n\n" + "word " * 30 + "\nmore words\n\n" +
                                      PARAGRAPH * 2, "http://example.com/a.txt?utm_source=x")
    assert article.title == "Title line"
    assert article.text.split("\n")[1].endswith("word more words")
    assert article.url == "http://example.com/a.txt"
    with pytest.raises(NoArticleText):
        article_from_plain_text("too short")


@pytest.mark.parametrize("body, content_type, expected", [
    ("Ça va".encode("cp1252"), "text/html; charset=iso-8859-1", "Ça va"),
    ("Ça va".encode("cp1252"), "text/html; charset=latin1", "Ça va"),
    ("Ça “va”".encode(), "text/html; charset=utf-8", "Ça “va”"),
    ('<meta charset="koi8-r"><p>Привет'.encode("koi8-r"), None, "Привет"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Привет'
     .encode("cp1251"), "text/html", "Привет"),  # the charset is only in the <meta> tag
    ("\ufeffÇa va".encode("utf-16"), None, "Ça va"),
    (b"\xef\xbb\xbf\xc3\x87a va", "text/html; charset=iso-8859-1", "Ça va"),  # BOM beats header
    ("\ufeffÇa va".encode("utf-16-le"), "text/html; charset=utf-8", "Ça va"),  # so does UTF-16's
    ("<p>Ça va très bien, merci</p>".encode(), None, "Ça va très bien"),
    ('<meta charset="utf-16"><p>plain</p>'.encode("ascii"), None, "plain"),
    ('<meta charset="no-such-codec"><p>Ça</p>'.encode(), "text/html; charset=bogus", "Ça"),
])
def test_decode_body_picks_the_right_charset(
    body: bytes, content_type: str | None, expected: str
) -> None:
    text = decode_body(body, content_type)
    assert expected in text
    assert "\ufeff" not in text and "\ufffd" not in text


def test_a_plain_text_body_ignores_markup_that_names_a_charset() -> None:
    body = 'Notes: <meta charset="koi8-r"> is how a page names its charset. Ça va.'.encode()
    assert "Ça va" in decode_body(body, "text/plain", html=False)
    assert "Ça va" not in decode_body(body, "text/html", html=True)


def test_decode_body_guesses_undeclared_legacy_encodings() -> None:
    text = "<p>Москва — столица России, крупнейший по численности населения город страны.</p>"
    assert "Москва" in decode_body((text * 5).encode("cp1251"))


def _tag_soup(rng: random.Random) -> str:
    tags = ["p", "div", "span", "table", "td", "script", "style", "article", "a", "br", "svg",
            "!--", "![CDATA[", "?xml", "meta", "html", "body", "head", "title", "li", "iframe"]
    attributes = ["", "class=x", 'id="', "a=b c", "charset=utf-16"]
    parts = []
    for _ in range(rng.randint(0, 300)):
        choice = rng.random()
        if choice < 0.3:
            parts.append(f"<{rng.choice(tags)} {rng.choice(attributes)}>")
        elif choice < 0.5:
            parts.append(f"</{rng.choice(tags)}>")
        elif choice < 0.6:
            parts.append("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 20))))
        else:
            parts.append(PARAGRAPH[: rng.randint(0, len(PARAGRAPH))])
    return "".join(parts)


def _mutated_article(rng: random.Random) -> str:
    html = ARTICLE_HTML
    for _ in range(rng.randint(1, 30)):
        start = rng.randrange(len(html))
        html = html[:start] + rng.choice(["", "<", ">", "\x00", "&#", "</p", "\ud7ff"]) + html[
            start + rng.randint(0, 40):]
    return html


FIXED_GARBAGE: list[str | bytes] = [
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
    '<?xml version="1.0" encoding="utf-8"?>' + ARTICLE_HTML,
    "<div>" * 5000 + PARAGRAPH * 10 + "</div>" * 10,
    "\x00" * 1000, "<" * 1000, "<p>" + "&amp;" * 5000, "<![CDATA[" + PARAGRAPH * 20,
    b"\xff\xfe\x00\x00garbage", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10,
    "<html><body>" + "<p>" + "a" * 200_000 + "</p></body></html>",
    "<svg><script>" + PARAGRAPH * 20 + "</script></svg>",
]


@pytest.mark.parametrize("seed", range(40))
def test_garbled_html_only_ever_raises_typed_errors(seed: int) -> None:
    rng = random.Random(seed)
    inputs: list[str | bytes] = [
        _tag_soup(rng), _mutated_article(rng), rng.randbytes(rng.randint(0, 5000)),
    ]
    if seed < len(FIXED_GARBAGE):
        inputs.append(FIXED_GARBAGE[seed])
    for html in inputs:
        try:
            article = extract_article(html, rng.choice([None, "https://example.com/a", "::bad"]))
        except FetchError:
            continue
        assert isinstance(article, Article)
        assert len(article.text) >= MIN_ARTICLE_CHARS


def test_short_calls_to_action_between_paragraphs_are_dropped() -> None:
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(4))
    prompt = "<p>Sign up for our newsletter to get the news every morning.</p>"
    long_line = ("<p>Read the report in full, and you will find that the committee heard "
                 "from more than forty residents whose homes were flooded twice in one year, "
                 "most of them on the lower streets by the river.</p>")
    html = (f"<html><head><title>Flood inquiry</title></head><body><article><h1>Flood inquiry"
            f"</h1>{body}{prompt}{body}{long_line}</article></body></html>")
    article = extract_article(html)
    assert "Sign up" not in article.text
    assert "Read the report in full" in article.text  # a long line may be prose: kept
    assert "The committee heard evidence" in article.text
