"""Sentence splitting: the hard cases of news text, and offsets that slice the text exactly."""

from __future__ import annotations

import pytest

from bot.briefing.sentences import SumyTokenizer, split_paragraphs, split_sentences, words


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
