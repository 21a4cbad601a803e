"""Shares: first posts in a workspace, redelivered events, and finding a thread's article."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.briefing.model import brief_from_dict
from bot.store import NotFoundError, Post, Store
from tests.store.factories import at, make_article, make_brief, save


def test_first_share_is_the_earliest_in_that_workspace(store: Store) -> None:
    article = save(store, "Rail strike called off")
    store.record_share(article.id, "slack", "T1", "C2", "U2", "200.2", shared_at=at(2024, 5, 2))
    store.record_share(article.id, "slack", "T1", "C1", "U1", "100.1", shared_at=at(2024, 5, 1))
    store.record_share(article.id, "slack", "T9", "C9", "U9", "050.5", shared_at=at(2024, 4, 1))
    first = store.first_share(article.id, "T1")
    assert first is not None
    assert (first.user, first.channel, first.message_id) == ("U1", "C1", "100.1")
    assert first.shared_at == at(2024, 5, 1)
    assert store.first_share(article.id, "T-none") is None


def test_a_redelivered_event_does_not_create_a_second_share(store: Store) -> None:
    article = save(store, "Rail strike called off")
    one = store.record_share(article.id, "slack", "T1", "C1", "U1", "100.1")
    two = store.record_share(article.id, "slack", "T1", "C1", "U1", "100.1")
    assert one == two


def test_one_message_with_two_links_makes_two_shares(store: Store) -> None:
    first = save(store, "Rail strike called off")
    second = save(store, "Harbour reopens")
    one = store.record_share(first.id, "discord", "G1", "C1", "U1", "9001")
    two = store.record_share(second.id, "discord", "G1", "C1", "U1", "9001")
    assert one != two


def test_sharing_an_unknown_article_raises(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.record_share(999_999, "slack", "T1", "C1", "U1", "1.1")


def test_thread_is_found_by_the_users_message_or_the_bots_reply(store: Store) -> None:
    article = save(store, "Rail strike called off")
    share_id = store.record_share(article.id, "slack", "T1", "C1", "U1", "100.1")
    store.set_reply_id(share_id, "100.2")
    assert store.article_for_thread("slack", "T1", "C1", "100.1") == article
    assert store.article_for_thread("slack", "T1", "C1", "100.2") == article
    share = store.first_share(article.id, "T1")
    assert share is not None and share.reply_id == "100.2" and share.thread_id is None


def test_a_link_posted_inside_a_thread_answers_for_that_thread(store: Store) -> None:
    article = save(store, "Rail strike called off")
    store.record_share(article.id, "slack", "T1", "C1", "U1", "300.5", thread_id="300.1")
    assert store.article_for_thread("slack", "T1", "C1", "300.1") == article


def test_the_message_a_thread_hangs_from_beats_links_posted_inside_it(store: Store) -> None:
    root = save(store, "Rail strike called off")
    inner = save(store, "Harbour reopens")
    store.record_share(root.id, "slack", "T1", "C1", "U1", "400.1", shared_at=at(2024, 5, 1))
    store.record_share(
        inner.id, "slack", "T1", "C1", "U2", "400.9", thread_id="400.1", shared_at=at(2024, 5, 2)
    )
    assert store.article_for_thread("slack", "T1", "C1", "400.1") == root


@pytest.mark.parametrize(
    ("platform", "workspace", "channel", "thread_id"),
    [
        ("discord", "T1", "C1", "100.1"),
        ("slack", "T2", "C1", "100.1"),
        ("slack", "T1", "C2", "100.1"),
        ("slack", "T1", "C1", "100.9"),
    ],
)
def test_threads_elsewhere_find_nothing(
    store: Store, platform: str, workspace: str, channel: str, thread_id: str
) -> None:
    article = save(store, "Rail strike called off")
    store.record_share(article.id, "slack", "T1", "C1", "U1", "100.1")
    assert store.article_for_thread(platform, workspace, channel, thread_id) is None


def test_setting_a_reply_on_a_missing_share_raises(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.set_reply_id(777_777, "1.2")


def test_recent_articles_follow_the_latest_share(store: Store) -> None:
    old = save(store, "Old story")
    new = save(store, "New story")
    store.record_share(old.id, "slack", "T1", "C1", "U1", "1", shared_at=at(2024, 5, 1))
    store.record_share(new.id, "slack", "T1", "C1", "U1", "2", shared_at=at(2024, 5, 2))
    assert store.recent_articles("T1") == [new, old]
    store.record_share(old.id, "slack", "T1", "C2", "U1", "3", shared_at=at(2024, 5, 3))
    assert store.recent_articles("T1") == [old, new]
    assert store.recent_articles("T1", limit=1) == [old]
    assert store.recent_articles("T1", since=at(2024, 5, 2, 0), channel="C1") == [new]
    assert store.recent_articles("T2") == []
    assert store.recent_articles(None, limit=0) == []


def _post(message_id: str, channel: str = "C1", when: int = 1) -> Post:
    return Post("slack", "T1", channel, "U1", message_id, None, at(2024, 5, when))


def test_sharing_a_new_article_keeps_it_and_the_share_and_gives_back_its_brief(
        store: Store) -> None:
    article = make_article()
    brief = make_brief(article)
    shared = store.share_new_article(article, brief, article.url or "", _post("100.1"))
    assert shared.brief is brief and shared.first is None
    assert store.find_article(canonical_url=article.url) == shared.article
    assert store.get_brief(shared.article.id) == brief_from_dict(brief.to_dict())
    assert store.first_share(shared.article.id, "T1").id == shared.share_id


def test_the_same_text_under_another_url_shares_the_kept_article_and_its_brief(
        store: Store) -> None:
    article = make_article()
    kept = store.share_new_article(article, make_brief(article), article.url or "",
                                   _post("100.1"))
    copy = replace(article, url="https://mirror.example/port-strike")
    again = store.share_new_article(copy, make_brief(copy), copy.url or "",
                                    _post("200.2", "C2", when=2))
    assert again.article == kept.article
    assert again.brief == store.get_brief(kept.article.id)
    assert again.brief.article.url == article.url
    assert again.first is not None and again.first.id == kept.share_id
    assert store.find_article(canonical_url=copy.url) is None


def test_sharing_a_stored_article_again_is_idempotent_per_message(store: Store) -> None:
    article = save(store, "Rail strike called off")
    one = store.share_stored_article(article, _post("300.3"))
    two = store.share_stored_article(article, _post("300.3"))
    assert one.share_id == two.share_id and one.brief == store.get_brief(article.id)
