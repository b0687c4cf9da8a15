"""Build the syllable bigram model of administrative/legal Vietnamese used by ``digitize.pipeline.correct``.

    python tools/build_lm.py [CORPUS_DIR] [-o src/digitize/pipeline/data/vi_lm.npz] [--holdout 0.1]

Reads ``../shared/corpus`` (public-domain legal and administrative text: Công báo and Bộ Pháp điển; not
protected by copyright in Vietnam) and writes only derived, pruned counts — never the text:
- ``vocab``: syllable keys (``digitize.pipeline.syllable.key``: letters with vowel marks + tone digit, so
  ``hoá``/``hóa`` count as one), seen at least ``--min-uni`` times, plus four classes: ``<s>`` (line
  start/end), ``<num>``, ``<p>`` (punctuation), ``<unk>`` (any other word);
- ``surface``: each key's most frequent lower-case spelling in the corpus (its tone placement);
- ``uni``: counts; ``bi_key``/``bi_cnt``: bigram counts ≥ ``--min-bi`` as sorted ``left * V + right``;
- ``valid``: syllable keys of the ViNLP inventory (valid Vietnamese syllables), for the ones never seen.
Every file whose name hashes into the held-out share (default 10 %) is left out and its perplexity reported.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import math
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from digitize.pipeline.syllable import key  # noqa: E402

TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
SPECIAL = ("<s>", "<num>", "<p>", "<unk>")
VIET = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+$")


def held_out(path: Path, share: float) -> bool:
    h = int(hashlib.sha256(path.name.encode()).hexdigest()[:8], 16)
    return (h % 1000) < share * 1000


def tokens(text: str) -> list[str]:
    """Lines → class-or-syllable tokens, ``<s>`` between lines."""
    out: list[str] = ["<s>"]
    for line in unicodedata.normalize("NFC", text).splitlines():
        for tok in TOKEN.findall(line.lower()):
            if tok.isdigit():
                out.append("<num>")
            elif VIET.match(tok) and len(tok) <= 7:
                out.append(tok)
            elif tok.isalpha():
                out.append("<unk>")
            else:
                out.append("<p>")
        out.append("<s>")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("-o", "--out", default=str(REPO / "src/digitize/pipeline/data/vi_lm.npz"))
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--min-uni", type=int, default=3)
    ap.add_argument("--min-bi", type=int, default=2)
    ap.add_argument("--min-tri", type=int, default=3)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    files = sorted(corpus.glob("*/text/*.txt"))
    train = [f for f in files if not held_out(f, args.holdout)]
    test = [f for f in files if held_out(f, args.holdout)]
    surfaces: Counter[str] = Counter()
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    tri: Counter[tuple[str, str, str]] = Counter()
    for f in train:
        toks = tokens(f.read_text(encoding="utf-8", errors="replace"))
        surfaces.update(t for t in toks if t[0] != "<")
        keyed = [t if t[0] == "<" else key(t) for t in toks]
        uni.update(keyed)
        bi.update(itertools.pairwise(keyed))
        tri.update(zip(keyed, keyed[1:], keyed[2:], strict=False))
    vocab = list(SPECIAL) + sorted(k for k, c in uni.items() if c >= args.min_uni and k not in SPECIAL)
    index = {k: i for i, k in enumerate(vocab)}
    best_surface: dict[str, tuple[int, str]] = {}
    for s, c in surfaces.items():
        k = key(s)
        if k in index and c > best_surface.get(k, (0, ""))[0]:
            best_surface[k] = (c, s)
    surface = [best_surface.get(k, (0, k))[1] for k in vocab]
    unk = index["<unk>"]
    uni_arr = np.zeros(len(vocab), dtype=np.uint32)
    for k, c in uni.items():
        uni_arr[index.get(k, unk)] += c
    big = Counter[int]()
    V = len(vocab)
    for (a, b), c in bi.items():
        big[index.get(a, unk) * V + index.get(b, unk)] += c
    pairs = sorted((k, c) for k, c in big.items() if c >= args.min_bi)
    bi_key = np.array([k for k, _ in pairs], dtype=np.int64)
    bi_cnt = np.array([min(c, 2**32 - 1) for _, c in pairs], dtype=np.uint32)
    # trigrams over the vocabulary's ids (unknown words as <unk>), key (a * V + b) * V + c, seen >= --min-tri
    big3 = Counter[int]()
    for (a, b, c), n3 in tri.items():
        big3[(index.get(a, unk) * V + index.get(b, unk)) * V + index.get(c, unk)] += n3
    triples = sorted((k, c) for k, c in big3.items() if c >= args.min_tri)
    tri_key = np.array([k for k, _ in triples], dtype=np.int64)
    tri_cnt = np.array([min(c, 2**32 - 1) for _, c in triples], dtype=np.uint32)
    valid_src = corpus / "syllables" / "vinlp_all-vietnamese-syllables.txt"
    valid = sorted(
        {key(w) for w in valid_src.read_text(encoding="utf-8").split() if VIET.match(w.lower())}
        if valid_src.is_file()
        else set()
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        vocab=np.array(vocab),
        surface=np.array(surface),
        uni=uni_arr,
        bi_key=bi_key,
        bi_cnt=bi_cnt,
        tri_key=tri_key,
        tri_cnt=tri_cnt,
        valid=np.array(valid),
    )
    # held-out perplexity of the pruned model (stupid-backoff scores renormalised is not a probability:
    # report interpolated bigram with add-one unigram instead, a fair yardstick between builds)
    total = float(uni_arr.sum())
    lookup = dict(zip(bi_key.tolist(), bi_cnt.tolist(), strict=True))
    logp = 0.0
    n = 0
    for f in test:
        text = f.read_text(encoding="utf-8", errors="replace")
        keyed = [t if t[0] == "<" else key(t) for t in tokens(text)]
        ids = [index.get(k, unk) for k in keyed]
        for a, b in itertools.pairwise(ids):
            p_uni = (uni_arr[b] + 1) / (total + V)
            p_bi = lookup.get(a * V + b, 0) / max(1, uni_arr[a])
            logp += math.log(0.8 * p_bi + 0.2 * p_uni)
            n += 1
    ppl = math.exp(-logp / max(1, n))
    print(
        f"{len(train)} training files, {len(test)} held out; vocab {V}, bigrams {len(pairs)}, "
        f"trigrams {len(triples)}, "
        f"valid syllables {len(valid)}; held-out perplexity {ppl:.1f} over {n} tokens; "
        f"{out} {out.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
