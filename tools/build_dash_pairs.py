"""Build the table of word pairs the corpus writes with a dash between ("kinh tế - xã hội").

    python tools/build_dash_pairs.py [CORPUS_DIR] [-o src/digitize/pipeline/data/dash_pairs.txt]

The language model (``tools/build_lm.py``) counts any punctuation as one class ``<p>``, so a pair it shows
with a mark between may be a comma list ("sửa đổi, bổ sung", "tổ chức, cá nhân"). This counts, for two
syllables with one mark between on a line, how often that mark is a dash (-, –, —) and how often any mark,
and writes only the pairs written with a dash ``--min`` times at least and as ``--share`` of their marked
times at least, one a line: ``a<TAB>b<TAB>dashed<TAB>marked`` (syllable keys:
``digitize.pipeline.syllable.key``).
Derived counts only, never the text.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tools"))

from build_lm import TOKEN, VIET  # noqa: E402

from digitize.pipeline.syllable import key  # noqa: E402

DASHES = frozenset("-–—")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("-o", "--out", default=str(REPO / "src/digitize/pipeline/data/dash_pairs.txt"))
    ap.add_argument("--min", type=int, default=20)
    ap.add_argument("--share", type=float, default=0.5)
    args = ap.parse_args()
    dashed: Counter[tuple[str, str]] = Counter()
    marked: Counter[tuple[str, str]] = Counter()
    for f in sorted(Path(args.corpus).glob("*/text/*.txt")):
        text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8", errors="replace"))
        for line in text.splitlines():
            toks = TOKEN.findall(line.lower())
            for a, m, b in zip(toks, toks[1:], toks[2:], strict=False):
                if m.isalnum() or not (VIET.match(a) and VIET.match(b)):
                    continue
                pair = (key(a), key(b))
                marked[pair] += 1
                if m in DASHES:
                    dashed[pair] += 1
    rows = sorted(
        (p, n, marked[p]) for p, n in dashed.items() if n >= args.min and n >= args.share * marked[p]
    )
    out = Path(args.out)
    out.write_text(
        "# word pairs the corpus writes with a dash between: a, b (syllable keys), dashed, marked\n"
        "# built by tools/build_dash_pairs.py from ../shared/corpus\n"
        + "".join(f"{a}\t{b}\t{n}\t{m}\n" for (a, b), n, m in rows),
        encoding="utf-8",
    )
    print(f"{len(rows)} pairs -> {out}")


if __name__ == "__main__":
    main()
