"""The document's number and notation: "Số: 1169/QĐ-UBND" → ("1169", "QĐ-UBND"), the notation repaired against
known abbreviations; a number written by hand into the printed form and unreadable leaves the number null but
the printed notation is still read."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from digitize.pipeline.confidence import DOUBTFUL
from digitize.pipeline.fields.dates import WORD_DATE
from digitize.pipeline.fields.layout import TEXT_LAYER, Layout
from digitize.pipeline.fields.lines import Line, from_label
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.place_date import place_date_start
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.text import DIGITISH, fold1
from digitize.pipeline.fields.vocab import (
    D_ABBREVIATIONS,
    DEPARTMENTS,
    KNOWN_ABBREVIATIONS,
    NOTATION_TYPES,
    WEAK_ABBREVIATIONS,
)
from digitize.pipeline.model import ExtractedField, Word
from digitize.text import fold, nfc, squash


def abbreviation(organ: str) -> str | None:
    """The organ's abbreviation from the initials of all its words ("Sở Y tế" → "SYT")."""
    found = organ_abbreviations(organ)
    return found[0] if found else None


def _initial(word: str) -> str:
    """A word's initial as abbreviations print it: capital, without tone marks, Đ kept ("ủy" → "U")."""
    ch = word[0]
    return "Đ" if ch in "đĐ" else fold(ch).upper()


# words an abbreviation often leaves out ("Ban Quản lý các khu công nghiệp" → BQLKCN, "Sở Nông nghiệp và Môi
# trường" → SNNMT), with their marks ("tại" is one, the "tải" of "vận tải" is not: SGTVT, never SGTV)
_FUNCTION_WORDS = frozenset({"và", "các", "của", "về", "tại"})
# ... and read without marks (an organ's name OCR read unmarked): all but "tai", which may be "tải"
_FUNCTION_FOLDED = frozenset({"va", "cac", "cua", "ve"})
# a trailing place an abbreviation often leaves out ("Cục Đường thủy nội địa Việt Nam" → CĐTNĐ), its level
# word with its own marks (the "xạ" of "Cục An toàn bức xạ và hạt nhân" is no "xã": CATBXHN, not CATB), or
# a level word alone at the end ("Văn phòng HĐND tỉnh" → VPH, not VPHT); matched on the name in lower case
_TRAILING_PLACE = re.compile(
    r"\s+(?:vi[eệ]t nam"
    r"|(?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã(?! hội\b)|phường|thị trấn)(?P<name>\s.*)?)$"
)
_KIND_WORDS = re.compile(r"^(?:cuc|tong cuc|vu|vien|chi cuc|so|ban)\s")


def organ_abbreviations(organ: str) -> tuple[str, ...]:
    """The abbreviations an organ may print for itself in its notations, derived from its own words (no
    list of organs): the initials of every word ("Ban Quản lý các khu công nghiệp" → BQLCKCN), without
    "và"/"các"/"của" (BQLKCN), without a trailing place (CĐTNĐ of "Cục Đường thủy nội địa Việt Nam"),
    without the organ's kind word (QLD of "Cục Quản lý dược"); "Ủy ban nhân dân …" is UBND, "Hội đồng nhân
    dân …" HĐND."""
    text = squash(nfc(organ))
    f = fold(text)
    if f.startswith("uy ban nhan dan"):
        return ("UBND",)
    if f.startswith("hoi dong nhan dan"):
        return ("HĐND",)
    m = _TRAILING_PLACE.search(text.lower())
    bases = [text]
    if m is not None and m.start() > 0:
        # a level word with no name after it names no place of the organ's own: no letter of its abbreviation
        bare = m.group("level") is not None and m.group("name") is None
        bases = [text[: m.start()]] if bare else [text, text[: m.start()]]
    out: list[str] = []
    for base in bases:
        words = [w for w in re.split(r"[\s,\-–]+", base) if w and w[0].isalnum()]
        for keep_function in (True, False):
            kept = [
                w
                for w in words
                if keep_function
                or w is words[0]
                or (w.lower() not in _FUNCTION_WORDS and fold(w) not in _FUNCTION_FOLDED)
            ]
            kind = _KIND_WORDS.match(fold(" ".join(kept)) + " ")
            for cut in (0, len(kind.group(0).split()) if kind else 0):
                ab = "".join(_initial(w) for w in kept[cut:] if fold(w) != "va")
                if len(ab) >= 2 and ab not in out:
                    out.append(ab)
    return tuple(out)


# a garbled first part made the type heading's abbreviation is this sure at most (as ``fit_notation`` does)
HEADING_FIT_QUALITY = 0.85


# the abbreviations with a Đ of the organs the vocabulary knows ("Sở Lao động - Thương binh và Xã hội" →
# SLĐTBXH), derived from their names as an organ's own is: a notation part may name another organ than the
# issuing one (a joint circular, a unit's parent), and its Đ may be read D
_ORGAN_ABBREVIATIONS: tuple[str, ...] = tuple(
    dict.fromkeys(ab for organ in DEPARTMENTS for ab in organ_abbreviations(organ)[:1] if "Đ" in ab)
)
KNOWN: tuple[str, ...] = tuple(dict.fromkeys((*KNOWN_ABBREVIATIONS, *_ORGAN_ABBREVIATIONS)))
# quality of a part read cleanly that no list knows, as read: unsure when a D in it may be a Đ whose stroke
# OCR lost (a unit's "ĐTBD" read "DTBD": no list of every unit tells them apart; not the D of an abbreviation
# led by one, ``_d_explained``), else a little unsure
UNKNOWN_PART = 0.85
UNKNOWN_PART_WITH_D = 0.6
# ... and in doubt when the word it was read in was read unsure (under ``SURE_READ``): no list tells a letter
# misread in it ("SYT-LCCB" of "SYT-TCCB", its "T" read "L" at 74, seed 923 dev 004: kept at 0.75)
UNKNOWN_UNSURE_QUALITY = 0.59


def _restores(known: str, printed: set[str]) -> bool:
    """Whether a part read like ``known`` (its Đ read D, a look-alike letter) is made it: not an abbreviation
    the corpus alone knows on weak evidence (``WEAK_ABBREVIATIONS``: "QĐ-DC" was made "QĐ-ĐC" surely on two
    notations), nor one whose Đ read D is itself an abbreviation printed so (review, session 17)."""
    return known not in WEAK_ABBREVIATIONS and ("Đ" not in known or known.replace("Đ", "D") not in printed)


def _d_explained(part: str) -> bool:
    """Every D of ``part`` is in an abbreviation whose D is a D (``D_ABBREVIATIONS``): "DN" (doanh nghiệp),
    "PTDN", "GDTrH" are printed so; the D of "DTBD" (of "ĐTBD"?) is not explained. Review (session 17):
    "TB-DN", "QĐ-DTTS", "CV-DS", "KH-BDT" went to review as a Đ perhaps lost."""
    if part in D_ABBREVIATIONS:
        return True
    covered = [False] * len(part)
    for ab in D_ABBREVIATIONS:
        for m in re.finditer(f"(?={ab})", part):
            if len(ab) >= 3 or m.start() == 0:  # (a two-letter one inside a part: "TGD" is "TGĐ")
                covered[m.start() : m.start() + len(ab)] = [True] * len(ab)
    return all(c for ch, c in zip(part, covered, strict=True) if ch == "D")


_OCR_SAME = str.maketrans({"0": "o", "q": "o", "1": "i", "l": "i", "5": "s"})


def _abbr_key(text: str) -> str:
    """Comparison key of an abbreviation: folded, with the usual OCR confusions (0/O/Q, 1/I/l, 5/S) merged."""
    return fold(text).translate(_OCR_SAME)


def _garbled(part: str) -> bool:
    """A notation part OCR visibly misread: a printed abbreviation opens with a capital letter and is made of
    Latin letters and Đ (a police unit's digits after letters: "C07"); a lower-case start, a digit in the
    letters or a letter with a tone mark is not printed."""
    if not part[:1].isupper() or not part[:1].isalpha():
        return True
    if re.search(r"[^A-Za-zĐđ0-9]", part):
        return True
    return bool(re.search(r"\d[A-Za-zĐđ]", part))


# the lower-case letters Decree 30 abbreviations print after a capital: "TTr", "CTr", "GDTrH" (Trung học),
# "QĐ-TTg" (Thủ tướng), "QyĐ" (Quy định), "SNgV" (Sở Ngoại vụ) and the other consonant pairs of Vietnamese
_PRINTED_LOWER = frozenset({"Tr", "Tg", "Qy", "Ng", "Nh", "Th", "Ch", "Gh", "Gi", "Kh", "Ph"})
# a part with another lower-case letter made the organ's own abbreviation is at most this sure (review)
STRAY_LOWER_QUALITY = 0.55


# the capital a lower-case letter read in a notation part stands for, where only one reads so (a blurred "T"
# read "r" or "f")
_LOWER_CAPITAL = {"r": "T", "f": "T"}
# letters the printed slash before a notation is read as
_SLASH_READ = frozenset("Il1|/rfJ(")


def _capitals_of(part: str) -> tuple[str, float] | None:
    """A unit's part read with stray lower-case letters (``_stray_lower``) made the capitals they stand for
    (``_LOWER_CAPITAL``), when each one does: "Kr" → "KT"; None otherwise."""
    out = []
    for k, ch in enumerate(part):
        if ch.islower() and (k == 0 or part[k - 1 : k + 1] not in _PRINTED_LOWER):
            if ch not in _LOWER_CAPITAL:
                return None
            ch = _LOWER_CAPITAL[ch]
        out.append(ch)
    return "".join(out), STRAY_LOWER_QUALITY


def _lone_i(part: str) -> bool:
    """Whether a part of capitals (three or more) has one "I", inside it, between letters that are no strokes
    (``_STROKES``): "QIVH", not "UBNII", "UIIND" nor "IQLD"."""
    k = part.find("I")
    return (
        len(part) >= 3
        and part.isupper()
        and part.count("I") == 1
        and 0 < k < len(part) - 1
        and part[k - 1] not in _STROKES
        and part[k + 1] not in _STROKES
    )


LONG_OWN = 6  # an abbreviation of the organ's own this long is told apart by its letters' order alone


def _stroke_and_one_more(part: str, own: tuple[str, ...]) -> str | None:
    """The one abbreviation of ``own`` (``LONG_OWN`` letters or more) that ``part`` (capitals) reads as with
    a stroke (``_STROKES``) inside it read as one letter more and at most one other letter misread; None for
    none or more than one."""
    if not part.replace("l", "I").isupper() or len(part) <= LONG_OWN:  # "SVMTTDlL": a small l the stroke
        return None
    longs = {_abbr_key(o): o for o in own if len(o) >= LONG_OWN and len(o) == len(part) - 1}
    fits = {
        o
        for i, ch in enumerate(part[1:-1], 1)
        if ch in _STROKES
        for k, o in longs.items()
        if (d := _substitutions(_abbr_key(part[:i] + part[i + 1 :]), k)) is not None and d <= 1
    }
    return next(iter(fits)) if len(fits) == 1 else None


