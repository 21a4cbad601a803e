"""Attribution extraction: one test per pattern, exact offsets, and the cases it must refuse."""

from __future__ import annotations

import pytest

from bot.briefing.attribution.attributions import Attribution, find_attributions
from bot.briefing.attribution.quotes import find_quotes
from bot.briefing.attribution.units import mask_quotes
from bot.briefing.lexicon.wordlists import load_words


def triples(text: str) -> list[tuple[str, str, str, bool]]:
    return [(a.source.text, a.cue.text, a.content.text, a.direct) for a in find_attributions(text)]


def only(text: str) -> Attribution:
    found = find_attributions(text)
    assert len(found) == 1, found
    return found[0]


def assert_offsets(text: str, found: list[Attribution]) -> None:
    for attribution in found:
        for span in (attribution.source, attribution.cue, attribution.content):
            assert text[span.start:span.end] == span.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said the bridge would reopen in March.",
         ("The mayor", "said", "the bridge would reopen in March", False)),
        ("The Kremlin denied that troops were massing at the border.",
         ("The Kremlin", "denied", "troops were massing at the border", False)),
        ("Ms. Alvarez warned that the budget would not balance.",
         ("Ms. Alvarez", "warned", "the budget would not balance", False)),
        ("The governor tweeted that schools would stay open.",
         ("The governor", "tweeted", "schools would stay open", False)),
        ("The union claimed that wages had fallen.",
         ("The union", "claimed", "wages had fallen", False)),
        ("The chairman insisted the vote was fair.",
         ("The chairman", "insisted", "the vote was fair", False)),
        ("Mr. Osei believes the treaty will hold.",
         ("Mr. Osei", "believes", "the treaty will hold", False)),
        ("The minister has repeatedly denied that the army is moving.",
         ("The minister", "denied", "the army is moving", False)),
    ],
)
def test_preposed_cue_with_or_without_that(text: str, expected: tuple) -> None:
    assert triples(text) == [expected]


def test_told_listener_that_skips_the_listener() -> None:
    text = "Ms. Alvarez told reporters on Monday that the budget was balanced."
    assert triples(text) == [("Ms. Alvarez", "told", "the budget was balanced", False)]


def test_told_listener_to() -> None:
    assert triples("The coach told the players to stay calm.") == [
        ("The coach", "told", "stay calm", False)
    ]


def test_postposed_source_then_cue() -> None:
    assert triples("The new tariffs will hurt farmers, the senator warned.") == [
        ("the senator", "warned", "The new tariffs will hurt farmers", False)
    ]


def test_postposed_cue_then_source_with_appositive() -> None:
    assert triples("The deal is dead, said Tomas Berg, the union leader.") == [
        ("Tomas Berg, the union leader", "said", "The deal is dead", False)
    ]


def test_quote_then_source_and_cue_with_adjuncts() -> None:
    text = "“Prices will fall by summer,” the central bank's governor said on Tuesday."
    assert triples(text) == [
        ("the central bank's governor", "said", "Prices will fall by summer", True)
    ]


def test_according_to_before_and_after() -> None:
    assert triples("According to a senior Ukrainian official, the talks stalled.") == [
        ("a senior Ukrainian official", "According to", "the talks stalled", False)
    ]
    text = "The talks stalled over the weekend, according to officials in Ukraine, France, and Germany."
    assert triples(text) == [
        ("officials in Ukraine, France, and Germany", "according to",
         "The talks stalled over the weekend", False)
    ]


def test_colon_before_quote() -> None:
    assert triples('Lindqvist: "We will not sign this agreement."') == [
        ("Lindqvist", ":", "We will not sign this agreement.", True)
    ]


def test_cue_and_colon_before_quote_with_appositive_source() -> None:
    text = 'Horne, the NSC spokesperson, tweeted: "This is not true. Reports are false."'
    assert triples(text) == [
        ("Horne, the NSC spokesperson", "tweeted", "This is not true. Reports are false.", True)
    ]


