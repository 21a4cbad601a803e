"""`/brief digest ...` through the neutral conversation, as every platform sends it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.bootstrap import build_conversation
from bot.digest.state import ALWAYS_KEY, last_digest
from bot.messages import Event
from tests.digest import texts
from tests.digest.conftest import CHANNEL, NOW, PLATFORM, WORKSPACE, share


@pytest.fixture
def route(services):
    conversation = build_conversation(services)

    def send(text: str):
        return conversation.route(Event(platform=PLATFORM, workspace=WORKSPACE,
                                        channel=CHANNEL, user="u1", text=text, kind="command",
                                        message_id="m1"))
    return send


def settings(services):
    return services.store.channel_settings(PLATFORM, WORKSPACE, CHANNEL)


def test_on_defaults_to_eight_in_the_default_zone(route, services):
    [reply] = route("digest on")
    assert reply.kind == "notice" and reply.ephemeral
    assert "every day at 08:00 (UTC)" in reply.title and "posts nothing" in reply.title
    current = settings(services)
    assert (current.digest_enabled, current.digest_time, current.digest_timezone) == \
        (True, "08:00", "UTC")


def test_on_with_time_zone_and_always(route, services):
    [reply] = route("digest on 7:30 Europe/Berlin --always")
    assert "at 07:30 (Europe/Berlin)" in reply.title and "one short line" in reply.title
    assert settings(services).extra[ALWAYS_KEY] is True
    route("digest on 09:00")  # keeps the zone; a plain `on` drops --always
    current = settings(services)
    assert (current.digest_time, current.digest_timezone) == ("09:00", "Europe/Berlin")
    assert ALWAYS_KEY not in current.extra


@pytest.mark.parametrize(("text", "expected"), [
    ("digest on 25:00", "A digest time looks like 08:30"),
    ("digest on 08:00 Mars/Olympus", "I don't know the time zone 'Mars/Olympus'"),
    ("digest on 08:00 Europe/Berlin Asia/Tokyo", "I don't understand “Asia/Tokyo”"),
    ("digest sometimes", "I don't know “digest sometimes”"),
    # Issue 17.6: a zone name too long for the file system, and digits of another script.
    ("digest on 08:30 " + "Europe/" * 43, "I don't know the time zone 'Europe/Europe/"),
    ("digest on 08:30 " + "x" * 300, "I don't know the time zone 'xxxx"),
    ("digest on 08:0٣", "A digest time looks like 08:30"),
    ("digest on ٠٨:٣٠ Europe/Berlin", "A digest time looks like 08:30"),
    ("digest on 08:30 Europe/Berlin\x00", "I don't know the time zone"),
])
def test_bad_time_or_zone_gets_a_clear_private_message(route, services, text, expected):
    [reply] = route(text)
    assert reply.ephemeral and expected in reply.title
    assert "Traceback" not in reply.title
    assert settings(services).digest_enabled is False


def test_off_and_show(route, services):
    route("digest on 06:45 America/New_York")
    [shown] = route("digest")
    assert "on: every day at 06:45 (America/New_York)" in shown.title
    [off] = route("digest off")
    assert off.ephemeral and "off" in off.title
    assert settings(services).digest_enabled is False
    [shown] = route("DIGEST")
    assert shown.title.startswith("The daily digest is off in this channel.")


def test_topics_are_saved_listed_and_cleared(route, services):
    [saved] = route("digest topics ukraine, energy , ukraine")
    assert saved.title == "The digest here now also covers: ukraine, energy."
    [listed] = route("digest topics")
    assert "Digest topics here: ukraine, energy." in listed.title
    route("digest on")
    assert settings(services).extra["digest_topics"] == ["ukraine", "energy"]
    [cleared] = route("digest topics none")
    assert "only the stories shared in this channel" in cleared.title
    assert "digest_topics" not in settings(services).extra
    [too_many] = route("digest topics " + ", ".join(f"t{i}" for i in range(11)))
    assert too_many.ephemeral and "Up to 10 topics" in too_many.title


def test_now_posts_here_and_counts_as_the_last_digest(route, services):
    [nothing] = route("digest now")
    assert nothing.ephemeral and nothing.title.startswith("Nothing for a digest since")
    share(services, "Energy bills to fall in April", texts.ENERGY_BILLS,
          "https://example.news/energy-bills", "Example News", at=NOW - timedelta(hours=2))
    [digest] = route("digest now")
    assert digest.kind == "digest" and not digest.ephemeral and digest.thread is None
    assert digest.title == "Daily digest: 1 story"
    at, snapshot = last_digest(settings(services))
    assert at == NOW and snapshot is not None and snapshot.disputes
