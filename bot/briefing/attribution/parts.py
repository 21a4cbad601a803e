"""The content side of an attribution, and the small post-posed / prepositional / colon forms.

All functions read the masked text (quotations as '"____"', see `attribution.py`) and return
offsets; content offsets are `(start, end, direct)`.
"""

from __future__ import annotations

import re
from itertools import islice

from bot.briefing.attribution.content import after_listener
from bot.briefing.attribution.cues import is_cue_word
from bot.briefing.attribution.source import TOKEN, looks_like_source, role_then_name
from bot.briefing.lexicon.wordlists import load_words

Content = tuple[int, int, bool]

_QUOTE, _FILL = '"', "_"
_TRAILING = " \t\n.,;:—–-"
_THAT_AFTER = re.compile(r"([^\"_.;:!?]{0,80}?)\bthat\b\s*")
_QUOTE_AFTER = re.compile(r"[^\"_.;!?]{0,60}?(?=\")")
_WORDS = re.compile(r"[^\W_]+")
_COLON_LEAD = re.compile(r"\s*([^,;:\"_]{2,80}?)\s*(:)\s*(?=\"|[A-Z‘'])")
_MAX_TAIL_WORDS = 6
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_NAME_CONNECTORS = frozenset({"of", "the", "for", "de", "van", "von"})
_BRACKETED = re.compile(r"\([^()]*\)")
_RELATIVE_PRONOUNS = frozenset({"who", "whose", "whom", "which"})
_CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "or"})
_TIME_CONJUNCTIONS = frozenset({"as", "when", "while", "after", "before", "since", "until"})
# Prepositions that open an adjunct after a quotation ("at the rally", "on Tuesday").
_ADJUNCT_OPENERS = frozenset({"at", "in", "on", "during", "to", "from", "outside", "inside"})
_MIN_LEAD_WORDS = 3
_MAX_INVERTED_SOURCE_WORDS = 14
_MAX_NAME_WORDS = 4
_MAX_LISTENER_PHRASE_WORDS = 8  # a listener with its adjuncts: "told the network on Monday"
_MAX_OPENER_WORDS = 10
_MAX_COLON_SOURCE_WORDS = 8
_MAX_PHRASE_SOURCE_WORDS = 15


def quote_end(masked: str, start: int) -> int:
    """End of the masked quotation opening at `start` ('"___"' or "''___''")."""
    index = start
    while index < len(masked) and masked[index] == _QUOTE:
        index += 1
    while index < len(masked) and masked[index] == _FILL:
        index += 1
    while index < len(masked) and masked[index] == _QUOTE:
        index += 1
    return index


def strip_span(
    text: str, start: int, end: int, quotes: bool = False
) -> tuple[int, int] | None:
    """Offsets without surrounding space and trailing punctuation (and quote marks if asked)."""
    marks = "\"“”„«»" if quotes else ""
    while start < end and (text[start].isspace() or text[start] in marks + ",:"):
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1] in marks):
        end -= 1
    if quotes and text.startswith("''", start):
        start += 2
    if quotes and text[start:end].endswith("''"):
        end -= 2
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if start < end else None


def content_before(masked: str, unit_start: int, lead_end: int) -> Content | None:
    """The content of a post-posed cue: the quotation or clause before it."""
    region = strip_span(masked, unit_start, lead_end)
    if region is None:
        return None
    start, end = region
    if masked[start] == _QUOTE and quote_end(masked, start) >= lead_end - 1:
        return _quotation(masked, start, quote_end(masked, start))
    return _clause(masked, start, end)


def content_after(
    masked: str, cue_end: int, limit: int, takes_listener: bool, min_words: int = 2
) -> Content | None:
    """The content of a pre-posed cue: a that-clause, a quotation or the rest of the clause
    (one word will do after a particle: 'agrees with Dean')."""
    that = _THAT_AFTER.match(masked, cue_end, limit)
    if that is not None and not _adjunct_before_that(that.group(1), takes_listener):
        that = None
    quote = _QUOTE_AFTER.match(masked, cue_end, limit)
    start = cue_end
    if quote is not None and (that is None or quote.end() < that.end()):
        opening = quote.end()
        closing = quote_end(masked, opening)
        prefix = quote.group().strip()
        introduces = prefix == "" or prefix.endswith((",", ":"))
        if introduces and _adjunct_after_quote(masked, closing, limit):
            return _quotation(masked, opening, closing)
        start = opening if introduces else cue_end
    elif that is not None:
        start = that.end()
    elif takes_listener:
        start = after_listener(masked, cue_end, limit)
    region = strip_span(masked, start, limit)
    if region is None:
        return None
    first = _WORDS.match(masked, region[0])
    if first is not None and start == cue_end and (
        first.group().lower() in _TIME_CONJUNCTIONS
    ):
        return None  # "said as the crowd roared": no content follows
    return _clause(masked, *region, min_words)