def _i_for_stroke(part: str, own: tuple[str, ...]) -> str | None:
    """The one abbreviation of ``own`` that ``part`` (capitals with an "I") reads as with a "T" or an "L" of
    it read "I" (a stroke whose bar was lost); None for none or more than one."""
    if "I" not in part or not part.isupper():
        return None
    fits = {
        ab
        for ab in own
        if len(ab) == len(part)
        and ab != part
        and all(a == b or (a == "I" and b in "TL") for a, b in zip(part, ab, strict=True))
    }
    return next(iter(fits)) if len(fits) == 1 else None


def _stray_lower(part: str) -> bool:
    """Whether a part read as capitals has a lower-case letter no abbreviation prints there
    (``_PRINTED_LOWER``): "Tv", "QLp" (a blurred "Y", "D" misread), not "TTr", "SNgV"."""
    return any(
        ch.islower() and (k == 0 or part[k - 1 : k + 1] not in _PRINTED_LOWER) for k, ch in enumerate(part)
    )


def _substitutions(a: str, b: str) -> int | None:
    """How many letters differ between two keys of the same length (None for different lengths)."""
    if len(a) != len(b):
        return None
    return sum(x != y for x, y in zip(a, b, strict=True))


def repair_notation(
    raw: str,
    organ: str | None,
    *,
    ocr: bool = True,
    blurred: bool = False,
    heading: str | None = None,
    conf: float = 1.0,
    word_conf: float = 1.0,
) -> tuple[str, float]:
    """The notation as printed, "<TYPE>-<ORGAN>[-<UNIT>]" or "<ORGAN>-<UNIT>" for a công văn: each part made
    the organ's own abbreviation (derived from its words), a type's or a known one when it reads as it with
    OCR's usual confusions (the Đ's stroke lost, 0/O, 1/I); a part read cleanly is kept as printed (an
    agency's abbreviation we have never seen: "TB-BQLKCN", "GCN-SNgV"), made the organ's own or a type's only
    when one letter differs ("SKHCH" of "Sở Khoa học và Công nghệ"); a visibly garbled part ("syT", "0D")
    is matched more loosely. ``ocr``: the notation was read by OCR, a letter no abbreviation prints there (a
    stray lower-case one, an "I" inside a part, a letter for the slash) is a misreading to guess at, in doubt;
    a text layer's is as printed. ``blurred``: read on a blurred photo, whose small letters may stand for any
    capital (``_hyphen_lost_loosely``, given the type ``heading``'s abbreviation: "CT"), whose hyphen may read
    as a colon (between parts shaped as abbreviations: ``_colon_parts``). ``conf``: how surely the line was
    read (a clean part read unsure may have lost its first letter: ``SURE_READ``); ``word_conf``: how surely
    the word(s) of the notation were (a part no list knows read in an unsure word: in doubt)."""
    s = nfc(raw).replace("Ð", "Đ").replace("—", "-").replace("–", "-").replace("_", "-")
    if ocr:
        # a blurred S read as a dollar sign ("GP-$LOTBXM" of "GP-SLĐTBXH", seed 485 alt 012): no abbreviation
        # prints one
        s = s.replace("$", "S")
    s = re.sub(r"\s+", "", s).strip(".,;:|")
    if "-" not in s:
        # the hyphen read as a dot ("cr.svHrrpL"; "oP.9NNMT" of "GP-SNNMT": an S read as a look-alike digit)
        s = re.sub(r"(?<=[^\W\d_])\.(?=[^\W\d_]|[89][^\W\d_]{2})", "-", s)
    own = organ_abbreviations(organ) if organ else ()
    printed = {*own, *KNOWN}  # (two keys fold alike: "HĐ" Hợp đồng and "HD" Hướng dẫn)
    exact = {_abbr_key(k): k for k in reversed((*own, *KNOWN)) if _restores(k, printed)}
    own_exact = {_abbr_key(k): k for k in reversed(own) if _restores(k, printed)}
    colon = False
    if "-" not in s and ocr and blurred and re.search(r"[^\W\d_]:[^\W\d_]", s):
        # ... or, on a blurred photo, as a colon ("8GDDT:VP" of "SGDĐT-VP"), between parts shaped as
        # abbreviations (not a line's words run together, "tai:Ha"): a guess, in doubt
        split_at = re.sub(r"(?<=[^\W\d_]):(?=[^\W\d_])", "-", s)
        if _colon_parts(split_at.split("-"), exact, printed):
            s, colon = split_at, True
    parts = [p for p in s.split("-")]
    fixed: list[str] = []
    quality = HYPHEN_MISREAD_QUALITY if colon else 1.0
    if len(parts) == 1 and (split := _hyphen_lost(re.sub(r"[^\w]", "", parts[0]), exact, own)) is not None:
        # a type's head read in lower case ("cTUBND", "crHC"): which capitals is a guess (REVIEW-34 L6)
        parts, quality = list(split), HYPHEN_MISREAD_QUALITY if split[0][:1].islower() else 0.85
    elif (
        len(parts) == 1
        and (split := _hyphen_misread(re.sub(r"^[^\w]+", "", parts[0]), own, printed, ocr=ocr)) is not None
    ):
        parts, quality = list(split), HYPHEN_MISREAD_QUALITY
    elif (
        ocr
        and blurred
        and len(parts) == 1
        and heading is not None
        and (split := _hyphen_lost_loosely(re.sub(r"[^\w]", "", parts[0]), exact, own, heading)) is not None
    ):
        # ... and on a blurred photo one of the organ's own letters read small as another ("crsxp" of
        # "CT-SXD" under "CHỈ THỊ"): a guess, in doubt
        parts, quality = list(split), HYPHEN_MISREAD_QUALITY
    for p in parts:
        # a sign read stuck before a part ("18®BND" of "188/UBND": the slash and a letter read as one mark)
        marked = re.match(r"[^\w]", p) is not None
        p = re.sub(r"[^\w]", "", p)  # a speck read into a part ("‹qLD"): parts are letters and digits
        if not p:
            continue
        if p in printed:  # read as printed, letter for letter: kept (not made its look-alike)
            fixed.append(p)
            continue
        key = _abbr_key(p)
        if key in exact and ("Đ" not in p or "Đ" in exact[key]):  # (a Đ read is never dropped)
            fixed.append(exact[key])
            continue
        if len(p) >= 3 and p[0] in "Il1|" and _abbr_key(p[1:]) in exact:
            # a stroke read before a part ("IQLD-VP": the slash's foot or a speck): the abbreviation after it
            fixed.append(exact[_abbr_key(p[1:])])
            quality = min(quality, 0.9)
            continue
        if ocr and not fixed and len(p) >= 3 and p[0] == "J" and _abbr_key(p[1:]) in own_exact:
            # a J read before the first part, the organ's own abbreviation after it ("JHC-VP" of the Cục Hóa
            # chất's "/HC-VP", seed 537 dev 004: kept "JHC" at 0.76): the slash's foot curled into a J's hook
            # (only the first part follows the slash; Vietnamese words give no J, and an organ's own
            # abbreviation led by a foreign one's J is not printed so): the organ's own abbreviation
            fixed.append(own_exact[_abbr_key(p[1:])])
            quality = min(quality, 0.9)
            continue
        u_key = _abbr_key("U" + p[2:])
        if ocr and len(p) >= 4 and p[0] == "L" and p[1] in _STROKES and u_key in exact:
            # a "U" read as its two stems, the left one with the bowl's foot an "L" ("CT-LIBND" of "CT-UBND"
            # on a blurred photo, seed 537 dev 001: made "LLBND"): the abbreviation so read, in doubt
            fixed.append(exact[u_key])
            quality = min(quality, TWO_FOR_ONE_QUALITY)
            continue
        k = _abbr_key("S" + p[1:])
        if len(p) >= 3 and p[0] in _S_DIGITS and k in exact and exact[k][0] == "S":
            # a blurred S read as its look-alike digit ("GP-8LĐTBXH", "9NNMT" of "SNNMT"): an abbreviation
            # opens with a letter, the S of the organ's own or a known one read so, a little unsure
            fixed.append(exact[k])
            quality = min(quality, S_DIGIT_QUALITY)
            continue
        if (
            len(p) >= 4
            and p[-1] in _STROKES
            and p[-2].isalpha()
            and (k := _abbr_key(p[:-1])) in exact
            and ("Đ" not in p or "Đ" in exact[k])
        ):
            # a stroke or a speck read after a known part ("GP-SGTVTI": the page's rule, a mark): the
            # abbreviation before it, in doubt (a part printed with one more letter is another's)
            fixed.append(exact[_abbr_key(p[:-1])])
            quality = min(quality, TRAILING_STROKE_QUALITY)
            continue
        # the first part: a type prefix, or the organ's own abbreviation for a công văn
        near = [*NOTATION_TYPES, "UBND", *own] if not fixed else [*own, "UBND"]
        garbled = _garbled(p)
        # a visibly garbled first part one letter from the type heading's abbreviation (",ccn-syr" of
        # "/GCN-SYT" under "GIẤY CHỨNG NHẬN", its "G" read "c", seed 813 corp 013: made the known "CC" by
        # likeness, which the heading no longer fitted): Decree 30 opens the notation with it
        rep = (
            (heading, HEADING_FIT_QUALITY)
            if ocr
            and garbled
            and not fixed
            and heading
            and len(key) >= 3
            and _substitutions(key, _abbr_key(heading)) == 1
            else None
        ) or (
            _nearest(key, near, strict=not garbled)
            or _one_letter_more(p, near)
            or _two_for_one(p, near, taken={*fixed, *(_abbr_key(q) for q in parts if q != p)})
            or _one_letter_lost(p, near)
        )
        if rep is None and garbled:
            # (a two-letter part after the organ's own abbreviation is a unit's, "STC-tH": no organ again)
            two = fixed and not any(f in own for f in fixed)
            rep = (
                _own_in_place(key, own)
                or (_own_of_two(key, own) if two else None)
                or (_own_looked_alike(key, own) if fixed else None)
            )
        if rep is None and (garbled or (ocr and len(p) == 1 and p.isalpha() and p.isupper())) and fixed:
            # (a part of one capital may be one of the organ's own with its head lost too: "GP-C" of the Cục
            # Hóa chất's "GP-HC" on a blurred photo, seed 615 dev 005, its "H" lost; a digit is no letter
            # lost, "QĐ-UBND-1"; none of the organ's own so read, it is as printed, below)
            rep = _head_lost(key, own)
        if rep is None and ocr and garbled and not fixed and len(p) >= 2 and p[0] in _SLASH_GLUED:
            # the slash and the first part's capital read as one letter ("mc-vp" of the Cục Hóa chất's
            # "/HC-VP" on a bitonal scan, seed 445 dev 004: the notation dropped as garbled): the organ's own
            # abbreviation it reads as, in doubt
            rep = _slash_glued(p, (*own, "UBND"))
        if rep is None and ocr and garbled and not fixed and len(p) >= 4 and p[0] in _SLASH_READ:
            # the slash read as a letter before the first part ("sø: 1410 rusND-Kr" of "1410/UBND-KT", seed
            # 287 alt 011: the notation dropped as garbled): the organ's own abbreviation after it, in doubt
            rep = _own_in_place(_abbr_key(p[1:]), (*own, "UBND"))
            rep = None if rep is None else (rep[0], min(rep[1], STRAY_LOWER_QUALITY))
        if rep is None and ocr and not garbled and _stray_lower(p):
            # a lower-case letter no abbreviation prints there ("QĐ-Tv" of the Cục Thú y's "TY", "GP-QLp" of
            # the Cục Quản lý Dược's "QLD"): the organ's own abbreviation it reads like, in doubt; a unit's
            # part after it, its letter the capital only one look-alike gives ("Kr" of "KT"), in doubt
            two = fixed and not any(f in own for f in fixed)
            rep = (
                _own_in_place(key, own)
                or (_own_of_two(key, own) if two else None)
                or (_capitals_of(p) if fixed else None)
            )
            rep = None if rep is None else (rep[0], min(rep[1], STRAY_LOWER_QUALITY))
        if rep is None and ocr and fixed and not garbled and (near_own := _stroke_and_one_more(p, own)):
            # a long abbreviation of the organ's own read with a stroke inside it and one letter misread
            # ("SVMTTDIL" of the Sở Văn hóa, Thể thao và Du lịch's "SVHTTDL" on a blurred photo, seed 467 alt
            # 013: "SVMTTDLL" was made of it): that one, in doubt
            rep = (near_own, STRAY_LOWER_QUALITY)
        if rep is None and ocr and fixed and not garbled and _lone_i(p):
            # a capital "I" inside a unit's part ("SVHTTDL-QIVH" of "QLVH", seed 295 alt 011): no Vietnamese
            # word an abbreviation takes the initial of starts with an I; a blurred "L" it is, in doubt (two
            # strokes side by side, "UIIND", are a letter read as two: ``_two_for_one``)
            rep = (p.replace("I", "L"), STRAY_LOWER_QUALITY)
        if rep is None and ocr and not garbled and (stroke := _i_for_stroke(p, (*own, "UBND"))) is not None:
            # an "I" where the organ's own abbreviation has a "T" or an "L" ("CVI" of the Cục Viễn thông's
            # "CVT", its bar lost on a bitonal scan, seed 395 alt 011: kept as printed at 0.70): no word an
            # abbreviation takes the initial of opens with an "I"; in doubt
            rep = (stroke, STRAY_LOWER_QUALITY)
        if rep is None and ocr and not garbled and (whole := _last_letter_lost(p, own)) is not None:
            # the organ's own abbreviation read without its last letter ("CT-SGTV" of the Sở Giao thông vận
            # tải's "CT-SGTVT", seed 849 corp 008: kept as read at 0.78; OCR drops a word's last letter at its
            # box's end): the whole one, in doubt (an organ printing a shorter one of its own is rare)
            rep = whole
        if rep is None and ocr and not garbled and (marked or conf < SURE_READ):
            # a part in capitals no list knows, read unsure or with a sign stuck before it, that the header's
            # organ abbreviates (4 letters or more) with a letter more before it ("18®BND-KT" of
            # "188/UBND-KT", its "U" read into the slash, at 0.45: kept "BND-KT"): the organ's own, in doubt.
            # Not read surely: a Phòng prints its own without its "P" ("BC-KTHT" under "Phòng Kinh tế và Hạ
            # tầng"), a Tổng cục or a Trung tâm its own without its first "T" ("QĐ-CHQ", "QĐ-TDVVL")
            rep = _head_lost(key, own, sizes=range(4, len(key) + 2))
        if rep is None and ocr and not garbled:
            # ... or as long, with one or two look-alike capitals ("GCN-UBMO" of "GCN-UBND" on a blurred
            # photo: kept as read at 0.85), its first two letters as printed: the organ's own, in doubt
            rep = _own_looked_alike(key, own, head=2, most=2, shortest=4)
        if rep is None and garbled and (len(p) >= 4 or (not fixed and len(p) >= 3)):
            rep = _nearest(key, [k for k in KNOWN if _restores(k, printed)], strict=False)
        if rep is not None and (full := _kind_head_lost(rep[0], own, organ)) is not None:
            # the organ's own abbreviation without its kind word's letter ("GTVT" of "SGTVT"), reached by a
            # guessed letter ("GrvT" of "/SGTVT" on a dim photo, seed 625 dev 011: "GTVT-QLCL" at 0.61): the
            # misreading may have taken the head letter too; a Sở's is printed with it, in doubt
            rep = (full, min(rep[1], ONE_LOST_QUALITY))
        if rep is not None:
            fixed.append(rep[0])
            quality = min(quality, rep[1])
            continue
        fixed.append(p)
        # (an organ with a word led by Đ may print it in the part: "QĐ-DS" of a railway's "Đường sắt")
        explained = _d_explained(p) and not any(w[:1] == "Đ" for w in nfc(organ or "").upper().split())
        quality = min(quality, UNKNOWN_PART if explained else UNKNOWN_PART_WITH_D)
        if ocr and len(fixed) > 1 and word_conf < SURE_READ:
            # (a part after the first: the first, a type's or the organ's, is fitted to the heading's and the
            # organ's abbreviations after, ``fit_notation``: "QĐĐ" of "QĐ" under "QUYẾT ĐỊNH")
            quality = min(quality, UNKNOWN_UNSURE_QUALITY)
        if ocr and len(fixed) == 1 and p[0] in "Jj":
            # a J leading the first part, where the slash's foot may be read as one ("JPC-VP"): no
            # abbreviation of Vietnamese words opens with it (the alphabet has none), kept as read only in
            # doubt; a J in a later part or inside one ("HĐ-JV", "CV-JSC", "QĐ-VJC": a foreign partner's) is
            # as printed
            quality = min(quality, STRAY_LOWER_QUALITY)
    if len(fixed) == 1 and (fixed[0] not in printed or len(_abbr_key(fixed[0])) < len(_abbr_key(s))):
        # one part no list has ("CTSYT": its hyphen lost where no rule finds it), or a known one made of a
        # reading with more letters ("ctubnd" → "UBND": the type's letters dropped): no sure notation
        quality = min(quality, HYPHEN_MISREAD_QUALITY)
    return "-".join(fixed), quality


