"""Full-text search: relevance, filters, and topics typed by anyone."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from bot.store import Store, StoredArticle
from tests.store.factories import at, save

GRAIN_TEXT = (
    "Grain exports through the Black Sea stopped on Monday after negotiators failed to "
    "extend the grain deal. Traders said grain prices rose sharply as ships waited."
)
FOOTBALL_TEXT = (
    "The home side won three to one. After the match the coach thanked the fans, and a "
    "local bakery handed out bread made from grain grown nearby."
)
WEATHER_TEXT = "Heavy rain is expected across the north, with storms by the evening."


def _save_corpus(store: Store) -> dict[str, StoredArticle]:
    return {
        "grain": save(store, "Grain deal collapses as talks stall", GRAIN_TEXT),
        "football": save(store, "Cup final report", FOOTBALL_TEXT),
        "weather": save(store, "Storm warning for the weekend", WEATHER_TEXT),
    }


@pytest.fixture
def corpus(store: Store) -> dict[str, StoredArticle]:
    """A private copy, for tests that add shares or change rows."""
    return _save_corpus(store)


@pytest.fixture(scope="module")
def shared_corpus(shared_store: Store) -> dict[str, StoredArticle]:
    """Never shared or changed, so read-only tests can share one database."""
    return _save_corpus(shared_store)


def _ids(found: list[StoredArticle]) -> list[int]:
    return [article.id for article in found]


def test_more_relevant_articles_rank_first(store: Store, corpus: dict[str, StoredArticle]) -> None:
    found = store.search_articles(None, "grain", None, 10)
    assert _ids(found) == [corpus["grain"].id, corpus["football"].id]


def test_every_word_must_match(store: Store, corpus: dict[str, StoredArticle]) -> None:
    assert _ids(store.search_articles(None, "grain deal", None, 10)) == [corpus["grain"].id]
    assert store.search_articles(None, "grain hurricane", None, 10) == []


def test_match_any_finds_articles_with_some_of_the_words(
    store: Store, corpus: dict[str, StoredArticle]
) -> None:
    found = _ids(store.search_articles(None, "grain storms", None, 10, match_any=True))
    assert corpus["grain"].id in found and corpus["weather"].id in found
    assert store.search_articles(None, "or OR or", None, 10, match_any=True) == []


def test_search_is_case_insensitive_and_stems_words(
    store: Store, corpus: dict[str, StoredArticle]
) -> None:
    assert _ids(store.search_articles(None, "NEGOTIATIONS", None, 10)) == [corpus["grain"].id]
    assert _ids(store.search_articles(None, "storms", None, 10)) == [corpus["weather"].id]


def test_ids_only_variant_agrees(store: Store, corpus: dict[str, StoredArticle]) -> None:
    assert store.search_article_ids(None, "grain", None, 10) == _ids(
        store.search_articles(None, "grain", None, 10)
    )


def test_limit_caps_results(store: Store, corpus: dict[str, StoredArticle]) -> None:
    assert _ids(store.search_articles(None, "grain", None, 1)) == [corpus["grain"].id]
    assert store.search_articles(None, "grain", None, 0) == []
    assert store.search_articles(None, "grain", None, -5) == []


def test_unicode_words_are_searchable(store: Store) -> None:
    zurich = save(store, "Zürich approves tram line", "Voters in Zürich approved the tram.")
    save(store, "Tokyo report", "東京 の 天気 は 晴れ です。")
    assert _ids(store.search_articles(None, "zürich", None, 10)) == [zurich.id]


@pytest.mark.parametrize(
    "topic",
    [
        "grain\"", "\"grain", "grain*", "*grain", "(grain", "grain)", "{grain}", "grain:",
        ":grain", "-grain", "^grain", "+grain", "grain'", "grain & | !", "grain:*", "grain \\",
        "🌾 grain 🌾", "grain\x00", "«grain»", "__grain__",
    ],
)
def test_operator_characters_around_a_word_are_ignored(
    shared_store: Store, shared_corpus: dict[str, StoredArticle], topic: str
) -> None:
    assert shared_corpus["grain"].id in _ids(shared_store.search_articles(None, topic, None, 10))


def test_query_keywords_are_words_not_operators(
    store: Store, corpus: dict[str, StoredArticle]
) -> None:
    # As operators, OR would find the grain story and NOT would find the football one.
    assert store.search_articles(None, "grain OR hurricane", None, 10) == []
    found = _ids(store.search_articles(None, "grain NOT deal", None, 10))
    assert corpus["football"].id not in found
    assert store.search_articles(None, "grain NEAR hurricane", None, 10) == []


@pytest.mark.parametrize(
    "topic",
    [
        "", " ", "\"", "\"\"", "*", ")", "(", "NEAR", "OR", "AND", "NOT", "NEAR(", "OR OR OR",
        ":", "-", "^", "'", "\\", "🙂", "🇺🇦🌾", "\x00", "²", "_", "__init__", "a" * 10_000,
        "grain " * 2_000, "\"grain\" NEAR/2 \"deal\"", "{title text}: grain", "🙂" * 10_000,
        "\u202e\u200b", "東京", "x AND (y OR z) NOT \"w*\"",
    ],
)
def test_hostile_topics_never_raise(
    shared_store: Store, shared_corpus: dict[str, StoredArticle], topic: str
) -> None:
    assert isinstance(shared_store.search_articles(None, topic, None, 10), list)
    assert isinstance(shared_store.search_articles("T1", topic, at(2024, 1, 1), 10), list)
    assert isinstance(shared_store.search_article_ids(None, topic, None, 10), list)
    assert isinstance(shared_store.search_articles(None, topic, None, 10, match_any=True), list)


@pytest.mark.parametrize("topic", ["", "   ", "\"", "*", ")", "🙂", "🇺🇦🌾", "—", "!!!", "\x00"])
def test_nothing_searchable_gives_nothing(
    shared_store: Store, shared_corpus: dict[str, StoredArticle], topic: str
) -> None:
    assert shared_store.search_articles(None, topic, None, 10) == []


def test_very_long_topic_still_finds_its_words(
    store: Store, corpus: dict[str, StoredArticle]
) -> None:
    assert _ids(store.search_articles(None, "grain " * 2_000, None, 10))[0] == corpus["grain"].id


def test_workspace_filter_uses_shares(store: Store, corpus: dict[str, StoredArticle]) -> None:
    store.record_share(corpus["grain"].id, "slack", "T1", "C1", "U1", "1.1")
    store.record_share(corpus["football"].id, "discord", "G2", "C1", "U1", "2")
    assert _ids(store.search_articles("T1", "grain", None, 10)) == [corpus["grain"].id]
    assert _ids(store.search_articles("G2", "grain", None, 10)) == [corpus["football"].id]
    assert store.search_articles("T3", "grain", None, 10) == []


def test_since_filters_on_share_time(store: Store, corpus: dict[str, StoredArticle]) -> None:
    grain, football = corpus["grain"], corpus["football"]
    store.record_share(grain.id, "slack", "T1", "C1", "U1", "1", shared_at=at(2024, 1, 10))
    store.record_share(football.id, "slack", "T1", "C1", "U1", "2", shared_at=at(2024, 6, 10))
    store.record_share(grain.id, "slack", "T2", "C1", "U1", "3", shared_at=at(2024, 7, 1))
    assert _ids(store.search_articles("T1", "grain", at(2024, 3, 1), 10)) == [football.id]
    assert _ids(store.search_articles("T1", "grain", at(2023, 1, 1), 10)) == [grain.id, football.id]
    assert _ids(store.search_articles(None, "grain", at(2024, 6, 30), 10)) == [grain.id]
    assert store.search_articles("T1", "grain", at(2025, 1, 1), 10) == []


def test_index_follows_updates_and_deletes(
    store: Store, raw_engine: Engine, corpus: dict[str, StoredArticle]
) -> None:
    weather = corpus["weather"]
    with raw_engine.begin() as connection:
        connection.execute(
            text("UPDATE articles SET title = 'Heatwave alert' WHERE id = :id"), {"id": weather.id}
        )
    assert _ids(store.search_articles(None, "heatwave", None, 10)) == [weather.id]
    assert store.search_articles(None, "weekend", None, 10) == []
    with raw_engine.begin() as connection:
        connection.execute(text("DELETE FROM articles WHERE id = :id"), {"id": weather.id})
    assert store.search_articles(None, "heatwave", None, 10) == []
    assert store.search_articles(None, "rain", None, 10) == []


def test_the_window_bounds_the_search_and_a_reshared_old_article_is_in_it(store: Store):
    """Issue 15: the search starts from the window's articles; an old article shared again
    inside the window is found even though newer articles sit between."""
    old = save(store, "Harbour strike spreads to the north")
    middle = save(store, "Harbour strike talks collapse again")
    new = save(store, "Harbour strike ends with a pay deal")
    store.record_share(old.id, "slack", "T1", "C1", "U1", "m-old", None,
                       shared_at=at(2024, 1, 1))
    store.record_share(middle.id, "slack", "T1", "C1", "U1", "m-mid", None,
                       shared_at=at(2024, 1, 2))
    store.record_share(new.id, "slack", "T1", "C1", "U1", "m-new", None,
                       shared_at=at(2024, 3, 1))
    since = at(2024, 2, 1)
    assert [a.id for a in store.search_articles("T1", "harbour strike", since, 10)] == [new.id]
    store.record_share(old.id, "slack", "T1", "C2", "U1", "m-again", None,
                       shared_at=at(2024, 3, 2))
    found = {a.id for a in store.search_articles("T1", "harbour strike", since, 10)}
    assert found == {old.id, new.id}
    assert store.search_articles("T1", "harbour", at(2024, 4, 1), 10) == []
    assert store.search_articles("T2", "harbour", since, 10) == []
