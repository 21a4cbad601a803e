"""The fetch tests' article page and fast fetch settings."""

from __future__ import annotations

from bot.settings import Settings

ARTICLE_HTML = """<!doctype html>
<html><head>
<title>Council approves the new bridge | Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="/news/bridge?utm_source=feed">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council approves the new bridge</h1>
<p>The city council voted on Tuesday to approve the construction of a new bridge across
the river, ending a debate that has lasted for more than a decade in the town.</p>
<p>Mayor Jane Porter said the bridge would cut commuting times for thousands of residents
and bring new business to the eastern districts, which have long felt neglected.</p>
<p>Opponents, led by councillor Tom Reyes, argued that the cost estimates were too
optimistic and that the environmental review had been rushed through the committee.</p>
<p>Construction is expected to begin next spring and to last about three years, according
to the engineering firm that won the contract after a public tender last autumn.</p>
</article>
<footer>Copyright Riverside Gazette</footer>
</body></html>
"""


def make_settings(**overrides: object) -> Settings:
    """Fast limits, so slow and large cases finish in about a second."""
    values: dict[str, object] = {
        "fetch_allowlist": "127.0.0.1",
        "fetch_allowed_ports": "",
        "fetch_connect_timeout": 1.0,
        "fetch_total_timeout": 1.5,
        "fetch_max_bytes": 200_000,
        "fetch_max_redirects": 5,
        "fetch_retries": 2,
        "fetch_retry_backoff": 0.02,
        "fetch_retry_after_cap": 0.1,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]
