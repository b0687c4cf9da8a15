"""Correct: fix tone and vowel marks in Tesseract's words where a syllable bigram model of administrative
and legal Vietnamese is confident ("bố sung" → "bổ sung", "quyên hạn" → "quyền hạn", "PHO" → "PHÓ").

A pure function on a frozen ``RecognizedPage``: same words, same boxes, only some words' letters changed.
The model (``data/vi_lm.npz``, built by ``tools/build_lm.py`` from ``../shared/corpus``) is loaded once per
process. Candidates for a word are the syllables with the same letters once every mark is dropped (its
skeleton: "sô" → so → số, sổ, sở, sơ …): an OCR tone or vowel-mark confusion never changes the skeleton, so a
word's letters are never invented. Each candidate is scored by stupid-backoff bigrams with the words on both
sides; the word changes only when the best candidate beats what Tesseract read by a margin that grows with
Tesseract's confidence in the word, and by a larger one inside a run of capitalised words (names, which the
model cannot support). Words with digits, single letters, words in other scripts and words of born-digital
pages are left as they are.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from digitize.pipeline.model import RecognizedPage, Word, page_text
from digitize.pipeline.syllable import FAMILY_NAMES, key, skeleton
from digitize.text import nfc

DATA = Path(__file__).resolve().parent / "data" / "vi_lm.npz"
_CORE = re.compile(r"^(\W*)([^\W\d_]{2,7})(\W*)$")
# a neighbour's syllable, one letter long too: a word of one letter is never corrected, but it is a syllable
# the corpus knows ("Y" in "CỤC THÚ Y", "ý" in "ý kiến"), the best evidence for the word beside it
_SYLLABLE = re.compile(r"^(\W*)([^\W\d_]{1,7})(\W*)$")
BACKOFF = 0.4
UNSEEN = 0.3  # pseudo-count of a valid syllable the corpus never showed
# log-score margins a candidate must win by: Tesseract unsure / sure of the word; inside a capitalised run
MARGIN_LOW_CONF = math.log(8.0)
MARGIN_HIGH_CONF = math.log(150.0)
MARGIN_NAME = math.log(5000.0)
HIGH_CONF = 90.0
MIN_COUNT = 20  # a replacement must be a syllable the corpus shows at least this often
UNINFORMATIVE = frozenset({"<p>", "<s>", "<unk>"})
# a replacement must have been seen beside one of the word's neighbours (not only be frequent): "sốt, ho,
# khó thở" keeps "ho" although "họ" is far more common in legal text
NEED_CONTEXT = True
# the same syllables come back on every page: their keys and skeletons are worked out once (bounded)
_key = lru_cache(maxsize=1 << 16)(key)
_skeleton = lru_cache(maxsize=1 << 16)(skeleton)


@dataclass(frozen=True)
class Model:
    index: dict[str, int]
    surface: list[str]
    uni: np.ndarray
    total: float
    bigrams: dict[int, int]
    size: int
    by_skeleton: dict[str, tuple[str, ...]]  # skeleton → keys (seen or valid)
    valid: frozenset[str]
    # skeleton → its keys seen at least MIN_COUNT times, for the skeletons two keys or more share
    frequent: dict[str, tuple[str, ...]]

    def count(self, k: str) -> float:
        i = self.index.get(k)
        return float(self.uni[i]) if i is not None else 0.0

    def attested(self, left: str, k: str, right: str) -> bool:
        """Has the corpus shown ``k`` beside a word (or a number) on either side? Punctuation, line ends and
        unknown words are no evidence: between two of them a candidate wins on its frequency alone."""
        i = self.index.get(k)
        if i is None:
            return False
        li, ri = self.index.get(left), self.index.get(right)
        if left not in UNINFORMATIVE and li is not None and li * self.size + i in self.bigrams:
            return True
        return right not in UNINFORMATIVE and ri is not None and i * self.size + ri in self.bigrams

    def score(self, left: str, k: str, right: str) -> float:
        """log S(k | left) + log S(right | k), stupid backoff; unseen valid syllables get a small count."""
        i = self.index.get(k)
        li = self.index.get(left, self.index["<unk>"])
        ri = self.index.get(right, self.index["<unk>"])
        c_k = float(self.uni[i]) if i is not None else UNSEEN
        c_l = float(self.uni[li])
        c_r = float(self.uni[ri])
        if i is not None and (c := self.bigrams.get(li * self.size + i)):
            s1 = c / max(c_l, 1.0)
        else:
            s1 = BACKOFF * c_k / self.total
        if i is not None and (c := self.bigrams.get(i * self.size + ri)):
            s2 = c / max(c_k, 1.0)
        else:
            s2 = BACKOFF * c_r / self.total
        return math.log(s1) + math.log(s2)


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> Model:
    with np.load(path) as z:
        vocab = [str(v) for v in z["vocab"]]
        surface = [str(v) for v in z["surface"]]
        uni = z["uni"].astype(np.float64)
        bigrams = dict(zip(z["bi_key"].tolist(), z["bi_cnt"].tolist(), strict=True))
        valid = frozenset(str(v) for v in z["valid"])
    index = {k: i for i, k in enumerate(vocab)}
    groups: dict[str, set[str]] = {}
    for k in (*vocab, *valid):
        if not k.startswith("<"):
            groups.setdefault(skeleton(k[:-1]), set()).add(k)
    by_skeleton = {s: tuple(sorted(ks)) for s, ks in groups.items()}
    return Model(
        index=index,
        surface=surface,
        uni=uni,
        total=float(uni.sum()),
        bigrams=bigrams,
        size=len(vocab),
        by_skeleton=by_skeleton,
        valid=valid,
        frequent={
            s: tuple(k for k in ks if k in index and uni[index[k]] >= MIN_COUNT)
            for s, ks in by_skeleton.items()
            if len(ks) >= 2
        },
    )


def _context(word: str, model: Model) -> tuple[str, str]:
    """The class-or-key a word shows to its left and right neighbours (punctuation stuck to it counts)."""
    m = _SYLLABLE.match(word)
    if m is None:
        if any(ch.isdigit() for ch in word):
            return "<num>", "<num>"
        return "<p>", "<p>"
    pre, core, post = m.groups()
    k = _key(core)
    k = k if k in model.index else "<unk>"
    return ("<p>" if pre else k), ("<p>" if post else k)


def _one_letter(word: str) -> bool:
    m = _SYLLABLE.match(word)
    return m is not None and len(m.group(2)) == 1


# the one-letter syllables that stand in compounds with the word beside them
COMPOUND_LETTERS = frozenset({"y", "ý", "ô"})


def _compound_letter(word: str) -> bool:
    m = _SYLLABLE.match(word)
    return m is not None and nfc(m.group(2).lower()) in COMPOUND_LETTERS


def _cased(surface: str, original: str) -> str:
    if original.isupper():
        return surface.upper()
    if original[0].isupper():
        return surface[0].upper() + surface[1:]
    return surface


def correct_words(words: list[str], confs: list[float], model: Model | None = None) -> list[str]:
    """The words (in reading order) with confident corrections applied; a second pass sees the first's
    corrections as context ("PHO CHU TỊCH": "CHU" → "CHỦ" first, then "PHO" → "PHÓ", not "PHỐ")."""
    model = model or load()
    # A word's decision depends only on it, its two neighbours and whether Tesseract was sure of it (words in
    # names are left alone): decisions are kept across both passes (the second re-decides only the words
    # beside a change: 33 -> 14 ms a page on the 13 real pages, the same words)
    decided: dict[_Situation, str] = {}
    once = _pass(words, confs, model, decided)
    return once if once == words else _pass(once, confs, model, decided)


# (word before or None, the word, word after or None, Tesseract sure of it)
_Situation = tuple[str | None, str, str | None, bool]


def _pass(
    words: list[str], confs: list[float], model: Model, decided: dict[_Situation, str] | None = None
) -> list[str]:
    decided = {} if decided is None else decided
    names = _name_runs(words)
    out = list(words)
    n = len(words)
    for i, word in enumerate(words):
        if i in names:
            continue
        situation = (
            words[i - 1] if i > 0 else None,
            word,
            words[i + 1] if i + 1 < n else None,
            confs[i] >= HIGH_CONF,
        )
        got = decided.get(situation)
        if got is None:
            got = decided[situation] = _decide(words, i, situation[3], model)
        out[i] = got
    return out


def _decide(words: list[str], i: int, sure: bool, model: Model) -> str:
    """The word at ``i`` as corrected in its context (itself when no candidate wins by the margin)."""
    word = words[i]
    m = _CORE.match(word)
    if m is None:
        return word
    pre, core, post = m.groups()
    cands = model.frequent.get(_skeleton(core))
    if cands is None:  # fewer than two syllables share its skeleton: nothing to choose between
        return word
    k = _key(core)
    left = "<p>" if pre else (_context(words[i - 1], model)[1] if i > 0 else "<s>")
    right = "<p>" if post else (_context(words[i + 1], model)[0] if i + 1 < len(words) else "<s>")
    # a one-letter neighbour is evidence only when it is a compound's syllable ("thú y", "ô tô", "ý kiến");
    # a word of its own ("ở") or a speck ("i") says nothing: a frequent word is no likelier beside it than the
    # one read ("ở chợ", "ở đó" were taken as "ở cho", "ở độ")
    if i > 0 and _one_letter(words[i - 1]) and not _compound_letter(words[i - 1]):
        left = "<p>"
    if i + 1 < len(words) and _one_letter(words[i + 1]) and not _compound_letter(words[i + 1]):
        right = "<p>"
    own = model.score(left, k, right)
    best, best_score = k, own
    for c in cands:
        if c != k:
            s = model.score(left, c, right)
            if s > best_score:
                best, best_score = c, s
    if best == k or (NEED_CONTEXT and not model.attested(left, best, right)):
        return word
    margin = MARGIN_HIGH_CONF if sure else MARGIN_LOW_CONF
    capital_run = core[0].isupper() and not core.isupper()
    if capital_run and (_is_title(words, i - 1) or _is_title(words, i + 1)) and not _law_title(words, i):
        margin = max(margin, MARGIN_NAME)
    if best_score - own > margin:
        return pre + _cased(model.surface[model.index[best]], core) + post
    return word


def _name_runs(words: list[str]) -> set[int]:
    """Indexes of the words of personal names: runs of two or more capitalised words from a family name on
    ("Lê Thanh Toàn" stays, though "thanh toán" is common)."""
    out: set[int] = set()
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and _is_title(words, j):
            j += 1
        if j - i >= 2:
            for k in range(i, j - 1):
                if words[k].strip("()[],.;:\"'“”").lower() in FAMILY_NAMES:
                    out.update(range(k, j))
                    break
        i = max(j, i + 1)
    return out


def _law_title(words: list[str], i: int) -> bool:
    """The first word of a law's name ("Luật Tố tụng hành chính", "Luật Tổ chức Chính phủ"): capitalised,
    but the legal corpus's own words, not a name the model cannot know."""
    return i > 0 and words[i - 1].strip("()[],.;:\"'“”").casefold() == "luật"


def _is_title(words: list[str], i: int) -> bool:
    if not 0 <= i < len(words):
        return False
    w = words[i].strip("()[],.;:\"'“”")
    return len(w) > 1 and w[0].isupper() and not w.isupper()


def correct(page: RecognizedPage) -> RecognizedPage:
    """The page with its words corrected and its text rebuilt from them (OCR'd pages only)."""
    if page.source != "ocr" or not page.words:
        return page
    texts = correct_words([w.text for w in page.words], [w.conf for w in page.words])
    if texts == [w.text for w in page.words]:
        return page
    words: list[Word] = [
        w if t == w.text else replace(w, text=t) for w, t in zip(page.words, texts, strict=True)
    ]
    return replace(page, words=tuple(words), text=page_text(words))
