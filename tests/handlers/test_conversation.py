"""Every handler behaviour through neutral events, against a real store and a local site."""

from __future__ import annotations

import logging

import pytest

from tests.handlers.conftest import answer_lines, event, paste, thread_answer
from tests.support.articles import HANDWRITTEN


def test_link_paste_replies_in_thread_with_brief(conversation, site):
    [reply] = paste(conversation, site, "/currency")
    assert reply.kind == "brief" and reply.thread == "m1" and not reply.ephemeral
    assert reply.title == "Sorvik tells Brandt to calm currency fears"
    summary = reply.sections[0].bullets
    assert 2 <= len(summary) <= 3
    assert all(line.split("] ")[-1] in reply_text_source() for line in summary)
    names = [name for name, _ in reply.fields]
    assert "Lena Sorvik" in names
    headings = [s.heading for s in reply.sections]
    assert "Positions" in headings and "Disputed" in headings
    assert reply.share_id is not None


def reply_text_source() -> str:
    return HANDWRITTEN


def test_same_link_is_not_fetched_again(conversation, site):
    paste(conversation, site, "/currency", "m1")
    fetched = site.paths_requested().count("/currency")
    [again] = paste(conversation, site, "/currency?utm_source=x", "m2", channel="other")
    assert site.paths_requested().count("/currency") == fetched
    assert "first shared in #news" in again.context


def test_same_text_under_another_url_is_not_briefed_twice(conversation, services, site):
    paste(conversation, site, "/currency", "m1")
    [second] = paste(conversation, site, "/currency-copy", "m2")
    assert "first shared" in second.context
    assert services.store.find_article(
        canonical_url=site.url("/currency-copy")) is None


def test_watch_off_and_on(conversation, site):
    [notice] = conversation.route(event("watch off", kind="command"))
    assert notice.ephemeral and "no longer" in notice.title
    assert paste(conversation, site, "/energy", "m1") == []
    [mentioned] = conversation.route(event(f"<@U1> {site.url('/energy')}", kind="mention",
                                           message_id="m2"))
    assert mentioned.kind == "brief"
    conversation.route(event("watch on", kind="command"))
    [reply] = paste(conversation, site, "/currency", "m3")
    assert reply.kind == "brief"


def test_fetch_failure_gives_the_human_message_once(conversation, site):
    replies = paste(conversation, site, "/missing")
    assert len(replies) == 1
    [reply] = replies
    assert reply.kind == "error" and reply.thread == "m1"
    assert "404" in reply.title and "Traceback" not in reply.title


def test_topic_brief_over_stored_articles(conversation, site):
    paste(conversation, site, "/currency", "m1")
    paste(conversation, site, "/energy", "m2")
    [reply] = conversation.route(event("currency", kind="command"))
    assert reply.kind == "topic" and not reply.ephemeral
    stories = next(s for s in reply.sections if s.heading == "Stories")
    assert len(stories.bullets) == 1 and "Sorvik" in stories.bullets[0]
    assert any("Sorvik" in name for name, _ in reply.fields)
    disputed = next(s for s in reply.sections if s.heading == "Disputed")
    assert any("ended badly" in line for line in disputed.bullets)


def test_topic_brief_only_sees_this_workspace(conversation, site):
    paste(conversation, site, "/energy", "m1")
    [reply] = conversation.route(event("energy", kind="command", workspace="elsewhere"))
    assert reply.title.startswith("Nothing stored about “energy”")


def test_topic_days_window(conversation, services, site):
    paste(conversation, site, "/energy", "m1")
    [reply] = conversation.route(event("energy --days 30", kind="command"))
    assert reply.kind == "topic" and "30 days" in reply.title
    [bad] = conversation.route(event("energy --days 0", kind="command"))
    assert bad.ephemeral and "--days" in bad.title


@pytest.mark.parametrize("days", ["²", "٣", "3.5", "-1", "99999999999999999999"])
def test_topic_days_that_are_no_plain_number_get_a_clear_message(conversation, days):
    """Issue 17.6: "²".isdigit() is true but int() fails: a generic apology came back."""
    [reply] = conversation.route(event(f"ukraine --days {days}", kind="command"))
    assert reply.ephemeral and "--days takes a whole number" in reply.title


@pytest.mark.parametrize("topic", ['"', "*", "NEAR", ")", "a OR b", "energy)(*\"NEAR/3",
                                   "🙂 énergie", "x" * 150, "\u0000nul", "DROP TABLE articles;"])
def test_odd_topics_never_fail(conversation, site, topic):
    paste(conversation, site, "/energy", "m1")
    [reply] = conversation.route(event(topic, kind="command"))
    assert reply.kind in {"topic", "notice"}
    [again] = conversation.route(event("energy", kind="command"))
    assert again.kind == "topic" and "1 story" in again.title