# a letter the printed slash and the capital after it are read as together, and the capitals it stands for
# there ("/H" read "m": the slash's stroke and the H's two stems)
_SLASH_GLUED = {"m": "HN"}


def _slash_glued(part: str, candidates: tuple[str, ...]) -> tuple[str, float] | None:
    """The one abbreviation of ``candidates`` a first part opening with a letter the slash and a capital
    read as together (``_SLASH_GLUED``) is, that capital for the letter and the rest as read; None for none
    or more than one. In doubt (``STRAY_LOWER_QUALITY``)."""
    key = _abbr_key(part[1:])
    hits = {
        ab
        for ab in candidates
        if len(ab) == len(part) and ab[0] in _SLASH_GLUED[part[0]] and _abbr_key(ab[1:]) == key
    }
    return (hits.pop(), STRAY_LOWER_QUALITY) if len(hits) == 1 else None


def _hyphen_lost(part: str, exact: dict[str, str], own: tuple[str, ...]) -> tuple[str, str] | None:
    """A notation read as one part, its hyphen lost ("TIrUBND" of "TTr-UBND"): a type's abbreviation (as
    read; of three letters or four, one may be misread; of two, one read small as its look-alike,
    ``_LOOK_ALIKE``: "crHC" of "CT-HC" on a dim photo) run into the organ's own abbreviation or
    UBND (read as printed), the two parts; None when the part is not so made (an abbreviation of its own:
    "SGDĐT"). The type's part is given as read: a misread one is made the heading's (``fit_notation``)."""
    key = _abbr_key(part)
    if key in exact:
        return None
    types = [_abbr_key(t) for t in NOTATION_TYPES]
    for tail in (*own, "UBND"):
        k = _abbr_key(tail)
        head = part[: len(part) - len(k)]
        if not key.endswith(k) or not 2 <= len(head) <= 4 or not head[0].isalpha():
            continue
        h = _abbr_key(head)
        allowed = 1 if len(h) > 2 else 0  # one letter of two misread could be most types
        if head[0].isupper() and any((d := _substitutions(h, t)) is not None and d <= allowed for t in types):
            return head, part[len(head) :]
        # (a look-alike letter read as a capital is print: "CEHC", "KNHC" are a unit's own abbreviation)
        if len(h) == 2 and any(_look_alike(h, t) and head[_differs_at(h, t)].islower() for t in types):
            return head, part[len(head) :]
        if h in types and all(ch.isupper() or ch in _SMALL_CAPITALS for ch in head):
            return head, part[len(head) :]  # "cTUBND" of "CT-UBND": a capital read small, its shape the same
    return None


def _colon_parts(parts: list[str], exact: dict[str, str], printed: set[str]) -> bool:
    """Parts a colon split that are abbreviations' shape: each of capitals (an S read as its look-alike
    digit, ``_S_DIGITS``, one: "8GDDT") or printed so ("TTr"), one of them a known one or the organ's own
    (``exact``); not a line's words run together ("tai:Ha")."""
    shaped = [("S" + p[1:] if p[:1] in _S_DIGITS else p) for p in (re.sub(r"[^\w]", "", q) for q in parts)]
    return all(p in printed or re.fullmatch(r"[A-ZĐ]+", p) for p in shaped) and any(
        _abbr_key(p) in exact for p in shaped
    )


def _shaped_as(head: str, abbreviation: str) -> bool:
    """A notation's head read as a type's ``abbreviation`` by its letters' shape: each letter the
    abbreviation's, or its capital read small where the two look the same (``_SMALL_CAPITALS``: "c" of "C"),
    one at most read as its small look-alike (``_LOOK_ALIKE``: "r" of "T"); "cr" of "CT", not "th"."""
    if len(head) != len(abbreviation):
        return False
    alike = 0
    for h, a in zip(head, abbreviation, strict=True):
        if h == a or (h.islower() and h == a.lower() and h in _SMALL_CAPITALS):
            continue
        if h.islower() and frozenset((h, fold(a).lower())) in _LOOK_ALIKE:
            alike += 1
            continue
        return False
    return alike <= 1


def _hyphen_lost_loosely(
    part: str, exact: dict[str, str], own: tuple[str, ...], heading: str
) -> tuple[str, str] | None:
    """A notation read as one part, its hyphen lost, its head the type ``heading``'s abbreviation by shape
    (``_shaped_as``), with one letter of the organ's own abbreviation (or UBND: three letters or more) read
    as a small letter that is not it: a blurred photo's "crsxp" of "/CT-SXD" (its "D" read "p"), "cruaND" of
    "/CT-UBND" (its "B" read "a"), under "CHỈ THỊ"; the head as read and the abbreviation itself, when it is
    the only one so read; None otherwise (a lower-case word: "thuxd")."""
    key = _abbr_key(part)
    if key in exact:
        return None
    found: set[tuple[str, str]] = set()
    for tail in (*own, "UBND"):
        k = _abbr_key(tail)
        n = len(k)
        if n < 3 or len(part) <= n:
            continue
        read = part[-n:]
        diff = [i for i, (a, b) in enumerate(zip(_abbr_key(read), k, strict=True)) if a != b]
        if len(diff) != 1 or not read[diff[0]].islower():
            continue
        if _shaped_as(part[:-n], heading):
            found.add((part[:-n], tail))
    return found.pop() if len(found) == 1 else None


# letters whose small form is their capital's shape, smaller (OCR reads a capital so on a poor scan)
_SMALL_CAPITALS = frozenset("cosuvwxz")


