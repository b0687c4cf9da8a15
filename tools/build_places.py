"""Build the place-name gazetteer of ``digitize.pipeline.correct`` from the corpus.

    python tools/build_places.py [CORPUS_DIR] [-o src/digitize/pipeline/data/place_names.txt]

Reads ``../shared/corpus`` (public-domain legal and administrative text, see ``tools/build_lm.py``) and writes
only a derived table, never the text: the names of places of two capitalised Vietnamese syllables (the only
ones ``correct.known_place`` reads; a three-word run is counted, to be told from them, not written) the
corpus writes after an administrative level's word ("tỉnh Sa Đéc", "huyện Lục Ngạn", "xã Trảng Bàng",
"thị trấn …"), whole (no capitalised word goes on after them), each with its count, in the project's tone
convention (``hòa``, ``ủy``). A name's marks are no word's the language model can tell from its neighbours
("Trảng Bàng" and "Tràng Bằng" are both syllables): this is general knowledge of the country's places, all the
corpus names, not the generator's pools.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOW = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
CAP = f"[{UP}][{LOW}]+"
LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường")
# a level's word, then two or three capitalised syllables no other capitalised word (nor digit) goes on after
NAME = re.compile(
    rf"(?<![{UP}{LOW}])(?:{'|'.join(LEVELS)}) ({CAP}(?: {CAP}){{1,2}})(?![{UP}{LOW}0-9])(?! {CAP})"
    rf"(?: ([{LOW}]+))?",
)
LOWER_PAIR = re.compile(rf"(?<![{UP}{LOW}])(?=([{LOW}]+) ([{LOW}]+)(?![{UP}{LOW}]))")
# a name's last word and the lower-case word after it a phrase the corpus writes in lower case this often, and
# for this share of the word's phrases at least: the name is cut from an organ's ("huyện Trưởng Công an",
# "tỉnh Bộ Nội vụ"), no place's ("thành phố Phủ Lý theo …": "lý theo" is a small share of "lý …")
CUT_PAIR = 20
CUT_SHARE = 0.1
PHRASE_PAIR = 3  # (a name's two first words written in lower case at least this often may be a phrase)
COMMON_WORDS = 50  # ... unless that word is one of the corpus's commonest ("và", "có", "theo": no name's end)
COUNTRY = "Việt Nam"


def tones(text: str) -> str:
    from digitize.pipeline.fields.text import normalize_tones

    return normalize_tones(unicodedata.normalize("NFC", text))


def count_places(corpus: Path) -> Counter[str]:
    syl_file = corpus / "syllables" / "vinlp_all-vietnamese-syllables.txt"
    syllables = frozenset(tones(s.strip()).lower() for s in syl_file.read_text(encoding="utf-8").split())
    texts = [
        tones(f.read_text(encoding="utf-8", errors="ignore")) for f in sorted(corpus.glob("*/text/**/*.txt"))
    ]
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        pairs.update((m.group(1), m.group(2)) for m in LOWER_PAIR.finditer(text))
    firsts: Counter[str] = Counter()
    for (a, _), n in pairs.items():
        firsts[a] += n
    common = {w for w, _ in firsts.most_common(COMMON_WORDS)}
    places: Counter[str] = Counter()
    for text in texts:
        for m in NAME.finditer(text):
            name = m.group(1)
            last = name.split()[-1].lower()
            nxt = m.group(2)
            if (
                nxt
                and nxt not in common
                and (n := pairs[(last, nxt)]) >= CUT_PAIR
                and n >= CUT_SHARE * firsts[last]
            ):
                continue
            if name != COUNTRY and all(w.lower() in syllables for w in name.split()):
                places[name] += 1
    # a name of two words only (a three-word run, "tỉnh Ninh Bình Xây dựng …" or "Hồ Chí Minh", is no
    # two-word name: it is counted above only so its first two words are not taken for one)
    # ... and a name the corpus writes in lower case as often as capitalised is a phrase ("huyện Trưởng Công
    # an …" of "trưởng công an"), no place's
    return Counter(
        {
            k: c
            for k, c in places.items()
            if len(k.split()) == 2
            and pairs[(k.split()[0].lower(), k.split()[1].lower())] < max(c, PHRASE_PAIR)
        }
    )


def main() -> None:
    import sys

    sys.path.insert(0, str(REPO / "src"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("-o", "--out", default=str(REPO / "src/digitize/pipeline/data/place_names.txt"))
    args = ap.parse_args()
    places = count_places(Path(args.corpus))
    kept = sorted(places.items(), key=lambda x: (-x[1], x[0]))
    lines = ["# place names after a level's word in ../shared/corpus (tools/build_places.py): name<TAB>count"]
    lines += [f"{p}\t{c}" for p, c in kept]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} places written to {args.out}")


if __name__ == "__main__":
    main()
