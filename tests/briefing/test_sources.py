"""Who a position belongs to: the speaker, never a place that says where, the listener of
"told", or a title alone; the person named in apposition to a role noun."""

from bot.briefing.attribution.attributions import find_attributions
from bot.briefing.engine import build_brief
from bot.briefing.model import Article


def speakers(text: str) -> list[tuple[str | None, str, str]]:
    brief = build_brief(Article(title="Test", text=text))
    return [(p.actor, p.source.text, p.content.text) for p in brief.positions]


def test_a_place_after_in_at_or_from_is_not_the_speaker():
    for source in ("Officials in Kabul", "A doctor at a hospital in Gaza", "Residents from Mosul"):
        found = speakers(f"{source} said the bridge had been destroyed on Monday.")
        assert found == [(None, source, "the bridge had been destroyed on Monday")]


def test_the_listener_of_told_is_not_the_speaker():
    found = speakers("\"We will never build walls,\" the Vatican spokesman, Federico Lombardi, "
                     "told Vatican Radio.")
    assert found == [("Federico Lombardi", "the Vatican spokesman, Federico Lombardi",
                      "We will never build walls")]


def test_a_role_noun_and_its_named_appositive_lead_the_sentence():
    found = speakers("The Afghan team's coach, Alireza Mehraban, said the robot worked well "
                     "in every round.")
    assert found == [("Alireza Mehraban", "The Afghan team's coach, Alireza Mehraban",
                      "the robot worked well in every round")]


def test_according_to_a_role_noun_takes_the_named_appositive():
    found = speakers("According to the Afghan team's coach, Alireza Mehraban, the robot "
                     "worked well in every round.")
    assert found == [("Alireza Mehraban", "the Afghan team's coach, Alireza Mehraban",
                      "the robot worked well in every round")]


def test_a_title_alone_is_not_the_speaker():
    found = speakers("The White House Press Secretary said the talks had failed.")
    assert [actor for actor, _, _ in found] == ["White House"]


def test_a_role_and_name_with_a_further_appositive_lead_the_sentence():
    found = speakers("The team's coach, Ali Reza, who arrived on Monday, said the robot "
                     "worked well.")
    assert found == [("Ali Reza", "The team's coach, Ali Reza, who arrived on Monday",
                      "the robot worked well")]
    found = speakers("Its captain, Tom Reed, 34, said the robot worked well.")
    assert found == [("Tom Reed", "Its captain, Tom Reed, 34", "the robot worked well")]


def test_a_state_before_a_title_is_not_the_speaker_but_a_country_stays():
    assert speakers("The Vermont senator said the plan would fail.") == [
        (None, "The Vermont senator", "the plan would fail")]
    assert speakers("The US president said the plan would fail.")[0][0] == "United States"


def test_said_and_said_share_the_outer_subject():
    found = [(a.source.text, a.cue.text, a.content.text) for a in find_attributions(
        "Ana Ruiz said her party has backed the idea for months, and said the delay was "
        "damning.")]
    assert ("Ana Ruiz", "said", "her party has backed the idea for months") in found
    assert ("Ana Ruiz", "said", "the delay was damning") in found


def test_a_name_before_its_role_appositive_leads_the_source():
    found = speakers("Sir Bernard Ingham, Margaret Thatcher's former press secretary, took a "
                     "dim view, accusing the programme of corrupting politics.")
    assert [actor for actor, _, _ in found] == ["Bernard Ingham"]


def test_an_adverb_in_commas_after_an_auxiliary_is_not_part_of_the_source():
    found = speakers('"We have severe problems," said Peter Zombic, the director. He did, '
                     'however, admit that the label had lost control of its music.')
    assert (("Peter Zombic", "He", "the label had lost control of its music") in found)


def test_an_adverbial_phrase_in_commas_is_not_part_of_the_source():
    for aside in ("by contrast", "on the other hand", "for her part"):
        found = speakers(f"Governor Ann Reed, {aside}, has pledged to cancel the accord.")
        assert found == [("Ann Reed", "Governor Ann Reed", "to cancel the accord")], aside