def test_quote_over_several_sentences_is_one_content() -> None:
    text = "“We are ready. The army is ready. Nobody should doubt it,” she said."
    assert triples(text) == [
        ("she", "said", "We are ready. The army is ready. Nobody should doubt it", True)
    ]


def test_quote_continuing_into_the_next_paragraph() -> None:
    text = 'The minister said: "We will hold the line.\n\n"We will not retreat from the border."'
    found = only(text)
    assert found.content.text == 'We will hold the line.\n\n"We will not retreat from the border.'
    assert found.direct and found.source.text == "The minister"


def test_a_second_quote_after_the_cue_keeps_the_speaker() -> None:
    text = '"It was a mistake," he tweeted. "We should never have done it."'
    assert triples(text) == [
        ("he", "tweeted", "It was a mistake", True),
        ("he", "tweeted", "We should never have done it", True),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Keir Giles, a senior consulting fellow at Chatham House, argued that sanctions fail.",
         "Keir Giles, a senior consulting fellow at Chatham House"),
        ("Defense minister Oleksii Reznikov said there was no threat.",
         "Defense minister Oleksii Reznikov"),
        ("On Thursday, Emily Horne, the White House spokesperson, said the report was false.",
         "Emily Horne, the White House spokesperson"),
    ],
)
def test_sources_with_titles_and_appositives(text: str, source: str) -> None:
    assert only(text).source.text == source


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("He said the ceasefire would hold.", "He", "said"),
        ("She told the committee that she had resigned.", "She", "told"),
        ("They argued that the vote was rigged.", "They", "argued"),
    ],
)
def test_pronoun_sources(text: str, source: str, cue: str) -> None:
    found = only(text)
    assert (found.source.text, found.cue.text) == (source, cue)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A Ukrainian official said the shelling had stopped.", "A Ukrainian official"),
        ("A senior Ukrainian official said the shelling had stopped.",
         "A senior Ukrainian official"),
        ("Sources close to the negotiations said a deal was near.",
         "Sources close to the negotiations"),
        ("Officials in Ukraine, France, and Germany said the talks had stalled.",
         "Officials in Ukraine, France, and Germany"),
    ],
)
def test_anonymous_and_collective_sources(text: str, source: str) -> None:
    assert only(text).source.text == source


def test_outlet_reported() -> None:
    assert triples("The Times reported that the factory would close.") == [
        ("The Times", "reported", "the factory would close", False)
    ]


def test_outlet_reported_citing_sources() -> None:
    found = [a for a in find_attributions("CNN reported, citing two officials, that the plan "
                                          "was dropped.") if a.cue.text == "reported"]
    assert [(a.source.text, a.content.text) for a in found] == [
        ("CNN", "the plan was dropped")
    ]


def test_nested_attributions_in_one_sentence() -> None:
    text = ("Biden told Zelensky on Thursday that an invasion could happen in February, "
            "tweeted Emily Horne, White House National Security Council spokesperson.")
    assert triples(text) == [
        ("Emily Horne, White House National Security Council spokesperson", "tweeted",
         "Biden told Zelensky on Thursday that an invasion could happen in February", False),
        ("Biden", "told", "an invasion could happen in February", False),
    ]


def test_quote_with_two_postposed_attributions() -> None:
    text = ('"There are no grounds to believe Russia will invade," defense minister Oleksii '
            "Reznikov told parliament Tuesday, the Associated Press reported.")
    found = {a.cue.text: a for a in find_attributions(text)}
    assert found["told"].source.text == "defense minister Oleksii Reznikov"
    assert found["told"].content.text == "There are no grounds to believe Russia will invade"
    assert found["told"].direct
    assert found["reported"].source.text == "the Associated Press"


def test_straight_curly_and_doubled_apostrophe_quotes() -> None:
    for opening, closing in (('"', '"'), ("“", "”"), ("''", "''")):
        text = f"{opening}We will win this race,{closing} Mr. Lutz said."
        assert triples(text) == [("Mr. Lutz", "said", "We will win this race", True)], opening


