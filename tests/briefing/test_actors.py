"""Actor canonicalisation, kinds, titles and pronoun resolution on hand-written text."""

import re
from collections import Counter

from bot.briefing.actors.table import find_actors
from bot.briefing.engine import read_article
from bot.briefing.text.sentences import split_sentences


def actors_of(text: str, headline: str = ""):
    table = find_actors(text, split_sentences(text))
    return table, {a.name: a for a in table.ranked(Counter(), headline)}


def test_title_full_name_and_surname_are_one_actor():
    _, actors = actors_of(
        "President Joe Biden met the press on Monday. Joe Biden said little. "
        "Later Biden left for Delaware.")
    assert "Joe Biden" in actors
    assert actors["Joe Biden"].mentions == 3
    assert actors["Joe Biden"].title == "President"
    assert actors["Joe Biden"].kind == "person"
    assert "Biden" not in actors


def test_a_titled_surname_of_a_person_named_in_full_is_that_person_not_a_known_name():
    _, actors = actors_of("Tory co-chairman Liam Fox spoke on Monday. Dr Fox told BBC Radio "
                          "the plan was wrong. Mr Fox left early.")
    assert actors["Liam Fox"].mentions == 3
    assert "Fox News" not in actors


def test_a_titles_capitalised_complement_is_no_part_of_the_name():
    for title, name in (("Former Secretary of Energy", "Leon Panetta"),
                        ("RNC Chief of Staff", "Katie Walsh"),
                        ("UMWA Director of Government Affairs", "Phil Smith")):
        _, actors = actors_of(f"{title} {name} spoke.")
        assert [n for n, actor in actors.items() if actor.kind == "person"] == [name], title


def test_country_aliases_are_one_actor():
    _, actors = actors_of("The US sent aid. The U.S. Senate agreed. The United States paid.")
    assert actors["United States"].kind == "place"
    assert actors["United States"].mentions == 3
    assert "US" not in actors and "U.S." not in actors


def test_demonym_relates_to_country():
    _, actors = actors_of("A Ukrainian official spoke to reporters about the talks in Geneva.")
    assert "Ukraine" in actors
    assert "Ukrainian" in actors["Ukraine"].aliases


def test_no_sentence_openers_months_or_weekdays():
    _, actors = actors_of(
        "However, the minister resigned in March. On Wednesday, Maria Lopez took over. "
        "Meanwhile in January nothing happened. Thursday was quiet.")
    assert set(actors) == {"Maria Lopez"}


def test_titles_before_inside_and_after_the_name():
    _, actors = actors_of(
        "Secretary of State Ada Quist spoke first. Then defense minister Piotr Nowak replied. "
        "Lena Ford, a senior analyst at the Harbour Institute, disagreed.")
    assert actors["Ada Quist"].title == "Secretary of State"
    assert actors["Piotr Nowak"].title == "defense minister"
    assert actors["Lena Ford"].title.startswith("senior analyst")
    assert actors["Harbour Institute"].kind == "organization"


def test_acronym_links_to_organisation_initials():
    _, actors = actors_of(
        "The Northern Grain Board raised prices. A NGB spokesperson said the move was needed.")
    assert actors["Northern Grain Board"].mentions == 2
    assert "NGB" in actors["Northern Grain Board"].aliases


def test_salience_ranks_frequent_and_headline_actors_first():
    text = ("Ola Berg met Tom Reed. Berg spoke at length. Berg left early. "
            "Reed stayed behind for the vote.")
    _, actors = actors_of(text, headline="Reed wins vote")
    ranked = sorted(actors.values(), key=lambda a: -a.salience)
    assert ranked[0].name in {"Ola Berg", "Tom Reed"}
    assert ranked[0].salience == 1.0


def test_he_resolves_to_nearest_person_before():
    text = "Anna Kowalski met the NATO chief. Tomas Eriks arrived later. He said little."
    table, _ = actors_of(text)
    offset = text.index("He said")
    assert table.resolve_pronoun("He", offset, 2) == "Tomas Eriks"


def test_pronoun_with_no_person_nearby_stays_unresolved():
    text = "The storm hit France. Rain fell for days. Roads closed. He said little."
    table, _ = actors_of(text)
    assert table.resolve_pronoun("He", text.index("He said"), 3) is None


def test_openers_contractions_and_letters_are_no_actors():
    _, actors = actors_of(
        "Yes, I've seen the report. Thanks to the rain, the match was off. "
        "Try the north gate. Plan N was dropped and Plan S too.")
    assert not {"Yes", "I've", "Thanks", "Try", "N", "S"} & set(actors)


