"""Word-level checks for the dispute rules: is a cue really a dispute, who is its subject,
where does the disputed claim end. Plain string functions, so each check is testable alone."""

from __future__ import annotations

import re

from bot.briefing.lexicon.wordlists import load_words

_WORD = re.compile(r"[\w'’.\-]+")
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_SUBJECT_ENDERS = _PRONOUNS | {"who"}
_SOFT_ADVERBS = frozenset({"also", "again", "earlier", "later", "since", "still", "already",
                           "now", "once", "then", "previously", "promptly", "swiftly",
                           "flat-out", "outright", "always", "long", "twice", "never", "ever"})
_OPENERS = frozenset({"but", "and", "however", "yet", "so", "whilst", "while", "although",
                      "though", "if", "meanwhile", "then", "still", "now", "later"})
_NOT_ADVERBS = frozenset({"ally", "family", "assembly", "rally", "supply", "monopoly", "italy",
                          "july", "bully"})
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "today", "yesterday", "tonight"})
_CLAUSE_DELIMITER = re.compile(
    r"(?:[,;:(\"“”]|\s[-–—]\s|\b(?:that|but|said|says|told|after|when|because|as|although|"
    r"though|whereas|while|whilst)\b)\s*",
    re.IGNORECASE)
_POSSESSIVE_START = frozenset({"its", "his", "her", "their", "our", "my", "your"})
_PREPOSITIONS = frozenset({"of", "in", "from", "at", "for", "by", "with", "without", "after",
                           "before", "despite", "amid", "during", "under", "over", "like"})

# Where a claim stops although the sentence goes on: a participle or a new report of speech
# (", saying ...", "and said ..."), a second verb of the subject ("and assailed ..."), a dash.
_CLAIM_END = re.compile(
    r",[\"”’']?\s+(?!including\b)[a-z]+ing\b|,\s+however\b|,\s+with\s+|\s+as\s+[\"“'‘]|\s+[-–—]+\s+|—|;|,?\s+but\s+|"
    r":\s*[\"“]|\s+(?:saying|adding|arguing|insisting)\b|"
    r"\s+by\s+[a-z]+ing\b|,\s+and\s+(?:he|she|they|it|we|i|before|after|when|while|then)\b|"
    r",?\s+and\s+(?:also\s+|then\s+|has\s+|have\s+|had\s+)?(?:said|says|added|adds|told|"
    r"[a-z]+ed)\b|[,\"”’']+\s+(?:[\w.]+\s+){0,3}?(?:said|says|added|told|tweeted|wrote|"
    r"argued|insisted)\b")


def words_before(prefix: str, count: int) -> list[str]:
    """The last `count` words of `prefix`, lowercased, punctuation stripped."""
    return [w.lower().strip("'’.") for w in _WORD.findall(prefix)[-count:]]


def cue_is_blocked(prefix: str, verb: str) -> bool:
    """The cue is no dispute: a noun or adjective ("a challenge", "the debunked accounts"),
    negated or hypothetical ("cannot deny", "confirm or deny", "challenged him to deny"),
    or passive ("was challenged over his statement", "was denied entry")."""
    raw = _WORD.findall(prefix)
    if raw and raw[0].lower() in {"if", "unless", "whether", "should"} and "," not in prefix:
        return True  # a hypothetical: "If Roos denies the report, ..."
    last = [w.lower().strip("'’.") for w in raw[-5:]]
    while len(last) > 1 and last[-1] not in {"never", "ever"} and (
            last[-1] in _SOFT_ADVERBS or _adverb(last[-1])):
        last.pop()  # "did not categorically deny", "has never once denied"
    last = last[-3:]
    if not last:
        return verb.lower() in load_words("dispute_noun_forms")
    previous = last[-1]
    if previous in load_words("determiners") or previous.endswith(("'s", "’s")):
        return True
    if previous in load_words("dispute_blockers") or previous.endswith(("n't", "n’t")):
        return True
    if previous == "to":
        lead = last[-2:-1]
        lead_two = " ".join(last[-3:-1])
        return not (lead and (lead[0] in load_words("dispute_lead_ins")
                              or lead_two in load_words("dispute_lead_ins")))
    if verb.lower().endswith("ed") and previous in {"was", "were", "been", "being", "is",
                                                    "are", "be", "get", "got", "gets"}:
        return True
    if verb.lower() in load_words("dispute_noun_forms"):
        return not (_can_end_subject(raw[-1], previous)
                    or re.search(r",\s*which\s*$", prefix))  # "Europe, which disputes"
    return False


def _can_end_subject(raw: str, word: str) -> bool:
    """A word after which a noun/verb form reads as a verb ("Officials dispute that")."""
    return (raw[:1].isupper() or word in _SUBJECT_ENDERS or word in load_words("auxiliaries")
            or _adverb(word) or word in _SOFT_ADVERBS or word in load_words("source_nouns"))