def test_offsets_slice_the_text_exactly() -> None:
    text = ("Intro line.\n\nOfficials in Kyiv said on Monday that the line held. "
            "“We will not give up,” said Olena Shevchenko, a city council member.\n"
            "According to the ministry, 40 shells fell overnight.")
    found = find_attributions(text)
    assert len(found) == 3
    assert_offsets(text, found)
    assert [a.content.start for a in found] == sorted(a.content.start for a in found)


def test_sentences_may_be_passed_in() -> None:
    from bot.briefing.text.sentences import split_sentences

    text = "The mayor said the bridge would reopen. The council disagreed with her."
    assert find_attributions(text, split_sentences(text)) == find_attributions(text)


@pytest.mark.parametrize(
    "text",
    [
        "That said, the plan has flaws.",
        "Having said that, the team played well.",
        "The so-called \"peace plan\" was published on Friday.",
        "The film \"Red Snow\" opened in theatres this week.",
        "The United States imposed new sanctions.",
        "His claims were never tested in court.",
        "The report was released on Monday.",
        "All told, the storm cost $2 billion.",
        "The letter was said to be lost.",
        "Reports of fighting spread overnight.",
    ],
)
def test_no_attribution(text: str) -> None:
    assert find_attributions(text) == []


def test_words_inside_quotes_are_not_cues() -> None:
    text = '"He said he would come, and he told us so," the neighbour recalled.'
    assert triples(text) == [
        ("the neighbour", "recalled", "He said he would come, and he told us so", True)
    ]


def test_find_quotes_pairs_marks() -> None:
    text = 'A "b c" d “e f” g \'\'h i\'\' j'
    assert [text[s:e] for s, e in find_quotes(text)] == ['"b c"', "“e f”", "''h i''"]


def test_word_lists_are_lowercased_sets_without_comments() -> None:
    verbs = load_words("speech_verbs")
    assert {"said", "told", "tweeted", "denied", "according to"} & verbs == {
        "said", "told", "tweeted", "denied"
    }
    assert all(not entry.startswith("#") and entry == entry.lower() for entry in verbs)
    assert "according to" in load_words("source_phrases")


def test_question_quote_split_from_its_speech_tag() -> None:
    assert triples('"Is that all you have?" Borger asked.') == [
        ("Borger", "asked", "Is that all you have?", True)
    ]


def test_participle_after_quote_takes_the_clause_after_it() -> None:
    text = '"Many voters did not react," he said, referring to the latest ads.'
    assert triples(text) == [
        ("he", "said", "Many voters did not react", True),
        ("he", "referring to", "the latest ads", False),
    ]


def test_relative_who_said_then_main_verb() -> None:
    text = "Barkley, who said he votes for Democrats, said one candidate stands out."
    assert triples(text) == [
        ("who", "said", "he votes for Democrats", False),
        ("Barkley", "said", "one candidate stands out", False),
    ]


