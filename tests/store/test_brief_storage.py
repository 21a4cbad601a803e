"""Migration 0005: briefs without a second copy of the article text, nothing lost."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from bot.briefing.model import brief_from_dict
from bot.store import Store
from tests.store.factories import make_article, make_brief


def _brief_json(raw_engine, article_id: int) -> dict:
    with raw_engine.connect() as connection:
        value = connection.execute(text("SELECT brief FROM articles WHERE id = :id"),
                                   {"id": article_id}).scalar()
    return value if isinstance(value, dict) else json.loads(value)


def test_a_saved_brief_keeps_no_copy_of_the_text_and_reads_back_whole(store, raw_engine):
    article = make_article()
    brief = make_brief(article)
    stored = store.save_article(article, brief, article.url or "https://example.com/a")
    assert "text" not in _brief_json(raw_engine, stored.id)["article"]
    assert store.get_brief(stored.id) == brief_from_dict(brief.to_dict())


def test_the_migration_round_trip_loses_nothing(store: Store, raw_engine):
    article = make_article()
    brief = make_brief(article)
    stored = store.save_article(article, brief, article.url or "https://example.com/a")
    store.downgrade("0004")
    old = _brief_json(raw_engine, stored.id)
    assert old == json.loads(json.dumps(brief.to_dict()))  # the copy is back, as before
    with raw_engine.begin() as connection:  # a brief whose copy differs from the text
        changed = {**old, "article": {**old["article"], "text": "An older text."}}
        connection.execute(text("UPDATE articles SET brief = :b WHERE id = :id"),
                           {"b": json.dumps(changed), "id": stored.id})
    store.upgrade()
    assert _brief_json(raw_engine, stored.id)["article"]["text"] == "An older text."
    with raw_engine.begin() as connection:
        connection.execute(text("UPDATE articles SET brief = :b WHERE id = :id"),
                           {"b": json.dumps(old), "id": stored.id})
    store.downgrade("0004")
    store.upgrade()
    assert "text" not in _brief_json(raw_engine, stored.id)["article"]
    assert store.get_brief(stored.id) == brief_from_dict(brief.to_dict())


def test_several_briefs_load_in_one_query(store: Store):
    from sqlalchemy import event

    from bot.store.articles import NotFoundError

    ids = []
    for number in range(3):
        article = make_article(url=f"https://example.com/{number}",
                               text=f"Story {number}. " + "Officials said talks went on. " * 3)
        ids.append(store.save_article(article, make_brief(article), article.url).id)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        briefs = store.get_briefs(ids)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    assert {i: briefs[i] for i in ids} == {i: store.get_brief(i) for i in ids}
    with pytest.raises(NotFoundError):
        store.get_briefs([*ids, max(ids) + 100])
