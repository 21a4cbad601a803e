"""The console chat, in process: odd lines are answered, never a crash."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from bot.bootstrap import bootstrap, build_conversation
from bot.platforms.console import ConsoleChat
from bot.settings import Settings
from tests.support.clock import NOW


@pytest.fixture
def chat(tmp_path) -> Iterator[ConsoleChat]:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/bot.db", log_level="WARNING")
    services = bootstrap(settings, clock=lambda: NOW)
    yield ConsoleChat(build_conversation(services), io.StringIO())
    services.close()


@pytest.mark.parametrize("line", ["~nosuchuser", "~nosuchuser/article.txt", "~", "a\x00b"])
def test_tilde_of_an_unknown_user_is_answered(chat: ConsoleChat, line: str) -> None:
    """Issue 17.5: `Path.expanduser()` raised RuntimeError for an unknown user."""
    replies = chat.handle_line(line)
    assert replies
    chat.show(replies)
    assert "Traceback" not in chat.out.getvalue()


def test_a_home_relative_path_is_briefed(chat: ConsoleChat, tmp_path, monkeypatch) -> None:
    from tests.support.articles import ENERGY

    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "energy.txt").write_text("Energy bills to fall\n\n" + ENERGY * 2)
    replies = chat.handle_line("~/energy.txt")
    assert replies and replies[0].kind == "brief"


def test_only_the_word_brief_is_the_command(chat: ConsoleChat) -> None:
    [reply] = chat.handle_line("/briefing ukraine")
    assert "don't know the command /briefing" in reply.title
    [help_reply] = chat.handle_line("/brief")
    assert help_reply.kind == "help"
