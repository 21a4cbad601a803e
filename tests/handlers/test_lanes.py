"""bot.platforms.lanes with the real conversation (here for the handlers' fixtures): links queue
behind a bound with one busy notice; chat answers never wait."""

from __future__ import annotations

import asyncio

from bot.bootstrap import build_conversation
from bot.messages import Reply
from bot.platforms.lanes import Lanes
from tests.handlers.conftest import event
from tests.support.articles import ENERGY, article_html
from tests.support.site import slow_page


def test_a_full_queue_gets_one_notice_and_a_topic_does_not_wait(services, site):
    site.routes["/slow-a"] = slow_page(article_html("Energy bills to fall in April", ENERGY))
    site.routes["/slow-b"] = slow_page(article_html("Energy bills fall in April", ENERGY))
    lanes = Lanes(build_conversation(services), queue_size=1)
    notices: list[Reply] = []
    finished: list[str] = []

    async def notify(reply: Reply) -> None:
        notices.append(reply)

    async def send(name: str, text: str, kind: str = "message") -> list[Reply]:
        replies = await lanes.route(event(text, kind=kind, message_id=name), notify)
        finished.append(name)
        return replies

    async def scenario() -> list[list[Reply]]:
        first = asyncio.create_task(send("a", site.url("/slow-a")))
        await asyncio.sleep(0)  # the first link takes the only place in the queue
        second = asyncio.create_task(send("b", site.url("/slow-b")))
        third = asyncio.create_task(send("c", site.url("/slow-b") + "?again"))
        topic = await send("topic", "ukraine", kind="command")
        return [await first, await second, await third, topic]

    try:
        a, b, c, topic = asyncio.run(scenario())
    finally:
        lanes.close()
    assert finished[0] == "topic"  # answered while the links were still in the queue
    assert topic and topic[0].kind == "topic"
    assert len(notices) == 1 and "shortly" in (notices[0].title or "")
    assert a[0].kind == "brief" and b[0].kind == "brief"
    assert c == [] or c[0].kind == "brief"  # the same text again: no second brief needed
