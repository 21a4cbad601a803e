"""Benchmarks (`make bench`): quality and speed figures against ../shared/eval/."""
