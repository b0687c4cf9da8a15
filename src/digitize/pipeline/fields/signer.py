"""The signer block: the last title line in the right half ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" → "Phó Giám
đốc") and the person's name under it, led by a family name (even where a seal covers part of it)."""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from digitize.pipeline import correct
from digitize.pipeline.fields.lines import Line, sub_line
from digitize.pipeline.fields.names import SURE_WORD_CONF, VOTED_CONF, is_syllable, well_formed
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.review import REVIEW_THRESHOLD
from digitize.pipeline.fields.text import match
from digitize.pipeline.fields.vocab import (
    COMMON_SYLLABLES,
    F_CENTRAL_UNITS,
    F_PLACES,
    F_PROVINCES,
    F_SURNAMES,
    F_SYLLABLES,
    F_TITLES,
    FREQUENT_SURNAMES,
    MIDDLE_NAMES,
    NAME_SYLLABLES,
    OTHER_SURNAMES,
    SURNAMES,
)
from digitize.pipeline.fields.vocab import TITLES as TITLE_WORDS
from digitize.pipeline.model import Box, ExtractedField, Word
from digitize.pipeline.syllable import TONE_MARKS
from digitize.text import fold, nfc, squash

# (on the folded line with all but letters, dots and spaces blanked: a speck or the seal's digits read
# before the prefix, "7.0 Q. CỤC TRƯỞNG", leave dots and spaces)
AUTH_PREFIXES = ("kt", "tm", "tl", "q", "ttl")  # an authority's prefix to a title ("KT.", "TM."), folded
# (its dot may be read glued to the title, "Q.CỤC TRƯỞNG" on a blurred photo: seed 225 dev 011)
_AUTH_PREFIX = re.compile(r"^[\s.]*(" + "|".join(AUTH_PREFIXES) + r")(?:\s*[.,:]\s*|\s+)", re.I)
# "ÁT. CHỦ TỊCH", "kT. CHỦ TỊCH": a "KT." half under the seal (one letter, then "T.")
_KT_MISREAD = re.compile(r"^\W*(?:[a-z]{1,2}\s+)?[a-z]t\s*\.\s+")
# "ZcftKT. CHỦ TỊCH": the seal's marks read as letters glued before the prefix (its dot kept)
_GLUED_PREFIX = re.compile(r"^[a-z]+?(kt|tm|tl|ttl)\s*\.\s+")
# "„T, THỦ TƯỚNG": "KT." whose "K" the seal took, its dot read as a comma, a quote mark before it (the first
# word folded; a real rescan at 150 dpi, JPEG: the head's title taken at 0.65 for the deputy's)
_HALF_KT = re.compile(r"^[^\w\s]*t[.,]$")


def _half_kt(line: Line) -> bool:
    """The line opens with the "T." of a "KT." whose "K" is lost, a title after it."""
    return len(line.words) >= 2 and bool(_HALF_KT.match(fold(line.words[0].text)))


# "Q. GIÁM ĐỐC" with its Q read as O, Ọ, 0 or 9 ("0. CHỦ TỊCH"; "9. CHỦ TỊCH" on a blurred photo, seed 197 alt
# 007: the title taken as the head's at 0.81): one such mark and a dot before a title's words (no other prefix
# of Decree 30's is one letter)
_Q_MISREAD = re.compile(r"^(\W*)[o09](\s*[.,:]\s*)(?=[a-z])")
# "QUYỀN GIÁM ĐỐC": the acting form written out, read as its abbreviation "Q."
_Q_WRITTEN = re.compile(r"^(\W*)quyen\s+(?=[a-z])")


def _q_form(folded: str) -> str:
    return _Q_WRITTEN.sub(r"\1q. ", _Q_MISREAD.sub(r"\1q\2", folded))


# a word alone that the Q of "Q." may have been read as: one O-like mark and its dot (folded)
_Q_MARK = re.compile(r"^\W*[o09]\s*[.,:]$")
# word spaces of the title's own (the median space between its words) from which a Q-like mark before the
# title stands too far to be its prefix: "Q." is typed one space before the title, the centred line's words
# a space apart; a mark of the seal's ring beside the block stands where it falls (a real "Q." typed with a
# double space stands ~2 spaces off; s865's ring stood 2.7)
Q_APART = 2.5
# (of the line's letter height) at least this wide is a word space taken from the title's one gap alone (a
# two-word title: "GIÁM ĐỐC" read with its words' boxes nearly touching)
Q_SPACE_FLOOR = 0.3


def _q_apart(line: Line) -> bool:
    """The line opens with a mark the Q of "Q." may have been read as ("0,", "O."), standing apart from the
    title after it by more than ``Q_APART`` of the title's word spaces: the seal's ring beside the block, no
    prefix typed before the title (s865 corp 010: "Z7 0,  PHÓ CỤC TRƯỞNG" under "KT. CỤC TRƯỞNG", the mark
    2.7 spaces off, gave "Quyền Phó Cục trưởng" at 0.66)."""
    words = line.words
    if len(words) < 3 or not _Q_MARK.match(fold(words[0].text)):
        return False
    space = statistics.median(b.box.x0 - a.box.x1 for a, b in itertools.pairwise(words[1:]))
    if len(words) == 3:  # one gap alone does not say the line's word space
        space = max(space, Q_SPACE_FLOOR * statistics.median(w.box.y1 - w.box.y0 for w in words[1:]))
    return words[1].box.x0 - words[0].box.x1 > Q_APART * max(1.0, space)


_TITLES_LONGEST_FIRST = sorted(F_TITLES.items(), key=lambda kv: -len(kv[0]))
# the deputy who signs under "KT. <head>" (Decree 30) where it is not "Phó <head>": the minister's deputy
_DEPUTIES = {"Bộ trưởng": "Thứ trưởng"}
# a title the structure or the organ does not bear out (a deputy's title not the deputy of the head above it,
# a title whose marks alone tell it from another): to review, whatever its letters' confidence
TITLE_IN_DOUBT = 0.5
# folded forms two titles share ("thu truong": "Thứ trưởng", "Thủ trưởng"): their marks alone tell them apart
_SHARED_FOLDS = frozenset(k for k in F_TITLES if sum(fold(t) == k for t in TITLE_WORDS) > 1)


def deputy_of(head: str) -> str:
    """The title of the deputy who signs for ``head`` ("KT. BỘ TRƯỞNG" → "Thứ trưởng", "KT. GIÁM ĐỐC" →
    "Phó Giám đốc")."""
    if head in _DEPUTIES:
        return _DEPUTIES[head]
    # the deputy's title spelled exactly so: a near one is another office ("Phó Thủ tướng" is one letter from
    # "Phó Thủ trưởng", the deputy of an agency's head)
    known = F_TITLES.get("pho " + fold(head))
    return known if known else "Phó " + head  # as the list writes them: "Phó Chủ nhiệm", "Phó Thủ trưởng"


# a first word read less surely than this (Tesseract's 0..100) before a title may be the seal's mark beside
# the block ("ni, CỤC TRƯỞNG", "Z1! Q. CỤC TRƯỞNG")
TITLE_JUNK_CONF = 50.0
JUNK_WORDS = 2  # doubted words before a title that may be a seal's rim and specks ("/ to, CHÁNH VĂN PHÒNG")
PHO_LIKE = 60  # fuzz.ratio to "pho" from which a doubted first word may be "PHÓ" misread ("PH0", "BHÓ": 67)


def title_of(line: Line) -> tuple[str, float, bool] | None:
    """The title a line of the signature block reads as: (title, match score 0..1, whether an authority
    prefix "KT.", "TM.", "TL.", "Q." leads it), None when it reads as none. A first word Tesseract doubted
    (a seal beside the block, its rim read as letters before the title) is left out when the line reads as a
    title better without it; never a word like "PHÓ" (the deputy's title kept). A line that reads as a
    person's name (a family name as printed, then capitalised syllables: "Trương Hữu Phong") is no title
    unless it is one exactly: the title is printed in capitals, the name under it is not."""
    found = _titled(line)
    return found[1] if found else None


def _titled(line: Line) -> tuple[Line, tuple[str, float, bool]] | None:
    """``title_of``, with the line it reads the title on: the line itself, or the line without a doubted first
    word."""
    far = _far_lead(line.words)
    if far and _title_of(line) is None:
        # the seal's own lettering on the title's row, far before it ("“VAO VINN      GIÁM ĐỐC": "THAO VÀ" of
        # its ring, 4.4 letter heights left of the title, k897 alt 002): "VAO" ends in "o" like a garbled
        # "PHÓ", "VINN" is capitals, so ``_detached_lead`` keeps them; read without them, in doubt (a head
        # word may have stood there). Not where the whole line reads as a title ("TỔNG      GIÁM ĐỐC")
        found = _titled_on(sub_line(line, line.words[far:]))
        if found is not None:
            kept, (title, score, prefixed) = found
            return kept, (title, min(score, TITLE_IN_DOUBT), prefixed)
    apart = _detached_lead(line.words)
    if not apart:
        return _titled_on(line)
    # a word far before the title (a seal's ring beside the block read "ọ" 5 letter heights left of "GIÁM
    # ĐỐC", below its row, seed 515 alt 002: "Phó Giám đốc" at 0.80) is none of its words
    found = _titled_on(sub_line(line, line.words[apart:]))
    if found is None:
        # no title without them: the words far before are the title's own, garbled under the seal ("—_,C
        # TỊCH", "V°    TỊCH" for "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" on a real decision skewed 2°): read whole, as
        # before the rule, in doubt
        whole_found = _titled_on(line)
        if whole_found is None:
            return None
        kept, (title, score, prefixed) = whole_found
        return kept, (title, min(score, TITLE_IN_DOUBT), prefixed)
    kept, (title, score, prefixed) = found
    whole = _title_of(line)
    longer = whole is not None and fold(whole[0]).endswith(" " + fold(title))
    if longer or _maybe_head_word(line.words[:apart], apart):
        # ... but the word left out may be the head word of a longer title, the space a misread box: the
        # shorter title, in doubt
        score = min(score, TITLE_IN_DOUBT)
    return kept, (title, score, prefixed)


def prefix_left_out(line: Line) -> list[Word]:
    """The doubted words (read below ``TITLE_JUNK_CONF``) right before the title of ``line`` read without an
    authority's prefix, left out by ``title_of`` or read as no title's letters ("__," (31) of "__, GIÁM
    ĐỐC": the "Q." of "Q. GIÁM ĐỐC" blurred beside the seal's ring), the last of them a prefix's look-alike
    (``_prefix_like``: not the ring's marks read as letters, "ìn GIÁM ĐỐC"): the words a second reading of
    the line may read as the prefix (``signature.prefix_pass``); none where the title has its prefix, where
    a word before it was read surely, or where none stands before it but far (``_detached_lead``: a prefix
    stands a space from its title)."""
    found = _titled(line)
    if found is None:
        return []
    title, _, prefixed = found[1]
    own = len(title.split())
    words = line.words
    if prefixed or len(words) <= own or fold(" ".join(w.text for w in words[-own:])) != fold(title):
        return []  # (the title's words are not the line's last as they stand: no lead to tell)
    lead = list(words[_detached_lead(words) : len(words) - own])
    if not lead or any(w.conf >= TITLE_JUNK_CONF for w in lead) or not _prefix_like(lead[-1].text):
        return []
    return lead


_PREFIX_LOOKS = re.compile(r"^(?:[qo09]|[kt][tl1i]|tm|ttl|tuq)$")


def _prefix_like(text: str) -> bool:
    """A word that may be an authority's prefix read badly: no letters at all ("__,", the "Q." blurred), "Q."
    or a look-alike of one character ("0", "9.", "O"), or one like "KT", "TM", "TL" ("K1.", "Kl", "TI."). Not
    a word of letters else (the seal's ring left of the title, read "ìn" or "Tỉnh", is no prefix)."""
    if not re.search(r"[^\W\d_]", text):
        return True
    return bool(_PREFIX_LOOKS.match(re.sub(r"[\W_]", "", fold(text))))


def acting_read(text: str, title: str) -> bool:
    """A reading of the title's line (``text``) is "Q." (or a look-alike "0.", "9.": ``_q_form``) before
    ``title`` (its letters, marks aside), marks before it aside."""
    folded = _q_form(re.sub(r"^[\W_]+", "", fold(text)))
    m = _AUTH_PREFIX.match(folded)
    return m is not None and m.group(1).lower() == "q" and squash(folded[m.end() :]) == squash(fold(title))


def _titled_on(line: Line) -> tuple[Line, tuple[str, float, bool]] | None:
    hit = _title_of(line)
    words = line.words
    if hit is not None and hit[2]:
        return line, hit
    # up to ``JUNK_WORDS`` doubted words before the title ("/ to, CHÁNH VĂN PHÒNG": a seal's rim and a speck
    # read at 39 and 12, fuzzily "Phó Chánh Văn phòng" at 0.62 with both kept)
    for k in range(1, min(JUNK_WORDS, len(words) - 1) + 1):
        first = words[k - 1]
        if first.conf >= TITLE_JUNK_CONF:
            break
        bare = first.text.strip(".,;:|!'\"()[]")
        # a word in capitals ("CIII", "TỐNC", "QUYỀN") is the title's own first word misread ("CHI", "TỔNG"),
        # not the seal's marks; "PH0", "FHÓ" (one letter from "PHÓ") is the deputy's; and the title is
        # printed in capitals: a line left with small letters ("Trường Phong") is the name under it
        capital_word = len(bare) >= 2 and bare.isalpha() and bare.isupper()
        # ... unless an authority's prefix follows it ("HA Q. CHỦ TỊCH": no title's word stands before "Q.",
        # "KT.": the seal's rim read as capitals, seed 509 alt 000 blurred)
        # ... or one glued to the title's first word ("THƯNN, O.CHỦ TỊCH": the ring's "THÁI NG" beside the
        # block, "Q." read "O." glued to "CHỦ", w673 alt 006 lost its whole block)
        glued_prefix = capital_word and _glued_prefix_word(words[k].text)
        rim_before_prefix = capital_word and (_prefix_word(words[k].text) or glued_prefix)
        capital_word = capital_word and not rim_before_prefix
        if fuzz.ratio(fold(bare), "pho") >= PHO_LIKE or capital_word:
            break
        trimmed = sub_line(line, words[k:])
        if not trimmed.text.isupper():
            continue
        rest = _title_of(trimmed)
        if rest is not None and (hit is None or rest[1] > hit[1]):
            # the doubt of the words left out stays: the trimmed line reads no surer than the whole
            doubt = min(1.0, line.conf / trimmed.conf) if trimmed.conf > 0 else 1.0
            score = rest[1] * 0.95 * doubt
            # (or an authority's prefix, "ve..." of a blurred "Q.": the acting, the deputy may sign)
            # ... or a mark the Q of "Q." reads as, left out where it stood apart (``_q_apart``)
            if (
                _maybe_head_word(words[:k], k)
                or any(_PREFIX_DOTS.match(w.text) for w in words[:k])
                or any(_Q_MARK.match(fold(w.text)) for w in words[:k])
            ):
                score = min(score, TITLE_IN_DOUBT)
            # ... and capitals left out before "Q." may be the rim's, and so may the "Q." (read as surely as
            # the title: "HA Q. CHỦ TỊCH" at 18, 90, 90, 90): the acting head's title is a guess ("KT.",
            # "TM.", "TL." leave the title as printed; REVIEW-43c #2)
            # ("O.CHỦ" only: a "KT." glued to its title, "KT.GIÁM", is common in print and tells the title
            # as printed, as one standing apart; review of signer53 M)
            if (rim_before_prefix and fold(words[k].text).strip(".,:;") == "q") or (
                glued_prefix and _GLUED_ACTING.match(fold(words[k].text))
            ):
                score = min(score, TITLE_IN_DOUBT)
            return trimmed, (rest[0], score, rest[2])
    return (line, hit) if hit else None


DETACHED_GAP = 2.0  # letter heights of space after a word from which it is none of the words after it


def _detached_lead(words: Sequence[Word]) -> int:
    """How many words open a line apart from the rest: up to the last of the first ``JUNK_WORDS`` words
    followed by a space wider than ``DETACHED_GAP`` letter heights (the median height of the line's words
    with letters: a speck after it is no measure), none of them a word that may be the title's own (a title's
    words stand a space apart; a seal's rim or a speck beside the block is read on the title's row, far from
    it). An authority's prefix ("KT.", "TM" without its dot) is the title's, however far; 0 when every word
    stands close."""
    heights = [w.box.y1 - w.box.y0 for w in words if any(ch.isalpha() for ch in w.text)]
    letter = max(1.0, statistics.median(heights)) if heights else 1.0
    apart = 0
    for i in range(min(JUNK_WORDS, len(words) - 1)):
        if _may_be_titles(words[i]):
            break  # (nor any word before it: they would stand inside the title)
        if words[i + 1].box.x0 - words[i].box.x1 > DETACHED_GAP * letter:
            apart = i + 1
    return apart


FAR_GAP = 4.0  # letter heights of space after a word from which even a title-like word is none of the title's


def _far_lead(words: Sequence[Word]) -> int:
    """How many words (of the first ``JUNK_WORDS``) open a line ``FAR_GAP`` letter heights before the rest,
    none of them an authority's prefix or "PHÓ" read nearly as printed (``_head_word_read``); 0 otherwise."""
    heights = [w.box.y1 - w.box.y0 for w in words if any(ch.isalpha() for ch in w.text)]
    letter = max(1.0, statistics.median(heights)) if heights else 1.0
    for i in reversed(range(min(JUNK_WORDS, len(words) - 1))):
        if words[i + 1].box.x0 - words[i].box.x1 > FAR_GAP * letter:
            return 0 if any(_head_word_read(w) for w in words[: i + 1]) else i + 1
    return 0


def _head_word_read(w: Word) -> bool:
    """A word that is an authority's prefix ("KT.", "TM") or "PHÓ" read nearly as printed ("PH0", "FHÓ")."""
    folded = fold(w.text).strip(".,:;")
    return folded in AUTH_PREFIXES or fuzz.ratio(fold(w.text.strip(".,;:|!'\"()[]")), "pho") >= PHO_LIKE


def _may_be_titles(w: Word) -> bool:
    """A word that may be a title's own, however far it stands: an authority's prefix, dot or none ("KT.",
    "TM", "Q"); "PHÓ" or a word like it ("PH0"); a word of two capitals or more read surely (a head word:
    "PHÓ", "TỔNG"); a word of letters a doubted head word reads as (``_maybe_head_word``: "ló,", "b1ió")."""
    folded = fold(w.text).strip(".,:;")
    bare = w.text.strip(".,;:|!'\"()[]")
    letters = "".join(ch for ch in bare if ch.isalpha())
    return (
        folded in AUTH_PREFIXES
        or fuzz.ratio(fold(bare), "pho") >= PHO_LIKE
        or (len(letters) >= 2 and letters.isupper() and w.conf >= TITLE_JUNK_CONF)
        or (len(letters) >= 2 and _maybe_head_word([w], 1))
    )


def _prefix_word(text: str) -> bool:
    """A word that is an authority's prefix as printed, its dot read ("Q.", "KT.", "TM.")"""
    return "." in text and fold(text).strip(".,:;") in AUTH_PREFIXES


# an authority's prefix glued to the title's first word, "Q." also as its O-like misreadings: "O.CHỦ",
# "KT.GIÁM" (folded)
_GLUED_PREFIX_WORD = re.compile(r"^\W*(?:kt|tm|tl|ttl|q|[o09])\.[a-z]{2,}$")
# ... the acting head's ("Q." or its O-like misreadings): which head, a guess
_GLUED_ACTING = re.compile(r"^\W*[qo09]\.[a-z]{2,}$")


def _glued_prefix_word(text: str) -> bool:
    """A word that is an authority's prefix, its dot read, glued to the title's first word ("O.CHỦ")."""
    return bool(_GLUED_PREFIX_WORD.match(fold(text)))


def _maybe_head_word(dropped: Sequence[Word], k: int) -> bool:
    """Whether the doubted words left out before a title may hold a head word of a longer title ("PHÓ" under
    the seal read "ló,", "b1ió", "t1ó": the title left is the head's, the deputy's may be the one printed;
    REVIEW-26 #1): a word of two letters or more when two are left out (a seal's rim reads as one mark and
    specks, not as two words), or a word of two to four letters ending in an "o" (PHÓ's vowel) when one is,
    or a letter bearing a Vietnamese mark ("à" (47) before "CHỦ TỊCH" on a blurred photo, seed 241 dev 012:
    the "PHÓ" of "PHÓ CHỦ TỊCH", taken as "Chủ tịch" at 0.63): a seal's rim reads as strokes, not as marks."""
    for w in dropped:
        raw = "".join(ch for ch in w.text if ch.isalpha())
        letters = fold(raw).lower()
        if len(letters) >= 2 and (k >= 2 or (len(letters) <= 4 and letters.endswith("o"))):
            return True
        if letters != raw.lower().replace("đ", "d"):
            return True  # (a mark on a letter: "à", "ồ")
    return False


def _title_after_marks(line: Line, most: int = 2) -> tuple[str, float] | None:
    """The title a line reads as once up to ``most`` words before it are left out (a seal's marks read as
    words: "SẠt Kiểy CHÁNH VĂN PHÒNG"), in capitals as a title is printed, and its score, in doubt by the
    words left out; None when it reads as none."""
    for k in range(1, min(most, len(line.words) - 1) + 1):
        rest = sub_line(line, line.words[k:])
        hit = _title_of(rest) if rest.text.isupper() else None
        if hit is not None and not hit[2]:
            return hit[0], hit[1] * 0.9**k
    return None


def _reads_as_name(line: Line) -> bool:
    """Two to five capitalised Vietnamese syllables, not all in capitals, the first a family name as printed
    (marks and all: "Trương", not "Trưởng"); a speck or a seal's stroke before or after it read as marks
    with no letter ("_› Trương Đức Phong") is none of its words."""
    words = [w.text.strip(".,;:|!'\"()[]") for w in line.words if any(ch.isalpha() for ch in w.text)]
    return (
        2 <= len(words) <= 5
        and not line.text.isupper()
        and nfc(words[0]) in SURNAMES
        and all(w[:1].isupper() and w[1:].islower() and is_syllable(w) for w in words)
    )


# a word of small letters closing a bracket: the end of a parenthesis wrapped from the line over it
_BRACKET_END = re.compile(r"[a-zà-ỹđ]\)[.,;:]?$")


def _bracket_end(line: Line) -> bool:
    """A line in small letters whose last word closes a bracket ("Viễn thông)"): the wrapped end of a
    parenthesis (an annex's "(Kèm theo Quyết định số … của Cục Viễn thông)"), a line of running text. A
    signer's title is printed in capitals, bracketless: no such line reads as one (its fuzzy "Viện trưởng"
    made the annex's clerk under it the signer)."""
    words = line.text.split()
    if not words or _BRACKET_END.search(nfc(words[-1])) is None:
        return False
    # most letters small (Tesseract mistakes the case of a capital's c/o/s/v/x: "CHỦ TỊCh)" is a title
    # whose seal ring read as the bracket), and the words no title ("Giám đốc)" stays one)
    letters = [c for c in line.text if c.isalpha()]
    if sum(c.islower() for c in letters) < 0.5 * len(letters):
        return False
    core = squash(re.sub(r"[^a-z .]", " ", _q_form(line.folded)))
    core = _GLUED_PREFIX.sub("", _KT_MISREAD.sub("", _AUTH_PREFIX.sub("", core))).strip(" .")
    return core not in F_TITLES


def _title_of(line: Line) -> tuple[str, float, bool] | None:
    if _bracket_end(line):
        return None
    if _q_apart(line):
        # a mark far before the title is none of its prefix: the title without it, in doubt (a "Q." may
        # still have been lost under the seal)
        after = _title_of(sub_line(line, line.words[1:]))
        return (after[0], min(after[1], TITLE_IN_DOUBT), after[2]) if after else None
    f = re.sub(r"[^a-z .]", " ", _q_form(line.folded))
    f = squash(f)
    half = _half_kt(line)
    prefixed = bool(_AUTH_PREFIX.match(f) or _KT_MISREAD.match(f) or _GLUED_PREFIX.match(f)) or half
    core = _GLUED_PREFIX.sub("", _KT_MISREAD.sub("", _AUTH_PREFIX.sub("", f))).strip(" .")
    if half:
        core = re.sub(r"^t\s*\.?\s*", "", core)
    if not core or len(core) > 48:
        return None
    if len(core) > 30:
        # "GIÁM ĐỐC SỞ Y TẾ", "VỤ TRƯỞNG VỤ PHÁP CHẾ": a title followed by its unit, in capitals
        letters = [ch for ch in line.text if ch.isalpha()]
        if sum(ch.isupper() for ch in letters) < 0.8 * max(1, len(letters)):
            return None
        head = next((v for k, v in _TITLES_LONGEST_FIRST if core.startswith(k + " ")), None)
        return (head, 0.9, prefixed) if head else None
    if core not in F_TITLES and _reads_as_name(line):
        return None  # "Trương Hữu Phong" is near "trưởng phòng", but it is the signer's name
    hit = match(core, F_TITLES, 84)
    if hit is None and line.text.isupper():
        head = next((v for k, v in _TITLES_LONGEST_FIRST if core.startswith(k + " ")), None)
        hit = (head, 0.9) if head else None
    if not hit and not prefixed and " " in core:
        # a misread "KT." or a speck before the title ("ven „THỦ TƯỚNG"): the line without its first token
        rest = core.split(" ", 1)[1]
        first_token = line.text.split()[0] if line.text.split() else ""
        rest_text = line.text.split(None, 1)[1] if len(line.text.split()) > 1 else ""
        # (the rest in capitals, as a title is printed: "Ngu)8ế Trường Phong" is the name, not "Trưởng phòng")
        if not first_token.isupper() and len(rest) >= 5 and rest_text.isupper():
            hit = match(rest, F_TITLES, 90)
            hit = (hit[0], hit[1] * 0.8) if hit else None
    if not hit:
        return None
    title, score = _head_unread(core, hit)
    return title, score, prefixed


