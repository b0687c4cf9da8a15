"""The pixel tone-mark reader (``pipeline.tonemark``) measured on real scans.

Reads ../shared/realworld/scans/*.jpg|png and ../shared/realdata/*.jpg (beside the checkout; nothing copied)
with Tesseract (``vie``, whole page), aligns its words to the ground truth's (``*_gt.txt``) by their letters
with every mark dropped, and for each aligned word with a vowel reads the tone mark from the word's pixels
(its box as read, half its height of room above, a quarter below). Prints, per true tone class: words,
Tesseract right, pixels right, and pixels right / given at each margin; then the words Tesseract read with
the wrong tone mark and what the pixels said.

    PYTHONPATH=src:. OMP_THREAD_LIMIT=1 .venv/bin/python tools/tonemark_real.py [SHARED] [OPTIONS]

--list: each wrong mark of Tesseract's with the pixels' reading; --steady: each word read by
``tonemark.steady_tone`` (three cuts agreeing, else unseen); --scans: the three office scans only (no
photos); --half: those scans read at half their resolution (150 dpi, a name's size on many pages).

(TONEMARK_OCR_CACHE=DIR keeps Tesseract's words of each page there, to measure the reader again quickly.)
"""

from __future__ import annotations

import difflib
import os
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

import cv2

from digitize.pipeline import tonemark
from digitize.pipeline.syllable import skeleton
from digitize.text import nfc
from digitize.tools import tesseract

MARGINS = (0.0, 0.3, 0.5, 0.7, 0.9)
HALF = "--half" in sys.argv  # the office scans read at half their resolution (150 dpi)
STEADY = "--steady" in sys.argv  # each word read by ``tonemark.steady_tone`` (three cuts agreeing)
_WORD = re.compile(r"[^\W\d_]+")


def pages(shared: Path) -> list[tuple[Path, Path]]:
    out = []
    for im in sorted((shared / "realworld" / "scans").glob("*")):
        if im.suffix.lower() in (".jpg", ".png"):
            gt = im.with_name(im.stem + "_gt.txt")
            if gt.is_file():
                out.append((im, gt))
    for im in sorted((shared / "realdata").glob("*.jpg")):
        gt = im.with_name(im.stem.split("_v")[0] + "_gt.txt")
        if gt.is_file():
            out.append((im, gt))
    return out


def words_of(text: str) -> list[str]:
    return [nfc(m.group(0)) for m in _WORD.finditer(nfc(text))]


