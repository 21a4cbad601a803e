"""Cover: ranges inside any of several, possibly overlapping or nested, spans."""

from bot.briefing.text.cover import Cover


def test_nested_and_overlapping_ranges_are_all_seen():
    cover = Cover([(0, 100), (10, 20), (150, 160)])
    assert cover.covers(30, 40)  # inside the long first range, past the nested one
    assert cover.covers(150, 160)
    assert not cover.covers(95, 105)
    assert not cover.covers(120, 130)
    assert not Cover([]).covers(0, 1)