HEAD_LIKE = 50  # fuzz.ratio of the letters before a title to the head word a longer title has there ("pho")


def _head_unread(core: str, hit: tuple[str, float]) -> tuple[str, float]:
    """A title matched as a longer one ("Phó Chánh Văn phòng", "Tổng Giám đốc") whose line ends in a shorter
    title's letters, the letters before them nothing like the longer title's head word ("x h g CHANH VĂN
    PHONG": the seal's marks read before "CHÁNH VĂN PHÒNG" made the fuzzy match's "Phó", seed 239 dev 009):
    the shorter title, in doubt (the head word may be under the marks). Any other match as it is ("P
    CHÁNH VĂN PHÒNG", "PH0 …" read a head)."""
    title, score = hit
    key = fold(title)
    for short_key, short in _TITLES_LONGEST_FIRST:
        if len(short_key) < len(key) and key.endswith(" " + short_key) and core.endswith(short_key):
            head = key[: -len(short_key)].replace(" ", "")
            before = core[: -len(short_key)].replace(" ", "").replace(".", "")
            if fuzz.ratio(before, head) < HEAD_LIKE:
                return short, min(score, TITLE_IN_DOUBT)
            if len(before) <= 1:
                # one letter where the head word stands ("P CHÁNH VĂN PHÒNG", a seal's "ọ" before "GIÁM
                # ĐỐC"): the longer title, but a speck may have made it: in doubt
                return title, min(score, TITLE_IN_DOUBT)
            break
    return hit


def _head_doubted(line: Line, title: str) -> bool:
    """The title read on ``line`` is a shorter title's with a head word before it ("Tổng cục trưởng" of
    "Cục trưởng", "Phó Giám đốc" of "Giám đốc"), and a word where that head stands was read unsurely (under
    ``TITLE_JUNK_CONF``): a mark beside the block may have made it ("TỒN" (20) before "CỤC TRƯỞNG" gave
    "Tổng cục trưởng" at 0.67, seed 241 alt 013)."""
    key = fold(title)
    short = next((k for k, _ in _TITLES_LONGEST_FIRST if len(k) < len(key) and key.endswith(" " + k)), None)
    if short is None:
        return False
    words = [w for w in line.words if fold(w.text.strip(".,;:|!'\"()[]")) not in AUTH_PREFIXES]
    n = len(short.split())
    head = words[: len(words) - n][-len(key[: -len(short)].split()) :] if len(words) > n else []
    return any(w.conf < TITLE_JUNK_CONF for w in head)


def _prefix_of(line: Line) -> str | None:
    """The authority prefix a line opens with ("kt", "tm", "tl", "q", "ttl"; also a line of it alone, its
    head lost: "KT."), None without one."""
    pre = _AUTH_PREFIX.match(squash(re.sub(r"[^a-z .]", " ", line.folded)) + " ")
    return pre.group(1).lower() if pre else ("kt" if _half_kt(line) else None)


# a mark between two letters of a name line's word: the seal's stroke or a speck read across the space
_GLUE = re.compile(r"(?<=[^\W\d_])[,.;:/⁄](?=[^\W\d_])")
# a quote mark between two words of two letters or more, the second capitalised ("Lương”Phú" (24), k923 dev
# 013: the ring's arc across the space); not before a small letter: a tone mark read apart ("Ho’a" of
# "Hoà", review of names57: taken "Ho" surely) or an Ê Đê name's ("H’Hen": one letter before it)
_QUOTE_GLUE = re.compile(r"(?<=[^\W\d_]{2})[\"“”‘’](?=[^\W\d_]{2})")


def _unglued(text: str) -> list[str]:
    """``text`` split at ``_GLUE``'s marks and at ``_QUOTE_GLUE``'s before a capital."""
    out: list[str] = []
    for part in _GLUE.split(text):
        start = 0
        for m in _QUOTE_GLUE.finditer(part):
            if part[m.end()].isupper():
                out.append(part[start : m.start()])
                start = m.end()
        out.append(part[start:])
    return out


def _parts(line: Line) -> list[tuple[str, float]]:
    """The line's words, with "Định,Thị", "Dương:Minh", "Giáp/Phương" split: OCR may glue two syllables of a
    name with a comma, a dot, a colon or a slash (a seal stroke or a speck between them); and a family name
    glued to the next word whose capital the signature's stroke took ("Phanhị": ``glued_family``)."""
    return [(p, w.conf) for w in line.words for p in _split(w.text, w is line.words[-1])]


def _part_boxes(line: Line) -> list[Box]:
    """The box of each of ``_parts``' parts (the box of the word it was split from)."""
    return [w.box for w in line.words for _ in _split(w.text, w is line.words[-1])]


def _split(text: str, last: bool) -> list[str]:
    out = []
    for p in _unglued(text):
        out.extend(glued_family(p, middle=not last) or [p])
    return out


GLUED_MAX = 16  # letters: a family name glued to a name's word is no longer ("Nguyễn" + "Thường": 12)


def glued_family(word: str, *, middle: bool = True) -> list[str] | None:
    """A family name as printed (marks and all, three letters or more) and the next word of the name read as
    one word, that word's capital lost (the pen's stroke across it, which also took the space: "Phanhị" for
    "Phan Thị"): the two words, the second the listed name syllable whose letters after its first are the
    rest ("hị": "Thị", or "Nhị", of which a ``middle`` word is the common middle name: ``name_form``). None
    for a word read whole (a syllable: "Phanh"), or whose rest is no listed name's tail."""
    bare = nfc(word.strip(".,;:|!'\"()[]"))
    if len(bare) > GLUED_MAX or not (bare.isalpha() and bare[:1].isupper() and bare[1:].islower()):
        return None  # (a family name and a name's word are a dozen letters at most: no cut of a long run)
    if is_syllable(bare):
        return None
    for cut in range(len(bare) - 2, 2, -1):
        head, rest = bare[:cut], bare[cut:]
        if head not in SURNAMES:
            continue
        forms = [s for s in NAME_SYLLABLES if s[1:] == rest]
        if forms:
            return [head, name_form(forms, rest, middle=middle)]
    return None


def run_together(word: str, *, middle: bool = True) -> list[str] | None:
    """A family name as printed (three letters or more) and the next word of the name read as one word, the
    space between them lost but the second word's capital read ("ĐoànXăn" for "Đoàn Văn": the signature's
    stroke across the space, the capital garbled with it): the two words, the second the listed name syllable
    it is ("Văn"), else the one listed name with its letters after the capital (of several, for a ``middle``
    word, the common middle name: ``name_form``). None for a word with no capital inside it, or whose second
    part is no listed name's (the letters after the capital, one at least besides it)."""
    bare = nfc(word.strip(".,;:|!'\"()[]"))
    if len(bare) > GLUED_MAX or not bare.isalpha() or not bare[:1].isupper():
        return None
    caps = [i for i, ch in enumerate(bare) if ch.isupper()]
    if len(caps) != 2 or caps[1] < 3 or len(bare) - caps[1] < 2:
        return None
    head, rest = bare[: caps[1]], bare[caps[1] :]
    if head not in SURNAMES:
        # "NôhTất" for "Nông Tất" (w665 alt 013): the stroke across the space garbled the family name's end
        # too; its first letters with their mark may still tell it (``glued_head_family``), the next word
        # read whole (a syllable, listed or not: "Tất")
        family = glued_head_family(head)
        if family is None or not (rest in NAME_SYLLABLES or is_syllable(rest)):
            return None
        return [family, rest]
    if rest in NAME_SYLLABLES:
        return [head, rest]
    forms = [s for s in NAME_SYLLABLES if len(s) == len(rest) and s[1:] == rest[1:]]
    if len(forms) > 1 and middle:
        forms = [f for f in forms if f in MIDDLE_NAMES]
    return [head, forms[0]] if len(forms) == 1 else None


GLUED_HEAD_LETTERS = 2  # a glued family name's first letters, one of them marked, that may tell it: "Nô"


def glued_head_family(head: str) -> str | None:
    """The family name whose end the pen's stroke garbled where it ran it together with the next word
    (``run_together``: "Nôh" of "NôhTất"): the one listed family name its first letters begin, marks kept
    and one of them marked (``GLUED_HEAD_LETTERS`` or more, the longest that begins any: "Nô" → "Nông"),
    longer than those letters. None for a head that is a syllable itself (read whole: a word, no garbled
    end), a head without a mark ("Ph" begins Phạm and Phan alike), or letters several family names begin.
    Only for the glued word of a line that gave no name (``_runs_split``, in doubt): a head of two letters
    tells a family name from the list, never that the list has it (wide names are on no list)."""
    if is_syllable(head) or not head.isalpha():
        return None
    letters = head.lower()
    for n in range(len(letters) - 1, GLUED_HEAD_LETTERS - 1, -1):
        start = letters[:n]
        if fold(start) == start.replace("đ", "d"):
            continue  # no mark in it: too many names begin so
        hits = [v for v in SURNAMES if v.lower().startswith(start) and len(v) > n]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


# a word of a name's row read as one mark then its small letters: the capital the seal's ring or the pen's
# stroke crossed, read as a mark ("#hị" for "Thị")
_MARKED_CAPITAL = re.compile(r"^[^\w\s]([^\W\d_]{2,})$")


def marked_middle(text: str) -> str | None:
    """The common middle name (``MIDDLE_NAMES``) a middle word of a name read as a mark then small letters
    stands for, its capital read as the mark ("#hị" (52) of "Mai #hị Phẩm", the seal's ring over the "T",
    seed 837 corp 000): the one middle name whose letters after its capital are those letters, marks and all
    ("hị": "Thị", not the given name "Nhị"). None for any other word, or letters several middle names end
    in, or none. The caller doubts the name: the capital is a guess."""
    m = _MARKED_CAPITAL.match(nfc(text.strip(".,;:|!'\"()[]")))
    if m is None or not m.group(1).islower():
        return None
    rest = m.group(1)
    forms = [s for s in MIDDLE_NAMES if s[1:] == rest and len(s) == len(rest) + 1]
    return forms[0] if len(forms) == 1 else None


# a middle word read in small letters this unsurely (Tesseract's 0..100) may have lost its capital whole
HEADLESS_MIDDLE_CONF = 80.0
_CONSONANT_LETTERS = frozenset("bcdđghklmnpqrstvx")
# every word of a name a list has (given, middle and family names): a head lost may have been any one's
_NAME_WORDS = frozenset(NAME_SYLLABLES) | frozenset(MIDDLE_NAMES) | frozenset(SURNAMES) | OTHER_SURNAMES
# the two middle names far commoner than any other (of the corpus's ~430 name lines, "Văn" the middle name
# of 82, "Thị" of 41; ``MIDDLE_NAMES``): a rare name with the same letters after its head ("Nhị", "Nghị",
# none of the corpus's middle names) is no rival to them; a common one (``COMMON_SYLLABLES``) is
_DOMINANT_MIDDLES = MIDDLE_NAMES[:2]
_COMMON_NAME_WORDS = frozenset(NAME_SYLLABLES[:COMMON_SYLLABLES]) | frozenset(MIDDLE_NAMES)


def headless_forms(text: str, conf: float) -> list[str]:
    """The names a word of a name read unsurely (``conf`` below ``HEADLESS_MIDDLE_CONF``) in small letters
    may be when the seal's ring took its head (read as nothing, not as a mark: "hị" (51) of "Bùi hị Hồng
    Dinh", seed 881 dev 008): the words of any list (``_NAME_WORDS``) that are those letters, marks and all,
    after one consonant or more ("uy": "Duy", "Huy", "Quy"). None when the letters with their capital are a
    listed name ("anh": "Anh" read small) or the word is no small letters."""
    bare = nfc(text.strip(".,;:|!'\"()[]"))
    if conf >= HEADLESS_MIDDLE_CONF or len(bare) < 2 or not (bare.isalpha() and bare.islower()):
        return []
    if bare[0].upper() + bare[1:] in NAME_SYLLABLES or bare[0].upper() + bare[1:] in SURNAMES:
        return []
    return sorted(s for s in _NAME_WORDS if _headed(s, bare))


def _headed(name: str, tail: str) -> bool:
    """``name`` is ``tail`` after one consonant letter or more ("Thị" of "hị", "Trinh" of "inh")."""
    low = name.lower()
    k = len(low) - len(tail)
    return k >= 1 and low[k:] == tail and all(ch in _CONSONANT_LETTERS for ch in low[:k])


def headless_middle(text: str, conf: float) -> str | None:
    """The common middle name (``MIDDLE_NAMES``) a middle word that lost its capital stands for
    (``headless_forms``): the one name its letters are after a capital ("ăn": "Văn"; "gọc": "Ngọc"), or
    "Văn", "Thị" when the others are rare names ("hị": "Thị", not "Nhị", "Nghị"). None where another name
    fits as well ("uy": "Duy" or "Huy"; "inh": "Minh", "Linh", "Vinh" …; "ồng": "Hồng" or "Đồng"): no
    guess. A guess: the caller doubts the name either way."""
    forms = headless_forms(text, conf)
    bare_len = len(nfc(text.strip(".,;:|!'\"()[]")))
    if len(forms) == 1:
        one = forms[0]
    else:
        dominant = [s for s in forms if s in _DOMINANT_MIDDLES]
        if len(dominant) != 1 or any(s in _COMMON_NAME_WORDS for s in forms if s != dominant[0]):
            return None
        one = dominant[0]
    return one if one in MIDDLE_NAMES and len(one) == bare_len + 1 else None


def name_tokens(line: Line) -> list[tuple[str, float]]:
    toks = []
    for text, conf in _parts(line):
        t = text.strip(".,;:|!'\"“”()[]{}_-—")
        if 2 <= len(t) <= 4 and t.isalpha() and t.islower() and conf < 80:
            # a doubtful lower-case syllable: the seal's rim over a capital ("bý" for "Lý"); not letters of
            # mixed case ("sL": the rim's marks, no syllable)
            t = t[0].upper() + t[1:]
        if (
            len(t) >= 1
            and t.isalpha()
            and t[0].isupper()
            and (len(t) == 1 or not t[1:].isupper() or len(t) <= 2)
        ) or (t.isalpha() and t.isupper() and len(t) > 1):
            toks.append((t, conf / 100.0))
        else:
            toks.append(("", 0.0))
    return toks


# (0..1) a name's word read this surely is taken with the marks read. The threshold is one-sided: a word
# with a listed name's letters and other marks read at or above it is taken as sure ("Hiểu" (90): "Nguyễn
# Văn Hiểu" at 0.93), just under it the same word is kept but doubted ("Hiểu" (89): 0.55,
# ``marks_unlisted``), and a word under ``SURE_WORD_CONF`` is made the listed name ("Hiểu" (75) → "Hiếu",
# ``fix_syllable``). Tesseract's confidence is no measure of its marks against the language model's: a word
# the model changed and Tesseract's reading restored (``given_as_read``) is in doubt whatever its confidence
# (``lead_as_read``)
MARKS_READ_CONF = 0.9
# (0..1) at most this sure is a name's word read in capitals among capitalised ones (``_signer_name``)
CAPITALS_IN_NAME_CONF = 0.7


def marks_unlisted(word: str, conf: float) -> bool:
    """A name's word no listed name is (``NAME_SYLLABLES``) whose letters a listed one has with other marks,
    read less surely than ``MARKS_READ_CONF`` (0..1): "Nẫm" (89) of "Trang Phước Nẫm" is kept as read
    (``fix_syllable``) but its marks may be misread ("Nam"): the name is in doubt. A text layer's word
    (``TEXT_LAYER_CONF``, 1.0: as written) is above the threshold, never in doubt for it. However surely
    read, a word whose "Đ" or "D" no listed form with its letters has ("Điệu" (94), listed "Diệu": the seal's
    ring through the stem of a "D" reads as the bar of a "Đ" at every size, seed w641 dev 000 taken at 0.93)
    is in doubt: a bar is a stroke across a letter, and a seal's is one too."""
    if word in NAME_SYLLABLES or (forms := F_SYLLABLES.get(fold(word))) is None:
        return False
    return conf < MARKS_READ_CONF or (conf < TEXT_LAYER_CONF and not any(same_bar(f, word) for f in forms))


def same_bar(form: str, token: str) -> bool:
    """``form`` opens with the letter ``token`` does as to the bar of a "Đ": both with one, or neither."""
    return (form[:1] in "Đđ") == (token[:1] in "Đđ")


def horn_after_q(word: str) -> str | None:
    """A word read with a horn on the "u" after its "q" ("Qưới" (88) for "Quới", seed k907 dev 010: the
    horn of the "ơ" after it read on both), no Vietnamese syllable (the "u" of "qu" never bears one), as the
    syllable without it; None for any other word."""
    if word[:2].lower() != "qư" or is_syllable(word):
        return None
    plain = word[0] + ("U" if word[1].isupper() else "u") + word[2:]
    return plain if is_syllable(plain) else None


def fix_syllable(token: str, conf: float = 0.0, *, middle: bool = False) -> str:
    """The nearest common name syllable for a doubtful token (``conf`` 0..1 of its OCR word); ``middle``: the
    token stands between the family name and the last given name (``name_form``)."""
    key = fold(token)
    if (unhorned := horn_after_q(token)) is not None:
        return unhorned
    if len(key) < 2 or token in F_SYLLABLES.get(key, ()) or conf >= MARKS_READ_CONF:
        return token
    common = middle and any(f in MIDDLE_NAMES for f in F_SYLLABLES.get(key, ()))
    if conf >= SURE_WORD_CONF and is_syllable(token) and not common:
        # a syllable read surely, marks and all, is the name's word though a listed name has its letters with
        # other marks ("Nẫm" (89), not "Nam": wide seed 601 alt 006): the list is no census; the caller
        # doubts it (``marks_unlisted``). Not a middle word with a common middle name's letters ("Vấn" (87):
        # "Văn", far commoner there than any other word with its letters: ``name_form``). A word read with its
        # tone mark above the vowel where every listed form has it below (or the reverse) is kept so only
        # here: read less surely, it is the listed name ("Ngóc" (70): "Ngọc", "Thính" (75): "Thịnh")
        return token
    if (
        conf == VOTED_CONF
        and is_syllable(token)
        and not common
        and all(tone_place(f) != tone_place(token) for f in F_SYLLABLES.get(key, ()))
    ):
        # a syllable the readings of the name's row voted, with a tone mark where no listed form with its
        # letters has one: the vote chose it among the words read (``signature.vote_name``: three "Lẫm",
        # three "Lắm" are no "Lâm", wide seed 603 dev 006), kept; the caller doubts it (``marks_unlisted``).
        # A form with a mark where it read one is the name ("Dùng": "Dũng", below)
        return token
    if (
        conf == VOTED_CONF
        and is_syllable(token)
        and not any(same_bar(f, token) for f in F_SYLLABLES.get(key, [token]))
    ):
        # a syllable the row's readings voted whose "Đ" or "D" no listed form with its letters has ("Điềm":
        # "Diễm" only, seed 833 corp 008): a "Đ"'s bar is a letter's, no mark the blur made; kept as voted
        return token
    if key in F_SYLLABLES:  # the right letters, an unusual tone mark: "Hiểu" → "Hiếu"
        return _nearer_name(token, F_SYLLABLES[key]) or name_form(F_SYLLABLES[key], token, middle=middle)
    if conf >= 0.75 or is_syllable(token):
        return token  # a syllable read whole is a name's word the list may lack ("Pọm", "Khuyến")
    if (capital := _capital_garbled(token, middle=middle)) is not None:
        return capital
    if not minority_onset(token) and (tail := tail_name(token)) is not None and tail in NAME_SYLLABLES:
        # "Xfuang" (0): the seal's ring over the "Q" of "Quang" read as two glyphs, its tail "uang" the end
        # of one listed name only; letter for letter it is nearer to "Xuân" (seed 455 alt 000); a Highlands
        # name ("Hđrang") is no garbled one (REVIEW-37 L1)
        return tail
    hits = process.extract(key, list(F_SYLLABLES), scorer=fuzz.ratio, score_cutoff=70, limit=2)
    if not hits or (len(hits) > 1 and hits[1][1] == hits[0][1]):
        return token  # none near, or two as near: "ïnh" (the ring over "M") is Bình, Minh, Linh … alike
    return name_form(F_SYLLABLES[hits[0][0]], token, middle=middle)


_VIETNAMESE_ONSETS = frozenset({"ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr"})
# the letters those peoples' names open a cluster with (not "X": the seal's ring read over a capital, "Xjọc")
_MINORITY_CAPITALS = frozenset("bdđhjkmpr")


def minority_onset(word: str) -> bool:
    """A capitalised word opening with two consonants no Vietnamese word opens with, the first one a
    Central Highlands name's (``_MINORITY_CAPITALS``: "Mdrang", "Kpă", "Hđơk", "Bkrông"): a name as read."""
    head = word[:2].lower()
    consonants = len(head) == 2 and not any(ch in "aeiouyăâêôơư" for ch in fold(head))
    return consonants and head[0] in _MINORITY_CAPITALS and head not in _VIETNAMESE_ONSETS


# the two letters a capital under the seal's ring is read as, opening no word of any orthography a signer's
# name has ("Xhật" for "Nhật", "Zgọc"): a cluster of other letters ("Sr", "Sh", "Sm", "Cl", "Zr") may be a
# name as printed ("Điểu Srang", "Shinh")
_GARBLED_ONSETS = frozenset({"xh", "xg", "zh", "zg"})


def _onset_garbled(word: str) -> bool:
    """A capitalised word that is no syllable, opening with two consonants the seal's ring makes of a capital
    (``_GARBLED_ONSETS``): its capital misread ("Xhật" for "Nhật"), however surely; not a people's name of
    another orthography ("Kdăm", "Mdrang", "Ksor", "Srang")."""
    head = fold(word[:2])
    if head not in _GARBLED_ONSETS or minority_onset(word):
        return False
    return len(word) >= 3 and word[:1].isupper() and not is_syllable(word)


TAIL_LETTERS = 3  # a garbled word's tail of small letters this long at least may tell the name it ends


def tail_name(word: str) -> str | None:
    """The one listed name (a name syllable or a family name) a garbled word of a name's row ends like, its
    first one or two letters lost under the seal's ring ("fẾuang", "£fuang", "đuang", "uang": "Quang"): the
    word's tail of small letters (``TAIL_LETTERS`` at least, from its first, second or third character)
    ends exactly one listed name that is one or two letters longer ("gọc": "Ngọc"). None for a word read
    whole (a capitalised syllable, or one of small letters the corpus shows: "tống"), or a tail several
    names end in ("uân": Xuân, Tuân, Huân …): no name is invented. A tail that ends no name as read may end
    one with a letter below the line read as another (``_DESCENDERS``: "yọc", "jọc" for "gọc" of "Ngọc")."""
    if word.isalpha() and is_syllable(word) and (not word.islower() or correct.common(word)):
        return None  # (a syllable of small letters no text uses, "gọc", is a garbled word's tail)
    if len(word) > _LONGEST_NAME + 1:
        return None  # (its tails, from its third letter at most, are as long as any name: they end none)
    for k in range(3):
        tail = word[k:]
        if len(tail) < TAIL_LETTERS or not (tail.isalpha() and tail.islower()):
            continue
        hits = _names_ending(tail) or {n for alike in _descenders_swapped(tail) for n in _names_ending(alike)}
        if hits:
            return hits.pop() if len(hits) == 1 else None
    return None


# letters of the longest listed name: a tail this long ends none
_LONGEST_NAME = max(len(n) for n in (*NAME_SYLLABLES, *SURNAMES))


def _names_ending(tail: str) -> set[str]:
    """The listed names (name syllables and family names) one or two letters longer than ``tail`` that end
    in it."""
    return {n for n in (*NAME_SYLLABLES, *SURNAMES) if n.endswith(tail) and 1 <= len(n) - len(tail) <= 2}


# the small letters that reach below the line: a blurred photo, or the seal's ring through them, leaves only
# their tail, and one is read for another ("Lưu Xjọc Mai", "Lưu Xéyọc Mai" for "Lưu Ngọc Mai", seed 365 dev
# 003: a bitonal shaken photo)
_DESCENDERS = "gyjq"


def _descenders_swapped(tail: str) -> Iterator[str]:
    """``tail`` with one of its letters below the line (``_DESCENDERS``) read as another of them."""
    for i, ch in enumerate(tail):
        if ch in _DESCENDERS:
            for other in _DESCENDERS.replace(ch, ""):
                yield tail[:i] + other + tail[i + 1 :]


def _capital_garbled(token: str, *, middle: bool = False) -> str | None:
    """The listed name a word that is no syllable stands for when only its capital was garbled (the seal's
    ring through it: "ZÔng", "Zông" for "Công"): the one listed name with its other letters, marks and all; of
    several, for a ``middle`` word, the one common middle name among them (Công, not Đông); else None. Three
    letters after the capital at least: "ïnh" (the ring through "n M" of "Phan Minh") is no "Anh"."""
    if len(token) < 4 or not token[:1].isupper() or not token[1:].isalpha():
        return None
    rest = token[1:].lower()
    hits = [s for s in NAME_SYLLABLES if len(s) == len(token) and s[1:] == rest]
    if len(hits) > 1 and middle:
        hits = [h for h in hits if h in MIDDLE_NAMES]
    return hits[0] if len(hits) == 1 else None


