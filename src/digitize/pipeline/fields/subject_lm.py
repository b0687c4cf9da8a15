"""One general repair of a trích yếu's words by the syllable trigram model (``correct``): a word read unsure,
or no syllable, between two words read well is replaced by the syllable the model prefers by far among those
whose letters (tone and vowel marks apart) are one edit from what was read ("Về việc đã nghị điều chỉnh …"
of "đề nghị", "đã" read at 45 under a stamp's stroke). The margin asked is large, over the word as read and
over the next candidate, and the syllable must be one the corpus shows beside both neighbours: a subject
read right is left as it is (run over the ground truth of generated documents' subjects with every word
taken for unsure, it changes none). A subject changed so is in doubt: the model supplied the word, the page
did not. Numbers, roman numerals after "quý", "phần" …, names (a capital beside a capital), words in quotes
and words of one letter are never touched; nor words in capitals ("GIS", "HTX"), but a roman numeral's shape
read very unsure ("quản IV cụm" of "quản lý", at 23). A word read unsure that is a frequent syllable stands
unless read very unsure (below ``VERY_UNSURE``): an ordinary word is often read at 60 ("lò đốt", "vỏ bao").

Left to do (review MED2): this repeats the shape of ``correct._letter_fix`` (candidates one edit away, seen
beside both neighbours, three trigrams, a margin over the word and over the next candidate) with its own
gates (Tesseract's confidence, neighbours read well, quotes, names, two edits for a word that is no
syllable, margins ``MARGIN``/``RIVAL`` in place of ``LETTER_MARGIN``/``LETTER_RIVAL``). It shares the
model's helpers (``correct.bigram``, ``cased``, ``skeletons_near``) but not yet the loop: one mode of
``correct.relettered_words`` (a margin parameter, a confidence-gated unsure mode, the two-edit option) called
from here would remove the rest; not done, as ``relettered_words`` serves every page's text."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from digitize.pipeline import correct
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.result import Found
from digitize.pipeline.fields.subject import _own_words
from digitize.pipeline.syllable import key as syllable_key
from digitize.pipeline.syllable import skeleton

GUESSED_CONFIDENCE = 0.5  # as the subject's other guesses
SUSPECT_CONF = 70.0  # a word read below this is one the model may replace
NEIGHBOUR_CONF = 80.0  # its neighbours read at least this surely (where the page's words show them)
# log-score the chosen syllable wins by over the word as read, and over the next syllable of the candidates
MARGIN = math.log(1000.0)
# a word as read that is a frequent syllable stands unless read below this ("lò đốt", "vỏ bao", "cầu yếu",
# "dưới tán", "chợ phiên" read at 62 are right: an ordinary word read so is common, a misread one rarer)
VERY_UNSURE = 50.0
RIVAL = math.log(10.0)
FAR_EDITS = 2  # letters a word that is no syllable may be off its syllable's
EDIT_COST = math.log(30.0)  # what each edit past the first costs a candidate
_EDGES = "\"'`‘’“”«»()[]{},.;:!?…-–"
_QUOTES = '“”"«»'
_ROMAN = re.compile(r"[IVXLC]+")


def _core(word: str) -> str:
    return word.strip(_EDGES)


def _quoted(words: Sequence[str]) -> list[bool]:
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


def _confs(words: Sequence[str], own: Sequence[Line]) -> list[float | None]:
    """The confidence each of the subject's words was read at, by position (``subject._own_words``: a word
    repeated has each copy's own); None, a word not read there (a repair of the subject's own)."""
    return [None if r is None else r.conf for r in _own_words(words, own)]


def _known(model: correct.Model, core: str) -> str | None:
    """The word's key, a syllable the corpus shows often, or None."""
    if not core.isalpha():
        return None
    k = syllable_key(core.lower())
    return k if model.count(k) >= correct.MIN_COUNT else None


def _score(model: correct.Model, ctx: tuple[str | None, str, str, str | None], k: str) -> float:
    l2, l1, r1, r2 = ctx
    s = model.logp(l2, l1, k) + model.logp(l1, k, r1)
    if r2 is not None:
        s += model.logp(k, r1, r2)
    return s


@lru_cache(maxsize=1)
def _frequent_skeletons() -> tuple[str, ...]:
    model = correct.load()
    return tuple(
        s for s, ks in model.by_skeleton.items() if any(model.count(k) >= correct.MIN_COUNT for k in ks)
    )


