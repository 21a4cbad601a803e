"""Log lines carry platform, channel and article; JSON when asked; secrets never appear."""

import io
import json
import logging

from bot.logs import configure_logging, log_context
from bot.settings import Settings


def capture(log_format: str) -> tuple[io.StringIO, logging.Handler]:
    configure_logging("INFO", log_format)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_briefing_bot", False))
    stream = io.StringIO()
    handler.setStream(stream)  # type: ignore[attr-defined]
    return stream, handler


def test_json_lines_carry_the_context():
    stream, _ = capture("json")
    with log_context(platform="slack", channel="C1"), log_context(article=42):
        logging.getLogger("bot.test").info("briefed")
    logging.getLogger("bot.test").info("outside")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["message"] == "briefed" and first["level"] == "INFO"
    assert (first["platform"], first["channel"], first["article"]) == ("slack", "C1", "42")
    assert second["platform"] == "-"


def test_text_lines_and_one_handler_only():
    stream, _ = capture("text")
    configure_logging("INFO", "text")
    stream, _ = capture("text")
    with log_context(platform="discord", channel="99"):
        logging.getLogger("bot.test").warning("careful")
    [line] = stream.getvalue().splitlines()
    assert "[discord 99 -] careful" in line


def test_settings_never_show_secrets():
    settings = Settings(slack_bot_token="xoxb-very-secret", discord_token="discord-secret")
    shown = repr(settings) + str(settings.model_dump())
    assert "very-secret" not in shown and "discord-secret" not in shown


def test_passwords_in_urls_are_redacted_from_every_line_and_traceback():
    """Issue 17.11: userinfo is cut from any log line, whoever writes it (httpx, a traceback)."""
    for log_format in ("text", "json"):
        stream, _ = capture(log_format)
        logging.getLogger("httpx").warning("HTTP Request: GET https://ann:pa%40ss@example.com/a")
        try:
            raise ValueError("bad page http://bob:hunter2@news.example/x")
        except ValueError:
            logging.getLogger("bot.test").exception("failed on %s", "ftp://eve:pw@files.example")
        output = stream.getvalue()
        assert "https://***@example.com/a" in output and "ftp://***@files.example" in output
        for secret in ("pa%40ss", "hunter2", "eve:pw", "bob:"):
            assert secret not in output, log_format


def test_article_parsers_keep_their_own_tracebacks_out_of_the_log():
    """Issue 17.12: readability logs `error getting summary` with a traceback on garbage; the
    bot catches the failure itself, so the parser's own lines stay out of stderr."""
    stream, _ = capture("text")
    try:
        raise ValueError("lxml choked")
    except ValueError:
        logging.getLogger("readability.readability").exception("error getting summary: ")
        logging.getLogger("trafilatura.core").error("empty HTML tree: %s", None)
    assert "Traceback" not in stream.getvalue()
    assert "readability" not in stream.getvalue()