def name_form(forms: Sequence[str], token: str, *, middle: bool = False) -> str:
    """Of the listed forms a token's letters allow (``F_SYLLABLES``' entry: "Vân", "Văn"), the one its marks
    are nearest to; for a middle word read with marks no form has ("Vấn" (63) under a seal, "Hồ Vấn Nam"),
    the one common middle name among them (``MIDDLE_NAMES``: "Văn", far commoner than "Vân" between a family
    name and a given name). A word read as one of the forms is taken as read by the callers."""
    common = [f for f in forms if f in MIDDLE_NAMES] if middle and len(forms) > 1 else []
    if len(common) == 1:
        return common[0]
    # of forms as near, the one whose tone mark stands where the token's read one does: "Dùng" (a blurred
    # tilde read as a grave, seed 445 dev 000) is as near to "Dung" as to "Dũng" letter for letter, but a
    # mark above the vowel was read, and "Dung" has none. (A word read with no tone mark may have lost it:
    # of forms as near, the first, the commoner: "Thang" is "Thắng")
    place = tone_place(token)
    return max(
        forms, key=lambda f: (fuzz.ratio(f.lower(), token.lower()), bool(place) and tone_place(f) == place)
    )


_TONE_BELOW = "\u0323"  # the dot below ("nặng"); the other four tone marks stand above the vowel


def tone_place(word: str) -> str:
    """Where a word's tone mark stands: "above" (grave, acute, hook, tilde), "below" (the dot) or "" (none,
    the level tone)."""
    marks = [ch for ch in unicodedata.normalize("NFD", word) if ch in TONE_MARKS]
    if not marks:
        return ""
    return "below" if marks[0] == _TONE_BELOW else "above"


NEARER_EDITS = 2  # edits (letters, marks apart) a garbled word is at most from the listed name it stands for


def _nearer_name(token: str, forms: Sequence[str]) -> str | None:
    """The listed name (``NAME_SYLLABLES``) a word that is no syllable stands for when it is nearer to it than
    to each listed form of its own letters (``forms``), its letters and their marks counted apart (each
    letter and each mark an edit), a letter's base and a mark at most: "Dỡng" (38, a blurred "Dũng": its
    vowel misread, its tilde kept) is two edits from "Dũng", three from "Đông" and "Đồng", whose letters it
    has marks aside. None when no listed name or several are that near, or for a syllable (a word read
    whole: "Hiểu" is "Hiếu" by its letters)."""
    if is_syllable(token):
        return None
    low = _marks_apart(token)
    own = min(Levenshtein.distance(low, _marks_apart(f)) for f in forms)
    near = [
        (Levenshtein.distance(low, _marks_apart(n), score_cutoff=NEARER_EDITS), n) for n in NAME_SYLLABLES
    ]
    best = min(d for d, _ in near)
    hits = [n for d, n in near if d == best]
    return hits[0] if best < own and best <= NEARER_EDITS and len(hits) == 1 else None


def _marks_apart(word: str) -> str:
    """The word in small letters, each mark a character of its own after its letter (NFD)."""
    return unicodedata.normalize("NFD", nfc(word).lower())


NEAR_LETTERS = 4  # a word read with one letter garbled stands for a listed name only from this many letters


def nearest_name(word: str, *, middle: bool = False) -> str | None:
    """The listed name syllable (``NAME_SYLLABLES``) a word of a name's row stands for: the one with its
    letters (marks aside; of several forms, ``name_form``), else the one listed name a single letter from
    them (``NEAR_LETTERS`` letters or more: "Miấh" (the seal's ring over the "n"), read alike in every
    reading of a shaken row, is "Minh", no other listed name one letter from it). None when no listed name or
    several are that near ("Niến": Tiến, Biên, Liên …; "Xinh": Vinh, Linh, Minh …): no name is invented."""
    key = fold(word)
    if key in F_SYLLABLES:
        return name_form(F_SYLLABLES[key], word, middle=middle)
    if len(key) < NEAR_LETTERS or not key.isalpha():
        return None
    near = [k for k in F_SYLLABLES if Levenshtein.distance(k, key, score_cutoff=1) <= 1]
    return name_form(F_SYLLABLES[near[0]], word, middle=middle) if len(near) == 1 else None


# the marks a letter's shape takes that a blur or a seal's stroke loses: the horn (ư, ơ) and the breve (ă)
_SHAPE_MARKS = {"u": "\u031b", "o": "\u031b", "a": "\u0306"}


def mark_lost(word: str) -> str | None:
    """The listed name syllable (``NAME_SYLLABLES``) a name's word no list has stands for when its letters
    lost a horn or a breve ("Đúc" → "Đức", "Tháng" → "Thắng", "Phuong" → "Phương"), its tone mark kept: the
    one such name, None for none or several, or for a word listed itself."""
    if word in NAME_SYLLABLES or len(word) < 2:
        return None
    letters = [unicodedata.normalize("NFD", ch) for ch in nfc(word)]
    spots = [i for i, ch in enumerate(letters) if ch[:1].lower() in _SHAPE_MARKS and "\u031b" not in ch]
    spots = [i for i in spots if "\u0306" not in letters[i] and "\u0302" not in letters[i]]
    # one letter, or the pair "uo" ("ươ": both take the horn)
    tries = [[i] for i in spots] + [[i, j] for i, j in itertools.pairwise(spots) if j == i + 1]
    hits = set()
    for change in tries:
        out = list(letters)
        for i in change:
            out[i] = out[i][0] + _SHAPE_MARKS[out[i][0].lower()] + out[i][1:]
        cand = nfc("".join(out))
        if cand in NAME_SYLLABLES:
            hits.add(cand)
    return hits.pop() if len(hits) == 1 else None


def _one_letter_families(word: str) -> list[str]:
    """The listed family names a capitalised word that is none is a letter from, marks counted, with its
    first letter ("Mục": Mạc; not Lục, Khúc); of three letters at least ("Bý" is a letter from Bế, Lý)."""
    bare = nfc(word.strip(".,;:|!'\"()[]"))
    if len(bare) < 3 or not bare.isalpha() or fold(bare) in F_SURNAMES or not bare[:1].isupper():
        return []
    low = bare.lower()
    return [
        v
        for v in SURNAMES
        if v[0].lower() == low[0] and Levenshtein.distance(v.lower(), low, score_cutoff=1) <= 1
    ]


def _rare_given(word: str) -> bool:
    """A middle or given name's word that is a Vietnamese syllable but no listed name's (``NAME_SYLLABLES``)
    and one the corpus barely shows ("Hếu", "trắng hếu"'s): a seal's stroke or a blur changed a name's
    vowel into another syllable. The peoples' names of other orthographies ("Kdăm", "Niê") are no
    syllables, and the corpus shows the common words names take ("Khuyến")."""
    return word not in NAME_SYLLABLES and is_syllable(word) and not correct.common(word)


def _rhyme_garbled(word: str) -> bool:
    """A middle name's word spelled as a Vietnamese one (a capital consonant a syllable may start with, one
    vowel read with a Vietnamese mark, a final one may end in) but no syllable: its vowel garbled ("Đếc" for
    "Đức" or "Đắc": "êc" ends no syllable), the name it stands for no reading. Not the peoples' names of
    other orthographies whose letters no Vietnamese syllable has ("Mah", "Kdăm", "Jang"), nor those whose
    vowel bears no mark ("Hot" of "Siu Hot": its own spelling, no stroke's)."""
    key = fold(word).lower()
    return (
        len(key) == 3
        and len(word) == 3
        and key.isalpha()
        and word[:1].isupper()
        and key[0] in "bcdghklmnpqrstvx"
        and key[1] in "aeiouy"
        and word[1].lower() != key[1]
        and key[2] in "cmnpt"
        and not is_syllable(word)
    )


# letters Tesseract reads for one another in a name under a seal or a blur (a stroke added or lost): only a
# word one of these from a listed name is taken for it ("Nđọc" for "Ngọc"); any other letter may be the name's
# own ("Rơ Mah", "Nay Jang", "Siu Hot" are Jarai names: REVIEW-33 M1)
_GLYPH_PAIRS = frozenset(
    frozenset(p) for p in ("gđ", "gq", "gy", "nu", "hb", "ce", "il", "rn", "oô", "dđ", "ăâ", "ưu", "ơo")
)


def _glyph_from_name(word: str) -> str | None:
    """A name's word that is no Vietnamese syllable but one look-alike letter (``_GLYPH_PAIRS``, in its
    place) from a listed name's (``NAME_SYLLABLES``): that name ("Nđọc" → "Ngọc"), "" when it is so from
    several, None when from none or when it is a syllable."""
    if not word.isalpha() or is_syllable(word):
        return None
    low = word.lower()
    near = set()
    for n in NAME_SYLLABLES:
        if len(n) != len(low):
            continue
        diff = [(a, b) for a, b in zip(n.lower(), low, strict=True) if a != b]
        if len(diff) == 1 and frozenset(diff[0]) in _GLYPH_PAIRS:
            near.add(n)
    if not near:
        return None
    return next(iter(near)) if len(near) == 1 else ""


def _near_middle(word: str, conf: float) -> str | None:
    """The common middle name (``MIDDLE_NAMES``) a middle word read unsurely (``conf`` 0..1) stands for when
    it is a syllable no name has (``_rare_given``: "Hếu" (55), the seal's stroke over the vowel of "Hữu") and
    that name alone of them is one letter from it, marks aside; a word with the letters of one family name
    (marks aside: a middle name is often one) is that family name; None otherwise (a word read surely is kept
    as printed: the list is no census)."""
    if conf >= SURE_WORD_CONF or not _rare_given(word):
        return None
    key = fold(word)
    family = [s for s in SURNAMES if fold(s) == key]
    if len(family) == 1 and not any(fold(m) == key for m in MIDDLE_NAMES):
        # a family name's letters: the mother's family name a middle name often is ("Hồ Lưu Phương"), its
        # mark misread ("Lứu" (83), seed 825 corp 005), not the middle name a letter from it ("Hữu")
        return family[0]
    near = [m for m in MIDDLE_NAMES if Levenshtein.distance(fold(m), key, score_cutoff=1) <= 1]
    return near[0] if len(near) == 1 else None


def _common_middle(word: str) -> str | None:
    """The common middle name (``MIDDLE_NAMES``) a middle word stands for whose letters it has with other
    marks, when the word is no listed name's nor a family name ("Cống", the seal's stroke over "Công" read as
    an acute: no name has it); None otherwise (a word read as a listed name, "Vân", is that name)."""
    if word in NAME_SYLLABLES or nfc(word) in SURNAMES:
        return None
    common = [f for f in F_SYLLABLES.get(fold(word), ()) if f in MIDDLE_NAMES]
    return common[0] if len(common) == 1 else None


# given names only men bear (general knowledge: a son named for strength, courage, victory); the women's
# middle name "Thị" before one is no name as printed
MEN_ONLY = frozenset(
    nfc(n)
    for n in ("Cường", "Cương", "Dũng", "Huấn", "Hùng", "Lực", "Mạnh", "Thắng", "Tráng", "Tuấn", "Tùng")
)


def womans_given(words: Sequence[str]) -> str | None:
    """For a woman's name (its middle word "Thị", the women's) that ends in a name only men bear
    (``MEN_ONLY``): the one listed name (``NAME_SYLLABLES``) with that word's letters after its capital that
    is no man's only ("Hạnh" for "Mạnh": a blurred photo's "H" read "M" in every reading of the name's row,
    seed 437 dev 003); "" when none or several ("Hùng": none); None for any other name."""
    if len(words) < 3 or "Thị" not in words[1:-1] or words[-1] not in MEN_ONLY:
        return None
    last = words[-1]
    hits = [n for n in NAME_SYLLABLES if len(n) == len(last) and n[1:] == last[1:] and n not in MEN_ONLY]
    return hits[0] if len(hits) == 1 else ""


# "Nơi nhận:", also with a speck between its words ("Nơi! nhận:", "Nơi, nhận") or a letter glued before it
# (the blurred italic capital read twice: "XNơi nhận:", seeds 505 alt 008, 509 alt 000 blurred) with its colon
# or alone on its line: a body's word ending in "…nơi" before "nhận …", "nhân dân" is no label (REVIEW-43c #3)
# (possessive: a run of blanks after "nhận" is not tried again at every length)
NOI_NHAN = re.compile(r"^\W*(?:noi\W{0,2}\s*nh[a-z]n\b|[a-z]noi\W{0,2}\s*nh[a-z]n\s*+(?::|\W*+$))")
# ... its first word lost to a blur ("—NN nhận:", "ơi nhận" with its colon lost too: the label alone on its
# line): then the list's first line must follow it
GARBLED_NOI_NHAN = re.compile(r"^\W*+\w{0,3}\W{0,2}\s*+nh[a-z]n\s*+(?::|\W*$)")  # possessive: no backtracking
# "- Như trên;", also blurred to "- Như tên,"
_FIRST_RECIPIENT = re.compile(r"^\W*nhu\s*tr?en\b")


def list_line(lines: Sequence[Line]) -> Line | None:
    """The "Nơi nhận" line (the recipients' list that ends a Decree 30 document, the signature block right of
    it): read as it is, or, on a blurred photo, with its first word garbled ("—NN nhận:") when the list's
    first line ("- Như trên;") follows it."""
    for ln in lines:
        if NOI_NHAN.match(ln.folded):
            return ln
    for i, ln in enumerate(lines[:-1]):
        if GARBLED_NOI_NHAN.match(ln.folded) and _FIRST_RECIPIENT.match(lines[i + 1].folded):
            return ln
    return None


# rows a signature block's page may hold under a title that are no person's name: its receipt list's units
_NO_PERSON = frozenset({"van thu", "luu tru", "luu", "phan loai", "dinh kem", "noi nhan", "nhu tren"})
_NO_END = frozenset({"văn", "thị"})  # a middle word: a name ending so lost its given name


def no_person(name: str) -> bool:
    """A signer's name read that names no person: a province or a city ("Hà Nội"), a receipt list's unit
    ("Văn thư", "Lưu trữ"), a name ended by a middle word ("Lê Văn": its given name not read), one word, or
    a title's rest ("Văn Phòng" under "Phó Chánh": ``title_rest``, review of signer46). Such a row under a
    title was read as the name surely (0.95, review of seal45). ("Văn" leads a name as a family name too:
    "Văn Long".)"""
    words = nfc(name).lower().split()
    folded = fold(squash(name))
    return (
        folded in F_PROVINCES
        or folded in _NO_PERSON
        or len(words) < 2
        or words[-1] in _NO_END
        or title_rest(name)
    )


def read_document_signer(pages: Sequence[Sequence[Line]]) -> Found:
    """The document's signer, found by structure on any page (``_read_document_signer``); a name that names
    no person (``no_person``) in doubt, as read."""
    f, k = _read_document_signer(pages)
    if isinstance(f, Signed) and k is not None:
        f = replace(f, page=k)
    named = f.get("signer_name")
    if (
        named is None
        or not named.value
        or named.confidence <= GUESSED_NAME_CONF
        or not no_person(named.value)
    ):
        return f
    doubted = replace(named, confidence=GUESSED_NAME_CONF)
    return replace(f, fields=tuple(doubted if g is named else g for g in f.fields))


def _read_document_signer(pages: Sequence[Sequence[Line]]) -> tuple[Found, int | None]:
    """The document's signer, found by structure on any page: the first page (in reading order) with the
    "Nơi nhận" list whose block gives a title and a name (a draft or annex attached after the signed page
    may carry its own unsigned block naming someone else; a blank page with a faint seal may follow); else
    the last page, going back, that gives both; else whatever the first "Nơi nhận" page (or the last page)
    gives. With the index of the page it is read on (None for none)."""
    if not pages:
        return Found(), None
    with_list = [k for k, lines in enumerate(pages) if list_line(lines) is not None]
    found: dict[int, Found] = {}

    def on(k: int) -> Found:
        if k not in found:
            found[k] = read_signer(pages[k], final=True)
        return found[k]

    for k in [*with_list, *reversed(range(len(pages)))]:
        f = on(k)
        if f.value("signer_name") and f.value("signer_title"):
            return f, k
    for k in [*with_list, *reversed(range(len(pages)))]:
        # no name read: a family name run together with the next word ("ĐoànXăn Việt"), split (no reading of
        # that word's capital, nor of the space: in doubt). Only here, once the signature pass (which reads
        # the block again where no name was read) had its chance: split earlier, it would not run
        split = _runs_split(pages[k])
        if split is None:
            continue
        f = read_signer(split, final=True)
        named = f.get("signer_name")
        if named is not None and named.value and f.value("signer_title"):
            kept = [g for g in f.fields if g.name != "signer_name"]
            doubted = replace(named, confidence=min(named.confidence, GUESSED_NAME_CONF))
            return Signed((*kept, doubted), f.prefix, f.head), k
    if with_list and on(with_list[0]).fields:
        return on(with_list[0]), with_list[0]
    # no page gives both: the last page that gives anything (a blank page with a faint seal after the
    # signed page gives nothing)
    given = next(((on(k), k) for k in reversed(range(len(pages))) if on(k).fields), None)
    if given is not None:
        return given
    # no page gives a title: the block's name read whole and surely under a title the pen or the seal took
    # (k909 alt 000: "GIÁM ĐỐC" unread beside the list, "Yên Hải Hoạt" (96, 96, 96) under it), in doubt
    for k in with_list:
        untitled = untitled_name(pages[k])
        if untitled is not None:
            res = Builder()
            res.set("signer_name", untitled[0], untitled[1])
            return Signed(res.freeze().fields, None, None), k
    return Found(), None


# words of a name read without its title (``untitled_name``): three at least, two alone being as often a
# place's, a street's or a phrase's ("Hà Nội", "Trần Phú", "Bản Sao")
UNTITLED_NAME_WORDS = (3, 5)


def _place_led(words: Sequence[str]) -> bool:
    """``words`` (a name's as read) are a place's or begin with one: the whole line, or its first two or
    three words, a province, a city (``F_PLACES``) or the corpus gazetteer's place (``correct.known_place``):
    "Tân Phú Đông", "Mỹ Tho Tiền Giang", "Hòa Bình Tỉnh"."""
    if fold(" ".join(words)) in F_PLACES:
        return True
    if any(fold(" ".join(words[:n])) in F_PLACES for n in (2, 3) if len(words) >= n):
        return True
    return len(words) >= 2 and correct.known_place(words[0], words[1])


def untitled_name(lines: Sequence[Line]) -> tuple[str, float] | None:
    """The signer's name on a page whose block lost its title: the lowest line under the "Nơi nhận" line's
    top standing wholly in the page's right half that reads as a person's name as printed (three to five
    capitalised Vietnamese syllables, each read surely; no title's, rank's or honorific's word among them,
    no place's or office's word first (``NOT_FAMILY_WORDS``), no place (``no_person``, ``_place_led``); the
    first a listed family name, or one no list has before given names each a listed name's word), at most
    ``GUESSED_NAME_CONF`` sure: no title places it, a reviewer checks it. Lines that are none are passed
    over upward ("Xã Tân Phú" under "Lê Quang Hùng"). None without such a line."""
    nn = list_line(lines)
    if nn is None:
        return None
    width = nn.width or 1.0
    lo, hi = UNTITLED_NAME_WORDS
    for ln in reversed(lines):
        if ln.page != nn.page or ln.y0 < nn.y0 or not ln.words:
            continue
        if min(w.box.x0 for w in ln.words) < 0.5 * width:
            continue
        words = [nfc(w.text) for w in ln.words]
        confs = [w.conf / 100.0 for w in ln.words]
        if not lo <= len(words) <= hi or title_of(ln):
            continue
        if not all(
            len(w) >= 2 and w.isalpha() and w[:1].isupper() and w[1:].islower() and is_syllable(w)
            for w in words
        ):
            continue
        if min(confs) < SURE_WORD_CONF:
            continue
        if any(w.casefold() in _LEAD_WORDS or w.casefold() in _NO_FAMILY_WORDS for w in words):
            continue
        if words[0] in NOT_FAMILY_WORDS or no_person(" ".join(words)):
            continue  # "Xã Tân Phú", "Cộng Hòa Xã Hội", "Bản Sao", "Hà Nội": a place's or an office's line
        listed = words[0] in SURNAMES or words[0] in OTHER_SURNAMES
        if not listed and (_place_led(words) or any(w not in NAME_SYLLABLES for w in words[1:])):
            # (a family name no list has before given names' words: "Yên Hải Hoạt", not "Tân Phú Đông")
            continue
        return " ".join(words), min(statistics.fmean(confs), GUESSED_NAME_CONF)
    return None


def _runs_split(lines: Sequence[Line]) -> list[Line] | None:
    """The page's lines with each word that is a family name run together with the next word of a name
    (``run_together``) made two words, its box cut where the second begins (by letters); None when no word
    is."""
    out, changed = [], False
    for ln in lines:
        words: list[Word] = []
        for w in ln.words:
            parts = run_together(w.text)
            if parts is None:
                words.append(w)
                continue
            bare = nfc(w.text.strip(".,;:|!'\"()[]"))
            cut = w.box.x0 + (w.box.x1 - w.box.x0) * len(parts[0]) / max(1, len(bare))
            words.append(replace(w, text=parts[0], box=replace(w.box, x1=cut)))
            words.append(replace(w, text=parts[1], box=replace(w.box, x0=cut)))
            changed = True
        out.append(sub_line(ln, words) if len(words) != len(ln.words) else ln)
    return out if changed else None


def fit_title(
    signer: Found, organ_name: str | None, notation: str | None, *, organ_conf: float = 0.0
) -> Found:
    """A signer's title made consistent with the issuing organ and the authority line over it (``Signed``):
    under the Prime Minister or the Government ("…/QĐ-TTg", "…/NQ-CP", "Thủ tướng Chính phủ") a seal-blurred
    "THỦ TƯỚNG" read as "Thủ trưởng" (the head of an agency) is the Prime Minister's title, or the Deputy's:
    under "KT. THỦ TƯỚNG" signs the Deputy ("Phó Thủ tướng"), under "TL. THỦ TƯỚNG" neither (the head of an
    office: the title as read, in doubt), under "Q." the acting one. Under a ministry "Thủ trưởng" (the
    letters of "Thứ trưởng", one mark apart) is the deputy minister's. A head's title guessed so ("PHÓ" may be
    under the seal), or "Thủ trưởng" with no organ to tell it from "Thứ trưởng", goes to review."""
    title = signer.get("signer_title")
    if title is None or title.value is None:
        return signer
    acting = title.value.startswith("Quyền ")
    value, conf = title.value.removeprefix("Quyền "), title.confidence
    organ = fold(organ_name or "")
    prefix = signer.prefix if isinstance(signer, Signed) else None
    if value in ("Chi cục trưởng", "Phó Chi cục trưởng") and _sure_central_cuc(organ, organ_conf, prefix):
        # a Chi cục's head's title over a Cục's document: a Cục is headed by its Cục trưởng, and a garbled
        # title line ("Q.CC(CC TRUỜNG": seed 529 dev 008 gave "Quyền Chi cục trưởng") read a "CHI" that is
        # not there; the Cục's title, in doubt
        value, conf = value.replace("Chi cục trưởng", "Cục trưởng"), min(conf, TITLE_IN_DOUBT)
    elif value not in ("Thủ trưởng", "Phó Thủ trưởng", "Thứ trưởng", "Phó Thứ trưởng"):
        return signer
    pm = organ.startswith(("thu tuong", "chinh phu")) or (notation or "").endswith(("TTg", "-CP"))
    head = signer.head if isinstance(signer, Signed) else None
    if pm and prefix in ("tl", "ttl"):
        conf = min(conf, TITLE_IN_DOUBT)  # the head of an office signs "thừa lệnh": no Prime Minister's title
    elif pm:
        value = value.replace("Thủ trưởng", "Thủ tướng").replace("Thứ trưởng", "Thủ tướng")
        if prefix == "kt" and value == "Thủ tướng":
            value = "Phó Thủ tướng"  # "KT. THỦ TƯỚNG" whose head went unread, or the deputy's "PHÓ" lost
        if prefix == "kt" and head is not None and fold(head) not in ("thu tuong", "thu truong"):
            conf = min(conf, TITLE_IN_DOUBT)  # "KT. BỘ TRƯỞNG" over a Prime Minister's organ: one is misread
        # "PHÓ" put here, not read or put for a "KT." line over the head's title: the deputy guessed
        guessed = prefix == "kt" and head is None and not title.value.startswith("Phó")
        if value == "Thủ tướng" or acting or guessed:
            conf = min(conf, TITLE_IN_DOUBT)
    elif value == "Thủ trưởng" and organ.startswith("bo ") and not acting:
        value, conf = "Thứ trưởng", min(conf, TITLE_IN_DOUBT)
    elif value == "Thủ trưởng" and not organ:
        conf = min(conf, TITLE_IN_DOUBT)
    elif value not in ("Cục trưởng", "Phó Cục trưởng"):
        return signer
    value = "Quyền " + value if acting else value
    return Found(
        tuple(
            replace(f, value=value, confidence=conf) if f.name == "signer_title" else f for f in signer.fields
        )
    )


def _sure_central_cuc(organ: str, organ_conf: float, prefix: str | None) -> bool:
    """``organ`` (folded) is a ministry's Cục a vocabulary lists, read surely, and the title is the signer's
    own (no "TL."/"TUQ.": an office's or a Chi cục's head signs for the Cục trưởng under those). A Cục read
    in doubt may be a Chi cục whose "CHI" was lost ("SỞ …" over "CỤC KIỂM LÂM"), its head's title right."""
    return organ in F_CENTRAL_UNITS and organ_conf >= REVIEW_THRESHOLD and prefix not in ("tl", "ttl", "tuq")


