"""The language layer: the shipped model, offsets into the text, and the treebank reader."""

from pathlib import Path

import spacy

from bot.briefing.language.analysis import analyse
from bot.briefing.language.corpus import read_docs
from bot.briefing.language.pipeline import MODEL_DIR, RUNTIME_EXCLUDED, pipeline
from bot.briefing.text.sentences import split_sentences


def test_model_ships_in_the_package_with_its_licence():
    assert (MODEL_DIR / "meta.json").is_file()
    assert (MODEL_DIR / "LICENSE.md").is_file()
    nlp = pipeline()
    assert {"tagger", "ner", "trainable_lemmatizer"} <= set(nlp.pipe_names)
    assert not set(RUNTIME_EXCLUDED) & set(nlp.pipe_names)


def test_tokens_and_entities_slice_the_text():
    text = ("President Joe Biden spoke in Washington on Monday.\n\n"
            "He said the talks with Russia would go on.")
    analysis = analyse(text, split_sentences(text))
    words = [text[a:b] for a, b in zip(analysis.starts, analysis.ends, strict=True)]
    assert words[:4] == ["President", "Joe", "Biden", "spoke"]
    assert analysis.tag_at(text.index("said")) == "VBD"
    assert analysis.is_proper(text.index("Biden"), text.index("Biden") + 5)
    assert analysis.has_verb(0, text.index("."))
    assert not analysis.has_verb(text.index("Washington"), text.index(" on"))
    biden = analysis.entity_over(text.index("Joe"), text.index(" spoke"))
    assert biden is not None and biden.kind == "person"


def test_long_text_is_read_in_chunks_with_offsets_kept():
    sentence = "Maria Lopez met Tom Reed in Madrid on Friday. "
    text = sentence * 400
    analysis = analyse(text, split_sentences(text))
    assert len(analysis.starts) == 400 * 10
    last = text.rindex("Madrid")
    assert text[analysis.starts[-2]:analysis.ends[-2]] == "Friday"
    assert analysis.is_proper(last, last + len("Madrid"))


def test_empty_text_has_no_evidence():
    analysis = analyse("", [])
    assert analysis.starts == () and analysis.entities == ()
    assert analysis.entity_over(0, 10) is None


CONLLU = """\
# newdoc id = demo
# text = U.S. President Donald Trump met the United States Navy.
1	U.S.	U.S.	PROPN	NNP	_	3	compound	_	Entity=(1-person-new-x-cf1-1-coref(2-place-new-x-cf2-1-sgl)
2	President	President	PROPN	NNP	_	3	compound	_	_
3	Donald	Donald	PROPN	NNP	_	5	nsubj	_	_
4	Trump	Trump	PROPN	NNP	_	3	flat	_	Entity=1)
5	met	meet	VERB	VBD	_	0	root	_	_
6	the	the	DET	DT	_	9	det	_	Entity=(3-organization-new-x-cf3-1-sgl
7	United	Unite	VERB	NNP	_	8	amod	_	_
8	States	State	PROPN	NNPS	_	9	compound	_	_
9	Navy	Navy	PROPN	NNP	_	5	obj	_	Entity=3)|SpaceAfter=No
10	.	.	PUNCT	.	_	5	punct	_	_

"""


def test_treebank_reader_keeps_named_mentions_typed(tmp_path: Path):
    path = tmp_path / "demo.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    [doc] = read_docs(path, spacy.blank("en").vocab)
    assert doc.text.strip() == "U.S. President Donald Trump met the United States Navy."
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("U.S.", "PLACE"), ("President Donald Trump", "PERSON"), ("United States Navy", "ORG")]
    assert doc[4].lemma_ == "meet" and doc[4].tag_ == "VBD" and doc[4].dep_ == "ROOT"