def test_names_sharing_a_head_word_stay_apart_with_place_kind():
    _, actors = actors_of(
        "Officials in Fairfax County and Montgomery County closed schools on Monday. "
        "Fairfax County reopened them on Wednesday.")
    assert actors["Fairfax County"].kind == "place"
    assert actors["Montgomery County"].kind == "place"
    assert actors["Fairfax County"].mentions == 2


def test_head_word_of_an_of_phrase_sets_the_kind():
    _, actors = actors_of(
        "The Church of Scientology said the Department of Agriculture had erred.")
    assert actors["Church of Scientology"].kind == "organization"
    assert actors["Department of Agriculture"].kind == "organization"


def test_given_name_alone_joins_the_one_person_it_opens():
    _, actors = actors_of(
        "Daniel Montalvo left the compound on Friday. Police later stopped Daniel at a "
        "motel, and Montalvo was charged.")
    assert actors["Daniel Montalvo"].mentions == 3
    assert "Daniel" not in actors


def test_kept_gazetteers_type_cities_and_countries():
    _, actors = actors_of("Talks moved from Nairobi to Montevideo, and Eritrea sent envoys.")
    assert {actors[n].kind for n in ("Nairobi", "Montevideo", "Eritrea")} == {"place"}


def test_titles_with_a_complement_or_a_body_before_the_name():
    _, actors = actors_of(
        "According to Afghan Ambassador to the United States Hamdullah Mohib, the team did "
        "well. NSC spokesperson Emily Horne said the report was false.")
    assert actors["Hamdullah Mohib"].title == "Afghan Ambassador to the United States"
    assert actors["Emily Horne"].title == "NSC spokesperson"


def test_a_name_after_a_title_and_preposition_is_not_titled():
    _, actors = actors_of("Lena Ford, a senior analyst at the Harbour Institute, disagreed.")
    assert actors["Harbour Institute"].kind == "organization"
    assert actors["Harbour Institute"].title is None


def test_an_organisations_head_word_alone_joins_it_when_only_one_has_it():
    _, actors = actors_of(
        "The Church of Scientology filed a complaint on Monday. The Church said the "
        "attack was planned. The Harbour Council and the Dock Council met later.")
    assert actors["Church of Scientology"].mentions == 2
    assert "Church" not in actors and "Council" not in actors


def test_a_speaker_the_model_calls_a_place_is_a_person_unless_a_gazetteer_knows_it():
    from bot.briefing.actors.canonical import canonical_names
    from bot.briefing.actors.gazetteer import gazetteer
    from bot.briefing.actors.mentions import RawMention

    raw = [RawMention("Nacer Chadli", 0, 12, None, 0, False, entity_kind="place"),
           RawMention("Qorvath Ulm", 20, 31, None, 1, False, entity_kind="place"),
           RawMention("Nairobi", 40, 47, None, 2, False, entity_kind="place")]
    named = canonical_names(raw, gazetteer(), frozenset({"Nacer Chadli", "Nairobi"}))
    assert named == [("Nacer Chadli", "person"), ("Qorvath Ulm", "place"), ("Nairobi", "place")]


def test_a_title_of_several_words_stays_whole_before_the_name():
    _, actors = actors_of("Labour's Shadow Home Secretary Yvette Cooper said it was damning.")
    assert actors["Yvette Cooper"].title == "Shadow Home Secretary"
    assert "Secretary Yvette Cooper" not in actors


def brief_actors(text: str):
    from bot.briefing.engine import build_brief
    from bot.briefing.model import Article

    brief = build_brief(Article(title="Test", text=text))
    return {a.name: a for a in brief.actors}, brief.positions


def test_middle_initial_stays_inside_the_name():
    actors, _ = brief_actors("Harold P. Whitby said the mill would close. Whitby left early.")
    assert "Harold P. Whitby" in actors
    assert not any(name.startswith("Harold P") and name != "Harold P. Whitby"
                   for name in actors)


def test_middle_initial_joins_the_plain_form_of_the_name():
    actors, _ = brief_actors("Harold P. Whitby spoke on Monday. Harold Whitby spoke again "
                             "in Leeds.")
    assert "Harold Whitby" in actors
    assert "Harold P. Whitby" not in actors


def test_a_known_name_opening_with_an_opener_word_keeps_it():
    actors, _ = brief_actors("The mayor told The New York Times that the bridge was safe.")
    assert "New York Times" in actors
    assert "York Times" not in actors


def test_an_opener_word_before_a_name_is_still_dropped():
    actors, _ = brief_actors("New figures released by Mara Quist show the river is cleaner.")
    assert not any(name.startswith("New") for name in actors)