def _adjunct_after_quote(masked: str, closing: int, limit: int) -> bool:
    """Nothing that belongs to the quotation follows it: the clause ends, or goes on with an
    adjunct ('said, "We'll see," as he left'; '... "What a night!" at the rally') or
    another clause after a comma ('..." adding that ...')."""
    rest = masked[closing:limit].strip(_TRAILING + _QUOTE)
    if not rest:
        return True
    if masked[closing:limit].lstrip(_QUOTE).lstrip().startswith(","):
        return True
    first = _WORDS.match(rest)
    return first is not None and first.group().lower() in _TIME_CONJUNCTIONS | _ADJUNCT_OPENERS


def _adjunct_before_that(words_before: str, takes_listener: bool) -> bool:
    """'said on Tuesday that', 'told the network that' -- but not 'said he lives in a city that'."""
    words = _WORDS.findall(words_before)
    if len(words) <= 1:
        return True
    if words_before.lstrip().startswith(",") and words[0].endswith("ing"):
        return len(words) <= _MAX_LISTENER_PHRASE_WORDS  # "reported, citing two officials, that"
    if takes_listener:
        return len(words) <= _MAX_LISTENER_PHRASE_WORDS
    return words[0].lower() in load_words("clause_openers") and len(words) <= _MAX_OPENER_WORDS


def is_clause_tail(
    masked: str,
    unit_start: int,
    lead_end: int,
    source: tuple[int, int],
    unit_end: int,
    takes_listener: bool = False,
) -> bool:
    """Is "<lead>, <source> <cue> <rest>" a post-posed attribution ("..., X said Tuesday")?

    `source` is the inverted source ("said X") or an empty span at the cue's end. The lead must
    be content (a quotation, or a clause that is not an opener like "On Thursday," or "When
    asked,"), and the rest must hold no that-clause or quotation of its own.
    """
    lead = strip_span(masked, unit_start, lead_end)
    if lead is None:
        return False
    lead_is_quote = masked[lead[0]] == _QUOTE and quote_end(masked, lead[0]) >= lead_end - 1
    comma = masked.find(",", source[1], unit_end)
    rest = masked[source[1]:unit_end if comma == -1 else comma]
    rest_words = [w.lower() for w in _WORDS.findall(rest)]
    if ":" in rest or rest_words[:1] == ["that"]:
        return False
    if lead_is_quote:
        return True
    lead_words = [w.lower() for w in _WORDS.findall(masked, lead[0], lead[1])]
    quoted = _QUOTE in masked[lead[0]:lead[1]]
    if len(lead_words) + (_MIN_LEAD_WORDS if quoted else 0) < _MIN_LEAD_WORDS:
        return False
    if lead_words[:1] in (["a"], ["an"]) and len(lead_words) <= _MAX_NAME_WORDS and not any(
        w in load_words("auxiliaries") for w in lead_words
    ):
        return False  # "A self-professed independent, Cuban said ...": an appositive
    quote_led = masked[lead[0]] == _QUOTE  # '"...," because ..., he said'
    if _is_adverbial_lead(lead_words) and "," not in masked[lead[0]:lead[1]] and not quote_led:
        return False  # "On Thursday, Horne said ..." / "When asked, she said ..."
    if _QUOTE in rest or "that" in rest_words or masked[source[1]:].lstrip(" ,:")[:1] == _QUOTE:
        return False
    boundaries = load_words("source_boundaries")
    cut = next((i for i, w in enumerate(rest_words) if w in boundaries and i > 0), len(rest_words))
    if cut <= _MAX_TAIL_WORDS:
        return True  # "..., Rubio said Sunday in Virginia as the crowd roared"
    short_listener = takes_listener and len(rest_words) <= _MAX_LISTENER_PHRASE_WORDS
    return _is_opener(rest_words[0]) or short_listener


def _is_adverbial_lead(words: list[str]) -> bool:
    """'On Thursday', 'But when asked' -- not 'But he operates ...' or 'This has been ...'."""
    while len(words) > 1 and words[0] in _CONJUNCTIONS:
        words = words[1:]
    if not words or not _is_opener(words[0]):
        return False
    return len(words) < 2 or words[1] not in load_words("auxiliaries")


def _is_opener(word: str) -> bool:
    """A word that opens an adverbial phrase or clause: 'in', 'when', 'speaking', 'asked'."""
    return (
        word in load_words("clause_openers")
        or word in load_words("source_boundaries")
        or (word.endswith("ing") and len(word) > 4)
    )


