"""Summaries of real pages and of the GUM documents, through the whole engine.

Real pages (`article-extraction/`): each page is extracted with the project's extractor,
briefed, and every summary sentence is checked against the page's gold `articleBody`. A
sentence is inside when its word sequence (lower-cased letters and digits, so that quote
styles and spacing do not count) occurs in the gold text; the strict column also asks for
the exact characters, whitespace aside. Lead-3 and sumy's best BBC method run on the same
extracted text, the headline removed as the engine removes it.

GUM (`gum/dep/`): the news, interview and voyage documents, each with five one-sentence
summaries. ROUGE-1 F1 of the one-sentence brief against each summary, averaged. Lead-1 is
the first sentence after the headline with at least MIN_WORDS words.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bench.common import print_table, require_eval
from bot.briefing.engine import build_brief
from bot.briefing.model import Article
from bot.briefing.summary.rank import sumy_top
from bot.briefing.summary.summarize import MIN_WORDS
from bot.briefing.text.sentences import split_sentences, words
from bot.fetch.errors import NoArticleText
from bot.fetch.extract import extract_article

GUM_GENRES = ("news", "interview", "voyage")
_WORD = re.compile(r"[^\W_]+")
Summariser = Callable[[Article], list[str]]


@dataclass(frozen=True)
class Page:
    key: str
    article: Article
    gold: str


def word_key(text: str) -> str:
    """Lower-cased words, space-separated and space-framed, for whole-word containment."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " " + " ".join(_WORD.findall(folded)) + " "


def load_pages() -> list[Page]:
    root = require_eval("article-extraction")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in sorted(gold.items()):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        try:
            article = extract_article(html, entry.get("url"))
        except NoArticleText:
            continue
        pages.append(Page(key, article, entry.get("articleBody") or ""))
    return pages


def body_sentences(article: Article) -> list[str]:
    """The article's sentences without the headline line, as the baselines see them."""
    title = word_key(article.title)
    return [s.text for s in split_sentences(article.text) if word_key(s.text) != title]


def summarisers(count: int) -> dict[str, Summariser]:
    def lead(article: Article) -> list[str]:
        return body_sentences(article)[:count]

    def reduction(article: Article) -> list[str]:
        spans = split_sentences("\n".join(body_sentences(article)))
        return [spans[i].text for i in sumy_top(spans, "reduction", count)]

    def ours(article: Article) -> list[str]:
        return [s.text for s in build_brief(article, count).summary]

    return {f"lead-{count}": lead, "sumy reduction": reduction, "ours (brief)": ours}


def pages_table(pages: list[Page]) -> None:
    rows = []
    for name, summarise in summarisers(3).items():
        inside = strict = total = 0
        started = time.perf_counter()
        for page in pages:
            gold_words, gold_text = word_key(page.gold), " ".join(page.gold.split())
            for sentence in summarise(page.article):
                total += 1
                inside += word_key(sentence) in gold_words
                strict += " ".join(sentence.split()) in gold_text
        elapsed = (time.perf_counter() - started) * 1000 / max(len(pages), 1)
        rows.append([name, total, inside / total, strict / total, elapsed])
    print_table(["method", "sentences", "inside (words)", "inside (strict)", "ms/page"], rows)


@dataclass(frozen=True)
class GumDocument:
    name: str
    article: Article
    summaries: tuple[str, ...]


def load_gum() -> list[GumDocument]:
    root = require_eval("gum") / "dep"
    documents = []
    for genre in GUM_GENRES:
        for path in sorted(root.glob(f"GUM_{genre}_*.conllu")):
            documents.append(_read_conllu(path.stem, path.read_text(encoding="utf-8")))
    return documents


def _read_conllu(name: str, text: str) -> GumDocument:
    title, summaries, paragraphs = "", [], []
    for line in text.splitlines():
        if line.startswith("# meta::title = "):
            title = line.split("= ", 1)[1].strip()
        elif line.startswith("# meta::summary"):
            summaries.append(re.sub(r"^\([^)]*\)\s*", "", line.split("= ", 1)[1].strip()))
        elif line.startswith("# newpar") and not line.startswith("# newpar_"):
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line.split("= ", 1)[1].strip())
    body = "\n".join(" ".join(p) for p in paragraphs if p)
    return GumDocument(name, Article(title=title, text=body, url=None), tuple(summaries))


def gum_table(documents: list[GumDocument]) -> None:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)

    def lead_1(article: Article) -> list[str]:
        long_enough = [s for s in body_sentences(article) if len(words(s)) >= MIN_WORDS]
        return long_enough[:1]

    methods: dict[str, Summariser] = {"lead-1": lead_1,
                                      "ours (brief)": summarisers(1)["ours (brief)"]}
    rows = []
    for name, summarise in methods.items():
        by_genre: dict[str, list[float]] = {g: [] for g in GUM_GENRES}
        for document in documents:
            picked = " ".join(summarise(document.article))
            f1 = statistics.fmean(scorer.score(ref, picked)["rouge1"].fmeasure
                                  for ref in document.summaries)
            by_genre[document.name.split("_")[1]].append(f1)
        every = [v for values in by_genre.values() for v in values]
        rows.append([name, statistics.fmean(every),
                     *(statistics.fmean(by_genre[g]) for g in GUM_GENRES)])
    print_table(["method", "R1 all", *(f"R1 {g}" for g in GUM_GENRES)], rows)


def main() -> None:
    pages = load_pages()
    print(f"\n### real pages: {len(pages)} pages extracted, 3 sentences each; share of "
          "summary sentences inside the gold article text\n")
    pages_table(pages)
    documents = load_gum()
    print(f"\n### GUM: {len(documents)} documents ({', '.join(GUM_GENRES)}); ROUGE-1 F1 of the "
          "one-sentence summary, mean over the five reference summaries\n")
    gum_table(documents)


if __name__ == "__main__":
    main()