def test_a_persons_campaign_is_an_organisation_of_its_own():
    actors, positions = brief_actors(
        "Senator Lena Farr spoke in Ohio. The Farr campaign said the poll was wrong.")
    assert actors["Farr campaign"].kind == "organization"
    assert [p.actor for p in positions if "poll" in p.content.text] == ["Farr campaign"]


def test_a_countrys_government_stays_the_country():
    actors, _ = brief_actors("The Chilean government said the mine would reopen. Chile "
                             "agreed to the talks.")
    assert "Chile" in actors
    assert not any("government" in name for name in actors)


class _NoSpeakers:
    """A table that names no speaker, as when the model misses a name."""

    def speaker_in(self, source):
        return None

    def holder_of_title(self, role):
        return None

    def body_headed_by(self, noun):
        return None


def test_the_x_campaign_is_not_an_earlier_campaign():
    from bot.briefing.engine import _actor_of_source
    from bot.briefing.model import Position, Span

    earlier = Position("Farr campaign", Span("The Farr campaign", 0, 17), Span("said", 18, 22),
                       Span("the poll was wrong", 23, 41), False)
    text = "The Farr campaign said the poll was wrong. The Doyle campaign agreed."
    named = _actor_of_source(text, Span("The Doyle campaign", 43, 61), _NoSpeakers(), [0, 43],
                             [earlier])
    unnamed = _actor_of_source(text, Span("The campaign", 43, 55), _NoSpeakers(), [0, 43],
                               [earlier])
    assert named is None
    assert unnamed == "Farr campaign"


def test_laws_events_and_prizes_are_no_actors():
    _, actors = actors_of("Mayor Lena Berg praised the Federal Records Act before Election Day. "
                          "Tickets for the Super Bowl sold out. Berg won the Heisman Trophy.")
    assert "Lena Berg" in actors
    assert not {"Federal Records Act", "Election Day", "Super Bowl", "Heisman Trophy"} & set(
        actors)


def test_a_name_shaped_place_no_gazetteer_knows_is_a_person():
    from bot.briefing.actors.canonical import _kind
    from bot.briefing.actors.gazetteer import gazetteer

    place = Counter({"place": 2})
    assert _kind("Nacer Chadli", place, False, gazetteer()) == "person"
    assert _kind("Lake Erie", place, False, gazetteer()) == "place"
    assert _kind("Nazi Germany", place, False, gazetteer()) == "place"
    assert _kind("Terre Haute", Counter({"person": 1}), False, gazetteer()) == "place"


def test_they_after_an_unnamed_plural_subject_is_not_an_earlier_organisation():
    text = ("The Justice Department reviewed the purge on Monday. "
            "Voting rights advocates have expressed deep concern about the policy. "
            "They cite the election of 2000.")
    table, _ = actors_of(text)
    they = text.index("They cite")
    assert table.resolve_pronoun("They", they, 2) is None
    plain = "The Justice Department reviewed the purge on Monday. They cite the election."
    table, _ = actors_of(plain)
    assert table.resolve_pronoun("They", plain.index("They"), 1) == "Justice Department"


def test_they_in_the_sentence_of_a_plural_subject_is_those_people():
    text = ("The Harbour Authority closed the pier. On Monday, Scientology officials went to the "
            "station where they claimed the drives were stolen.")
    table, _ = actors_of(text)
    assert table.resolve_pronoun("they", text.index("they claimed"), 1) is None


def test_a_body_named_with_for_and_its_acronym_are_one_organisation():
    _, actors = actors_of("Prices rose by 3% in March, the Office for National Statistics "
                          "said. The ONS said the rise was the largest for two years. "
                          "The IAAF said it would review the ban.")
    assert actors["Office for National Statistics"].kind == "organization"
    assert "ONS" in actors["Office for National Statistics"].aliases
    assert actors["IAAF"].kind == "organization"


def test_the_role_alone_names_the_one_person_with_that_title():
    from bot.briefing.engine import build_brief
    from bot.briefing.model import Article

    brief = build_brief(Article(title="T", text=(
        "Prime Minister Tony Blair visited the plant with Chancellor Gordon Brown. "
        "The prime minister said jobs were safe. The chancellor said the budget would help.")))
    assert [p.actor for p in brief.positions] == ["Tony Blair", "Gordon Brown"]


def test_the_head_noun_alone_names_the_one_body_it_heads():
    from bot.briefing.engine import build_brief
    from bot.briefing.model import Article

    brief = build_brief(Article(title="T", text=(
        "Deutsche Bank reported a loss on Monday. The bank said costs had risen. "
        "The Ministry of Defence confirmed the order. The ministry said it was urgent.")))
    actors = [p.actor for p in brief.positions if p.source.text.islower()
              or p.source.text.split()[-1].islower()]
    assert actors == ["Deutsche Bank", "Ministry of Defence"]


