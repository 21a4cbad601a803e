"""Finding the source of a cue: the noun phrase before it ("a senior official said") or after
it ("..., said Emily Horne, White House spokesperson").

Works on the masked text (quotations blanked, see `attribution.py`), so words inside quotes are
never taken for a source. Without a parser, the source is the run of words between the last
clause boundary and the cue, cut at commas the way appositives and lists use them.
"""

from __future__ import annotations

import re

from bot.briefing.attribution.cues import is_cue_word
from bot.briefing.lexicon.wordlists import load_words

TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?!\d|,\d)|[^\W_](?:[^\W_]|['’.\-](?=[^\W_]))*\.?|[,;:()\[\]—–\"]|_+",
    re.UNICODE,
)  # "1,409 teachers" is one number, not "1" and "409 teachers"
_HARD_STOPS = frozenset(";:()[]—–\"")
_LEFT_STOPS = frozenset(";:[]—–\"")  # "Gov. Phil Bryant (R) said": brackets may be in a name
_MAX_SOURCE_TOKENS = 30
_BE_FORMS = frozenset({"is", "was", "are", "were", "am", "be", "been", "being"})
_MAX_PLAIN_SOURCE_WORDS = 8
_MAX_ASIDE_WORDS = 4  # "on the other hand"
_MAX_HEAD_CHUNKS = 3
_MAX_APPOSED_NAME_WORDS = 4
_MAX_ROLE_WORDS = 10
_WORD = re.compile(r"[^\W_]+")
_PREPOSITIONS = frozenset({"without", "with", "in", "on", "at", "for", "about", "from", "over",
                           "against", "to", "into", "during", "despite", "amid", "by"})


def source_before(masked: str, seg_start: int, cue_start: int) -> tuple[int, int] | None:
    """Offsets of the source ending just before a cue, or None when there is none."""
    tokens = [m for m in TOKEN.finditer(masked, seg_start, cue_start)]
    modifiers = load_words("verb_modifiers")
    while tokens:
        aside = _aside_length(tokens, modifiers)
        if aside:  # "He did, however," / "Donald Trump, by contrast,"
            del tokens[-aside:]
        elif _is_modifier(tokens[-1].group(), modifiers) or (
                len(tokens) > 1 and tokens[-1].group().lower() in _BE_FORMS):  # "He was"
            tokens.pop()
        else:
            break
    if not tokens or tokens[-1].group() in _LEFT_STOPS or tokens[-1].group().startswith("_"):
        return None
    if tokens[-1].group() == ",":
        return _source_with_appositive(tokens[:-1])
    first = _clause_start(tokens)
    chunks = _last_noun_phrase(_comma_chunks(tokens[first:]))
    if not chunks or not looks_like_source([m.group() for chunk in chunks for m in chunk]):
        return None
    return chunks[0][0].start(), chunks[-1][-1].end()


def _source_with_appositive(tokens: list[re.Match[str]]) -> tuple[int, int] | None:
    """'Horne, the NSC spokesperson,' / 'Mrs. Clinton, who did not say so,': the head noun
    phrase before the appositive's opening comma, plus the appositive."""
    commas = [index for index, token in enumerate(tokens) if token.group() == ","]
    if not commas:
        return None
    head_tokens = tokens[:commas[-1]]
    chunks = _comma_chunks(head_tokens[_clause_start(head_tokens):])
    # Skip an age, an adverb or a place: "Leon, 63, a voter,", "Sanders, meanwhile, who
    # ...,", "Dewayne Smithy, 33, of Baldwin, Miss.,".
    for _ in range(_MAX_HEAD_CHUNKS):
        head = _last_noun_phrase(chunks)
        if not head:
            return None
        if looks_like_source([m.group() for chunk in head for m in chunk]) and not (
            len(head) == 1 and len(head[0]) == 1 and head[0][0].group()[0].isdigit()
        ) and head[0][0].group().lower() not in {"of", "from"}:
            before = chunks[-len(head) - 1] if len(chunks) > len(head) else []
            if before and (role_then_name(_words_of(before), _words_of(head[0]))
                           or role_then_name(_words_of(head[0]), _words_of(before))):
                head = [before]  # "The coach, Ali Reza, who ...,", "Sir Bernard Ingham,
                # Margaret Thatcher's former press secretary, ...": the first leads the source
            return head[0][0].start(), tokens[-1].end()
        chunks = chunks[:len(chunks) - len(head)]
    return None


def _words_of(chunk: list[re.Match[str]]) -> str:
    return " ".join(m.group() for m in chunk)


def source_after(masked: str, cue_end: int, limit: int) -> tuple[int, int] | None:
    """Offsets of an inverted source ("..., said X"), running to the clause end."""
    tokens = []
    for m in TOKEN.finditer(masked, cue_end, limit):
        if m.group() in _HARD_STOPS or m.group().startswith("_"):
            break
        if m.group() == "," and tokens and _starts_new_clause(masked, m.end(), limit):
            break
        if tokens and tokens[-1].group() == "," and _opens_clause(m.group()):
            tokens.pop()
            break
        tokens.append(m)
    while tokens and tokens[-1].group() == ",":
        tokens.pop()
    if not tokens or len(tokens) > _MAX_SOURCE_TOKENS:
        return None
    if tokens[0].group().lower() in load_words("source_boundaries") or \
            tokens[0].group() in _PREPOSITIONS:
        return None  # "..., claiming without any evidence that ...": no speaker after the cue
    if not looks_like_source([m.group() for m in tokens]):
        return None
    end = tokens[-1].end()
    if masked[end - 1] == "." and (end >= limit - 1 or not masked[end:limit].strip()):
        end -= 1  # the full stop of the sentence, not of an abbreviation
    return tokens[0].start(), end


def looks_like_source(words: list[str]) -> bool:
    """A capitalized name, a pronoun or a source noun: enough to trust a phrase as a source."""
    pronouns = load_words("source_pronouns")
    nouns = load_words("source_nouns")
    determiners = load_words("determiners")
    if words and words[0].lower() in determiners and len(words) <= _MAX_PLAIN_SOURCE_WORDS:
        return True  # "the organizers", "his lawyers"
    for word in words:
        if word[0].isdigit():
            return True  # "43 percent said"
        lowered = word.lower()
        if lowered in pronouns or lowered in nouns:
            return True
        if word[0].isupper() and lowered not in determiners:
            return True
    return False


def _aside_length(tokens: list[re.Match[str]], modifiers: frozenset[str]) -> int:
    """How many tokens an adverbial set off by commas at the end takes ("He did, however,",
    "Donald Trump, by contrast,"), with both its commas; 0 when the tokens end in none."""
    if not tokens or tokens[-1].group() != ",":
        return 0
    asides = load_words("sentence_adverbs")
    for words in range(1, _MAX_ASIDE_WORDS + 1):
        opening = len(tokens) - words - 2
        if opening < 1 or tokens[opening].group() != "," or \
                tokens[opening - 1].group() in {",", *_HARD_STOPS}:
            continue
        phrase = [t.group() for t in tokens[opening + 1:-1]]
        if " ".join(phrase).lower() in asides or (words == 1 and
                                                  _is_modifier(phrase[0], modifiers)):
            return words + 2
    return 0


def _is_modifier(word: str, modifiers: frozenset[str]) -> bool:
    lowered = word.lower()
    return lowered in modifiers or (word.islower() and lowered.endswith("ly") and len(word) > 4)


def _clause_start(tokens: list[re.Match[str]]) -> int:
    """Index of the first token after the last clause boundary."""
    boundaries = load_words("source_boundaries")
    lowest = max(0, len(tokens) - _MAX_SOURCE_TOKENS)
    for index in range(len(tokens) - 1, lowest - 1, -1):
        word = tokens[index].group()
        if word in _LEFT_STOPS or word.startswith("_") or word.lower() in boundaries:
            return index + 1
        if word.lower() in ("and", "or") and not _joins_names(tokens, index):
            return index + 1
    return lowest


def _joins_names(tokens: list[re.Match[str]], index: int) -> bool:
    """'Smith and Jones', 'Ukraine, France, and Germany': an 'and' inside one source."""
    before = tokens[index - 1].group() if index > 0 else ""
    if before == "," and index > 1:
        before = tokens[index - 2].group()
    after = tokens[index + 1].group() if index + 1 < len(tokens) else ""
    if before[:1].isupper() and after[:1].isupper():
        return True
    nouns = load_words("source_nouns")  # "the senator and Republican candidate"
    return before.lower() in nouns and (after[:1].isupper() or after.lower() in nouns)


def _comma_chunks(tokens: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    chunks: list[list[re.Match[str]]] = [[]]
    for token in tokens:
        if token.group() == ",":
            chunks.append([])
        else:
            chunks[-1].append(token)
    return [chunk for chunk in chunks if chunk]


def _drop_openers(chunks: list[list[re.Match[str]]]) -> list[list[re.Match[str]]]:
    """'On Thursday, Horne, the NSC spokesperson,' -> 'Horne, the NSC spokesperson'."""
    openers = load_words("clause_openers")
    while len(chunks) > 1 and chunks[0][0].group().lower() in openers:
        chunks = chunks[1:]
    return chunks


def _last_noun_phrase(chunks: list[list[re.Match[str]]]) -> list[list[re.Match[str]]]:
    """The last comma chunk, or a whole list ending in 'and X' ('officials in A, B, and C')."""
    if not chunks:
        return chunks
    last = chunks[-1]
    if last[0].group().lower() not in ("and", "or") or len(chunks) == 1:
        return [last]
    start = len(chunks) - 1
    while start > 0 and _is_list_item(chunks[start - 1]):
        start -= 1
    if start > 0:
        start -= 1  # the first item carries the head noun: "officials in Ukraine"
    return _drop_openers(chunks[start:])


def _is_list_item(chunk: list[re.Match[str]]) -> bool:
    return len(chunk) <= 3 and all(m.group()[0].isupper() for m in chunk)


def _opens_clause(word: str) -> bool:
    """After a comma in an inverted source: ', but ...', ', referring to ...' end the source."""
    lowered = word.lower()
    return (
        lowered in ("and", "but", "or")
        or lowered in load_words("source_boundaries")
        or (word.islower() and lowered.endswith("ing"))
    )


def _starts_new_clause(masked: str, start: int, limit: int) -> bool:
    """After a comma: a new clause (a cue within a few words) rather than an appositive."""
    for count, m in enumerate(TOKEN.finditer(masked, start, limit)):
        if count >= 6 or m.group() in _HARD_STOPS:
            return False
        if is_cue_word(m.group()):
            return True
    return False


def unit_subject(masked: str, unit_start: int, limit: int) -> tuple[int, int] | None:
    """The subject opening a sentence, for a later verb that shares it ('She ..., but said')."""
    tokens = []
    for m in TOKEN.finditer(masked, unit_start, limit):
        word = m.group()
        if word.lower() in load_words("source_pronouns") and not tokens:
            return m.span()
        if not word[0].isupper() or len(tokens) >= _MAX_HEAD_CHUNKS + 1:
            break
        tokens.append(m)
    if not tokens or tokens[0].group().lower() in load_words("clause_openers"):
        return None
    if not looks_like_source([m.group() for m in tokens]):
        return None
    return tokens[0].start(), tokens[-1].end()


def role_then_name(role: str, name: str) -> bool:
    """"The Afghan team's coach, Alireza Mehraban, said the robot ...": a role noun and the
    name in apposition lead, so they are the subject and what follows is the content."""
    roles, names = _WORD.findall(role), _WORD.findall(name)
    return (0 < len(names) <= _MAX_APPOSED_NAME_WORDS and all(w[0].isupper() for w in names)
            and 0 < len(roles) <= _MAX_ROLE_WORDS and roles[-1].islower()
            and '"' not in role + name and "_" not in role + name)
