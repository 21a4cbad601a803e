"""Quotes whose speaker is outside their sentence: the person just introduced, or the speaker
of the quotation next to it; no position where it is unclear."""

from bot.briefing.engine import build_brief
from bot.briefing.model import Article, Position
from bot.formats import describe_position


def brief_positions(text: str) -> list[Position]:
    return list(build_brief(Article(title="Test", text=text)).positions)


def test_lone_quote_after_an_introduced_person_is_theirs():
    text = ("The council met on Monday to review the budget. Its new chair, Tom Reed, was "
            "blunt.\n\n\"We wasted a whole year on this plan and the town paid for it.\"\n\n"
            "The vote is next week.")
    found = brief_positions(text)
    assert [(p.actor, p.content.text) for p in found] == [
        ("Tom Reed", "We wasted a whole year on this plan and the town paid for it")]
    cue = found[0].cue
    assert (cue.text, cue.start, cue.end) == ("", found[0].content.start, found[0].content.start)
    assert found[0].direct


def test_a_position_with_no_cue_renders_without_brackets():
    text = ("Its new chair, Tom Reed, was blunt.\n\n"
            "\"We wasted a whole year on this plan and the town paid for it.\"")
    line = describe_position(brief_positions(text)[0])
    assert line.startswith("Tom Reed: “We wasted")
    assert "()" not in line


def test_two_people_introduced_is_unclear():
    text = ("The council met on Monday. Tom Reed and Anna Berg were both there.\n\n"
            "\"We wasted a whole year on this plan.\"\n\nThe vote is next week.")
    assert brief_positions(text) == []


def test_a_person_who_is_not_the_subject_is_not_introduced():
    text = ("The council voted against the plan that Tom Reed drew up.\n\n"
            "\"We wasted a whole year on this plan.\"")
    assert brief_positions(text) == []


def test_a_credit_line_introduces_no_one():
    text = ("\"The plan was a waste of a year for all of us.\" ― Ana Ruiz\n"
            "\"Nobody asked the families what they needed.\"")
    assert not [p for p in brief_positions(text) if "Nobody asked" in p.content.text]


def test_lone_quote_before_an_attributed_quote_in_its_paragraph():
    text = ("The council met on Monday.\n\n\"We wasted a whole year on this plan.\" "
            "\"Nobody will forgive us for it,\" Reed said.")
    found = brief_positions(text)
    assert [(p.source.text, p.cue.text, p.content.text) for p in found] == [
        ("Reed", "said", "We wasted a whole year on this plan"),
        ("Reed", "said", "Nobody will forgive us for it")]


def test_lone_quote_after_a_partly_quoted_statement_keeps_its_speaker():
    text = ("Golf clubs are \"just scratching out a profit,\" Tom Hedge said from his office "
            "in Orlando.\n\n\"Golf is a razor-thin industry for any investor.\"")
    found = brief_positions(text)
    assert ("Tom Hedge", "said", "Golf is a razor-thin industry for any investor") in [
        (p.actor, p.cue.text, p.content.text) for p in found]


def test_lone_quote_after_two_speakers_is_unclear():
    text = ("Anna Berg said the plan failed, and Tom Reed said it worked.\n\n"
            "\"Nobody will forgive us for it.\"")
    assert not [p for p in brief_positions(text) if "forgive" in p.content.text]


def test_lone_quote_after_an_unquoted_statement_is_unclear():
    text = ("Other sites such as Gawker have stated that they will keep hosting the video.\n\n"
            "\"So far, it's the internet one, the church nil.\"")
    assert not [p for p in brief_positions(text) if "So far" in p.content.text]
