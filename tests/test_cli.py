"""The command line as a user runs it: a real subprocess, exit codes, stderr, JSON Lines."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.support.articles import ENERGY, article_html
from tests.support.site import page

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_696627c64d0d201d.txt"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=REPO, input=stdin.decode() if stdin else None,
        capture_output=True, text=True, timeout=120,
    )


def test_text_brief_of_the_seed_is_terse():
    result = run_cli("brief", str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert 12 <= len(lines) <= 20
    assert lines[0].startswith("Ukraines president")
    assert any(line.startswith("Who:") for line in lines)
    assert "Positions:" in lines and "Disputed:" in lines


def test_json_lines_in_input_order_with_error_lines(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("brief", "--format", "json", str(SEED), str(tmp_path / "missing.txt"),
                     str(empty), str(SEED))
    assert result.returncode == 2
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    assert records[0]["article"]["title"] == records[3]["article"]["title"]
    assert records[1] == {"input": str(tmp_path / "missing.txt"), "error": records[1]["error"]}
    assert "no such file" in records[1]["error"] and "empty" in records[2]["error"]
    assert "Traceback" not in result.stderr


def test_markdown_and_sentence_count():
    result = run_cli("brief", "--format", "markdown", "--sentences", "2", str(SEED))
    assert result.returncode == 0
    assert result.stdout.startswith("**[")
    bullets = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert len(bullets) >= 2


def test_standard_input():
    result = run_cli("brief", "-", "--format", "json", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout)["article"]["url"].startswith("https://news.yahoo.com")


def test_bad_inputs_give_one_line_and_exit_2(tmp_path):
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    short = tmp_path / "short.txt"
    short.write_text("Only a few words here.")
    for path in (tmp_path / "nope.txt", binary, short):
        result = run_cli("brief", str(path))
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("error: ")


def test_unknown_summary_method_is_a_clear_error():
    result = run_cli("brief", "--method", "nonsense", str(SEED))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "nonsense" in result.stderr


def test_url_input_through_the_fetcher_with_the_allowlist(tmp_path, site):
    site.routes["/page.html"] = page(article_html("Energy bills to fall in April", ENERGY))
    env = {**os.environ, "FETCH_ALLOWLIST": "127.0.0.1", "DATABASE_URL":
           f"sqlite:///{tmp_path}/unused.db"}
    allowed = subprocess.run(
        [sys.executable, "-m", "bot", "brief", "--format", "json", site.url("/page.html")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert allowed.returncode == 0, allowed.stderr
    record = json.loads(allowed.stdout)
    assert record["article"]["title"] == "Energy bills to fall in April"
    assert record["article"]["url"] == site.url("/page.html")
    env.pop("FETCH_ALLOWLIST")
    blocked = subprocess.run(
        [sys.executable, "-m", "bot", "brief", site.url("/page.html")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert blocked.returncode == 2
    assert "private or local network" in blocked.stderr
    assert "Traceback" not in blocked.stderr


GERMAN = ("Die Bürger der Stadt haben am Montag gegen die geplante Erhöhung der Gebühren "
          "protestiert. Der Bürgermeister sagte, die Stadt habe keine andere Wahl, weil die "
          "Kosten für Energie und Personal stark gestiegen seien. Die Opposition im Stadtrat "
          "kritisierte den Plan scharf und forderte eine Volksabstimmung über die Gebühren. ")
CHINESE = ("市议会周二投票批准在河上修建一座新桥，结束了该镇长达十多年的辩论。市长简·波特说，这座桥将缩短"
           "数千名居民的通勤时间，并为长期感到被忽视的东部地区带来新的商业。")


def test_bad_inputs_each_get_one_clear_line_and_nothing_else(tmp_path):
    """Issue 17.13 (and 17.11): schemes, languages and a blocked URL, one line each."""
    german, chinese = tmp_path / "german.txt", tmp_path / "chinese.txt"
    german.write_text("Protest gegen Gebühren\n\n" + GERMAN * 2)
    chinese.write_text("新桥\n\n" + CHINESE)
    inputs = ["ftp://files.example/a.txt", "file:///etc/hostname", "javascript:alert(1)",
              "http://ann:hunter2@127.0.0.1:9/private", str(german), str(chinese)]
    result = run_cli("brief", *inputs)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(inputs), result.stderr  # no WARNING line besides each error
    ftp, file, script, private, in_german, in_chinese = lines
    assert "ftp: links are not supported" in ftp and "no such file" not in ftp
    assert "file: links are not supported" in file
    assert "javascript: links are not supported" in script
    assert "hunter2" not in result.stderr and "http://***@127.0.0.1:9/private" in private
    assert "only English" in in_german
    assert "only English" in in_chinese and "too short" not in in_chinese


def test_sentence_counts_below_one_are_refused(capsys):
    """Issue 17.13: --sentences 0 silently gave 3 sentences and -1 gave none."""
    import pytest

    from bot.cli import build_parser

    for value in ("0", "-1", "²", "11"):
        with pytest.raises(SystemExit) as exited:
            build_parser().parse_args(["brief", "--sentences", value, str(SEED)])
        assert exited.value.code == 2
        assert "whole number from 1 to 10" in capsys.readouterr().err
    assert build_parser().parse_args(["brief", "--sentences", "2", "x"]).sentences == 2


def test_services_refuse_a_summary_of_no_sentences():
    import pytest

    from bot.bootstrap import bootstrap
    from bot.errors import InputError
    from bot.inputs import read_input
    from bot.settings import Settings

    services = bootstrap(Settings(_env_file=None))  # type: ignore[call-arg]
    article = read_input(str(SEED))
    for count in (0, -1):
        with pytest.raises(InputError, match="at least one sentence"):
            services.brief_article(article, sentences=count)
    assert len(services.brief_article(article, sentences=1).summary) == 1


def test_db_current_reports_and_changes_nothing(tmp_path):
    database = tmp_path / "bot.db"
    env_url = f"sqlite:///{database}"

    def db(action: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", "db", action], cwd=REPO,
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "DATABASE_URL": env_url})

    before = db("current")
    assert before.returncode == 0, before.stderr
    assert "revision none: behind" in before.stdout
    if database.exists():  # opening SQLite may create the file, but no table in it
        with sqlite3.connect(database) as connection:
            assert connection.execute("select count(*) from sqlite_master").fetchone() == (0,)
    assert db("upgrade").returncode == 0
    after = db("current")
    assert "up to date" in after.stdout
