"""Sentence splitting: the hard cases of news text, and offsets that slice the text exactly."""

from __future__ import annotations

import pytest

from bot.briefing.text.sentences import SumyTokenizer, split_paragraphs, split_sentences, words


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. economy grew last year. Analysts expected less.",
         ["The U.S. economy grew last year.", "Analysts expected less."]),
        ("Mr. Smith met Dr. Jones in Paris. They spoke for an hour.",
         ["Mr. Smith met Dr. Jones in Paris.", "They spoke for an hour."]),
        ("The vote is on Jan. 5 in Washington. Nobody expects a surprise.",
         ["The vote is on Jan. 5 in Washington.", "Nobody expects a surprise."]),
        ("Shares fell 3.2 per cent to $11.50 on Monday. Trading was heavy.",
         ["Shares fell 3.2 per cent to $11.50 on Monday.", "Trading was heavy."]),
        ('"We will not back down," she said. "Never again."',
         ['"We will not back down," she said.', '"Never again."']),
        ('He asked: "Is this the end?" Nobody answered him.',
         ['He asked: "Is this the end?"', "Nobody answered him."]),
        ("Sales rose to $11.1bn from $10.9bn. Its profits were buoyed by gains.",
         ["Sales rose to $11.1bn from $10.9bn.", "Its profits were buoyed by gains."]),
    ],
)
def test_hard_cases_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_slice_the_original_text_exactly() -> None:
    text = "  First line here. Second one, with U.S. money.\n\n  Third para!  \nFourth?"
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "First line here.", "Second one, with U.S. money.", "Third para!", "Fourth?",
    ]
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_a_sentence_never_crosses_a_paragraph() -> None:
    text = "This paragraph has no final stop\nAnd this one starts with a capital."
    assert texts(text) == [
        "This paragraph has no final stop", "And this one starts with a capital.",
    ]


def test_blank_and_punctuation_only_lines_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n   \n---\n") == []
    assert [p.text for p in split_paragraphs("a\n\n b \n")] == ["a", "b"]


def test_words_keep_inner_apostrophes_dots_and_hyphens() -> None:
    assert words("Britain's U.S. deal, a well-known 2.5% rise.") == [
        "Britain's", "U.S", "deal", "a", "well-known", "2.5", "rise",
    ]


def test_sumy_tokenizer_needs_no_nltk_data_and_drops_bare_numbers() -> None:
    tokenizer = SumyTokenizer()
    assert tokenizer.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert tokenizer.to_words("In 2004 profits rose 5%.") == ("In", "profits", "rose")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ordinary words that nupunkt's model lists as abbreviations.
        ("Jobless claims fell to 813,200 last month. Throughout 2004, hiring rose.",
         ["Jobless claims fell to 813,200 last month.", "Throughout 2004, hiring rose."]),
        ("Carlsberg sells lager in Russia and Poland. Sales rose by a tenth.",
         ["Carlsberg sells lager in Russia and Poland.", "Sales rose by a tenth."]),
        ("Nobody wanted the car. Doing so would cost too much.",
         ["Nobody wanted the car.", "Doing so would cost too much."]),
        ('"We cannot keep him against his will." On money, he was quiet.',
         ['"We cannot keep him against his will."', "On money, he was quiet."]),
        ('He replied: "No. Definitely not."', ['He replied: "No.', 'Definitely not."']),
        ("It helps patients with MS. Final approval is due.",
         ["It helps patients with MS.", "Final approval is due."]),
    ],
)
def test_a_plain_word_before_a_full_stop_and_a_capital_ends_the_sentence(
    text: str, expected: list[str]
) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles before a name: nupunkt's split after "Lt." is undone.
        ("Lt. Gov. Holcomb signed the bill. It takes effect in July.",
         ["Lt. Gov. Holcomb signed the bill.", "It takes effect in July."]),
        ("Retired Army Lt. Gen. Mick Bednarek disagreed with him.",
         ["Retired Army Lt. Gen. Mick Bednarek disagreed with him."]),
        ("He backed Syrian Pres. Bashar al-Assad. The UN did not.",
         ["He backed Syrian Pres. Bashar al-Assad.", "The UN did not."]),
        # Real abbreviations, initials and capitals are not sentence ends by themselves.
        ("The deal with Apple Inc. Shares rose.", ["The deal with Apple Inc. Shares rose."]),
        ("J. K. Rowling met George W. Bush in 2004. It went well.",
         ["J. K. Rowling met George W. Bush in 2004.", "It went well."]),
        ("ST. LOUIS — The nominee spoke. Then he left.",
         ["ST. LOUIS — The nominee spoke.", "Then he left."]),
        # A title that ends a sentence, before a word that opens one, stays a boundary.
        ("He lives at No. 10 Downing St. The house is old.",
         ["He lives at No. 10 Downing St.", "The house is old."]),
    ],
)
def test_titles_join_their_names_and_other_abbreviations_keep_nupunkts_choice(
    text: str, expected: list[str]
) -> None:
    assert texts(text) == expected


def test_repaired_offsets_slice_the_text_and_paragraphs_never_merge() -> None:
    text = "Prices rose last month.\nThroughout 2004 the car. Sales of Lt.\nGov. Holcomb fell."
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "Prices rose last month.", "Throughout 2004 the car.", "Sales of Lt.",
        "Gov. Holcomb fell.",
    ]
    for span in spans:
        assert text[span.start:span.end] == span.text
