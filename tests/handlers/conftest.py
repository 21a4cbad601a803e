"""A real store in a temp SQLite file, a real fetcher, and a local site serving articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.bootstrap import Services, bootstrap, build_conversation
from bot.messages import Event
from bot.settings import Settings
from handlers import Conversation
from tests.support.articles import ENERGY, HANDWRITTEN, article_html
from tests.support.clock import NOW
from tests.support.site import LocalSite, page


@pytest.fixture
def site(site: LocalSite) -> LocalSite:
    """The shared empty site (tests/conftest.py), serving the conversation's articles."""
    local = site
    local.routes["/currency"] = page(article_html(
        "Sorvik tells Brandt to calm currency fears", HANDWRITTEN))
    local.routes["/currency-copy"] = page(article_html(
        "Sorvik tells Brandt to calm currency fears", HANDWRITTEN))
    local.routes["/energy"] = page(article_html("Energy bills to fall in April", ENERGY))
    return local


@pytest.fixture
def services(tmp_path, site) -> Iterator[Services]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path}/bot.db", fetch_allowlist="127.0.0.1",
        fetch_allowed_ports=str(site.port), fetch_retries=0, log_level="WARNING",
    )
    built = bootstrap(settings, clock=lambda: NOW)
    yield built
    built.close()


@pytest.fixture
def conversation(services) -> Conversation:
    return build_conversation(services)


def event(text: str, kind: str = "message", message_id: str = "m1", thread: str | None = None,
          channel: str = "news", workspace: str = "team") -> Event:
    return Event(platform="test", workspace=workspace, channel=channel, user="u1", text=text,
                 kind=kind, message_id=message_id, thread=thread)  # type: ignore[arg-type]


def paste(conversation, site, path, message_id="m1", channel="news"):
    return conversation.route(event(f"have a look {site.url(path)}", message_id=message_id,
                                    channel=channel))


def thread_answer(conversation, site, question):
    [brief] = paste(conversation, site, "/currency", "m1")
    conversation.reply_posted(brief, "bot-reply-1")
    [answer] = conversation.route(event(question, message_id="m9", thread="bot-reply-1"))
    assert answer.thread == "bot-reply-1"
    return answer


def answer_lines(reply):
    return [line for section in reply.sections for line in section.bullets]