def test_content_ends_before_a_comma_and_a_second_cue() -> None:
    text = 'Cruz said that the plan was "a gift to lobbyists," stating that it would fail.'
    assert triples(text) == [
        ("Cruz", "said", 'the plan was "a gift to lobbyists,"', False),
        ("Cruz", "stating", "it would fail", False),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("But the mayor misread the mood, he said.", "But the mayor misread the mood"),
        ("This has been a hard year for farmers, Ms. Lund said.",
         "This has been a hard year for farmers"),
    ],
)
def test_lead_opening_with_a_conjunction_or_this_is_content(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "Support for the plan fell in the poll.",
        "Turnout rose after attacks on the city.",
        "Forty percent support the plan.",
        "She spoke at a rally in Ohio.",
        "They hired a company called Brightline Data.",
    ],
)
def test_nouns_participles_and_bare_verbs_are_not_cues(text: str) -> None:
    assert find_attributions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most voters support the plan.", ("Most voters", "support", "the plan", False)),
        ("She spoke about the cost of the war.",
         ("She", "spoke about", "the cost of the war", False)),
        ("The governor called the deal a disaster.",
         ("The governor", "called", "the deal a disaster", False)),
        ("The senator blasted the deal as reckless.",
         ("The senator", "blasted", "the deal as reckless", False)),
        ("Voters in the county prefer a local candidate.",
         ("Voters in the county", "prefer", "a local candidate", False)),
    ],
)
def test_stance_and_particle_cues(text: str, expected: tuple) -> None:
    assert triples(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["The contrast, said Doyle, would be clear.", "The contrast, Doyle said, would be clear."],
)
def test_attribution_inside_its_content_gives_both_pieces(text: str) -> None:
    assert triples(text) == [
        ("Doyle", "said", "The contrast", False),
        ("Doyle", "said", "would be clear", False),
    ]
    assert_offsets(text, find_attributions(text))


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Voters cited support for the plan and attacks on refugees.", ["cited"]),
        ("Trump attacks Clinton and his allies support him.", ["attacks", "support"]),
        ("Many plans rose in price.", []),
    ],
)
def test_noun_uses_of_cue_words_are_not_verb_cues(text: str, cues: list[str]) -> None:
    from bot.briefing.attribution.cues import find_verb_cues

    assert [cue.word for cue in find_verb_cues(text, 0, len(text))] == cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister told parliament there was no threat to the border.",
         ("The minister", "told", "there was no threat to the border", False)),
        ("The minister told the committee the budget was sound.",
         ("The minister", "told", "the budget was sound", False)),
        ("Ms. Ortiz told CNN the plan would fail.",
         ("Ms. Ortiz", "told", "the plan would fail", False)),
    ],
)
def test_told_listener_clause_leaves_the_listener_out(text: str, expected: tuple) -> None:
    assert triples(text) == [expected]


def test_said_in_a_statement_takes_the_next_quote() -> None:
    text = 'The mayor said in a statement. "We will rebuild the bridge by spring."'
    assert triples(text) == [("The mayor", "said", "We will rebuild the bridge by spring", True)]


def test_said_with_only_an_adjunct_has_no_content() -> None:
    assert triples("The mayor said in a statement on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The harvest is failing, as Ms. Ortiz said on Monday, and prices are rising.",
         ("Ms. Ortiz", "said", "The harvest is failing", False)),
        ("As Ms. Ortiz said on Monday, the harvest is failing.",
         ("Ms. Ortiz", "said", "the harvest is failing", False)),
    ],
)
def test_as_x_said_takes_the_main_clause(text: str, expected: tuple) -> None:
    assert triples(text) == [expected]


def test_thousands_separator_stays_in_the_source() -> None:
    assert triples("In all, 1,409 teachers said they would strike.") == [
        ("1,409 teachers", "said", "they would strike", False)
    ]


def test_source_joined_by_and_between_nouns() -> None:
    assert triples("The senator and Republican candidate said the levy would fail.") == [
        ("The senator and Republican candidate", "said", "the levy would fail", False)
    ]


def test_relative_clause_content_keeps_its_antecedent() -> None:
    found = triples("Farmers rejected the levy, which she said was flawed.")
    assert ("she", "said", "the levy, which she said was flawed", False) in found


def test_particle_is_part_of_the_cue() -> None:
    assert triples("He was referring to the trade deal with Mexico.") == [
        ("He", "referring to", "the trade deal with Mexico", False)
    ]


def test_what_they_want_is_no_content() -> None:
    assert triples("That is what they want for their children.") == []


def test_quotation_leading_a_because_clause_is_content() -> None:
    text = '"It would seal the deal" because she would widen her lead, he said.'
    assert triples(text) == [
        ("he", "said", '"It would seal the deal" because she would widen her lead', False)
    ]


def test_subject_with_relative_clause_is_not_content() -> None:
    text = "Mayor Ann Lee of Dover, who also chairs the board, said the bridge would reopen."
    assert triples(text) == [
        ("Mayor Ann Lee of Dover, who also chairs the board", "said",
         "the bridge would reopen", False)
    ]


def test_appositive_lead_is_not_content() -> None:
    assert triples("A lifelong independent, Ortiz said she would run again next year.") == [
        ("Ortiz", "said", "she would run again next year", False)
    ]


def test_poll_is_a_source() -> None:
    assert triples("In a Harbor County poll released Monday, Ortiz leads Lee by nine points.") == [
        ("a Harbor County poll released Monday", "In", "Ortiz leads Lee by nine points", False)
    ]