def test_an_appositive_naming_a_kind_of_body_makes_an_organisation():
    _, actors = actors_of("Novartis, the Swiss drugmaker, said profits rose. Pfizer, the "
                          "world's largest drug firm, said it would cut jobs. Lena Berg, a "
                          "lawyer, said nothing new.")
    assert actors["Novartis"].kind == "organization"
    assert actors["Pfizer"].kind == "organization"
    assert actors["Lena Berg"].kind == "person"


def test_a_law_named_with_for_is_no_actor():
    _, actors = actors_of("Senator Ana Ruiz introduced the College for All Act on Monday.")
    assert "College for All Act" not in actors and "Ana Ruiz" in actors


def test_a_surname_before_a_generational_suffix_joins_the_full_name():
    _, actors = actors_of(
        "Prosecutor Walter H. Brennan Jr. spoke on Monday. Later Brennan left for Albany.")
    assert "Brennan" not in actors
    assert [a.mentions for name, a in actors.items() if name.startswith("Walter")] == [2]


def test_a_name_before_a_body_noun_is_an_organisation_even_when_a_given_name():
    _, actors = actors_of(
        "The Wallace camp said little on Monday. Later Wallace spoke in Boston.")
    assert actors["Wallace camp"].kind == "organization"
    assert actors["Wallace"].kind == "person"


def test_parliamentary_titles_are_no_part_of_the_name():
    _, actors = actors_of("Tory MP Boris Johnson spoke first. Later Mr Johnson left for Henley.")
    assert actors["Boris Johnson"].title == "Tory MP"
    assert actors["Boris Johnson"].mentions == 2


def test_mr_and_a_single_name_is_a_surname_not_someones_given_name():
    text = ("Sacked MP Howard Flight spoke on Monday. Later Mr Howard insisted he had kept the "
            "rules. Sir Anthony Kerr agreed, and Sir Anthony left.")
    table, _ = actors_of(text)
    names = [(text[m.start:m.end], m.actor) for m in table.mentions_in(0, len(text))]
    assert names[1] == ("Howard", "Howard")  # Mr Howard is someone else
    assert names[-1] == ("Anthony", "Anthony Kerr")  # Sir takes a given name


def test_the_surname_of_a_person_named_in_full_is_a_name_wherever_it_stands():
    # The model reads the opener "Trump has said" as a common word; the article's own full
    # name says otherwise. A common word is never taken ("May" of Theresa May).
    text = ("Republican nominee Donald Trump criticised the alliance on Sunday. The summit "
            "opened after World War II. Trump has said that he would not defend members. "
            "With Trump jumping up and down, leaders met. Theresa May spoke. May I add one thing?")
    table, _ = actors_of(text)
    trump = [m.end for m in table.mentions_in(0, len(text)) if m.actor == "Donald Trump"]
    assert trump == [m.end() for m in re.finditer("Trump", text)]
    assert [m.actor for m in table.mentions_in(text.index("May I"), len(text))] == []


def test_a_lone_always_capitalised_speaker_is_a_name():
    # No full name and no model tag: standing alone as a speaker, and written with a capital
    # mid-sentence too, makes "Trump" a person and "EMI" an organisation. "Analysts" is
    # written "analysts" elsewhere, so it stays a common noun.
    text = ("\"I stay with people,\" Trump said. Trump has said that he did nothing wrong. "
            "\"Sales were weak,\" EMI said. Shares in EMI fell. Analysts said sales fell. "
            "Most analysts agreed. MPs said no, and some MPs agreed.")
    reading = read_article(text)
    named = {text[m.start:m.end]: (m.actor, m.kind)
             for m in reading.table.mentions_in(0, len(text))}
    assert named["Trump"] == ("Trump", "person")
    assert named["EMI"] == ("EMI", "organization")
    assert "Analysts" not in named
    assert named["MPs"] == ("MPs", "group")  # a kind of people, never a lone person
    assert [p.actor for p in reading.positions][:3] == ["Trump", "Trump", "EMI"]


def test_a_title_word_after_mr_or_a_given_name_is_a_surname():
    text = ("\"It is not just firewalls,\" said Paul King, chief architect at Cisco. Mr King "
            "left early. The King of Spain spoke. King Abdullah met him.")
    table, _ = actors_of(text)
    names = [(text[m.start:m.end], m.actor) for m in table.mentions_in(0, len(text))]
    assert ("King", "Paul King") in names
    assert ("Abdullah", "Abdullah") in names


