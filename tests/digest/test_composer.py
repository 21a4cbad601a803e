"""The digest composer over a seeded store: grouping, items, window, topics, empty days."""

from __future__ import annotations

from datetime import timedelta

from bot.briefing.engine import build_brief
from bot.briefing.model import Article
from bot.digest import compose_digest
from bot.digest.state import ALWAYS_KEY, LAST_KEY, save_topics
from bot.digest.stories import Coverage, group_stories, similarity, story_words
from tests.digest import texts
from tests.digest.conftest import CHANNEL, NOW, PLATFORM, WORKSPACE, share

PORT_A = ("Harwick dock strike ends with 7% pay deal", texts.PORT_STRIKE_EXAMPLE,
          "https://example.news/harwick-strike", "Example News")
PORT_B = ("Harwick port strike over as workers accept pay rise", texts.PORT_STRIKE_OTHER,
          "https://other.daily/business/harwick", "Other Daily")
PORT_WIRE = ("Harwick stevedores back pay offer", texts.PORT_STRIKE_WIRE,
             "https://wire.example/harwick", None)
ENERGY = ("Energy bills to fall in April", texts.ENERGY_BILLS,
          "https://example.news/energy-bills", "Example News")
WIND = ("Norfolk offshore wind farm approved", texts.WIND_FARM,
        "https://other.daily/wind-farm", "Other Daily")


def compose(services, **kwargs):
    return compose_digest(services.store, services.settings, PLATFORM, WORKSPACE, CHANNEL, services.clock(), **kwargs)


def items(reply):
    return [s for s in reply.sections if s.heading and s.heading[0].isdigit()]


def words_of(title, text):
    return story_words(build_brief(Article(title=title, text=text)))


def test_similarity_separates_one_story_from_one_subject():
    port = [words_of(t, x) for t, x, *_ in (PORT_A, PORT_B, PORT_WIRE)]
    energy, wind = words_of(*ENERGY[:2]), words_of(*WIND[:2])
    assert min(similarity(a, b) for a in port for b in port if a is not b) >= 0.3
    assert similarity(energy, wind) < 0.15  # same subject and minister, different stories
    assert max(similarity(p, other) for p in port for other in (energy, wind)) < 0.1


def test_two_outlets_one_story_become_one_item_with_two_links(services):
    share(services, *PORT_A, at=NOW - timedelta(hours=3))
    share(services, *ENERGY, at=NOW - timedelta(hours=2))
    share(services, *PORT_B, at=NOW - timedelta(hours=1))
    reply = compose(services)
    assert reply is not None and reply.kind == "digest" and not reply.ephemeral
    assert reply.title == "Daily digest: 2 stories"
    port, energy = items(reply)
    assert port.heading.startswith("1. Harwick")  # two outlets rank first
    assert port.bullets[-1] == "Reported by Other Daily, Example News"  # newest share first
    assert sorted(label for label, _ in reply.links if label.startswith("1 ·")) == [
        "1 · Example News", "1 · Other Daily"]
    assert {url for label, url in reply.links if label.startswith("1 ·")} == {PORT_A[2],
                                                                            PORT_B[2]}
    assert [label for label, _ in reply.links if label.startswith("2 ·")] == ["2 · Example News"]
    assert energy.heading == "2. Energy bills to fall in April"


def test_an_item_has_summary_actors_and_dispute(services):
    share(services, *PORT_A)
    [item] = items(compose(services))
    summary, who, disputed, source = item.bullets
    assert summary.startswith("Dock workers at the port of Harwick ended a two-week strike")
    assert who.startswith("Who: ") and "Harwick Port Authority" in who
    # The claim disputed is the Authority's, not the Chamber's counter-claim.
    assert disputed.startswith("Disputed: Chamber of Shipping disputes “the agreement was")
    assert "(claimed by Harwick Port Authority)" in disputed
    assert source == "Source: Example News"


def test_different_stories_stay_apart_and_host_names_an_unnamed_outlet(services):
    share(services, *ENERGY)
    share(services, *WIND)
    share(services, *PORT_WIRE)
    reply = compose(services)
    assert reply.title == "Daily digest: 3 stories"
    assert len(items(reply)) == 3 and len(reply.links) == 3
    assert ("1 · wire.example", PORT_WIRE[2]) in reply.links  # same time: newest id first


def test_group_stories_is_single_link_and_keeps_order(services):
    stored = [share(services, *story) for story in (PORT_A, ENERGY, PORT_B, PORT_WIRE)]
    coverage = [Coverage(a, services.store.get_brief(a.id)) for a in stored]
    groups = group_stories(coverage)
    assert [[c.article.title for c in g.coverage] for g in groups] == [
        [PORT_A[0], PORT_B[0], PORT_WIRE[0]], [ENERGY[0]]]


def test_window_is_24_hours_or_since_the_last_digest(services):
    share(services, *ENERGY, at=NOW - timedelta(hours=30))
    assert compose(services) is None
    assert compose(services, hours=36) is not None
    two_days_ago = (NOW - timedelta(hours=48)).isoformat()
    services.store.update_channel_settings(PLATFORM, WORKSPACE, CHANNEL,
                                           extra={LAST_KEY: {"at": two_days_ago}})
    reply = compose(services)
    assert reply is not None and items(reply)[0].heading.endswith("Energy bills to fall in April")


def test_topics_bring_in_stories_from_other_channels(services):
    share(services, *WIND, channel="elsewhere")
    assert compose(services) is None
    save_topics(services.store, PLATFORM, WORKSPACE, CHANNEL, ["wind farm"])
    reply = compose(services)
    assert reply is not None and "topics: wind farm" in reply.context
    assert items(reply)[0].heading == "1. Norfolk offshore wind farm approved"


def test_empty_day_posts_nothing_or_one_line_when_asked(services):
    assert compose(services) is None
    services.store.update_channel_settings(PLATFORM, WORKSPACE, CHANNEL,
                                           extra={ALWAYS_KEY: True})
    reply = compose(services)
    assert reply is not None and reply.sections == () and reply.links == ()
    assert reply.title.startswith("Daily digest: no new stories since Thu 19 Nov 08:00 (UTC)")


def test_plain_text_is_compact(services):
    for story in (PORT_A, PORT_B, ENERGY, WIND):
        share(services, *story)
    text = compose(services).plain_text()
    assert len(text.splitlines()) <= 25
    assert "Traceback" not in text



def test_digest_links_are_link_items(services):
    from bot.messages import Link

    share(services, *PORT_A, at=NOW - timedelta(hours=3))
    reply = compose(services)
    assert reply is not None and reply.links
    assert all(isinstance(link, Link) for link in reply.links)
    assert reply.links[0] == Link("1 · Example News", PORT_A[2])


def test_a_digest_loads_all_its_briefs_in_one_query(services):
    from sqlalchemy import event

    statements: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:
        statements.append(statement.upper())

    def brief_queries() -> int:
        statements.clear()
        event.listen(services.store.engine, "before_cursor_execute", record)
        try:
            assert items(compose(services))
        finally:
            event.remove(services.store.engine, "before_cursor_execute", record)
        return sum("ARTICLES.BRIEF" in statement for statement in statements)

    share(services, *ENERGY)
    assert brief_queries() == 1
    for story in (PORT_A, PORT_B, WIND):
        share(services, *story)
    assert brief_queries() == 1
