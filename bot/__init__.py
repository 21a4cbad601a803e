"""Briefing bot: terse, traceable briefs of news articles for Slack and Discord."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
