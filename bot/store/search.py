"""Full-text search in the database's own engine: FTS5 bm25 on SQLite, ts_rank on PostgreSQL.

User topics are hostile text. They never reach either query parser as syntax: we keep
only word tokens, quote each one for FTS5, and hand PostgreSQL plain words through
`plainto_tsquery`, which has no operators at all.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text

from bot.store.models import UtcDateTime

MAX_QUERY_TOKENS = 32
MAX_TOKEN_CHARS = 64
MAX_RESULTS = 200
# Title matches count ten times a body match; the same weights on both backends.
TITLE_WEIGHT = 10.0
TEXT_WEIGHT = 1.0
POSTGRES_TEXT_CONFIG = "english"  # must match migration 0002

_WORD = re.compile(r"\w+")


def query_words(query: str) -> list[str]:
    """The searchable words of a topic; punctuation, operators' quotes and emoji drop out."""
    words: list[str] = []
    for match in _WORD.finditer(query):
        word = match.group().strip("_")
        if word:
            words.append(word[:MAX_TOKEN_CHARS])
        if len(words) == MAX_QUERY_TOKENS:
            break
    return words


def fts5_match_expression(words: list[str], match_any: bool = False) -> str:
    """Each word as an FTS5 string, so `OR`, `NEAR`, `*` or `col:` are only ever words.
    With `match_any` the quoted words are joined by FTS5's own OR (bm25 still ranks)."""
    return (" OR " if match_any else " ").join(f'"{word}"' for word in words)


def _share_filter(workspace: str | None, since: datetime | None) -> tuple[str, dict[str, Any]]:
    """Restrict to articles shared in a workspace and/or since a time; no filter, no join."""
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if workspace is not None:
        conditions.append("s.workspace = :workspace")
        params["workspace"] = workspace
    if since is not None:
        conditions.append("s.shared_at >= :since")
        params["since"] = since
    if not conditions:
        return "", params
    clause = " AND ".join(conditions)
    return f"AND EXISTS (SELECT 1 FROM shares s WHERE s.article_id = a.id AND {clause})", params


def _sqlite_sql(share_filter: str, windowed: bool) -> str:
    # The window's oldest article id bounds the FTS5 rowid: FTS5 seeks past older documents
    # instead of ranking every match in the archive (issue 15). Ranks are unchanged.
    bound = "AND articles_fts.rowid >= :first_id" if windowed else ""
    return f"""
        SELECT a.id
        FROM articles_fts
        JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH :match {bound} {share_filter}
        ORDER BY bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}), a.id DESC
        LIMIT :limit
    """


def _sqlite_first_id(connection: Connection, workspace: str | None, since: datetime
                     ) -> int | None:
    """The oldest article shared in the window, read through the (workspace, shared_at)
    index; None when nothing was shared in it."""
    where = "s.shared_at >= :since" + (" AND s.workspace = :workspace" if workspace else "")
    statement = text(f"SELECT min(s.article_id) FROM shares s WHERE {where}").bindparams(
        bindparam("since", type_=UtcDateTime))
    return connection.execute(statement, {"since": since, "workspace": workspace}).scalar()


def _postgres_sql(workspace: str | None, since: datetime | None, match_any: bool = False
                  ) -> str:
    # ts_rank weights are {D, C, B, A}; the migration puts titles in A and text in B.
    # Normalisation 1 divides by log(length), as bm25 discounts long documents.
    # match_any: websearch_to_tsquery reads "a or b" as OR; the words carry no other syntax.
    # With a window, its articles are found first (shares index) and only they are matched
    # and ranked; MATERIALIZED keeps the planner from matching the whole archive first.
    parser = "websearch_to_tsquery" if match_any else "plainto_tsquery"
    rank = f"ts_rank('{{0, 0, {TEXT_WEIGHT / TITLE_WEIGHT}, 1}}', a.search_vector, q, 1)"
    if since is None:
        share_filter, _ = _share_filter(workspace, since)
        source = "articles a"
    else:
        share_filter = ""
        where = "s.shared_at >= :since" + (" AND s.workspace = :workspace" if workspace else "")
        source = (f"(SELECT DISTINCT s.article_id FROM shares s WHERE {where}) w "
                  "JOIN articles a ON a.id = w.article_id")
    return f"""
        SELECT a.id
        FROM {source}, {parser}('{POSTGRES_TEXT_CONFIG}', :words) q
        WHERE a.search_vector @@ q {share_filter}
        ORDER BY {rank} DESC, a.id DESC
        LIMIT :limit
    """


def search_article_ids(
    connection: Connection,
    workspace: str | None,
    query: str,
    since: datetime | None,
    limit: int,
    match_any: bool = False,
) -> list[int]:
    """Article ids, best match first; [] when the query has nothing searchable.

    Every word must match, unless `match_any` (free questions: any word may match)."""
    words = query_words(query)
    if match_any:
        words = [w for w in words if w.lower() != "or"]
    limit = min(limit, MAX_RESULTS)
    if not words or limit <= 0:
        return []
    share_filter, params = _share_filter(workspace, since)
    params["limit"] = limit
    if connection.dialect.name == "postgresql":
        statement = text(_postgres_sql(workspace, since, match_any))
        params["words"] = (" or " if match_any else " ").join(words)
    else:
        windowed = since is not None
        if windowed:
            params["first_id"] = _sqlite_first_id(connection, workspace, since)
            if params["first_id"] is None:
                return []
        statement = text(_sqlite_sql(share_filter, windowed))
        params["match"] = fts5_match_expression(words, match_any)
    if since is not None:
        # Same UTC conversion as the column, or SQLite would compare mismatched strings.
        statement = statement.bindparams(bindparam("since", type_=UtcDateTime))
    return [row[0] for row in connection.execute(statement, params)]
