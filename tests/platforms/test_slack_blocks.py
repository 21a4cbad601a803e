"""Block Kit rendering: the JSON must meet Slack's documented limits whatever the brief holds."""

from __future__ import annotations

from bot.messages import Link, Quote, Reply, Section
from bot.platforms.slack_blocks import (
    escape_mrkdwn,
    fallback_text,
    mrkdwn_with_links,
    render_blocks,
)
from tests.support.limits import assert_valid_blocks


def huge_reply() -> Reply:
    sentence = "The minister said <the plan> would cost R&D £4bn & more, per https://x.org/a?b=1&c=2. "
    return Reply(
        kind="brief",
        title="A very long headline about the budget " * 20,
        url="https://news.example/story?id=1&ref=feed|x",
        context="Example News · 2026-11-20 · " + "first shared in #news " * 200,
        sections=(
            Section(None, tuple(sentence * 40 for _ in range(30))),
            Section("Positions", tuple(Quote(f"Minister {n}", "said", f"“{sentence * 10}”")
                                       for n in range(40))),
            Section("Disputed", tuple(f"Opposition {n} disputes “{sentence * 5}”" for n in range(40))),
        ),
        fields=tuple((f"Actor {n} <&>" * 30, "Minister of Everything & More " * 100)
                     for n in range(30)),
        links=tuple(Link(f"Story {n}", f"https://news.example/{n}?a=1&b=2") for n in range(200)),
    )


def test_a_huge_brief_with_thirty_actors_stays_within_slacks_limits() -> None:
    blocks = render_blocks(huge_reply())
    assert_valid_blocks(blocks)
    assert len(blocks) == 50
    assert blocks[-1] == {"type": "context",
                          "elements": [{"type": "mrkdwn", "text": "…trimmed to fit Slack."}]}
    [actor_fields] = [b for b in blocks if "fields" in b]
    assert len(actor_fields["fields"]) == 10
    assert any(b["type"] == "context" and b["elements"][0]["text"].startswith("Also: ")
               for b in blocks)


def test_the_fallback_text_is_short_and_escaped() -> None:
    text = fallback_text(huge_reply())
    assert 1 <= len(text) <= 3000
    assert "<" not in text and ">" not in text


def test_a_brief_reads_title_link_context_summary_actors_positions_disputed() -> None:
    reply = Reply(
        kind="brief", title="Bills to fall", url="https://news.example/bills?a=1&b=2",
        context="Test News · 2026-11-20",
        sections=(Section(None, ("Bills fall.", "Suppliers deny delays.")),
                  Section("Positions", (Quote("Ed Miliband", "said",
                                              "suppliers must pass on cuts"),)),
                  Section("Disputed", ("Suppliers dispute “they were slow”",))),
        fields=(("Ed Miliband", "Energy Secretary"), ("Ofgem", "organization")),
    )
    blocks = render_blocks(reply)
    assert_valid_blocks(blocks)
    assert [b["type"] for b in blocks] == ["section", "context", "section", "section",
                                          "section", "section"]
    assert blocks[0]["text"]["text"] == "*<https://news.example/bills?a=1&amp;b=2|Bills to fall>*"
    assert blocks[1]["elements"][0]["text"] == "Test News · 2026-11-20"
    assert blocks[2]["text"]["text"] == "• Bills fall.\n• Suppliers deny delays."
    assert blocks[3]["fields"][0]["text"] == "*Ed Miliband*\nEnergy Secretary"
    assert blocks[4]["text"]["text"] == ("*Positions*\n• *Ed Miliband (said)*: "
                                         "suppliers must pass on cuts")
    assert blocks[5]["text"]["text"].startswith("*Disputed*\n• Suppliers dispute")


def test_user_and_article_text_is_escaped() -> None:
    reply = Reply(kind="brief", title="<!channel> & <@U1>",
                  sections=(Section(None, ("a < b > c & <!here>",)),),
                  fields=(("A&B <Co>", "x>y"),))
    blocks = render_blocks(reply)
    assert_valid_blocks(blocks)
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text",
                                                    "text": "<!channel> & <@U1>", "emoji": True}}
    assert blocks[1]["text"]["text"] == "• a &lt; b &gt; c &amp; &lt;!here&gt;"
    assert blocks[2]["fields"][0]["text"] == "*A&amp;B &lt;Co&gt;*\nx&gt;y"


def test_links_in_text_stay_clickable() -> None:
    assert mrkdwn_with_links("Story (News) <https://a.example/x?b=1&c=2>") == \
        "Story (News) <https://a.example/x?b=1&amp;c=2>"
    assert mrkdwn_with_links("see https://a.example/x.") == "see <https://a.example/x>."
    assert escape_mrkdwn("<&>") == "&lt;&amp;&gt;"


def test_errors_and_notices_are_plain_sections() -> None:
    error = render_blocks(Reply(kind="error", title="Couldn't brief https://x.org: 404 <b>"))
    assert_valid_blocks(error)
    assert error[0]["text"]["text"] == ":warning: Couldn't brief https://x.org: 404 &lt;b&gt;"
    notice = render_blocks(Reply(kind="notice", title="Link watching is on here."))
    assert notice == [{"type": "section",
                       "text": {"type": "mrkdwn", "text": "Link watching is on here."}}]


def test_a_quote_is_rendered_from_its_parts_never_by_splitting_a_line() -> None:
    # A colon inside the speaker or the text no longer decides where the speaker ends.
    quote = Quote("Sources: a <senior> official", "told Reuters", "the plan: delayed",
                  citation="Budget & plans")
    reply = Reply(kind="topic", title="budget",
                  sections=(Section("Positions", (quote,)),
                            Section("Stories", ("Talks: day two",))))
    blocks = render_blocks(reply)
    assert_valid_blocks(blocks)
    texts = [b["text"]["text"] for b in blocks if "text" in b]
    assert ("*Positions*\n• *Sources: a &lt;senior&gt; official (told Reuters)*: "
            "the plan: delayed — Budget &amp; plans") in texts
    assert "*Stories*\n• Talks: day two" in texts
    assert str(quote) in reply.plain_text()


def test_a_long_title_without_a_link_is_a_shortened_header_not_an_error() -> None:
    title = "Parliament debates the energy bill late into the night " * 10
    [header] = render_blocks(Reply(kind="brief", title=title))
    assert_valid_blocks([header])
    assert header["type"] == "header"
    shown = header["text"]["text"]
    assert shown.endswith("…") and len(shown) <= 150
    assert " ".join(title.split()).startswith(shown[:-1])
