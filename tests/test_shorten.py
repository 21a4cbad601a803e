"""The one `shorten`: word boundaries, whitespace, escapes."""

from __future__ import annotations

from bot.shorten import shorten


def test_short_text_is_kept_and_long_text_is_cut_at_a_word() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("aaaa bbbb cccc dddd eeee ffff", 22) == "aaaa bbbb cccc dddd…"
    assert shorten("one, two, three, four", 15) == "one, two…"  # no dangling comma


def test_a_word_longer_than_half_the_limit_is_cut_inside() -> None:
    assert len(shorten("x" * 50, 10)) == 10
    assert shorten("a " + "y" * 40, 20) == "a " + "y" * 17 + "…"


def test_flatten_folds_whitespace_and_its_absence_keeps_lines() -> None:
    assert shorten("  one\n two  ", 20) == "one two"
    assert shorten("• one\n• two three four", 15, flatten=False) == "• one\n• two…"


def test_a_cut_never_splits_an_escape() -> None:
    assert shorten("fish &amp; chips and more", 9, flatten=False) == "fish…"
    assert shorten("AT&T buys a company today", 10) == "AT&T buys…"
