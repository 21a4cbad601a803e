"""The summariser's contract: what the engine and the renderer rely on."""

from __future__ import annotations

import numpy as np
import pytest
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers.reduction import ReductionSummarizer

from bot.briefing.model import Span
from bot.briefing.summary.ours import WordGraphReduction
from bot.briefing.summary.quotes import MAX_RUN_ON, speakerless_quotes
from bot.briefing.summary.rank import STOP_WORDS, build_document, stem
from bot.briefing.summary.select import content_words, similarity
from bot.briefing.summary.summarize import METHODS, UnknownMethodError, jaccard, summarize
from bot.briefing.text.sentences import split_sentences, words
from bot.errors import BotError

ARTICLE = "\n".join([
    "The central bank raised interest rates to 5% on Thursday, its first rise in a year.",
    "The bank said rising prices for energy and food had pushed inflation above its target.",
    "He said the decision to raise interest rates was not taken lightly by the committee.",
    "Economists had expected the central bank to hold interest rates until the spring.",
    "Mortgage lenders said they would pass the higher interest rates on to borrowers quickly.",
    "Read more: https://example.com/rates",
    "London, Jan. 5, 2024, 10:30 GMT",
    "Shares fell.",
    "Retailers warned that higher interest rates and energy prices would hurt spending.",
    "The central bank will publish its next forecast for inflation and growth in May.",
])


def sentences_of(text: str = ARTICLE) -> list[Span]:
    return split_sentences(text)


def spans(*texts: str) -> list[Span]:
    return sentences_of("\n".join(texts))


def test_count_is_respected_and_indices_come_in_article_order() -> None:
    sentences = sentences_of()
    for count in (1, 2, 3, 5):
        chosen = summarize(sentences, count)
        indices = [i for i, _ in chosen]
        assert len(chosen) == count
        assert indices == sorted(indices)
        assert len(set(indices)) == len(indices)
    assert summarize(sentences, 0) == []


def test_chosen_sentences_are_verbatim_slices_of_the_article() -> None:
    sentences = sentences_of()
    for index, _ in summarize(sentences, 4):
        span = sentences[index]
        assert ARTICLE[span.start:span.end] == span.text


def test_links_datelines_and_fragments_are_never_chosen() -> None:
    sentences = sentences_of()
    junk = {s.text for s in sentences if s.text.startswith(("Read more", "London", "Shares"))}
    assert len(junk) == 3
    for method in METHODS:
        chosen = summarize(sentences, 6, method)
        assert not {sentences[i].text for i, _ in chosen} & junk, method


def test_near_duplicates_keep_only_the_better_ranked_one() -> None:
    sentences = spans(
        "The mayor opened the new bridge over the river on Monday morning.",
        "The mayor opened the new bridge over the river on Monday.",
        "Traffic on the old crossing is expected to fall by half this year.",
        "Local shops hope the bridge will bring more visitors to the town.",
    )
    assert [i for i, _ in summarize(sentences, 3, "lead")] == [0, 2, 3]
    chosen = [i for i, _ in summarize(sentences, 3)]
    assert not {0, 1} <= set(chosen)


def test_unresolved_pronoun_opener_is_skipped_for_the_next_best() -> None:
    sentences = spans(
        "He said the talks in Geneva had made real progress on a ceasefire.",
        "But they warned that fighting in the east of the country continued.",
        "The foreign ministers of both countries met for six hours on Friday.",
        "A second round of talks is planned for the end of the month in Vienna.",
    )
    assert summarize(sentences, 2, "lead") == [(2, None), (3, None)]
    assert summarize(sentences, 2, "lead", referent_of=lambda i: None) == [(2, None), (3, None)]


def test_pronoun_opener_is_kept_with_its_referent_when_one_is_known() -> None:
    sentences = spans(
        "He said the talks in Geneva had made real progress on a ceasefire.",
        "The foreign ministers of both countries met for six hours on Friday.",
    )
    asked: list[int] = []

    def referent_of(index: int) -> str | None:
        asked.append(index)
        return "Zelensky" if index == 0 else None

    assert summarize(sentences, 2, "lead", referent_of) == [(0, "Zelensky"), (1, None)]
    assert asked == [0]  # only pronoun openers are looked up


def test_unknown_method_names_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown summary method 'bert'") as caught:
        summarize(sentences_of(), 3, method="bert")
    assert isinstance(caught.value, BotError)
    assert isinstance(caught.value, UnknownMethodError)
    for name in ("auto", "lead", "lexrank", "textrank", "lsa", "luhn", "edmundson"):
        assert name in str(caught.value)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_handles_short_and_empty_articles(method: str) -> None:
    assert summarize([], 3, method) == []
    one = spans("The city council approved the new budget for schools late on Tuesday.")
    assert summarize(one, 3, method) == [(0, None)]


def test_an_article_of_fragments_still_gets_a_summary() -> None:
    sentences = spans("Fire closes M6.", "Drivers warned.", "Delays expected.")
    chosen = summarize(sentences, 3)
    assert 1 <= len(chosen) <= 3


@pytest.mark.parametrize("method", METHODS)
def test_every_method_is_deterministic(method: str) -> None:
    sentences = sentences_of()
    first = summarize(sentences, 3, method)
    assert all(summarize(sentences, 3, method) == first for _ in range(3))
    assert len(first) == 3


