"""Issue 14: questions fall back to stored sentences; more pages; sources; terse topics."""

from __future__ import annotations

from datetime import date

from bot.briefing.engine import build_brief
from bot.briefing.model import Article
from handlers.answers import position_line
from handlers.retrieval import answer_type, answer_window, rank_answers
from tests.handlers.conftest import answer_lines, event, paste, thread_answer
from tests.support.articles import ENERGY


def test_who_question_without_an_actor_falls_back_to_sentences(conversation, site):
    lines = answer_lines(thread_answer(conversation, site, "Who is the chancellery spokesperson?"))
    assert lines and "Mia Kask" in lines[0]


def test_what_did_x_say_falls_back_to_sentences_naming_x(conversation, site):
    lines = answer_lines(thread_answer(conversation, site, "What did Reuters say?"))
    assert lines and all("Reuters" in line.split(" — ")[0] for line in lines)


def test_channel_mention_searches_the_whole_store(conversation, site):
    paste(conversation, site, "/currency", "m1", channel="other")
    paste(conversation, site, "/energy", "m2", channel="news")
    [reply] = conversation.route(event("what did the central bank deny?", kind="mention",
                                       message_id="m3", channel="news"))
    assert "emergency rate rise" in answer_lines(reply)[0]


def test_more_pages_onward(conversation, site):
    paste(conversation, site, "/currency", "m1")
    pages = [answer_lines(conversation.route(event("more", message_id=f"x{n}", thread="m1"))[0])
             for n in range(3)]
    assert pages[0] and pages[0] != pages[1]
    assert not set(pages[0]) & set(pages[1])
    assert "everything" in pages[2][0] or not set(pages[2]) & set(pages[0] + pages[1])


def test_sources_lists_outlets_with_links(conversation, site):
    paste(conversation, site, "/energy", "m1")
    lines = answer_lines(conversation.route(event("sources", message_id="m2", thread="m1"))[0])
    assert lines == [f"Test News: Energy bills to fall in April <{site.url('/energy')}>"]


def test_no_disputes_found(conversation, services, site):
    conversation.share_article(event("calm.txt", message_id="m1"), Article(
        "Library opens", "The town library opened a new reading room on Monday.\n"
        "Visitors can borrow books until eight in the evening.", url="https://x.test/lib"))
    [reply] = conversation.route(event("who disagrees", message_id="m2", thread="m1"))
    assert answer_lines(reply)[0].startswith("No disputes found in Library opens")


def test_pronoun_resolves_to_the_threads_actor(conversation, site):
    lines = answer_lines(thread_answer(conversation, site, "what did she say?"))
    assert lines and lines[0].startswith(("Lena Sorvik", "Mia Kask"))  # not Otto Brandt


def test_answers_are_whole_or_whole_clauses():
    long = ("The committee, which met for the first time in the spring after a long delay, "
            "examined " + "many reports, " * 30 + "and finally chose James O. McKinsey, "
            "an accounting professor, to found the firm that bears his name today.")
    shown = answer_window(long, "Who founded the firm?")
    assert len(shown) < len(long) and shown.endswith("today.") and "McKinsey" in shown
    assert answer_window("A short sentence.", "anything") == "A short sentence."


def test_answer_type_and_ranking():
    assert answer_type("When did it open?") == "date"
    assert answer_type("How many yards did he run?") == "number"
    assert answer_type("Who founded it?") == "name"
    from bot.briefing.model import Brief

    article = Article("Bowl", "The game was played in Santa Clara.\n"
                      "The game was first played in 1967 in Los Angeles.", url="u")
    hits = rank_answers("When was the game first played?", [(Brief(article, (), (), (), ()), 1)])
    assert "1967" in hits[0].text


def test_topic_brief_is_terse_and_one_link_per_story(conversation, services, site):
    for number in range(12):
        text = ENERGY.replace("a tenth", f"{number + 2} per cent")
        conversation.share_article(event(f"e{number}", message_id=f"e{number}"), Article(
            f"Energy bills story {number}", text, url=f"https://x.test/e{number}"))
    [reply] = conversation.route(event("energy", kind="command", message_id="c1"))
    bullets = [b for s in reply.sections for b in s.bullets]
    assert len(bullets) <= 8 and len(reply.plain_text().split()) <= 170
    assert not reply.links and "more" in reply.context
    [rest] = conversation.route(event("energy more", kind="command", message_id="c2"))
    assert not set(b for s in rest.sections for b in s.bullets) & set(bullets)


def test_same_story_under_two_urls_is_one_story(conversation, site):
    paste(conversation, site, "/currency", "m1")
    paste(conversation, site, "/currency-copy", "m2")
    [reply] = conversation.route(event("currency", kind="command", message_id="c1"))
    assert len(reply.sections[0].bullets) == 1


def test_topic_window_counts_publication_dates(conversation, services):
    conversation.share_article(event("old", message_id="m1"), Article(
        "Old energy story", ENERGY, url="https://x.test/old", published="2022-01-28"))
    [reply] = conversation.route(event("energy", kind="command", message_id="c1"))
    assert reply.title.startswith("Nothing stored") and "2022-01-28" in reply.plain_text()
    assert date(2022, 1, 28).isoformat() in reply.sections[0].bullets[0]


def test_digest_time_zone_is_case_insensitive(conversation):
    [reply] = conversation.route(event("digest on 07:00 utc", kind="command"))
    assert "07:00 (UTC)" in reply.title


def test_a_position_with_no_cue_word_reads_holder_colon_text():
    text = ("Its new chair, Tom Reed, was blunt.\n\n"
            "\"We wasted a whole year on this plan and the town paid for it.\"")
    brief = build_brief(Article(title="Council", text=text))
    line = position_line(brief.positions[0], brief)
    assert line.startswith("Tom Reed: “We wasted") and "()" not in line