def blurred_family(signer: Found) -> Found:
    """On a blurred page (its letters read as look-alikes at confidences that look sure): a signer's name led
    by a word that is no family name, a letter from exactly one listed family name with its first letter
    ("Mục Công Lực" (92) → "Mạc Công Lực": "ạ" read "ụ"), is led by that one, in doubt. A sharp page's word
    read surely is kept (``_signer_name``: in doubt): a real family name no list has ("Mạch", "Ma")."""
    f = signer.get("signer_name")
    if f is None or not f.value:
        return signer
    words = f.value.split()
    close = _one_letter_families(words[0])
    if len(words) < 2 or len(close) != 1 or words[0] in OTHER_SURNAMES:
        # ("Mang" (97), "Phó" (96): real family names the list lacks, read so, no blurred "Mông", "Phí":
        # corp+wide seeds 851 002, 845 002; in doubt, ``_signer_name``'s)
        return signer
    if (
        correct.common(words[0])
        and Levenshtein.distance(_marks_apart(words[0]), _marks_apart(close[0])) > NEARER_EDITS
    ):
        # a blur misreads a letter's base or a mark ("ụ" for "ạ"), a letter and a mark at most, not a letter
        # and two marks at once: "Hoa" (96, every reading of its row at 95, the other words' marks all read)
        # is no blurred "Hứa" (its "ư"'s horn and acute both lost, its base read "o": seeds w679 alt 005,
        # s885 corp 009), a family name the list lacks, kept as read, in doubt (``_signer_name``'s); only a
        # word of the language (``correct.common``): "Tren" is a blurred "Trần" (review of names59)
        return signer
    key = fold(close[0])
    if (
        is_syllable(words[0])
        and len(close[0]) != len(words[0])
        and _rare(key)
        and not key.startswith(fold(words[0]))
    ):
        # "Tào" (96): a Vietnamese syllable a letter shorter or longer than the rare listed "Thào" is another
        # family name the list lacks, not a blur (which misreads a mark or a letter in place: "Mục", "Mạc").
        # Not so for a frequent one ("Tái" of "Thái", "Tịnh" of "Trịnh") or one the word begins ("Dươn" of
        # "Dương", its last letter lost to the blur): the blur's reading of it (REVIEW-41e MED-2)
        return signer
    value = " ".join([close[0], *words[1:]])
    conf = min(f.confidence, GUESSED_NAME_CONF)
    return replace(
        signer, fields=tuple(replace(g, value=value, confidence=conf) if g is f else g for g in signer.fields)
    )


def blurred_given(signer: Found) -> Found:
    """On a blurred page (its marks read as look-alikes at confidences that look sure): a signer's given or
    middle name read as a word no listed name is (``NAME_SYLLABLES``) with a listed name's letters is in
    doubt: "Cao Đức Dùng" (91) of "Cao Đức Dũng" (a blurred tilde read as a grave, seed 445 dev 000). It is
    kept as read, not made the listed name: the list is no census ("Nguyễn Thị Đào", a common name the list
    lacks, would become "Đạo"; eval 41 lost a signer's name on a blurred page the day the rewrite landed,
    REVIEW-36 follow-up)."""
    f = signer.get("signer_name")
    if f is None or not f.value:
        return signer
    words = f.value.split()
    if not any(k > 0 and w not in NAME_SYLLABLES and fold(w) in F_SYLLABLES for k, w in enumerate(words)):
        return signer
    value, conf = f.value, min(f.confidence, GUESSED_NAME_CONF)
    return replace(
        signer, fields=tuple(replace(g, value=value, confidence=conf) if g is f else g for g in signer.fields)
    )


@dataclass(frozen=True)
class Signed(Found):
    """A signature block's fields, with the authority its title is given under: the prefix ("kt", "tm",
    "tl", "q", "ttl") on the title's line or the line over it, and the head's title that line names ("Thủ
    tướng" of "KT. THỦ TƯỚNG"), each None when not read."""

    prefix: str | None = None
    head: str | None = None
    page: int | None = None  # the index of the page it was read on (``read_document_signer``'s)


def read_signer(lines: Sequence[Line], *, final: bool = False) -> Signed:
    """signer_title and signer_name from the signature block of the given (last) page's lines. ``final``:
    the document's own reading (``_read_document_signer``), which also takes a name read only after a line's
    unread marks (``_after_unread``, ``_own_family_after_junk``, in doubt); the passes' (not ``final``) do
    not, so a name line led by such marks is no name found to them and they read it again (the row pass on
    a sharp scan: "Ph" (1) before "An Minh Tuấn" is the ring over "Phan")."""
    res = Builder()
    prefix, head = _signer(res, lines, final)
    return Signed(res.freeze().fields, prefix, head)


def _title_block(lines: Sequence[Line]) -> tuple[list[Line], int, tuple[str, float, bool]] | None:
    """The signature block's lines (the right half of boxed ones), the index of its title line among them
    (the last line that reads as a title) and the title read there."""
    if not lines:
        return None
    width = lines[0].width or 1.0
    right: list[Line] = []
    for ln in lines:
        if ln.boxed:
            ws = [w for w in ln.words if (w.box.x0 + w.box.x1) / 2 > width * 0.47]
            if ws:
                right.append(sub_line(ln, ws))
        else:
            right.append(ln)
    title_i = None
    title: tuple[str, float, bool] | None = None
    for i in range(len(right) - 1, -1, -1):
        t = _titled(right[i])
        if t:
            right[i], title = t  # (without a doubted mark before the title: its prefix is read from it)
            title_i = i
            break
    if title is None or title_i is None or _above_body(lines, right[title_i]):
        return None
    return right, title_i, title


BODY_LINES = 2  # lines of the body between a title and the recipients' list that make the title no signer's


def _above_body(lines: Sequence[Line], title: Line) -> bool:
    """The title line is above the body's end: under it, before the "Nơi nhận" line, at least ``BODY_LINES``
    lines run from the left margin past the page's middle (the body's). The signature block's title stands
    beside the recipients' list; a title read higher is a heading's or a body line's ("MÔI TRƯỜNG" of
    "GIẤY PHÉP MÔI TRƯỜNG" read "Bộ trưởng", its "CẤP PHÉP:" under it taken for the name, when a shaken
    photo lost the whole block: seed 207 alt 012)."""
    nn = list_line(lines)
    if nn is None or nn.y0 <= title.y1:
        return False
    width = title.width or 1.0
    body = [
        ln
        for ln in lines
        if ln.boxed and title.y1 <= ln.y0 and ln.y1 <= nn.y0 and ln.x0 < 0.3 * width and ln.x1 > 0.6 * width
    ]
    return len(body) >= BODY_LINES


def title_line(lines: Sequence[Line]) -> Line | None:
    """The signature block's title line (its right-half part), None without one."""
    block = _title_block(lines)
    return block[0][block[1]] if block else None


def _below(right: Sequence[Line], title_i: int) -> list[Line]:
    """The lines under the title that may hold the signer's name (within 14 line heights of it)."""
    tl = right[title_i]
    return [ln for ln in right[title_i + 1 :] if ln.y0 < tl.y1 + (tl.y1 - tl.y0) * 14 or not ln.boxed]


def surname_of(token: str) -> str | None:
    """The family name a token stands for: itself when it is one; else, for a token garbled by a seal's rim,
    the one family name ending in it ("uyễn": the rim over the first letters), else the one family name of
    three letters or more it is close to (ratio ≥ 70) and clearly closer to than to any other, by 20
    ("lgứýên": the rim read as letters). Short family names ("Lê", "Hà") are never guessed: too many
    garblings are one letter from them."""
    bare = nfc(re.sub(r"[^\w]|[\d_]", "", token))
    key = fold(bare)
    if key in F_SURNAMES:
        listed = family_name(bare)
        return listed[0] if listed else None
    if len(key) < 3:
        return None
    # the rim is left of the name: its first letters lost ("uyễn" for "Nguyễn")
    tails = [v for k, v in F_SURNAMES.items() if k.endswith(key) and len(k) > len(key)]
    if len(tails) == 1:
        return tails[0]
    hits = process.extract(key, [k for k in F_SURNAMES if len(k) >= 3], scorer=fuzz.ratio, limit=5)
    if not hits or hits[0][1] < 70:
        return None
    # clearly closer than to any family name at least as common (a rare one the list grew with, "Nghiêm",
    # does not make "Ngưiễn" doubtful between it and Nguyễn)
    rivals = [h for h in hits[1:] if _rare(h[0]) <= _rare(hits[0][0])]
    if rivals and hits[0][1] - rivals[0][1] < 20:
        return None
    return F_SURNAMES[hits[0][0]]


# a family name read at least this surely is the one its marks say, of those with its letters (Đường, Dương)
ALIKE_SURE = 0.85
# (0..1) a family name read less surely than this is no reading of it: the name is in doubt
FAMILY_POOR = 0.5


def _alike(name: str) -> list[str]:
    """The listed family names with the letters of ``name`` (marks and Đ aside): "Dương", "Đường"."""
    key = fold(name)
    return [v for v in SURNAMES if fold(v) == key]


def family_name(token: str) -> tuple[str, bool] | None:
    """The listed family name a word is by its letters, and whether it was read as printed (marks and all);
    None for a word no listed one has the letters of, or for a rare one of two letters read with other marks
    ("bê", the rim over "Lê", is no "Bế"; "Lu" no "Lữ"). The one look-up of a name's family name."""
    bare = nfc(token.strip(".,;:|!'\"()[]"))
    key = fold(bare)
    if key not in F_SURNAMES:
        return None
    exact = [v for v in SURNAMES if v.lower() == bare.lower()]
    if exact:
        return exact[0], True
    if _rare(key) and len(key) <= 2:
        return None
    return F_SURNAMES[key], False


def other_surname(token: str, conf: float = 0.0) -> str | None:
    """The real family name the list lacks (``OTHER_SURNAMES``) whose letters (marks aside) a word has, no
    listed one having them, the only one of them with those letters, with its vowels' marks (â, ă, ê …) read
    or none read: "Khậu" (36), "khuảt" (76) for "Khâu", "Khuất" (not "Đặn" for "Đan": its "ă" read). The
    letters read name that family name; the listed one a letter from them ("Châu", "Hứa") is the guess. A
    tone misread is still no reading: a guess too, for the caller to doubt. A word with marks read at
    ``conf`` ≥ ``SURE_WORD_CONF`` is read as printed ("Tiến", "Hinh" (92) are no "Tiền", "Hình")."""
    bare = nfc(token.strip(".,;:|!'\"()[]"))
    key = fold(bare)
    if len(key) < 3 or not bare.isalpha() or key in F_SURNAMES:
        return None
    if conf >= SURE_WORD_CONF and _diacritics(bare):
        return None
    hits = [v for v in OTHER_SURNAMES if fold(v) == key]
    if len(hits) != 1:
        return None
    vowels = _vowel_marks(bare)
    return hits[0] if vowels in (_vowel_marks(hits[0]), fold(bare)) else None


def _vowel_marks(word: str) -> str:
    """A word in lower case without its tone, its vowels' own marks and "đ" kept ("Khậu" → "khâu")."""
    return nfc(unicodedata.normalize("NFD", nfc(word)).translate(_TONES)).lower()


_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def _other_vowel(read: str, listed: str) -> bool:
    """A family name's word read with marks, its vowels' own marks (â, ê, ô, ơ, ư, ă) other than the listed
    name's it was taken for by its letters: another word read ("Lạm" is no "Lâm"), not the listed one with
    its tone misread ("Nguyển") or its marks lost ("Nguyen")."""

    def base(w: str) -> str:
        return nfc(unicodedata.normalize("NFD", nfc(w)).translate(_TONES)).lower()

    return nfc(read).lower() != fold(read) and base(read) != base(listed)


def guessed_family(token: str) -> bool:
    """A rare family name taken by its letters with marks other than those read ("Lâu", "Lau" for "Lầu";
    "Mua" for "Mùa"): a guess (a word misread, "Tâm" for "Tôn"), not a reading. A frequent one read without
    its marks ("Nguyen") is that one."""
    listed = family_name(token)
    return listed is not None and not listed[1] and _rare(fold(listed[0]))


def led_already(lead: str, rest: Sequence[str], doubted: bool) -> bool:
    """``lead``, a word that spells a family name, is junk put in front of a name already led by one (a pen
    stroke or the seal's rim read as "nay", "vàng" before "Nguyễn Văn An"): the words after it are a name of
    three words or more led by a family name read as printed, and it is read in lower case, or ``doubted``
    (the caller's: a rare one read unsurely, a head glued to the next word; not "Lữ" read surely before
    "Văn Hùng", "Văn" a family name too)."""
    rest = [r.strip(".,;:|!'\"()[]") for r in rest]
    if len(rest) < 3 or not rest[0][:1].isupper():
        return False
    nxt = family_name(rest[0])
    if nxt is None or not nxt[1]:
        return False
    return lead.strip(".,;:|!'\"()[]")[:1].islower() or doubted


def junk_before_name(toks: Sequence[tuple[str, float]], printed: str) -> bool:
    """The name line's first word is junk before a name led by a family name no list has: it is read in
    small letters, unsurely (under ``NAME_WORD_CONF``), a listed family name by its letters only, not as
    printed ("do" for "Đỗ"; a family name is printed with its capital, which a sure reading keeps), and the
    next word is a capitalised Vietnamese syllable read surely (``SURE_WORD_CONF``) on no name list at all (no
    listed family name by its letters, no listed name syllable, middle name or other family name: "Tiết" of
    "do Tiết Văn Hợp"; "Xuân" of "do Xuân Thu Hà" is a listed name's, whose family name "Đỗ" the small
    letters may well be), no title's, rank's or honorific's word, before two words or more. ``printed``: the
    first word as Tesseract read it (the tokens' are capitalised)."""
    if len(toks) < 4:
        return False
    (lead, c), (nxt, nc) = toks[0], toks[1]
    printed = nfc(printed.strip(".,;:|!'\"()[]"))
    listed = family_name(printed)
    if (
        listed is None
        or listed[1]
        or not printed[:1].islower()
        or c >= NAME_WORD_CONF
        or fold(lead) != fold(printed)
    ):
        return False
    nxt = nfc(nxt.strip(".,;:|!'\"()[]"))
    return (
        nc >= SURE_WORD_CONF
        and nxt.isalpha()
        and len(nxt) >= 2
        and nxt[:1].isupper()
        and nxt[1:].islower()
        and is_syllable(nxt)
        and family_name(nxt) is None
        and nxt not in _NAME_WORDS
        and nxt.casefold() not in _LEAD_WORDS
        and nxt.casefold() not in _NO_FAMILY_WORDS
    )


def rare_family(token: str) -> bool:
    """A word that is, by its letters, a family name from the list's rarer part ("Nay", "Vàng")."""
    listed = family_name(token)
    return listed is not None and _rare(fold(listed[0]))


def _rare(key: str) -> bool:
    """A family name from the list's rarer part (after the frequent ones)."""
    return SURNAMES.index(F_SURNAMES[key]) >= FREQUENT_SURNAMES


HEAD_LETTERS = 4  # a garbled family name's clear first letters (marks kept) that may tell it: "Trươ"
HEAD_MIN_LETTERS = 2  # ... the fewest, a tone mark taken off them, that may ("Nguỳ", "Trườ"; not "Ẩ")


def surname_by_head(token: str) -> str | None:
    """The family name a capitalised word garbled at its end stands for (a seal's rim or a blur over its last
    letters: "Trươwể", "Trươyf" for "Trương"): its first ``HEAD_LETTERS`` letters or more, marks kept and one
    of them marked, begin exactly one family name and the word is no syllable itself. Never a word read whole
    (a valid syllable), never a head without a mark ("Tran" begins Trần and Trang alike). A head whose tone
    mark the ring or the blur put there ("Trườyế", "Nguỳễ#") is also known by its letters without it, when
    they begin one family name or one frequent one, and no syllable of five letters or more opens the word."""
    word = nfc(token.strip(".,;:|!'\"()[]"))
    if not word[:1].isupper() or is_syllable(word):
        return None
    letters = ""
    for ch in word:
        if not ch.isalpha():
            break
        letters += ch.lower()
    for n in range(len(letters), HEAD_LETTERS - 1, -1):
        head = letters[:n]
        if fold(head) == head.replace("đ", "d"):
            return None  # no mark in it: too many names begin so
        hits = {v for v in SURNAMES if v.lower().startswith(head)}
        if not hits:
            continue
        hit = hits.pop()
        if hits or (is_syllable(head) and head != hit.lower()):
            return None  # a head that is another word itself ("Hoàn" of "Hoànl": a given name, a common word)
        return hit
    # a tone mark the ring or the blur put on the head's vowel ("Trườyế" for "Trương" in every reading of
    # seed 345 dev 005's name under a bitonal seal's ring): its head without it, vowel marks kept
    # ("Nguỳễ#", "NguỳZ" for "Nguyễn": of the names "nguy" begins, the frequent one)
    # (not a word that opens with a syllable of five letters or more read whole, its tone its own: "Trườngx",
    # "Vượngz" are given names with a speck, no "Trương", "Vương": review 31 M2)
    # (a lone letter tells none: "Ẩ", the seal's ring arc read before "Quan Phú Nhật Đạt", is no "Âu")
    head = _toneless(letters[:HEAD_LETTERS])
    whole = any(is_syllable(letters[:n]) for n in range(5, len(letters) + 1))
    if head != letters[:HEAD_LETTERS] and not whole and len(letters) >= HEAD_MIN_LETTERS:
        hits = {v for v in SURNAMES if v.lower().startswith(head)}
        if len(hits) > 1:
            hits = {v for v in hits if SURNAMES.index(v) < FREQUENT_SURNAMES}
        if len(hits) == 1:
            return hits.pop()
    return None


def _toneless(word: str) -> str:
    """The word without its tone marks, its vowel marks kept ("trườ" → "trươ")."""
    return nfc("".join(ch for ch in unicodedata.normalize("NFD", word) if ch not in TONE_MARKS))


def surname_by_end(token: str) -> str | None:
    """The family name a capitalised word stands for when its last letter is garbled (a seal's ring over it,
    which glued it to the next word: "Đoày" of "ĐoàyẤgọc" for "Đoàn Ngọc"): its letters but the last, marks
    kept and one of them marked, three at least, begin exactly one family name, and one of the word's length.
    A given name's syllable as listed (``NAME_SYLLABLES``: "Diệu", "Tiên") is that word, not a garbled family
    name ("Diệp", "Tiêu"). The caller's to say the word's end is in doubt (this reads any "Đoàx" as Đoàn)."""
    word = nfc(token.strip(".,;:|!'\"()[]"))
    if not word[:1].isupper() or not word.isalpha() or len(word) < HEAD_LETTERS:
        return None
    if word[0] + word[1:].lower() in NAME_SYLLABLES:
        return None
    head = word[:-1].lower()
    if fold(head) == head.replace("đ", "d"):
        return None  # no mark in it: too many names begin so
    hits = {v for v in SURNAMES if v.lower().startswith(head)}
    if len(hits) != 1:
        return None
    hit = hits.pop()
    return hit if len(hit) == len(word) and hit.lower() != word.lower() else None


# a word of the seal's marks glued before a capitalised word by a mark ("x_Khúy", "ẩ#Trươg", "x_Lê"): the word
_MARKED_LEAD = re.compile(r"^[^\W\d_]{0,2}[\W\d_]+([^\W\d_]{2,})\W*$")


def _marked_word(token: str) -> str | None:
    """The capitalised word (two letters at least) after the marks glued before it in ``token`` ("Lê" of
    "x_Lê", "Xy" of "x_Xy"), or None."""
    m = _MARKED_LEAD.match(nfc(token))
    if m is None:
        return None
    word = m.group(1)
    return word if word[:1].isupper() and word[1:].islower() else None


def marked_lead(token: str) -> str | None:
    """The family name a name line's first word stands for when the seal's ring left up to two letters and a
    mark glued before it ("x_Khúy" for "Khúc", "x_Lê" or "1.Lê" for "Lê"): the capitalised word after the
    mark as a family name, as printed (two letters are enough for a listed one: "Lê", "Vũ"), cut short
    (``surname_by_head``) or its last letter garbled (``surname_by_end``: the ring over the word, which its
    marks before it show; three letters at least). None for anything else (a name's word near a family name,
    "Thị", is no guess of one)."""
    word = _marked_word(token)
    if word is None:
        return None
    if word in SURNAMES:
        return word
    if len(word) < 3:
        return None  # "Xy": two letters that are no family name tell none
    return surname_by_head(word) or surname_by_end(word)


def surname_by_tail(token: str) -> str | None:
    """The family name a lower-case word stands for when the seal's rim took its first letters and left a
    marked tail that ends exactly one family name ("ạm" → Phạm). Marks are kept in the comparison (a bare "am"
    ends Phạm, Lâm, Đàm …: no guess); never a word that starts with a capital (a read word) nor one without a
    mark."""
    low = nfc(re.sub(r"[^\w]|[\d_]", "", token))
    if len(low) < 2 or not low.islower() or fold(low) == low:
        return None
    hits = {v for v in F_SURNAMES.values() if v.lower().endswith(low) and len(v) > len(low)}
    return hits.pop() if len(hits) == 1 else None


def small_family(token: str) -> str | None:
    """The family name a name line's first word stands for when it was read as a word of small letters with
    a family name's letters, marks aside, and no given name's ("không" for "Khổng": a blurred photo's
    capital K read small, the hook read as a circumflex; not "văn", "kim", names' words too): the listed
    family name with those letters (the commonest), a guess for the caller to doubt."""
    bare = nfc(token.strip(".,;:|!'\"()[]"))
    if len(bare) < 3 or not (bare.isalpha() and bare.islower()) or fold(bare) not in F_SURNAMES:
        return None
    if fold(bare) in F_SYLLABLES:
        return None
    return F_SURNAMES[fold(bare)]


def _glued(word: str) -> bool:
    """A family name and the next word read without the space between them ("TăngKm" for "Tăng Kim"): a word
    of letters only, a family name up to its first capital after a small letter (no printed word has one
    inside it). The seal's rim read before a family name ("Ẩš#Ngưiễn", "sMguyễn") is not."""
    t = word.strip(".,;:|!'\"()[]")
    cut = next((i for i in range(1, len(t)) if t[i - 1].islower() and t[i].isupper()), None)
    return cut is not None and t.isalpha() and t[0].isupper() and fold(t[:cut]) in F_SURNAMES


def _repair_surname(line: Line, raw: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """A family name garbled by a seal's rim right before the given names ("sMguyễn Hòa Bình", "buyên Hòa
    Bình"): the word before the line's trailing run of capitalised syllables, when it is no syllable and
    clearly stands for one family name (``surname_of``), becomes that name (low confidence) and the junk
    before it is dropped. Unchanged when a family name was read; no name at all when that word ("buyên",
    "p4") stands for no family name clearly (the given names alone are not the name), or when a name's word
    (a capitalised syllable read with confidence) stands before it: then it is a middle name ("Khố, ạnh
    Thắng" for "Khổng Mạnh Thắng": "ạnh" ends "Danh", which is no family name here)."""
    parts = _parts(line)
    if len(parts) != len(raw):
        return raw
    k = len(raw)
    while k > 0 and raw[k - 1][0][:1].isupper() and is_syllable(raw[k - 1][0]):
        if fold(raw[k - 1][0]) in F_SURNAMES and k < len(raw):
            return raw  # a family name read (with given names after it)
        k -= 1
    if k == 0 or k == len(raw) or len(raw) - k > 4 or nfc(raw[k - 1][0]) in SURNAMES:
        return raw  # (a family name no syllable, read as printed: "Ksor")
    if _glued(parts[k - 1][0]):
        return []  # "TăngKm Xuân": the family name and the next word read without their space (a letter lost)
    if _headless(*parts[k - 1]):
        return []  # "L ông Tài" for "Châu Công Tài": "ông" (97) the tail of "Công", not the family name "Ông"
    sur = surname_of(parts[k - 1][0])
    if sur is not None and _too_wide(_part_boxes(line), parts, k - 1, sur):
        return []  # "vÚ Pọm" for "Giáp Xuân Pọm": one garbled word over two, not the family name alone
    if sur is None:
        if pen_mark_before(parts[k - 1][0], raw[k:]):
            return raw  # "“2 Giản Hoài Thoa": the pen's mark before a whole name, dropped
        if not raw[k - 1][0] and any(ch.isalnum() for ch in parts[k - 1][0]):
            return []  # a garbled word where the family name stands: not a name read ("Hòa Bình" alone)
        return raw
    if any(t[:1].isupper() and c >= NAME_WORD_CONF and is_syllable(t) for t, c in raw[: k - 1]):
        return []  # "Khố, ạnh Thắng": a name's word read before it: a middle name, not the family name
    return [("", 0.0)] * (k - 1) + [(sur, 0.5)] + raw[k:]


PEN_MARK_LETTERS = 3  # characters at most of a mark of the pen read before a name ("“2", "9,")


def pen_mark_before(text: str, run: Sequence[tuple[str, float]]) -> bool:
    """A word of no letter at all (a digit, a quote: "“2" (50)), a few characters, read right before a run of
    three capitalised syllables or more whose first was read surely: the signature's stroke ending beside the
    name (w667 dev 009: "“2 Giản Hoài Thoa", the name dropped as "a garbled family name before given names"),
    not the family name garbled (the seal's rim over one leaves some of its letters: "p4", "buyên"). Three
    words are a whole name (a family name and two given names); two ("“2 Hòa Bình") may be the given names
    alone. The name so kept has no listed family name: in doubt (``_signer_name``). No run that a word only
    middle and given names use begins (``_no_family_word``: "“2 Thị Minh Khai", "12 Thị Thu Hà", "9, Thu
    Hương Giang" are a street's or a list's words, the name, if any, lost before them: REVIEW of signlost)."""
    bare = nfc(text.strip(".,;:|!'\"“”()[]{}_-—"))
    return (
        0 < len(bare) <= PEN_MARK_LETTERS
        and not any(ch.isalpha() for ch in text)
        and len(run) >= 3
        and all(t[:1].isupper() for t, _ in run)
        and run[0][1] >= SURE_WORD_CONF
        and not _no_family_word(run[0][0])
    )


def _no_family_word(word: str) -> bool:
    """A word that begins no name: a common middle or given name (``_COMMON_NAME_WORDS``: "Thị", "Minh",
    "Thu") that no family name, listed or not (``family_name``, ``other_surname``), has the letters of, or a
    family name far more often a middle one (``_middle_more``: "Văn"). A family name on no list ("Giản") is
    on none of these lists either, and is not this."""
    w = nfc(word)
    if _middle_more(w):
        return True
    return w in _COMMON_NAME_WORDS and family_name(w) is None and other_surname(w) is None


def _headless(text: str, conf: float) -> bool:
    """A word read surely (``conf`` 0..100) in small letters, a whole syllable, that ends longer names' words
    as printed ("ông": "Công", "Đông", "Thông"): a name's word whose capital the seal's rim took, read where
    the family name stands; its letters being a family name's too ("Ông") tell not that it is one (a family
    name is printed with its capital, which a sure reading keeps)."""
    word = nfc(text.strip(".,;:|!'\"()[]"))
    if not (word.isalpha() and word.islower() and conf >= SURE_WORD_CONF * 100 and is_syllable(word)):
        return False
    return any(len(s) > len(word) and s.lower().endswith(word) for s in (*NAME_SYLLABLES, *SURNAMES))


WIDE_WORD = 1.8  # a garbled word this many times as wide as the family name it stands for covers more words
WIDE_WORD_CONF = 0.5  # (0..1) a family name read this surely is one, however wide its box


def _too_wide(boxes: Sequence[Box], parts: Sequence[tuple[str, float]], at: int, surname: str) -> bool:
    """The garbled word ``parts[at]`` stands far wider than ``surname`` would in the letters of the words
    after it (their width a letter): a seal or a blur over more than the family name, read as one word."""
    if len(boxes) != len(parts):
        return False
    after = [(b.x1 - b.x0, len(t)) for b, (t, _) in zip(boxes[at + 1 :], parts[at + 1 :], strict=True) if t]
    letters = sum(n for _, n in after)
    if not letters or (at + 1 < len(boxes) and boxes[at].x1 > boxes[at + 1].x0):
        return False  # (a box that runs over the next word's is stretched by a stroke, not a word's width)
    letter = sum(w for w, _ in after) / letters
    return boxes[at].x1 - boxes[at].x0 > WIDE_WORD * len(surname) * letter


def _probed(lines: Sequence[Line]) -> tuple[list[Line], int, ExtractedField | None] | None:
    """The signature block's right column and its title's index there, with the signer's name as the page's
    lines give it (None without a title block)."""
    block = _title_block(lines)
    if block is None:
        return None
    right, title_i, _ = block
    probe = Builder()
    _signer(probe, lines)
    return right, title_i, probe.freeze().get("signer_name")


def doubtful_name_line(lines: Sequence[Line], unled: bool = False) -> Line | None:
    """The line under the signer's title that looks like the name with its first words garbled (a seal's rim
    over the family name: "mg $en Hòa Bình"), when no name was read: its last word a capitalised Vietnamese
    syllable, two to six words. When a name was read: the line of a short one (``short_name_line``) or, the
    name taken in doubt, that of its guessed family name (``guessed_lead_line``) and, with ``unled``, that of
    a two-word name led by no family name (``unled_name_line``: only ``signature.name_pass`` asks, which
    reads that line alone again; a second reading of the whole block giving such a name is no better than
    the first, REVIEW of surname47 HIGH). None when the name was read surely or no such line exists."""
    probed = _probed(lines)
    if probed is None:
        return None
    right, title_i, got = probed
    found = got.value if got is not None else None
    if found:
        below = _below(right, title_i)
        short = short_name_line(below, found.split())
        if short is None and got is not None and got.confidence <= GUESSED_NAME_CONF:
            lead = guessed_lead_line(below, found.split())
            if lead is not None or not unled:
                return lead
            return unled_name_line(below, found.split()) or middle_led_line(below, found.split())
        return short
    for ln in reversed(_below(right, title_i)):
        if title_of(ln):
            continue
        words = [w.text.strip(".,;:|!'\"()[]") for w in ln.words]
        last = words[-1] if words else ""
        if 2 <= len(words) <= 6 and last[:1].isupper() and last.isalpha() and is_syllable(last):
            return ln
    return None


# letters, marks, letters: two words run together by the seal's ring across the space between them
# (from a run's start, possessive: linear on a word of thousands of letters, REVIEW-34 L3)
_RUN_TOGETHER = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}+(?:[^\w\s]|_)++[^\W\d_]{2}")