# a hyphen read as a mark made one again is a guess: in doubt
HYPHEN_MISREAD_QUALITY = 0.55
# the unit's part after it: a few capitals (a Đ among them)
_UNIT_PART = re.compile(r"^[A-ZĐ][A-Za-zĐđ]{1,5}$")


def _hyphen_misread(
    part: str, own: tuple[str, ...], printed: set[str], *, ocr: bool = True
) -> tuple[str, str] | None:
    """A công văn's notation read as one part, its hyphen read as a mark or a letter ("SGTVTXVP" of
    "SGTVT-VP" on a dim photo, seed 157 dev 004: taken at 0.69 as read): the organ's own abbreviation (of
    three letters or more) or UBND as printed, one mark, then a unit's few capitals, the two parts; None
    when the part is an abbreviation known or so made ("VPUBND")."""
    if part in printed or _abbr_key(part) in {_abbr_key(k) for k in printed}:
        return None
    heads = [h for h in (*own, "UBND") if len(h) >= 3 and _led_by(part, h, ocr=ocr)]
    hits = {
        (head, _lost_or_mark(part[len(head) :], ocr=ocr))
        for head in heads
        if _UNIT_PART.match(part[len(head) + 1 :])
    }
    if ocr:
        # ... or lost, a known unit's abbreviation right after it ("CVTVP" of the Cục Viễn thông's "CVT-VP"
        # on a blurred photo, seed 315 alt 004: taken as read); after UBND any unit's few capitals: no organ
        # prints an abbreviation of its own that runs on from the people's committees' ("/uBNDKT" of
        # "/UBND-KT" on a blurred photo, seed 425 alt 011: "UBND" kept, the unit lost)
        hits |= {
            (head, part[len(head) :])
            for head in heads
            if part[len(head) :] in KNOWN
            or (
                head == "UBND"
                and _UNIT_CAPITALS.match(part[len(head) :])
                and not _UNIT_PART.match(part[len(head) + 1 :])
            )
        }
        # ... or a two-letter one, the known unit's first letter after it read small ("HCvP" of the Cục Hóa
        # chất's "HC-VP" on a photo, seed 383 dev 004): no abbreviation prints a small letter first
        hits |= {
            (head, rest.upper())
            for head in own
            if len(head) == 2
            and part.startswith(head)
            and (rest := part[len(head) :])[:1].islower()
            and rest[1:].isupper()
            and rest.upper() in KNOWN
        }
    return hits.pop() if len(hits) == 1 else None


# a unit's part after UBND, its hyphen lost: two to six capitals (a Đ among them)
_UNIT_CAPITALS = re.compile(r"^[A-ZĐ]{2,6}$")


def _led_by(part: str, head: str, *, ocr: bool) -> bool:
    """Whether ``part`` opens with the abbreviation ``head``; read by OCR, a capital of it may be read small
    as its look-alike (``_SMALL_CAPITALS``: "uBND" of "UBND" on a blurred photo)."""
    if not ocr:
        return part.startswith(head)
    return len(part) >= len(head) and all(
        c == h or (c in _SMALL_CAPITALS and c.upper() == h) for c, h in zip(part, head, strict=False)
    )


# the letters a hyphen is read as (its bar crossed by a speck or the blur: "SGTVTXVP" of "SGTVT-VP")
_HYPHEN_LETTERS = frozenset("Xx")


def _lost_or_mark(rest: str, *, ocr: bool) -> str:
    """The unit's part after the organ's abbreviation when its first mark may be the hyphen misread (``rest``
    then unit-shaped after it): the mark dropped, unless it is a capital no hyphen is read as
    (``_HYPHEN_LETTERS``) and no list knows the unit without it: then the hyphen was lost and the capital is
    the unit's ("SYTTCCB" of "SYT-TCCB" on a dim bitonal photo, seed 425 dev 011, was made "SYT-CCB"); a
    known unit after the mark ("SGTVTXVP": "VP") says the mark was the hyphen."""
    if ocr and rest[:1].isupper() and rest[:1] not in _HYPHEN_LETTERS and rest[1:] not in KNOWN:
        return rest
    return rest[1:]


