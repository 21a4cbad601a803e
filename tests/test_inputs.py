"""Each reader: seed format, plain text, HTML, standard input, and the refusals."""

import gzip
from pathlib import Path

import pytest

from bot.errors import InputError
from bot.inputs import article_from_text, read_input

BODY = " ".join(["The council met on Tuesday and agreed a new budget for the town."] * 6)
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_696627c64d0d201d.txt"


def test_seed_format(tmp_path):
    path = tmp_path / "a.txt"
    raw = f"Budget agreed\n20240105\nhttps://example.org/news/1\n{BODY}\nSecond paragraph.\n"
    path.write_text(raw)
    article = read_input(str(path))
    assert article.title == "Budget agreed"
    assert article.published == "2024-01-05"
    assert article.url == "https://example.org/news/1"
    assert article.source == "example.org"
    assert article.text in raw and article.text.startswith("The council")


def test_plain_text_title_when_blank_line_follows():
    raw = f"Budget agreed\n\n{BODY}\n"
    article = article_from_text(raw)
    assert article.title == "Budget agreed"
    assert raw.index(article.text) > 0 and article.text.startswith("The council")


def test_plain_text_without_title_line_keeps_all_text():
    article = article_from_text(BODY)
    assert article.text == BODY


def test_html_page_is_extracted(tmp_path):
    paragraphs = "".join(f"<p>{BODY} Paragraph {i}.</p>" for i in range(3))
    page = (f"<!doctype html><html><head><title>Budget agreed</title></head><body>"
            f"<nav>Home News</nav><article><h1>Budget agreed</h1>{paragraphs}</article>"
            f"</body></html>")
    path = tmp_path / "page.html"
    path.write_text(page)
    article = read_input(str(path))
    assert "The council met" in article.text
    assert "Home News" not in article.text
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(page.encode()))
    assert "The council met" in read_input(str(gz)).text


def test_standard_input(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode())))
    assert read_input("-").text == BODY


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02binary" * 50, "binary"),
     (b"Too short to brief.", "too short"), (b"\xff\xfe\xfa bad bytes " * 20, "UTF-8")],
)
def test_bad_files_are_refused(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_input(str(path))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="not a file"):
        read_input(str(tmp_path))


def test_seed_article_reads():
    article = read_input(str(SEED))
    assert article.title.startswith("Ukraines president")
    assert SEED.read_text().find(article.text) > 0


def test_gzip_bomb_is_refused_without_inflating_it(tmp_path):
    """Issue 17.3: a small .html.gz that inflates far past the input cap is refused in a
    bounded stream; the whole of it is never held in memory."""
    import tracemalloc

    from bot.inputs import MAX_INPUT_BYTES

    member = gzip.compress(b"<html><body>" + b" " * (8 * 1_000_000), compresslevel=9)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(member * 12)  # several members: about 96 MB once inflated
    assert path.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="too large"):
            read_input(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_INPUT_BYTES


def test_truncated_and_multi_member_gzip(tmp_path):
    page = f"<!doctype html><html><body><article><p>{BODY}</p></article></body></html>".encode()
    whole = gzip.compress(page[:40]) + gzip.compress(page[40:])
    path = tmp_path / "two.html.gz"
    path.write_bytes(whole)
    assert "The council met" in read_input(str(path)).text
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError, match="damaged"):
        read_input(str(path))


@pytest.mark.parametrize("link", ["ftp://files.example/a.txt", "FILE:///etc/passwd",
                                  "javascript:alert(1)", "data:text/html,<p>x</p>",
                                  "gopher://old.example/1"])
def test_links_other_than_http_are_refused_by_scheme(link):
    """Issue 17.13: these were reported as "no such file"."""
    with pytest.raises(InputError, match="links are not supported"):
        read_input(link)


def test_a_file_whose_name_looks_like_a_scheme_is_still_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes:today.txt").write_text(f"Notes\n\n{BODY}\n")
    assert read_input("notes:today.txt").title == "Notes"


def test_chinese_text_is_counted_in_characters_and_refused_as_not_english():
    """Issue 17.13: 100 Chinese characters were "too short: 7 words"."""
    from bot.briefing.model import Article
    from bot.briefing.text.language import count_words
    from bot.inputs import check_briefable

    text = "市议会周二投票批准在河上修建一座新桥，结束了该镇长达十多年的辩论。 市长说，这座桥将缩短居民的通勤时间。" * 2
    assert count_words(text) > 40
    assert count_words("The council met on Tuesday.") == 5
    with pytest.raises(InputError, match="only English") as refused:
        check_briefable(Article(title="新桥", text=text))
    assert "too short" not in refused.value.user_message


@pytest.mark.parametrize("text", [
    "Die Bürger der Stadt haben am Montag gegen die geplante Erhöhung der Gebühren protestiert, "
    "und der Bürgermeister sagte, die Stadt habe keine andere Wahl. " * 3,
    "Les habitants de la ville ont manifesté lundi contre la hausse prévue des tarifs, et le "
    "maire a déclaré que la ville n'avait pas d'autre choix. " * 3,
    "Жители города в понедельник протестовали против повышения тарифов, а мэр заявил, что у "
    "города нет другого выбора. " * 3,
])
def test_non_english_articles_are_refused_with_a_clear_message(text):
    """Issue 17.13: German text was briefed with junk actors (Bürger, Montag as persons)."""
    from bot.briefing.model import Article
    from bot.inputs import check_briefable

    with pytest.raises(InputError, match="only English articles can be briefed"):
        check_briefable(Article(title="t", text=text))


def test_english_articles_pass_the_language_check():
    from bot.inputs import check_briefable

    assert check_briefable(read_input(str(SEED))).text
    assert check_briefable(article_from_text(BODY)).text == BODY
