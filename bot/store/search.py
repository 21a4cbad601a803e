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


def _sqlite_sql(share_filter: str) -> str:
    return f"""
        SELECT a.id
        FROM articles_fts
        JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH :match {share_filter}
        ORDER BY bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}), a.id DESC
        LIMIT :limit
    """


def _postgres_sql(share_filter: str, match_any: bool = False) -> str:
    # ts_rank weights are {D, C, B, A}; the migration puts titles in A and text in B.
    # Normalisation 1 divides by log(length), as bm25 discounts long documents.
    # match_any: websearch_to_tsquery reads "a or b" as OR; the words carry no other syntax.
    parser = "websearch_to_tsquery" if match_any else "plainto_tsquery"
    return f"""
        SELECT a.id
        FROM articles a, {parser}('{POSTGRES_TEXT_CONFIG}', :words) q
        WHERE a.search_vector @@ q {share_filter}
        ORDER BY ts_rank('{{0, 0, {TEXT_WEIGHT / TITLE_WEIGHT}, 1}}', a.search_vector, q, 1) DESC,
                 a.id DESC
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
        statement = text(_postgres_sql(share_filter, match_any))
        params["words"] = (" or " if match_any else " ").join(words)
    else:
        statement = text(_sqlite_sql(share_filter))
        params["match"] = fts5_match_expression(words, match_any)
    if since is not None:
        # Same UTC conversion as the column, or SQLite would compare mismatched strings.
        statement = statement.bindparams(bindparam("since", type_=UtcDateTime))
    return [row[0] for row in connection.execute(statement, params)]