def test_what_a_name_owns_makes_it_a_company_whatever_the_model_says():
    text = ("Analysts praised Boeing on Monday. The deal lifted Boeing's profits, and Boeing "
            "executives were pleased. Shares in Yukos fell. Pre-tax profits rose by 5%. "
            "Donald Trump's sales pitch worked, and US sales rose.")
    _, actors = actors_of(text)
    assert actors["Boeing"].kind == "organization"
    assert actors["Yukos"].kind == "organization"
    assert actors["Donald Trump"].kind == "person"  # a given name first: a person
    assert actors["United States"].kind == "place"
    assert "Pre-tax" not in actors  # a capital that only opens a sentence


def test_company_evidence_reads_a_huge_capitalised_run_in_linear_time():
    from bot.briefing.actors.companies import company_names

    assert company_names("It hit " + "A" * 200_000 + "'s profits") == frozenset({"A" * 200_000})


def test_a_party_label_is_a_role_and_of_a_place_is_where_a_person_comes_from():
    text = ("Senator Ted Cruz of Texas spoke first. Cruz said no. Republican Donald Trump "
            "agreed, and Donald Trump left. Tory Edward Turnour said no. The University of "
            "Texas said nothing. Follow Pam Key on Twitter.")
    _, actors = actors_of(text)
    assert actors["Ted Cruz"].mentions == 2 and "Texas" in actors
    assert (actors["Donald Trump"].mentions, actors["Donald Trump"].title) == (2, "Republican")
    assert actors["Edward Turnour"].title == "Tory"
    assert "University of Texas" in actors  # a body's name stays whole
    assert "Pam Key" in actors and "Follow Pam Key" not in actors


def test_plural_capitals_are_a_group_and_adverbs_open_no_name():
    _, actors = actors_of("Labour MPs said no. Tory MEPs spoke. Even Lindsey Graham agreed. "
                          "Only Tony Blair left.")
    assert actors["Labour MPs"].kind == "group" and actors["MEPs"].kind == "group"
    assert "Lindsey Graham" in actors and "Tony Blair" in actors


def test_a_whip_is_a_role():
    _, actors = actors_of("\"We will see,\" said Senate Minority Whip Dick Durbin. Durbin left.")
    assert (actors["Dick Durbin"].mentions, actors["Dick Durbin"].title) == (
        2, "Senate Minority Whip")


def test_a_demonym_before_a_given_name_is_where_the_person_comes_from():
    _, actors = actors_of("Norwegian Anna Berg said the port would close. Ms Berg spoke on "
                          "Monday. The British Potato Council met.")
    assert actors["Anna Berg"].kind == "person"
    assert actors["Anna Berg"].mentions == 2
    assert "Norway" in actors
    assert "British Potato Council" in actors  # an organisation's word keeps it whole


def test_she_is_not_given_to_a_man_nor_he_to_a_woman():
    text = ("Mayor Thomas Reed thanked Councillor Margaret Hale at the harbour on Monday.\n"
            "She said the port would close next year.\n"
            "Margaret Hale later met Thomas Reed again.\n"
            "He said the port would stay open.")
    speakers = [p.actor for p in read_article(text).positions]
    assert speakers == ["Margaret Hale", "Thomas Reed"]


def test_mr_and_ms_are_forms_of_address_not_roles():
    _, actors = actors_of("Mr Tom Ellis said the port would close. Later Harbour Minister Tom "
                          "Ellis spoke again. Ms Nora Lind said little.")
    assert actors["Tom Ellis"].title == "Harbour Minister"
    assert actors["Nora Lind"].title is None
    assert actors["Nora Lind"].kind == "person"


def test_a_role_cut_short_is_no_role():
    _, actors = actors_of("The editor of The Harbour Times, Tom Ellis, said the port would "
                          "close.")
    assert actors["Tom Ellis"].title == "editor of The Harbour Times"
    assert actors["Harbour Times"].title is None  # not "editor of The"


def test_a_clause_after_a_comma_is_no_appositive_role():
    _, actors = actors_of("In Ohio, Republican candidates aren't that far apart on policy. "
                          "Voters in Ohio were unsure.")
    assert actors["Ohio"].kind == "place"
    assert actors["Ohio"].title is None


def test_a_kind_of_body_before_a_name_makes_an_organisation_but_a_job_does_not():
    _, actors = actors_of("Ruth Kelly gets support from the Catholic movement Opus Dei. She "
                          "thanked the producer Quincy Jones.")
    assert actors["Opus Dei"].kind == "organization"
    assert actors["Quincy Jones"].kind == "person"
