"""Extractive summaries on top of sumy, with chat rules."""