def _adverb(word: str) -> bool:
    return word.endswith("ly") and word not in _NOT_ADVERBS


def subject_phrase(prefix: str) -> tuple[int, int] | None:
    """Offsets in `prefix` of the noun phrase that does the act of the cue after it.

    Trailing auxiliaries and adverbs are dropped ("had earlier", "repeatedly"), then an
    appositive between commas ("Patricia Smith, mother of ..., rejected"), and the phrase is
    what follows the last clause boundary ("In an interview, Ms. Conway rejected")."""
    end = len(prefix.rstrip().rstrip("\"“'‘").rstrip())
    while True:
        match = re.search(r"[\w'’\-]+$", prefix[:end])
        if not match:
            break
        word = match.group(0).lower()
        if not (word in load_words("auxiliaries") or word in _SOFT_ADVERBS or _adverb(word)
                or word == "to" or word in load_words("dispute_lead_ins")):
            break
        end = len(prefix[:match.start()].rstrip().rstrip("\"“'‘").rstrip())  # '"totally'
    relative = re.search(r",\s*(?:who|which)$", prefix[:end], re.IGNORECASE)
    if relative:  # "Europe, which disputes the claim"
        end = relative.start()
    elif prefix[:end].endswith(","):
        before = prefix[:end - 1].rfind(",")
        if before < 0:
            return None
        end = before
    start = 0
    for delimiter in _CLAUSE_DELIMITER.finditer(prefix, 0, end):
        start = delimiter.end()
    while True:
        match = re.match(r"\s*([\w']+)\b,?\s*", prefix[start:end])
        if not match or match.group(1).lower() not in _OPENERS:
            break
        start += match.end()
    start += len(prefix[start:end]) - len(prefix[start:end].lstrip())
    if start >= end or len(prefix[start:end].split()) > 8:
        return None
    words = prefix[start:end].split()
    if words[0].lower() in _PREPOSITIONS or words[-1].lower() in {"and", "or"}:
        return None  # an appositive's tail ("Smithy, 33, of Baldwin, dismisses"), a second verb
    return start, end


_NAMING_DETERMINERS = frozenset({"the", "a", "an", "some", "many", "several", "other", "most"})
_MAX_BARE_GROUP_WORDS = 3


def phrase_is_nameable(phrase: str) -> bool:
    """A plain phrase may stand as a disputant ("Lawyers for the pair", "the tobacco
    companies", "some campaign groups"), but not a lone pronoun or a possessive whose owner
    is unknown ("its members")."""
    words = phrase.split()
    if not words or words[0].lower() in _POSSESSIVE_START | _PRONOUNS or len(words) > 8:
        return False
    if any(w.lower() in load_words("auxiliaries") for w in words):
        return False  # a clause ("the men are"), not a name
    if words[-1].lower() in load_words("source_nouns") and words[-1].endswith("s") and \
            len(words) <= _MAX_BARE_GROUP_WORDS:
        return True  # a group with no determiner: "intelligence officials", "critics"
    if len(words) == 1:
        return words[0][:1].isupper() and words[0].lower() not in _PRONOUNS
    return words[0][:1].isupper() or words[0].lower() in _NAMING_DETERMINERS


def is_pronoun(phrase: str) -> bool:
    return phrase.lower() in _PRONOUNS


def plausible_name(name: str) -> bool:
    """An actor name the table made from a pronoun ("I'm") is no disputant."""
    first = name.split()[0].lower().replace("’", "'") if name.split() else ""
    return first.split("'")[0] not in _PRONOUNS


def trim_claim(text: str) -> str:
    """The claim up to where the sentence moves on to something else."""
    match = _CLAIM_END.search(text)
    return clean_claim(text[:match.start()] if match else text)


def clean_claim(text: str) -> str:
    text = _TRAILING_ADVERB.sub("", text.strip().strip(",;:").strip())
    text = _without_stray_close(text)
    text = text[:-1] if text.endswith(".") and not text.endswith("..") else text
    if text.count("“") > text.count("”") and text.rfind("“") > text.rfind("”"):
        text += "”"  # 'had “overwhelming disclosure,” referencing': cut at the comma
    return text


_QUOTE_PAIRS = (("”", "“"), ("’", "‘"), ("''", "''"), ('"', '"'))


def _without_stray_close(text: str) -> str:
    """'... from ISIS."' when the quotation opened before the claim: the closing mark and
    its full stop belong to the quote, not to the claim."""
    for close, opening in _QUOTE_PAIRS:
        if text.endswith(close):
            balanced = text.count(close) % 2 == 0 if close == opening else \
                text.count(opening) >= text.count(close)
            return text if balanced else text[:-len(close)].rstrip(" ,")
    return text


# "denies that anything has been sorted, though": a sentence adverb is no part of the claim
_TRAILING_ADVERB = re.compile(r",\s*(?:though|however|too|also|then)\s*(?=[.]?$)",
                              re.IGNORECASE)