def test_empty_command_and_help(conversation):
    for text in ("", "help", "   "):
        [reply] = conversation.route(event(text, kind="command"))
        assert reply.kind == "help" and reply.ephemeral


def test_brief_url_on_demand(conversation, site):
    [reply] = conversation.route(event(site.url("/energy"), kind="command", message_id=""))
    assert reply.kind == "brief" and reply.thread is None
    assert reply.title == "Energy bills to fall in April"


def test_enormous_message(conversation):
    assert conversation.route(event("word " * 20_000)) == []
    [reply] = conversation.route(event("word " * 20_000, kind="command"))
    assert reply.kind == "error" and reply.ephemeral






def test_follow_up_what_did_x_say(conversation, site):
    lines = answer_lines(thread_answer(conversation, site, "What did Sorvik say?"))
    assert any("stop alarming the markets" in line for line in lines)


def test_follow_up_who_is(conversation, site):
    lines = answer_lines(thread_answer(conversation, site, "who is Arvo Linn"))
    assert "finance minister" in lines[0]
    assert "Arvo Linn" in lines[1]


def test_follow_up_disputes_and_sources(conversation, site):
    disputed = answer_lines(thread_answer(conversation, site, "what's disputed?"))
    assert any("ended badly" in line for line in disputed)
    sources = answer_lines(conversation.route(event("sources", thread="bot-reply-1"))[0])
    assert any(site.url("/currency") in line for line in sources)


def test_follow_up_more_gives_new_sentences(conversation, site):
    [brief] = paste(conversation, site, "/currency", "m1")
    [more] = conversation.route(event("more", thread="m1"))
    shown = set(brief.sections[0].bullets)
    lines = answer_lines(more)
    assert lines and not any(line.split("”")[0].strip("“") in shown for line in lines)


def test_free_question_is_answered_with_stored_sentences(conversation, site):
    lines = answer_lines(thread_answer(conversation, site, "central bank rate rise?"))
    assert lines
    quoted = lines[0].split("”")[0].strip("“")
    assert quoted in HANDWRITTEN


def test_unanswerable_question_says_so_and_lists_what_to_ask(conversation, site):
    reply = thread_answer(conversation, site, "?!")
    assert "couldn't tell" in reply.title
    assert any("what did" in hint for hint in answer_lines(reply))
    reply = thread_answer(conversation, site, "who is Napoleon")
    assert "nothing about napoleon" in reply.title.lower()


def test_mention_in_channel_answers_about_recent_articles(conversation, site):
    paste(conversation, site, "/energy", "m1")
    [answer] = conversation.route(event("<@U1> what did Miliband say?", kind="mention",
                                        message_id="m5"))
    assert any("suppliers" in line for line in answer_lines(answer))


def test_message_outside_a_brief_thread_is_ignored(conversation):
    assert conversation.route(event("just chatting", thread="unknown-thread")) == []
    assert conversation.route(event("no links here")) == []


def test_link_reposted_in_the_same_channel_within_minutes_is_briefed_once(services, site):
    from datetime import timedelta

    from bot.bootstrap import build_conversation
    from tests.support.clock import NOW

    now = [NOW]
    services.clock = lambda: now[-1]
    conversation = build_conversation(services)
    [_first] = paste(conversation, site, "/energy", "m1")
    assert paste(conversation, site, "/energy", "m2") == []
    now.append(NOW + timedelta(minutes=30))
    [later] = paste(conversation, site, "/energy", "m3")
    assert later.kind == "brief" and "first shared in #news" in later.context


def test_a_password_in_a_pasted_link_never_reaches_logs_or_replies(conversation, site, caplog):
    """Issue 17.11: the fetcher and handlers.links logged the URL with its userinfo."""
    secret = "hunter2-s3cret"
    link = site.url("/missing").replace("http://", f"http://ann:{secret}@")
    with caplog.at_level(logging.DEBUG):
        [reply] = conversation.route(event(f"look {link}"))
    assert reply.kind == "error" and "doesn't exist" in reply.plain_text()
    assert secret not in reply.plain_text() and "ann:" not in reply.plain_text()
    lines = [record.getMessage() for record in caplog.records]
    assert any("***@127.0.0.1" in line for line in lines)
    assert not [line for line in lines if secret in line]


def test_positions_are_quotes_with_speaker_cue_and_text(conversation, services, site):
    from bot.formats import brief_lines
    from bot.messages import Quote

    [reply] = paste(conversation, site, "/currency")
    [positions] = [s for s in reply.sections if s.heading == "Positions"]
    assert positions.bullets and all(isinstance(q, Quote) for q in positions.bullets)
    stored = services.store.find_article(canonical_url=site.url("/currency"))
    expected = brief_lines(services.store.get_brief(stored.id)).positions
    assert [str(q) for q in positions.bullets] == expected  # the same words as before
    assert any(q.speaker == "Lena Sorvik" or "Sorvik" in q.speaker for q in positions.bullets)
