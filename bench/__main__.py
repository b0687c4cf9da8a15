"""Run the benchmarks and print their figures: ``python -m bench [NAME...]``.

Each benchmark is a module ``bench/<name>.py`` with a ``main()``; the ones listed in ``BENCHMARKS`` run by
default, in that order (a module not present yet is skipped).
"""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS: list[str] = ["ocr", "fields", "store", "workers", "sign", "verify", "web", "preserve", "split"]


def run(names: list[str]) -> int:
    failed = 0
    for name in names:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bench.{name}":
                print(f"== {name}: not present, skipped", flush=True)
                continue
            raise
        print(f"== {name}", flush=True)
        t0 = time.monotonic()
        try:
            module.main()
        except Exception as exc:  # one benchmark failing does not hide the others' figures
            failed += 1
            print(f"!! {name} failed: {exc!r}", flush=True)
        print(f"== {name}: {time.monotonic() - t0:.1f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:] or BENCHMARKS))
