"""Dispute rules on hand-written articles, with look-alike sentences that are no dispute."""

from bot.briefing.engine import build_brief
from bot.briefing.model import Article


def disputes_of(text: str):
    brief = build_brief(Article(title="Test", text=text))
    return brief.disputes


def find(disputes, word):
    return [d for d in disputes if word in d.claim]


def test_dispute_verb_with_claim_by_someone():
    text = ("The Harbour Authority disputed a claim by Nora Lind, a local councillor, who said "
            "on Monday that the port would close next year.\n"
            "Lind has campaigned on the issue for years.")
    [dispute] = find(disputes_of(text), "port would close")
    assert dispute.disputants == ("Harbour Authority",)
    assert dispute.claimants == ("Nora Lind",)


def test_denial_of_a_that_clause():
    text = "Norway denies that it is building a new naval base in the Arctic."
    [dispute] = find(disputes_of(text), "naval base")
    assert dispute.disputants == ("Norway",)


def test_falsity_verdict_points_back_to_the_earlier_claim():
    text = ("A senior Danish official told reporters that the talks had collapsed.\n"
            "The foreign ministry told the newspaper that account was false.")
    [dispute] = find(disputes_of(text), "talks had collapsed")
    assert dispute.claimants == ("Denmark",)
    assert len(dispute.evidence) == 2


def test_disagreement_with_someone_elses_assessment():
    text = "Mayor Ines Holt said the city did not agree with the Canadian assessment, officials said."
    [dispute] = find(disputes_of(text), "assessment")
    assert "Canada" in dispute.claimants


def test_doubting_contrast_clause():
    text = ("Germany and Italy have warned of a sharp recession, though officials in Spain "
            "and Portugal appear less convinced.")
    [dispute] = disputes_of(text)
    assert set(dispute.claimants) == {"Germany", "Italy"}
    assert set(dispute.disputants) == {"Spain", "Portugal"}


def test_evidence_offsets_point_at_the_sentence():
    text = "Norway denies that it is building a new naval base in the Arctic."
    [dispute] = disputes_of(text)
    assert text[dispute.evidence[0].start:dispute.evidence[0].end] == text


NOT_DISPUTES = [
    "The two countries have long shared the disputed territory along the river.",
    "The council rejected the bill on Tuesday after a short debate.",
    "Marta Vance was denied entry to the building by security staff.",
    "It was a false start for the new team, coach Ben Ruiz said after the game.",
    "The weather service said the storm would reach the coast by Friday.",
    "Officials in Chile agreed with the Peruvian assessment of the harvest.",
    "The actor dismissed the crew early because of the rain.",
]


def test_look_alike_sentences_are_not_disputes():
    for sentence in NOT_DISPUTES:
        assert disputes_of(sentence) == (), sentence