def _differs_at(a: str, b: str) -> int:
    """Where two keys of the same length first differ (their length when they do not)."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y), len(a))


def _look_alike(a: str, b: str) -> bool:
    """Two keys of the same length that differ in one letter, read as its look-alike (``_LOOK_ALIKE``)."""
    if len(a) != len(b):
        return False
    diff = [frozenset((x, y)) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0] in _LOOK_ALIKE


def _own_in_place(key: str, own: tuple[str, ...]) -> tuple[str, float] | None:
    """The organ's own abbreviation a visibly garbled part is a misreading of, letter for letter: as long as
    it (3 letters or more), the same first letter and at least half of its letters in their places
    ("svHrrpL" of the Sở Văn hóa, Thể thao và Du lịch's SVHTTDL: its T read r, its D p; "cvr" of the Cục
    Viễn thông's CVT)."""
    for ab in own:
        k = _abbr_key(ab)
        if len(k) >= 3 and len(k) == len(key) and k[0] == key[0]:
            same = sum(a == b for a, b in zip(k, key, strict=True))
            if 2 * same >= len(k):
                return ab, 0.75
    return None


# letters a blurred capital is misread as, folded (both ways): "H" read "n", "b", "k", "u" or "m"; "T" read
# "r" or "f"; "C" read "e" or "o"; "V" read "u"; "N" read "m" or "u"; "Y" read "v" ("QĐ-Tv" of "QĐ-TY"); "D"
# read "O" or "Q" (its bowl: "UBMO" of "UBND" on a blurred photo)
_LOOK_ALIKE = frozenset(
    frozenset(pair)
    for pair in ("hn", "hb", "hk", "hu", "hm", "rt", "ft", "ce", "co", "eo", "uv", "nu", "mn", "vy", "do")
)


def _own_looked_alike(
    key: str, own: tuple[str, ...], *, head: int = 1, most: int | None = None, shortest: int = 3
) -> tuple[str, float] | None:
    """The one abbreviation of the organ's own (``shortest`` letters or more) a part is read as letter for
    letter, its first ``head`` letters as printed and each other one as printed or as its blurred look-alike
    (``_LOOK_ALIKE``), at most ``most`` of them so: "svr" of the Sở Y tế's "SYT" (a visibly garbled part
    after the first: "/QĐ-SYT" read ";qp-svr" beside a tall written number, seed 813 corp 000: its "Y" read
    "v", its "T" "r"; fewer than half its letters in their places for ``_own_in_place``); "UBMO" of "UBND"
    (a clean part in capitals no list knows, its first two letters in place, at most two look-alikes). In
    doubt (``STRAY_LOWER_QUALITY``): a guess."""
    hits = {
        ab
        for ab in own
        if len(k := _abbr_key(ab)) >= shortest
        and len(k) == len(key)
        and k[:head] == key[:head]
        and all(a == b or frozenset((a, b)) in _LOOK_ALIKE for a, b in zip(k, key, strict=True))
        and (most is None or sum(a != b for a, b in zip(k, key, strict=True)) <= most)
    }
    return (hits.pop(), STRAY_LOWER_QUALITY) if len(hits) == 1 else None


# a two-letter part made the organ's own abbreviation so is at most this sure (x the line's: review)
OWN_OF_TWO_QUALITY = 0.55


def _own_of_two(key: str, own: tuple[str, ...]) -> tuple[str, float] | None:
    """The organ's own two-letter abbreviation a visibly garbled two-letter part after the type is, one of
    its letters misread as a look-alike (``_LOOK_ALIKE``: "nc" of the Cục Hóa chất's HC, a blurred "H" read
    "n"), when no other of its own two-letter abbreviations is as near; in doubt (a unit's two letters
    garbled, "tH", may be any unit's: "TC" is a guess)."""
    if len(key) != 2:
        return None
    hits = []
    for ab in own:
        k = _abbr_key(ab)
        if len(k) != 2:
            continue
        diff = [frozenset((a, b)) for a, b in zip(key, k, strict=True) if a != b]
        if len(diff) <= 1 and all(d in _LOOK_ALIKE for d in diff):
            hits.append(ab)
    return (hits[0], OWN_OF_TWO_QUALITY) if len(hits) == 1 else None


def _one_letter_more(part: str, candidates: list[str]) -> tuple[str, float] | None:
    """The organ's own abbreviation, UBND or a type read with one capital letter too many ("UBRND": a
    speck or a stroke read as a letter); a lower-case letter in it is printed ("SNgV" is not "SNV") where
    Decree 30 prints one (``_PRINTED_LOWER``). One no abbreviation prints there ("SsNNMT" of the Sở Nông
    nghiệp và Môi trường's "SNNMT" on a clean scan, wide seed 709 alt 000: kept at 0.25) is a speck read as a
    letter too, the candidate in doubt (``STRAY_LOWER_QUALITY``)."""
    keys = {_abbr_key(c): c for c in reversed(candidates)}
    # only a part one letter longer than a candidate can be one (bounded work on a crafted part of
    # thousands of capitals: each try copies and folds the part)
    if len(part) < 5 or len(part) - 1 not in {len(k) for k in keys}:
        return None
    # inside the part only: a last or first letter more is a longer name's ("CDLQGVN" of an organ read
    # without its last line "NAM" is not "CDLQGV")
    for i, ch in enumerate(part[1:-1], 1):
        stray = ch.islower() and part[i - 1 : i + 1] not in _PRINTED_LOWER
        if (ch.isupper() or ch.isdigit() or stray) and (hit := keys.get(_abbr_key(part[:i] + part[i + 1 :]))):
            return hit, STRAY_LOWER_QUALITY if stray else 0.8
    return None


def _two_for_one(
    part: str, candidates: list[str], *, taken: Collection[str] = ()
) -> tuple[str, float] | None:
    """The organ's own abbreviation, UBND or a type with one capital inside it read as two strokes
    ("GCN-UIIND" of "GCN-UBND": a blurred "B" read as its stem and a stroke, "II"), when one candidate
    alone is so read and no other part of the notation is it (``taken``, parts and their keys: "SHTT-SHTT"
    is no notation). Only a pair of stroke look-alikes (``_STROKES``): two clean capitals are print
    ("SHTT-STTTT" is a unit's own, review s21). In doubt (``TWO_FOR_ONE_QUALITY``): a guess."""
    keys = {_abbr_key(c): c for c in reversed(candidates)}
    if len(part) < 5 or len(part) - 1 not in {len(k) for k in keys}:
        return None
    key = _abbr_key(part)
    hits = set()
    # inside the part only, as ``_one_letter_more``: its first and last letters as read
    for i in range(1, len(part) - 2):
        if not (part[i] in _STROKES and part[i + 1] in _STROKES):
            continue
        for k, c in keys.items():
            if (
                len(k) == len(key) - 1
                and key[:i] == k[:i]
                and key[i + 2 :] == k[i + 1 :]
                and k[i] not in key[i : i + 2]
            ):
                hits.add(c)
    hits = {c for c in hits if c not in taken and _abbr_key(c) not in taken}
    return (hits.pop(), TWO_FOR_ONE_QUALITY) if len(hits) == 1 else None


# letters a vertical stroke (a blurred capital's stem, a rule's end, a speck) is read as
_STROKES = frozenset("Il|1J")
_S_DIGITS = frozenset("89")  # digits a blurred photo reads for an S ("Số" read "96", "GP-8LĐTBXH")
S_DIGIT_QUALITY = 0.9
# a capital read as two strokes made one again is a guess: in doubt, as a letter lost
TWO_FOR_ONE_QUALITY = 0.55
# a stroke read after a known part dropped is a guess as well (the part may be printed so)
TRAILING_STROKE_QUALITY = 0.55


def _one_letter_lost(part: str, candidates: list[str]) -> tuple[str, float] | None:
    """The organ's own abbreviation, UBND or a type read with one capital inside it lost ("426/UND-VP" of
    "UBND-VP": a blurred photo's "B" merged into its neighbours), when one candidate alone is so read: a
    part of three capitals, the candidate one letter longer, its first and last letters as read. Three
    only: a longer part may be the organ's own printed another way ("SVHTDL" of the Sở Văn hóa, Thể thao
    và Du lịch, listed "SVHTTDL"). In doubt (``ONE_LOST_QUALITY``)."""
    if len(part) != 3 or not part.isupper():
        return None
    key = _abbr_key(part)
    hits = {
        c
        for c in candidates
        if len(k := _abbr_key(c)) == len(key) + 1
        and any(k[:i] == key[:i] and k[i + 1 :] == key[i:] for i in range(1, len(key)))
    }
    return (hits.pop(), ONE_LOST_QUALITY) if len(hits) == 1 else None


ONE_LOST_QUALITY = 0.55
# a notation read at least this surely: a clean part in capitals is as printed, not the organ's own with its
# first letter lost (``_head_lost``)
SURE_READ = 0.8


def _last_letter_lost(part: str, candidates: tuple[str, ...]) -> tuple[str, float] | None:
    """The one abbreviation of ``candidates`` (the organ's own, derived from its name: four letters or more)
    a part of capitals reads as with its last letter lost ("SGTV" of "SGTVT"), in doubt
    (``ONE_LOST_QUALITY``): which letter was lost, or none, the reading does not tell. Only the organ's
    own: "UBN-VP" with no organ read is kept as read (an existing rule: UBND's letters lost inside only)."""
    if len(part) < 3 or not part.isupper():
        return None
    key = _abbr_key(part)
    hits = {c for c in candidates if len(k := _abbr_key(c)) == len(key) + 1 and len(k) >= 4 and k[:-1] == key}
    return (hits.pop(), ONE_LOST_QUALITY) if len(hits) == 1 else None


def _kind_head_lost(ab: str, own: tuple[str, ...], organ: str | None) -> str | None:
    """The abbreviation a part guessed to be ``ab``, one of the organ's own without its kind word's letter
    ("GTVT", "QLD"), stands for: a Sở prints its "S" (SGTVT, SYT), whose loss a misreading hides, so its
    full one; a Cục or a Vụ mostly leaves its letter out ("QLD"), so ``ab`` itself. None when ``ab`` is no
    such abbreviation; either way the caller holds it in doubt (the head letter may or may not be lost)."""
    full = next((o for o in own if len(o) == len(ab) + 1 and o.endswith(ab)), None)
    if full is None or ab not in own or ab == own[0]:
        return None
    return full if fold(squash(nfc(organ or ""))).startswith("so ") else ab


def _head_lost(key: str, own: tuple[str, ...], *, sizes: range = range(2, 4)) -> tuple[str, float] | None:
    """The organ's own abbreviation (of ``sizes`` letters: two or three) read with its first letter lost:
    garbled after the hyphen ("y" of "GCN-TY" read "/ecN-y" for the Cục Thú y, seed 273 alt 013: the
    notation dropped as garbled); with ``sizes`` 4 letters or more, a clean part read unsure or with a sign
    stuck before it ("BND" of UBND); when one of its own is so read, in doubt (``ONE_LOST_QUALITY``)."""
    hits = {o for o in own if len(o) in sizes and len(k := _abbr_key(o)) == len(key) + 1 and k[1:] == key}
    return (hits.pop(), ONE_LOST_QUALITY) if len(hits) == 1 else None


def _nearest(key: str, candidates: list[str], *, strict: bool) -> tuple[str, float] | None:
    """The candidate ``key`` is a misreading of: ``strict``, one letter substituted in a key of 4 letters or
    more (two in 7 or more); else a fuzzy match of 80 % (an abbreviation one letter longer that ends with the
    part is another one: "ATBXHN" is not "CATBXHN")."""
    if strict:
        if len(key) < 4:
            return None
        allowed = 2 if len(key) >= 7 else 1
        best = min(
            ((d, c) for c in candidates if (d := _substitutions(key, _abbr_key(c))) is not None),
            default=None,
        )
        if best is None or best[0] > allowed:
            return None
        return best[1], 1.0 - best[0] / len(key)
    pool = {_abbr_key(k): k for k in reversed(candidates)}
    hit = process.extractOne(key, list(pool), scorer=fuzz.ratio, score_cutoff=80)
    if hit is None or len(key) < 3 or (len(hit[0]) == len(key) + 1 and hit[0].endswith(key)):
        return None
    return pool[hit[0]], float(hit[1]) / 100.0


_SLASHES = str.maketrans({"⁄": "/", "∕": "/", "／": "/"})


def slashes(text: str) -> str:
    """The slash as OCR may give it (a fraction slash "71⁄GP-STP", a division slash) made "/"."""
    return text.translate(_SLASHES)


# a stroke of the handwritten number may read as a quote before the slash ("Số: 22'/BC-HC")
# a document cited in running text ("số 15/2020/NĐ-CP của Chính phủ", a "V/v" line's second line): "số" in
# small letters, no colon, and words in small letters after the cited number; no document's own "Số:" line
CITED = re.compile(r"^\s*số\s+\d{1,6}\s*/\S+(?:\s+\S*[a-zà-ỹđ]\S*){2,}")
NUMBER = re.compile(r"([0-9oOlI]{1,6})['’`]?\s*/\s*(?:((?:19|20)\d{2})\s*/\s*)?([^\s/]+(?:\s*-\s*[^\s/]+)*)")
# "Số:", the number line's label (folded), as OCR may read it: "Sô:", "S6:", "Se:", "sø:", "96:", also "Sứ"
# (its colon lost: "Số" without one is an address's, "Số 12B-Lê Lợi", or "hồ sơ"). The number's reading here
# and the handwriting pass's blank for it (handdigits) go by this one label
SO_WORD = re.compile(r"^\s*\W?(?:[s59][o0ô6eø]\S?\s*[:;.,]|su\s*[:;.,]?(?=\s|$))")
# "Số: 9GCN-STNMT" (the slash lost), "số: 2919 mc-vp" (lost, the notation in lower case after a space),
# "số: 1079 ,GP-UBND" (read as a comma, or a semicolon: "Số: 1300 ;qp-svr", seed 813 corp 000), "Sẽ:
# 47'GP-UBND" (as an apostrophe, a blurred photo: a type's capitals after it, not a quote's one letter, "Số: 5
# 'A-B'")
NOSLASH = re.compile(
    r"^\s*+\S{1,3}\s*+[:;.,]?\s*+([0-9]{1,6})()(?:\s*[,;]\s*|\s*['’`]\s*(?=[A-ZĐÐ]{2})|\s*(?=[A-ZĐÐ])|\s+)"
    # (a speck read as a dot inside a part: "CDI.QGVN")
    r"([A-Za-zĐđÐ][A-Za-zĐđÐ]{0,7}\s*-\s*[A-Za-zĐđÐ0-9]+(?:\.[A-Za-zĐđÐ]{2,})?(?:-[A-Za-zĐđÐ0-9]+)*)"
)
# ... or after the slash read as a comma, a letter of the type read as a digit (",C1-UBND" of "/CT-UBND", seed
# 365 alt 008); not without the comma ("Số: 1 Z43QĐ-UBND" is a written number glued to its notation, review
# 32: "1" was taken at 0.92)
NOSLASH_COMMA = re.compile(
    r"^\s*+\S{1,3}\s*+[:;.,]?\s*+([0-9]{1,6})()\s*,\s*"
    r"([A-Za-zĐđÐ][A-Za-zĐđÐ0-9]{0,7}\s*-\s*[A-Za-zĐđÐ0-9]+(?:-[A-Za-zĐđÐ0-9]+)*)"
)
# (a type's capitals glued to the digits, then an organ's after the hyphen: "1724GCN-QLD"; an address's
# house number is not one, "Số 12B-Lê Lợi")
_SO_GLUED = re.compile(r"^\W?[sS5]\S{0,2}\s*[:;.,]?\s*\d{1,6}[A-ZĐÐ]{2,}\s*-\s*[A-ZĐÐ]{2,}")
# (a "5" glued to the digits is the number's first digit, not the label: "56 /GCN-SNNMT" of a pen's "56" whose
# "Số:" the reading lost was taken "6", seed 867 alt 013)
SO = re.compile(r"^\s*(?:[sš]|5(?!\d))[^\s\d]{0,2}\s*[:;.,]?\s*(?=[0-9oOlI]{1,6}['’`]?\s*/)")
# "Số: ## /CT-UBND", "Số: 72#QĐ-TTg": whatever stands for the number, then the printed notation (its
# slash also read as a comma, as ``NOSLASH`` takes it: "Số: … ,Gp-UBND" of an unread written "706", seed 181
# alt 012)
_HAND_NUMBER = re.compile(
    r"^\s*\W?\s*s[o0ô6ø]\S?\s*[:;.,]\s*\S{0,5}?\s*[/#|\\,]?\s*([a-zđ]{1,6}(?:\s*-\s*[a-zđ]{1,8}){1,2})\b"
)
_SO_HEAD = r"^\s*\W?\s*s[o0ô6øe]\S?\s*[:;.,]"  # "Số:", also read "sø:", "sẽ:"
# a handwritten number read as anything up to its printed slash, the notation after it read without its
# hyphen ("Số: … /TTrQLD" of an unread "763" and "/TTr-QLD" on a blurred photo, seed 181 dev 010): taken in
# doubt (``TYPE_FIT_CONF``, where the hyphen stood is a guess); ``fit_notation`` puts it back after the
# heading's abbreviation, or the notation stays garbled and is dropped. The letters end the line: "/UBND VP"
# is a notation whose hyphen was read as a space, not "UBND"
_NO_HYPHEN = re.compile(_SO_HEAD + r"[^/]{0,12}/\s*([a-zđ]{4,14})(?=\s*[.,;]?\s*$)")
# the handwritten number's strokes read as anything up to the printed slash ("Số: đ -Í Z /QĐ-SYT", "sø: 2-2Z
# /cr-‹qLD"), or as spaced digits without it ("Số: 2 1 0 uBND-vP"): the printed notation after them
_HAND_NUMBERS = (
    # (the type's first letter may read as a digit: "sø: 2ð 5Ï /6p-QLG" for "/GP-QLG")
    # (its hyphen may read as a dot: "sẽ: 1 ƒ7j/op.syr" for "/QĐ-SYT")
    # (a công văn's first part is its organ's abbreviation, up to eight letters: "… /sVHTTDL-QLDL")
    re.compile(_SO_HEAD + r"[^/]{0,12}/\s*\W?([0-9]?[a-zđð]{1,8}(?:\s*[-.]\s*\W?[a-zđð]{1,8}){1,2})\b"),
    _HAND_NUMBER,
    # ... or as digits and marks ("số: 24 6 ( fTTr-ATTP": the slash read as "(" and an "f")
    re.compile(_SO_HEAD + r"[\d\s()\[\]{}|\\#'\"]{0,12}\s([a-zđ]{2,6}(?:\s*-\s*[a-zđ]{1,8}){1,2})\b"),
    _NO_HYPHEN,
)
# ... on a blurred photo, also with its organ's part led by an S read as its look-alike digit ("số. … /QD-
# 9VHTTDL" of an unread "2843" and "/QĐ-SVHTTDL", seed 513 alt 000): taken in doubt (``TYPE_FIT_CONF``)
_HAND_S_DIGIT = re.compile(_SO_HEAD + r"[^/]{0,12}/\s*\W?([a-zđð]{1,4}\s*[-.]\s*[89][a-zđð]{2,8})\b")
# "Số:" and what follows it at the end of another line (the number line read into the organ's), also without
# its colon before the number's digits ("CỤC QUẢN LÝ DƯỢC Số 7ðđc QLD")
SO_IN_LINE = re.compile(r"\s+[Ss][ốoô6Ốø]\S?\s*(?:[:;.,]|(?=\d))\s*.*$")


# "Số" read without its colon ("SƠ 2Í /SGDĐT-GDTrH"): the number line's label only when a few marks (the
# number) and the printed notation follow, a "/" then a capital and a hyphenated part (an address's "Số
# 12B-Lê Lợi" has no slash before capitals; "hồ sơ" is no such line)
_BARE_SO = re.compile(r"^\s*\W?\s*s[o0ô6ø]\s+(?:[^\s/]{1,6}\s*){0,2}/\s*")
_BARE_NOTATION = re.compile(r"[A-ZĐ][A-Za-zĐđ]{0,7}(?:-[A-Za-zĐđ0-9]{1,8}){1,2}(?=[\s.,;]|$)")


# ... or lost, a written number read as digits apart ("6 0 /TTr-SXD"): which digits, and whether the first is
# the label's, is not told; the notation is
_LOST_SO = re.compile(r"^\s*(?:\d{1,4}\s+){2,3}/\s*")


def bare_so_notation(text: str) -> tuple[int, int] | None:
    """Where the notation is in a line led by "Số" without its colon, or by digits apart where the label was
    lost, and followed by the printed notation (``_BARE_SO``, ``_LOST_SO``), or None."""
    m = _BARE_SO.match(fold1(text)) or _LOST_SO.match(text)
    n = _BARE_NOTATION.match(text, m.end()) if m else None
    return None if n is None else (n.start(), n.end())


UNSURE_LINE = 0.6  # a line read below this confidence (0..1) is doubted
# a word read below this confidence (0..100) is unsure: a notation word so read may be garbled
# (``handdigits``, ``header``), one read again so is in doubt (``_read_again``)
GARBLED_CONF = 60.0


def _marks_before_type(notation: str) -> bool:
    """Whether a notation glued to the digits opens with capitals before a type's abbreviation ("MWGCN" of
    "MW" + "GCN"): one to three of them, the part as a whole no abbreviation known."""
    head = notation.split("-", 1)[0]
    if head in NOTATION_TYPES or head in KNOWN:
        return False
    return any(head.endswith(t) and 1 <= len(head) - len(t) <= 3 for t in NOTATION_TYPES)


# the printed slash as a blurred reading gives it before the notation's capitals ("sẽ: 16 IGCN-UBND")
_SLASH_LETTERS = frozenset("IlJ|!")


def _slash_apart(between: str, notation: str) -> bool:
    """Whether the one capital a notation opens with before its type ("I" of "IGCN-UBND") is its printed
    slash misread, the number standing apart before it (``between``: what separates them holds a space): the
    number is whole ("sẽ: 16 IGCN-UBND" of "16/GCN-UBND" on a blurred photo, seed 205 alt 006: no number).
    Digits glued to the capitals ("5MWGCN") may have lost their last ones to them."""
    head = notation.split("-", 1)[0]
    return (
        any(ch.isspace() for ch in between)
        and head[:1] in _SLASH_LETTERS
        and any(head[1:] == t for t in NOTATION_TYPES)
    )


def is_so_label(word: Word) -> bool:
    """Whether a word is the number line's "Số:" label as OCR may read it (``SO_WORD``)."""
    return bool(SO_WORD.match(fold1(word.text)))


# a notation's part after a space at the number line's end (its hyphen read as a space: "/UBND VP")
_SPACED_PART = re.compile(r"^\s*[,.]?\s+[A-ZĐ][A-Za-zĐđ]{0,7}\s*[.,;]?\s*$")


def _number_text(ln: Line) -> str:
    """The line's text from its "Số:" on, specks read before it left out (``from_label``)."""
    words = from_label(sorted(ln.words, key=lambda w: w.box.x0), is_so_label)
    return ln.text if len(words) == len(ln.words) else nfc(" ".join(w.text for w in words))


# a number line whose "Số:" the reading garbled ("96. 70/QĐ-CVT") or lost ("70/QĐ-CVT"): up to four marks for
# the label, then the number and its slash; a label read as digits alone needs its stop (without one it is a
# digit of the number written apart, "6 0 /TTr-SXD" of a handwritten "60" whose "Số:" the reading lost)
_UNREAD_LABEL = re.compile(
    r"^\s*(?:\S{0,4}\s*[:;.]|(?=\S{0,3}[^\s\d:;.])\S{1,4})?\s*[0-9oOlI]{1,6}['’`]?\s*/"
)
_STAMP = re.compile(r"\bden\b|\bngay\s*:|\bchuyen\s*:")


@dataclass(frozen=True)
class NumberRead:
    found: Found  # code_number
    raw_notation: str | None  # as read, repaired once the organ is known
    confidence: float
    line_i: int | None  # index in the left column of the "Số:" line (the organ lines end above it)
    notation_conf: float = 1.0  # how surely the word(s) holding the notation were read (0..1)


# an "S" between two digits of the number (a blurred "5"), and what the number read so is worth
# a word opening with a slash glued to digits ("⁄0", "/70"): a pen stroke read as a slash before the number
_STROKE_GLUED = re.compile(r"^[/⁄∕|]\d{1,5}$")
_S_DIGIT = re.compile(r"(?<=\d)[Ss](?=\d)")
S_DIGIT_CONF = 0.55
# ... or the number's first digit, after the label and its colon, before the slash ("Sẽ: S21/Q0-QLD" of
# "Số: 521/QĐ-QLD" on a blurred photo, seed 287 dev 007: no number, no notation)
_S_LEAD = re.compile(r"^(\s*\W?[sS5]\S{0,2}\s*[:;.,]\s*)[Ss](?=\d{1,5}['’`]?\s*/)")


# the printed notation after a second slash on the number line: what stood before it were the pen's strokes
_SECOND_NOTATION = re.compile(r"\s*/\s*([A-ZĐ][A-Za-zĐđ]{0,7}(?:-[A-Za-zĐđ0-9]{1,8}){1,2})(?=[\s.,;]|$)")
# a number read before a pen's strokes taken for a notation: its digits may not all have been read
STROKES_READ_CONF = 0.4


def _strokes_read(first: str, ln: Line) -> bool:
    """The notation read before a second one on an OCR line is a pen's strokes read as marks ("Z-Z"): its
    parts two letters at most, the first no document type's."""
    if not ln.words or any(w.conf >= TEXT_LAYER for w in ln.words):
        return False
    parts = first.split("-")
    return all(len(p) <= 2 for p in parts) and parts[0] not in NOTATION_TYPES


def read_number(layout: Layout, *, blurred: bool = False) -> NumberRead:
    """The number (as written: "01" stays "01") and the raw notation from the header's "Số:" line;
    ``blurred``: the page is a blurred photo's (``_HAND_S_DIGIT``)."""
    res = Builder()
    left, header = list(layout.left), list(layout.header)
    num_i: int | None = None
    raw_notation: str | None = None
    num_conf = 0.0
    mine = set(left)  # a set: a list's "not in" compares the lines field by field, quadratic in them
    for i, ln in enumerate(left + [x for x in header if x not in mine]):
        t, s_digit = _s_as_five(slashes(_number_text(ln)))
        if _STAMP.search(ln.folded):
            continue  # an incoming-mail stamp's register number ("CV ĐẾN  Số: 2352  Ngày: 21/3/18")
        if CITED.match(ln.text):
            continue  # a document cited in a line of the subject, not the number (REVIEW-37 M1)
        m, glued = _line_number(t, in_left=i < len(left))
        if m:
            number = m.group(1).translate(DIGITISH)
            if (
                glued
                and ln.conf < UNSURE_LINE
                and _marks_before_type(m.group(3))
                and not _slash_apart(t[m.end(1) : m.start(3)], m.group(3))
            ):
                # "5MWGCN-CDI.QGVN" of "588/GCN-CDLQGVN" read unsure: capitals before the type's stand for the
                # number's last digits and its slash, misread; its first digits alone are no number (a line
                # read sure, "12SCT-VP", is the Sở Công Thương's)
                raw_notation, num_conf, num_i = m.group(3), ln.conf * 0.9, i
                break
            if number.isdigit():
                # no surer than the word(s) its digits were read in: a number the handwriting pass read
                # doubtfully (under 60) goes to review, whatever "Số:" and the notation lend the line
                digit_confs = [w.conf / 100.0 for w in ln.words if any(ch.isdigit() for ch in w.text)]
                conf = min([ln.conf, *digit_confs])
                if s_digit:
                    conf = min(conf, S_DIGIT_CONF)
                if int(number) == 0 or any(_STROKE_GLUED.match(w.text) for w in ln.words):
                    # no document is numbered 0; a digit with a slash glued before it ("⁄0 /QĐ-SCT" of a pen
                    # "70" whose 7's bar lay on the header's rule, seed 449 dev 007: "0" at 0.74) is a pen
                    # digit's stroke read as a slash: digits may be lost, in doubt
                    conf = min(conf, STROKES_READ_CONF)
                raw_notation = m.group(3)
                num_conf = conf
                second = _SECOND_NOTATION.match(t, m.end())
                if second is not None and _strokes_read(m.group(3), ln):
                    # "số: 6 /Z-Z /BC-CDLQGVN" of a written "651" whose strokes (its last digits, a flourish
                    # over the slash) read as a slash and a notation, seed 295 alt 009: taken "6" at 0.68;
                    # the printed notation is the last one, the number read before it may have lost digits.
                    # Only strokes' marks before it, on an OCR page: a notation read whole ("QĐ-SKHCN
                    # /Vi-Ii"), a text layer's "25/HĐKT/CT-KD" stand as read (REVIEW-28 #2)
                    raw_notation = second.group(1)
                    conf = min(conf, STROKES_READ_CONF)
                    num_conf = min(num_conf, STROKES_READ_CONF)
                again = _again_word(ln, raw_notation)
                if again is not None and (again.conf < GARBLED_CONF or not _numbered_first(ln, again)):
                    # its notation a second reading of a word its first garbled (``header._notation``), the
                    # second unsure (taken unlike the first, in doubt), or the line a number's only so read
                    # ("Số: 1563 c+uswp" of a written "1503" and "/CT-UBND": no slash, no number line until
                    # the notation was read again): neither number nor notation is sure
                    conf = min(conf, TYPE_FIT_CONF)
                    num_conf = min(num_conf, TYPE_FIT_CONF)
                res.set("code_number", number, conf)  # as written: "01" stays "01"
                if _SPACED_PART.match(t[m.end() :]):
                    # "Số: 12/UBND VP": the notation's hyphen read as a space, its next part left on the line:
                    # what was read of it is no sure notation ("UBND" of "UBND-VP")
                    num_conf = min(num_conf, TYPE_FIT_CONF)
                num_i = i if i < len(left) else None
                break

    if "code_number" not in res.fields and raw_notation is None:
        # the number written by hand and unreadable: the printed notation after it still counts, and the
        # line still ends the organ lines
        for i, ln in enumerate(left[:8]):
            t = slashes(_number_text(ln))
            hands = (*_HAND_NUMBERS, _HAND_S_DIGIT) if blurred else _HAND_NUMBERS
            m_hand = next((m for pat in hands if (m := pat.match(fold1(t)))), None)
            span = (m_hand.start(1), m_hand.end(1)) if m_hand else bare_so_notation(t)
            if span:
                raw_notation = t[span[0] : span[1]]
                num_conf = ln.conf * 0.9
                if m_hand is not None and m_hand.re in (_NO_HYPHEN, _HAND_S_DIGIT):
                    # where its hyphen stood is a guess (the heading's abbreviation, a known part's end)
                    num_conf = min(num_conf, TYPE_FIT_CONF)
                num_i = i
                break
    if "code_number" not in res.fields and raw_notation is None:
        found = _label_lost_number(left[:8], list(layout.right))
        if found is not None:
            i, number, conf, notation = found
            res.set("code_number", number, conf)
            num_i = i
            if notation is not None:
                raw_notation, num_conf = notation, conf
    if raw_notation and num_i is not None and _read_again(left[num_i], raw_notation):
        num_conf = min(num_conf, TYPE_FIT_CONF)
    notation_conf = _notation_conf(left[num_i], raw_notation) if raw_notation and num_i is not None else 1.0
    return NumberRead(res.freeze(), raw_notation, num_conf, num_i, notation_conf)


def _notation_conf(ln: Line, notation: str) -> float:
    """How surely the words of ``ln`` holding a part of ``notation`` (two letters or more) were read, the
    least of them (0..1); 1.0 where no word holds one."""
    parts = [p for p in re.split(r"[^\w]+", notation) if len(p) >= 2]
    confs = [w.conf / 100.0 for w in ln.words if any(p in w.text for p in parts)]
    return min(confs, default=1.0)


def _s_as_five(t: str) -> tuple[str, int]:
    """A number line's text with a blurred "5" read "S" between the number's digits ("Số: 2S13/BC-SCT") or
    as its first digit made a 5, and how many were (in doubt)."""
    t, s_digit = _S_DIGIT.subn("5", t)
    t, s_lead = _S_LEAD.subn(r"\g<1>5", t)
    return t, s_digit + s_lead


def _line_number(t: str, *, in_left: bool) -> tuple[re.Match[str] | None, bool]:
    """The match of a number line's text ``t`` (its number, slash and notation: groups 1 and 3) when it is
    one, and whether its digits are glued to the notation (its slash lost)."""
    m_so = SO.match(fold(t))
    m = NUMBER.search(t, m_so.end() if m_so else 0)
    glued = False
    if m is None and in_left:
        # "Số: 9GCN-STNMT": the slash lost; also "Sứ 1724GCN-QLD" ("Số:" misread, its colon lost): the
        # digits glued to the notation's capitals say what the line is
        so_word = SO_WORD.match(fold1(t)) or _SO_GLUED.match(t)
        m = (NOSLASH.match(t) or NOSLASH_COMMA.match(t)) if so_word else None
        m_so = m_so or (None if m is None else so_word)
        glued = m is not None
    if m and not re.search(r"[^\W\d_]", m.group(3)):
        m = None  # a notation has letters: "s. 26/2" is a stamp's register number and its date
    if m and not (m_so or _UNREAD_LABEL.match(t)):
        m = None
    return m, glued


def _again_word(ln: Line, notation: str) -> Word | None:
    """The line's word holding ``notation`` as a second reading of a word its first garbled
    (``header._notation`` keeps the first as the word's ``read``), or None."""
    return next((w for w in ln.words if w.read and "/" in w.text and notation in w.text), None)


def _numbered_first(ln: Line, again: Word) -> bool:
    """Whether the line, ``again`` (its notation read a second time) as first read, was a number line."""
    words = from_label(sorted(ln.words, key=lambda w: w.box.x0), is_so_label)
    first = nfc(" ".join(again.read if w is again else w.text for w in words))
    return _line_number(_s_as_five(slashes(first))[0], in_left=True)[0] is not None


def _read_again(ln: Line, notation: str) -> bool:
    """Whether the line's notation is a second reading of a word its first garbled (``_again_word``) and its
    first part is no document type's, or the word is read unsure (under ``GARBLED_CONF``: taken unlike the
    first): a reading of the cut alone may be another notation in shape ("/TH-SYT" of "/TTr-SYT"), in
    doubt."""
    head = notation.split("-", 1)[0]
    again = _again_word(ln, notation)
    return again is not None and (head not in NOTATION_TYPES or again.conf < GARBLED_CONF)


# a number line whose "Số:" read as a speck and whose notation as one garbled word ("« 1639 cruøxp" of "Số:
# 1639/CT-UBND" on a blurred photo, seed 287 dev 008: no number)
# ... or as two ("«. 2058 q4 ovy" of "Số: 2058/QLD-VP", seed 337 blur dev 004: its slash and hyphen read as a
# letter and a space), three letters at least
_LABEL_LOST_LINE = re.compile(r"^\s*[^\w\s]{1,2}\s*(\d{2,5})\s+([^\W\d_]{3,12}|\w{1,6}\s+\w{1,8})\s*$")
# ... or lost whole, with the slash, the number's digits then the notation with its hyphen and the organ's
# capitals after it ("316 mr-UBND" of "Số: 1316/TTr-UBND", a pen's "1316" at 200 dpi, seed 467 alt 003: the
# line read into the organ's name); the number's first digits may have gone with the label, and the
# notation's first part with the slash
_LABEL_LOST_NOTATION = re.compile(
    r"^\s*(\d{1,6})\s+([A-Za-zĐđ]{1,8}-[A-ZĐ]{2,8}(?:-[A-Za-zĐđ]{1,8})?)[.,;]?\s*$"
)
LABEL_LOST_CONF = 0.5  # what it says is read; that it is the number line, its label and notation lost, is not


def label_lost_line(layout: Layout) -> Line | None:
    """The header's number line read without its "Số:" label (``_label_lost_number``), or None."""
    found = _label_lost_number(list(layout.left)[:8], list(layout.right))
    return None if found is None else layout.left[found[0]]


def _label_lost_number(left: list[Line], right: list[Line]) -> tuple[int, str, float, str | None] | None:
    """The number of a left-column line read as a speck, its digits and one garbled word
    (``_LABEL_LOST_LINE``), or as the digits and a hyphenated notation alone (``_LABEL_LOST_NOTATION``),
    level with the right column's date line (Decree 30 sets the number and the place and date on one row):
    (its index in ``left``, the number, in doubt, the raw notation read after it or None); None without
    such a line."""
    # (the date line's words read with a vowel wrong too: "Hã NỘI, ngôy 7 tháng 3 năm 2019")
    dated = [d for d in right if place_date_start(d.text) is not None or WORD_DATE.search(d.folded)]
    for i, ln in enumerate(left):
        m = _LABEL_LOST_LINE.match(ln.text)
        notation = None
        if m is None and (n := _LABEL_LOST_NOTATION.match(ln.text)) is not None:
            m, notation = n, n.group(2)
        if m is not None and sum(ch.isalpha() for ch in m.group(2)) < 3:
            continue
        if m is not None and any(d.y0 <= (ln.y0 + ln.y1) / 2 <= d.y1 for d in dated):
            digit_confs = [w.conf / 100.0 for w in ln.words if any(ch.isdigit() for ch in w.text)]
            return i, m.group(1), min([ln.conf, LABEL_LOST_CONF, *digit_confs]), notation
    return None


def read_notation(
    number: NumberRead,
    organ_name: str | None,
    *,
    ocr: bool = True,
    blurred: bool = False,
    heading_type: str | None = None,
) -> Found:
    """code_notation: the raw notation repaired against known abbreviations and the organ's own; ``ocr``: the
    page was read by OCR (a text layer's letters are as printed: ``repair_notation``'s guesses at a misread
    letter are not made); ``blurred``: a blurred photo's, ``heading_type`` its type heading ("Chỉ thị")
    (``repair_notation``)."""
    res = Builder()
    if number.raw_notation:
        heading = _TYPE_ABBREVIATIONS.get(heading_type or "")
        notation, q = repair_notation(
            number.raw_notation,
            organ_name,
            ocr=ocr,
            blurred=blurred,
            heading=heading,
            conf=number.confidence,
            word_conf=number.notation_conf,
        )
        res.set("code_notation", notation, number.confidence * q)
    return res.freeze()


_TYPE_ABBREVIATIONS = {v: k for k, v in NOTATION_TYPES.items()}


TYPE_FIT_CONF = 0.59  # a notation's known first part put for the heading's abbreviation: to review


def fit_notation(notation: Found, heading_type: str | None, organ: str | None = None) -> Found:
    """The notation's first part made the type heading's abbreviation when OCR garbled it ("CI1-UBND" under
    "CHỈ THỊ" → "CT-UBND"): the part is no known abbreviation and shares letters with the expected one. A
    notation read as one part (its hyphen lost: "GTSYT" of "CT-SYT" on a blurred photo) that ends with an
    abbreviation of the ``organ``'s or a known one, after as many letters as the heading's has, one of them
    at most misread, is the heading's and that one, in doubt."""
    f = notation.get("code_notation")
    expected = _TYPE_ABBREVIATIONS.get(heading_type or "")
    if f is None or not f.value or expected is None:
        return notation
    parts = f.value.split("-")
    head = parts[0]
    if len(parts) == 1:
        return _heading_hyphen_lost(notation, f, expected, organ)
    if head == expected:
        return notation
    if head in KNOWN:
        # another abbreviation one letter from the heading's ("PC-HC" under "BÁO CÁO", "CP-QLD" under
        # "GIẤY PHÉP": B/P, G/C read for each other on a blurred photo): Decree 30 opens the notation with the
        # type's abbreviation, so one of the two is misread; the heading's longer words are likelier read
        # right, in doubt still (seed 119-blur dev 009 and 012)
        # (not a decision's or a decree's "QĐ", "NĐ": they promulgate a "QUY CHẾ", a "QUY ĐỊNH" headed so)
        promulgates = head in ("QĐ", "NĐ")
        if not promulgates and len(head) == len(expected) and Levenshtein.distance(head, expected) == 1:
            fixed = "-".join([expected, *parts[1:]])
            return Found((ExtractedField("code_notation", fixed, min(f.confidence, TYPE_FIT_CONF)),))
        return notation
    # a printed abbreviation opens with a capital and has no digit: a part that does not ("mrr" under "TỜ
    # TRÌNH", a handwritten number's strokes over it) is a misreading whatever letters it shares; so is one
    # with a lower-case letter no abbreviation prints ("TIm" of "TTr" under a pen's date, seed 419 dev 010)
    garbled = not head[:1].isupper() or any(ch.isdigit() for ch in head) or _stray_lower(head)
    if abs(len(head) - len(expected)) > 2 or (
        fuzz.ratio(_abbr_key(head), _abbr_key(expected)) < 40 and not garbled
    ):
        return notation
    fixed = "-".join([expected, *parts[1:]])
    return Found((ExtractedField("code_notation", fixed, round(f.confidence * 0.85, 3)),))


def _own_alike_end(value: str, tail: str, own: tuple[str, ...]) -> bool:
    """Whether ``value`` ends with the organ's own abbreviation ``tail`` read with OCR's usual look-alikes
    (``_abbr_key``: "TroLD" of the Cục Quản lý Dược's "TTr-QLD", its "Q" read "o" and the hyphen lost, seed
    w659 dev 010), one letter of it at most read otherwise."""
    if tail not in own or len(tail) < 3 or len(value) <= len(tail):
        return False
    end = value[len(value) - len(tail) :]
    key = _abbr_key(end)
    if len(key) != len(end) or key != _abbr_key(tail):
        return False
    return sum(a != b for a, b in zip(end, tail, strict=True)) <= 1


def _heading_hyphen_lost(notation: Found, f: ExtractedField, expected: str, organ: str | None) -> Found:
    value = f.value or ""
    own = organ_abbreviations(organ) if organ else ()
    tails = (*own, *KNOWN)
    if (
        f.confidence < TYPE_FIT_CONF + 0.01
        and value != expected
        and (value in own or value == "UBND")
        and value not in NOTATION_TYPES
    ):
        # the notation read in doubt as the organ's own abbreviation alone under a type heading ("/c:UBND"
        # of "/CT-UBND" under "CHỈ THỊ", the type's letters and hyphen read as specks and dropped: "UBND" at
        # 0.28): Decree 30 opens a typed document's notation with the type's abbreviation, the organ's after
        # it; in doubt still (read surely, "Số: 07/UBND" is as printed)
        fixed = f"{expected}-{value}"
        return Found((ExtractedField("code_notation", fixed, min(f.confidence, TYPE_FIT_CONF)),))
    for tail in dict.fromkeys(tails):
        # (the heading's abbreviation with a letter misread, or lost: "TUBND" of "CT-UBND" on a blurred photo)
        head = value[: len(value) - len(tail)]
        if len(tail) < 2 or not (value.endswith(tail) or _own_alike_end(value, tail, own)):
            continue
        # ... or its hyphen read as a letter after it ("cTrUBND" of "CT-UBND" under a pen's "1906", seed 273
        # alt 008): the heading's letters, one misread at most, and one more
        if (
            len(head) == len(expected) + 1
            and head[-1].isalpha()
            and Levenshtein.distance(head[:-1], expected) <= 1
        ):
            head = head[:-1]
        elif not 1 <= len(expected) - len(head) + 1 <= 2:
            continue
        # a head of the heading's length that no printed abbreviation is (opening in lower case or with a
        # digit: "mrrHC" of "TTr-HC" under "TỜ TRÌNH", the pen's big "33" in its line, seed 385 dev 010)
        garbled = len(head) == len(expected) and (not head[:1].isupper() or any(ch.isdigit() for ch in head))
        if garbled or Levenshtein.distance(head, expected) <= 1:
            fixed = f"{expected}-{tail}"
            return Found((ExtractedField("code_notation", fixed, min(f.confidence, TYPE_FIT_CONF)),))
    return notation


# a garbled part made the organ's own abbreviation by the notation's structure alone is this sure at most
OWN_PART_QUALITY = 0.55


def _own_of_length(part: str, own: tuple[str, ...]) -> str | None:
    """The one abbreviation of the organ's own as long as ``part`` (its letters), or, none so long, the one
    a letter longer or shorter; None when there is none or more than one (a Cục's "CTY" and "TY" for a
    two-letter part are two)."""
    n = len(re.sub(r"[^\w]", "", part))
    for off in (0, 1):
        fits = [ab for ab in own if abs(len(ab) - n) == off]
        if fits:
            return fits[0] if len(fits) == 1 else None
    return None


def _letters_read_as(part: str, ab: str) -> bool:
    """Whether a garbled ``part`` reads as the abbreviation ``ab`` letter for letter: as long as it (its
    letters; "rn" read for "m"), each letter as printed, as an OCR confusion (``_abbr_key``: 0/O/Q, 1/I/l)
    or as its blurred look-alike (``_LOOK_ALIKE``: "v" of "Y", "r" of "T"), fewer than a third of them
    otherwise, and its first or last letter among them: "svr" of "SYT", "rv" of "TY"; not "sxr" ("x" is no
    "Y": one letter of three) nor "cv" of "TY"."""
    k = _abbr_key(ab)
    for text in dict.fromkeys((part, part.replace("rn", "m"))):
        key = _abbr_key(re.sub(r"[^\w]", "", text))
        if len(key) != len(k) or not k:
            continue
        ok = [a == b or frozenset((a, b)) in _LOOK_ALIKE for a, b in zip(key, k, strict=True)]
        if 3 * ok.count(False) < len(ok) and (ok[0] or ok[-1]):
            return True
    return False


# what a công văn's first part may be other than the organ's own: a type's abbreviation ("CV", the công văn's
# own that enterprises, schools and hospitals print: "12/CV-CTY")
_NOT_OWN = ("CV", *NOTATION_TYPES)


def own_part_restored(
    notation: Found, heading_type: str | None, organ: str | None, *, cong_van: bool
) -> Found:
    """A two-part notation one part of which is still visibly garbled (``_garbled``) where Decree 30 puts
    the issuing organ's own abbreviation: a công văn's first part (``cong_van``: no type heading, a "V/v"
    line; "Số: 2043/SYT-VP", read "svr-VP" on a blurred photo) before a part read clean, or a typed
    document's second part after the type heading's abbreviation ("TTr-rv" of the Cục Thú y's "TTr-TY"
    under "TỜ TRÌNH"). The part is made the organ's own abbreviation of its length (``_own_of_length``) where
    its letters read so (``_letters_read_as``), in doubt (``OWN_PART_QUALITY``). Not where the part reads as
    a type's abbreviation too ("cv" of a company's "CV-CTY"; "rb" of "TB": the page does not say which) or
    the abbreviation is in the other part already (the Cục Thú y's "TY" of "CTY": "TY-CTY"). A typed
    document's notation read as one garbled part, the type's part lost: ``_type_part_lost``."""
    f = notation.get("code_notation")
    if f is None or not f.value or not organ:
        return notation
    parts = f.value.split("-")
    own = organ_abbreviations(organ)
    expected = _TYPE_ABBREVIATIONS.get(heading_type or "")
    if len(parts) == 1 and own and expected is not None:
        return _type_part_lost(notation, f, expected, own)
    if len(parts) != 2 or not own or not all(parts):
        return notation
    if heading_type is None and cong_van and _garbled(parts[0]) and not _garbled(parts[1]):
        at = 0
    elif expected is not None and parts[0] == expected and _garbled(parts[1]):
        at = 1
    else:
        return notation
    ab = _own_of_length(parts[at], own)
    other = parts[1 - at]
    if (
        ab is None
        or ab in other
        or any(_letters_read_as(parts[at], t) for t in _NOT_OWN)
        or not _letters_read_as(parts[at], ab)
    ):
        return notation
    parts[at] = ab
    fixed = ExtractedField("code_notation", "-".join(parts), min(f.confidence, OWN_PART_QUALITY))
    return Found(tuple(fixed if x is f else x for x in notation.fields))


def _type_part_lost(notation: Found, f: ExtractedField, expected: str, own: tuple[str, ...]) -> Found:
    """A notation read as one visibly garbled part under a type heading that reads letter for letter as the
    organ's own abbreviation of its length (``own_part_restored``'s test): the type's part and its hyphen
    lost ("/sorvr" of "/BC-SGTVT" under "BÁO CÁO" beside a pen's number, k933 dev 002: the notation lost).
    Decree 30 puts the heading's abbreviation first and the organ's after it: the two, in doubt
    (``OWN_PART_QUALITY``). Not where the part reads as a type's abbreviation too (the organ's part may be
    the one lost)."""
    part = f.value or ""
    if not _garbled(part):
        return notation
    ab = _own_of_length(part, own)
    if ab is None or any(_letters_read_as(part, t) for t in _NOT_OWN) or not _letters_read_as(part, ab):
        return notation
    fixed = ExtractedField("code_notation", f"{expected}-{ab}", min(f.confidence, OWN_PART_QUALITY))
    return Found(tuple(fixed if x is f else x for x in notation.fields))


# the most a notation is worth whose organ part only a doubted organ name's own abbreviation supports
OWN_OF_DOUBTED = 0.59


_PLACE_ABBREVIATIONS = frozenset({"TP", "TX", "TT"})  # thành phố, thị xã, thị trấn: an organ name's own words


def own_of_doubted(notation: Found, organ_name: str | None, organ_conf: float) -> Found:
    """The notation in doubt where a part no list knows is the organ's own abbreviation only as the organ's
    name was read, that name in doubt (under ``DOUBTFUL``): the two misread alike ("Cục Du lịch Quốc gia Việt
    Nam" read "JC du lịch quốc gia vi nam" at 0.53, its notation's "CDLQGVN" read "JDLQGVN", taken at 0.79 as
    that name's own: seed 593 alt 002)."""
    f = notation.get("code_notation")
    if f is None or not f.value or not organ_name or organ_conf >= DOUBTFUL or f.confidence <= OWN_OF_DOUBTED:
        return notation
    own = set(organ_abbreviations(organ_name))
    if not any(p in own and p not in KNOWN for p in f.value.split("-")):
        return notation
    # (only a name with a word no syllable, "JC" of "CỤC", gives a letter no print has: a right name read
    # unsurely gives its own right abbreviation, review)
    words = re.findall(r"[^\W\d_]+", organ_name)
    if all(is_syllable(w) or w in KNOWN or w in _PLACE_ABBREVIATIONS for w in words):
        return notation
    fixed = ExtractedField("code_notation", f.value, OWN_OF_DOUBTED)
    return Found(tuple(fixed if x is f else x for x in notation.fields))


def without_garbled(notation: Found) -> Found:
    """No notation when a part of it is still visibly misread after its repairs (``_garbled``, nothing known
    read in it: "sopwroIrH" of "SGDĐT-GDTrH", "PC-svr" of "BC-SYT"): it is not as printed, and a wrong value
    is worse than none (the document goes to review)."""
    f = notation.get("code_notation")
    if f is None or not f.value or not any(_garbled(p) for p in f.value.split("-") if p):
        return notation
    return Found(tuple(x for x in notation.fields if x is not f))


def is_number_line(line: Line) -> bool:
    """A line that starts with "Số:" (also when OCR reads "Sô", "S6", "Se"; specks before it aside), or with
    "Số" without its colon before the number and the printed notation (``bare_so_notation``)."""
    text = _number_text(line)
    return bool(SO_WORD.match(fold1(text))) or bare_so_notation(text) is not None