def test_auto_prefers_the_sentences_the_article_is_about() -> None:
    # Central sentences share the article's words; the odd one out shares almost none.
    sentences = spans(
        "Heavy snow closed roads across the north of Scotland on Tuesday.",
        "Police said several roads in the north remained closed by heavy snow.",
        "A local choir celebrated its fiftieth anniversary with a concert.",
        "Forecasters expect more heavy snow across the north on Wednesday.",
    )
    assert 2 not in [i for i, _ in summarize(sentences, 2)]


def test_vectorised_reduction_rates_exactly_as_sumy_does() -> None:
    document = build_document(sentences_of())
    plain = ReductionSummarizer(null_stemmer)
    plain.stop_words = STOP_WORDS
    expected = plain.rate_sentences(document)
    ours = WordGraphReduction().rate_by_order(document)
    assert np.allclose(ours, [expected[s] for s in document.sentences])


# (a) Quotations cut off from their speaker.

def test_the_tail_and_head_of_a_quotation_without_a_speaker_are_skipped() -> None:
    sentences = spans(
        '"Maternity pay will rise to nine months from April for every working parent.',
        'We will definitely extend it to twelve months, that is the extra £1,400 a year."',
        "The health minister announced the plan for parents in London on Monday.",
        "Opposition parties said the plan did not go far enough for young families.",
        "Employers groups warned that small firms would struggle with the extra costs.",
    )
    assert [i for i, _ in summarize(sentences, 2, "lead")] == [2, 3]


def test_a_quotation_that_names_its_speaker_is_kept() -> None:
    sentences = spans(
        'The minister said: "Maternity pay will rise to nine months from April.',
        'We will definitely extend it to twelve months, that is the extra £1,400."',
        '"A fair start," the head of the parents\' charity told reporters on Monday.',
        "Employers groups warned that small firms would struggle with the extra costs.",
    )
    assert speakerless_quotes(sentences) == [False, True, False, False]
    assert [i for i, _ in summarize(sentences, 3, "lead")] == [0, 2, 3]


def test_quote_fragments_are_taken_when_nothing_else_is_left() -> None:
    sentences = spans(
        '"Maternity pay will rise to nine months from April for every working parent.',
        'We will definitely extend it to twelve months, that is the extra £1,400 a year."',
        "The health minister announced the plan for parents in London on Monday.",
    )
    assert [i for i, _ in summarize(sentences, 3, "lead")] == [0, 1, 2]


def test_quote_marks_are_followed_across_sentences_and_paragraphs() -> None:
    sentences = spans(
        "“The talks went well. Both sides want a deal by the summer.",  # curly, runs on
        "“We will meet again in Vienna next month,” the envoy said after the meeting.",
        'Critics called the plan "a surrender" and promised to fight it in parliament.',
    )
    assert speakerless_quotes(sentences) == [True, True, False, False]


def test_a_stray_quote_mark_does_not_silence_the_rest_of_the_article() -> None:
    sentences = spans(
        'The company said its "new phone would go on sale in May.',
        *(f"Analysts expect sales of the phone to reach {n} million units." for n in range(2, 9)),
    )
    flags = speakerless_quotes(sentences)
    assert flags[-1] is False
    assert sum(flags) <= MAX_RUN_ON


# (b) Redundancy: two paraphrases of one fact are not both chosen.

PARAPHRASES = (
    "Zelensky told Biden to tone down his invasion warnings because they were creating panic.",
    "Ukraine's President Zelensky told President Biden that invasion warnings were creating "
    "panic, an official said.",
)
OTHER_FACTS = (
    "Russia has massed about 100,000 troops near its border with Ukraine this winter.",
    "The United States ordered the families of embassy staff in Kyiv to leave the country.",
    "Germany and France have pressed for new talks between Moscow and the Ukrainian government.",
    "Energy prices across Europe rose sharply as traders weighed the risk of a conflict.",
    "The Kremlin denies any plan to attack and accuses NATO of stoking tension in the region.",
    "Britain is sending anti-tank weapons to Kyiv and has offered more military training.",
    "Several airlines have suspended flights to Ukraine as insurers withdraw their cover.",
    "Ukraine's currency fell to its lowest level against the dollar in seven years.",
    "Poland has prepared to shelter refugees if fighting breaks out near its eastern border.",
    "The United Nations Security Council will meet on Monday at the request of Washington.",
)


def test_a_paraphrase_of_a_chosen_sentence_gives_way_to_a_new_fact() -> None:
    sentences = spans(*PARAPHRASES, *OTHER_FACTS)
    first, second = (content_words(s.text) for s in sentences[:2])
    assert similarity(first, second) >= 0.5  # the same fact, in other words
    assert jaccard(*(frozenset(w.lower() for w in words(s.text)) for s in sentences[:2])) < 0.6
    chosen = [i for i, _ in summarize(sentences, 2, "lead")]
    assert chosen == [0, 2]


def test_content_words_leave_out_function_words_and_verbs_of_saying() -> None:
    assert content_words("He said that the bid had failed, officials told reporters.") == {
        stem(w) for w in ("bid", "failed", "officials", "reporters")
    }
    unrelated = content_words(OTHER_FACTS[0])
    assert similarity(content_words(PARAPHRASES[0]), unrelated) < 0.2
    assert similarity(frozenset(), unrelated) == 0.0


def test_contracted_pronoun_openers_count_as_pronouns():
    from bot.briefing.summary.summarize import opens_with_pronoun
    from bot.briefing.text.sentences import words

    assert opens_with_pronoun(words("He’s bold and he knows it."))
    assert opens_with_pronoun(words("But they've left already."))
    assert not opens_with_pronoun(words("Hesketh's plan was approved."))