def glued_name_line(lines: Sequence[Line]) -> Line | None:
    """The line under the signer's title whose name was read in doubt (``GUESSED_NAME_CONF`` or less) from a
    word Tesseract doubts (under ``SHORT_NAME_JUNK_CONF``) of two runs of letters with marks between them:
    two of the name's words the seal's ring ran together, the second's capital under it ("Lưu/ăn Phong"
    at 7, taken as "Lưu An Phong": the ring over the "V" of "Văn", seed 377 dev 010). The line ends in
    the name's last word. None otherwise."""
    probed = _probed(lines)
    if probed is None:
        return None
    right, title_i, got = probed
    if got is None or not got.value or got.confidence > GUESSED_NAME_CONF:
        return None
    last = fold(got.value.split()[-1])
    for ln in reversed(_below(right, title_i)):
        texts = [w.text.strip(".,;:|!'\"()[]") for w in ln.words]
        if texts and fold(texts[-1]) == last:
            glued = any(w.conf < SHORT_NAME_JUNK_CONF and _RUN_TOGETHER.search(nfc(w.text)) for w in ln.words)
            return ln if glued else None
    return None


def guessed_lead_line(below: Sequence[Line], name: list[str]) -> Line | None:
    """The name line whose family name was guessed from a garbled word ("iếg Quốc An" taken as "Kiều Quốc
    An", the seal's rim over "Trương"): it ends in the name's given names, the word before them another
    word's letters than the family name's. None otherwise."""
    given = [fold(n) for n in name[1:]]
    for ln in reversed(below):
        texts = [w.text.strip(".,;:|!'\"()[]") for w in ln.words]
        if len(texts) > len(given) and [fold(t) for t in texts[len(texts) - len(given) :]] == given:
            return ln if fold(texts[-len(given) - 1]) != fold(name[0]) else None
    return None


def unled_name_line(below: Sequence[Line], name: list[str]) -> Line | None:
    """The name line of a two-word name taken in doubt whose first word is no family name by its letters
    ("Mánh Đạt" (87, 94), seed 529 alt 005: the grey seal's ring over "Lã" of "Lã Mạnh Đạt", read as a speck
    on a line of its own): a Vietnamese name is led by its family name, so a two-word name without one may
    have lost it under the seal, its middle and given names left (``name_pass`` reads the line again with the
    seal taken out, and takes a name only as its readings agree on one led by a family name). The line that
    reads those two words and no more; None otherwise."""
    if len(name) != 2 or fold(name[0]) in F_SURNAMES:
        return None
    want = [fold(n) for n in name]
    for ln in reversed(below):
        texts = [t for t in (w.text.strip(_NAME_PUNCT) for w in ln.words) if t]
        if [fold(t) for t in texts] == want:
            return ln
    return None


def middle_led_line(below: Sequence[Line], name: list[str]) -> Line | None:
    """The name line of a name taken in doubt led by a family name far more often a middle one
    (``_middle_more``: "Văn") right after a word with letters Tesseract doubts (under
    ``SHORT_NAME_JUNK_CONF``): "(2s Ma Văn Cao Tạo" (33, 1, 97, 97, 97), the ring across the "i" of "Mai"
    (k921 alt 012, taken as "Văn Cao Tạo"). The doubted word may be the family name the ring garbled
    (``signature.name_pass`` reads the line alone again, and takes a name only as its readings agree on one
    led by a family name and ending in the words read surely). None otherwise."""
    if len(name) < 2 or not _middle_more(name[0]):
        return None
    want = [fold(n) for n in name]
    for ln in reversed(below):
        texts = [w.text.strip(_NAME_PUNCT) for w in ln.words]
        for k in range(1, len(texts) - len(want) + 1):
            if [fold(t) for t in texts[k : k + len(want)]] == want:
                prev = ln.words[k - 1]
                doubted = prev.conf < SHORT_NAME_JUNK_CONF and any(ch.isalpha() for ch in prev.text)
                return ln if doubted else None
    return None


SHORT_NAME_JUNK_CONF = 50.0
GIVEN_NAMES_MIN_CONF = 0.35  # mean confidence (0..1) of a name's given names below which it is no reading


def short_name_line(below: Sequence[Line], name: list[str]) -> Line | None:
    """The name line when the name read there may have lost its family name under the seal: a two-word name
    ("Hoàng Tuấn": "Hoàng" is a family name and a middle name alike) right after a word with letters that
    Tesseract doubts (confidence < 50: "Xấn Hoàng Tuấn", the seal's rim over "Trần"), or right after a word
    no name has (``ring_remnant``: "Ngủà Ến Văn An", the seal's ring across "Nguyễn", seed 465 dev 010).
    None otherwise."""
    if len(name) != 2:
        return None
    for ln in reversed(below):
        texts = [w.text.strip(".,;:|!'\"()[]") for w in ln.words]
        for k in range(1, len(texts) - 1):
            if [fold(t) for t in texts[k : k + 2]] == [fold(n) for n in name]:
                prev = ln.words[k - 1]
                if prev.conf < SHORT_NAME_JUNK_CONF and any(ch.isalpha() for ch in prev.text):
                    return ln
                if ring_remnant(ln.words[: k - 1], prev):
                    return ln
                return None
    return None


def ring_remnant(before: Sequence[Word], word: Word) -> bool:
    """``word`` is what the seal's ring left of a name's word that Tesseract read apart from the rest of it:
    no listed name's word (``NAME_SYLLABLES``, ``SURNAMES``), right after a word with letters it doubts
    (confidence < 50): "Ến" (93) after "Ngủà" (1), the ring across "Nguyễn" read in two."""
    bare = nfc(word.text.strip(".,;:|!'\"()[]"))
    if not before or not bare.isalpha():  # a speck of marks is no word's remnant
        return False
    if bare.title() in NAME_SYLLABLES or bare.title() in SURNAMES:  # "VĂN" is a name's word, in capitals too
        return False
    prev = before[-1]
    return prev.conf < SHORT_NAME_JUNK_CONF and any(ch.isalpha() for ch in prev.text)


NAME_WORD_CONF = 0.6  # a word before a name's known family name read at least this surely is no speck


def _leads_name(toks: Sequence[tuple[str, float]], boxes: Sequence[Box], start: int) -> bool:
    """The words before ``toks[start]`` (a known family name) begin the name: each a Vietnamese syllable in
    capitals or capitalised, read with confidence, a space's width from the next word (a seal's rim or a
    scribble read as letters stands apart or is doubted), the whole name at most five words."""
    if len(toks) > 5:
        return False
    # a row the readings' vote put in (``row_voted``): its words' confidence is the vote's mark, and its first
    # word no listed family name one every reading gave, letters alike (``signature._unlisted_vote``): the
    # name's own family name (a family name no list has before the listed "Cao" of a name of three words,
    # w701 dev 012, and of "… Thị Cao …", w703 dev 003: both were read from "Cao" on), in doubt as the row is
    voted = row_voted(toks)
    for k in range(start):
        t, c = toks[k]
        gap = boxes[k + 1].x0 - boxes[k].x1
        height = max(1.0, boxes[k].y1 - boxes[k].y0, boxes[k + 1].y1 - boxes[k + 1].y0)
        if len(t) < 2 or (c < NAME_WORD_CONF and not voted) or not is_syllable(t):
            return False
        if not -0.2 * height <= gap <= height:
            return False
        if nfc(t).casefold() in _LEAD_WORDS and not _rank_opening_as_middle(toks, k):
            return False  # "Tỉnh Sở" (75, 75): the seal's ring, a rank or a signing word, no name's
        if k == 0 and nfc(t).casefold() in _NO_FAMILY_WORDS:
            return False  # "Bà Nguyễn Văn An": an honorific or a list's word, no family name
        if c < SURE_WORD_CONF and not (
            _name_word(t) or (k == 0 and (t in OTHER_SURNAMES or (voted and unlisted_lead(t))))
        ):
            # "No" (75) before "Cao Thu Hạnh": the seal's ring read as a syllable no name has, unsurely. A
            # real family name the list lacks, as printed, only as the name's first word ("Tào" (80) before
            # "Cao Đăng Khoái"), read at ``NAME_WORD_CONF`` at least (above)
            return False
    return True


# a rank's first word ("Trung tá", "Đại úy") and its second: the first alone is a name's word too ("Trung",
# "Đại")
_RANK_OPENINGS = frozenset(nfc(w).casefold() for w in ("Đại", "Thượng", "Trung", "Thiếu"))
_RANK_ENDS = frozenset(nfc(w).casefold() for w in ("Tá", "Úy", "Uý", "Tướng"))


def _rank_opening_as_middle(toks: Sequence[tuple[str, float]], k: int) -> bool:
    """``toks[k]`` is a rank's first word ("Trung") that stands as a name's middle word: after the name's
    first word (not first itself), a name's word, read capitalised and surely, and followed by no rank's
    second word ("Trung Cao" of "Khuất Trung Cao Sửu" (94, 97, 96, 97), k923 alt 005: not "Trung tá"; the
    name was taken from the listed "Cao" on, "Cao Sửu"). Not after a lead word ("Đại Trung …")."""
    t, c = toks[k]
    word = nfc(t)
    return (
        k >= 1
        and word.casefold() in _RANK_OPENINGS
        and word[:1].isupper()
        and word[1:].islower()
        and word in NAME_SYLLABLES
        and c >= SURE_WORD_CONF
        and k + 1 < len(toks)
        and nfc(toks[k + 1][0]).casefold() not in _RANK_ENDS
        and nfc(toks[k - 1][0]).casefold() not in _LEAD_WORDS
    )


# line heights a family name no list has may stand from the next word (``_leads_unlisted``)
UNLISTED_GAP = 1.6


def _leads_unlisted(toks: Sequence[tuple[str, float]], boxes: Sequence[Box], start: int) -> bool:
    """The words before ``toks[start]`` begin the name though no listed name has them, ``toks[start]`` being
    a family name by its letters only: read surely with marks of its own no listed family name has ("Đăng"
    (93), a middle name, not "Đặng"), it is the name's middle word, and the capitalised Vietnamese syllables
    read with some confidence a space before it are the family name the list lacks and a middle name
    ("Khuất Viết" (75, 75) of "Khuất Viết Đăng Phớc", wide seed 541 alt 008: read "Đặng Phớc"). The whole
    name three to five words; no rank, title or signing word among them."""
    if not 3 <= len(toks) <= 5 or start >= len(toks) - 1:
        return False
    t, c = toks[start]
    listed = family_name(t)
    voted = row_voted(toks)
    if (
        listed is None
        or listed[1]
        or (c < SURE_WORD_CONF and not voted)
        or not (is_syllable(t) and _diacritics(t))
    ):
        return False
    for k in range(start):
        w, wc = toks[k]
        gap = boxes[k + 1].x0 - boxes[k].x1
        height = max(1.0, boxes[k].y1 - boxes[k].y0, boxes[k + 1].y1 - boxes[k + 1].y0)
        capitalised = w.isalpha() and len(w) >= 2 and w[:1].isupper() and w[1:].islower()
        if not capitalised or (wc < NAME_WORD_CONF and not voted) or not is_syllable(w) or _marks(w) > 1:
            return False
        # (a space up to ``UNLISTED_GAP`` line heights: "Đái" (90) of "Đái Đăng Hiệp" stood 1.2 heights from
        # "Đăng", wide seed 649 dev 012 taken as "Đặng Hiệp" at 0.97; the name so found is in doubt)
        if nfc(w).casefold() in _LEAD_WORDS or not -0.2 * height <= gap <= UNLISTED_GAP * height:
            return False
        if k == 0 and nfc(w).casefold() in _NO_FAMILY_WORDS:
            return False  # "Bà Đăng Hùng Toan": an honorific or a list's word, no family name
    return True


def unlisted_words_lead(before: Sequence[str], family: str) -> bool:
    """One reading's words ``before`` a word that is a listed family name by its letters only (``family``,
    read whole with marks of its own no listed family name has: "Đăng", a middle name, not "Đặng") lead the
    name: one or two capitalised Vietnamese syllables, no rank, title, signing or list word, a tone mark at
    most each ("Hoa Đăng Sảng" in every reading of w695 dev 012's name line was taken as "Đặng Sảng"). The
    readings' words as ``_leads_unlisted`` weighs the first reading's, without their confidences (the name
    pass votes on the readings)."""
    listed = family_name(family)
    bare = nfc(family.strip(_NAME_PUNCT))
    if not 1 <= len(before) <= 2 or listed is None or listed[1]:
        return False
    if not (is_syllable(bare) and _diacritics(bare)) or bare not in NAME_SYLLABLES:
        return False  # (a listed name's syllable: "Lề", "Vỏ", "Phảm" are "Lê", "Võ", "Phạm" misread; review)
    for k, w in enumerate(before):
        w = nfc(w)
        capitalised = w.isalpha() and len(w) >= 2 and w[:1].isupper() and w[1:].islower()
        if not capitalised or not is_syllable(w) or _marks(w) > 1 or w.casefold() in _LEAD_WORDS:
            return False
        if k == 0 and w.casefold() in _NO_FAMILY_WORDS:
            return False
        if fold(w) in _NO_FAMILY_FOLDED:
            return False  # "Thi" of "Thị" its dot lost (review of names57: "Thi Đăng Hùng")
    return True


HEAD_FAMILY_LETTERS = 3  # a garbled family name's first letters (marks aside) that may tell it: "Vừo"


def row_voted(toks: Sequence[tuple[str, float]]) -> bool:
    """A name line of three words or more that a second pass's vote put in (``signature.row_pass``,
    ``signature.name_pass``): each word at ``VOTED_CONF``, given alike by two readings or more of the name's
    row. Its words' confidence is the vote's mark, not one reading's doubt: a capitalised syllable the vote
    gave before a family name more often a middle one ("Tào Văn Toan", corp+wide seed 831 corp 006: read
    "Văn Toan") is the name's own first word as much as one read once at ``NAME_WORD_CONF`` (the name stays
    in doubt: ``own_family``'s and ``_leads_unlisted``'s callers doubt a family name so found)."""
    return len(toks) >= 3 and all(c == VOTED_CONF for _, c in toks)


def _middle_more(word: str) -> bool:
    """A listed family name that is more often a middle name ("Văn", "Kim"; not "Hoàng")."""
    return word in MIDDLE_NAMES and word in SURNAMES and MIDDLE_NAMES.index(word) < SURNAMES.index(word)


def own_family(
    toks: Sequence[tuple[str, float]], start: int, boxes: Sequence[Box] = (), adjacent: bool = True
) -> tuple[str, float] | None:
    """The family name of a name whose word at ``start`` (1), a listed family name that is more often a
    middle name ("Văn"), has a word before it: that word when it is a capitalised Vietnamese syllable read
    with some confidence (a family name no list has: "Khuất" (80) of "Khuất Văn Đăng Oai"); for a
    capitalised word that is no syllable (the seal's ring over its end: "Vừobđ" for "Vương"), the one family
    name its first letters (marks aside, ``HEAD_FAMILY_LETTERS`` or more, the longest that begins any) begin,
    of the frequent ones where several, at half confidence. None otherwise, or for a name of more than four
    words with it. The word must stand right before it: the next word read (``adjacent``: no word dropped
    between them, "Đại tá Kim Văn Hùng"'s "tá"), within a space's width where ``boxes`` (of ``toks``) place
    them (as ``_leads_name``), and no rank, title or signing word ("Đại", "Ký", REVIEW-41e MED-1)."""
    if start != 1 or not 3 <= len(toks) <= 4 or not adjacent:
        return None
    if not (_middle_more(toks[1][0]) or _middle_as_read(toks)):
        return None
    t, c = toks[0]
    # (a garbled word whose first letters, marked, tell its family name may end in a capital: "VưgzØ")
    marked = (
        glued_head_family(t)
        if t.isalpha() and t[:1].isupper() and t[1:GLUED_HEAD_LETTERS].islower()
        else None
    )
    if not (t.isalpha() and t[:1].isupper() and t[1:].islower()) and marked is None:
        return None
    if nfc(t).casefold() in _LEAD_WORDS and not _titled_family(toks):
        return None
    if nfc(t).casefold() in _NO_FAMILY_WORDS:
        return None  # "Bà Văn Toan", "Nơi Văn Toan": an honorific or a list's word, no family name
    if len(boxes) == len(toks):
        gap = boxes[1].x0 - boxes[0].x1
        height = max(1.0, boxes[0].y1 - boxes[0].y0, boxes[1].y1 - boxes[1].y0)
        near = -0.2 * height <= gap <= height
        if not near and marked is not None and not is_syllable(t):
            # the ring over the garbled word's end may leave its last letters out of its box ("VưgzØ" boxed
            # 43 px short of "Vương"): the gap less what the family name's letters take beyond the box, at
            # the letter width of the words after it. Only to widen: a gap of a space's width stands as it
            # is (the short words after a long name, "Văn Mỹ" in capitals' width, make its box look short:
            # "Nguyễx Văn Mỹ" (84 px) lost its family name so, REVIEW of signlost MED-1)
            after = [(b.x1 - b.x0, len(w)) for b, (w, _) in zip(boxes[1:], toks[1:], strict=True) if w]
            letter = sum(x for x, _ in after) / max(1, sum(n for _, n in after))
            gap -= max(0.0, len(marked) * letter - (boxes[0].x1 - boxes[0].x0))
            near = -0.2 * height <= gap <= height
        if not near:
            return None
    if is_syllable(t):
        ok = len(t) >= 2 and (c >= NAME_WORD_CONF or row_voted(toks)) and _marks(t) <= 1
        return (t, c) if ok else None
    for n in range(len(t), HEAD_FAMILY_LETTERS - 1, -1):
        head = fold(t[:n])
        hits = [v for k, v in F_SURNAMES.items() if k.startswith(head)]
        if len(hits) > 1:
            hits = [v for v in hits if SURNAMES.index(v) < FREQUENT_SURNAMES]
        if hits:
            return (hits[0], c * 0.5) if len(hits) == 1 else None
    # "VưgzØ Lệ Bổng" (54, 93, 93; k901 alt 004, the ring over "ơng"): "Vư" begins one family name only
    return (marked, c * 0.5) if marked is not None else None


def _after_unread(toks: Sequence[tuple[str, float]]) -> int:
    """The index of the first word of ``toks`` read at ``UNREAD_LINE_CONF`` or more, when the words before it
    are unread (a pen's stroke or the seal's marks: "NI" (1) before "Yên Hải Hoạt") and it may lead a name:
    a capitalised Vietnamese syllable read surely, a name's word by a list (``_listed_word``), no common
    middle name, three words at least from it on; 0 otherwise."""
    k = next((i for i, (_, c) in enumerate(toks) if c >= UNREAD_LINE_CONF), 0)
    if not k or len(toks) - k < 3:
        return 0
    t, c = toks[k]
    capitalised = t.isalpha() and len(t) >= 2 and t[:1].isupper() and t[1:].islower()
    if not capitalised or c < SURE_WORD_CONF or not is_syllable(t) or t in MIDDLE_NAMES:
        return 0
    if nfc(t).casefold() in _LEAD_WORDS or nfc(t).casefold() in _NO_FAMILY_WORDS or not _listed_word(t):
        return 0
    if t in NOT_FAMILY_WORDS or _place_led([w for w, _ in toks[k:]]):
        return 0  # "NI Tân Phú Đông", "NI Mỹ Tho Tiền Giang": a place's line, no name
    return k


def _listed_word(word: str) -> bool:
    """``word`` is a name's word by a list (a name's syllable, a family name listed or known to lack from
    the list): after an unread word, one no list has is what the seal's ring left of it ("Ngủà" (1) "Ến"
    (93): "Nguyễn" read in two, ``ring_remnant``), no word of its own."""
    return word.title() in NAME_SYLLABLES or word in SURNAMES or word in OTHER_SURNAMES


def _own_family_after_junk(
    toks: Sequence[tuple[str, float]], start: int, boxes: Sequence[Box], kept: Sequence[int]
) -> tuple[str, float] | None:
    """``own_family`` of the name from the word before ``toks[start]`` on, when every word before that one
    is unread (below ``UNREAD_LINE_CONF``: a pen's stroke or the seal's marks, no evidence of a word of the
    name): "NI Yên Văn Gia Mến" (1, 94, …) is "Yên Văn Gia Mến" as "Yên Văn Gia Mến" alone would be. None
    otherwise."""
    if start < 2 or any(c >= UNREAD_LINE_CONF for _, c in toks[: start - 1]):
        return None
    if not _listed_word(toks[start - 1][0]):
        return None  # "Ngủà Ến Văn An": the ring's remnant of the garbled family name, no family name
    at = start - 1
    return own_family(
        toks[at:],
        1,
        boxes[at:] if len(boxes) == len(toks) else (),
        len(kept) > start and kept[start] == kept[at] + 1,
    )


def _middle_as_read(toks: Sequence[tuple[str, float]]) -> bool:
    """The second word of a name of three (``toks``, a garbled word first), read surely, marks and all
    (``MARKS_READ_CONF``), that is a listed name's word as read and a family name only by its letters ("Lệ"
    (93): "Lê" without the dot): a middle name as printed, not the family name (k901 alt 004: "VưgzØ Lệ
    Bổng" was read "Lê Bổng", the garbled family name before it dropped as junk). Not where a middle name
    follows it (``MIDDLE_NAMES``): "Trươx Lệ Văn Thu" is "Lê Văn Thu", the family name's mark misread; nor
    in a name of four words with the garbled one, where the word may as well lead the given names after it
    (REVIEW of signlost MED-2)."""
    if len(toks) != 3:
        return False
    word, conf = toks[1]
    if nfc(toks[2][0]) in MIDDLE_NAMES:
        return False
    found = family_name(word)
    return found is not None and not found[1] and conf >= MARKS_READ_CONF and nfc(word) in NAME_SYLLABLES


