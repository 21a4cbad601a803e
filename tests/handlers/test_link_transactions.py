"""A pasted link is one unit of work: the transactions it takes, counted on the real engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

from tests.handlers.conftest import paste

# The channel's watch setting, the lookup that spares a second fetch, and one unit of work
# that stores the article, its brief and the share together.
PASTED_LINK_TRANSACTIONS = 3
WRITES = ("INSERT", "UPDATE", "DELETE")


@contextmanager
def transactions(engine: Engine) -> Iterator[list[list[str]]]:
    """The statements of each transaction begun on `engine` inside the block."""
    begun: list[list[str]] = []

    def on_begin(_connection) -> None:
        begun.append([])

    def on_statement(_connection, _cursor, statement, *_args) -> None:
        if begun:
            begun[-1].append(statement.lstrip().upper())

    event.listen(engine, "begin", on_begin)
    event.listen(engine, "before_cursor_execute", on_statement)
    try:
        yield begun
    finally:
        event.remove(engine, "begin", on_begin)
        event.remove(engine, "before_cursor_execute", on_statement)


def writing(begun: list[list[str]]) -> list[list[str]]:
    return [statements for statements in begun if any(s.startswith(WRITES) for s in statements)]


def test_a_pasted_link_takes_a_few_transactions_and_writes_in_one(conversation, services, site):
    with transactions(services.store.engine) as begun:
        [reply] = paste(conversation, site, "/currency")
    assert reply.kind == "brief"
    assert len(begun) == PASTED_LINK_TRANSACTIONS
    [unit] = writing(begun)
    inserted = " ".join(s for s in unit if s.startswith("INSERT"))
    assert "INTO ARTICLES" in inserted and "INTO SHARES" in inserted


def test_the_reply_shows_the_brief_just_built_without_reading_it_back(conversation, services,
                                                                      site):
    with transactions(services.store.engine) as begun:
        paste(conversation, site, "/energy")
    reads = [s for statements in begun for s in statements if s.startswith("SELECT")]
    assert not [s for s in reads if "ARTICLES.BRIEF" in s]


def test_a_link_shared_again_elsewhere_is_one_unit_of_work_too(conversation, services, site):
    paste(conversation, site, "/currency", "m1")
    with transactions(services.store.engine) as begun:
        [again] = paste(conversation, site, "/currency", "m2", channel="other")
    assert again.kind == "brief" and "first shared in #news" in again.context
    [unit] = writing(begun)
    assert any(s.startswith("INSERT INTO SHARES") for s in unit)
    assert len(begun) <= PASTED_LINK_TRANSACTIONS + 1  # and whether it was briefed here lately