def measure(image: Path, gt: Path) -> list[tuple[str, str, str, str, float, str]]:
    """(true tone, read tone, pixel tone or "?", true word, margin, read word) for each aligned word."""
    grey = cv2.imread(str(image), cv2.IMREAD_GRAYSCALE)
    if grey is None:
        return []
    if HALF and grey.shape[1] >= 1200:  # a 300 dpi scan brought to 150 dpi: a name's size on many pages
        grey = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    elif grey.shape[1] < 1200:  # a small photo: its marks a few pixels; read and cut at twice its size
        grey = cv2.resize(grey, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    cache = (
        Path(os.environ["TONEMARK_OCR_CACHE"]) / (image.name + (".half" if HALF else "") + ".pickle")
        if os.environ.get("TONEMARK_OCR_CACHE")
        else None
    )
    if cache is not None and cache.is_file():
        tokens = pickle.loads(cache.read_bytes())
    else:
        tokens = tesseract.image_to_data(grey, lang="vie", psm=3, dpi=300, timeout=300)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps(tokens))
    read: list[tuple[str, tesseract.Token]] = []
    for t in tokens:
        for m in _WORD.finditer(nfc(t.text)):
            if len(m.group(0)) == len(nfc(t.text).strip(".,;:!?()\"'“”-–")):
                read.append((m.group(0), t))
    truth = words_of(gt.read_text(encoding="utf-8"))
    a = [skeleton(w) for w, _ in read]
    b = [skeleton(w) for w in truth]
    out = []
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            word, tok = read[block.a + k]
            true = truth[block.b + k]
            if tonemark.tone_index(true) is None or tonemark.tone_index(word) is None:
                continue
            box = (tok.left, tok.top, tok.left + tok.width, tok.top + tok.height)
            if STEADY:
                got = tonemark.steady_tone(lambda *b: tonemark.region(grey, *b), box, word)
            else:
                got = tonemark.read_tone(tonemark.word_crop(grey, *box), word)
            out.append(
                (
                    tonemark.tone_of(true),
                    tonemark.tone_of(word),
                    got.tone if got else "?",
                    true,
                    got.margin if got else 0.0,
                    word,
                )
            )
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    shared = Path(args[0]) if args else Path(__file__).resolve().parents[1].parent / "shared"
    rows = []
    for image, gt in pages(shared):
        if "--scans" in argv and image.parent.name != "scans":
            continue  # (the three office scans only: no photos of a page)
        got = measure(image, gt)
        right = sum(r[0] == r[2] for r in got)
        print(
            f"{image.name}: {len(got)} words, pixels right {right}, "
            f"Tesseract right {sum(r[0] == r[1] for r in got)}"
        )
        rows += got
    if not rows:
        print("no real scans found")
        return 0
    print(
        "\nper true tone: words | Tesseract right | pixels right (unseen) | pixels right/given at margin ≥ m"
    )
    for tone in "012345":
        mine = [r for r in rows if r[0] == tone]
        if not mine:
            continue
        cells = []
        for m in MARGINS:
            given = [r for r in mine if r[2] != "?" and r[4] >= m]
            cells.append(f"≥{m}: {sum(r[0] == r[2] for r in given)}/{len(given)}")
        print(
            f"  {tonemark.TONE_NAMES[int(tone)]:6} {len(mine):5} | {sum(r[0] == r[1] for r in mine):5} | "
            f"{sum(r[0] == r[2] for r in mine):5} ({sum(r[2] == '?' for r in mine)}) | " + "  ".join(cells)
        )
    conf = Counter((r[0], r[2]) for r in rows)
    print("\nconfusion (true → pixels):")
    for tone in "012345":
        print(f"  {tonemark.TONE_NAMES[int(tone)]:6} " + " ".join(f"{conf[(tone, p)]:4}" for p in "012345?"))
    wrong = [r for r in rows if r[0] != r[1]]
    print(f"\nTesseract's wrong tone marks: {len(wrong)}; pixels right {sum(r[0] == r[2] for r in wrong)}")
    for m in MARGINS:
        given = [r for r in wrong if r[2] != "?" and r[4] >= m and r[2] != r[1]]
        print(
            f"  pixels contradict the reading at margin ≥ {m}: {len(given)}, "
            f"right {sum(r[0] == r[2] for r in given)}"
        )
    # one mark above read for another (an acute for a hook: what the name path takes from the pixels)
    for m in MARGINS:
        swap = [r for r in rows if r[1] in "1234" and r[2] in "1234" and r[2] != r[1] and r[4] >= m]
        print(
            f"  pixels give another mark above than read at margin ≥ {m}: {len(swap)}, "
            f"pixels right {sum(r[0] == r[2] for r in swap)}, "
            f"Tesseract right {sum(r[0] == r[1] for r in swap)}"
        )
    # contradictions of a right reading: what a pixel rule would break
    for m in MARGINS:
        bad = [r for r in rows if r[0] == r[1] and r[2] not in ("?", r[1]) and r[4] >= m]
        print(
            f"  pixels contradict a right reading at margin ≥ {m}: {len(bad)} "
            f"of {sum(r[0] == r[1] for r in rows)}"
        )
    if "--list" in argv:
        for r in wrong:
            print(
                f"    {r[3]} read {r[5]}: pixels "
                f"{tonemark.TONE_NAMES[int(r[2])] if r[2] != '?' else '?'} ({r[4]:.2f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
