"""Embeds stay within every Discord limit, however large the reply."""

from __future__ import annotations

from bot.messages import Link, Reply, Section
from bot.platforms.discord_embeds import render_messages
from tests.support.limits import as_json, assert_within_discord_limits


def huge_reply() -> Reply:
    summary = " ".join(f"Sentence {n} of a very long summary about energy prices."
                       for n in range(400))
    assert len(summary) > 20_000
    return Reply(
        kind="brief", title="T" * 1000, url="https://news.example/" + "a" * 100,
        context="Test News · 2026-11-20 · " + "x" * 3000,
        sections=(Section(None, (summary,)),
                  Section("Positions", tuple(f"Actor {n} said something long: " + "y" * 300
                                             for n in range(40))),
                  Section("Disputed", ("z" * 5000,))),
        fields=tuple((f"Actor number {n} " + "n" * 300, "minister " + "v" * 2000)
                     for n in range(40)),
        links=tuple(Link(f"Story {n}", f"https://news.example/{n}") for n in range(30)),
    )


def test_a_huge_brief_is_trimmed_and_split_within_every_limit() -> None:
    messages = as_json(render_messages(huge_reply()))
    assert 1 < len(messages) <= 3
    for embeds in messages:
        assert_within_discord_limits(embeds)
    first = messages[0][0]
    assert first["title"].endswith("…") and first["url"].startswith("https://")
    assert first["description"].startswith("Sentence 0") and first["description"].endswith("…")
    assert "shortened for Discord" in str(messages[-1][-1].get("footer"))


def test_a_small_brief_is_one_embed_with_actors_inline_and_sections_as_fields() -> None:
    reply = Reply(kind="brief", title="Bills to fall", url="https://news.example/a",
                  context="Test News · 2026-11-20",
                  sections=(Section(None, ("Bills will fall.", "Groups welcomed it.")),
                            Section("Disputed", ("Suppliers deny delay",))),
                  fields=(("Ofgem", "organization"), ("Ed Miliband", "")))
    [[embed]] = as_json(render_messages(reply))
    assert embed["description"] == "• Bills will fall.\n• Groups welcomed it."
    assert embed["fields"][0] == {"name": "Ofgem", "value": "organization", "inline": True}
    assert embed["fields"][1]["value"] == "\u200b"
    assert embed["fields"][2] == {"name": "Disputed", "value": "• Suppliers deny delay",
                                  "inline": False}
    assert embed["footer"]["text"] == "Test News · 2026-11-20"


def test_odd_replies_still_render() -> None:
    for reply in (Reply(kind="notice"), Reply(kind="error", title="x", url="not a url"),
                  Reply(kind="answer", links=(Link("[a]", "https://e.example"), Link("b", "file:x")))):
        for embeds in as_json(render_messages(reply)):
            assert_within_discord_limits(embeds)
            assert "url" not in embeds[0] or embeds[0]["url"].startswith("https://")
