"""Run the benchmarks and print their figures: ``python -m bench [NAME...]``.

Each benchmark is a module ``bench/<name>.py`` with a ``main()``; the ones listed in ``BENCHMARKS`` run by
default, in that order. A benchmark that cannot be imported or fails is reported and makes the run fail
(exit 1) after the others have printed their figures.
"""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS: list[str] = ["ocr", "fields", "store", "workers", "sign", "verify", "web", "preserve", "split"]


def run(names: list[str]) -> int:
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        t0 = time.monotonic()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception as exc:  # one benchmark failing does not hide the others' figures
            failed += 1
            print(f"!! {name} failed: {exc!r}", flush=True)
        print(f"== {name}: {time.monotonic() - t0:.1f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:] or BENCHMARKS))