def _titled_family(toks: Sequence[tuple[str, float]]) -> bool:
    """A word of an office's title ("Phó") that is the family name of the name it leads (``toks``): printed
    as a name's word is (capitalised, not in a title's capitals "PHÓ"), read surely, a Vietnamese syllable.
    Only ``own_family`` asks, for a word before a family name far more often a middle one on a line under the
    title that is no title ("Phó Văn Nẫm" under "CHỦ TỊCH" was read "Văn Nam", wide seed 625 dev 005): the
    family name no list has, in doubt as ``own_family``'s are. Not where the words after it are a title's
    (``title_rest``: "Phó Văn Phòng", the deputy of an office's head, review of signer46 MED-2) or one of
    them is a title's word no name has ("Phòng", "Giám", "Tịch")."""
    word, conf = toks[0]
    rest = [t for t, _ in toks[1:]]
    return (
        nfc(word).casefold() in _TITLE_ONLY_WORDS
        and len(word) >= 2
        and word[1:].islower()
        and conf >= SURE_WORD_CONF
        and is_syllable(word)
        and not title_rest(" ".join(rest))
        and not any(_title_word_only(t) for t in rest)
    )


def _title_word_only(word: str) -> bool:
    """A word of an office's title that is no listed name's syllable ("phòng", "đốc"; not "Văn", "Thanh")."""
    w = nfc(word)
    return w.casefold() in _TITLE_ONLY_WORDS and w[:1].upper() + w[1:].lower() not in NAME_SYLLABLES


def title_rest(text: str) -> bool:
    """Are the words of ``text`` (two or more) a title's own after its first words, marks and all ("Văn
    Phòng" of "Chánh Văn phòng", "Giám đốc" of "Phó Giám đốc"; not "Trương Phong", a name, by the marks of
    "Trưởng phòng"): a title broken over two lines, or led by a word read as a name's, is no person's name."""
    words = nfc(squash(text)).casefold()
    return " " in words and any(t.endswith(" " + words) for t in _TITLES_CASEFOLDED)


_TITLES_CASEFOLDED = frozenset(nfc(t).casefold() for t in TITLE_WORDS)


def kept_as_printed(words: Sequence[str], conf: float) -> bool:
    """A name's first word, a listed family name by its letters but read with other marks ("Ung" (95): the
    listed "Ứng"), is a family name as printed: a Vietnamese syllable read surely, with vowel marks of its
    own (a mark read is no mark lost), or none where the name's other words were read with theirs (their
    marks not lost on this line) and it was read at ``MARKS_READ_CONF``. A tone alone the difference only
    where the two tones are ones print does not confuse (``tones_told_apart``: "Đống" (93) is no "Đồng";
    "Khống" (90) is "Khổng", a hook read as an acute). Only for a listed one of the rarer part: a frequent
    family name read with another tone ("Nguyển") or bare ("Nguyen") is that one, far commoner than any name
    the list lacks with its letters."""
    w = words[0]
    if conf < SURE_WORD_CONF or not (w.isalpha() and w[:1].isupper() and is_syllable(w)) or _marks(w) > 1:
        return False
    listed = family_name(w)
    if listed is None or not _rare(fold(listed[0])):
        return False
    if _toneless(w.lower()) == _toneless(listed[0].lower()):
        return tones_told_apart(w, listed[0])
    return _diacritics(w) or (conf >= MARKS_READ_CONF and any(_diacritics(x) for x in words[1:]))


# tone marks Tesseract does not take one for the other on print: the acute and the grave, strokes leaning
# opposite ways (174 of 175 and 123 of 125 read right on real scans' names, session 51's markpix). The hook
# is read as an acute surely ("kiểm" read "kiếm" at 96, "Khổng" "Khống" at 90, "Hiểu" "Hiếu"), a tilde
# lost or made a hook: no pair with those is told apart
_TOLD_APART = frozenset({"\u0301", "\u0300"})


def tones_told_apart(read: str, listed: str) -> bool:
    """``read`` and ``listed`` each bear a tone mark of ``_TOLD_APART``, and not the same one: a reading of
    the one tone is no misreading of the other ("Đống" read for "Đồng")."""
    a = [ch for ch in unicodedata.normalize("NFD", read) if ch in TONE_MARKS]
    b = [ch for ch in unicodedata.normalize("NFD", listed) if ch in TONE_MARKS]
    return len(a) == len(b) == 1 and a != b and a[0] in _TOLD_APART and b[0] in _TOLD_APART


def family_read(words: Sequence[str], conf: float, *, voted: bool = False) -> tuple[str | None, bool]:
    """The family name a person's name's first word (``words[0]``, read at ``conf`` 0..1) is, and whether
    that is a guess (for review): the listed one with its letters, or None where no listed one has them. The
    one reading of a name's family name, the signer's and the holder's. A family name read as one is kept as
    read ("Doãn", not the commoner "Đoàn" with its letters); a word no family name that one listed family
    name is with other marks is that one ("Khống" (94) → "Khổng", "Nguyển" → "Nguyễn"). ``voted``: the word is
    the readings of its row's vote (``row_voted``)."""
    listed = family_name(words[0])
    if listed is None:
        return None, False
    if not listed[1] and conf >= SURE_WORD_CONF and nfc(words[0]) in OTHER_SURNAMES:
        # "Hạ", "Vạn" (95): a real family name the list lacks read surely as printed, not the listed one with
        # its letters ("Hà", "Văn"), which a misread mark may still have made it: as read, in doubt
        return nfc(words[0]), True
    sur, guessed = listed[0], False
    if guessed_family(words[0]):
        guessed = True  # "Lâu" (60) for "Lầu": a rare family name by its letters, other marks read
    if not listed[1] and _other_vowel(words[0], listed[0]):
        guessed = True  # "Lạm" (90), the ring over "Ph" of "Phạm": "Lâm" by its letters, no reading
    if conf < ALIKE_SURE and len(_alike(listed[0])) > 1:
        guessed = True  # "Đường" (30): or "Dương", letters alike; an unsure reading tells not which
    if listed[1] and conf < SURE_WORD_CONF and _rare(fold(listed[0])) and capital_marked(listed[0]):
        # "Ứng" (66) for "Ung": a rare family name whose capital bears a mark (a hat, a horn, a tone over
        # "Ư", "Ô", "Â") read unsurely: a capital's marks stand squeezed over the line, where a speck or
        # the pen's stroke reads as one, and the unmarked name ("Ung", "On", "Au") is a family name too
        # (k903 dev 012 was taken at 0.86). In doubt
        guessed = True
    if conf < FAMILY_POOR:
        # "Nguyễn" (30): a family name Tesseract barely read (the seal's ring or a blur over it) is the
        # commonest shape a garbled word takes, whatever the given names' confidence
        guessed = True
    if not listed[1] and kept_as_printed(words, conf):
        # "Đống" (91), "Ung" (95): a Vietnamese syllable read surely is the family name as printed, not the
        # listed one with its letters ("Đồng", "Ứng"): the list is no census. In doubt
        sur, guessed = words[0], True
    if (
        voted
        and not listed[1]
        and _rare(fold(listed[0]))
        and tones_told_apart(words[0], listed[0])
        and is_syllable(words[0])
    ):
        # "Đống" voted by the readings of the row (``signature.vote_name``: five "Đống", one "Đồng"): the vote
        # chose its tone over the listed one's, a tone print does not confuse; as voted. Only for a listed one
        # of the rarer part (as ``kept_as_printed``): a frequent one voted with the other tone ("Trấn",
        # "Hoáng", "Há") is that one, far commoner than a name the list lacks
        sur, guessed = words[0], True
    read = nfc(words[0].strip(".,;:|!'\"()[]")).lower()
    if conf >= SURE_WORD_CONF and read != sur.lower() and _toneless(read) == _toneless(sur.lower()):
        # a word read surely taken for a listed family name by its tone alone ("Phàn", "Lỳ", "Đạo", "Nguyển"
        # (95) → "Phan", "Lý", "Đào", "Nguyễn"): a real name the list lacks read as printed as often as a tone
        # misread; the one or the other, in doubt
        guessed = True
    return sur, guessed


def capital_marked(word: str) -> bool:
    """A word whose first letter bears a vowel's mark or a tone ("Ứng", "Ông", "Âu"; not "Đinh": the bar
    of "Đ" is the letter's own stroke, no mark above the line)."""
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", nfc(word)[:1]))


def tone_misread(word: str) -> bool:
    """A word no family name whose letters and vowel marks are a listed one's, its tone alone other ("Khống"
    of "Khổng": a hook read as an acute, however surely), not another vowel's marks ("Vừ" is no "Vũ", "Bửi"
    no "Bùi") nor a word without marks ("Nguyen")."""
    listed = family_name(word)
    return listed is not None and not listed[1] and _diacritics(word) and not _other_vowel(word, listed[0])


def _name_word(word: str) -> bool:
    """A word some listed name has: a name's syllable or a family name (by its letters)."""
    bare = nfc(word)
    return bare in NAME_SYLLABLES or bare[0] + bare[1:].lower() in NAME_SYLLABLES or fold(bare) in F_SURNAMES


def _marks_unsure(word: str, conf: float) -> bool:
    """A given name's word read less surely than ``SURE_WORD_CONF`` whose letters two common names share with
    other marks ("Tuân", "Tuấn"): its marks are what tells them apart, and an unsure reading of them is no
    reading of the name. The tuned-on Tờ trình 01 re-scanned upside down gave "Trần Hoàng Tuân" (82) at 0.91
    for "Trần Hoàng Tuấn"."""
    return conf < SURE_WORD_CONF and len(F_SYLLABLES.get(fold(word), ())) > 1


# (0..1) a family name no list has read at least this surely, before given names each read surely, is the
# name's own (in doubt): "Đậu" (83) of "Đậu Đắc Thủy" (96, 95) under the pen's stroke (k905 dev 007 gave no
# name at all); "DA NÌM" (17, 39) is no reading
UNLISTED_FAMILY_CONF = 0.75


# capitalised words that lead a line under the name as often as a name's: places ("Xã Tân Phú", "Huyện Hoài
# Đức"), offices and common words before given names' words ("Nhân Văn Hùng", "Ủy Ban"): never a family name
# no list has (review of signer53 H: a line under the name was taken for it)
NOT_FAMILY_WORDS: frozenset[str] = frozenset(
    (
        "Xã", "Phường", "Huyện", "Thôn", "Ấp", "Tỉnh", "Quận", "Thị", "Thành", "Phố", "Đường", "Số", "Khu",
        "Xóm", "Bản", "Làng", "Tổ", "Việt", "Nam", "Nhân", "Dân", "Ủy", "Uỷ", "Ban", "Sở", "Phòng", "Cục",
        "Bộ", "Trường", "Công", "Tại", "Nơi", "Kính", "Gửi", "Ngày", "Tháng", "Năm", "Hội", "Đội",
        "Trung", "Tâm",
    )
)  # fmt: skip


def unlisted_family_read(toks: Sequence[tuple[str, float]]) -> bool:
    """A name of three words or more led by a capitalised Vietnamese syllable no list has (a family name the
    list lacks), read a little under ``SURE_WORD_CONF`` (at least ``UNLISTED_FAMILY_CONF``), each given name a
    listed name's word read surely: the name as read, for the caller to doubt."""
    if len(toks) < 3:
        return False
    head, conf = toks[0]
    return (
        conf >= UNLISTED_FAMILY_CONF
        and head not in NOT_FAMILY_WORDS
        and head.isalpha()
        and head[:1].isupper()
        and head[1:].islower()
        and is_syllable(head)
        and all(c >= SURE_WORD_CONF and nfc(t) in NAME_SYLLABLES for t, c in toks[1:])
    )


def unlisted_lead(word: str) -> bool:
    """A word that may lead a name as a family name no list has, read whole ("Yên", "Đậu": the lists are no
    census): a capitalised Vietnamese syllable of two letters or more, no listed family name by its letters,
    nor the tail of one, marks and all ("Uyễn": the rim over the "Ng" of "Nguyễn"; "Yên" is no "yễn"), nor
    its head ("Khú" of "Khúc", "Ôn" of "Ông": the ring over its end), no common name's word or middle name (a
    given name read where the family name was lost under the seal, "Minh Tuấn"), no title's, honorific's,
    place's or office's word. The caller's to doubt the name."""
    bare = nfc(word.strip(_NAME_PUNCT))
    if not (bare.isalpha() and len(bare) >= 2 and bare[:1].isupper() and bare[1:].islower()):
        return False
    if not is_syllable(bare) or fold(bare) in F_SURNAMES or bare in _COMMON_NAME_WORDS:
        return False
    low = bare.lower()
    if any(v.lower().endswith(low) or v.lower().startswith(low) for v in SURNAMES):
        return False
    if len(fold(bare)) >= 4 and any(fold(v).endswith(fold(bare)) for v in SURNAMES):
        return False  # "Guyên", "Uyển": "Nguyễn" under the rim, its mark misread (review of signerlost55)
    return (
        bare not in NOT_FAMILY_WORDS
        and bare.casefold() not in _LEAD_WORDS
        and bare.casefold() not in _NO_FAMILY_WORDS
        and bare.casefold() not in _PAGE_WORDS
    )


def _word_before(toks: Sequence[tuple[str, float]], boxes: Sequence[Box], start: int) -> bool:
    """A capitalised word of letters right before ``toks[start]`` (the family name the name is read from), a
    space's width from it, that ``_leads_name`` did not take: "Kso Văn Hùng" (the seal's rim over the "r" of
    "Ksor", a family name of the Central Highlands) was read "Văn Hùng" at 0.90, "Văn" a family name too. The
    word may be the name's own first, cut: the name read without it is no sure reading."""
    t, _ = toks[start - 1]
    if nfc(t).casefold() in TITLES:
        return False  # "ThS. Lê Văn Bình", "PGS.TS. Lê Văn Bình": a degree or an honour, no cut name
    gap = boxes[start].x0 - boxes[start - 1].x1
    height = max(1.0, boxes[start - 1].y1 - boxes[start - 1].y0, boxes[start].y1 - boxes[start].y0)
    return len(t) >= 2 and t.isalpha() and t[0].isupper() and -0.2 * height <= gap <= height


# degrees and honours printed before a signer's name (health's and education's signatures): a capitalised
# word before the family name that is no part of it (the names after them went from 0.90 to review)
TITLES = frozenset(
    nfc(t).casefold()
    for t in (
        "TS",
        "ThS",
        "BS",
        "KS",
        "GS",
        "PGS",
        "TSKH",
        "CN",
        "DS",
        "LS",
        "KTS",
        "BSCKI",
        "BSCKII",
        "NSƯT",
        "NSND",
        "NGƯT",
        "NGND",
        "TTƯT",
        "TTND",
    )
)

# words printed before a signer's name that are no family name: a rank ("Đại tá", "Thượng úy"), the words of
# an office's title ("Giám đốc"), "Đã ký", "Ký" (a signature's mark), a degree ("ThS"), compared marks and all
# ("Chủ", not the family name "Chu"); the words of a signing line ("Thừa lệnh", "Thay mặt", "Quyền") and of a
# seal's ring ("Tỉnh", "Sở", "Dân", "Dấu": "Ủy ban nhân dân tỉnh", read over the name)
_RANK_WORDS = frozenset(
    nfc(w).casefold()
    for words in (
        ("Đại", "Thượng", "Trung", "Thiếu", "Tá", "Úy", "Uý", "Ký", "Kí", "Đã"),
        ("Thừa", "Lệnh", "Thay", "Mặt", "Quyền", "Tỉnh", "Sở", "Dân", "Dấu"),
    )
    for w in words
)
_LEAD_WORDS = TITLES | {nfc(w).casefold() for t in TITLE_WORDS for w in t.split()} | _RANK_WORDS
# words that lead no name as its family name though capitalised syllables, before a middle name ("Bà Văn
# Toan", a vote's row) or a family name: a person's honorific ("Ông", "Bà": a letter's, never a signature's),
# the female middle name "Thị", the words of the list beside the block ("Nơi nhận", "Như trên") and of a
# place ("Thành phố", a seal's ring). "Ông" a family name too is taken where it leads as the listed one
# (``family_name``), not as a word before one
_NO_FAMILY_WORDS = frozenset(nfc(w).casefold() for w in ("Ông", "Bà", "Thị", "Nơi", "Nhận", "Trên", "Phố"))
# capitalised words a page prints near the signature that are no one's family name: the motto's ("Độc Lập"),
# a party title's ("Bí thư"), an organ's or a seal's ("Công ty", "Hà Nội", "Cục Thuế"), a stamp's ("Sao y",
# "Đã Duyệt", "Xác nhận"), a subject's opening ("Về"): an unlisted word the readings agree on before a name is
# no family name when it is one of these (review of namefix58: "Bí Cao Tuấn", "Độc Lập Cao Tuấn")
_PAGE_WORDS = frozenset(
    nfc(w).casefold()
    for w in ("Bí", "Ty", "Nội", "Về", "Học", "Độc", "Lập", "Xác", "Duyệt", "Sao", "Thuế", "Pháp", "Luật")
)
_NO_FAMILY_FOLDED = frozenset(fold(w) for w in _NO_FAMILY_WORDS)  # their marks lost ("Thi" of "Thị")
# the words of an office's title alone (not a rank's, a signing line's or a seal's ring's): capitalised and
# read surely on a name's line, one may be a family name no list has (``_titled_family``)
_TITLE_ONLY_WORDS = frozenset(nfc(w).casefold() for t in TITLE_WORDS for w in t.split()) - _RANK_WORDS


def _letters_inside(line: Line, placed: Sequence[Box]) -> bool:
    """A word of the line with letters that is no word of the name stands inside the box of one that is: the
    reading of that stretch overlaps itself ("Quốc" boxed over "C" and "ương", the pieces of "Cường"), a
    word of the name lost in it."""
    parts, boxes = _parts(line), _part_boxes(line)
    if not placed or len(parts) != len(boxes):
        return False
    return any(
        any(ch.isalpha() for ch in text)
        and b not in placed
        and any(q.x0 < (b.x0 + b.x1) / 2 < q.x1 for q in placed)
        for (text, _), b in zip(parts, boxes, strict=True)
    )


# word heights the name's centre may stand right of its title's (Decree 30: the name is centred under it)
OFF_CENTRE = 1.5


def _right_of(placed: Sequence[Box], title: Line) -> bool:
    """The name's words (left to right) stand centred so far right of the title line's centre that a word was
    lost at their left: the name is printed centred under the title. Not in a block set flush left, its name
    starting where its title starts."""
    height = max(1.0, statistics.median(b.y1 - b.y0 for b in placed))
    if abs(placed[0].x0 - title.x0) <= height:
        return False  # a block set flush left (title and name from one margin): the name is whole as read
    return (placed[0].x0 + placed[-1].x1) / 2 - title.cx > OFF_CENTRE * height


def _left_of(placed: Sequence[Box], title: Line) -> bool:
    """The name's words stand centred so far left of the title line's centre that a word was lost at their
    right (the seal's ring or star over the last given name: "Hồ Dự", "Hồ Đc" read for "Hồ Đức Cường"), as
    ``_right_of`` for a word lost at their left; not in a block set flush left, its name starting where its
    title starts (to ``FLUSH`` of a word's height: a name merely starting near where a centred title of its
    width starts, "Hồ Đc" 0.9 heights right of "PHÓ GIÁM ĐỐC", is no such block)."""
    height = max(1.0, statistics.median(b.y1 - b.y0 for b in placed))
    if abs(placed[0].x0 - title.x0) <= FLUSH * height:
        return False
    return title.cx - (placed[0].x0 + placed[-1].x1) / 2 > LEFT_OFF_CENTRE * height


FLUSH = 0.3
# (word heights) a short last given name lost moves the centre less than a family name lost: "Cường" under
# the seal's star moved "Hồ Đức Cường" 1.4 heights left (only the confidence is lowered: to review)
LEFT_OFF_CENTRE = 1.0
LOST_WORD_GAP = 1.2  # word heights between two words of a name: a word lost between them (a space is ~0.3)


def _word_lost(boxes: Sequence[Box], toks: Sequence[tuple[str, float]] = ()) -> bool | None:
    """Two consecutive words of a name stand so far apart that a word was lost between them (the seal's
    ring or the pen's scribble over it, erased or dropped as a picture): "Vũ Nam" is not "Vũ Minh Nam".
    With the words read (``toks``, one for each box), a word read unsurely whose box is narrower than its
    letters (the width of a letter of the words read surely) had the rest of them under the ring, beside
    its box: "Phần" (10) boxed over "Pha", "Fgọc" (10) over "gọc" of "Phan Ngọc Mai", the ring across "n N"
    (seed 445 dev 004). The gap is the space between their letters. A word read surely whose box is much
    narrower than its letters (``_short_box``) lost its first letters out of it: only the gap on its left
    is narrowed by them, and a gap that counted as a lost word but for them gives None (no word lost, but
    the name in doubt: the box may as well be a whole short word's, a word lost beside it)."""
    short = _letters_outside(boxes, toks)
    cut = _first_letters_outside(boxes, toks)
    saved = False
    pairs = zip(itertools.pairwise(boxes), itertools.pairwise(short), cut[1:], strict=True)
    for (a, b), (sa, sb), cb in pairs:
        height = max(1.0, a.y1 - a.y0, b.y1 - b.y0)
        gap = b.x0 - a.x1 - sa - sb
        if gap - cb > LOST_WORD_GAP * height:
            return True
        if cb and gap > LOST_WORD_GAP * height:
            saved = True
    return None if saved else False


def _letters_outside(boxes: Sequence[Box], toks: Sequence[tuple[str, float]]) -> list[float]:
    """For each box, how much narrower it is than the letters of its word read unsurely (below
    ``NAME_WORD_CONF``) would be at the width of a letter of the words read surely; 0 for a word read
    surely, and for all without one read surely or without the words."""
    if len(toks) != len(boxes):
        return [0.0] * len(boxes)
    sure = [(b.x1 - b.x0, len(t)) for b, (t, c) in zip(boxes, toks, strict=True) if c >= NAME_WORD_CONF and t]
    letters = sum(n for _, n in sure)
    if not letters:
        return [0.0] * len(boxes)
    letter = sum(w for w, _ in sure) / letters
    return [
        max(0.0, len(t) * letter - (b.x1 - b.x0)) if c < NAME_WORD_CONF else 0.0
        for b, (t, c) in zip(boxes, toks, strict=True)
    ]


def _first_letters_outside(boxes: Sequence[Box], toks: Sequence[tuple[str, float]]) -> list[float]:
    """For each box of a word read surely, how much narrower it is than its letters (``_short_box``) at the
    widest letter width of the name's words read surely; 0 for the others and for all without the words.
    The widest, not the middle: a box is no wider than its letters but for the pen's scribble (which
    ``_short_box`` caps at the box's height), and the pen's stroke across a name may shorten two boxes of
    three. w667 dev 009: the stroke down across "ản H" of "Giản Hoài Thoa" boxed "Giản" (96) and "Hoài"
    (61) over their first letters only, 15 and 13 pixels a letter to Thoa's 23: at the middle width (Giản's)
    neither box was short, the gap between them a lost word's, the name dropped. Only a gap that counted as
    a lost word is narrowed so, and then gives None (the name in doubt, ``_word_lost``), never a sure name."""
    if len(toks) != len(boxes):
        return [0.0] * len(boxes)
    read = list(zip(boxes, toks, strict=True))
    sure = [(b.x1 - b.x0) / len(t) for b, (t, c) in read if c >= NAME_WORD_CONF and t]
    if not sure:
        return [0.0] * len(boxes)
    widest = max(sure)
    return [_short_box(b, t, widest) if c >= NAME_WORD_CONF else 0.0 for b, (t, c) in read]


SHORT_BOX = 0.6  # of its letters' width: a box this much narrower than the word read surely in it lost some
LETTER_WIDTH = 1.0  # word heights: a letter is never wider (a box a scribble stretched gives no letter width)


def _short_box(box: Box, word: str, letter: float) -> float:
    """How much narrower than its letters (at ``letter`` a letter, ``LETTER_WIDTH`` of its box's height at
    most) the box of a word read surely is, when it is narrower than ``SHORT_BOX`` of them, else 0:
    Tesseract read the whole word, but the seal's ring over its first letters left them out of its box.
    Seed 485 dev 000 (a bitonal scan, the rim across the "N" of "Lưu Ngọc Hương"): "Ngọc" (93) boxed over
    "gọc", the gap from "Lưu" to the box a lost word's, no name read. A box as wide as its word's letters
    is the word's (a lost word's gap stays one). The cap: the pen's scribble across a word of the name
    stretches its box, and a word beside it as wide as its letters would seem short."""
    want = len(word) * min(letter, LETTER_WIDTH * max(1.0, box.y1 - box.y0))
    width = box.x1 - box.x0
    return want - width if width < SHORT_BOX * want else 0.0


NEAREST_LETTERS = 4  # a garbled family name's word this long gives the nearest family name, not the commonest
# (0..1) at most this sure is a name whose family name was guessed from a word read otherwise, or whose last
# word may be lost: under review
GUESSED_NAME_CONF = 0.55
TEXT_LAYER_CONF = 1.0  # (0..1) a word of a born-digital page's text layer: as written, never a misreading
CUT_GAP = 0.6  # word heights: a garbled word this near after a name's last word is a word of the name


def _cut_short(line: Line, raw: Sequence[tuple[str, float]], kept: Sequence[int]) -> bool:
    """Right after the name's last word read stands, a space's width away, a garbled word with letters
    ("Lã Quang %ơn": "Sơn" with its capital misread as a mark): the name may have lost its last word."""
    parts, boxes = _parts(line), _part_boxes(line)
    if not kept or len(parts) != len(raw) or len(boxes) != len(raw) or kept[-1] + 1 >= len(raw):
        return False
    j, last = kept[-1] + 1, boxes[kept[-1]]
    height = max(1.0, last.y1 - last.y0)
    letters = sum(ch.isalpha() for ch in parts[j][0])
    return not raw[j][0] and letters >= 2 and boxes[j].x0 - last.x1 <= CUT_GAP * height


