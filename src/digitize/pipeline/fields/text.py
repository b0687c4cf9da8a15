"""Text helpers of the field readers: tone placement, length-keeping fold, case, cleaning, fuzzy lookup."""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz, process

from digitize.text import fold, nfc, squash

DIGITISH = str.maketrans({"o": "0", "O": "0", "D": "0", "l": "1", "I": "1", "i": "1", "|": "1", "S": "5"})
# old-style tone placement → the form used in GT and vocabularies ("hoà" → "hòa", "uỷ" → "ủy")
_TONE_FIX = [
    # at a syllable's end only ("hoạch", "hoàn" keep theirs), and not after the q of "qu" ("quý")
    (re.compile(r"(?<!q)" + p + r"(?![^\W\d_])", re.I), r)
    for p, r in (
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    )
]  # fmt: skip


def normalize_tones(text: str) -> str:
    """Modern tone placement (``Hoà`` → ``Hòa``, ``Uỷ`` → ``Ủy``), keeping the case of each letter."""
    if not text:
        return text
    out = nfc(text)
    for pat, rep in _TONE_FIX:

        def _sub(m: re.Match[str], rep: str = rep) -> str:
            src = m.group(0)
            return "".join(r.upper() if s.isupper() else r for s, r in zip(src, rep, strict=True))

        out = pat.sub(_sub, out)
    # "Hoà" at a word end only: "hoàn" keeps its à
    return out


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    f = fold(ch)
    return f if len(f) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)


def fold1(text: str) -> str:
    """``fold`` with the length kept, so that offsets in the folded text are offsets in the original."""
    return "".join(map(_fold_char, text))


def sentence_case(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        low = text.lower()
        return low[:1].upper() + low[1:]
    return text


_END_MARKS = " ,;:.-–—_|'\"“”"


def clean_value(text: str) -> str:
    """``text`` squashed, without the marks at its ends (a line's commas, dashes, stray quotes) but a quote
    that pairs one the value holds ("… tên miền quốc gia Việt Nam “.vn”": its closing quote is the value's,
    as "“Ngày hội …” năm 2024" opens with its own)."""
    s = squash(text)
    lead = s.lstrip(_END_MARKS)
    out = lead.rstrip(_END_MARKS)
    head, tail = s[: len(s) - len(lead)], lead[len(out) :]
    if "”" in tail and out.count("“") > out.count("”"):
        out += "”"
    if "“" in head and out.count("”") > out.count("“"):
        out = "“" + out
    if out.count('"') % 2:
        # a straight quote opens where a word is glued after it and none before it ('hiệu "Sao'), closes
        # the other way round ('Mai" năm'); one the value leaves unpaired that opens (closes) takes the
        # quote at its end (start); else the end's quote is a stray mark ('ABC" XYZ "' → 'ABC" XYZ')
        i, j = out.rfind('"'), out.find('"')
        if '"' in tail and _opens(out, i):
            out += '"'
        elif '"' in head and _opens(out[::-1], len(out) - 1 - j):
            out = '"' + out
    return out


def _opens(text: str, i: int) -> bool:
    """The quote at ``text[i]`` has a letter or a mark glued after it and no word glued before it."""
    return (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and not text[i + 1].isspace()


def match(text: str, vocab: dict[str, str], cutoff: float) -> tuple[str, float] | None:
    key = fold(squash(text))
    if not key:
        return None
    hit = process.extractOne(key, list(vocab), scorer=fuzz.ratio, score_cutoff=cutoff)
    if hit is None:
        return None
    return vocab[hit[0]], float(hit[1]) / 100.0
