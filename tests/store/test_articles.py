"""Saving articles once, finding them again, and reading their briefs back."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from bot.errors import InputError
from bot.store import NotFoundError, Store, content_hash
from bot.store.models import ArticleRow
from tests.store.factories import make_article, make_brief


def _count_articles(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(ArticleRow)).scalar_one()


def test_saved_article_is_found_by_url_and_by_hash(store: Store) -> None:
    article = make_article()
    saved = store.save_article(article, make_brief(article), "https://news.example/port-strike")
    assert saved.title == article.title
    assert saved.source == "Example News"
    assert saved.published is not None and saved.published.isoformat() == "2024-05-01"
    assert saved.created_at.tzinfo is not None
    assert saved.content_hash == content_hash(article.text)
    assert store.find_article(canonical_url="https://news.example/port-strike") == saved
    assert store.find_article(content_hash=content_hash(article.text)) == saved
    assert store.get_article(saved.id) == saved


def test_unknown_article_is_none(store: Store) -> None:
    assert store.find_article("https://nowhere.example/") is None
    assert store.find_article(content_hash="f" * 64) is None
    assert store.find_article() is None
    assert store.get_article(987654) is None


def test_saving_the_same_url_twice_keeps_one_row(store: Store, raw_engine: Engine) -> None:
    first = make_article(text="Original text of the story.")
    later = make_article(text="An edited text, fetched again the next day.")
    url = "https://news.example/story"
    one = store.save_article(first, make_brief(first), url)
    two = store.save_article(later, make_brief(later), url)
    assert one == two
    assert _count_articles(raw_engine) == 1


def test_same_text_under_another_url_is_the_same_article(store: Store, raw_engine: Engine) -> None:
    original = make_article(text="Ministers agreed a  budget.\nThe vote was close.")
    syndicated = make_article(text="  MINISTERS agreed a budget. The   vote was close.  ")
    one = store.save_article(original, make_brief(original), "https://a.example/budget")
    two = store.save_article(syndicated, make_brief(syndicated), "https://b.example/budget?amp")
    assert one == two
    assert _count_articles(raw_engine) == 1


def test_different_text_is_a_different_article(store: Store) -> None:
    one = make_article(text="Ministers agreed a budget.")
    two = make_article(text="Ministers rejected a budget.")
    assert (
        store.save_article(one, make_brief(one), "https://a.example/1").id
        != store.save_article(two, make_brief(two), "https://a.example/2").id
    )


def test_content_hash_ignores_spacing_case_and_unicode_forms() -> None:
    assert content_hash("Café  au lait\n") == content_hash("CAFE\u0301 au lait")
    assert content_hash("one") != content_hash("two")
    assert len(content_hash("x")) == 64


def test_brief_round_trips_through_json(store: Store) -> None:
    text = "Zürich voters said «ja» to the plan. 🚆 More."
    article = make_article(title="Zürich vote", text=text)
    brief = make_brief(article)
    saved = store.save_article(article, brief, "https://news.example/zurich")
    loaded = store.get_brief(saved.id)
    assert loaded.to_dict() == brief.to_dict()
    assert loaded.article == article


def test_get_brief_of_a_missing_article_raises(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_brief(424242)


@pytest.mark.parametrize("published", [None, "", "last Tuesday", "2024-13-45"])
def test_unparseable_published_dates_are_kept_only_in_the_brief(
    store: Store, published: str | None
) -> None:
    article = make_article(published=published)
    saved = store.save_article(article, make_brief(article), "https://news.example/undated")
    assert saved.published is None
    assert store.get_brief(saved.id).article.published == published


@pytest.mark.parametrize("url", ["", "   ", "https://long.example/" + "a" * 3000])
def test_unkeepable_urls_are_user_errors(store: Store, url: str) -> None:
    article = make_article()
    with pytest.raises(InputError):
        store.save_article(article, make_brief(article), url)