def _signer(res: Builder, lines: Sequence[Line], final: bool = False) -> tuple[str | None, str | None]:
    """The signer's fields set in ``res``; the authority's prefix and head title (``Signed``); ``final`` as
    ``read_signer``'s."""
    block = _title_block(lines)
    if block is None:
        return None, None
    right, title_i, title = block
    name, q, prefixed = title
    tl = right[title_i]
    head = title_of(right[title_i - 1]) if title_i > 0 else None
    above = _prefix_of(right[title_i - 1]) if title_i > 0 and not prefixed else None
    authority = (above, head[0] if head is not None and head[2] else None)
    cap = 1.0
    if head is not None and not prefixed and not head[0].startswith("Phó") and above in ("kt", None):
        # (under "TL. THỦ TƯỚNG" or "TM. …" signs no deputy of the head named)
        # "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG" with the seal over "PHÓ": the second line names the head's deputy
        deputy = deputy_of(head[0])
        if name == head[0] or fuzz.ratio(fold(name), fold(head[0])) >= 80:
            name, q = deputy, min(q, head[1]) * 0.9
    if not prefixed and not name.startswith("Phó") and title_i + 1 < len(right):
        # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" with the seal over both heads (".C TỊCH / «Ð..- TỊCH"): the line right
        # under the title ends in the title's last word and the rest of it is doubted: the deputy's line
        nxt = right[title_i + 1]
        tail = [fold(w.text.strip(".,;:|!'\"()[]")) for w in nxt.words]
        known = F_TITLES.get("pho " + fold(name))  # spelled exactly so (``deputy_of``)
        if (
            known
            and len(tail) >= 2
            and tail[-1] == fold(name).split()[-1]
            and all(w.conf < 50 or not w.text.isalpha() for w in nxt.words[:-1])
            and nxt.y0 - tl.y1 < 1.5 * (tl.y1 - tl.y0)
        ):
            name, q = known, q * 0.8
    if (
        name.startswith("Phó ")
        and not prefixed
        and title_i > 0
        and _prefix_of(right[title_i - 1]) == "tm"
        and not any(fuzz.ratio(fold(w.text.strip(".,;:|!'\"()[]")), "pho") >= 67 for w in tl.words)
    ):
        # "TM. ỦY BAN NHÂN DÂN / 90 HA CHỦ TỊCH": the seal's marks before the head's title matched "Phó X"
        # fuzzily. Right under "TM." signs the head; a deputy signs under "KT. X" (Decree 30), and no word of
        # the line reads "PHÓ"
        head_title = match(fold(name).removeprefix("pho "), F_TITLES, 95)
        if head_title:
            name, q = head_title[0], q * 0.8
    if above == "kt" and head is None and fold(name) in _SHARED_FOLDS and "thứ" in nfc(tl.text).casefold():
        # "KT." over "THỨ TRƯỞNG": the deputy minister himself (his minister's line unread), as the marks read
        # say, in doubt (review s18: "Phó Thủ trưởng" at 0.83); over "THỦ TRƯỞNG" the deputy (below)
        name, cap = "Thứ trưởng", TITLE_IN_DOUBT
    elif above == "kt" and head is None and not name.startswith("Phó") and name not in _DEPUTIES.values():
        # "KT." whose head went unread over a head's title: the deputy signs, his "PHÓ" lost under the seal
        name, q = deputy_of(name), q * 0.9
    elif (
        above is None
        and not prefixed
        and not name.startswith(("Phó ", "Quyền "))
        and name not in _DEPUTIES.values()
        and _own_line_unread(right, title_i)
    ):
        # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" on a blurred photo, the seal over the block: "KT." lost, the second
        # line read as junk ("mo" at 0, b577 dev 002: "Chủ tịch" at 0.78; "CỤC TRƯỞNG / (¬Àmu", w695 alt 004
        # at 0.87): a title line stands right under the head's title read, so the head's is none of the
        # signer's own (Decree 30: one line for the head who signs himself) — or the head's own signature or
        # the seal read as a line under it: the head's title as read, in doubt. Not the deputy's: the first
        # version gave "Phó …", and a head signing himself lost his title to the pen's stroke (w693 dev 005
        # in the merged census; hold 491's signer_title fell by one document too, not looked into)
        cap = TITLE_IN_DOUBT
    if above in ("tl", "ttl") and head is not None and fuzz.ratio(fold(name), fold(head[0])) >= 80:
        cap = TITLE_IN_DOUBT  # under "TL. THỦ TƯỚNG" signs the head of an office, never the head named
    if head is not None and head[2] and not prefixed and _prefix_of(right[title_i - 1]) == "kt":
        # under "KT. BỘ TRƯỞNG" signs the deputy minister: "THỨ TRƯỞNG" read "THỦ TRƯỞNG" (one mark, the same
        # letters) is his title; a title not the head's deputy's at all is misread, one line or the other
        deputy = deputy_of(head[0])
        if fold(name) == fold(deputy) or fuzz.ratio(fold(name), fold(deputy)) >= 90:
            name = deputy
        elif name != deputy:
            cap = TITLE_IN_DOUBT
    elif fold(name) in _SHARED_FOLDS and name.casefold() not in nfc(tl.text).casefold():
        cap = TITLE_IN_DOUBT  # "THỨ TRƯỞNG" read, "Thủ trưởng" the vocabulary's form of its letters
    if (
        not prefixed
        and above is None
        and not name.startswith(("Phó ", "Quyền "))
        and name not in _DEPUTIES.values()
        and (_prefix_lost(tl) or _authority_unread(right, title_i))
    ):
        # a head's title whose prefix ("KT.", "TL.", "Q.") may have stood there unread: the deputy's "PHÓ",
        # the acting "Q." or the office head's own line may be lost with it (a blurred photo: seed 213 dev
        # 003 "1. CHỦ TỊCH" for "TL. CHỦ TỊCH", seed 225 alt 008 "KT. CỤC TRƯỞNG" unread over "CỤC TRƯỞNG")
        cap = min(cap, TITLE_IN_DOUBT)
    if prefixed:
        folded = squash(re.sub(r"[^a-z .]", " ", _q_form(tl.folded)))
        pre = _AUTH_PREFIX.match(folded) or _GLUED_PREFIX.match(folded)
        misread = _KT_MISREAD.match(folded)
        half = not pre and not misread and _half_kt(tl)
        kind = pre.group(1).lower() if pre else ("kt" if misread or half else "")
        authority = (kind or None, name)
        if half:
            cap = min(cap, TITLE_IN_DOUBT)  # the prefix told by its half: "TL." may have lost its "L" too
        if kind == "kt" and not name.startswith("Phó"):
            # "KT. BỘ TRƯỞNG" with the deputy's line lost: "Thứ trưởng", never "Phó Bộ trưởng"
            if fold(name) in _SHARED_FOLDS:
                cap = TITLE_IN_DOUBT  # "KT. THỦ TRƯỞNG" or "KT. THỨ TRƯỞNG" (the deputy minister's own title)
            name = deputy_of(name)
        elif kind == "q":
            name = "Quyền " + name
            if _q_unsure(tl):
                # "Z7 0, PHÓ CỤC TRƯỞNG" (40, 43, 89, …): a "0," read unsurely before the title (the seal's
                # ring beside the block, s865 corp 010 under "KT. CỤC TRƯỞNG": "Quyền Phó Cục trưởng" at 0.66)
                # is no sure "Q."; the acting head's title in doubt
                cap = min(cap, TITLE_IN_DOUBT)
            if any(w.voted and w.text == "Q." for w in tl.words):
                # "Q." put back by a vote of the line's readings, some of them look-alikes ("0.", "9.", as
                # the seal's ring reads too) or none (``signature.prefix_pass``): the acting head, in doubt
                cap = min(cap, TITLE_IN_DOUBT)
        elif kind in ("tl", "ttl"):
            # "TL. CHỦ TỊCH / SẠt Kiểy CHÁNH VĂN PHÒNG": under "TL." signs the head of an office, never the
            # head named; his title is the next line's, the seal's marks before it (seed 103's perspective
            # dev 005 was taken as "Chủ tịch" at 0.93)
            own = _title_after_marks(right[title_i + 1]) if title_i + 1 < len(right) else None
            if own is not None:
                name, q = own[0], q * own[1]
            else:
                # his own line unread: the head's title is surely not his ("TL. GIÁM ĐỐC" alone gave "Giám
                # đốc" for a Chánh Văn phòng, seed 185 alt 005): none, rather than a wrong one
                name = ""
    if _head_doubted(tl, title[0]):
        cap = min(
            cap, TITLE_IN_DOUBT
        )  # "TỒN (20) CỤC TRƯỞNG": "Tổng cục trưởng" from a mark beside the block
    if name:
        res.set("signer_title", name, min(cap, tl.conf * q))
    _signer_name(res, right, title_i, final)
    return authority


# a mark read where an authority's prefix stands: a letter or digit or two and its dot ("1." for "TL.")
_PREFIX_MARK = re.compile(r"^[^\W_]{1,2}[.,:]$")
# ... a letter or two and dots, left out before a title by ``_titled`` (its dot read as dots: "ve..." of a
# blurred "Q.", seed 447 dev 003: "Cục trưởng" at 0.69 for "Quyền Cục trưởng"; a seal's rim reads as strokes
# and commas, "ni,")
_PREFIX_DOTS = re.compile(r"^[^\W_]{1,2}(?:\.{1,3}|…)$")
UNREAD_LINE_CONF = 0.3  # a line read less surely than this (0..1) is unread: its words are no evidence


def _q_unsure(line: Line) -> bool:
    """The word read as the acting head's "Q." on the title's ``line`` (the first "Q.", "QUYỀN", or a
    look-alike "0,", "O.", "9." with its dot, ``_Q_MISREAD``) was read below ``TITLE_JUNK_CONF``."""
    for w in line.words:
        folded = fold(w.text)
        if re.match(r"^\W*(?:q\b|q\.|quyen\b)", folded) or _Q_MISREAD.match(folded + " a"):
            return w.conf < TITLE_JUNK_CONF
    return False


def _prefix_lost(line: Line) -> bool:
    """The title line opens with a mark where an authority's prefix stands ("1. CHỦ TỊCH"), unread as one,
    or with doubted words right before the title (``prefix_left_out``: "__, GIÁM ĐỐC" (31, 92, 96) of a
    blurred "Q. GIÁM ĐỐC", seed 563 alt 009, taken as "Giám đốc" at 0.73)."""
    return len(line.words) >= 2 and (
        bool(_PREFIX_MARK.match(line.words[0].text)) or bool(prefix_left_out(line))
    )


# (of the title line's height) a line whose top stands at most this far under the title's foot is the block's
# next title line: the signature starts 1.8 line heights or more under a title (b577 alt 005, 007), a second
# title line 0.3 or less (or its box overlaps the title's: b577 dev 002, w695 alt 004)
OWN_LINE_GAP = 0.8
OWN_LINE_WIDTH = 0.5  # of the title line's width: a narrower line under it is a speck, no title line
# (of the title's width) at most this far from the title's centre stands the centre of its second line (a
# block's lines are centred: b577 dev 002 0.18, w695 alt 004 0.41; the pen's stroke under a sure "GIÁM ĐỐC",
# w693 dev 005 after the merge: 0.83, "Phó Giám đốc" taken)
OWN_LINE_CENTRED = 0.5
# (0..100) a title whose every word was read this surely is read whole, the seal not over it: a line unread
# under it is the signature's scrawl or the ring's letters (review of sure57: "GIÁM ĐỐC" (97, 97) over "~~~"
# went "Phó Giám đốc"); b577 dev 002 read "CHỦ TỊCH" at 59/97, w695 alt 004 "CỤC TRƯỞNG" at 90/85
OWN_TITLE_SURE = 92.0


def _own_line_unread(right: Sequence[Line], title_i: int) -> bool:
    """The line right under the title, close under it (``OWN_LINE_GAP``), under it and as wide as a title
    line (``OWN_LINE_WIDTH``), is unread (``UNREAD_LINE_CONF``): a second title line, the signer's own, lost
    under the seal."""
    if title_i + 1 >= len(right):
        return False
    tl, down = right[title_i], right[title_i + 1]
    h = max(1.0, tl.y1 - tl.y0)
    if not down.boxed or down.y0 - tl.y1 > OWN_LINE_GAP * h or down.y0 < tl.y0:
        return False
    if not tl.words or min(w.conf for w in tl.words) >= OWN_TITLE_SURE:
        return False  # a head's title read surely over a scrawl or the ring's letters: his own (review)
    wide = down.x1 - down.x0 >= OWN_LINE_WIDTH * (tl.x1 - tl.x0)
    off = abs((down.x0 + down.x1) - (tl.x0 + tl.x1)) / 2
    if off > OWN_LINE_CENTRED * (tl.x1 - tl.x0):
        return False  # a line the block's centre does not hold: the signature's stroke, left of it
    return down.conf < UNREAD_LINE_CONF and wide and down.x0 < tl.x1 and down.x1 > tl.x0


def _authority_unread(right: Sequence[Line], title_i: int) -> bool:
    """The line right over the title, close above it and over it, is unread ("TƯỜNG UV hÊN" for a blurred
    "KT. CỤC TRƯỞNG"): the authority the title is given under is unknown."""
    if title_i == 0:
        return False
    tl, up = right[title_i], right[title_i - 1]
    close = tl.y0 - up.y1 < 2 * (tl.y1 - tl.y0)
    return up.conf < UNREAD_LINE_CONF and close and up.x0 < tl.x1 and up.x1 > tl.x0


def _small_family_letters(text: str) -> bool:
    """A word in lower case read surely with a family name's letters: "lạm" of "lạm Văn Long", the ring over
    the "Ph" of "Phạm" taking the capital (hseal2's finding: "Văn Long", "Văn" a family name too, at 0.90)."""
    bare = nfc(text.strip(".,;:|!'\"“”()[]{}_-—"))
    # a capital read as its look-alike digit ("1a" of "La Đình Vĩnh": "Đinh Vĩnh" at 0.95, seed 417 alt 013)
    bare = bare[0].translate(_CAPITAL_DIGITS) + bare[1:] if bare[:1].isdigit() else bare
    return len(bare) >= 2 and bare.isalpha() and bare.islower() and fold(bare) in F_SURNAMES


_CAPITAL_DIGITS = str.maketrans({"1": "l", "0": "o", "5": "s", "8": "b", "6": "g"})


def lead_as_read(line: Line) -> tuple[Line, frozenset[str]]:
    """The name line with its first word as Tesseract read it where the language model (``correct``) changed
    it into a word whose letters are no family name's: "Dân" for "Đặn" (31), the seal's ring over "Đặng" (no
    name run shielded the line, its family name garbled). The model's word is the language's, no reading of
    a name's; Tesseract's letters tell the family name a guess is made from ("Đặn" is a letter from "Đặng";
    the model's "Dân" gave the commonest family name near it, "Trần": seed 437 dev 013). A word the model
    made a family name ("Nguyen" → "Nguyễn") is kept as it made it. The words after it likewise where
    Tesseract read a capitalised Vietnamese syllable (``given_as_read``), on a line that may be a name (two
    to five capitalised words). With the line, the words put back as read (stripped, NFC): where Tesseract
    and the model disagree about a name's word, neither is a sure reading (``_signer_name`` doubts it)."""
    words = list(line.words)
    k = next((i for i, w in enumerate(words) if any(ch.isalpha() for ch in w.text)), None)
    if k is None:
        return line, frozenset()
    swapped: set[str] = set()
    if words[k].read and (
        fold(words[k].text.strip(_NAME_PUNCT)) not in F_SURNAMES or _family_as_read(words[k], words[k + 1 :])
    ):
        words[k] = replace(words[k], text=words[k].read, read="")
        swapped.add(nfc(words[k].text.strip(_NAME_PUNCT)))
    elif remarked_family(words[k]):
        swapped.add(nfc(words[k].text.strip(_NAME_PUNCT)))
    if 2 <= sum(_capitalised(w.text) for w in words) <= 5:
        last = max(i for i, w in enumerate(words) if any(ch.isalpha() for ch in w.text))
        for i in range(k + 1, len(words)):
            if given_as_read(words[i], middle=i < last):
                words[i] = replace(words[i], text=words[i].read, read="")
                swapped.add(nfc(words[i].text.strip(_NAME_PUNCT)))
    return (sub_line(line, words) if words != list(line.words) else line), frozenset(swapped)


_NAME_PUNCT = ".,;:|!'\"()[]"


def remarked_family(word: Word) -> bool:
    """A name's first word the language model gave other marks, a listed family name by its letters either
    way, where Tesseract read it unsurely (under ``SURE_WORD_CONF``): "Ưng" (66) made "Ứng" (k903 dev 012,
    printed "Ung"). The model kept the letters and chose the marks; an unsure reading of them and the
    model's choice disagree, and neither tells the name: in doubt (as ``lead_as_read``'s words put back).
    A sure reading the model re-marked ("Phúng" (96) made "Phùng") stays the model's fix, sure; so does a
    frequent family name the model marked ("Nguyen" (70) made "Nguyễn": far commoner than any name the list
    lacks with its letters, as ``kept_as_printed``)."""
    read = nfc(word.read.strip(_NAME_PUNCT))
    text = nfc(word.text.strip(_NAME_PUNCT))
    return (
        bool(read)
        and read != text
        and fold(read) == fold(text)
        and fold(text) in F_SURNAMES
        and _rare(fold(text))
        and word.conf / 100.0 < SURE_WORD_CONF
        # ... the word read itself a family name ("Ưng"): the two are names alike. One that is none ("Giap",
        # "Đám", "Phúng", "Khống" (70..80)) the model fixed to the listed name with its letters, as a sure
        # reading it re-marked (review of signer53 L)
        and (read in SURNAMES or read in OTHER_SURNAMES)
    )


def _family_as_read(word: Word, rest: Sequence[Word]) -> bool:
    """A name's first word the language model gave other marks (a family name by its letters still) where
    Tesseract read surely a capitalised syllable the extractor keeps as printed (``kept_as_printed``):
    "Đống" (93) made "Động" (w655 dev 000), then the listed "Đồng". The model knows the language's words, not
    families' names; Tesseract's marks on print are the better reading (the name put back is in doubt: the
    two disagree, ``lead_as_read``). Not where the model's word is a listed family name: "Phúng" (96) made
    "Phùng" is the model's fix of a hook-free misreading, the name as listed."""
    read = nfc(word.read.strip(_NAME_PUNCT))
    text = nfc(word.text.strip(_NAME_PUNCT))
    if fold(read) != fold(text) or not given_as_read(word) or text in SURNAMES:
        return False  # (the model's word a listed family name itself, "Phùng" for "Phúng": the model's fix)
    others = [t for t in (nfc(w.text.strip(_NAME_PUNCT)) for w in rest) if t]
    return kept_as_printed([read, *others], word.conf / 100.0)


def _capitalised(text: str) -> bool:
    """A word of letters led by a capital: "Khải", "NGUYỄN" (a name line's word)."""
    bare = text.strip(_NAME_PUNCT)
    return bare.isalpha() and bare[:1].isupper()


def given_as_read(word: Word, *, middle: bool = False) -> bool:
    """A name's given or middle word the language model (``correct``) changed where Tesseract read a
    capitalised Vietnamese syllable: "Khải" (97) made "Khai" in "Khống Mạnh Khải" (seed 475 alt 012: the
    family name read with other marks, no name run shielded the line). The model knows the language's words,
    not people's names: the syllable read is the name's word (its marks the extractor's to doubt). A
    reading that is no syllable, given its marks by the model ("Thưong" → "Thương"), is the model's; so is a
    reading with fewer tone marks than the model's word, or with no marks at all ("Chinh" → "Chính", "Van" →
    "Văn": a mark lost is Tesseract's commonest misreading, a mark restored the model's work), and one with
    two tone marks on the word ("Hòà": no syllable has two). So is a middle word read in small letters,
    its head under the seal's ring, whose letters tell the middle name ("ăn" (20): "Văn",
    ``headless_middle``) where the model's word tells none ("án": seed 649 alt 008 gave "Khuất An Khuyến"):
    a ``middle`` word only (neither the family nor the given name), and not where the model's word is a
    name's already ("gọc" made "Ngọc", "ăn" made "An" in "Nguyễn An Ninh": the model's stays)."""
    read = nfc(word.read.strip(_NAME_PUNCT))
    text = nfc(word.text.strip(_NAME_PUNCT))
    if not read or read == text:
        return False
    told = headless_middle(read, word.conf)
    listed = told == text or text[:1].upper() + text[1:] in NAME_SYLLABLES
    if middle and told is not None and not listed and headless_middle(text, word.conf) is None:
        return True
    if not (read.isalpha() and read[:1].isupper() and read[1:].islower() and is_syllable(read)):
        return False
    fewer = _marks(read) < _marks(text) or (not _diacritics(read) and _diacritics(text))
    if fewer and _unlisted_remarked(read, text, word.conf):
        return True
    return _marks(read) <= 1 and not fewer


def _unlisted_remarked(read: str, text: str, conf: float) -> bool:
    """A name's word Tesseract read surely (``SURE_WORD_CONF``) as a syllable that the model gave a mark
    making it no listed name: "Toan" (91) made "Toán" in "Tiết Hoài Tất Toan" (seed w685 dev 007), "Trân"
    (96) made "Trấn" in "Lều Thị Trân" (k911 dev 006): their family names no list has, no name run shielded
    the line.
    The model restores a lost mark where it makes the word a known name ("Chinh" → "Chính", "Van" → "Văn":
    the model's stays); where it makes a word no list has it is the language's guess, no name's reading."""
    return (
        conf / 100.0 >= SURE_WORD_CONF
        and fold(read) == fold(text)
        and text not in NAME_SYLLABLES
        and text not in MIDDLE_NAMES
        and not _middle_letters(read)
        and not _vowel_mark_lost(read)
    )


def _middle_letters(read: str) -> bool:
    """``read``'s letters those of a middle name ("Thi": "Thị"): the list's form, not the bare reading, is the
    name's word (review of marks55: "Lều Thị Hà" read "Thi", the model's "Thì", came out "Thi")."""
    return any(fold(m) == fold(read) for m in MIDDLE_NAMES)


_VOWEL_MARKS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn (NFD)


def _vowel_mark_set(word: str) -> frozenset[str]:
    return frozenset(ch for ch in unicodedata.normalize("NFD", word.lower()) if ch in _VOWEL_MARKS) | (
        frozenset("đ") if "đ" in word.lower() else frozenset()
    )


def _vowel_mark_lost(read: str) -> bool:
    """Every listed name of ``read``'s letters has a vowel's mark (a breve, hat or horn, or "đ") the reading
    lacks ("Thang": "Thắng", "Thăng"): Tesseract lost a mark, the reading is no name's (review of marks55:
    "Lều Văn Thắng" came out "Thăng" through the model's "Tháng"); "Toan" ("Toàn", "Toản") and "Trân"
    stand."""
    have = _vowel_mark_set(read)
    forms = [n for n in NAME_SYLLABLES if fold(n) == fold(read)]
    return bool(forms) and all(_vowel_mark_set(n) - have for n in forms)


def _marks(word: str) -> int:
    """The tone marks on a word's letters (a syllable has one at most)."""
    return sum(ch in TONE_MARKS for ch in unicodedata.normalize("NFD", word))


def _marks_voted(line: Line) -> frozenset[str]:
    """The words of a name's ``line`` (stripped, NFC) whose marks a second pass's readings of the line voted
    (``Word.voted`` at ``VOTED_CONF``: ``signature.marks_vote_pass``, which only adds a mark a reading lost or
    makes an acute over a hat a hook or a tilde, the readings nearly all alike), Vietnamese syllables: the
    name's words as the readings gave them, not the listed form with their letters ``fix_syllable`` would
    choose. (A word the pixels doubted, ``dot_hook_pass``, keeps its confidence and its text as read.)"""
    return frozenset(
        t
        for w in line.words
        if w.voted and w.conf <= VOTED_CONF * 100 and is_syllable(t := nfc(w.text.strip(_NAME_PUNCT)))
    )


def _diacritics(word: str) -> bool:
    """Any mark on the word's letters, tone or vowel ("ư", "ă", "â") or "đ"."""
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", word)) or "đ" in word.lower()


def _middle_two(words: Sequence[str]) -> bool:
    """A two-word name whose first word is a common middle name's ("Văn Long", "Thị Hoa")."""
    return len(words) == 2 and words[0] in MIDDLE_NAMES


def case_mended(name: str) -> str:
    """A name's words in the case names are printed in: a word read with a capital after its small letters
    ("ƯớC" for "Ước", a small "c" read as the capital of its shape: SURE-WRONG 0.86 in review of session 55)
    its first letter's capital and the rest small; a word in capitals alone ("AN") is the line's own case, a
    capital after an apostrophe a name's own ("H'Hen Niê")."""
    return " ".join(
        w[:1] + w[1:].lower() if any(a.islower() and b.isupper() for a, b in itertools.pairwise(w)) else w
        for w in name.split()
    )


