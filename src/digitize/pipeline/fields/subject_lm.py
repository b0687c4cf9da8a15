"""One general repair of a trích yếu's words by the syllable trigram model (``correct``): a word read unsure,
or no syllable, between two words read well is replaced by the syllable the model prefers by far among those
whose letters (tone and vowel marks apart) are one edit from what was read ("Về việc đã nghị điều chỉnh …"
of "đề nghị", "đã" read at 61 under a stamp's stroke). The margin asked is large, over the word as read and
over the next candidate, and the syllable must be one the corpus shows beside both neighbours: a subject
read right is left as it is (run over the ground truth of generated documents' subjects with every word
taken for unsure, it changes none). A subject changed so is in doubt: the model supplied the word, the page
did not. Numbers, roman numerals after "quý", "phần" …, names (a capital beside a capital), words in quotes
and words of one letter are never touched."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from digitize.pipeline import correct
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.result import Found
from digitize.pipeline.syllable import key as syllable_key
from digitize.pipeline.syllable import skeleton

GUESSED_CONFIDENCE = 0.5  # as the subject's other guesses
SUSPECT_CONF = 70.0  # a word read below this is one the model may replace
NEIGHBOUR_CONF = 80.0  # its neighbours read at least this surely (where the page's words show them)
# log-score the chosen syllable wins by over the word as read, and over the next syllable of the candidates
MARGIN = math.log(300.0)
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


def _confs(own: Sequence[Line]) -> dict[str, float]:
    """The lowest confidence each word's core was read at on the subject's lines."""
    out: dict[str, float] = {}
    for ln in own:
        for w in ln.words:
            c = _core(w.text)
            out[c] = min(out.get(c, 100.0), w.conf)
    return out


def _known(model: correct.Model, core: str) -> str | None:
    """The word's key, a syllable the corpus shows often, or None."""
    if not core.isalpha():
        return None
    k = syllable_key(core.lower())
    return k if model.count(k) >= correct.MIN_COUNT else None


def _seen(model: correct.Model, a: str, b: str) -> bool:
    ia, ib = model.index.get(a), model.index.get(b)
    return ia is not None and ib is not None and ia * model.size + ib in model.bigrams


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
    near = {s: 0, **{t: 1 for t in correct._skeletons_near(s) if t != s}}
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
    if read.isupper() and len(read) > 1:
        return surface.upper()
    return surface[:1].upper() + surface[1:] if read[:1].isupper() else surface


def repaired_words(words: Sequence[str], confs: dict[str, float]) -> list[str]:
    """The words with each suspect one between two words read well replaced as the model prefers by far
    (see the module); ``confs``: the confidence each word's core was read at (words not there: repairs of
    the subject's own, taken as read)."""
    model = correct.load()
    out = list(words)
    quoted = _quoted(words)
    for i in range(1, len(words) - 1):
        read = out[i]
        core = _core(read)
        if len(core) < 2 or not core.isalpha() or quoted[i] or core != read:
            continue  # a mark beside the word: a phrase's edge, not its middle
        conf = confs.get(core)
        unsure = conf is not None and conf < SUSPECT_CONF
        if not (unsure or not is_syllable(core)) or (core.isupper() and not unsure):
            continue  # a word read surely, or an acronym ("ODA", "PCCC") read surely
        left, right = out[i - 1], out[i + 1]
        lc, rc = _core(left), _core(right)
        if left != lc or right != rc:
            continue  # punctuation beside it: the word may open or end a clause of its own
        l1, r1 = _known(model, lc), _known(model, rc)
        if l1 is None or r1 is None:
            continue
        if any((c := confs.get(x)) is not None and c < NEIGHBOUR_CONF for x in (lc, rc)):
            continue
        if core[:1].isupper() and (lc[:1].isupper() or rc[:1].isupper()):
            continue  # a name's or a title's capitals
        if _ROMAN.fullmatch(core) and syllable_key(lc.lower()) in correct.NUMERAL_CONTEXT:
            continue  # "quý IV"
        l2 = _known(model, _core(out[i - 2])) if i >= 2 and out[i - 2] == _core(out[i - 2]) else None
        r2 = _known(model, _core(words[i + 2])) if i + 2 < len(words) else None
        ctx = (l2, l1, r1, r2)
        own = syllable_key(core.lower())
        if _seen(model, l1, own) and _seen(model, own, r1):
            continue  # the word as read goes with both its neighbours ("tuyển sinh vào lớp"): it stands
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
        if not (_seen(model, l1, k) and _seen(model, k, r1)):
            continue
        out[i] = _cased(model.surface[model.index[k]], core, lc, rc)
    return out


def lm_repaired(subject: Found, own: Sequence[Line]) -> Found:
    """The subject's words repaired so (``repaired_words``), in doubt when any was (OCR'd pages: ``own``,
    the subject's lines)."""
    f = subject.get("subject")
    if f is None or not f.value or not own:
        return subject
    words = f.value.split()
    confs = _confs(own)
    out = repaired_words(words, confs)
    if out != words:
        out = repaired_words(out, confs)  # a word beside one repaired: its neighbour now a word read well
    if out == words:
        return subject
    value = " ".join(out)
    return Found((replace(f, value=value, confidence=min(f.confidence, GUESSED_CONFIDENCE)),))
