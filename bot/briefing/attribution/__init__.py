"""Attribution: who said what (quotes, cues, sources, contents)."""