def _signer_name(res: Builder, right: Sequence[Line], title_i: int, final: bool = False) -> None:
    """The signer's name: the lowest line under the title that reads as a person's name (its first word as
    Tesseract read it, ``lead_as_read``). Only ``final`` (``read_signer``) reads one after unread marks."""
    tl = right[title_i]
    below = _below(right, title_i)
    best: tuple[str, float] | None = None
    fallback: tuple[str, float] | None = None
    for ln in reversed(below):
        if title_of(ln):
            continue
        ln, as_read = lead_as_read(ln)
        read = name_tokens(ln)
        raw = list(read)
        if raw and not raw[0][0] and len(raw) >= 3:
            # "Ngu)8ế Đức Hiếu": a seal stroke through the surname; its first letters may still name it
            lead = re.match(r"[^\W\d_]{2,}", ln.words[0].text.strip(".,;:|!'\"()[]"))
            if lead:
                prefix = fold(lead.group(0))
                hits = [v for k, v in F_SURNAMES.items() if k.startswith(prefix) and len(k) > len(prefix)]
                if len(hits) > 1:  # "Ngu": Nguyễn, not the rare Ngụy
                    hits = [v for v in hits if not _rare(fold(v))]
                if len(hits) == 1:
                    raw[0] = (hits[0], 0.5)
                elif (other := other_surname(ln.words[0].text, ln.words[0].conf / 100.0)) is not None:
                    raw[0] = (other, 0.5)  # "khuảt Hóng Nhơm": "Khuất", its letters read, not "Hứa"
                elif (by_tail := surname_by_tail(ln.words[0].text)) is not None:
                    raw[0] = (by_tail, 0.5)  # "ạm Trường Thọ": the rim over "Ph"
                elif (small := small_family(ln.words[0].text)) is not None:
                    raw[0] = (small, 0.5)  # "không Đình Tài": "Khổng", its capital read small
            elif (behind := marked_lead(ln.words[0].text)) is not None:
                raw[0] = (behind, 0.5)  # "x_Khúy Quang Đạt": the ring's marks glued before "Khúc"
        # a middle word between two read ones whose capital was read as a mark ("Mai #hị Phẩm") or not read
        # at all ("Bùi hị Hồng Dinh", unsurely): the common middle name it ends as, a guess
        # (``marked_middle``, ``headless_middle``). The first makes the line a fallback (``mark_capital``,
        # below: a line of marks may be no name); the second not (a title or junk line above would be taken
        # before the name's own), and leaves the name in doubt, guessed or not ("Nguyễn uy Hoàng" (60): "Duy"
        # or "Huy", no "Uy" at 0.84)
        parts = _parts(ln)
        mark_capital = lost_capital = unlisted_only = False
        if len(parts) == len(raw):
            for k in range(1, len(raw) - 1):
                if not raw[k][0]:
                    middle = marked_middle(parts[k][0])
                    if middle is not None and len(raw[k - 1][0]) >= 2 and raw[k + 1][0]:
                        raw[k], mark_capital = (middle, parts[k][1] / 100.0), True
                elif headless_forms(*parts[k]):
                    lost_capital = True
                    middle = headless_middle(*parts[k])
                    if middle is not None and len(raw[k - 1][0]) >= 2 and raw[k + 1][0]:
                        raw[k] = (middle, parts[k][1] / 100.0)
        raw = _repair_surname(ln, raw)
        # a capitalised word behind the ring's marks ("x_Xy Văn Tám") dropped: no family name recovered
        lost_lead = bool(raw) and not raw[0][0] and _marked_word(ln.words[0].text) is not None
        # "lạm Văn Long": a two-word name after it may be a three-word name's last two (not "ông Nguyễn Văn
        # An": three words read after a title or a scribble are a whole name, REVIEW-34 L1)
        small_lead = bool(raw) and not raw[0][0] and _small_family_letters(ln.words[0].text)
        # "~ Văn Long": marks alone before a two-word name whose first word is a middle name's too: the family
        # name may be under them (0.96 sure in review of session 55)
        marks_lead = bool(raw) and not raw[0][0] and not any(ch.isalpha() for ch in ln.words[0].text)
        boxes = _part_boxes(ln)
        kept = [k for k, (t, _) in enumerate(raw) if t]
        toks = [raw[k] for k in kept]
        # from the first known surname on (seal rims and scribbles give junk before it), unless the words
        # before it are the name's own: a family name the list lacks ("Khương Văn Thắng": "Văn" is a family
        # name too). A rare one read unsurely is junk before a name led by a family name as printed, not
        # before one far more often a middle name ("Lạc Văn Hoài Tươi", each word at the vote's 0.5: wide
        # seed 545 alt 002 read "Văn Hoài Tươi")
        # A word put in for one the seal's rim garbled ("đó»" made "Đoàn" by its first letters) is no reading:
        # junk before a name led by a family name as printed ("Thào Văn Nẫm"), as a rare one read unsurely
        # Only the first word, read in lower case ("đó»": no capital, no family name printed), and not before
        # a frequent family name ("Ngu)8ế Trần Anh Thư": a double family name, "Nguyễn Trần", as likely)
        garbled = ln.words[0].text.lstrip(".,;:|!'\"()[]") if ln.words else ""
        filled = (
            {0}
            if len(read) == len(raw)
            and len(kept) >= 2
            and kept[0] == 0
            and raw[0][0] != read[0][0]
            and garbled[:1].islower()
            and not (family_name(toks[1][0]) is not None and not rare_family(toks[1][0]))
            else set()
        )
        # "do Tiết Văn Hợp" (59, 97, 97, 97): a word in small letters read unsurely, a listed family name only
        # by its letters ("Đỗ"), before a capitalised Vietnamese syllable read surely that leads a name: the
        # pen's or the seal's junk before a family name no list has, dropped (wide seed 639 alt 003 took
        # "Đỗ Tiết Văn Hợp" at 0.87); the name so found is in doubt (its family name no list confirms)
        junk_lead = bool(kept) and kept[0] == 0 and junk_before_name(toks, garbled)
        if junk_lead:
            toks, kept = toks[1:], kept[1:]
        start = next(
            (
                k
                for k, (t, c) in enumerate(toks)
                if family_name(t) is not None
                and k + 1 < len(toks)
                and not led_already(
                    t,
                    [u for u, _ in toks[k + 1 :]],
                    c < NAME_WORD_CONF
                    and (rare_family(t) or k in filled)
                    and not _middle_more(toks[k + 1][0]),
                )
            ),
            0,
        )
        if start == 0 and toks and family_name(toks[0][0]) is None:
            # no listed family name: one the list lacks, read as printed and surely, leads the name, the words
            # before it junk unless they lead it (``_leads_name``): "NNN Đái Thị Tập" (27, 91, 97, 97), the
            # seal's rim read before "Đái", made "Nông Đái Thị Tập". Only junk before it (each word read below
            # ``NAME_WORD_CONF``), and no middle name: "Ôn Bá Minh Tuấn" (70, …), "Giản Tất Hồng Nẫm" (75, …)
            start = next(
                (
                    k
                    for k, (t, c) in enumerate(toks)
                    if k
                    and t in OTHER_SURNAMES
                    and t not in MIDDLE_NAMES
                    and c >= SURE_WORD_CONF
                    and len(toks) - k >= 3
                    and all(b < NAME_WORD_CONF for _, b in toks[:k])
                ),
                0,
            )
        unread_lead = False
        if final and start == 0 and toks and family_name(toks[0][0]) is None and (k := _after_unread(toks)):
            # "NI Yên Hải Hoạt" (1, 94, 96, 93): the pen's stroke read before a family name no list has: the
            # name from the first word read surely on (the line was lost whole), in doubt
            start, unread_lead = k, True
        # that word kept only because a family name far more often a middle one follows it (above): no
        # reading of it ("Nay Văn Thị Hồng" (59, 95, 95, 95) was taken at 0.86), in doubt
        unsure_lead = (
            start + 1 < len(toks)
            and toks[start][1] < NAME_WORD_CONF
            and rare_family(toks[start][0])
            and _middle_more(toks[start + 1][0])
            and led_already(toks[start][0], [u for u, _ in toks[start + 1 :]], True)
        )
        unsure_k = start
        led_unlisted = False
        if start and len(boxes) == len(raw) and _leads_name(toks, [boxes[k] for k in kept], start):
            start = 0
        elif start and len(boxes) == len(raw) and _leads_unlisted(toks, [boxes[k] for k in kept], start):
            start, led_unlisted = 0, True  # (its family name no list has: in doubt, as ``own_family``'s)
        # "Khuất Văn Đăng Oai": a word before "Văn" (a family name far more often a middle one) is the name's
        # own family name, listed or not ("Khuất" (80) read; "Vừobđ", the ring over "Vương": its head)
        kept_boxes = [boxes[k] for k in kept] if len(boxes) == len(raw) else []
        own_lead = own_family(toks, start, kept_boxes, len(kept) >= 2 and kept[1] == kept[0] + 1)
        own = own_lead is not None or led_unlisted
        if own_lead is not None:
            toks[0], start = own_lead, 0
        elif final and (lead_at := _own_family_after_junk(toks, start, kept_boxes, kept)) is not None:
            # "NI Yên Văn Gia Mến" (1, 94, 96, 93, 93): the pen's stroke read before the name's own family
            # name (one no list has) before "Văn": that word leads the name, the unread marks before it junk
            # (k909 dev 010 read "Văn Gia Mến"); in doubt, as ``own_family``'s
            start, toks[start - 1] = start - 1, lead_at
            own = unread_lead = True
        cut_lead = start > 0 and bool(kept_boxes) and _word_before(toks, kept_boxes, start)
        # the family name stands for a word read otherwise (the seal's rim over it): a guess
        guessed = bool(kept[start:]) and len(raw) == len(read) and raw[kept[start]][0] != read[kept[start]][0]
        if unsure_lead and start <= unsure_k:
            guessed = True
        if start > 0 and 0 in filled:
            guessed = True  # a family name filled in for a garbled word, dropped: a guess which one leads
        if mark_capital or lost_capital or junk_lead or unread_lead:
            guessed = True
        toks = toks[start:]
        if any(nfc(t) in as_read for t, _ in toks):
            # "Chính" made "Chinh" again, "Hoa" made "Hòa" again: Tesseract and the model disagree about the
            # name's word, and neither's reading is sure ("Nguyễn Văn Chinh" at 0.94 was wrong: REVIEW-39b H1)
            guessed = True
        placed = [boxes[k] for k in kept][start:] if len(boxes) == len(raw) else []
        # one-letter words: "Y" (an Ê Đê man's name: "Y Ngông Niê Kdăm"), "A" read surely (a Hmong man's
        # middle name: "Giàng A Páo")
        keep = [len(t) >= 2 or t.upper() == "Y" or (t == "A" and c >= NAME_WORD_CONF) for t, c in toks]
        toks = [tc for tc, k in zip(toks, keep, strict=True) if k]
        placed = [b for b, k in zip(placed, keep, strict=False) if k] if placed else []
        lost = _word_lost(placed, toks) if 2 <= len(toks) <= 5 else False
        if lost:
            continue  # "Vũ      Nam": a word under the seal or the pen lost between two read ones
        if lost is None:
            guessed = True  # "Lưu Ngọc Hương", "Ngọc" boxed over "gọc": its first letters or a word lost
        if 2 <= len(toks) <= 5 and _letters_inside(ln, placed):
            continue  # "Đào Quốc" with "C", "ương" inside the box of "Quốc": "Cường" read in pieces, lost
        if 2 <= len(toks) <= 5 and statistics.fmean(c for _, c in toks[1:]) < GIVEN_NAMES_MIN_CONF:
            continue  # given names read at random ("Tà Ê Số": the seal's emblem, each word at confidence 0)
        if 2 <= len(toks) <= 5:
            words = [t if not t.isupper() or len(t) <= 1 else t[0] + t[1:].lower() for t, _ in toks]
            capped: set[int] = set()
            if any(len(t) >= 2 and t[1:].islower() for t, _ in toks):
                # "Bộ THÍ Chấn" (97, 93, 97): a word in capitals among the capitalised words of a name printed
                # so is misread (its small letters taken for capitals, its marks with them), however surely:
                # its marks are no reading ("Thị", ``fix_syllable``). One whose letters and marks are a listed
                # name's ("VĂN") is read so, its confidence kept
                capped = {
                    k
                    for k, (t, _) in enumerate(toks)
                    if k and len(t) >= 2 and t.isupper() and words[k] not in NAME_SYLLABLES
                }
                toks = [
                    (t, min(c, CAPITALS_IN_NAME_CONF)) if k in capped else (t, c)
                    for k, (t, c) in enumerate(toks)
                ]
            sur, family_guessed = family_read(words, toks[0][1], voted=row_voted(toks))
            guessed = guessed or family_guessed
            voted_family = words[0] in _marks_voted(ln) and unlisted_lead(words[0])
            if not own and sur != words[0] and voted_family:
                # "Vưng": the family name the page read, given back by every reading of its line
                # (``signature.marks_vote_pass``), a syllable no list has (``unlisted_lead``: not "Uyễn"
                # of "Nguyễn", "Lế" of "Lê"; review of marks57); not the listed one nearest it ("Vương":
                # seed x873 corp 006). Kept as voted, in doubt. A listed name's letters with other marks
                # stay the list's ("Mặc" of "Mạc" in every reading, u563 alt 008 in the merged census)
                sur, guessed = words[0], True
            if own:
                guessed = True  # (its family name no listed one read surely, or one guessed from its head)
            # a family name the readings of the name's row voted, a Vietnamese syllable no list has ("Mã" in
            # every reading, wide seed 615 alt 010): the vote chose it among the words read, not the nearest
            # listed one ("Mai"); kept as read, in doubt (the whole row at ``VOTED_CONF``: a second pass's)
            # Three words at least: a two-word row's vote tells no name by itself ("Mà Hùng": any word the
            # seal left before a given name; REVIEW-42f)
            voted = sur is None and row_voted(toks) and words[0].isalpha() and is_syllable(words[0])
            if voted:
                guessed = True
            if not own and sur is None and words[0] in OTHER_SURNAMES:
                # "Cung" (39): a real family name the list lacks, read as one, is no garbled "Ứng" or "Sùng"
                # (a letter from both, the commoner guessed: corp+wide seed 841 010); kept as read, in doubt
                sur, guessed = words[0], True
            if not own and sur is None and (other := other_surname(words[0], toks[0][1])) is not None:
                # "Khậu" (36): the letters of "Khâu" (a real family name the list lacks) with a tone misread,
                # not the listed "Châu" a letter from them; a guess all the same, in doubt
                sur, guessed = other, True
                toks[0] = (other, toks[0][1])
            if (
                not own
                and not (voted and unlisted_lead(words[0]))
                and sur is None
                and toks[0][1] < 0.8
                and len(words) >= 3
                and surname_of(words[0])
            ):
                # "Uyễn Hòa Bình": the seal's rim over "Ng"; not a family name no list has that the readings
                # of the row voted whole ("Yên Nhật Long": no "yễn" of "Nguyễn", w683 dev 007)
                sur = surname_of(words[0])
                toks[0] = (str(sur), toks[0][1] * 0.7)
                guessed = True
            if (
                not own
                and not voted
                and sur is None
                and toks[0][1] < 0.8
                and len(words) >= 3
                and (len(fold(words[0])) >= 3 or toks[0][1] >= 0.5)
            ):
                # a seal over the surname: the most common surname one letter away (SURNAMES is by frequency);
                # two letters only when read with some confidence ("Tế" for Lê; "Xv" at 0 is no reading)
                near = [
                    v
                    for k, v in F_SURNAMES.items()
                    if fuzz.ratio(k, fold(words[0])) >= 50 and abs(len(k) - len(fold(words[0]))) <= 1
                ]
                if len(fold(words[0])) >= NEAREST_LETTERS:
                    # a word of four letters or more tells its family name by them: the nearest first, the
                    # commoner of those as near ("Khụe" (75): Khúc a letter away, not the commoner Chu two
                    # away, seed 239 grey alt 009)
                    near = sorted(near, key=lambda v: Levenshtein.distance(fold(v), fold(words[0])))
                if len(close := _one_letter_families(words[0])) == 1:
                    near = close  # "Mục" (70): Mạc, a vowel misread, not the commoner Khúc two letters away
                if words[0][:1] in "Đđ":
                    # a "Đ" read is one (its bar is no rim's mark): of the family names led by one, the
                    # nearest ("Đưnh" (0): Đinh, not the commoner Huỳnh or Đặng two letters from it)
                    near = sorted(
                        (v for v in near if v.startswith("Đ")),
                        key=lambda v: Levenshtein.distance(fold(v), fold(words[0])),
                    )
                if near:
                    sur = near[0]
                    toks[0] = (sur, toks[0][1] * 0.7)
                    guessed = True
            if sur is None and fold(words[0]) in F_SURNAMES:
                # a rare one of two letters read with other marks ("Lo" at 90: "Lò" or "Lỗ"; "LÀ" for "Lã"):
                # a guess, not the word as read
                sur = F_SURNAMES[fold(words[0])]
                guessed = True
            off_centre = bool(placed) and _right_of(placed, tl)
            if sur is not None and toks[0][1] < WIDE_WORD_CONF and placed and _too_wide(placed, toks, 0, sur):
                continue  # "vụ Pọm" (0, 72): one doubted word over "Giáp Xuân", not a family name
            if sur is None and toks[0][1] < TEXT_LAYER_CONF and _one_letter_families(words[0]):
                # "Mục" (92): no family name, a letter from one ("Mạc"); read surely, kept as read (a real
                # family name no list has, "Mạch", "Ma"), but a vowel misread alike: in doubt
                guessed = True
            if sur is not None and sur != words[0] and nfc(words[0]).casefold() in _LEAD_WORDS:
                # "Chủ Văn Minh", "Trưởng Văn Hùng" (95): a title's word read as printed, surely, made the
                # family name with its letters ("Chu", "Trương") is the list's choice, no reading (review of
                # signer46: taken at 0.95); in doubt
                guessed = True
            # a family name no list has, read a little unsurely (``unlisted_family_read``): a fallback only,
            # as ``mark_capital``'s ("Xã Tân Phú" under "Nguyễn Văn An" was taken: review of signer53 H)
            unlisted_only = sur is None and toks[0][1] < SURE_WORD_CONF and not own and not voted
            if sur is not None:
                words[0] = sur
            elif toks[0][1] < SURE_WORD_CONF and not own and not voted and not unlisted_family_read(toks):
                continue  # "DA NÌM" (17, 39) under a seal on a blurred photo: no family name read surely
            elif off_centre:
                continue  # "Đức Long" right of the title's centre: its family name lost under the seal
            elif toks[0][1] < TEXT_LAYER_CONF:
                # a family name no list has, read surely, kept as printed ("Bồ", "Trang": the list is no
                # census) but no name a list confirms: a mark misread ("Bô" (93) for "Bồ", wide seed 601 dev
                # 002, taken at 0.81) makes another word as sure. In doubt (a text layer's word is as written)
                guessed = True
            penalty = 1.0
            marks_voted = _marks_voted(ln)
            for k in range(1, len(words)):
                fixed = fix_syllable(words[k], toks[k][1], middle=k < len(words) - 1)
                if words[k] in marks_voted:
                    # "Hiểu" voted by the line's readings (five of five, the row's six too) for the "Hiếu" the
                    # row's vote took from the list (seed k911 alt 009): the readings chose its marks, the
                    # list's form with its letters is no reading; kept as voted (in doubt: ``Word.voted``)
                    fixed = words[k]
                if k in capped and (
                    _other_vowel(words[k], fixed) or (tone_place(words[k]) and not tone_place(fixed))
                ):
                    # "NẪM" (95): capitals' marks may be misplaced ("THÍ": "Thị"), not read where none is: no
                    # listed name without them ("Nam"); kept as read, in doubt (``marks_unlisted``)
                    fixed = words[k]
                if fixed != words[k]:
                    if len(F_SYLLABLES.get(fold(fixed), ())) > 1:
                        guessed = True  # "Vấn" (87): of "Vân", "Văn" the one chosen, its marks no reading
                    if is_syllable(words[k]):
                        # "Nẵm" (83) → "Nam": a Vietnamese syllable read whole, marks and all, made the listed
                        # name with its letters is the list's choice, no reading (wide seed 615 alt 001: "Võ
                        # Văn Nẫm" taken as "Võ Văn Nam" at 0.68): in doubt
                        guessed = True
                    if fold(fixed) != fold(words[k]):
                        # "Phớc" (62) → "Phước": the listed name nearest a word no syllable by its letters, a
                        # letter put in, is the list's choice, no reading ("Phớc" is a name: k871 alt 000 was
                        # taken as "Châu Hồng Phước" at 0.63); in doubt
                        guessed = True
                    if horn_after_q(words[k]) is not None:
                        # "Qưới" (88) → "Quới", "Qưốc" (97) → "Quốc": the horn read on the "u" after "q" is
                        # a mark misread (the "ơ"'s read twice, or one where none is), so the word's marks are
                        # no reading, whatever the list holds: in doubt (review of marks54: "Quốc" at 0.73)
                        guessed = True
                    if fixed[:1] != words[k][:1]:
                        # "Zinh" (70) → "Minh": a capital the ring garbled is a guess (Linh, Vinh, Ninh …
                        # have the same letters after it), never a sure name (REVIEW-28 #1)
                        guessed = True
                    words[k] = fixed
                    penalty = min(penalty, 0.75)
                elif toks[k][1] < TEXT_LAYER_CONF and (marked := mark_lost(words[k])) is not None:
                    words[k], guessed = marked, True  # "Đúc" (95) of "Đức": its horn lost, a name in doubt
                elif marks_unlisted(words[k], toks[k][1]):
                    guessed = True  # "Nẫm" (89): kept as read, but "Nam" with a mark misread alike
            if any(glued_family(p) for w in ln.words for p in _unglued(w.text)):
                guessed = True  # "Trầnhị": the word after the family name is the tail it left, no reading
            if any(_marks_unsure(w, c) for w, (_, c) in zip(words[1:], toks[1:], strict=True)):
                guessed = True  # "Tuân" (82) for "Tuấn": which of the two names its marks say is no reading
            if any(w.voted for w in ln.words):
                # a word a second pass's readings voted (``Word.voted``, ``signature.marks_vote_pass``: "Lẫm"
                # read so by most readings of the line where the first read "Lãm"): readings disagreed about
                # it, a vote is never a sure name, whatever its confidence and the surety of the other words
                guessed = True
            for k in range(1, len(words) - 1):
                if (middle := _near_middle(words[k], toks[k][1])) is not None:
                    words[k], guessed = middle, True  # "Hồ Hếu Hùng" (55): "Hữu", the seal over its vowel
            if any(_rhyme_garbled(w) for w in words[1:-1]):
                guessed = True  # "Nguyễn Đếc Vinh" (93): "Đ?c" a middle name whose vowel a stroke garbled
            for k in range(1, len(words)):
                if _onset_garbled(words[k]):
                    # "Đàm Xhật Giao" (90, 90, 96) for "Đàm Nhật Giao" (wide seed 545 alt 010, seal over the
                    # name): the capital misread as two letters; the listed name with its other letters, in
                    # doubt (taken at 0.92 before)
                    words[k] = _capital_garbled(words[k], middle=k < len(words) - 1) or words[k]
                    guessed = True
            if any(_rare_given(w) for w in words[1:]):
                guessed = True  # "Hồ Hếu Dũng" (93) of "Hữu" under a seal: a word no name has, read surely
            for k in range(1, len(words)):
                if (glyph := _glyph_from_name(words[k])) is not None:
                    # "Bùi Nđọc Hương" (94): no syllable, a letter from the name "Ngọc": that name, in doubt
                    # (the peoples' names of other orthographies, "Kdăm", "Ksor", are no letter from one)
                    words[k], guessed = glyph or words[k], True
            if any(_common_middle(w) for w in words[1:-1]):
                # "Lò Cống Toàn" (94): a middle word no name has, the letters of the common middle name "Công"
                # (the seal's stroke read as its mark?): in doubt. Made that name only on a sign the word was
                # damaged (no syllable, or not read surely): a syllable read surely is kept as printed, the
                # list is no census ("Nguyễn Vạn Thành", "Trần Đỉnh Long" are names: review s21)
                for k in range(1, len(words) - 1):
                    common = _common_middle(words[k])
                    if common and not (is_syllable(words[k]) and toks[k][1] >= SURE_WORD_CONF):
                        words[k] = common
                guessed = True
            if (woman := womans_given(words)) is not None:
                # "Dương Thị Mạnh": "Thị" names a woman, "Mạnh" a man; one of them is misread. A given name
                # read unsurely is the woman's name its other letters give (its capital the misread); one
                # read surely is kept as printed: in doubt either way
                if woman and toks[-1][1] < SURE_WORD_CONF:
                    words[-1] = woman
                guessed = True
            if not well_formed(words, [c for _, c in toks]):
                continue  # "Mg Hòa Bình": a word no Vietnamese name has (a seal over it): not this line
            conf = statistics.fmean(c for _, c in toks) * (1.0 if sur else 0.85) * penalty
            if off_centre and len(words) == 2:
                conf *= 0.6  # a word may be lost left of it ("Hoàng Tuấn" is a middle and a given name too)
            if guessed:
                conf = min(conf, GUESSED_NAME_CONF)  # ("Tâm" (79) → "Trần": to review, however sure the rest)
            if _cut_short(ln, raw, kept) or (bool(placed) and _left_of(placed, tl)):
                # "Lã Quang %ơn": "Sơn" lost; "Hồ Đc" far left of the title's centre: "Cường" lost under the
                # seal, the name may be cut short
                conf = min(conf, GUESSED_NAME_CONF)
            if cut_lead:
                conf = min(conf, GUESSED_NAME_CONF)  # "Kso Văn Hùng": the name may start a word before
            if lost_lead or (small_lead and len(words) == 2) or (marks_lead and _middle_two(words)):
                # "x_Xy Văn Tám", "x_Ly Văn Minh Tâm": the family name may be the word behind the marks, lost:
                # the words left are no sure name ("Văn", "Hoàng" are family names too)
                conf = min(conf, GUESSED_NAME_CONF)
            if mark_capital or unlisted_only or unread_lead:
                # a fallback only: a line whose middle word is a guess may be no name ("Bộ #ông Thương"
                # under the signer's own name, REVIEW-48 M1), nor one read only after unread marks ("NI" (1)
                # "Phú Nhuận Sài Gòn" under "Nguyễn Văn An": a place's line, the seal's or the pen's marks
                # before it): the lines above it are tried first
                fallback = fallback or (" ".join(words), conf)
                continue
            best = (" ".join(words), conf)
            break
    best = best or fallback
    if best:
        conf = best[1]
        if short_name_line(below, best[0].split()) is not None:
            conf *= 0.6  # its family name may be under the seal: to review, not taken as read
        res.set("signer_name", case_mended(best[0]), conf)
