"""Event claims (exactly once across Store instances) and the latest share in a channel."""

from datetime import UTC, datetime, timedelta

from bot.store import Store
from tests.store.factories import make_article, make_brief


def test_event_is_claimed_once_across_instances(store, database_url):
    with Store(database_url) as other:
        assert store.claim_event("slack", "Ev123")
        assert not other.claim_event("slack", "Ev123")
        assert not store.claim_event("slack", "Ev123")
        assert other.claim_event("discord", "Ev123")  # keys are per platform


def test_overlong_keys_are_cut_not_refused(store):
    assert store.claim_event("slack", "k" * 1000)
    assert not store.claim_event("slack", "k" * 1000)


def test_old_event_keys_can_be_forgotten(store):
    store.claim_event("slack", "old")
    assert store.forget_events_before(datetime.now(UTC) + timedelta(seconds=1)) == 1
    assert store.claim_event("slack", "old")


def test_latest_share_in_channel(store):
    article = make_article()
    saved = store.save_article(article, make_brief(article), article.url)
    first = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    store.record_share(saved.id, "slack", "T1", "C1", "u1", "m1", shared_at=first)
    store.record_share(saved.id, "slack", "T1", "C1", "u2", "m2",
                       shared_at=first + timedelta(minutes=3))
    store.record_share(saved.id, "slack", "T1", "C2", "u3", "m3",
                       shared_at=first + timedelta(minutes=9))
    latest = store.latest_share_in_channel(saved.id, "slack", "T1", "C1")
    assert latest is not None and latest.message_id == "m2"
    assert store.latest_share_in_channel(saved.id, "slack", "T1", "C9") is None


LEASE = timedelta(minutes=2)


def test_an_unfinished_claim_expires_and_is_taken_over_once(store, database_url):
    """Issue 17.9: a claim whose process died is handed to one later redelivery."""
    with Store(database_url) as other:
        assert store.claim_event("slack", "EvLOST", LEASE)
        assert not other.claim_event("slack", "EvLOST", LEASE)  # still being handled
        later = datetime.now(UTC) + LEASE + timedelta(seconds=1)
        assert other.claim_event("slack", "EvLOST", LEASE, now=later)  # the first process died
        assert not store.claim_event("slack", "EvLOST", LEASE, now=later)  # the lease is new


def test_a_finished_event_is_never_claimed_again(store, database_url):
    assert store.claim_event("slack", "EvDONE", LEASE)
    store.finish_event("slack", "EvDONE")
    later = datetime.now(UTC) + LEASE + timedelta(seconds=1)
    with Store(database_url) as other:
        assert not other.claim_event("slack", "EvDONE", LEASE, now=later)
    assert not store.claim_event("slack", "EvDONE", LEASE, now=later)
