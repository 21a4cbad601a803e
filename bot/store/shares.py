"""Shares: which channel saw which article, and the messages a thread can hang from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, or_, select, update
from sqlalchemy.orm import Session

from bot.store.articles import NotFoundError
from bot.store.database import insert_ignoring_conflicts
from bot.store.models import ArticleRow, ShareRow, utc_now
from bot.store.records import Post, Share

_SHARE_KEY = ["platform", "workspace", "channel", "message_id", "article_id"]


def _to_share(row: ShareRow) -> Share:
    return Share(
        id=row.id,
        article_id=row.article_id,
        platform=row.platform,
        workspace=row.workspace,
        channel=row.channel,
        user=row.user_id,
        message_id=row.message_id,
        thread_id=row.thread_id,
        reply_id=row.reply_id,
        shared_at=row.shared_at,
    )


def record_share(
    session: Session,
    article_id: int,
    platform: str,
    workspace: str,
    channel: str,
    user: str,
    message_id: str,
    thread_id: str | None = None,
    shared_at: datetime | None = None,
) -> int:
    """Idempotent per (message, article): a redelivered event returns the first share's id."""
    if session.execute(select(ArticleRow.id).where(ArticleRow.id == article_id)).first() is None:
        raise NotFoundError(f"no article with id {article_id}")
    key = {
        "platform": platform,
        "workspace": workspace,
        "channel": channel,
        "message_id": message_id,
        "article_id": article_id,
    }
    values = {**key, "user_id": user, "thread_id": thread_id, "shared_at": shared_at or utc_now()}
    insert_ignoring_conflicts(session, ShareRow.__table__, values, _SHARE_KEY)
    conditions = [getattr(ShareRow, name) == value for name, value in key.items()]
    return session.execute(select(ShareRow.id).where(*conditions)).scalar_one()


def share_post(session: Session, article_id: int, post: Post) -> tuple[int, Share | None]:
    """Record `post` of the article: its share id, and the workspace's first share before it."""
    first = first_share(session, article_id, post.workspace)
    share_id = record_share(session, article_id, post.platform, post.workspace, post.channel,
                            post.user, post.message_id, post.thread_id, post.shared_at)
    return share_id, first


def set_reply_id(session: Session, share_id: int, reply_id: str) -> None:
    """Remember the bot's answer, so that a thread started under it finds the article."""
    result = session.execute(
        update(ShareRow).where(ShareRow.id == share_id).values(reply_id=reply_id)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise NotFoundError(f"no share with id {share_id}")


def first_share(session: Session, article_id: int, workspace: str) -> Share | None:
    """The earliest post in a workspace, for "already shared by ... on ..." notes."""
    statement = (
        select(ShareRow)
        .where(ShareRow.article_id == article_id, ShareRow.workspace == workspace)
        .order_by(ShareRow.shared_at, ShareRow.id)
        .limit(1)
    )
    row = session.execute(statement).scalar()
    return None if row is None else _to_share(row)


def article_id_for_thread(
    session: Session, platform: str, workspace: str, channel: str, thread_id: str
) -> int | None:
    """The article a thread is about.

    A thread id is the ts/id of the message it hangs from: the user's post or the bot's
    reply. Failing those, a share posted inside that thread; the latest one wins.
    """
    is_anchor = or_(ShareRow.message_id == thread_id, ShareRow.reply_id == thread_id)
    statement = (
        select(ShareRow.article_id)
        .where(
            ShareRow.platform == platform,
            ShareRow.workspace == workspace,
            ShareRow.channel == channel,
            or_(is_anchor, ShareRow.thread_id == thread_id),
        )
        .order_by(case((is_anchor, 0), else_=1), ShareRow.shared_at.desc(), ShareRow.id.desc())
        .limit(1)
    )
    return session.execute(statement).scalar()


def latest_share_in_channel(
    session: Session, article_id: int, platform: str, workspace: str, channel: str
) -> Share | None:
    query = (
        select(ShareRow)
        .where(ShareRow.article_id == article_id, ShareRow.platform == platform,
               ShareRow.workspace == workspace, ShareRow.channel == channel)
        .order_by(ShareRow.shared_at.desc(), ShareRow.id.desc())
        .limit(1)
    )
    row = session.execute(query).scalar_one_or_none()
    return None if row is None else _to_share(row)
