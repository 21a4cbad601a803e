"""Command line: `brief` one or more inputs, or `run` the bot. Wiring lives in bootstrap."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence

from bot import __version__
from bot.bootstrap import Services, bootstrap, build_conversation
from bot.errors import BotError
from bot.formats import RENDERERS
from bot.redact import redact_userinfo

log = logging.getLogger(__name__)
EXIT_BAD_INPUT = 2
MAX_SENTENCES = 10  # SUMMARY_SENTENCES allows the same range


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("--version", action="version", version=f"briefing-bot {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    brief = commands.add_parser("brief", help="brief files, URLs or '-' (standard input)")
    brief.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    brief.add_argument("--format", choices=sorted(RENDERERS), default="text")
    brief.add_argument("--sentences", type=sentence_count, default=None, metavar="N",
                       help=f"summary sentences, 1 to {MAX_SENTENCES} "
                       "(default from SUMMARY_SENTENCES, 3)")
    brief.add_argument("--method", default=None, help="summary method (default: auto)")
    run = commands.add_parser("run", help="run the bot: Slack, Discord and the digest "
                              "scheduler; the console when no chat platform is set up")
    run.add_argument("--slack-http", action="store_true",
                     help="serve Slack over HTTP on $PORT instead of Socket Mode")
    commands.add_parser("console", help="chat with the bot in this terminal")
    database = commands.add_parser("db", help="database schema: upgrade (default) or current")
    database.add_argument("action", nargs="?", choices=["upgrade", "current"], default="upgrade")
    digest = commands.add_parser("digest", help="compose a channel's digest; post or print it")
    digest.add_argument("target", metavar="PLATFORM:CHANNEL", help="e.g. console:local")
    digest.add_argument("--workspace", default=None, metavar="W",
                        help="Slack team or Discord server id (console: local)")
    digest.add_argument("--dry-run", action="store_true", help="print it; post nothing")
    digest.add_argument("--hours", type=int, default=None, metavar="N",
                        help="cover the last N hours (default: 24, or since the last digest)")
    return parser


def sentence_count(value: str) -> int:
    """--sentences N: a whole number in range; 0 or -1 is refused, not quietly replaced."""
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_SENTENCES:
        raise argparse.ArgumentTypeError(f"give a whole number from 1 to {MAX_SENTENCES}, "
                                         f"not {value!r}")
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    services = bootstrap()
    try:
        return run_command(services, args)
    finally:
        services.close()


def run_command(services: Services, args: argparse.Namespace) -> int:
    if args.command == "brief":
        quiet_logging(services)
        return brief_inputs(services, args.inputs, args.format, args.sentences, args.method)
    if args.command == "digest":
        from bot.digest.command import run_digest_command

        return run_digest_command(lambda: services.store, services.settings, services.clock(),
                                  args.target, args.workspace, args.dry_run, args.hours,
                                  sys.stdout, sys.stderr)
    if args.command == "run":
        return run_bot(services, slack_http=args.slack_http)
    if args.command == "db":
        return manage_database(services, args.action)
    if args.command == "console":
        from bot.platforms.console import run_console

        return run_console(build_conversation(services), sys.stdin, sys.stdout)
    return EXIT_BAD_INPUT


def quiet_logging(services: Services) -> None:
    """`brief` reports each failure in its one error line, so the bot's own warnings about
    the same failure would say it twice; LOG_LEVEL, when set, still shows them."""
    if "log_level" not in services.settings.model_fields_set:
        logging.getLogger().setLevel(logging.ERROR)


def run_bot(services: Services, *, slack_http: bool) -> int:
    """The chat platforms that are configured, or the console when there are none."""
    from bot.runner import configured_platforms, serve

    platforms = configured_platforms(services, slack_http=slack_http)
    if not platforms:
        from bot.platforms.console import run_console

        log.info("no chat platform configured: starting the console")
        return run_console(build_conversation(services), sys.stdin, sys.stdout)
    log.info("starting %s", " and ".join(platforms))
    return asyncio.run(serve(services, platforms, slack_http=slack_http))


def manage_database(services: Services, action: str) -> int:
    """`db upgrade` is the release step: migrations run once, before any process starts.
    `db current` only reports the schema's revision and changes nothing."""
    if action == "current":
        backend, current, newest = services.schema_status()
        state = "up to date" if current == newest else f"behind (newest is {newest})"
        print(f"{backend} schema at revision {current or 'none'}: {state}")
        return 0
    store = services.store  # opening the store upgrades it to the newest schema
    print(f"{store.backend} schema at revision {store.schema_revision()}")
    return 0


def brief_inputs(services: Services, inputs: Sequence[str], fmt: str,
                 sentences: int | None, method: str | None) -> int:
    """Brief each input in order; a bad one is reported and the others go on."""
    render = RENDERERS[fmt]
    failed = False
    for index, argument in enumerate(inputs):
        try:
            brief = services.brief_input(argument, sentences=sentences, method=method)
        except BotError as error:
            failed = True
            _report_error(argument, error.user_message, fmt)
            continue
        except Exception:  # a bug must not show a traceback to the user, but is logged
            log.exception("unexpected failure while briefing %s", redact_userinfo(argument))
            failed = True
            _report_error(argument, "internal error while briefing (see the log)", fmt)
            continue
        if fmt != "json" and index:
            print()
        print(render(brief), flush=True)
    return EXIT_BAD_INPUT if failed else 0


def _report_error(argument: str, message: str, fmt: str) -> None:
    argument = redact_userinfo(argument)
    print(f"error: {argument}: {message}", file=sys.stderr, flush=True)
    if fmt == "json":
        print(json.dumps({"input": argument, "error": message}, ensure_ascii=False), flush=True)
