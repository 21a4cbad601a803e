"""Text basics: sentences, content words and the one stop-word list."""