def is_inverted_source(
    masked: str, unit_start: int, lead_end: int, source: tuple[int, int], unit_end: int
) -> bool:
    """Is "<lead>, <cue> <source>" an inverted attribution ("..., tweeted Emily Horne")?

    Guards against "Greg Raiff, chief executive, said the Boeing was ...", where the words after
    the cue are the content: an inverted source holds no auxiliary, and the lead is not a name
    followed by an appositive.
    """
    if not is_clause_tail(masked, unit_start, lead_end, source, unit_end):
        return False
    lead = strip_span(masked, unit_start, lead_end)
    if lead is not None and _is_whole_quote(masked, lead[0], lead_end):
        return True
    words = [w.lower() for w in _WORDS.findall(masked, *source)]
    if len(words) > 1 and words[0] in _PERSONAL_PRONOUNS:
        return False  # "..., said he fully supports it": the cue's subject comes before it
    relative = next((i for i, w in enumerate(words) if w in _RELATIVE_PRONOUNS), len(words))
    if relative > _MAX_INVERTED_SOURCE_WORDS or any(
        w in load_words("auxiliaries") for w in words[:relative]
    ):
        return False
    first_chunk = masked[unit_start:lead_end].split(",", 1)
    if len(first_chunk) == 2:
        if _WORDS.findall(first_chunk[1])[:1] in (["who"], ["which"]):
            return False  # "Sweeney, who serves ..., said contractors ...": a subject leads
        names = [w for w in _WORDS.findall(_BRACKETED.sub(" ", first_chunk[0]))  # "(D-Va.)"
                 if w not in _NAME_CONNECTORS]  # "Mike Coffman of Colorado"
        if len(names) <= _MAX_NAME_WORDS and all(w[0].isupper() for w in names):
            return False
        return not role_then_name(first_chunk[0], first_chunk[1].split(",", 1)[0])
    return True



def phrase_source(
    masked: str, unit_start: int, cue_start: int, cue_end: int, unit_end: int
) -> tuple[tuple[int, int] | None, Content | None]:
    """Source and content around "according to X": "according to X, C" or "C, according to X"."""
    comma = masked.find(",", cue_end, unit_end)
    source_end = unit_end if comma == -1 else comma
    for stop in (";", ":", "—", "("):
        found = masked.find(stop, cue_end, source_end)
        if found != -1:
            source_end = found
    source = strip_span(masked, cue_end, source_end)
    if source is None or len(_WORDS.findall(masked, *source)) > _MAX_PHRASE_SOURCE_WORDS:
        return None, None
    before = strip_span(masked, unit_start, cue_start)
    before_words = _WORDS.findall(masked, *before) if before else []
    opener = not before_words or (
        before_words[0].lower() in load_words("clause_openers") and len(before_words) <= 2
    )
    if opener and source_end < unit_end and masked[source_end] == ",":
        named = masked.find(",", source_end + 1, unit_end)  # "according to the coach, Ali Reza,"
        if named != -1 and role_then_name(masked[source[0]:source[1]],
                                           masked[source_end + 1:named]):
            source, source_end = (source[0], named), named
        after = strip_span(masked, source_end + 1, unit_end)
        return source, None if after is None else _clause(masked, *after)
    whole = strip_span(masked, cue_end, unit_end)  # "..., according to officials in A, B, and C."
    if whole is not None and len(_WORDS.findall(masked, *whole)) <= _MAX_PHRASE_SOURCE_WORDS:
        source = whole
    lead_end = cue_start
    while lead_end > unit_start and masked[lead_end - 1] in " \t\n,":
        lead_end -= 1
    return source, content_before(masked, unit_start, lead_end)


def colon_source(
    masked: str, unit_start: int, unit_end: int
) -> tuple[tuple[int, int], tuple[int, int], Content] | None:
    """'Horne: "This is not true."': a short name, a colon, then a quotation."""
    match = _COLON_LEAD.match(masked, unit_start, unit_end)
    if match is None:
        return None
    words = [m.group() for m in TOKEN.finditer(match.group(1))]
    if len(words) > _MAX_COLON_SOURCE_WORDS or any(is_cue_word(w) for w in words):
        return None
    if not any(w[0].isupper() for w in words) or not looks_like_source(words):
        return None
    opening = match.end()
    if masked[opening] != _QUOTE:
        # A headline: "Gingrich: Trump Must Decide ...": only a bare name may stand before it.
        if len(words) > _MAX_NAME_WORDS or not all(w[0].isupper() for w in words):
            return None
        region = strip_span(masked, opening, unit_end)
        content = None if region is None else _clause(masked, *region)
        return None if content is None else (match.span(1), match.span(2), content)
    closing = quote_end(masked, opening)
    if masked[closing:unit_end].strip(_TRAILING + _QUOTE) == "":
        content = _quotation(masked, opening, closing)
    else:
        region = strip_span(masked, opening, unit_end)
        content = None if region is None else _clause(masked, *region)
    if content is None:
        return None
    return match.span(1), match.span(2), content


def _is_whole_quote(masked: str, start: int, lead_end: int) -> bool:
    return masked[start] == _QUOTE and quote_end(masked, start) >= lead_end - 1


def _quotation(masked: str, start: int, end: int) -> Content | None:
    inner_start = start
    while inner_start < end and masked[inner_start] == _QUOTE:
        inner_start += 1
    inner_end = end
    while inner_end > inner_start and masked[inner_end - 1] == _QUOTE:
        inner_end -= 1
    if inner_end <= inner_start:
        return None
    return inner_start, inner_end, True


def _clause(masked: str, start: int, end: int, min_words: int = 2) -> Content | None:
    """A reported clause needs two words (a quotation inside it counts as words)."""
    words = sum(1 for _ in islice(_WORDS.finditer(masked, start, end), min_words))
    if words < min_words and words + masked.count(_FILL * 2, start, end) < min_words:
        return None
    return start, end, False