_VERDICT_FOLLOWERS = frozenset({"and", "or", "but", "as", "because", "since", "given", "in",
                                "on", "at", "by", "from", "according", "about", "during",
                                "when", "after", "before", "with", "under", "again"})


def verdict_is_predicative(after: str) -> bool:
    """A falsity word ends its clause ("was false and", "is not true.") rather than modifying
    a noun or an infinitive ("the wrong path", "a lie detector", "wrong to wait")."""
    match = re.match(r"[\"”’']*\s*([A-Za-z]+)?", after)
    if match is None or match.group(1) is None:
        return True
    if after[:match.start(1)].strip(" \"”’'"):
        return True
    return match.group(1).lower() in _VERDICT_FOLLOWERS


def opens_clause(after: str) -> bool:
    """Text after a claim noun that says what is claimed: a that-less clause ("allegations they
    had planted the device", "claims his firm sold the land") or a complement ("reports of a
    row", "a report claiming ...")."""
    match = re.match(r"\s*([\w'’]+)", after)
    if match is None:
        return False
    word = match.group(1)
    lower = word.lower()
    if lower in {"of", "about", "over", "linking", "suggesting", "claiming", "saying",
                 "alleging", "accusing", "there", "the", "a", "an", "his", "their",
                 "its"} | _PRONOUNS:
        return True
    return word[:1].isupper() and lower not in {"on", "in", "at", "by"} | _CALENDAR


def takes_complement(after: str) -> bool:
    """"any involvement in the attacks", "all wrongdoing on his part": an "in"/"on" phrase
    that says what is claimed, not where or when it was said ("in a statement", "on Friday",
    "in 2012", "in Washington")."""
    match = re.match(r"\s*(?:in|on)\s+(?:(?:the|a|an|his|her|their|its)\s+)?([\w/\-]+)", after)
    if match is None:
        return False
    word = match.group(1)
    return not word[:1].isupper() and not word.isdigit() and word.lower() not in _SETTING_WORDS


def starts_with_of_like(after: str) -> bool:
    """A proposal noun followed by "of", "as", "for", "to": a plan, not a claim."""
    return bool(re.match(r"\s*(?:of|as|for|to|on|in|at)\b", after, re.IGNORECASE)) or \
        not after.strip(" \"”’'.")


def heads_a_group(phrase: str) -> bool:
    """"Lawyers for Mr Fawcett and Mr McDonald": the phrase, not the last name, disputes."""
    match = re.match(r"(\w+)\s+(?:for|of)\b", phrase)
    return bool(match) and (match.group(1).lower() in load_words("source_nouns")
                            or match.group(1).lower() in _GROUP_HEADS)


_GROUP_HEADS = frozenset({"lawyers", "lawyer", "attorneys", "attorney", "supporters",
                          "members", "friends", "representatives", "relatives", "allies"})


_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"})
# Words after which the rest of a subject phrase says when or where it spoke, not who.
_SETTING_WORDS = _CALENDAR | _MONTHS | frozenset({
    "week", "weekend", "morning", "afternoon", "evening", "night", "year", "month", "day",
    "statement", "interview", "letter", "tweet", "tweets", "ruling", "speech", "conference",
    "briefing", "filing", "brief", "email", "post"})
_SETTING_PREPOSITIONS = frozenset({"on", "in", "at", "during", "since", "after", "before",
                                   "last", "this", "earlier", "late", "early"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their"})
_SUBORDINATORS = frozenset({"since", "after", "before", "when", "while", "as", "despite",
                            "although", "though", "because", "if", "until", "once"})


def clean_name(phrase: str) -> str | None:
    """A subject phrase as a disputant name: no opener ("But"), no setting ("on Friday",
    "in a statement"), no trailing adverb; "The Kremlin" -> "Kremlin". None when what is
    left is a clause opener ("Since assuming office") or nothing."""
    words = phrase.split()
    while words and words[0].lower().strip(",") in _OPENERS | {"even", "only", "also"}:
        words = words[1:]
    if not words or words[0].lower() in _SUBORDINATORS:
        return None
    for at, word in enumerate(words):
        lower = word.lower().strip(",.")
        rest = {w.lower().strip(",.") for w in words[at:at + 4]}
        if at and (lower in _SETTING_WORDS or (lower in _SETTING_PREPOSITIONS
                                               and rest & _SETTING_WORDS)):
            if at == 1 and words[0].lower() in _DETERMINERS:
                break  # "the letter added": the letter is the source, not where it spoke
            words = words[:at]
            break
    while words and (_adverb(words[-1].lower().strip(",")) or
                     words[-1].lower().strip(",") in _SOFT_ADVERBS):
        words = words[:-1]
    if len(words) > 1 and words[0].lower() in {"the", "a", "an"} and words[1][:1].isupper():
        words = words[1:]  # "The Kremlin", "A Tory spokesman"
    name = " ".join(words).strip(" ,")
    return name or None
