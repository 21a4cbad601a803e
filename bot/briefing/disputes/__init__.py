"""Disputed points: explicit contests and who holds which side."""
