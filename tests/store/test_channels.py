"""Channel settings and the exactly-once digest claim."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from bot.errors import InputError
from bot.store import ChannelSettings, Store


def test_an_unconfigured_channel_is_watched(store: Store) -> None:
    assert store.channel_settings("slack", "T1", "C1") == ChannelSettings("slack", "T1", "C1")
    assert store.channel_settings("slack", "T1", "C1").watch is True


def test_updates_change_only_the_named_fields(store: Store, database_url: str) -> None:
    store.update_channel_settings("slack", "T1", "C1", watch=False)
    store.update_channel_settings(
        "slack", "T1", "C1", digest_enabled=True, digest_time="08:30",
        digest_timezone="Europe/Berlin", extra={"digest_size": 5},
    )
    with Store(database_url) as other_process:
        settings = other_process.channel_settings("slack", "T1", "C1")
    assert settings == ChannelSettings(
        "slack", "T1", "C1", watch=False, digest_enabled=True, digest_time="08:30",
        digest_timezone="Europe/Berlin", extra={"digest_size": 5},
    )
    assert store.channel_settings("slack", "T1", "C2").watch is True
    assert store.channel_settings("discord", "T1", "C1").watch is True


def test_extra_keys_merge_and_none_removes_one(store: Store) -> None:
    store.update_channel_settings("slack", "T1", "C1", extra={"a": 1, "b": [1, 2]})
    updated = store.update_channel_settings("slack", "T1", "C1", extra={"a": None, "c": "x"})
    assert dict(updated.extra) == {"b": [1, 2], "c": "x"}


def test_digest_time_can_be_cleared(store: Store) -> None:
    store.update_channel_settings("slack", "T1", "C1", digest_time="07:00")
    assert store.update_channel_settings("slack", "T1", "C1", digest_time=None).digest_time is None


@pytest.mark.parametrize(
    "changes",
    [{"digest_time": "25:00"}, {"digest_time": "8.30am"}, {"digest_timezone": "Mars/Olympus"}],
)
def test_bad_values_are_user_errors(store: Store, changes: dict[str, object]) -> None:
    with pytest.raises(InputError):
        store.update_channel_settings("slack", "T1", "C1", **changes)
    assert store.channel_settings("slack", "T1", "C1") == ChannelSettings("slack", "T1", "C1")


@pytest.mark.parametrize("changes", [{"colour": "red"}, {"platform": "x"}, {"watch": "no"}])
def test_unknown_fields_are_programming_errors(store: Store, changes: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        store.update_channel_settings("slack", "T1", "C1", **changes)


def test_a_digest_is_claimed_once_per_channel_and_day(store: Store, database_url: str) -> None:
    day = date(2024, 5, 1)
    with Store(database_url) as other_process:
        assert store.claim_digest("slack", "T1", "C1", day) is True
        assert other_process.claim_digest("slack", "T1", "C1", day) is False
        assert store.claim_digest("slack", "T1", "C1", day) is False
        assert other_process.claim_digest("slack", "T1", "C1", date(2024, 5, 2)) is True
        assert other_process.claim_digest("slack", "T1", "C2", day) is True
        assert other_process.claim_digest("discord", "T1", "C1", day) is True


def test_concurrent_claims_have_exactly_one_winner(store: Store, database_url: str) -> None:
    other_process = Store(database_url)
    stores = [store, other_process] * 4
    barrier = threading.Barrier(len(stores))
    results: list[bool] = []
    lock = threading.Lock()

    def claim(claimer: Store) -> None:
        barrier.wait()
        won = claimer.claim_digest("slack", "T1", "C1", date(2024, 5, 1))
        with lock:
            results.append(won)

    threads = [threading.Thread(target=claim, args=(claimer,), daemon=True) for claimer in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    other_process.close()
    assert sorted(results) == [False] * 7 + [True]


def test_a_released_claim_can_be_claimed_again(store: Store) -> None:
    day = date(2024, 5, 1)
    assert store.claim_digest("slack", "T1", "C1", day)
    store.release_digest("slack", "T1", "C1", day)
    assert store.claim_digest("slack", "T1", "C1", day)