def test_someones_supporters_or_rivals_do_not_speak_for_them():
    for source in ("Mr Tom Ellis's supporters", "Some of Tom Ellis's longtime allies",
                   "both of Tom Ellis's remaining rivals"):
        found = speakers(f"Mayor Tom Ellis spoke on Monday. {source} said the harbour fund "
                         "was safe.")
        assert [actor for actor, _, content in found if "fund" in content] == [None], source


def test_an_age_and_hometown_in_commas_are_no_source():
    for where in ("of Baldwin, Miss.", "from Omaha, Nebraska"):
        found = speakers(f"Tom Ellis, 33, {where}, dismisses the idea that voting helps.")
        assert [(actor, source) for actor, source, _ in found] == [
            ("Tom Ellis", f"Tom Ellis, 33, {where}")], where


def test_an_associate_of_someone_does_not_speak_for_them():
    for source in ("A close associate of former mayor Tom Ellis", "Supporters of Tom Ellis",
                   "Tom Ellis's closest ally"):
        found = speakers(f"Mayor Tom Ellis spoke on Monday. {source} said the harbour fund "
                         "was safe.")
        actors = [actor for actor, _, content in found if "fund" in content]
        assert len(actors) == 1 and actors[0] != "Tom Ellis", source
    found = speakers("Tom Ellis's colleague Peter Rowan said the harbour fund was safe.")
    assert [actor for actor, _, _ in found] == ["Peter Rowan"]


def test_he_after_a_quote_is_the_speaker_just_quoted_not_a_name_inside_his_quote():
    found = speakers('"The same criticism of Mayor Tom Ellis can be levelled at his critics," '
                     'said Peter Rowan, a fellow at the Harbour Institute. "This debate is '
                     'misleading," he said.')
    assert ("Peter Rowan", "he", "This debate is misleading") in found


def test_he_after_a_quote_skips_a_speaker_reported_inside_another_speech():
    found = speakers("Mayor Tom Ellis said he backed the plan when Peter Rowan argued for it "
                     'in the council. "The plan will make the harbour safer," he said.')
    assert ("Tom Ellis", "he", "The plan will make the harbour safer") in found


def test_he_after_the_prime_ministers_spokesman_is_that_spokesman():
    found = speakers("Lord Rowan said Mayor Tom Ellis bypassed the council. The mayor's official "
                     "spokesman said the council still met. But he added: \"You cannot take "
                     "every decision in a meeting.\"")
    assert (None, "The mayor's official spokesman", "You cannot take every decision in a "
            "meeting.") in found


def test_downing_street_is_an_office_not_the_country():
    found = speakers("Downing Street said the prime minister should be judged by results.")
    assert [actor for actor, _, _ in found] == ["Downing Street"]


def test_a_cue_word_after_a_hyphenated_modifier_is_a_noun():
    assert speakers("The one-sentence comment was immediately criticised by the party.") == []


def test_a_phrase_after_the_cue_that_opens_with_a_preposition_is_no_speaker():
    found = speakers('"It would have been better for the harbour," the council spokesman, Ivo '
                     'Dahl, said on Tuesday.')
    assert [(actor, source) for actor, source, _ in found] == [
        ("Ivo Dahl", "the council spokesman, Ivo Dahl")]


def test_a_participle_after_a_comma_speaks_through_the_clause_subject():
    found = speakers("At a rally in Bergen, Nor., Mayor Tom Ellis was just as blunt, claiming "
                     "that the harbour fund had been robbed.")
    assert found == [("Tom Ellis", "Mayor Tom Ellis", "the harbour fund had been robbed")]


def test_a_cue_word_read_as_a_noun_before_a_verb_is_its_subject_not_a_cue():
    assert speakers("Privacy advocates are concerned that monitoring at work is damaging.") == []
    found = speakers("Critics say the powers - which President Ann Reed argues are needed to "
                     "help the poor - are a threat.")
    assert any(actor == "Ann Reed" for actor, _, _ in found)
