"""Canonical URLs for deduplication, and links found in Slack and Discord messages."""

from __future__ import annotations

import pytest

from bot.fetch import InvalidUrl, canonical_url, find_links


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://News.Example.COM/a/b?id=7#comments", "https://news.example.com/a/b?id=7"),
    ("http://example.com", "http://example.com/"),
    ("https://example.com:443/x", "https://example.com/x"),
    ("http://example.com:8080/x", "http://example.com:8080/x"),
    ("https://example.com/x?utm_source=tw&id=3&utm_medium=social&fbclid=abc",
     "https://example.com/x?id=3"),
    ("https://example.com/x?gclid=1&mc_cid=2&mc_eid=3&UTM_Campaign=q&page=2&_ga=1",
     "https://example.com/x?page=2"),
    ("https://user:secret@example.com/x", "https://example.com/x"),
    ("https://Bücher.example/a", "https://xn--bcher-kva.example/a"),
    ("http://[::1]:8000/a", "http://[::1]:8000/a"),
    ("https://example.com/café/{id}?q=ü", "https://example.com/caf%C3%A9/%7Bid%7D?q=%C3%BC"),
    ("https://example.com/x?id=2&id=1&Utm%5FSource=a", "https://example.com/x?id=2&id=1"),
])
def test_canonical_url_normalises_and_strips_tracking(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_merges_what_a_browser_sends_the_same() -> None:
    assert canonical_url("https://example.com/caf%C3%A9") == canonical_url(
        "https://example.com/café")
    assert canonical_url("https://example.com/x?a=1&b=2") != canonical_url(
        "https://example.com/x?b=2&a=1")


def test_canonical_url_keeps_other_parameters_in_order() -> None:
    url = "https://example.com/search?q=a%20b&utm_term=x&sort=new&empty="
    assert canonical_url(url) == "https://example.com/search?q=a%20b&sort=new&empty="


@pytest.mark.parametrize("declared, expected", [
    ("https://www.example.com/story?utm_source=rss", "https://www.example.com/story"),
    ("/story-canonical", "https://m.example.com/story-canonical"),
    ("https://amp.example.com/story", "https://amp.example.com/story"),
    ("https://evil.test/phish", "https://m.example.com/story?id=1"),
    ("javascript:alert(1)", "https://m.example.com/story?id=1"),
    ("ftp://example.com/story", "https://m.example.com/story?id=1"),
    ("http://[broken", "https://m.example.com/story?id=1"),
    ("", "https://m.example.com/story?id=1"),
])
def test_declared_canonical_is_used_only_when_same_site(declared: str, expected: str) -> None:
    assert canonical_url("https://m.example.com/story?id=1&fbclid=z", declared) == expected


@pytest.mark.parametrize("url", ["ftp://example.com/", "not a url", "http://", "mailto:a@b.c"])
def test_canonical_url_rejects_non_web_links(url: str) -> None:
    with pytest.raises(InvalidUrl):
        canonical_url(url)


def test_find_links_unwraps_slack_links_and_labels() -> None:
    message = ("have a look <https://news.example.com/a?x=1&amp;y=2|this piece> and "
               "<https://other.example.org/b> cc <@U123> <#C42|general> <mailto:a@b.c|mail>")
    assert find_links(message) == [
        "https://news.example.com/a?x=1&y=2",
        "https://other.example.org/b",
    ]


def test_find_links_handles_discord_wrappers_and_bare_links() -> None:
    message = ("read <https://example.com/one> (also https://example.com/two), "
               "and https://en.wikipedia.org/wiki/Bridge_(structure). "
               "||https://example.com/spoiler||")
    assert find_links(message, limit=5) == [
        "https://example.com/one",
        "https://example.com/two",
        "https://en.wikipedia.org/wiki/Bridge_(structure)",
        "https://example.com/spoiler",
    ]


def test_find_links_skips_images_and_files_and_duplicates() -> None:
    message = ("https://example.com/photo.JPG https://cdn.discordapp.com/attachments/1/2/report "
               "<https://files.slack.com/files-pri/T1/doc|doc> https://example.com/a#x "
               "https://example.com/a?utm_source=slack https://example.com/video.mp4")
    assert find_links(message) == ["https://example.com/a#x"]


def test_find_links_keeps_at_most_three() -> None:
    message = " ".join(f"https://site{n}.example/story" for n in range(6))
    assert find_links(message) == [f"https://site{n}.example/story" for n in range(3)]
    assert find_links(message, limit=1) == ["https://site0.example/story"]
    assert find_links("") == []
    assert find_links("no links here, just www.example.com") == []
