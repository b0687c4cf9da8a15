"""Blurred phone photos: how well digitize's OCR reads them against the bare engine (issue #17).

For each family (``alt``, ``dev``) and seed, generates ``samples.varied.write_family_set(out, N, seed, fam,
photo=Photo(p))`` for each photo value asked (default ``blur`` and ``none``, the same documents captured as
shaken phone photos and as scans) and, per document, the order-free word accuracy (``bench.ocr.accuracy``:
share of ground-truth words, NFC, case-folded multiset, found in the output) of
- digitize: ``process_document(file, out.pdf, jobs=1).text``;
- bare engine: ``pytesseract.image_to_string(img, lang="vie")`` on each page image (a photographed
  multi-page document is a PDF of JPEG frames: its frames read one by one).
Two truths: the whole text (``.gt.json`` ``text``) and the field words only (the words of the truth's
string fields but dates: type, number, notation, organs, place, subject, signer's name and title — they live
in the header and signature areas).

    python -m bench blurocr   # BLUROCR_SEEDS=331 BLUROCR_N=14 BLUROCR_FAMILIES=alt,dev
                              # BLUROCR_PHOTOS=blur,none BLUROCR_PER_FILE=0 BLUROCR_BARE=1
                              # BLUROCR_JOBS=<cores>
                              # BLUROCR_SET=preprocess.UNSHARP_SIGMA=2.0,deblur.NOISE=0.02 (experiments:
                              # module constants of digitize.pipeline set in each worker before reading)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench import apply_settings, settings
from bench.ocr import accuracy
from digitize.pipeline.model import FIELD_NAMES

REPO = Path(__file__).resolve().parent.parent
SEEDS = [int(s) for s in os.environ.get("BLUROCR_SEEDS", "331").split(",")]
N = int(os.environ.get("BLUROCR_N", "14"))
FAMILIES = os.environ.get("BLUROCR_FAMILIES", "alt,dev").split(",")
PHOTOS = os.environ.get("BLUROCR_PHOTOS", "blur,none").split(",")
BARE = os.environ.get("BLUROCR_BARE", "1") != "0"  # 0: the bare engine not run (its columns 0)
PER_FILE = os.environ.get("BLUROCR_PER_FILE", "0") == "1"
SETTINGS = settings("BLUROCR_SET")
JOBS = int(os.environ.get("BLUROCR_JOBS", str(os.cpu_count() or 1)))
FORBIDDEN = {41, 47, 257, 279, 281, 283, 285}
# the fields whose words are read as text (dates are written out in words, the holder's code is digits)
FIELD_KEYS = [k for k in FIELD_NAMES if k not in ("issued_date", "holder_id", "valid_from", "valid_until")]


def field_truth(fields: dict[str, Any]) -> str:
    return "\n".join(str(fields[k]) for k in FIELD_KEYS if fields.get(k))


def bare_text(path: Path) -> str:
    import pytesseract
    from PIL import Image

    if path.suffix.lower() != ".pdf":
        return str(pytesseract.image_to_string(str(path), lang="vie"))
    with tempfile.TemporaryDirectory(prefix="blurocr-") as tmp:
        subprocess.run(["pdfimages", "-all", str(path), f"{tmp}/p"], check=True)
        texts = []
        for f in sorted(Path(tmp).iterdir()):
            with Image.open(f) as im:
                texts.append(str(pytesseract.image_to_string(im, lang="vie")))
        return "\n".join(texts)


def one(args: tuple[Path, Path]) -> tuple[list[float], dict[str, tuple[float, float]]]:
    """[digitize text, bare text, digitize field words, bare field words] accuracies of one document, and
    each field's words' accuracy {key: (digitize, bare)}."""
    sys.path.insert(0, str(REPO))
    apply_settings("BLUROCR_SET")
    from digitize.pipeline.run import process_document
    from samples import generate

    src, out = args
    gt = generate.load_gt(src)
    truth, ftruth = str(gt["text"]), field_truth(gt["fields"])
    dig = process_document(src, out, jobs=1).text
    bare = bare_text(src) if BARE else ""
    keys = {
        k: (accuracy(dig, str(v)), accuracy(bare, str(v)))
        for k, v in gt["fields"].items()
        if k in FIELD_KEYS and v
    }
    return [accuracy(dig, truth), accuracy(bare, truth), accuracy(dig, ftruth), accuracy(bare, ftruth)], keys


def main() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    sys.path.insert(0, str(REPO))
    from samples.axes import Photo
    from samples.varied import write_family_set

    assert not FORBIDDEN & set(SEEDS) and "eval" not in FAMILIES, "forbidden seed or family"
    if SETTINGS:
        print("settings: " + ", ".join(f"{k}={v}" for k, v in SETTINGS))
    head = ["seed", "family", "photo", "docs", "text dig", "bare", "fields dig", "bare"]
    print("{:>5} {:6} {:5} {:>4}  {:>8} {:>6}  {:>10} {:>6}".format(*head))
    with tempfile.TemporaryDirectory(prefix="bench-blurocr-") as tmp, ProcessPoolExecutor(JOBS) as pool:
        work = Path(tmp)
        for seed in SEEDS:
            for fam in FAMILIES:
                for photo in PHOTOS:
                    d = work / f"{seed}-{fam}-{photo}"
                    paths = write_family_set(d, N, seed, fam, photo=Photo(photo))
                    res = list(pool.map(one, [(p, d / f"{p.stem}.out.pdf") for p in paths]))
                    mean = [sum(r[i] for r, _ in res) / len(res) for i in range(4)]
                    print(
                        f"{seed:5d} {fam:6} {photo:5} {len(res):4d}  {mean[0]:8.4f} {mean[1]:6.4f}"
                        f"  {mean[2]:10.4f} {mean[3]:6.4f}",
                        flush=True,
                    )
                    by_key = []
                    for k in FIELD_KEYS:
                        got = [f[k] for _, f in res if k in f]
                        if got:
                            dig, bare = (sum(g[i] for g in got) / len(got) for i in (0, 1))
                            by_key.append(f"{k} {dig:.3f}/{bare:.3f}")
                    print("      field words, digitize/bare: " + ", ".join(by_key))
                    if PER_FILE:
                        for p, (r, _) in zip(paths, res, strict=True):
                            print("      " + p.name[:30].ljust(30) + "".join(f"{x:8.3f}" for x in r))


if __name__ == "__main__":
    main()
