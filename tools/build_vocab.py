"""Build the notation abbreviations of ``digitize.pipeline.fields.vocab`` from the corpus.

    python tools/build_vocab.py [CORPUS_DIR] [-o src/digitize/pipeline/data/notation_abbreviations.txt]

Reads ``../shared/corpus`` (public-domain legal and administrative text, see ``tools/build_lm.py``) and writes
only a derived table, never the text: the parts of document notations ("Số: 12/2024/TT-BLĐTBXH" → TT,
BLĐTBXH) with a Đ in them, seen at least ``--min`` times, one a line with its count. These are the
abbreviations whose Đ OCR may read as D ("BLDTBXH"): general knowledge of the central organs' and their
units' abbreviations, not the generator's pools (tuning on ``samples.axes``' dev/alt organs would not carry
to other organs).
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"\b\d+/(?:\d{4}/)?([A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ]*)+)")
# a printed abbreviation: capitals (and Đ), a lower-case letter only after a capital ("TTr", "SNgV", "GDTrH")
PART = re.compile(r"^[A-ZĐ](?:[A-ZĐ]|[A-Z][a-z])*$")


def count_parts(corpus: Path) -> Counter[str]:
    parts: Counter[str] = Counter()
    for f in sorted(corpus.glob("*/text/**/*")):
        if not f.is_file():
            continue
        text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8", errors="ignore"))
        for m in NUMBER.finditer(text):
            for p in m.group(1).split("-"):
                if PART.match(p):
                    parts[p] += 1
    return parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument(
        "-o", "--out", default=str(REPO / "src/digitize/pipeline/data/notation_abbreviations.txt")
    )
    ap.add_argument("--min", type=int, default=2, help="fewest times a part must be seen")
    args = ap.parse_args()
    parts = count_parts(Path(args.corpus))
    kept = sorted(
        ((p, c) for p, c in parts.items() if "Đ" in p and c >= args.min), key=lambda x: (-x[1], x[0])
    )
    # a rare part one letter short of a frequent one is that one cut short by a typo ("BLĐTBX" of BLĐTBXH)
    kept = [
        (p, c)
        for p, c in kept
        if not any(q.startswith(p) and len(q) == len(p) + 1 and d >= 10 * c for q, d in kept)
    ]
    lines = ["# notation parts with a Đ seen in ../shared/corpus (tools/build_vocab.py): part count"]
    lines += [f"{p} {c}" for p, c in kept]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} parts written to {args.out}")


if __name__ == "__main__":
    main()
