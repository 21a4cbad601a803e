"""Summaries of real pages: furniture, headlines, datelines and sentences that lean on others."""

from __future__ import annotations

from bot.briefing.engine import build_brief
from bot.briefing.model import Article, Span
from bot.briefing.summary.context import is_fragment, needs_context
from bot.briefing.summary.headline import without_headline
from bot.briefing.summary.ours import lead_prior
from bot.briefing.summary.summarize import summarize
from bot.briefing.text.boilerplate import is_boilerplate, is_list_item
from bot.briefing.text.sentences import split_sentences, words


def spans(*texts: str) -> list[Span]:
    return split_sentences("\n".join(texts))


def test_promotion_and_consent_text_is_boilerplate_in_any_case() -> None:
    for text in (
        "Help Shape the Future of Mental Health by Joining the Mental Health Research Registry",
        "Read the Tech Talent Gap Analysis…",
        "Sign up for our newsletter to get the news in your inbox.",
        "We use cookies to improve your experience on our site.",
        "(Photo: Getty Images)",
        "By Jane Smith, BBC News",
        "here 's how to pick the right plan for your family .",
        "Published 10:30 GMT, Monday 5 January",
    ):
        assert is_boilerplate(text), text
        assert is_boilerplate(text.lower()), text
    for text in ("The newsletter's editor resigned on Monday after a row with the owners.",
                 "Subscribers will pay more from January, the company said.",
                 "By 2030 the city wants every bus to run on electricity."):
        assert not is_boilerplate(text), text


def test_list_items_headings_and_run_ons_are_fragments() -> None:
    assert is_list_item("• - Climate change is the biggest risk")
    assert is_fragment("- Czech Republic (Group A): Seventh appearance", cased=True)
    assert is_fragment("Taylor Swift is allowed to play her music after all", cased=True)
    assert is_fragment("and then the council voted against it.", cased=True)
    assert not is_fragment("and then the council voted against it .", cased=False)
    assert is_fragment("The mayor said the plan was sound.", cased=True, word_count=90)
    assert not is_fragment("The mayor said “the plan is sound.”", cased=True)


def test_sentences_that_lean_on_the_one_before() -> None:
    for text in ("In some rooms, a desk rental goes for $200 a month.",
                 "Also expected to attend are the ministers of both countries.",
                 "On Monday, it said the plan would go ahead."):
        assert needs_context(text, words(text)), text
    for text in ("The council approved the plan on Monday.",
                 "There are 40 schools in the district."):
        assert not needs_context(text, words(text)), text


def test_a_leaning_sentence_is_shown_only_after_its_context() -> None:
    sentences = spans(
        "The city opened a shared office for small firms in the old post office.",
        "In some rooms, a desk rental goes for $200 a month.",
        "The city hopes the office will keep young firms in the centre of town.",
    )
    assert [i for i, _ in summarize(sentences, 2, "lead")] == [0, 1]
    assert [i for i, _ in summarize([sentences[1], sentences[2]], 2, "lead")] == [1]


def test_headline_lines_are_dropped_and_glued_headlines_cut_off() -> None:
    text = ("Best Places to Retire Ranked No. 1 (Again) Spend your golden years in the "
            "golden state of the west.\nBest Places to Retire Ranked\nThe ranking looked at "
            "taxes, weather and health care.")
    kept = without_headline(split_sentences(text), "Best Places to Retire Ranked No. 1 (Again)")
    assert [span.text for _, span in kept] == [
        "Spend your golden years in the golden state of the west.",
        "The ranking looked at taxes, weather and health care.",
    ]
    for _, span in kept:
        assert text[span.start:span.end] == span.text


def test_a_dateline_run_into_the_first_sentence_is_cut_off() -> None:
    text = "November 20, 2019 - 11:28 AMT Example.Net - Verified footage shows the killings."
    [(_, span)] = without_headline(split_sentences(text), None)
    assert span.text == "Verified footage shows the killings."
    assert text[span.start:span.end] == span.text


def test_a_page_brief_leaves_out_its_furniture() -> None:
    text = "\n".join([
        "Council Approves New Budget for City Schools",
        "By Jane Smith",
        "The city council approved a new budget for its schools late on Tuesday night.",
        "Sign up for our daily newsletter to get the latest news on city schools.",
        "The budget adds money for teachers, school buses and repairs to school buildings.",
        "• Teachers will get a pay rise of four percent from the next school year",
        "Read more: How the council spends its money on city schools and teachers.",
        "Parents had asked the council for months to spend more on school buildings.",
    ])
    article = Article(title="Council Approves New Budget for City Schools", text=text, url=None)
    shown = [span.text for span in build_brief(article, 3).summary]
    assert len(shown) == 3
    assert not any(s.startswith(("By ", "Sign up", "•", "Read more", "Council Approves"))
                   for s in shown)


def test_the_lead_prior_follows_the_headline_words_not_the_position() -> None:
    texts = [
        "Shops in the high street reported more visitors over the weekend than last year.",
        "The weather was mild and the car parks were full by ten in the morning.",
        "The council cut parking fees in the town centre to win back shoppers.",
    ]
    title = "Council cuts town centre parking fees"
    for order in (texts, texts[::-1]):
        for case in (str, str.lower):
            sentences = spans(*(case(t) for t in order))
            prior = lead_prior(sentences, case(title))
            best = max(range(len(sentences)), key=lambda i: prior[i])
            assert "parking fees" in sentences[best].text.lower()
    assert not lead_prior(spans(*texts), None).any()
