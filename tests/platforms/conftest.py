"""Slack fixtures (slack_*): the app against a fake Web API, a temp store, a local site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.bootstrap import Services, bootstrap
from bot.settings import Settings
from tests.platforms.discord_harness import UKRAINE as DISCORD_UKRAINE
from tests.platforms.discord_harness import ServicesFactory, open_site
from tests.support.articles import ENERGY, article_html
from tests.support.clock import NOW
from tests.support.fake_slack import BOT_TOKEN, FakeSlack
from tests.support.site import LocalSite, page, slow_page
from tests.support.slack_requests import SIGNING_SECRET, SlackHarness

# The Discord harness's story, plus one more sentence.
UKRAINE = DISCORD_UKRAINE + (
    "Analysts said a deal on prisoners could open the way to wider negotiations over the "
    "winter.\n")
@pytest.fixture
def slack_site() -> Iterator[LocalSite]:
    local = LocalSite()
    local.routes["/energy"] = page(article_html("Energy bills to fall in April", ENERGY))
    local.routes["/ukraine"] = page(article_html("Ukraine and Russia to resume prisoner talks",
                                                 UKRAINE))
    local.routes["/slow"] = slow_page(article_html("Energy bills to fall in April", ENERGY))
    yield local
    local.close()


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def slack_settings(tmp_path, site: LocalSite, fake: FakeSlack, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path}/bot.db", "fetch_allowlist": "127.0.0.1",
        "fetch_allowed_ports": str(site.port), "fetch_retries": 0, "log_level": "WARNING",
        "slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET,
        "slack_api_url": fake.api_url,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def slack_services(tmp_path, slack_site, fake_slack) -> Iterator[Services]:
    built = bootstrap(slack_settings(tmp_path, slack_site, fake_slack), clock=lambda: NOW)
    yield built
    built.close()


@pytest.fixture
def slack(slack_services, fake_slack) -> SlackHarness:
    return SlackHarness(slack_services, fake_slack)


# Discord fixtures: the bot's services on a temp database and a local article site.

@pytest.fixture
def discord_site() -> Iterator[LocalSite]:
    local = open_site()
    yield local
    local.close()


@pytest.fixture
def make_services(tmp_path, discord_site) -> Iterator[ServicesFactory]:
    factory = ServicesFactory(tmp_path, discord_site)
    yield factory
    factory.close()