def _candidates(model: correct.Model, core: str, far: bool) -> dict[str, int]:
    """The corpus's frequent syllables whose letters, marks apart, are one edit from the word's (or the
    same, its marks misread), two with ``far`` (a word that is no syllable: "WSen" of "trên"), each with
    its edits."""
    s = skeleton(core.lower())
    near = {s: 0, **{t: 1 for t in correct.skeletons_near(s) if t != s}}
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
        out.update((k, d) for k in model.by_skeleton.get(t, ()) if model.count(k) >= correct.MIN_COUNT)
    return out


def _cased(surface: str, read: str, left: str, right: str) -> str:
    if left[:1].islower() and right[:1].islower():
        return surface  # a capital inside a phrase in small letters: a misreading of the small one
    return correct.cased(surface, read)


def repaired_words(words: Sequence[str], confs: Sequence[float | None] | Mapping[str, float]) -> list[str]:
    """The words with each suspect one between two words read well replaced as the model prefers by far
    (see the module); ``confs``: the confidence each word was read at, by position (None: a repair of the
    subject's own, taken as read), or by word (each copy of a word alike)."""
    model = correct.load()
    out = list(words)
    if isinstance(confs, Mapping):
        by_word = confs
        confs = [by_word.get(_core(w)) for w in words]
    assert len(confs) == len(words)
    quoted = _quoted(words)
    for i in range(1, len(words) - 1):
        read = out[i]
        core = _core(read)
        if len(core) < 2 or not core.isalpha() or quoted[i] or core != read:
            continue  # a mark beside the word: a phrase's edge, not its middle
        conf = confs[i]
        unsure = conf is not None and conf < SUSPECT_CONF
        if not (unsure or not is_syllable(core)):
            continue  # a word read surely
        if core.isupper() and not (_ROMAN.fullmatch(core) and conf is not None and conf < VERY_UNSURE):
            continue  # an acronym ("ODA", "GIS", "HTX") however read; but "quản IV cụm" of "lý", read at 23
        left, right = out[i - 1], out[i + 1]
        lc, rc = _core(left), _core(right)
        if left != lc or right != rc:
            continue  # punctuation beside it: the word may open or end a clause of its own
        l1, r1 = _known(model, lc), _known(model, rc)
        if l1 is None or r1 is None:
            continue
        if any((c := confs[j]) is not None and c < NEIGHBOUR_CONF for j in (i - 1, i + 1)):
            continue
        if core[:1].isupper() and (lc[:1].isupper() or rc[:1].isupper()):
            continue  # a name's or a title's capitals
        if _ROMAN.fullmatch(core) and syllable_key(lc.lower()) in correct.NUMERAL_CONTEXT:
            continue  # "quý IV"
        l2 = _known(model, _core(out[i - 2])) if i >= 2 and out[i - 2] == _core(out[i - 2]) else None
        r2 = _known(model, _core(words[i + 2])) if i + 2 < len(words) else None
        ctx = (l2, l1, r1, r2)
        own = syllable_key(core.lower())
        if correct.bigram(model, l1, own) and correct.bigram(model, own, r1):
            continue  # the word as read goes with both its neighbours ("tuyển sinh vào lớp"): it stands
        if model.count(own) >= correct.MIN_COUNT and (conf is None or conf >= VERY_UNSURE):
            # a frequent syllable read not very unsure stands, whether the corpus shows it beside a neighbour
            # ("lò đốt", "vỏ bao", "cầu yếu") or neither ("chợ phiên"): "đã nghị" of "đề nghị" at 61 stays too
            continue
        far = unsure and not is_syllable(core)
        scored = sorted(
            (
                (_score(model, ctx, k) - EDIT_COST * max(0, d - 1), k)
                for k, d in _candidates(model, core, far).items()
                if k != own
            ),
            reverse=True,
        )
        if not scored:
            continue
        best, k = scored[0]
        second = scored[1][0] if len(scored) > 1 else -math.inf
        if best - _score(model, ctx, own) < MARGIN or best - second < RIVAL:
            continue
        if not (correct.bigram(model, l1, k) and correct.bigram(model, k, r1)):
            continue
        out[i] = _cased(model.surface[model.index[k]], core, lc, rc)
    return out


def lm_repaired(subject: Found, own: Sequence[Line]) -> Found:
    """The subject's words repaired so (``repaired_words``), in doubt when any was. Only for OCR'd pages
    (``compose`` calls it where ``pages[0].source == "ocr"``): ``own``, the subject's lines, with Tesseract's
    confidences; a text layer's words are as printed."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = f.value.split()
    confs = _confs(words, own)
    out = repaired_words(words, confs)
    if out != words:
        # a word beside one repaired: its neighbour now a word taken as read well
        again = [None if a != b else c for a, b, c in zip(out, words, confs, strict=True)]
        out = repaired_words(out, again)
    if out == words:
        return subject
    value = " ".join(out)
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))
