"""Run every benchmark, or the ones named: `python -m bench [summary attribution ...]`."""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = ["language", "actors", "summary", "attribution", "disputes", "speed", "extraction",
              "store", "bursts", "scale", "hostile"]


def main(argv: list[str]) -> int:
    names = argv or BENCHMARKS
    for name in names:
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
            return 2
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"bench.{name}":
                raise
            print(f"\n## {name}: not built yet, skipped")
            continue
        print(f"\n## {name}")
        started = time.perf_counter()
        module.main()
        print(f"({name} took {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
