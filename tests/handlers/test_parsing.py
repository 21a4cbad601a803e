"""`/brief` text read once into a typed Command."""

from __future__ import annotations

import pytest

from bot.messages import Command
from handlers.parsing import link_command, parse_command, topic_command


@pytest.mark.parametrize("text", ["", "  ", "help", "HELP", "-h", "--help", "?"])
def test_help_words_ask_for_help(text: str) -> None:
    assert parse_command(text) == Command("help")


def test_watch_and_digest_keep_their_words() -> None:
    assert parse_command("Watch  OFF") == Command("watch", "off")
    assert parse_command("watch") == Command("watch", "")
    assert parse_command("digest on  08:30   Europe/Berlin") == Command(
        "digest", "on 08:30 Europe/Berlin")


def test_links_are_found_in_the_text() -> None:
    command = parse_command("https://example.com/a and https://example.org/b")
    assert command.name == "links"
    assert command.links == ("https://example.com/a", "https://example.org/b")


def test_a_topic_reads_days_and_a_trailing_more() -> None:
    assert parse_command("ukraine --days 30 more") == Command("topic", "ukraine", days=30,
                                                              more=True)
    assert parse_command("energy --days=3") == Command("topic", "energy", days=3)
    assert parse_command("more") == Command("topic", "more")  # a topic named "more"


@pytest.mark.parametrize("days", ["0", "²", "3.5", "x"])
def test_bad_days_are_a_problem_for_the_user(days: str) -> None:
    command = parse_command(f"energy --days {days}")
    assert command.name == "topic" and command.problem is not None
    assert "--days" in command.problem


def test_typed_options_build_the_same_commands_as_text() -> None:
    assert topic_command("  ukraine   war ", 30) == parse_command("ukraine war --days 30")
    assert topic_command("ukraine more") == parse_command("ukraine more")
    assert link_command("https://example.com/a").links == ("https://example.com/a",)
    assert link_command("energy") == Command("topic", "energy")  # no link: read as a topic
