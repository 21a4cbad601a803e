"""Grammar checks on positions: passives, credits and act senses of speech verbs are dropped."""

from bot.briefing.engine import build_brief
from bot.briefing.model import Article


def positions(text: str) -> list[tuple[str, str, str]]:
    brief = build_brief(Article(title="Test", text=text))
    return [(p.source.text, p.cue.text, p.content.text) for p in brief.positions]


def test_passive_cue_has_no_speaker():
    found = positions("The six girls were twice denied visas to enter the country last month.")
    assert not [p for p in found if p[1] == "denied"]


def test_act_sense_of_a_speech_verb_is_no_position():
    found = positions("The consulate denied visas to the whole team in June.\n"
                      "Several refugees claimed asylum at the border on Friday.")
    assert not [p for p in found if p[1] in {"denied", "claimed"}]


def test_the_same_verbs_with_a_clause_are_positions():
    found = positions("The ministry denied that it had delayed the visas.\n"
                      "Ana Ruiz claimed the border would close next week.")
    assert ("The ministry", "denied", "it had delayed the visas") in found
    assert any(p[1] == "claimed" and "border would close" in p[2] for p in found)


def test_photo_credit_is_no_position():
    found = positions("Visitors queued for hours at the convention centre.\n"
                      "Image: Nick Moreau\n"
                      "The organisers said the fair drew 130,000 people.")
    assert not [p for p in found if p[1] == ":"]
    assert any(p[1] == "said" for p in found)


def test_stance_toward_a_thing_stays():
    found = positions("Senator Maria Lopez endorsed Clinton on Tuesday.")
    assert any(p[1] == "endorsed" for p in found)


def test_beliefs_and_intentions_are_told_from_speech_and_listed_after_it():
    brief = build_brief(Article(title="Test", text=(
        "Mayor Lena Berg believes that the bridge will close in May.\n"
        "The council wants to sell the old depot next year.\n"
        "Berg said the repairs would cost 4 million euros.")))
    modes = [(p.cue.text, p.mode) for p in brief.positions]
    assert ("believes", "belief") in modes and ("wants", "belief") in modes
    assert ("said", "speech") in modes
    assert modes[0] == ("said", "speech")
    assert brief.to_dict()["positions"][0]["mode"] == "speech"


def test_a_denied_claim_is_not_the_position_of_the_one_it_is_about():
    found = positions("The swimmer Ana Ruiz emphatically denied that she planned to retire "
                      "after the Olympics.")
    assert any(p[1] == "denied" for p in found)
    assert not [p for p in found if p[1] == "planned"]
