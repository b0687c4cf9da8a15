"""Correct: fix tone and vowel marks in Tesseract's words where a syllable trigram model of administrative
and legal Vietnamese is confident ("bố sung" → "bổ sung", "quyên hạn" → "quyền hạn", "PHO" → "PHÓ").

A pure function on a frozen ``RecognizedPage``: same words, same boxes, only some words' letters changed.
The model (``data/vi_lm.npz``, built by ``tools/build_lm.py`` from ``../shared/corpus``) is loaded once per
process. Candidates for a word are the syllables with the same letters once every mark is dropped (its
skeleton: "sô" → so → số, sổ, sở, sơ …): an OCR tone or vowel-mark confusion never changes the skeleton, so a
word's letters are not invented; a word that is no syllable also gets two letter confusions of Tesseract's
(a vowel read twice in an unsure, uncapitalised word; "H" for the "II" of a Roman numeral after "quý",
"Chương" …), and a word Tesseract was unsure of its look-alike letters ("b"/"h", "rn"/"m"). The page's words
are decided together: the chain of syllables (punctuation and numbers as classes) is scored by
stupid-backoff trigrams and the best chain chosen, where replacing what Tesseract read costs a margin that
grows with Tesseract's confidence in the word (two neighbours replaced together pay a further x8; a sure
word needs one trigram to make up its margin alone, and stands if the corpus shows it beside both its
neighbours, unless only in other phrases, a syllable of its skeleton between the two: "việc để nghị" →
"việc đề nghị"), and a larger one inside a run of capitalised words. Personal names, and the names after a
place word ("huyện Đông Anh", "ỦY BAN NHÂN DÂN HUYỆN ĐẦM DƠI"), are kept, as are words with digits, single
letters, words in other scripts and words of born-digital pages. A word the corpus never showed is decided
first, beside its neighbours as read: its candidates do not sway them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

from digitize.pipeline.fields.vocab import PROVINCES
from digitize.pipeline.model import RecognizedPage, Word, page_text
from digitize.pipeline.syllable import FAMILY_NAMES, TONE_MARKS, key, skeleton
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
# a sure word's change is scored by three trigram terms (the margins above were sized for two): some
# one of them must make up its margin alone, a misread's mark out of place in one context at least ("thành
# phổ tại" → "phố"), not a more frequent phrase winning a little in each ("kinh doanh đa cấp" → "đã cấp")
# two neighbouring words both replaced: a further x8 ("hoặc cơ sở nhà" → "có số nhà" won on the pair's
# trigrams although each word stood as read)
PAIR = math.log(8.0)
# a page's choices are decided in runs of at most this many tokens, and a run is decided again (its
# unattested replacements struck out) at most this many times: a page of garbage stays linear
MAX_RUN = 48
MAX_PASSES = 4
MEMO_SIZE = 1 << 18
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
    trigrams: dict[int, int]
    by_skeleton: dict[str, tuple[str, ...]]  # skeleton → keys (seen or valid)
    valid: frozenset[str]
    # skeleton → its keys seen at least MIN_COUNT times, for the skeletons two keys or more share
    frequent: dict[str, tuple[str, ...]]
    # trigram scores worked out (the same phrases come back on every page), cleared when it grows large
    memo: dict[tuple[str | None, str, str], float] = field(default_factory=dict, compare=False, repr=False)

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

    def logp(self, a: str | None, b: str, c: str) -> float:
        """log S(c | a b), stupid backoff from the trigram through the bigram to the unigram (``a`` None:
        no word two back). An unseen valid syllable has a small pseudo-count."""
        got = self.memo.get((a, b, c))
        if got is None:
            if len(self.memo) > MEMO_SIZE:
                self.memo.clear()
            got = self.memo[(a, b, c)] = self._logp(a, b, c)
        return got

    def _logp(self, a: str | None, b: str, c: str) -> float:
        ic = self.index.get(c)
        ib = self.index.get(b, self.index["<unk>"])
        if ic is None:
            return math.log(BACKOFF * UNSEEN / self.total)
        if a is not None:
            ia = self.index.get(a, self.index["<unk>"])
            n3 = self.trigrams.get((ia * self.size + ib) * self.size + ic)
            if n3:
                return math.log(n3 / max(self.bigrams.get(ia * self.size + ib, 1), 1))
        n2 = self.bigrams.get(ib * self.size + ic)
        s = n2 / max(float(self.uni[ib]), 1.0) if n2 else BACKOFF * float(self.uni[ic]) / self.total
        return math.log(s) if a is None else math.log(BACKOFF * s)


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> Model:
    with np.load(path) as z:
        vocab = [str(v) for v in z["vocab"]]
        surface = [str(v) for v in z["surface"]]
        uni = z["uni"].astype(np.float64)
        bigrams = dict(zip(z["bi_key"].tolist(), z["bi_cnt"].tolist(), strict=True))
        valid = frozenset(str(v) for v in z["valid"])
        trigrams = (
            dict(zip(z["tri_key"].tolist(), z["tri_cnt"].tolist(), strict=True)) if "tri_key" in z else {}
        )
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
        trigrams=trigrams,
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


def common(word: str) -> bool:
    """The word (its marks around aside) is a syllable the corpus shows at least ``MIN_COUNT`` times."""
    m = _SYLLABLE.match(nfc(word))
    if m is None:
        return False
    model = load()
    i = model.index.get(_key(m.group(2).lower()))
    return i is not None and model.uni[i] >= MIN_COUNT


def rival_beside_both(left: str, word: str, right: str) -> bool:
    """Another syllable, of the word's skeleton or one letter from it, that the corpus shows after ``left``
    and before ``right`` (both words it knows): the language would have the word read otherwise ("án số
    hóa" for "án cơ hóa")."""
    model = load()
    m = _SYLLABLE.match(nfc(word))
    lk, rk = _context(nfc(left), model)[1], _context(nfc(right), model)[0]
    if m is None or m.group(1) or m.group(3) or lk in UNINFORMATIVE or rk in UNINFORMATIVE:
        return False
    k = _key(m.group(2).lower())
    sk = _skeleton(m.group(2).lower())
    for s in {sk} | skeletons_near(sk):
        for k2 in model.by_skeleton.get(s, ()):
            if k2 != k and _beside(model, lk, k2) and _beside(model, k2, rk):
                return True
    return False


def beside_both(left: str, word: str, right: str) -> bool:
    """The corpus shows the word (its marks around aside) after ``left`` and before ``right``, each side
    that is a word the corpus knows (punctuation on either side, numbers, line ends and unknown words are no
    evidence against it); False for a word no syllable."""
    model = load()
    m = _SYLLABLE.match(nfc(word))
    if m is None:
        return False
    pre, core, post = m.groups()
    k = _key(core.lower())
    lk = _context(nfc(left), model)[1] if left and not pre else "<s>"
    rk = _context(nfc(right), model)[0] if right and not post else "<s>"
    ok_left = lk in UNINFORMATIVE or _beside(model, lk, k)
    ok_right = rk in UNINFORMATIVE or _beside(model, k, rk)
    return ok_left and ok_right


def _one_letter(word: str) -> bool:
    m = _SYLLABLE.match(word)
    return m is not None and len(m.group(2)) == 1


# the one-letter syllables that stand in compounds with the word beside them
COMPOUND_LETTERS = frozenset({"y", "ý", "ô"})


def _compound_letter(word: str) -> bool:
    m = _SYLLABLE.match(word)
    return m is not None and nfc(m.group(2).lower()) in COMPOUND_LETTERS


def cased(surface: str, original: str) -> str:
    """``surface`` in the case ``original`` was written in (all capitals, a capital first, small letters)."""
    if original.isupper():
        return surface.upper()
    if original[0].isupper():
        return surface[0].upper() + surface[1:]
    return surface


# look-alike letter groups of Tesseract's (read, meant), tried in the words it was unsure of; such a change
# must win by a further x8 (a letter changed is a bigger claim than a mark)
GLYPHS = (("b", "h"), ("h", "b"), ("rn", "m"), ("cl", "d"), ("li", "h"))
GLYPH_COST = math.log(8.0)
MAX_ALTERNATIVES = 4  # a word's alternatives kept for the joint decision: the best in its own context


@dataclass
class _Slot:
    """One token of the page as the model sees it: a word's syllable (its candidates, Tesseract's reading
    first, each with the log-score it must make up to be chosen) or a fixed class (punctuation, number)."""

    keys: list[str | None]
    costs: list[float]
    word: int = -1  # the word whose syllable this is (-1: a fixed token)
    core: str = ""
    pre: str = ""
    post: str = ""
    need: float = 0.0  # a sure word: what one trigram term alone must gain for its replacement


def correct_words(words: list[str], confs: list[float], model: Model | None = None) -> list[str]:
    """The words (in reading order) with confident corrections applied. The words are decided together: the
    page's syllables (and its punctuation and numbers as classes) form a chain scored by the trigram model
    with stupid backoff, each word's reading is Tesseract's or one of its skeleton's frequent syllables, and
    the best chain is chosen (Viterbi) where replacing a word costs the margin it must win by. So a word is
    judged beside its neighbours as corrected ("CƠ SỜ AN TOÀN": "SỜ" → "SỞ" keeps "CƠ"; "PHO CHU TỊCH" →
    "PHÓ CHỦ TỊCH"), and never beside a misread its neighbour does not keep."""
    model = model or load()
    parts, confs, whole = _slashed(words, confs)
    words = _numerals_named(_years_named(parts))
    names = _name_runs(words)
    stream: list[_Slot] = []
    for i in range(len(words)):
        stream.extend(_slots(words, i, confs[i] >= HIGH_CONF, i in names, model))
    _prune(stream, model)
    out = list(words)
    for first, last in _clusters(stream):
        choice = _decide_run(stream, first, last, model)
        for j, ci in choice.items():
            slot = stream[j]
            k = slot.keys[ci]
            if ci and k is not None:
                out[slot.word] = slot.pre + cased(model.surface[model.index[k]], slot.core) + slot.post
    joined = [""] * (whole[-1] + 1 if whole else 0)
    for w, at in zip(_provinces_marked(out), whole, strict=True):
        joined[at] += w
    return joined


# two words read with a slash between them and no space ("quÿ/Hội đồng quản trị" of "quỹ/Hội đồng", a
# misread letter in the first, seed 813 corp 004): each a syllable judged beside its neighbours, the slash a
# mark between the two. Only words in small letters or capitalised: a part of two capitals or more is a code
# notation's ("CT/TU", "KH/ĐU", "NĐ/BO": no syllable to correct, "CT/TỪ" a misreading made) or a heading's
# ("BÁO/CÁO", "TỜ/TRÌNH"), kept whole as read
_SLASHED = re.compile(r"^(\W*[^\W\d_]{1,7}/)([^\W\d_]{1,7}\W*)$")


def _word_cased(part: str) -> bool:
    """``part`` (marks aside) is a word in small letters or capitalised, no run of capitals."""
    core = re.sub(r"\W", "", part)
    return core.islower() or core.istitle()


def _slashed(words: list[str], confs: list[float]) -> tuple[list[str], list[float], list[int]]:
    """The words with those joined by a slash (``_SLASHED``) split after it, their confidences, and the
    index of the word each part was in (to join them again)."""
    parts: list[str] = []
    part_confs: list[float] = []
    whole: list[int] = []
    for i, (w, c) in enumerate(zip(words, confs, strict=True)):
        m = _SLASHED.match(nfc(w))
        pieces = m.groups() if m is not None and all(_word_cased(x) for x in m.groups()) else (w,)
        parts.extend(pieces)
        part_confs.extend([c] * len(pieces))
        whole.extend([i] * len(pieces))
    return parts, part_confs, whole


_YEAR = re.compile(r"^(?:19[4-9]\d|20\d\d)\W{0,2}$")


def _years_named(words: list[str]) -> list[str]:
    """The words with "năm" for a word spelled like it (the same letters, other marks: "nắm", "nám", "NẮM")
    right before a year (1940-2099): "… dân cư nắm 2023" read surely on a blurred photo, and "nắm" stands
    beside a number in the corpus too. "Nam" as written (a name: "Việt Nam 2023") is kept."""
    out = list(words)
    for i in range(len(words) - 1):
        m = _SYLLABLE.match(nfc(words[i]))
        if m is None or m.group(3) or not _YEAR.match(words[i + 1]):
            continue
        core = m.group(2)
        if _skeleton(core.lower()) == "nam" and core.lower() not in ("nam", "năm"):
            out[i] = m.group(1) + cased("năm", core)
    return out


def _slots(words: list[str], i: int, sure: bool, named: bool, model: Model) -> list[_Slot]:
    word = nfc(words[i])
    m = _SYLLABLE.match(word)
    if m is None:
        return [_Slot(["<num>" if any(ch.isdigit() for ch in word) else "<p>"], [0.0])]
    pre, core, post = m.groups()
    if len(core) == 1 and not _compound_letter(word):
        # a word of one letter of its own ("ở") or a speck ("i") says nothing: a frequent word is no likelier
        # beside it than the one read ("ở chợ", "ở đó" were taken as "ở cho", "ở độ"); a compound's letter is
        # evidence ("thú y", "ô tô", "ý kiến")
        return [_Slot(["<p>"], [0.0])]
    k = _key(core)
    if _tone_count(core) > 1:
        # "qúả" (77, of "Kết quả"): two tone marks on one syllable, a reading of neither; its key (the last
        # mark's) is no reading either: its neighbours decide among the syllables of its letters, any tone
        k, sure = "?" + k, False
    out: list[_Slot] = [_Slot(["<p>"], [0.0])] if pre else []
    correctable = not named and _CORE.match(word) is not None
    if correctable and sure and not pre and not post and _seen_as_read(words, i, k, model):
        # a word Tesseract was sure of that the corpus shows beside both its neighbours as read stands
        correctable = False
    roman = _numeral_context(words, i)
    cands = _candidates(core, k, model, roman=roman, doubled=not sure) if correctable else None
    # a letter Tesseract draws alike ("bành chính" → "hành chính"), only in a word it was unsure of
    glyphs = _glyph_confusions(core, k, model) if correctable and not sure else ()
    if cands is None and not glyphs:  # no other syllable to choose, a name, too long: kept as read
        out.append(_Slot([k if k in model.index else "<unk>"], [0.0]))
    else:
        margin = MARGIN_HIGH_CONF if sure else MARGIN_LOW_CONF
        capital_run = core[0].isupper() and not core.isupper()
        if capital_run and (_is_title(words, i - 1) or _is_title(words, i + 1)) and not _law_title(words, i):
            margin = max(margin, MARGIN_NAME)
        keys: list[str | None] = [k, *(c for c in cands or () if c != k)]
        costs = [0.0] + [_mark_margin(k, c, margin, words, i, model) for c in keys[1:]]
        for c in glyphs:
            if c not in keys:
                keys.append(c)
                costs.append(margin + GLYPH_COST)
        out.append(_Slot(keys, costs, word=i, core=core, pre=pre, post=post, need=margin if sure else 0.0))
    if post:
        out.append(_Slot(["<p>"], [0.0]))
    return out


def _tone_count(core: str) -> int:
    """The tone marks written on the word's letters (a syllable has one at most)."""
    return sum(ch in TONE_MARKS for ch in unicodedata.normalize("NFD", core))


# the hook above (hỏi) and the acute (sắc) are one small stroke over the letter, told apart by its curl: on a
# blurred or low-resolution page Tesseract reads one for the other as surely as it reads the letters ("Vận
# tải biến" for "biển" at 93, "Ảnh Dương" for "Ánh Dương"); such a swap must win by this much, not by the
# margin of a sure word (a mark read wrong there is a smaller claim than another mark)
MARGIN_MARK_SHAPE = math.log(20.0)
_LOOKALIKE_TONES = frozenset({"1", "3"})  # sắc, hỏi (``syllable.key``'s tone digits)


def _mark_margin(read: str, cand: str | None, margin: float, words: list[str], i: int, model: Model) -> float:
    """What replacing the syllable ``read`` (the ``i``-th of ``words``) by ``cand`` must win by: ``margin``,
    or, for a sure word's (``MARGIN_HIGH_CONF``; not one in a run of capitalised words, a name's),
    ``MARGIN_MARK_SHAPE`` when they differ only in a hỏi read for a sắc or the reverse, the word as read
    stands beside neither neighbour in the corpus and the candidate follows the two words before it there
    ("vận tải biến Cửu Long": "tải biến", "biến Cửu" never written, "vận tải biển" is). A word the corpus
    shows beside a neighbour, or with no two words before it, keeps the sure margin ("cấp sổ đỏ", "Sổ hộ
    nghèo": "số" is far commoner, yet "sổ" was printed)."""
    if (
        cand is None
        or margin != MARGIN_HIGH_CONF
        or read[:-1] != cand[:-1]
        or {read[-1:], cand[-1:]} != _LOOKALIKE_TONES
        or i < 2
    ):
        return margin
    left = _context(nfc(words[i - 1]), model)[1]
    far = _context(nfc(words[i - 2]), model)[1]
    right = _context(nfc(words[i + 1]), model)[0] if i + 1 < len(words) else "<s>"
    if (
        left in UNINFORMATIVE
        or far in UNINFORMATIVE
        or _beside(model, left, read)
        or _beside(model, read, right)
    ):
        return margin
    return MARGIN_MARK_SHAPE if _trigram(model, far, left, cand) else margin


def pair_count(a: str, b: str) -> int:
    """How often the corpus shows the word ``a`` then the word ``b`` (their marks around aside; 0 for a
    word it does not know)."""
    model = load()
    ka, kb = _context(nfc(a), model)[1], _context(nfc(b), model)[0]
    ia, ib = model.index.get(ka), model.index.get(kb)
    return (
        0
        if ia is None or ib is None or ka.startswith("<") or kb.startswith("<")
        else model.bigrams.get(ia * model.size + ib, 0)
    )


def _beside(model: Model, a: str, b: str) -> bool:
    """The corpus shows ``a`` then ``b`` (keys or classes)."""
    ia, ib = model.index.get(a), model.index.get(b)
    return ia is not None and ib is not None and ia * model.size + ib in model.bigrams


_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_DOUBLED = re.compile(r"([aăâeêioôơuưy])\1", re.IGNORECASE)


# letters of other alphabets Tesseract reads for a Vietnamese letter that no mark dropped makes one (a
# diaeresis or another foreign mark is dropped with the skeleton: "quÿ" → quy → "quỹ"): "ðất" for "đất"
_LOOKALIKE_LETTERS = str.maketrans("ðÐøØıłŁ", "đĐoOilL")


def _candidates(
    core: str, k: str, model: Model, roman: bool = False, doubled: bool = True
) -> tuple[str, ...] | None:
    """The syllables a word may stand for: those with its skeleton (a tone or vowel-mark confusion, a letter
    with a mark no Vietnamese letter has, "quÿ", or another alphabet's look-alike, ``_LOOKALIKE_LETTERS``);
    after a word that counts ("quý", "Chương", "lần thứ"), "II" of a Roman numeral read as "H" ("quý HI" →
    "quý III", not "VH và TT" → "VII"); and for a word that is no syllable, not capitalised (a name the
    inventory lacks: "ông già Noo") and read unsure (``doubled``), a vowel read twice ("SẲẢN" → "SẢN")."""
    cands = model.frequent.get(_skeleton(core.translate(_LOOKALIKE_LETTERS)))
    more: list[str] = list(cands or ())
    rn = core.replace("H", "II")
    if roman and core.isupper() and "H" in core and _ROMAN.match(rn) and (rk := _key(rn)) in model.index:
        more.append(rk)
    title = core[0].isupper() and not core.isupper()
    if k in model.index or k in model.valid or not doubled or title:
        return tuple(more) or None
    bare = "".join(_skeleton(ch) or ch for ch in core)  # one letter per letter (đ → d, marks dropped)
    for m in _DOUBLED.finditer(bare):
        for drop in (m.start(), m.start() + 1):
            v = core[:drop] + core[drop + 1 :]
            more.extend(c for c in (model.frequent.get(_skeleton(v)) or (_key(v),)) if c in model.index)
    got = tuple(dict.fromkeys(c for c in more if c != k))
    return got or None


# the words a Roman numeral counts after ("quý III", "Chương II", "lần thứ XII", "giai đoạn II", "thế kỷ XIX")
NUMERAL_CONTEXT = frozenset(
    _key(w)
    for w in (
        "quý",
        "phần",
        "chương",
        "mục",
        "điều",
        "khóa",
        "khoá",
        "kỳ",
        "kỷ",
        "thứ",
        "lớp",
        "đoạn",
        "tập",
        "hạng",
    )
)


# the words after which a numeral is Roman, a quarter's, a part's, a term's, a chapter's ("quý II", "phần
# IV", "khóa XV", "chương II"), and a stage's after "giai đoạn" ("giai đoạn III"; a road's "đoạn 1" is
# numbered): "quý 1L năm 2018" (seed 525 alt 002, at 22). Not a joint-stock company's "cổ phần" ("Công ty cổ
# phần IL": a name's letters)
ROMAN_CONTEXT = frozenset(_key(w) for w in ("quý", "phần", "khóa", "khoá", "chương"))
_ROMAN_STAGE = (_key("giai"), _key("đoạn"))
_NOT_ROMAN_BEFORE = frozenset({(_key("cổ"), _key("phần"))})
# a Roman numeral's "I" read as the letters and digits drawn as one upright stroke, "II" as "H"
_STROKES = str.maketrans({"1": "I", "l": "I", "L": "I", "|": "I", "!": "I"})
_STROKED = re.compile(r"^([1lLI|!H]{1,5})(\W*)$")
_LETTER_STROKES = frozenset("lLIH")
# a numeral made of strokes is a guess (the strokes may be digits, a name's letters, "quý 1l" a misread "11"):
# the word is judged at most this surely (under the fields' doubt, 0.6) so a field made of it goes to review
NUMERAL_GUESS_CONF = 55.0


def _roman_context(words: list[str], i: int) -> bool:
    """A Roman numeral follows ``words[:i]``: ``ROMAN_CONTEXT``, ``_ROMAN_STAGE``; not ``_NOT_ROMAN_BEFORE``
    ("cổ phần")."""
    keys = []
    for w in words[max(0, i - 2) : i]:
        m = _SYLLABLE.match(nfc(w))
        keys.append(_key(m.group(2).lower()) if m is not None else "")
    prev = _SYLLABLE.match(nfc(words[i - 1]))
    if prev is None or prev.group(3):
        return False
    pair = tuple(keys[-2:]) if len(keys) == 2 else ()
    if pair in _NOT_ROMAN_BEFORE:
        return False
    return keys[-1] in ROMAN_CONTEXT or pair == _ROMAN_STAGE


def numeral_guessed(read: str, word: str) -> bool:
    """``word`` is the Roman numeral ``_numerals_named`` made of the strokes ``read``
    (``NUMERAL_GUESS_CONF``)."""
    m = _STROKED.match(nfc(read))
    if m is None or word == read or not set(m.group(1)) - {"I", "H"}:
        return False  # (capitals alone: ``_candidates``' "HI" → "III", judged by the model)
    return _ROMAN.match(word.rstrip(m.group(2)) or "-") is not None


def _numerals_named(words: list[str]) -> list[str]:
    """The words with a Roman numeral for the strokes it was read as after a word a Roman numeral follows
    (``_roman_context``): two strokes or more, a letter's among them ("1L", "l1", "Il": "1|" and "||" are
    digits and rules as likely), no number as read, that make one ("quý 1L năm 2018" → "quý II"). A number
    as read ("quý 1", "phần 11") is kept."""
    out = list(words)
    for i in range(1, len(words)):
        m = _STROKED.match(nfc(words[i]))
        if m is None or not _roman_context(words, i):
            continue
        core = m.group(1)
        if len(core) < 2 or core.isdigit() or (core.isalpha() and core.isupper() and "L" not in core):
            continue  # a number, a stroke alone ("l": "1" as likely), or capitals (``_candidates``' "H")
        if not _LETTER_STROKES & set(core):
            continue
        roman = core.translate(_STROKES).replace("H", "II")
        if _ROMAN.match(roman):
            out[i] = roman + m.group(2)
    return out


def _numeral_context(words: list[str], i: int) -> bool:
    if i == 0:
        return False
    m = _SYLLABLE.match(nfc(words[i - 1]))
    return m is not None and not m.group(3) and _key(m.group(2)) in NUMERAL_CONTEXT


def _seen_as_read(words: list[str], i: int, k: str, model: Model) -> bool:
    """Has the corpus shown the word, as read, beside both its neighbours as read (words it knows)? "Luật Tổ
    tụng" is not: "luật tổ" is common, "tổ tụng" never seen; beside punctuation ("CHÍNH PHÙ ˆ") one side is
    too little to hold a sure word against its context."""
    left = _context(nfc(words[i - 1]), model)[1] if i > 0 else "<s>"
    right = _context(nfc(words[i + 1]), model)[0] if i + 1 < len(words) else "<s>"
    ik = model.index.get(k)
    if ik is None:
        return False
    seen = 0
    for a, b, other in ((left, k, left), (k, right, right)):
        if other in UNINFORMATIVE:
            continue
        ia, ib = model.index.get(a), model.index.get(b)
        if ia is None or ib is None or ia * model.size + ib not in model.bigrams:
            return False
        seen += 1
    return seen == 2 and not _bridged(left, k, right, model)


def _trigram(model: Model, a: str, b: str, c: str) -> bool:
    """The corpus shows ``a b c`` (keys)."""
    ia, ib, ic = model.index.get(a), model.index.get(b), model.index.get(c)
    return (
        ia is not None
        and ib is not None
        and ic is not None
        and ((ia * model.size + ib) * model.size + ic in model.trigrams)
    )


# the tone marks a blurred page reads for each other (keys' tone digits): huyền/hỏi ("để" for "đề"), sắc/hỏi.
# Only such a misread mark is weighed so: the model keeps only trigrams seen 3 times or more, so a phrase
# missing from it may be written all the same ("cho mỗi trường" was taken for "môi trường", "hình dáng" for
# "dạng" at 0.96: review s20)
_BRIDGE_TONES = ({"2", "3"}, {"1", "3"})


def _bridged(left: str, k: str, right: str, model: Model) -> bool:
    """The word as read (``k``) is seen beside each neighbour only in two other phrases, never between the
    two, where the same letters with a look-alike tone mark (``_BRIDGE_TONES``) are: "việc để nghị" ("công
    việc để", "để nghị quyết" are written; "việc đề nghị" is the phrase). Its two bigrams then hold it no more
    than one does."""
    if _trigram(model, left, k, right):
        return False
    letters = _skeleton(k.rstrip("0123456789"))  # a key ends with its tone digit
    return any(
        c != k and c[:-1] == k[:-1] and {c[-1], k[-1]} in _BRIDGE_TONES and _trigram(model, left, c, right)
        for c in model.by_skeleton.get(letters, ())
    )


def _glyph_confusions(core: str, k: str, model: Model) -> tuple[str, ...]:
    """The frequent syllables the word becomes when one of Tesseract's look-alike letter groups is read as
    the other ("b"/"h", "rn"/"m", "cl"/"d", "li"/"h")."""
    low = core.lower()
    out: list[str] = []
    for a, b in GLYPHS:
        at = low.find(a)
        while at >= 0:
            kv = _key(low[:at] + b + low[at + len(a) :])
            if kv != k and (i := model.index.get(kv)) is not None and model.uni[i] >= MIN_COUNT:
                out.append(kv)
            at = low.find(a, at + 1)
    return tuple(dict.fromkeys(out))


def _prune(stream: list[_Slot], model: Model) -> None:
    """Each word's alternatives cut to the few best beside its neighbours as read."""
    for j, slot in enumerate(stream):
        if len(slot.keys) <= 1 + MAX_ALTERNATIVES:
            continue
        left = stream[j - 1].keys[0] if j > 0 else "<s>"
        right = stream[j + 1].keys[0] if j + 1 < len(stream) else "<s>"
        ranked = sorted(
            zip(slot.keys[1:], slot.costs[1:], strict=True),
            key=lambda kc: -model.score(left or "<s>", kc[0] or "", right or "<s>") + kc[1],
        )[:MAX_ALTERNATIVES]
        slot.keys = [slot.keys[0], *(c for c, _ in ranked)]
        slot.costs = [slot.costs[0], *(cost for _, cost in ranked)]


def _clusters(stream: list[_Slot]) -> list[tuple[int, int]]:
    """Runs of tokens with a choice, those two tokens apart or less together (a trigram links them), at most
    ``MAX_RUN`` tokens long."""
    out: list[tuple[int, int]] = []
    for j, slot in enumerate(stream):
        if len(slot.keys) > 1:
            if out and j - out[-1][1] <= 2 and j - out[-1][0] < MAX_RUN:
                out[-1] = (out[-1][0], j)
            else:
                out.append((j, j))
    return out


def _decide_run(stream: list[_Slot], first: int, last: int, model: Model) -> dict[int, int]:
    """The chosen candidate of each token from ``first`` to ``last``. A word whose reading the corpus never
    showed ("noo") would lend its candidates' company to its neighbours ("ông già noo" → "ông giá nợ"): it is
    decided first, beside its neighbours as read, then they are decided beside its choice."""
    every = {j: list(range(len(stream[j].keys))) for j in range(first, last + 1)}
    unknown = {j for j in every if len(every[j]) > 1 and stream[j].keys[0] not in model.index}
    if not unknown:
        return _decide(stream, first, last, model, every)
    alone = _decide(stream, first, last, model, {j: c if j in unknown else [0] for j, c in every.items()})
    rest = {j: [alone[j]] if j in unknown else c for j, c in every.items()}
    return _decide(stream, first, last, model, rest)


def _decide(
    stream: list[_Slot], first: int, last: int, model: Model, allowed: dict[int, list[int]]
) -> dict[int, int]:
    """Viterbi over the run among the ``allowed`` candidates; a replacement must also have been seen in the
    corpus beside one of its chosen neighbours (not only be frequent: "sốt, ho, khó thở" keeps "ho"), else it
    is struck out and the run decided again."""
    n = len(stream)
    logp = model.logp
    for _ in range(MAX_PASSES):
        window = list(range(first - 2, min(last + 2, n) + 1))

        def cands(j: int) -> list[tuple[int, str | None, float]]:
            if j < -1:
                return [(0, None, 0.0)]
            if j == -1 or j == n:
                return [(0, "<s>", 0.0)]
            slot = stream[j]
            ids = allowed.get(j, [0])
            return [(ci, slot.keys[ci], slot.costs[ci]) for ci in ids]

        # Viterbi over the window: a state is the choice at the last two tokens; back-pointers per token
        best: dict[tuple[int, int], float] = {(0, 0): 0.0}
        prev2 = {ci: k for ci, k, _ in cands(window[0])}
        prev1 = {ci: k for ci, k, _ in cands(window[1])}
        back: list[dict[tuple[int, int], int]] = []
        for j in window[2:]:
            here = cands(j)
            nxt: dict[tuple[int, int], float] = {}
            came: dict[tuple[int, int], int] = {}
            for (a_i, b_i), score in best.items():
                a, b = prev2[a_i], prev1[b_i] or "<s>"
                for ci, c, cost in here:
                    s = score + logp(a, b, c or "<unk>") - cost - (PAIR if ci and b_i else 0.0)
                    if s > nxt.get((b_i, ci), -math.inf):
                        nxt[(b_i, ci)] = s
                        came[(b_i, ci)] = a_i
            back.append(came)
            best, prev2, prev1 = nxt, prev1, {ci: k for ci, k, _ in here}
        state = max(best, key=lambda st: best[st])
        path: list[int] = []
        for came in reversed(back):
            path.append(state[1])
            state = (came[state], state[0])
        path.reverse()
        chosen = dict(zip(window[2:], path, strict=True))
        unseen = _struck(stream, chosen, first, last, model)
        if not unseen:
            return {j: chosen[j] for j in range(first, last + 1)}
        for j in unseen:
            allowed[j] = [ci for ci in allowed[j] if ci != chosen[j]] or [0]
    # replacements still struck out after the last pass: the reading is kept, until none is left
    while True:
        unseen = _struck(stream, chosen, first, last, model)
        if not unseen:
            return {j: chosen[j] for j in range(first, last + 1)}
        for j in unseen:
            chosen[j] = 0


def _struck(stream: list[_Slot], chosen: dict[int, int], first: int, last: int, model: Model) -> list[int]:
    """The replacements the corpus never showed beside a chosen neighbour, and those of sure words that no
    one trigram term carries."""
    out = []
    for j in range(first, last + 1):
        ci = chosen[j]
        if not ci:
            continue
        slot = stream[j]
        k = slot.keys[ci] or ""
        left, right = _chosen(stream, chosen, j - 1), _chosen(stream, chosen, j + 1)
        if NEED_CONTEXT and not model.attested(left, k, right):
            out.append(j)
        elif slot.need:
            far_left = _chosen(stream, chosen, j - 2) if j >= 1 else None
            far_right = _chosen(stream, chosen, j + 2)
            read = slot.keys[0] or "<unk>"
            gain = max(
                model.logp(far_left, left, k) - model.logp(far_left, left, read),
                model.logp(left, k, right) - model.logp(left, read, right),
                model.logp(k, right, far_right) - model.logp(read, right, far_right),
            )
            if gain < min(slot.need, slot.costs[ci]):
                out.append(j)
    return out


def _chosen(stream: list[_Slot], chosen: dict[int, int], j: int) -> str:
    if not 0 <= j < len(stream):
        return "<s>"
    return stream[j].keys[chosen.get(j, 0)] or "<unk>"


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
    out.update(_place_names(words))
    return out


# the words a place's or an organ's name follows ("huyện Đông Anh", "ỦY BAN NHÂN DÂN HUYỆN ĐẦM DƠI", "thị xã
# La Gi", "thành phố Hội An"); the name is the capitalised words after it, which the model cannot know
PLACE_WORDS = frozenset(_key(w) for w in ("huyện", "tỉnh", "xã", "phường", "quận"))
# ... and the words a person's name follows ("ông Hà", "VỀ VIỆC GIẢI QUYẾT ĐƠN CỦA ÔNG THẮNG": in capitals
# no family name marks it, and the model made it "ông bà", "ông tháng", at 0.85 in the subject)
PERSON_WORDS = frozenset(_key(w) for w in ("ông", "bà"))
# ... but not where they make a word of kin with their neighbour: "bà con" (the people), "ông bà", "ông
# nội": no name follows, and in a subject in capitals the misreads after them ("HỖ TRỢ BÀ CON BI THIỆT HẠI",
# "CHO ÔNG BÀ THƯỢNG TRÚ") went in at 0.94 uncorrected
KIN_WORDS = frozenset(_key(w) for w in ("con", "ông", "bà", "cháu", "nội", "ngoại"))
PLACE_PAIRS = frozenset((_key(a), _key(b)) for a, b in (("thị", "trấn"), ("thành", "phố"), ("thị", "xã")))
PLACE_NAME_WORDS = 3
_TRAIL = "()[],.;:\"'“”"


def _bare_key(word: str) -> str:
    m = _SYLLABLE.match(nfc(word))
    return _key(m.group(2)) if m is not None else ""


def _place_names(words: list[str]) -> set[int]:
    """Indexes of up to three capitalised (or all-caps) words after a place word, up to punctuation ("xã
    hội" is no place: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" keeps its corrections)."""
    out: set[int] = set()
    for i, w in enumerate(words[:-1]):
        if w != w.rstrip(_TRAIL):
            continue  # "… của tỉnh. Ủy ban": the sentence ended
        k = _bare_key(w)
        if (
            k not in PLACE_WORDS
            and k not in PERSON_WORDS
            and (i == 0 or (_bare_key(words[i - 1]), k) not in PLACE_PAIRS)
        ):
            continue
        if _bare_key(words[i + 1]) == _key("hội"):
            continue
        if k in PERSON_WORDS and (
            _bare_key(words[i + 1]) in KIN_WORDS or (i > 0 and _bare_key(words[i - 1]) in PERSON_WORDS)
        ):
            continue  # "bà con", "ông bà": kin, no name after them
        for j in range(i + 1, min(i + 1 + PLACE_NAME_WORDS, len(words))):
            nxt = words[j].lstrip(_TRAIL)
            if not nxt[:1].isupper() or _bare_key(nxt) in PLACE_WORDS:
                break
            out.add(j)
            if words[j] != words[j].rstrip(_TRAIL):
                break
    return out


# a province's name after "tỉnh" or "thành phố" has the province's own marks, which the list knows and the
# model cannot (it keeps a place's name as read): "tỉnh Ninh Binh" on a blurred photo (seed 363 dev 010,
# "Binh" at 73) went into the subject so. A name whose letters, marks aside, are one province's and only
# one's is given its marks; the hyphenated "Bà Rịa - Vũng Tàu" is left as read.
def _province_skeletons() -> dict[tuple[str, ...], tuple[str, ...]]:
    names: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for name in PROVINCES:
        words = tuple(nfc(name).split())
        if all(re.fullmatch(r"[^\W\d_]{1,7}", w) for w in words):
            names.setdefault(tuple(_skeleton(w.lower()) for w in words), set()).add(words)
    return {k: v.pop() for k, v in names.items() if len(v) == 1}


_PROVINCE_SKELETONS = _province_skeletons()
PROVINCE_NAME_WORDS = max(map(len, _PROVINCE_SKELETONS))


def _provinces_marked(words: list[str]) -> list[str]:
    """The words with each province's name after "tỉnh" / "thành phố" given its own marks (see above)."""
    out = list(words)
    for i, w in enumerate(words[:-1]):
        k = _bare_key(w)
        after_city = k == _key("phố") and i > 0 and _bare_key(words[i - 1]) == _key("thành")
        if (k != _key("tỉnh") and not after_city) or w != w.rstrip(_TRAIL):
            continue
        for n in range(min(PROVINCE_NAME_WORDS, len(words) - i - 1), 0, -1):
            run = [m for x in words[i + 1 : i + 1 + n] if (m := _SYLLABLE.match(nfc(x))) is not None]
            if len(run) < n or any(not m[2][:1].isupper() for m in run) or any(m[3] for m in run[:-1]):
                continue
            found = _PROVINCE_SKELETONS.get(tuple(_skeleton(m[2].lower()) for m in run))
            if found is not None and n == 1 and _name_goes_on(words, i + 2, run[-1]):
                # a one-word province's letters begin a longer name ("thành phố Hue Châu": no Huế); a longer
                # province's name is told by its words (the next line's capitals may follow it: "… TỈNH
                # NINH BINH" / "SỞ …")
                break
            if found is not None:
                for j, (m, right) in enumerate(zip(run, found, strict=True)):
                    out[i + 1 + j] = m[1] + cased(right, m[2]) + m[3]
                break
    return out


# ------------------------------------------------------------------------------------- a place's marks
# The places the corpus names after a level's word ("huyện Lục Ngạn", "xã Trảng Bàng": data/place_names.txt,
# built by tools/build_places.py), two syllables each: a place's name as read is told from a person's
# ("Lục Ngạn" is no given name "Ngạn"). (No word is re-marked by them: a person's name is spelled like a
# place's, "Thanh Thúy", "Văn Lam", and a phrase's words too, "Biển Đông", review header46 H1/H2.)
PLACES = Path(__file__).resolve().parent / "data" / "place_names.txt"


@lru_cache(maxsize=1)
def _places() -> dict[tuple[str, str], tuple[tuple[str, ...], ...]]:
    """The gazetteer's two-word names by their words' skeletons: each name as its words' keys."""
    out: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        words = nfc(line.split("\t")[0]).split()
        if len(words) == 2:
            a, b = (w.lower() for w in words)
            out.setdefault((_skeleton(a), _skeleton(b)), set()).add((_key(a), _key(b)))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def known_place(a: str, b: str) -> bool:
    """Whether the words ``a`` ``b`` (marks around them aside) are a place's two-word name the gazetteer
    knows, with its marks ("Lục Ngạn,")."""
    ma, mb = _SYLLABLE.match(nfc(a)), _SYLLABLE.match(nfc(b))
    if ma is None or mb is None:
        return False
    sk = (_skeleton(ma[2].lower()), _skeleton(mb[2].lower()))
    return (_key(ma[2].lower()), _key(mb[2].lower())) in _places().get(sk, ())


def _name_goes_on(words: list[str], j: int, last: re.Match[str]) -> bool:
    """The capitalised name goes on past its word ``j - 1`` (``last``, no stop after it) to word ``j``."""
    if j >= len(words) or last[3]:
        return False
    nxt = _SYLLABLE.match(nfc(words[j]))
    return nxt is not None and nxt[2][:1].isupper()


def _law_title(words: list[str], i: int) -> bool:
    """The first word of a law's name ("Luật Tố tụng hành chính", "Luật Tổ chức Chính phủ"): capitalised,
    but the legal corpus's own words, not a name the model cannot know."""
    return i > 0 and words[i - 1].strip("()[],.;:\"'“”").casefold() == "luật"


def _is_title(words: list[str], i: int) -> bool:
    if not 0 <= i < len(words):
        return False
    w = words[i].strip("()[],.;:\"'“”")
    return len(w) > 1 and w[0].isupper() and not w.isupper()


# a blurred page's word is judged as read at most this surely (0: as Tesseract says): on a shaken photo its
# tone marks are guesses read as surely as print ("môi trường điện từ" for "điện tử" at 96, seed 425 dev
# 004). Measured (`bench blurocr`, tuning seeds 331 and 333, 14 shaken photos a family): text 0.9318/0.9462
# → 0.9341/0.9483 (alt/dev, 331), 0.9166/0.9248 → 0.9195/0.9259 (333), 75 the same as 85 on 331; fields on
# 333's shaken photos the same (0.934/0.898); real photos 0.9772 → 0.9778 (4_1_v2_blur up)
BLURRED_CONF = 85.0


def correct(page: RecognizedPage) -> RecognizedPage:
    """The page with its words corrected and its text rebuilt from them (OCR'd pages only)."""
    if page.source != "ocr" or not page.words:
        return page
    confs = [w.conf for w in page.words]
    if page.blurred and BLURRED_CONF > 0:
        # (words in small letters: a heading's capitals, a name's, keep their margins: "CHU VĂN AN")
        confs = [
            min(c, BLURRED_CONF) if w.text.islower() else c for w, c in zip(page.words, confs, strict=True)
        ]
    texts = correct_words([w.text for w in page.words], confs)
    if texts == [w.text for w in page.words]:
        return page
    words: list[Word] = [
        w
        if t == w.text
        else replace(
            w,
            text=t,
            read=w.read or w.text,
            conf=min(w.conf, NUMERAL_GUESS_CONF) if numeral_guessed(w.text, t) else w.conf,
        )
        for w, t in zip(page.words, texts, strict=True)
    ]
    return replace(page, words=tuple(words), text=page_text(words))


# ------------------------------------------------------------------------------------- a letter misread
# A blurred photo's letters are misread for their look-alikes, not only their marks: "bạm hành" (ban), "đổa
# bàn" (địa), "tổ sở" (cơ), "nông thôn tới năm 2023" (mới), and Tesseract is as sure of them as of a word
# read right ("nghệ" of "nghị" at 93). ``relettered_words`` replaces a word by the one frequent syllable one
# letter from it (marks aside) that the corpus shows beside both its neighbours, when the three trigrams it
# stands in score it a wide margin (LETTER_MARGIN) above the word as read and above the next candidate. On
# the generator's 587 subjects and 1026 body paragraphs as written (dev, alt) the largest such margin was
# ln 400 ("sau" → "mẫu"); the misreads above win by ln 4000 to ln 1e11.
LETTER_MARGIN = math.log(3000.0)
LETTER_RIVAL = math.log(8.0)  # the best candidate must beat the next by this much
_CONTEXT_CLASSES = frozenset({"<s>", "<p>", "<num>", "<unk>"})


@lru_cache(maxsize=1)
def _by_deletion() -> dict[str, frozenset[str]]:
    """Each skeleton of a frequent syllable under the skeleton less one of its letters (or whole): the
    skeletons one edit from a word's are found among its own deletions' entries."""
    model = load()
    out: dict[str, set[str]] = {}
    for s, ks in model.by_skeleton.items():
        if not any(model.count(k) >= MIN_COUNT for k in ks):
            continue
        for i in range(len(s) + 1):
            out.setdefault(s[:i] + s[i + 1 :], set()).add(s)
    return {d: frozenset(v) for d, v in out.items()}


_LETTERS = frozenset(
    unicodedata.normalize("NFC", v + m) for v in "aăâeêioôơuưy" for m in ("", *TONE_MARKS)
) | frozenset("bcdđghklmnpqrstvxfjwz")


def _foreign_letter(core: str) -> bool:
    """Whether a word holds a letter outside Vietnamese's alphabet and the Latin letters f, j, w, z ("ñ",
    "ø": a misreading in a Vietnamese text, though a foreign name may be so written: a word led by a capital
    with one is relettered only when the corpus shows a syllable beside both neighbours by a wide margin)."""
    return any(ch.lower() not in _LETTERS for ch in core)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def skeletons_near(s: str) -> set[str]:
    """The corpus's skeletons one edit (a letter changed, added or dropped) from ``s``."""
    table = _by_deletion()
    near: set[str] = set()
    for i in range(len(s) + 1):
        near.update(t for t in table.get(s[:i] + s[i + 1 :], ()) if _one_edit(s, t))
    return near


def _side(word: str, model: Model, *, left: bool) -> str:
    """What ``word`` shows its neighbour on that side: its key, or a class (number, punctuation, unknown)."""
    m = _SYLLABLE.match(word)
    if m is None:
        return "<num>" if any(ch.isdigit() for ch in word) else "<p>"
    pre, core, post = m.groups()
    if post if left else pre:
        return "<p>"
    k = _key(core.lower())
    return k if k in model.index else "<unk>"


def bigram(model: Model, a: str, b: str) -> bool:
    """Whether the corpus shows the keys ``a`` then ``b`` side by side."""
    ia, ib = model.index.get(a), model.index.get(b)
    return ia is not None and ib is not None and ia * model.size + ib in model.bigrams


class Reletter(StrEnum):
    """Which words a re-lettering pass (``relettered_words``) judges, and how surely the model must speak.
    Both modes choose among the same candidates (``_near_keys``), score them alike (``_trigrams``), decide
    by ``_best_key`` (each its own ``_Margins``) and write the winner in the word's case (``_spelled``)."""

    # a page's words, Tesseract's confidence aside (a blurred photo's misreads are read as surely as the
    # rest): the one candidate the corpus shows beside both neighbours, by ``LETTER_MARGIN``; twice, a word
    # garbled infilled, specks dropped
    PAGE = "page"
    # a trích yếu's words read unsure (below ``SUSPECT_CONF``) or no syllable, between two words read well:
    # by ``UNSURE_MARGIN`` (see ``_unsure_fix``); again beside a word replaced, taken as read well
    UNSURE = "unsure"


@dataclass(frozen=True)
class _Margins:
    """What a candidate must win by: over the word as read (``read``) and over the next candidate
    (``rival``). ``heard_first``: a candidate the corpus never shows beside a neighbour is struck before the
    ranking (a page's words: no evidence for it); else the winner must be one it shows beside both."""

    read: float
    rival: float
    heard_first: bool


# ------------------------------------------------------------------------------------- an unsure word
# A trích yếu's word read unsure, or no syllable, between two words read well is replaced by the syllable
# the model prefers by far among those whose letters (tone and vowel marks apart) are one edit from what
# was read ("Về việc đã nghị điều chỉnh …" of "đề nghị", "đã" read at 45 under a stamp's stroke). The margin
# asked is large, over the word as read and over the next candidate, and the syllable must be one the
# corpus shows beside both neighbours: a subject read right is left as it is (run over the ground truth of
# generated documents' subjects with every word taken for unsure, it changes none). Numbers, roman numerals
# after "quý", "phần" …, names (a capital beside a capital), words in quotes and words of one letter are
# never touched; nor words in capitals ("GIS", "HTX"), but a roman numeral's shape read very unsure ("quản
# IV cụm" of "quản lý", at 23). A word read unsure that is a frequent syllable stands unless read very unsure
# (below ``VERY_UNSURE``): an ordinary word is often read at 60 ("lò đốt", "vỏ bao").
SUSPECT_CONF = 70.0  # a word read below this is one the model may replace
NEIGHBOUR_CONF = 80.0  # its neighbours read at least this surely (where the page's words show them)
# log-score the chosen syllable wins by over the word as read, and over the next syllable of the candidates
UNSURE_MARGIN = math.log(1000.0)
UNSURE_RIVAL = math.log(10.0)
# a word as read that is a frequent syllable stands unless read below this ("lò đốt", "vỏ bao", "cầu yếu",
# "dưới tán", "chợ phiên" read at 62 are right: an ordinary word read so is common, a misread one rarer)
VERY_UNSURE = 50.0
# log-score a syllable after a comma (judged after the mark, ``<p>``: any word may open a list's item) loses
# by to the one the model prefers ("cháy, hứa cháy" of "chữa" by e^20; "bàn, ghế, tủ cho" not "tử", by e^8)
LISTED_MARGIN = math.log(1e6)
FAR_EDITS = 2  # letters a word that is no syllable may be off its syllable's
EDIT_COST = math.log(30.0)  # what each edit past the first costs a candidate
_MARGINS = {
    Reletter.PAGE: _Margins(LETTER_MARGIN, LETTER_RIVAL, heard_first=True),
    Reletter.UNSURE: _Margins(UNSURE_MARGIN, UNSURE_RIVAL, heard_first=False),
}
_EDGES = "\"'`‘’“”«»()[]{},.;:!?…-–"
_QUOTES = '“”"«»'
_ROMAN = re.compile(r"[IVXLC]+")


@lru_cache(maxsize=1)
def _frequent_skeletons() -> tuple[str, ...]:
    model = load()
    return tuple(s for s, ks in model.by_skeleton.items() if any(model.count(k) >= MIN_COUNT for k in ks))


def _near_keys(model: Model, core: str, far: bool) -> dict[str, int]:
    """The corpus's frequent syllables whose letters, marks apart, are one edit from the word's (or the
    same, its marks misread), two with ``far`` (a word that is no syllable: "WSen" of "trên"), each with
    its edits."""
    s = _skeleton(core)
    near = {s: 0, **{t: 1 for t in skeletons_near(s) if t != s}}
    if far:
        for t in _frequent_skeletons():
            if (
                t not in near
                and abs(len(t) - len(s)) <= FAR_EDITS
                and Levenshtein.distance(s, t) <= FAR_EDITS
            ):
                near[t] = Levenshtein.distance(s, t)
    out: dict[str, int] = {}
    for t, d in near.items():
        out.update((k, d) for k in model.by_skeleton.get(t, ()) if model.count(k) >= MIN_COUNT)
    return out


_Context = tuple[str | None, str, str, str | None]  # far left, left, right, far right (None: none)


def _trigrams(model: Model, ctx: _Context, k: str) -> float:
    """The log-score of the three trigrams ``k`` stands in (two where nothing is known past the right)."""
    l2, l1, r1, r2 = ctx
    s = model.logp(l2, l1, k) + model.logp(l1, k, r1)
    if r2 is not None:
        s += model.logp(k, r1, r2)
    return s


def _best_key(model: Model, core: str, ctx: _Context, mode: Reletter, *, far: bool = False) -> str | None:
    """The key of the candidate (``_near_keys``) the model prefers to ``core`` between ``ctx``'s neighbours
    by the mode's margins, or None."""
    margins = _MARGINS[mode]
    _, l1, r1, _ = ctx
    own = _key(core.lower())

    def heard(c: str) -> bool:  # the corpus shows it beside both neighbours (an unknown one no evidence)
        return (l1 == "<unk>" or bigram(model, l1, c)) and (r1 == "<unk>" or bigram(model, c, r1))

    scored = sorted(
        (
            (_trigrams(model, ctx, k) - EDIT_COST * max(0, d - 1), k)
            for k, d in _near_keys(model, core, far).items()
            if k != own and (not margins.heard_first or heard(k))
        ),
        reverse=True,
    )
    if not scored:
        return None
    best, k = scored[0]
    second = scored[1][0] if len(scored) > 1 else -math.inf
    if best - _trigrams(model, ctx, own) < margins.read or best - second < margins.rival:
        return None
    return k if heard(k) else None


def _spelled(model: Model, k: str, read: str, left: str = "", right: str = "") -> str:
    """Syllable ``k`` written in the case ``read`` was, but in small letters between two words in small
    letters (a capital inside a phrase in small letters: a misreading of the small one)."""
    surface = model.surface[model.index[k]]
    if left[:1].islower() and right[:1].islower():
        return surface
    return cased(surface, read)


def _letter_fix(words: list[str], i: int, model: Model) -> str | None:
    m = _CORE.match(words[i])
    if m is None:
        return None
    pre, core, post = m.groups()
    if any(ch.isupper() for ch in core):
        # a name, a heading's capitals: no syllable model for them; but a capital opening a word with a letter
        # no Vietnamese or Latin name is written with ("Sñ" of "an" beside a stamp, seed 421 alt 007) is a
        # misreading, judged in small letters
        if not (core[1:].islower() and _foreign_letter(core)):
            return None
        core = core.lower()
    left = "<s>" if i == 0 else ("<p>" if pre else _side(words[i - 1], model, left=True))
    right = "<p>" if i + 1 == len(words) or post else _side(words[i + 1], model, left=False)
    if all(side in _CONTEXT_CLASSES for side in (left, right)):
        return None  # no word beside it to judge it by
    far_left = None if i < 2 or left in ("<s>", "<p>") else _side(words[i - 2], model, left=True)
    far_right = "<p>" if right == "<p>" or i + 2 >= len(words) else _side(words[i + 2], model, left=False)
    k = _best_key(model, core, (far_left, left, right, far_right), Reletter.PAGE)
    return None if k is None else pre + _spelled(model, k, core) + post


def _quoted(words: list[str]) -> list[bool]:
    """Each word inside a quotation (a title cited: its words as printed)."""
    out, inside = [], False
    for w in words:
        opens = w[:1] in _QUOTES
        closes = w[-1:] in _QUOTES and (len(w) > 1 or not opens)
        out.append(inside or opens)
        if opens and not (len(w) > 1 and closes):
            inside = True
        elif closes:
            inside = False
    return out


def _known(model: Model, core: str) -> str | None:
    """The word's key, a syllable the corpus shows often, or None."""
    if not core.isalpha():
        return None
    k = _key(core.lower())
    return k if model.count(k) >= MIN_COUNT else None


def _is_syllable(model: Model, core: str) -> bool:
    return not model.valid or _key(nfc(core)) in model.valid


def _unsure_fix(
    words: list[str], i: int, confs: list[float | None], quoted: bool, model: Model
) -> str | None:
    """``words[i]`` replaced as ``Reletter.UNSURE`` judges it (see above), or None: ``confs`` the confidence
    each word was read at (None: a repair of the subject's own, taken as read)."""
    read = words[i]
    core = read.strip(_EDGES)
    if len(core) < 2 or not core.isalpha() or quoted or core != read:
        return None  # a mark beside the word: a phrase's edge, not its middle
    conf = confs[i]
    unsure = conf is not None and conf < SUSPECT_CONF
    if not (unsure or not _is_syllable(model, core)):
        return None  # a word read surely
    if core.isupper() and not (_ROMAN.fullmatch(core) and conf is not None and conf < VERY_UNSURE):
        return None  # an acronym ("ODA", "GIS", "HTX") however read; but "quản IV cụm" of "lý", read at 23
    left, right = words[i - 1], words[i + 1]
    lc, rc = left.strip(_EDGES), right.strip(_EDGES)
    listed = _listed_after(left, lc)
    if (left != lc and not listed) or right != rc:
        return None  # punctuation beside it: the word may open or end a clause of its own
    l1, r1 = _known(model, lc), _known(model, rc)
    if l1 is None or r1 is None:
        return None
    if any((c := confs[j]) is not None and c < NEIGHBOUR_CONF for j in (i - 1, i + 1)):
        return None
    if core[:1].isupper() and (lc[:1].isupper() or rc[:1].isupper()):
        return None  # a name's or a title's capitals
    if _ROMAN.fullmatch(core) and _key(lc.lower()) in NUMERAL_CONTEXT:
        return None  # "quý IV"
    l2 = (
        _known(model, words[i - 2].strip(_EDGES))
        if i >= 2 and words[i - 2] == words[i - 2].strip(_EDGES)
        else None
    )
    if listed:
        l2, l1 = l1, "<p>"  # "phòng cháy, hứa cháy": judged after the comma, as the corpus has its marks
    r2 = _known(model, words[i + 2].strip(_EDGES)) if i + 2 < len(words) else None
    own = _key(core.lower())
    if bigram(model, l1, own) and bigram(model, own, r1):
        return None  # the word as read goes with both its neighbours ("tuyển sinh vào lớp"): it stands
    if model.count(own) >= MIN_COUNT and (conf is None or conf >= VERY_UNSURE):
        # a frequent syllable read not very unsure stands, whether the corpus shows it beside a neighbour
        # ("lò đốt", "vỏ bao", "cầu yếu") or neither ("chợ phiên"): "đã nghị" of "đề nghị" at 61 stays too
        return None
    far = unsure and not _is_syllable(model, core)
    ctx = (l2, l1, r1, r2)
    k = _best_key(model, core, ctx, Reletter.UNSURE, far=far)
    gain = -math.inf if k is None else _trigrams(model, ctx, k) - _trigrams(model, ctx, own)
    if listed and _is_syllable(model, core) and gain < LISTED_MARGIN:
        return None  # "bàn, ghế, tủ cho": a syllable after a comma, which tells little of the word to come
    return None if k is None else _spelled(model, k, core, lc, rc)


def _listed_after(left: str, core: str) -> bool:
    """``left`` is a word with only a comma after it ("cháy,"): the word after it goes on a list of the
    subject's ("phòng cháy, chữa cháy"; "phòng, chống tham nhũng"), judged after the comma (``<p>``)."""
    return bool(core) and left == core + ","


def _unsure_round(words: list[str], confs: list[float | None], model: Model) -> list[str]:
    """One ``Reletter.UNSURE`` pass over the words, left to right, each judged beside its left neighbour as
    replaced so far."""
    out = list(words)
    quoted = _quoted(words)
    for i in range(1, len(words) - 1):
        got = _unsure_fix(out, i, confs, quoted[i], model)
        if got is not None:
            out[i] = got
    return out


def relettered_words(
    words: list[str], confs: list[float | None], model: Model | None = None, mode: Reletter = Reletter.PAGE
) -> list[str]:
    """``words`` (a phrase in reading order; ``confs`` Tesseract's confidence in each, None: not read, kept)
    with each word one letter misread replaced, as ``mode`` judges it.

    ``Reletter.PAGE`` (see ``LETTER_MARGIN``; Tesseract's confidence aside: on a blurred photo it is as sure
    of a misread as of a word read right): judged beside its neighbours as corrected so far; twice, so a
    word beside a misread one is judged again beside it corrected ("tới nhãm 2023" → "tới năm" → "mới năm");
    a word garbled with signs among its letters is the syllable its neighbours leave (``infilled``). Words in
    capitals, with digits, of one letter are kept. A blurred photo's specks go too: an underscore stuck to a
    word ("_phố": no print has one), and a lone speck read as a digit or a mark between two words that the
    corpus shows side by side far likelier without it ("đầu tư 1 công năm" → "đầu tư công": by
    ``LETTER_MARGIN``; "nhiệm vụ 6 tháng đầu năm" stands, ln 5 at most on the generator's texts).

    ``Reletter.UNSURE`` (a trích yếu's words, ``_unsure_fix``): a word read unsure between two read well;
    a second time where a word was replaced, beside it taken as read well (None)."""
    model = model or load()
    if mode is Reletter.UNSURE:
        out = _unsure_round(words, confs, model)
        if out != words:
            again = [None if a != b else c for a, b, c in zip(out, words, confs, strict=True)]
            out = _unsure_round(out, again, model)
        return out
    out = [
        w.strip("_") if c is not None and _UNDERSCORED.match(w) else w
        for w, c in zip(words, confs, strict=True)
    ]
    for _ in range(2):
        for i, c in enumerate(confs):
            if c is None:
                continue
            got = _letter_fix(out, i, model) or infilled(out, i, model, unread=c <= UNREAD_CONF)
            if got is not None:
                out[i] = got
    kept = [
        w
        for i, w in enumerate(out)
        if confs[i] is None or not _SPECK.fullmatch(w) or not _speck_between(out, i, model)
    ]
    return kept


_UNDERSCORED = re.compile(r"^_+[^\W\d_]+_*$|^[^\W\d_]+_+$")

# ------------------------------------------------------------------------------------- a word garbled
# A word read with signs among its letters ("Giấy phép š]qh doanh" of "kinh doanh", "hành Chẳ»h năm" of
# "chính": a stamp's ink or a blur through it) is no reading of any word; where its two neighbours leave one
# frequent syllable the corpus shows beside both, by a wide margin over the next (INFILL_RIVAL), with its
# first or last letter and about as many letters (INFILL_LETTERS), it is that syllable: always a guess, the
# field it is in goes to review (``fields.subject.relettered``).
# (not the marks that join two words written without a space: "tế-xã", "lý,bảo", "A&B", any dash; nor two
# syllables joined by any sign, "nước»của": ``_joined``)
GARBLED = re.compile(r"^(\W*)([^\W\d_]+[^\w\s\-–—‐‑‒−~/.,;:()'\"“”‘’&]+[^\W\d_]+)(\W*)$")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _joined(core: str, model: Model) -> bool:
    """Whether every run of letters of a word with signs inside is a syllable of its own (two words joined by
    a sign: "tế—xã", "nước»của", "Ê‑đê"), not one word garbled ("š]qh", "Chẳ»h")."""
    runs = _LETTER_RUN.findall(core)
    return all((k := _key(r.lower())) in model.index or k in model.valid for r in runs)


INFILL_RIVAL = math.log(20.0)
INFILL_LETTERS = 2


@lru_cache(maxsize=1)
def _frequent_by_end() -> dict[tuple[int, str], tuple[tuple[str, str], ...]]:
    """The frequent syllables (key, skeleton) by their skeleton's first letter ``(0, a)`` and last
    ``(-1, z)``."""
    model = load()
    out: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for k in model.index:
        if k.startswith("<") or model.count(k) < MIN_COUNT or not (sk := skeleton(k[:-1])):
            continue
        out.setdefault((0, sk[0]), []).append((k, sk))
        out.setdefault((-1, sk[-1]), []).append((k, sk))
    return {e: tuple(v) for e, v in out.items()}


# A word Tesseract read at this confidence or less (0..100) was not read at all: its letters, a syllable
# or not, are no reading of the word there ("Ban tị (2) đạo" of "Ban Chỉ đạo" under a stamp's pen number on
# a blurred photo, seed 455 dev 007); it is infilled as a garbled word is, by the same margins
UNREAD_CONF = 10.0
_UNREAD = re.compile(r"^(\W*)([^\W\d_]{2,7})(\W*)$")


def infilled(words: list[str], i: int, model: Model, *, unread: bool = False) -> str | None:
    """The syllable a garbled ``words[i]`` (``GARBLED``; or any word of letters not read at all, ``unread``:
    ``UNREAD_CONF``) stands for, judged by its neighbours; None when they leave none or more than one."""
    m = GARBLED.match(words[i]) or (_UNREAD.match(words[i]) if unread else None)
    if m is None or i == 0 or i + 1 >= len(words):
        return None
    pre, core, post = m.groups()
    if not unread and _joined(core, model):
        return None
    letters = skeleton("".join(ch for ch in core if ch.isalpha()))
    left = "<p>" if pre else _side(words[i - 1], model, left=True)
    right = "<p>" if post else _side(words[i + 1], model, left=False)
    if left in _CONTEXT_CLASSES or right in _CONTEXT_CLASSES or len(letters) < 2:
        return None
    if unread:
        own = _side(words[i], model, left=False)
        if bigram(model, left, own) and bigram(model, own, right):
            return None  # read unsure, but a syllable the corpus shows between its neighbours (REVIEW-37 M2)
    far_left = _side(words[i - 2], model, left=True) if i >= 2 else None
    far_right = _side(words[i + 2], model, left=False) if i + 2 < len(words) else "<p>"
    scored = []
    table = _frequent_by_end()
    near = dict.fromkeys((*table.get((0, letters[0]), ()), *table.get((-1, letters[-1]), ())))
    for c, sk in near:
        ends = (sk[0] == letters[0]) + (sk[-1] == letters[-1])
        if abs(len(sk) - len(letters)) > INFILL_LETTERS:
            continue
        if not (bigram(model, left, c) and bigram(model, c, right)):
            continue
        score = model.logp(far_left, left, c) + model.logp(left, c, right) + model.logp(c, right, far_right)
        # its shape: as many letters as the garble has signs (each sign a letter misread), both ends its own
        shape = GLYPH_COST * (abs(len(sk) - len(core)) + 2 - ends)
        scored.append((score - shape, c))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < INFILL_RIVAL:
        return None
    return pre + model.surface[model.index[scored[0][1]]] + post


_SPECK = re.compile(r"\d{1,2}|[^\w\s]{1,2}")


def _speck_between(words: list[str], i: int, model: Model) -> bool:
    """``words[i]`` is a speck between two words the corpus shows side by side far likelier without it."""
    if i < 1 or i + 1 >= len(words):
        return False
    left, right = _side(words[i - 1], model, left=True), _side(words[i + 1], model, left=False)
    if left in _CONTEXT_CLASSES or right in _CONTEXT_CLASSES:
        return False
    far_left = _side(words[i - 2], model, left=True) if i >= 2 else None
    far_right = _side(words[i + 2], model, left=False) if i + 2 < len(words) else "<p>"
    t = _side(words[i], model, left=False)
    keep = model.logp(far_left, left, t) + model.logp(left, t, right) + model.logp(t, right, far_right)
    drop = model.logp(far_left, left, right) + model.logp(left, right, far_right)
    return drop - keep >= LETTER_MARGIN
