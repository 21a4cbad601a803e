"""Word lists grouped by role, as data files (see README.md here)."""