def test_new_stance_verb() -> None:
    assert triples("The judge ordered the city to release the records.") == [
        ("The judge", "ordered", "the city to release the records", False)
    ]


REPEATED = "The minister said the plan would work and officials agreed. " * 5


def test_whitespace_only_unit_tail_is_no_abbreviation() -> None:
    """Issue 17.1: a unit whose last characters are all whitespace crashed the engine."""
    text = "''\x1d\nl\nA " + REPEATED
    found = find_attributions(text)
    assert_offsets(text, found)
    assert [a.cue.text for a in found] == ["said"] * 5


@pytest.mark.parametrize("head", ["'' \n", "''\n", "x '' y.\n", "\t''\t\n"])
def test_bare_doubled_apostrophe_keeps_later_spans_in_place(head: str) -> None:
    """Issue 17.2: a bare '' was masked as four characters, shifting every later span."""
    text = head + REPEATED
    assert len(mask_quotes(text, find_quotes(text))) == len(text)
    found = find_attributions(text)
    assert_offsets(text, found)
    assert found
    assert {(a.source.text, a.cue.text) for a in found} <= {
        ("The minister", "said"), ("A The minister", "said")}


@pytest.mark.parametrize("text, quote", [
    ("Sanders had said, “We’ll see,” as he greeted his supporters.", "We’ll see"),
    ("She declared “What a night!” at the rally in Ohio.", "What a night!"),
    ('The mayor said, "We will rebuild", adding that costs were unknown.', "We will rebuild"),
])
def test_a_quotation_followed_by_an_adjunct_is_a_direct_quote(text: str, quote: str) -> None:
    first = find_attributions(text)[0]
    assert (first.content.text, first.direct) == (quote, True)


def test_a_quotation_that_is_part_of_a_clause_stays_in_it() -> None:
    assert triples('He said "the plan" was dead.') == [("He", "said", '"the plan" was dead', False)]


def test_a_party_label_in_brackets_does_not_end_the_sentence() -> None:
    text = ("Rep. Ana Ruiz (D-Va.), one of the bill's chief negotiators, said she fully "
            "supports the compromise.")
    assert triples(text)[0] == ("Rep. Ana Ruiz (D-Va.), one of the bill's chief negotiators",
                                "said", "she fully supports the compromise", False)


def test_a_name_with_of_and_an_appositive_leads_its_cue() -> None:
    text = ("Representative Mike Lane of Colorado, a Republican who served as a Marine, "
            "denounced the remarks.")
    [found] = find_attributions(text)
    assert (found.source.text, found.content.text) == (
        "Representative Mike Lane of Colorado, a Republican who served as a Marine",
        "the remarks")


@pytest.mark.parametrize("text, speaker, quote", [
    ("“We asked, ‘What can we do? What help do you need?’” Weaver said.", "Weaver",
     "We asked, ‘What can we do? What help do you need?’"),
    ("''We are told all the time, 'it is a special case,''' Mr. Lund said.", "Mr. Lund",
     "We are told all the time, 'it is a special case,'"),
])
def test_a_quote_ending_in_a_nested_quote_keeps_its_speaker(text: str, speaker: str,
                                                            quote: str) -> None:
    first = only(text)
    assert (first.source.text, first.content.text, first.direct) == (speaker, quote, True)


@pytest.mark.parametrize("text, source", [
    ("According to the newspaper, “Gun laws let dealers sell to anyone.”", "the newspaper"),
    ("As Politico reported, “Trump would win if the vote were held today.”", "Politico"),
])
def test_a_content_that_is_one_quotation_is_a_direct_quote(text: str, source: str) -> None:
    first = only(text)
    assert (first.source.text, first.direct) == (source, True)
    assert not first.content.text.startswith("“") and not first.content.text.endswith("”")


def test_exclaiming_and_confessing_are_speech() -> None:
    assert triples("“We won!” she exclaimed.") == [("she", "exclaimed", "We won!", True)]
    assert triples("“It was my fault,” the driver confessed.")[0][1] == "confessed"
