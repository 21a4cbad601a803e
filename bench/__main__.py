"""Run every benchmark, or the ones named: `python -m bench [summary attribution ...]`."""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = ["language", "actors", "summary", "attribution", "positions", "disputes", "speed",
              "extraction", "store", "followups", "bursts", "scale", "hostile", "memory"]


def main(argv: list[str]) -> int:
    # Options after the names go to a benchmark that takes them: `followups --limit 500`.
    split = next((i for i, arg in enumerate(argv) if arg.startswith("-")), len(argv))
    names, options = argv[:split] or BENCHMARKS, argv[split:]
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
        module.main(options) if options else module.main()
        print(f"({name} took {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
