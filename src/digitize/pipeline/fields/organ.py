"""The issuing organ and its parent from the header's left column: "SỞ Y TẾ" under "UBND TỈNH YÊN BÁI" is
organ + parent; a two-line "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI" is one organ with no parent."""

from __future__ import annotations

import functools
import itertools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from digitize.pipeline.confidence import DOUBTFUL
from digitize.pipeline.fields.layout import Layout, is_motto
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.number import SO_IN_LINE, SO_WORD, organ_abbreviations, slashes
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.text import clean_value, fold1, match, normalize_tones, sentence_case
from digitize.pipeline.fields.vocab import CENTRAL_CITIES, F_CENTRAL_UNITS, F_ORGANS, F_PROVINCES
from digitize.pipeline.model import ExtractedField
from digitize.text import fold, nfc, squash

_LEVELS = frozenset({"tinh", "pho", "tp.", "uy", "doan"})  # "thành phố" by its last word
_PROPER_PROVINCES = {fold(p): p for p in F_PROVINCES.values()}


# a unit's code in a real organ's name: one to three capitals and two or three digits ("Cục C04", "Phòng
# PA05", "Phòng A03" of the police); "S0", "H0A", "Tỉnh5" are OCR's mixes
_CODE = re.compile(r"[A-Z]{1,3}\d{2,3}")


def _as_named(text: str) -> str:
    """An organ's name as read, in sentence case ("TỈNH ỦY AN GIANG" → "Tỉnh ủy An Giang"): a province named
    after its level ("tỉnh", "thành phố", "ủy", "đoàn") keeps its capitals, as the province list spells it,
    and initials (no syllable: "THPT", "UBND") and a unit's code ("C04", ``_CODE``) stay capitals."""
    read = normalize_tones(squash(text))
    words = sentence_case(read).split(" ")
    if words != read.split(" "):  # capitals made lower: initials ("THPT", "UBND": no syllable) stay capitals
        words = [
            w
            if (len(w) > 1 and w.isalpha() and w.isupper() and not _syllable(w)) or _CODE.fullmatch(w)
            else low
            for w, low in zip(read.split(" "), words, strict=True)
        ]
    i = 0
    while i < len(words):
        if fold(words[i]) in _LEVELS:
            for k in range(min(5, len(words) - i - 1), 0, -1):  # the longest run that is a province's name
                proper = _PROPER_PROVINCES.get(fold(" ".join(words[i + 1 : i + 1 + k])))
                if proper is not None and len(proper.split(" ")) == k:
                    words[i + 1 : i + 1 + k] = proper.split(" ")
                    i += k
                    break
            else:
                level = words[i].casefold()
                after_tinh = i > 0 and words[i - 1].casefold() == "tỉnh" and level in ("ủy", "đoàn")
                if (level in _PLACE_LEVELS or after_tinh) and words != read.split(" "):
                    # a province (a city) no list knows, the line's last words ("ỦY BAN NHÂN DÂN TỈNH SA
                    # ĐÉC"): capitalised, as a place's name is written
                    place = _unlisted_place(read.split(" ")[i + 1 :])
                    if place is not None:
                        words[i + 1 :] = place.split(" ")
                        break
        i += 1
    return " ".join(words)


# the level words a province's or a city's name follows, as written ("tỉnh", "thành phố" by its last word;
# "Tỉnh ủy", "Tỉnh đoàn" too); a folded "tinh" may be "tính" ("… VÀ TÍNH TOÁN"), no level
_PLACE_LEVELS = frozenset({"tỉnh", "phố"})
UNLISTED_PLACE_WORDS = 3  # a place's name has at most this many words ("Hồ Chí Minh")
# a listed province's first word (folded): a run beginning with one is that province read in part or
# garbled ("TỈNH QUẢNG" is no province "Quảng"), not one no list knows
_PROVINCE_FIRST_WORDS = frozenset(fold(p.split(" ")[0]) for p in F_PROVINCES.values())
_LISTED_PROVINCE_KEYS = tuple(fold(p) for p in F_PROVINCES.values())
# an organ's head words (folded): a run with one is an organ's name on the level's line ("TỈNH SỞ Y TẾ",
# "TỈNH CỘNG HÒA", "TỈNH ỦY", "TỈNH ĐOÀN", "TỈNH HỘI"), no place's; by their marks folded, as OCR's may be off
_ORGAN_HEAD_SPELLED = frozenset(
    (
        "sở", "ban", "phòng", "cục", "chi", "tổng", "bộ", "vụ", "viện", "công", "cộng", "ủy", "đoàn", "hội",
        "đảng", "khối", "trường", "trung", "đội", "ty",
    )
)  # fmt: skip
_ORGAN_HEAD_WORDS = frozenset(fold(w) for w in _ORGAN_HEAD_SPELLED)


# (rapidfuzz) a run led by a listed province's first word and at least this like that province is it, read in
# part or misread ("QUẢNG NAN"); less like it, another place of that first word ("KIẾN PHONG", a former
# province beside Kiên Giang: 70; s865 corp 003 gave "UBND Tỉnh kiến phong")
PART_LIKE = 75.0


def _listed_in_part(run: str) -> bool:
    """Whether ``run`` (folded) begins with a listed province's first word and reads like that province."""
    first = run.split(" ")[0]
    return any(k.split(" ")[0] == first and fuzz.ratio(run, k) >= PART_LIKE for k in _LISTED_PROVINCE_KEYS)


def _unlisted_place(words: Sequence[str]) -> str | None:
    """``words`` (read after a province's level word, to the line's end) as a place's name is written, each
    word capitalised ("SA ĐÉC" → "Sa Đéc"): two to ``UNLISTED_PLACE_WORDS`` syllables in capitals (as a
    header prints them) or capitalised, nothing else (no mark, no digit); None otherwise, and None for a
    run beginning with a listed province's first word (a known province read in part: "TỈNH QUẢNG") or
    with an organ's head word in it ("TỈNH SỞ Y TẾ"). (One word alone is a name cut short as likely.)"""
    words = [normalize_tones(nfc(w)) for w in words]
    if not 2 <= len(words) <= UNLISTED_PLACE_WORDS:
        return None
    if not all(w.isalpha() and w[:1].isupper() and _syllable(w) for w in words):
        return None
    folded = [fold(w) for w in words]
    if folded[0] in _LEVELS or _listed_in_part(" ".join(folded)):
        return None
    # (after the first word, a head word only with its own marks: "KIẾN PHONG" is no "Phòng")
    heads = [folded[0]] + [fold(w) for w in words[1:] if w.lower() in _ORGAN_HEAD_SPELLED]
    if any(f in _ORGAN_HEAD_WORDS for f in heads):
        return None  # "TỈNH ỦY …", "TỈNH ĐOÀN …", "TỈNH SỞ Y TẾ": an organ of the province, not its name
    return " ".join(w[:1] + w[1:].lower() for w in words)


# a province's name read as like another province's as the one it was taken for, within this (rapidfuzz
# points): which of them it is is a guess ("TỈNH NINH ĐỊNH" on a blurred photo is as like "Ninh Bình" as
# "Bình Định", 89 each; it was taken for Bình Định at 0.62, seed 479 dev 008), in doubt
PROVINCE_TIE = 3.0
TIED_PROVINCE = DOUBTFUL - 0.05


def province(text: str, cutoff: float = 80) -> tuple[str, float] | None:
    t = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(squash(text)))
    if re.match(r"(uy|doan)\b", t):
        return None  # "TỈNH ỦY AN GIANG", "TỈNH ĐOÀN …": an organ of its own, not the province
    hit = match(t, F_PROVINCES, cutoff)
    if hit is None or hit[1] >= 1.0:
        return hit
    near = process.extract(squash(t), list(F_PROVINCES), scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
    best = max(score for _, score, _ in near)
    if any(F_PROVINCES[k] != hit[0] and score >= best - PROVINCE_TIE for k, score, _ in near):
        return hit[0], min(hit[1], TIED_PROVINCE)
    return hit


# "UBND" before an administrative level, also with one of its letters misread ("UIND TỈNH SÓC TRĂNG" on a
# blurred photo): the grammar of the line says what it is
_UBND = (
    r"ubnd|u\s*b\s*n\s*d|uy ban nhan dan"
    r"|(?:_Lbnd|u_Lnd|ub_Ld|ubn_L|u_L_Lnd)(?=\s+(?:tinh|thanh pho|tp|huyen|quan|thi xa)\b)"
).replace("_L", r"(?:[a-z0-9]|[^\W\d_])")  # an ASCII letter or digit, or a letter of any script ("UØND")
# (its B read as two letters: "UØðND TỈNH KIẾN PHONG", seed 865 corp 003)
# (a speck glued to the level word: "TÍNH4 KHÁNH HÒA" on a blurred photo)
_GARBLED_UBND = re.compile(r"^\W?(u[a-z0-9]{2,4})\s+(tinh|thanh pho|tp\.?)[^\sa-z]?\s+(\S.*)$")
# "UBND" or its last letters after short words of marks, then a province's level ("cà và BND TỈNH AN GIANG,")
_AFTER_JUNK_UBND = re.compile(r"\s(u?bnd|ubn)\s+(tinh|thanh pho)\s+(\S.*)$")
GARBLED_UBND_CUTOFF = 85  # ... its province read at least this much like a known one ("nghe am": 86)
# ... not another committee's own abbreviation (Ủy ban Mặt trận Tổ quốc, Ủy ban Kiểm tra, Ủy ban Dân tộc,
# Ủy ban Thường vụ, Ủy ban Quốc gia: "UBMT TỈNH NGHỆ AN" is no People's Committee)
_OTHER_COMMITTEES = ("ubmt", "ubkt", "ubdt", "ubtv", "ubqg")
GARBLED_UBND_CONFIDENCE = DOUBTFUL - 0.05  # under the review threshold
_MINISTRIES = {k: v for k, v in F_ORGANS.items() if k.startswith("bo ")}
# the first word of a ministry's line when OCR misread its "BỘ": one letter or digit, then an o; or its B
# alone, the "Ộ" lost ("B YTẾ" over "CỤC QUẢN LÝ DƯỢC" at 0.62, seed 361 dev 003: a sure parent wrong)
_MISREAD_BO = re.compile(r"^\W?(?:[^\W_]o|b)\s+")
_UNDER_MINISTRY = re.compile(r"^\W*(cuc|tong cuc|vu|vien|uy ban quoc gia)\b")


def _under_ministry(unit: str) -> bool:
    """The unit's line names a Cục, Tổng cục, Vụ, Viện (a ministry's), as read or as the known central unit
    its letters spell ("CC VIỄN THÔNG", its "Ụ" lost in a stamp's ink, is the Cục Viễn thông: seed 529 alt
    000 took its parent "DO THÔNGG TIN VÀ TEUYỀN THỐNG" for the Sở of that name)."""
    if _UNDER_MINISTRY.match(fold(unit)):
        return True
    hit = known_organ(unit, 84) if unit.strip() else None
    central = hit is not None and fold(hit[0]) in F_CENTRAL_UNITS
    return central and hit is not None and _UNDER_MINISTRY.match(fold(hit[0])) is not None


def _bo_or_so(first: str, hit: tuple[str, float]) -> tuple[str, float]:
    """A parent line matched to a Sở whose first word was not read "SỞ" ("ĐỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    over a unit read as garble: a blurred "BỘ" as much as a "SỞ"): the ministry of that name when the word
    has the "Ộ" of "BỘ" (its letter lost, its mark kept), else the Sở; either in doubt."""
    ministry = _MINISTRIES.get("bo " + fold(hit[0]).removeprefix("so "))
    conf = min(hit[1], GARBLED_UBND_CONFIDENCE)
    if ministry is not None and "Ộ" in first.upper() and "Ở" not in first.upper():
        return ministry, conf
    return hit[0], conf


def _so_read(text: str, hit: tuple[str, float]) -> tuple[str, float]:
    """A line matched to a Sở: as matched when its first word was read "SỞ" (its first word with a letter: a
    speck before "SỞ" is no word of it; "5Ở", the S read as its look-alike digit, is "SỞ": REVIEW-26 #4),
    else ``_bo_or_so`` ("ĐỘ", "XỞ": in doubt)."""
    first = next((w for w in text.split() if any(ch.isalpha() for ch in w)), "")
    bare = first.strip(_STRIP)
    so_like = fold(bare) == "so" or (bare[:1] in "5$" and bare[1:].upper() == "Ở")
    return _bo_or_so(first, hit) if first and not so_like else hit


def chi_lost(parent: str, unit: str) -> bool:
    """A parent's line read "SỞ …" over a unit read "CỤC …": either the ministry's "BỘ" was misread "SỞ" or
    the unit is a Sở's "CHI CỤC" whose "CHI" was lost (under a seal, a speck); the evidence is partial, so
    neither the ministry nor the Cục is sure. So is a unit whose letters spell a known central Cục with its
    "CỤC" itself garbled ("CC KIỂM LÂM", "ỤC KIỂM LÂM" under "SỞ NÔNG NGHIỆP …": a Sở's Chi cục as much)."""
    words = fold(squash(parent)).split()
    if not words or words[0] != "so":
        return False
    return re.match(r"^\W*cuc\b", fold(unit)) is not None or _under_ministry(unit)


def parent_organ(text: str, unit: str = "") -> tuple[str, float]:
    """The parent organ from its header line; under a Cục, Tổng cục, Vụ or Viện (``unit``) it is a ministry,
    also when OCR lost its "BỘ" ("Y TẾ" over "CỤC QUẢN LÝ DƯỢC" is the Bộ Y tế). A "SỞ …" over a "CỤC …"
    (``chi_lost``) is in doubt, whichever is taken."""
    name, conf = _parent_organ(text, unit)
    return (name, min(conf, GARBLED_UBND_CONFIDENCE)) if chi_lost(text, unit) else (name, conf)


# "THÀNH PHỐ" with a letter of its "PHỐ" lost or misread on a blurred photo ("UBNO THÀNH PỐ HÀ NỘI", seed 439
# dev 012, was kept as read at 0.60): before a known province's name it is the level word
_PHO_MISREAD = re.compile(r"\bthanh (?:po|p[0-9]o|ph0?)(?=\s+(\S.*)$)")
# ... or "TỈNH" read without its h ("LƯNO TÍN THÁI NGUYÊN", seed 449 dev 010), the line's second word
_TINH_MISREAD = re.compile(r"^(\W?\S+\s+)(tin|t[l1|]nh|tinb|tjnh)(?=\s+(\S.*)$)")


def _level_repaired(f: str) -> str:
    """``f`` (a folded parent line) with a misread "phố" after "thành", or a misread "tỉnh" as its second
    word, made the level word when a known province follows; as it is otherwise."""
    m = _PHO_MISREAD.search(f)
    if m is not None and m.group(0) != "thanh pho" and province(m.group(1), GARBLED_UBND_CUTOFF) is not None:
        return f[: m.start()] + "thanh pho" + f[m.end() :]
    t = _TINH_MISREAD.match(f)
    if t is not None and province(t.group(3), GARBLED_UBND_CUTOFF) is not None:
        return t.group(1) + "tinh" + f[t.end() :]
    return f


def _parent_organ(text: str, unit: str) -> tuple[str, float]:
    text = text.translate(_ETH)  # "HÐND" with an eth (U+00D0), a common OCR and PDF glyph for Đ
    # ("Thạnh", a place's word, folds as "thành" does: "UBND THẠNH PHÚ …" is no "thành phố", REVIEW-36)
    f = fold(squash(text)) if "thạnh" in text.casefold() else _level_repaired(fold(squash(text)))
    if f != fold(squash(text)):
        # its level word misread: sure only when its initials were read right ("UBND THÀNH PỐ HÀ NỘI"), in
        # doubt when they were misread too ("UBNO THÀNH PỐ …": two words of the line guessed)
        name, conf = _parent_organ_of(text, f, unit)
        first = f.split()[0] if f.split() else ""
        return name, conf if first in ("ubnd", "uy") else min(conf, GARBLED_UBND_CONFIDENCE)
    return _parent_organ_of(text, f, unit)


def _parent_organ_of(text: str, f: str, unit: str) -> tuple[str, float]:
    if _under_ministry(unit) and not f.startswith(("bo ", "ubnd", "uy ban")) and len(f) >= 3:
        # "BỘ" misread as another two-letter word ("ĐỘ Y TẾ", "SỞ Y TẾ": a Sở has no Cục under it), or lost
        misread = _MISREAD_BO.match(f)
        hit = match("bo " + f[misread.end() :], _MINISTRIES, 92) if misread else None
        hit = hit or match("bo " + f, _MINISTRIES, 92)
        hit = hit or (_ministry_but_garbled("bo " + f[misread.end() :]) if misread else None)
        if hit:
            return hit[0], hit[1] * 0.9
    # "UBND" misread in more than one letter ("UBMO TÍNH NGHỆ ÂM", "UIIND THÀNH PHỐ HÀ NỘI"): a short word
    # led by its U and like it, before a province's level and a known province: a parent committee's line
    ubnd_hit = _garbled_ubnd(f)
    if ubnd_hit is not None:
        return f"UBND {ubnd_hit[0]}", ubnd_hit[1]
    # a Sở's parent is its province's committee: a short garbled word before a province's level and a known
    # province ("LUPNO TỈNH QUẢNG NINH" over "SỞ GIÁO DỤC VÀ ĐÀO TẠO", a blurred photo), in doubt; a word
    # read as printed ("HUYỆN TỈNH …", a syllable) is no garbled "UBND"
    # (or "UBND" cut to a part of it, its first letters lost in the blur: "ND TỈNH KIÊN GIANG")
    g = re.match(r"^\W?([a-z0-9]{3,6}|[a-z]{2}(?=\s)(?<=nd|bn|ub))\s+(tinh|thanh pho)[^\sa-z]?\s+(\S.*)$", f)
    if (
        g is not None
        and fold(unit).startswith("so ")
        and not re.fullmatch(_UBND, g.group(1))
        and not _syllable(squash(text).split()[0])
    ):
        prov = province(g.group(3), GARBLED_UBND_CUTOFF)
        if prov is not None and not g.group(1).startswith(_OTHER_COMMITTEES):
            level = "thành phố" if g.group(2).startswith("thanh") else "tỉnh"
            return f"UBND {level} {prov[0]}", min(prov[1] * 0.9, GARBLED_UBND_CONFIDENCE)
    # a Sở's parent committee after words of marks read before it ("cà và BND TỈNH AN GIANG," a pen's stroke
    # read as words before its "UBND", the U lost: seed 903 dev 011): the committee of that known province,
    # in doubt
    t = _AFTER_JUNK_UBND.search(f)
    if t is not None and fold(unit).startswith("so ") and not f.startswith(("ubnd", "uy ban", "u b n d")):
        prov = province(t.group(3).rstrip(" ,.;:"), GARBLED_UBND_CUTOFF)
        if prov is not None and all(len(w) <= 3 for w in f[: t.start()].split()):
            level = "thành phố" if t.group(2) == "thanh pho" else "tỉnh"
            return f"UBND {level} {prov[0]}", min(prov[1] * 0.9, GARBLED_UBND_CONFIDENCE)
    # up to two junk characters before (a speck read as "L", a quote)
    m = re.match(r"^\W?\w?\W?(" + _UBND + r")\s*(tinh|thanh pho|tp\.?)?\s*(.*)$", f)
    if m:
        level = "thành phố" if (m.group(2) or "").startswith(("thanh", "tp")) else "tỉnh"
        # a district's or a commune's level word read as printed is kept: "UBND QUẬN BA ĐÌNH" is no province
        # ("Quảng Bình" is 80 % like "quan ba dinh")
        district = m.group(2) is None and _LOCAL.match(m.group(3)) is not None
        prov = None if district else province(m.group(3))
        if prov:
            name = prov[0]
            if m.group(2) is None and name in CENTRAL_CITIES:
                level = "thành phố"
            if _near_other_initials(m.group(1)) or not m.group(1).isascii():
                # "HBND": "UBND" with its U misread, or "HĐND" with its Đ: which body, in doubt; a letter of
                # no Vietnamese word in it ("UØND"): no surer than an ASCII letter misread ("UIND")
                return f"UBND {level} {name}", min(prov[1], GARBLED_UBND_CONFIDENCE)
            return f"UBND {level} {name}", prov[1]
        # a district or commune: "ỦY BAN NHÂN DÂN HUYỆN BA TƠ" → "UBND huyện Ba Tơ"
        words = squash(normalize_tones(text)).split()
        rest = words[len(f[: m.start(3)].split()) :] if m.group(3) else []
        local = _LOCAL.match(fold1(" ".join(rest))) if rest and m.group(2) is None else None
        if local is not None and rest[1:]:
            place = " ".join(rest[len(local.group(1).split()) :]).title()
            return f"UBND {_LOCAL_LEVELS[local.group(1)]} {place}", 0.8
        unlisted = _unlisted_place(rest) if m.group(2) else None
        if unlisted is not None:
            # a province no list knows ("UBWD TÍNH SA ĐÉC", a former province the Gazette names): its level
            # word as spelled, its name in capitals, as a place's is written; which place, in doubt
            return f"UBND {level} {unlisted}", GARBLED_UBND_CONFIDENCE
        # a province no list knows and no place's shape ("UBND TỈNH QUẢNG", its line cut short): as read, in
        # doubt (it was sure at 0.6)
        as_read = sentence_case(text.split(None, 1)[1] if " " in text else text)
        return "UBND " + as_read, GARBLED_UBND_CONFIDENCE
    hit = known_organ(text, 85) or _same_words(text) or _ministry_by_head(f)
    if hit and _under_ministry(unit) and fold(hit[0]).startswith("so "):
        # a Sở has no Cục, Vụ or Viện under it: "ĐỘ NÔNGG NGIUIỆP …" over "CỤC THÓ Y" spelled near "Sở Nông
        # nghiệp …" is the ministry of that name (seed 105's blurred alt 005), none of that name in doubt
        ministry = _MINISTRIES.get("bo " + fold(hit[0]).removeprefix("so "))
        hit = (ministry, hit[1] * 0.9) if ministry else (hit[0], min(hit[1], GARBLED_UBND_CONFIDENCE))
    if hit and fold(hit[0]).startswith("so "):
        hit = _so_read(text, hit)
    if hit:
        return hit
    a = re.match(r"^(\S+)\s+(tinh|thanh pho)\s+(\S.*)$", f)
    prov = province(a.group(3), GARBLED_UBND_CUTOFF) if a is not None and a.group(1) in _ACRONYMS else None
    if a is not None and prov is not None:
        # "HĐND TỈNH YÊN BÁI": a body's initials in their standard spelling ("HDND" read without the Đ's
        # stroke is "HĐND"), its level and its province as named
        level = "thành phố" if a.group(2) == "thanh pho" else "tỉnh"
        return f"{_ACRONYMS[a.group(1)]} {level} {prov[0]}", prov[1] * 0.9
    # a line led by a sign ("— TỈNH QUẢNG NINH") or by a garbled word before a province's level ("LUPNO TỈNH
    # QUẢNG NINH" over a Cục): its parent went unread, the line as read is in doubt
    first = squash(text).split()[0] if text.split() else ""
    garbled = (
        not any(c.isalnum() for c in first)
        or (
            not _syllable(first)
            and fold(first) not in _ACRONYMS
            and re.match(r"^\S+\s+(tinh|thanh pho)\s", f)
        )
        or any(_misread_initials(fold(w)) for w in squash(text).split() if not _syllable(w))
    )
    # a lone word ("BỘ" of "BỘ Y TẾ", its name's line lost on a blurred photo, seed 213 dev 010 at 0.65) names
    # no organ: in doubt
    lone = len(_plain_words(f)) <= 1
    return _as_named(text), GARBLED_UBND_CONFIDENCE if garbled or lone else 0.7


# a body's initials a parent's line may start with ("HĐND TỈNH …", "BHXH TỈNH …"), folded, and their standard
# spelling
_ACRONYMS = {fold(v): v for v in ("HĐND", "VKSND", "TAND", "NHNN", "BHXH", "KBNN", "MTTQ", "BCH", "UBMTTQ")}
_ETH = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})  # the Icelandic eth, Đ's look-alike


def _misread_initials(word: str) -> bool:
    """``word`` (folded) one letter from a body's initials ("ubno", "hdnb") and not them: a misreading, the
    line it is in read in part (its organ in doubt when no rule named it)."""
    key = word.strip(" .,:;'\"-")
    known = ("ubnd", *_ACRONYMS)
    return len(key) >= 3 and key not in known and any(Levenshtein.distance(key, k) == 1 for k in known)


def _near_other_initials(initials: str) -> bool:
    """``initials`` (folded) read one letter from "UBND", also one letter from another body's ("hbnd",
    "udnd": "HĐND" misread as well)."""
    key = re.sub(r"\s", "", initials)
    if key in ("ubnd", "uybannhandan"):
        return False
    return any(Levenshtein.distance(key, other) <= 1 for other in _ACRONYMS)


def _syllable(word: str) -> bool:
    from digitize.pipeline.fields.names import is_syllable

    return is_syllable(word.strip(" .,:;'\"-"))


HEAD_WORDS = 4  # a ministry's name read right in this many first words at least ...
HEAD_SHARE = 0.5  # ... and this share of its words
RUN_ON_WORDS = 3  # a ministry's name read whole in at least this many words, then run on


def _ministry_by_head(f: str) -> tuple[str, float] | None:
    """The one ministry whose name's first words ``f`` (folded) reads right (``HEAD_WORDS``, ``HEAD_SHARE``),
    the rest garbled by a blurred photo or run on into its specks ("bo nong nghiep va phat tre nong tron q em"
    of "… Phát triển nông thôn"): in doubt (``GARBLED_UBND_CONFIDENCE``); the one reading furthest, none when
    two ministries share as many words ("Bộ Nông nghiệp và …" of two names read no further). So is a name read
    whole and run on into the organ's words under it ("bo van hoa, the thao va du lich du lich gia" over "CỤC
    QUỐC VIỆT NAM": a low-light photo's lines of "CỤC DU LỊCH QUỐC GIA VIỆT NAM" split, seed 427 alt 011)."""
    read = f.split()
    if len(read) < HEAD_WORDS or read[0] != "bo":
        return None
    found: dict[str, int] = {}
    for name, value in _MINISTRIES.items():
        known = name.split()
        k = 0
        while k < min(len(known), len(read)) and known[k].strip(",.") == read[k].strip(",."):
            k += 1
        head = k >= HEAD_WORDS and k >= HEAD_SHARE * len(known) and k < len(known)
        # (a name read whole, of any length, run on: "bo tai chinh tong cuc" over "CỤC THUẾ", REVIEW-35)
        if head or (k == len(known) >= RUN_ON_WORDS and len(read) > k):
            found[value] = k
    best = [v for v, k in found.items() if k == max(found.values(), default=0)]
    return (best[0], GARBLED_UBND_CONFIDENCE) if len(best) == 1 else None


def _ministry_but_garbled(f: str) -> tuple[str, float] | None:
    """The ministry whose name ``f`` (folded) reads word for word but for words OCR visibly garbled, a
    digit among their letters ("bo van 140a, the thao va du lch": the "HÓA" read "140A"): those words are
    left out of the comparison, the others read at least 92 % like the ministry's."""
    read = f.split()
    garbled = [i for i, w in enumerate(read) if re.search(r"\d", w) and re.search(r"[a-z]", w)]
    if not garbled or len(garbled) > 1:
        return None
    for name in _MINISTRIES:
        known = name.split()
        if len(known) != len(read) or known[0] != "bo":
            continue
        a = " ".join(w for i, w in enumerate(read) if i not in garbled)
        b = " ".join(w for i, w in enumerate(known) if i not in garbled)
        if fuzz.ratio(a, b) >= 92:
            return _MINISTRIES[name], 0.85
    return None


_KIND = r"^\W?\w?\W?(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)"
_LOCAL_LEVELS = {
    "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thi tran": "thị trấn", "xa": "xã",
    "phuong": "phường",
}  # fmt: skip
_LOCAL = re.compile(r"^(huyen|quan|thi xa|thi tran|xa|phuong)\s+(\S.*)$")


def _garbled_ubnd(f: str) -> tuple[str, float] | None:
    """A province's committee whose "UBND" was misread in more than one letter (``f`` folded: "ubmo tinh nghe
    am", "uinnd tinh nghe an"): a short word led by its U and like it, before a province's level and a known
    province, not another committee's abbreviation; ("tỉnh Nghệ An", its score), in doubt (two letters of four
    guessed: to review); None otherwise."""
    g = _GARBLED_UBND.match(f)
    if (
        g is None
        or re.fullmatch(_UBND, g.group(1))
        or g.group(1).startswith(_OTHER_COMMITTEES)
        or fuzz.ratio(g.group(1), "ubnd") < 50
    ):
        return None
    prov = province(g.group(3), GARBLED_UBND_CUTOFF)
    if prov is None:
        return None
    level = "thành phố" if g.group(2).startswith(("thanh", "tp")) else "tỉnh"
    return f"{level} {prov[0]}", min(prov[1] * 0.9, GARBLED_UBND_CONFIDENCE)


# "ỦY BAN NHÂN DÂN / TỈNH …" written out, its "NHÂN" and its "TỈNH" misread on a blurred photo ("ỦY BAN wéw N
# DÂN / TÍSH YÊN BÁI", seed 469 dev 011, kept as read at 0.52): "Ủy ban" and "dân" read, one or two short
# words between them, a word like "tỉnh" (a t, an h, four or five letters), then a known province. No other
# committee names itself "Ủy ban … dân tỉnh …" (Ủy ban Mặt trận Tổ quốc, Ủy ban Kiểm tra have no "dân"
# there)
_GARBLED_WORDS_UBND = re.compile(r"^\W?uy ban\s+(\S{1,5}(?:\s+\S{1,3})?)\s+dan\s+(t\S{3,4})\s+(\S.*)$")


def _garbled_words_ubnd(f: str) -> tuple[str, float] | None:
    """A province's People's Committee written out, its "nhân" and "tỉnh" misread (``f`` folded, ``_GARBLED_
    WORDS_UBND``): (its proper name, in doubt: two words guessed); None otherwise."""
    g = _GARBLED_WORDS_UBND.match(f)
    if g is None:
        return _near_ubnd(f)
    if fuzz.ratio(g.group(2), "tinh") < 50:
        return None
    if _LOCAL.match(f[g.start(2) :]) is not None:
        # "ỦY BAN NHÂN DÂN / THỊ XÃ QUẢNG TRỊ": a town's committee, read right, named after its province
        # (REVIEW-38b H1)
        return None
    prov = province(g.group(3), GARBLED_UBND_CUTOFF)
    if prov is None:
        return None
    return f"Ủy ban nhân dân tỉnh {prov[0]}", min(prov[1] * 0.9, GARBLED_UBND_CONFIDENCE)


# "ỦY BAN NHÂN DÂN" with two of its letters misread or lost, then "TỈNH" or "THÀNH PHỐ" and a province
# ("ÚY BAM NHÂN DÃ / TÍNH PHÚ THỌ" on a blurred photo, seed 705 dev 003: taken as read, "Úy bam nhân đã tỉnh
# Phú Thọ", at 0.82)
_NEAR_UBND = re.compile(r"^\W?(\S+\s+\S+\s+\S+\s+\S+)\s+(tinh|thanh pho)\s+(\S.*)$")
NEAR_UBND_EDITS = 2


def _near_ubnd(f: str) -> tuple[str, float] | None:
    """A province's or a city's People's Committee, its four words read at most ``NEAR_UBND_EDITS`` letters
    off, then its level word read right and a known province (``f`` folded): its proper name, in doubt."""
    g = _NEAR_UBND.match(f)
    if g is None or Levenshtein.distance(g.group(1), "uy ban nhan dan") > NEAR_UBND_EDITS:
        return None
    prov = province(g.group(3), GARBLED_UBND_CUTOFF)
    if prov is None:
        return None
    level = "thành phố" if g.group(2).startswith("thanh") else "tỉnh"
    return f"Ủy ban nhân dân {level} {prov[0]}", min(prov[1] * 0.9, GARBLED_UBND_CONFIDENCE)


def ubnd_organ(texts: list[str]) -> tuple[str, float] | None:
    """A local People's Committee or Council over one or two lines, no parent: "ỦY BAN NHÂN DÂN / TỈNH QUẢNG
    NGÃI", "HỘI ĐỒNG NHÂN DÂN / TỈNH …", "ỦY BAN NHÂN DÂN / HUYỆN BA TƠ" → its proper name. The second line of
    a district or commune must start with its level ("UBND HUYỆN X / PHÒNG Y" is a parent and an organ)."""
    f = fold(squash(" ".join(texts)))
    m = re.match(_KIND + r"\s+(tinh|thanh pho|tp\.?)\s+(.+)$", f)
    if m is not None:
        kind = "Hội đồng nhân dân" if m.group(1).startswith("h") else "Ủy ban nhân dân"
        prov = province(m.group(3))
        if prov is None:
            return None
        level = "thành phố" if m.group(2).startswith(("thanh", "tp")) else "tỉnh"
        return f"{kind} {level} {prov[0]}", prov[1]
    # "UBND" misread in more than one letter, the committee the organ itself ("UINND TỈNH NGHỆ AN" was taken
    # as "Uinnd tỉnh Nghệ An" at 0.92, REVIEW-26 #9): the province's committee, two letters guessed: in doubt
    ubnd_hit = _garbled_ubnd(f)
    if ubnd_hit is not None:
        return f"Ủy ban nhân dân {ubnd_hit[0]}", ubnd_hit[1]
    words_hit = _garbled_words_ubnd(f)
    if words_hit is not None:
        return words_hit
    if len(texts) != 2 or not re.match(_KIND + r"\W*$", fold(squash(texts[0]))):
        return None
    second = squash(texts[1])
    m2 = _LOCAL.match(fold1(second))
    if m2 is None:
        return None
    kind = "Hội đồng nhân dân" if fold(texts[0]).lstrip(" '\"-.").startswith("h") else "Ủy ban nhân dân"
    place = clean_value(normalize_tones(second[m2.start(2) :]))
    if not place or len(place) > 40:
        return None
    return f"{kind} {_LOCAL_LEVELS[m2.group(1)]} {place.title()}", 0.85


def known_organ(text: str, cutoff: float) -> tuple[str, float] | None:
    """The vocabulary's organ that ``text`` is an OCR misreading of: its letters corrected, never its words
    (the list helps to read, it does not decide which organ it is). The head word read as printed is kept
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" is not the "Sở Giáo dục và Đào tạo", "BỘ NỘI VỤ" not the "Sở Nội vụ"), and
    no word is added or dropped ("KHO BẠC NHÀ NƯỚC TỈNH" is not the "Kho bạc Nhà nước")."""
    hit = match(text, F_ORGANS, cutoff)
    if hit is None:
        return None
    read, known = fold(squash(text)).split(), fold(hit[0]).split()
    head_read, head_known = _HEAD.match(" ".join(read)), _HEAD.match(" ".join(known))
    if head_read is not None and (
        head_known is None or head_read.group(0).strip(" .'\"-") != head_known.group(0).strip(" .'\"-")
    ):
        return None
    if fold(hit[0]) in F_CENTRAL_UNITS:
        # a central department: its words as read, give or take a letter each, or its letters all run
        # together or split ("CỤC THỦY" for "CỤC THÚ Y"); not a near name ("CỤC CON NUÔI": no Cục Chăn nuôi)
        if len(read) == len(known):
            close = all(Levenshtein.distance(a, b) <= 1 for a, b in zip(read, known, strict=True))
            return hit if close else None
        if _speck_among(text, known):
            return hit[0], min(hit[1], CUT_SHORT_ORGAN)  # its words and a speck read as a letter: in doubt
        return hit if "".join(read) == "".join(known) else None
    if len(read) == len(known):
        if all(fuzz.ratio(a, b) >= 50 for a, b in zip(read, known, strict=True)):
            return hit
        return None
    # OCR ran two words together or split one: the letters still say the same
    return hit if fuzz.ratio("".join(read), "".join(known)) >= 90 else None


def _speck_among(text: str, known: list[str]) -> bool:
    """``text`` is the words ``known`` (folded) as read, all of them, and a speck read as a small letter
    among its capitals ("CỤC DU LỊCH QUỐC GIA VIỆT ố NAM", the "Ệ"'s marks read again, seed 365 alt 010):
    a capital is a word of the name's ("CỤC QUẢN LÝ Y DƯỢC" is the "Cục Quản lý Y, Dược cổ truyền" cut
    short, no "Cục Quản lý Dược": review 32), as is a letter a known organ's word there begins with."""
    words = squash(text).split()
    folded = [fold(w) for w in words]
    if len(folded) != len(known) + 1 or not capitals(text):
        return False
    for k, w in enumerate(words):
        if len(w) == 1 and w.islower() and folded[:k] + folded[k + 1 :] == known:
            after = " ".join(known[:k])
            return not any(
                key.startswith(f"{after} {folded[k]}".strip()) for key in F_ORGANS if len(key) > len(after)
            )
    return False


def _same_words(text: str) -> tuple[str, float] | None:
    """The one known organ whose words ``text`` has, all and no other, in another order (a name over two
    lines read across them: "BỘ NÔNG NGHIỆP VÀ PHÁT" / "NÔNG THÔN" / "TRIỂN" for "… PHÁT TRIỂN NÔNG THÔN")."""
    words = sorted(_plain_words(fold(squash(text))))
    if len(words) < 3:
        return None
    hits = {name for key, name in F_ORGANS.items() if sorted(_plain_words(key)) == words}
    if not hits and sum(len(w) == 1 for w in words) == 1:
        # a letter read apart beside the name's words ("SỞ KHOA H VÀ / HỌC / CÔNG NGHỆ": a blurred photo's
        # "HỌC" read twice, once cut to its "H"), in no name, the initial of one of its words: the name
        # without it, in doubt
        letter = next(w for w in words if len(w) == 1)
        rest = [w for w in words if w != letter]
        hits = {
            name
            for key, name in F_ORGANS.items()
            if sorted(_plain_words(key)) == rest and letter not in _plain_words(key)
        }
        if not any(w.startswith(letter) for w in rest):
            return None  # a word of its own ("CỤC QUẢN LÝ Y, DƯỢC"), not a word's initial read again
        return (hits.pop(), CUT_SHORT_ORGAN) if len(hits) == 1 else None
    return (hits.pop(), 0.85) if len(hits) == 1 else None


def _words_lost(text: str, name: str) -> bool:
    """``name`` has more words than ``text`` and more letters (the letters matched it with words lost; not
    two words OCR ran together: "SỞ XÂYDỰNG")."""
    read, known = _plain_words(fold(text)), _plain_words(fold(name))
    return len(known) > len(read) and len("".join(known)) > len("".join(read)) + 1


def _plain_words(folded: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", folded).split()


CUT_SHORT_ORGAN = DOUBTFUL - 0.05  # a known organ's name read without its last words: completed, in doubt


UNKNOWN_ORGAN = 0.7  # an organ no vocabulary knows: its name as read, the line's confidence x this


GLUED_LETTERS = 5  # a name read as one word of at least this many letters ...
GLUED_LIKE = 80  # ... whose letters are this like one known organ's, its spaces left out (rapidfuzz)


def _run_together(text: str, parent: str | None = None) -> tuple[str, float] | None:
    """The one known organ whose name's letters a one-word reading has, run together and a letter misread
    ("XỞYTẾ" of "SỞ Y TẾ" on a blurred photo): in doubt (``CUT_SHORT_ORGAN``). Under a committee
    (``parent``) no ministry is a unit: "Bộ Y tế" is as like "XỞYTẾ" as "Sở Y tế"."""
    words = fold(squash(text)).split()
    if len(words) != 1 or sum(ch.isalpha() for ch in words[0]) < GLUED_LETTERS:
        return None
    letters = re.sub(r"[\W\d_]", "", words[0])
    scored = [
        (fuzz.ratio(letters, re.sub(r"[\W\d_]", "", key)), name)
        for key, name in F_ORGANS.items()
        if len(key.split()) > 1 and not (key.startswith("bo ") and fold(parent or "").startswith("ubnd"))
    ]
    best = max((r for r, _ in scored), default=0.0)
    names = {name for r, name in scored if r == best}
    return (names.pop(), CUT_SHORT_ORGAN) if best >= GLUED_LIKE and len(names) == 1 else None


def _word_lost_inside(text: str) -> tuple[str, float] | None:
    """The one known organ whose name is the words read (three at least, in order, each as read) and one more
    after its head word, lost ("CỤC LÝ DƯỢC" of "CỤC QUẢN LÝ DƯỢC" on a blurred photo, seed 345 blur dev 008:
    the blur took the short word between two others): that organ, in doubt (``CUT_SHORT_ORGAN``)."""
    read = _plain_words(fold(squash(text)))
    if len(read) < 3:
        return None
    hits = set()
    for key, name in F_ORGANS.items():
        known = _plain_words(key)
        if (
            len(known) == len(read) + 1
            and known[0] == read[0]
            and any(known[:k] + known[k + 1 :] == read for k in range(1, len(known) - 1))
        ):
            hits.add(name)
    return (hits.pop(), CUT_SHORT_ORGAN) if len(hits) == 1 else None


def organ(text: str, parent: str | None = None) -> tuple[str, float]:
    """The issuing organ's name from its lines' ``text`` (``parent``: its parent organ's, when read)."""
    text = _lead_dropped(text)
    # the first words of one known organ's name, the rest lost (a blurred photo's second line: "SỞ VĂN HÓA,
    # THỂ THAO" of "… VÀ DU LỊCH", which the letters would take for the "Sở Văn hóa và Thể thao"): that
    # organ, in doubt
    cut = _completed(text)
    hit = known_organ(text, 84) or _same_words(text) or _run_together(text, parent)
    if hit is None and cut is None:
        hit = _word_lost_inside(text) or _cut_with_a_stop(text) or _word_garbled(text) or _number_within(text)
    if cut is not None and (hit is None or (fold(hit[0]) != fold(cut[0]) and _words_lost(text, hit[0]))):
        return cut[0], CUT_SHORT_ORGAN
    if hit and _words_lost(text, hit[0]):
        return hit[0], min(hit[1], CUT_SHORT_ORGAN)  # its letters read with a word fewer: in doubt
    if hit and fold(hit[0]).startswith("so "):
        # the organ's own line as its parent's: "ĐỘ Y TẾ" (a ministry's "BỘ" blurred, seed 345 blur dev 011)
        # is the Bộ Y tế as much as the Sở Y tế, and was given as the Sở at 0.78
        return _so_read(text, hit)
    if hit:
        return hit
    if any(_STOPPED.match(w) and w[:-1] not in _NAME_ABBREVIATIONS for w in fold(squash(text)).split()):
        return _as_named(text), GUESSED_ORGAN_CONFIDENCE  # a word of it read cut short: in doubt
    return _as_named(text), UNKNOWN_ORGAN


def _word_garbled(text: str) -> tuple[str, float] | None:
    """The known organ whose words ``text``'s are, one to one, but for one read as marks of no syllable
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HQ", its "HỘI" under a seal's ink: seed 627 alt 009 gave "… xã HQ"):
    that organ, in doubt (which word was printed there is the list's guess)."""
    hit = match(text, F_ORGANS, 84)
    if hit is None:
        return None
    read, known = _plain_words(fold(squash(text))), _plain_words(fold(hit[0]))
    if not _one_word_garbled(read, known) or len(read) < 3:
        return None
    return hit[0], GUESSED_ORGAN_CONFIDENCE


# a lone number inside an organ's name after a word that numbers nothing: a pen's number or a stamp's digits
# read into the header's line ("SỞ VĂN HÓA, THỂ THAO VÀ DU" / "5 LÊN", the pen's "5" over "LỊCH"); what a
# number does follow in a name ("Quận 5", "Trường THPT số 2", "Đội 3") keeps it
_LONE_NUMBER = re.compile(r"^\d{1,4}[.,:]?$")
_NUMBERING_WORDS = frozenset(
    {"so", "quan", "phuong", "doi", "khu", "to", "ap", "lien", "khoi", "trai", "tram", "vien", "doan"}
)


def _stray_numbers(text: str) -> list[int]:
    """The places of ``text``'s words that are a lone number after a word that numbers nothing."""
    words = squash(text).split()
    return [
        i
        for i, w in enumerate(words)
        if _LONE_NUMBER.match(w) and (i == 0 or fold(words[i - 1]).strip(_STRIP) not in _NUMBERING_WORDS)
    ]


def _number_within(text: str) -> tuple[str, float] | None:
    """The known organ ``text`` reads as once a lone number read into it is taken out (``_stray_numbers``)
    and one word garbled or cut short beside it (seed 903 alt 013 "SỞ VĂN HÓA, THỂ THAO VÀ DU 5 LÊN" of
    "… DU LỊCH", sure at 0.63 as read; seed 671 alt 007 "SỞ NÔNG NGHIỆP VÀ MÔI TR 6" of "… MÔI TRƯỜNG"): that
    organ, in doubt (``CUT_SHORT_ORGAN``: the number hid what was printed there)."""
    stray = _stray_numbers(text)
    words = squash(text).split()
    if not stray or len(stray) > 1 or len(words) < 4:
        return None
    rest = " ".join(w for i, w in enumerate(words) if i not in stray)
    hit = known_organ(rest, 84) or _completed(rest)
    if hit is None:
        # a word beside the number read as marks of no likeness: the one organ whose other words these are
        found = match(rest, F_ORGANS, 84)
        if found is None:
            return None
        read, known = _plain_words(fold(squash(rest))), _plain_words(fold(found[0]))
        if len(read) != len(known) or sum(a != b for a, b in zip(read, known, strict=True)) != 1:
            return None
        hit = found
    return hit[0], CUT_SHORT_ORGAN


def _lead_dropped(text: str) -> str:
    """``text`` without its first words of no letter before an organ's head word: no organ's name starts with
    a number, it is a speck or a stamp's digits read before its line ("13 SỞ LAO ĐỘNG - THƯƠNG", seed 511 alt
    001: as read it was no known organ's start, "13 sở lao động - thương" at 0.62)."""
    words = text.split()
    k = next((i for i, w in enumerate(words) if any(ch.isalpha() for ch in w)), 0)
    rest = " ".join(words[k:])
    return rest if k and _HEAD.match(fold(rest)) else text


# a word of an organ's name read cut short with a stop after it ("QU." of "QUẢN" on a photo at an angle): the
# start of a syllable (an onset and vowels, folded); the abbreviations organ names do use ("TP.", "TX.",
# "Q.", "H.", "KT.") and initialisms ("CP.", "ĐH.", "KV.", "QLDA.": no syllable starts so) are no such word
_STOPPED = re.compile(r"^(?=[a-z])(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{0,3}\.$")
_NAME_ABBREVIATIONS = frozenset({"tp", "tx", "q", "h", "kt", "tt", "p", "x"})


def _cut_with_a_stop(text: str) -> tuple[str, float] | None:
    """The one known organ whose words are the reading's, one word or more read cut short with a stop
    (``_STOPPED``: "CỤC QU. LÝ DƯỢC" of "CỤC QUẢN LÝ DƯỢC", taken as read and unknown at 0.64, seed 455 dev
    011), each such word the start of the known one's: that organ, in doubt (``CUT_SHORT_ORGAN``); none when
    two organs would do."""
    read = fold(squash(text)).split()
    cut = [i for i, w in enumerate(read) if _STOPPED.match(w) and w[:-1] not in _NAME_ABBREVIATIONS]
    if not cut or len(cut) * 2 > len(read):
        return None
    found = {
        name
        for key, name in F_ORGANS.items()
        if len(known := key.split()) == len(read)
        and all(
            (k.startswith(r[:-1]) and len(k) > len(r) - 1) if i in cut else k == r
            for i, (r, k) in enumerate(zip(read, known, strict=True))
        )
    }
    return (found.pop(), CUT_SHORT_ORGAN) if len(found) == 1 else None


# a letter beside a digit in one word: a misread, not a word
_MIXED = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")


# a unit named by its code: the code the one word after the unit's head ("Cục C04", "Phòng PA05", "Đội
# A03"); a code-like word elsewhere in a name is a word OCR read with digits ("HÒA" → "H04", "VỤ" → "V01")
_CODE_NAME = re.compile(r"^\W*(?:tong cuc|chi cuc|cuc|phong|vu|doi|ban|trung tam)\s+(\S+)$")


def _mixed(word: str, name: str) -> bool:
    """A word of ``name`` of letters and digits mixed, not the code naming the unit (``_CODE_NAME``)."""
    if _MIXED.search(word) is None:
        return False
    m = _CODE_NAME.match(fold(squash(name)))
    code = word.strip(".,;:()[]")
    return not (m is not None and _CODE.fullmatch(code) and m.group(1).strip(".,;:()[]") == code.lower())


# an organ no vocabulary knows whose name is not as read: under the review threshold
GUESSED_ORGAN_CONFIDENCE = DOUBTFUL - 0.05


def guessed_name(name: str, lines: Sequence[Line]) -> bool:
    """An organ's name no vocabulary knows (``UNKNOWN_ORGAN``) that is no reading of its lines: a word of it
    the page's language model chose (``Word.read``: "CỤC THÚY", "THÚ Y" run together, became "CỤC THỦY", as
    in "Thủy sản"; seed 85's alt 004), or two words side by side that the corpus never shows together ("Cục
    viên thôn g" for "CỤC VIỄN THÔNG", its tilde lost under a handwritten number; alt 009). An organ's name
    is administrative Vietnamese, the corpus's own: its words stand beside each other there. A word of
    letters and digits mixed ("2ục", "viet1": a line read twice over itself, seed 179 alt 003) is no word of
    a name the corpus could hold either; a unit's code is ("Cục C04", "Phòng PA05": ``_CODE``)."""
    if any(w.read for ln in lines for w in ln.words):
        return True
    if any(_mixed(w, name) for w in name.split()):
        return True
    if _stray_numbers(name) and _number_within(name) is not None:
        # a pen's number or a stamp's digits read into a known organ's name (seed 903 alt 013 "… du 5 lên");
        # a number the name has ("Bệnh viện Quân y 103", "Công ty 319", "Cục Quản lý đường bộ 4") is as read
        return True
    return unseen_syllable(name)


def unseen_syllable(name: str, *, pairs: bool = True) -> bool:
    """A word of ``name`` (an organ's) the corpus shows rarely or never, or (``pairs``) two of its words side
    by side it never shows together: marks OCR misread, not the name printed."""
    from digitize.pipeline.correct import MIN_COUNT, load
    from digitize.pipeline.syllable import key

    model = load()
    words = [w.strip(_STRIP) for w in normalize_tones(name).lower().split()]
    # a syllable the corpus shows rarely or never ("THÚY SÁN" of "THỦY SẢN" on a blurred photo, its tone
    # marks misread; seed 807 corp 000 was sure at 0.61): the marks OCR read, not the name printed
    if any(_syllable(w) and model.count(key(w)) < MIN_COUNT for w in words if w.isalpha()):
        return True
    if not pairs:
        return False
    ids = [model.index.get(key(w)) if w.isalpha() else None for w in words]
    return any(
        a is not None and b is not None and a * model.size + b not in model.bigrams
        for a, b in itertools.pairwise(ids)
    )


# a word of an organ's name whose letters under other marks the corpus shows beside its neighbours this many
# times as often as the word read (and at least MARK_RIVAL_MIN times)
MARK_RIVAL_RATIO = 50
MARK_RIVAL_MIN = 10
# the words of the listed departments' and central units' names (their marks kept): the only rivals a word
# the corpus never prints may be taken for on one neighbour's word ("Thúy" of "Sở Thủy sản"); a place's or
# a school's name the corpus never saw ("Chơn Thành", "Thới Bình", "Khổng Lào") is no department's word
_DEPARTMENT_WORDS = frozenset(
    w.lower()
    for k, v in F_ORGANS.items()
    if not k.startswith(("uy ban", "cong an"))
    for w in re.findall(r"\w+", v)
)
# after these a name is a place's or a school's: a word the corpus never prints there is as printed
_PROPER_NAME_AFTER = re.compile(
    r"\b(?:huyện|xã|phường|thị trấn|tỉnh|thành phố|tp|quận|thị xã|thôn|ấp|bản"
    r"|trường|thpt|thcs|th|mn|ptdtnt)\b"
)


def marks_by_corpus(name: str) -> str | None:
    """``name`` (an organ's, no vocabulary knows) with a word whose marks OCR misread put back as the corpus
    prints it beside its neighbours, None when no word is. An organ's name is administrative Vietnamese, the
    corpus's own phrases: a word that stands beside its neighbours there rarely or never ("và mỗi trường",
    3 times; "Cục Tố chức", never) while the same letters under other marks stand there in hundreds ("và
    môi trường", "Tổ chức") is the common word with its mark misread (Tesseract takes a hook for an acute
    or a circumflex for a tilde on a scan, sure of it: seed 835 corp 002 "MỖI" at 95, seed 823 corp 003
    "Tố" at 97 in the body). The other spelling must stand beside both neighbours: a word inside the name (a
    last word has one; "SỞ Y TẾ mã", a page's edge read as marks, is no "Sở Y tế mà")."""
    from digitize.pipeline.correct import cased, load
    from digitize.pipeline.syllable import key, skeleton

    model = load()
    parts = name.split()
    cores = [p.strip(_STRIP) for p in parts]
    keys = [key(c.lower()) if c.isalpha() else None for c in cores]

    def beside(a: str | None, b: str | None) -> int:
        ia, ib = model.index.get(a or ""), model.index.get(b or "")
        return 0 if ia is None or ib is None else model.bigrams.get(ia * model.size + ib, 0)

    def sides(i: int, k: str) -> tuple[int, int] | None:
        # how often the corpus shows ``k`` after the word before it and before the word after it
        if i == 0 or i + 1 >= len(parts) or keys[i - 1] is None or keys[i + 1] is None:
            return None
        if parts[i - 1] != cores[i - 1] or parts[i] != cores[i]:
            return None
        return beside(keys[i - 1], k), beside(k, keys[i + 1])

    changed = False
    for i, k in enumerate(keys):
        if k is None or not _syllable(cores[i].lower()):
            continue
        own = sides(i, k)
        if own is None:
            continue
        # a word the corpus never prints ("Thúy" of "SỞ THỦY SẢN" read at 96 on a photo, seed 869 corp 010):
        # a rival standing beside ONE neighbour is enough ("sở thủy" is in no corpus phrase, "thủy sản" is in
        # a thousand), a misread mark and no word of its own
        unseen = k not in model.index
        if unseen and _PROPER_NAME_AFTER.search(nfc(" ".join(cores[:i])).lower()):
            continue  # "UBND xã Khổng Lào", "Trường THPT Chơn Thành": a place's name, as printed
        best, best_n = None, 0
        for k2 in model.by_skeleton.get(skeleton(k[:-1]), ()):
            if k2 == k or k2 not in model.index:
                continue
            surface = model.surface[model.index[k2]]
            if fold(surface) == surface.lower():
                continue  # a form with no mark at all: a word printed without its marks, no rival reading
            n = sides(i, k2)
            if n is None:
                continue
            if unseen and surface.lower() not in _DEPARTMENT_WORDS:
                continue  # ... and its rival is a department's word ("thủy" of "Thủy sản", "Thủy lợi")
            got = max(n) if unseen else min(n)
            # the rival beats the word read beside EACH neighbour ("lịch sử tỉnh" beside "lịch" is "lịch
            # sự", but "sử tỉnh" stands there as often: no misread mark)
            if not unseen and any(
                r < MARK_RIVAL_MIN or r < MARK_RIVAL_RATIO * o for r, o in zip(n, own, strict=True)
            ):
                continue
            if got < MARK_RIVAL_MIN:
                continue
            if got == best_n:
                best = None  # two rivals as frequent: no one word to put back
            elif got > best_n:
                best, best_n = k2, got
        if best is None:
            continue
        parts[i] = parts[i].replace(cores[i], cased(model.surface[model.index[best]], cores[i]))
        changed = True
    return " ".join(parts) if changed else None


# a garbled word of an organ's name made the corpus's word beside its neighbour when that one is this many
# times as frequent there as any other so read
GARBLE_RIVAL_RATIO = 10


def garble_by_corpus(name: str) -> str | None:
    """``name`` (an organ's, no vocabulary knows) with a word OCR garbled into no syllable, a letter of it
    misread under its marks ("PHƯẾNG" of "CỤC CÔNG NGHIỆP ĐỊA PHƯƠNG" on a photo, seed 829 corp 007: "ơ" read
    "ế"), made the one word the corpus prints beside its neighbours with its letters but for one (marks
    aside): "địa phương". An organ's name is the corpus's administrative Vietnamese. None when no word is so
    made: a word of capitals without a mark is initials ("THPT", "UBND"), no garble; a word two letters off,
    or one several corpus words are as near, is left as read."""
    from digitize.pipeline.correct import cased, load
    from digitize.pipeline.syllable import key

    parts = name.split()
    cores = [p.strip(_STRIP) for p in parts]
    # the words after a level word name a place, a name of its own no corpus neighbour tells ("huyện Lắk",
    # no "huyện lập"): left as read
    low = [c.lower() for c in cores]
    place = next(
        (
            i + 1
            for i, w in enumerate(low)
            if w in _LEVEL_WORDS or (w == "xã" and low[i + 1 : i + 2] != ["hội"])
        ),
        len(cores),
    )
    place = min(
        place,
        next((i + 2 for i in range(len(low) - 1) if f"{low[i]} {low[i + 1]}" in _LEVEL_PAIRS), len(cores)),
    )
    changed = False
    model = None
    for i, core in enumerate(cores[:place]):
        if i == 0 or not core.isalpha() or _syllable(core) or not cores[i - 1].isalpha():
            continue
        if fold(core) == core.replace("Đ", "D").replace("đ", "d").lower():
            continue  # no mark: initials, not a garble
        model = model or load()
        if key(core.lower()) in model.index:
            continue  # a word the corpus prints as read ("Đắk", "Lắk"): a name of a minority's tongue
        left = model.index.get(key(cores[i - 1].lower()))
        right = (
            model.index.get(key(cores[i + 1].lower()))
            if i + 1 < len(cores) and cores[i + 1].isalpha()
            else None
        )
        if left is None or (i + 1 < len(cores) and right is None):
            continue
        target = fold(core)
        counts = []
        for j, surface in enumerate(model.surface):
            f = fold(surface)
            if len(f) != len(target) or Levenshtein.distance(f, target) > 1:
                continue
            n = model.bigrams.get(left * model.size + j, 0)
            if right is not None:
                n = min(n, model.bigrams.get(j * model.size + right, 0))
            if n >= MARK_RIVAL_MIN:
                counts.append((n, surface))
        counts.sort(reverse=True)
        if not counts or (len(counts) > 1 and counts[0][0] < GARBLE_RIVAL_RATIO * counts[1][0]):
            continue
        word = counts[0][1]
        # a name in sentence case: its word as the corpus prints it; a word of capitals beside another (a
        # proper name printed in capitals) keeps its case
        near = [c for c in cores[i - 1 : i + 2] if c is not core and c.isalpha()]
        run = any(c.isupper() and len(c) >= 2 for c in near)
        word = word.lower() if core.isupper() and not name.isupper() and not run else cased(word, core)
        if word == core:
            continue
        parts[i] = parts[i].replace(core, word)
        changed = True
    return " ".join(parts) if changed else None


# the level words of an administrative unit: what follows them names a place
_LEVEL_WORDS = frozenset({"tỉnh", "huyện", "quận", "phường", "tp", "tp."})
_LEVEL_PAIRS = frozenset({"thành phố", "thị xã", "thị trấn"})


# the heads of a ministry's, a department's and their units' names: what follows names their field in Sino-
# Vietnamese compounds, two syllables or more ("Cục Viễn thông", "Sở Tư pháp", "Vụ Pháp chế")
_FIELD_HEADS = re.compile(r"^\W*(?:tong cuc|chi cuc|cuc|so|vu|bo|vien)\s+(\S+)$")


def one_word_name(name: str) -> bool:
    """An organ's name no vocabulary knows that names its field by one word after its head ("Cục thông" of
    "CỤC VIỄN THÔNG" blurred, its middle word lost): a word was lost (the one such known name, "Tổng cục
    Thuế", is known). A unit's code is its whole name ("Cục C04": ``_CODE``). Nor is one word alone an
    organ's name: "TRƯỜNG", the last line of "SỞ NÔNG NGHIỆP VÀ MÔI / TRƯỜNG" when the lines above were
    taken for its parent (seed 521 blur alt 008, sure at 0.67)."""
    if len(_plain_words(fold(squash(name)))) < 2:
        return True
    m = _FIELD_HEADS.match(fold(squash(name)))
    return m is not None and _CODE.fullmatch(name.split()[-1].strip(".,;:()[]")) is None


def capitals(text: str) -> bool:
    """Mostly capital letters (an organ's header line), as OCR reads them ("Cục LÝ DƯỢC" still is)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def organ_over_heading(layout: Layout) -> bool:
    """A Decree 30 header whose motto and number went unread (a blurred photo: "AB. II NI", "Số. Z2"): a type
    heading ("CHỈ THỊ") with a line in capitals at the top of the page's left column above it, the issuing
    organ's (a page of body text has its lines in normal case)."""
    if layout.type_i is None:
        return False
    return any(
        capitals(ln.text)
        and len(re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", ln.text)) >= 4
        and (not ln.boxed or ln.y0 < 0.25 * ln.height)
        for ln in layout.left[:3]
    )


# a header line naming an organ of its own (the parent's unit): it starts with an organ's head word
_HEAD_WORDS = (
    "so", "van phong", "ban", "phong", "chi cuc", "tong cuc", "cuc", "vu", "vien", "trung tam", "thanh tra",
    "cong an", "truong", "uy ban", "ubnd", "toa an", "hoi dong", "cong ty", "tong cong ty", "benh vien",
    "bo", "doan", "hoc vien", "dai hoc", "kho bac", "ngan hang", "bo chi huy", "bo tu lenh", "lien doan",
    "nha xuat ban", "chi nhanh",
)  # fmt: skip
_HEAD = re.compile(r"^\W*(?:" + "|".join(sorted(_HEAD_WORDS, key=len, reverse=True)) + r")\b")
# a second line that goes on with the first's name: an administrative unit or a qualifier ("TỈNH QUẢNG NGÃI",
# "TỐI CAO" under "VIỆN KIỂM SÁT NHÂN DÂN", "NHÂN DÂN TỈNH X" under "TÒA ÁN"); "QUẢN LÝ" ("QUẢN LÍ", "QUÂN
# KHU", "QUÂN ĐỘI", "QUÂN SỰ", "QUÂN Y") folds as "QUẬN" does and is no district ("BỘ Y TẾ" / "QUẢN LÝ
# DƯỢC", its "CỤC" lost, was one organ "Bộ y tế quản lý dược" at 0.64)
_GOES_ON = re.compile(
    r"^\W*(tinh|thanh pho|tp|huyen|quan(?! (?:ly|li|khu|doi|su|y)\b)|thi xa|thi tran|xa|phuong|toi cao"
    r"|nhan dan|trung uong"
    r"|cap cao|khu vuc|quoc gia|va|-)\b"
)


def heads_an_organ(text: str) -> bool:
    """The line starts with an organ's head word (BỘ, SỞ, CỤC, VỤ, VIỆN, BAN, PHÒNG, ỦY BAN, TÒA ÁN,
    TRƯỜNG, TRUNG TÂM, CHI CỤC, VĂN PHÒNG, HỘI ĐỒNG, CÔNG TY …): under another line it names a unit of it."""
    f = fold(squash(text))
    return bool(_HEAD.match(f)) and not _GOES_ON.match(f)


# the central units' head words as printed, by their folded form
_UNIT_HEAD_SPELLED = {"cuc": "cục", "vu": "vụ", "vien": "viện"}


def compound_not_head(text: str) -> bool:
    """The line's first word folds as a unit's head word but was read with other marks, a word the corpus
    puts before the next word more often than the head (COMPOUND_MIN times at least): "VIỄN THÔNG" (1181
    times, "viện thông" 6) is a field's name whose "CỤC" was lost, no "VIỆN" (seed 537 alt 003 gave "Viễn
    thông" for "Cục Viễn thông")."""
    from digitize.pipeline.correct import pair_count

    words = nfc(squash(text)).split()
    if len(words) < 2:
        return False
    first = words[0].strip(_STRIP).lower()
    head = _UNIT_HEAD_SPELLED.get(fold(first))
    if head is None or first == head:
        return False
    n = pair_count(first, words[1])
    return n >= COMPOUND_MIN and n > pair_count(head, words[1])


# a line ending in a word that cannot end a name goes on with the next ("SỞ VĂN HÓA, THỂ THAO VÀ" / "DU LỊCH")
_OPEN_END = re.compile(r"(?:\b(?:va|cac|cua|ve)|[,\-–])\s*$")
# how much likelier a syllable is after the line's last one than anywhere (administrative Vietnamese): a
# word split over the line break ("MÔI" / "TRƯỜNG": 324 times, "CẢNH SÁT" / "PHÒNG CHÁY": 5) and not a new
# organ's head word after a name's end ("YÊN BÁI" / "SỞ", "TÀI CHÍNH" / "TỔNG CỤC": 0 to 2.5)
COMPOUND_LIFT = 4.0
COMPOUND_MIN = 20  # ... seen at least this often together


def continues(above: str, below: str) -> bool:
    """Does ``below`` go on with ``above``'s words rather than start an organ's name, although it starts with
    an organ's head word? "BỘ NÔNG NGHIỆP VÀ MÔI" / "TRƯỜNG" (the word "môi trường" broken over the lines),
    "CỤC CẢNH SÁT" / "PHÒNG CHÁY, CHỮA CHÁY", "BỘ VĂN HÓA, THỂ THAO VÀ" / "DU LỊCH": by the syllables'
    company in the language, not by a list of organs."""
    if _OPEN_END.search(fold(squash(above))):
        # ... but a committee's line ends at its province: a comma after it is a speck ("… BND TỈNH AN
        # GIANG," over "SỞ KHOA HỌC VÀ CÔNG NGHỆ", seed 903 dev 011, read as one organ)
        end = re.search(r"\b(?:tinh|thanh pho)\s+([^,]+),$", fold(squash(above)))
        return not (end is not None and end.group(1).strip() in F_PROVINCES and _HEAD.match(fold(below)))
    last, first = re.findall(r"\w+", above)[-1:], re.findall(r"\w+", below)[:1]
    if not last or not first:
        return False
    last = [_glued_tail(last[0])]
    from digitize.pipeline.correct import load
    from digitize.pipeline.syllable import key

    model = load()
    i, j = model.index.get(key(normalize_tones(last[0]))), model.index.get(key(normalize_tones(first[0])))
    if i is None or j is None:
        return False
    together = model.bigrams.get(i * model.size + j, 0)
    if together < COMPOUND_MIN:
        return False
    lift = together / max(float(model.uni[i]), 1.0) / (float(model.uni[j]) / model.total)
    return lift >= COMPOUND_LIFT


def _glued_tail(word: str) -> str:
    """A line's last word, its marks left out; two syllables read run together, the second ("VÀMÔI_" of "VÀ
    MÔI" over "TRƯỜNG", a stamp's ink over the space: s885 corp 001, the ministry's line taken for a unit's
    "Trường")."""
    core = re.sub(r"[\W\d_]", "", word)
    if not core or _syllable(core):
        return core or word
    for j in range(1, len(core) - 1):
        if _syllable(core[:j]) and _syllable(core[j:]):
            return core[j:]
    return core


def _split_at_unit(texts: Sequence[str]) -> int:
    """Where the organ's own lines start among the header's organ lines (Decree 30: the parent organ's
    line(s), then the issuing organ's): the first line after the first that starts with an organ's head word;
    0 when none does (a name wrapped over lines, or going on with an administrative unit or a qualifier:
    "VIỆN KIỂM SÁT NHÂN DÂN / TỐI CAO", "TÒA ÁN NHÂN DÂN / TỈNH X" is one organ, no parent)."""
    k = next(
        (
            k
            for k in range(1, len(texts))
            if heads_an_organ(texts[k]) and not continues(*texts[k - 1 : k + 1])
        ),
        0,
    )
    if k or len(texts) < 2 or _GOES_ON.match(fold(squash(texts[1]))):
        return k
    # no head word read under the first line (OCR garbled it: "__ QỤC QUẢN LÝ DƯỢC"): a first line that is a
    # whole organ by itself ("BỘ Y TẾ", "UBND TỈNH YÊN BÁI") is the parent
    first = fold(squash(texts[0]))
    # (a ministry's name over two lines and a unit's line whose head word went unread: "BỘ NÔNG NGHIỆP VÀ
    # PHÁT TRIỂN" / "NÔNG THÔN" / "THÚ Y" of "CỤC THÚ Y", seed 449 alt 005, taken for the ministry at 0.86)
    for k in range(2, len(texts)):
        hit = known_organ(_joined(texts[:k]), 90)
        if hit is None or not fold(hit[0]).startswith("bo ") or not _lettered_unit(texts[k:]):
            continue
        more = known_organ(_joined(texts[: k + 1]), 90)
        if more is not None and more[0] == hit[0] and more[1] >= hit[1]:
            continue  # the next line goes on with its name ("… PHÁT TRIỂN NÔNG" / "THÔN": REVIEW-36)
        return k
    whole = known_organ(texts[0], 90) is not None or bool(
        re.match(r"^\W?\w?\W?(" + _UBND + r")\s+(tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong)\s+\S", first)
    )
    # ... or a province's committee with its "UBND" garbled ("UINND TỈNH PHÚ THỌ" over "XỞYTẾ", a blurred
    # "SỞ Y TẾ" read as one word)
    g = _GARBLED_UBND.match(first)
    garbled = (
        g is not None
        and not g.group(1).startswith(_OTHER_COMMITTEES)
        and fuzz.ratio(g.group(1), "ubnd") >= 50
        and province(g.group(3), GARBLED_UBND_CUTOFF) is not None
    )
    return 1 if whole or garbled else 0


HEADLESS_ORGAN = DOUBTFUL - 0.05  # (0..1) a province read as the organ, its head's line lost: under review


def _lettered_unit(texts: Sequence[str]) -> bool:
    """Lines under a parent's name that may name a unit: words of letters, in capitals."""
    joined = " ".join(texts)
    return capitals(joined) and len(re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", joined)) >= 2


_UNIT_HEADS = ("cuc", "tong cuc", "vu", "vien")


def headless_unit(text: str) -> str | None:
    """The one central unit (a ministry's Cục, Tổng cục, Vụ or Viện) whose name is ``text`` without its head
    word ("THÚ Y" → "Cục Thú y"), its head lost on the scan; None when no head or more than one makes a known
    name."""
    f = fold(squash(text))
    hits = [f"{h} {f}" for h in _UNIT_HEADS if f"{h} {f}" in F_CENTRAL_UNITS]
    if len(hits) != 1:
        return None
    named = known_organ(hits[0], 99)
    return named[0] if named is not None else None


GARBLED_HEAD_CUTOFF = 84  # a garbled head read at least this much like a known organ's name (rapidfuzz)
GARBLED_HEAD_CONFIDENCE = DOUBTFUL - 0.05  # ... that organ, or the name as read, under review


def _garbled_head_word(word: str) -> bool:
    """A word of an organ's head that is no Vietnamese syllable nor a known acronym ("IÚY" of "ỦY"; "VKSND",
    "HĐND" are acronyms), and bears a mark no acronym has (a word of plain capitals, "BQL", "LHPN", "GD&ĐT",
    is an unlisted acronym, on a text layer above all: REVIEW-27 #2); or marks alone where a word stood (a
    speck left of a lost head line, "- TỈNH YÊN BÁI": REVIEW-27 #1)."""
    core = word.strip(" .,:;'\"-")
    if not core:
        return bool(word.strip())
    marked = any(unicodedata.normalize("NFD", c) != c for c in core)
    return marked and not _syllable(core) and fold(core).lower() not in _ACRONYMS


def one_organ(text: str) -> tuple[str, float]:
    """An organ named over several lines, its place in its proper case ("Tòa án nhân dân tỉnh Quảng Ngãi")."""
    f = fold(squash(text))
    known = known_organ(text, 95)
    if known:
        return known
    m = re.search(r"\b(tinh|thanh pho)\s+(.+)$", f)
    if m is not None:
        prov = province(m.group(2))
        if prov is not None:
            words = squash(normalize_tones(text)).split()
            kept = len(f[: m.start()].split())
            level = "thành phố" if m.group(1).startswith("thanh") else "tỉnh"
            if not kept:
                # a province alone names no organ: the line of its head ("ỦY BAN NHÂN DÂN", "TÒA ÁN NHÂN
                # DÂN") was lost (a blurred photo's reading ran it into the province's), in doubt
                return f"{level.capitalize()} {prov[0]}", min(prov[1], HEADLESS_ORGAN)
            head_letters = sum(c.isalpha() for w in words[:kept] for c in w)
            if head_letters < 2 or any(_garbled_head_word(w) for w in words[:kept]):
                # a head word no syllable ("IÚY DẪN NHÂN DÂN TỈNH YÊN BÁI" was taken as read at 0.71): the
                # known organ its letters are like, else as read; in doubt either way
                near = known_organ(text, GARBLED_HEAD_CUTOFF)
                if near is not None:
                    return near[0], min(near[1], GARBLED_HEAD_CONFIDENCE)
                return f"{sentence_case(' '.join(words[:kept]))} {level} {prov[0]}", GARBLED_HEAD_CONFIDENCE
            return f"{sentence_case(' '.join(words[:kept]))} {level} {prov[0]}", prov[1]
    return organ(text)


# a document number's notation, whatever OCR made of "Số:" before it ("Sứ 1724GCN-LD", "sø: 2Ï /QĐ"): digits
# run into a stroke or a hyphen; no organ's header line has one ("BỆNH VIỆN 108", "90A" for "HÒA" have not)
# (possessive runs from a run's start: linear on a line of thousands of digits, not quadratic); or its slash
# read as a mark and a letter before the notation's capitals ("Sẽ 152%VGP-UBND", "1525/GP-UBND" blurred); or a
# number's last digit read as a letter before the slash ("s4. 7Õ /øCU#NO" of "Số: 76/BC-UBND", a grey 200 dpi
# scan, seed 365 dev 002: taken into the organ's name under "ỦY BAN NHÂN DÂN / TỈNH BÌNH ĐỊNH")
_NOTATION = re.compile(
    r"(?<!\d)\d{2,}+[A-Za-zÀ-ỹĐđ]*+[/-]\S|\d[A-Za-zÀ-ỹĐđ]?\s*/\s*[A-Za-zÀ-ỹĐđ]"
    r"|(?<!\d)\d{2,}+[^\w\s]\w?[A-ZĐ]{1,6}-[A-ZĐ]{2,}"
)


def _lettered(text: str) -> bool:
    """A header line that can name an organ: at least two letters, and letters for at least half of its
    marks (a dark scan border or a rule read as "_——— —m_ nn===———" is no organ line); a run of dots or
    commas at its ends is not counted ("SỞ Y TẾ......": review s18, the parent was taken as the issuer)."""
    marks = re.sub(r"\s", "", text.strip(" .,:;…·"))
    letters = re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", text)
    return len(letters) >= 2 and 2 * len(letters) >= len(marks)


# the number line read into the organ's without its "Số:" ("… VẬN TẢI sẽt2iï/(GCN-SGTVT"): a last word holding
# a slash, then a notation's "<letters>-<letters>"
# (possessive: linear on a crafted word of thousands of letters, was quadratic)
_NOTATION_TAIL = re.compile(r"\s+[^\s/]*+/\W?[A-Za-zĐđ]{1,6}\s*-\s*[A-Za-zĐđ]\S*+$")


# the marks Vietnamese letters carry (tones; circumflex, breve, horn): a letter with another ("Š", "ø", "ï")
# is OCR's reading of a speck or a stroke, never printed in an organ's name
_VI_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def _foreign(word: str) -> bool:
    """A word with a letter no Vietnamese (or Latin) spelling has."""
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and ch not in _VI_MARKS:
            return True
        if ch.isalpha() and not unicodedata.combining(ch) and not ("a" <= ch.lower() <= "z" or ch in "đĐ"):
            return True
    return False


_CLOSING = {")": "(", "]": "[", "}": "{"}


def _organ_text(text: str) -> str | None:
    """A header line's part of an organ's name: junk at its ends left out (a speck read as a letter no
    Vietnamese word has after it: "VIỆT NAM Š"), the comma that goes on with the next line kept ("CỤC CẢNH
    SÁT PHÒNG CHÁY," / "CHỮA CHÁY VÀ CỨU NẠN," / "CỨU HỘ"); None for a line of marks alone ("}", ")")."""
    t = _NOTATION_TAIL.sub("", SO_IN_LINE.sub("", text))
    words = t.split()
    while len(words) > 1 and len(words[-1]) <= 2 and _foreign(words[-1]):
        words.pop()
    t = " ".join(words) if len(words) < len(t.split()) else t
    v = re.sub(r"^[\W_]+", "", clean_value(t)) or text  # marks before it (". * ỦY BAN NHÂN DÂN"): specks
    # ... or its S misread as a sign ("%Ở XÂY DỰNG", a blurred photo: seed 437 dev 011 took "LUĐNO TỈNH YÊN
    # BÁI Ở XÂY DỰNG" for one organ): an organ's line starts with no preposition "Ở", it is "SỞ"
    v = re.sub(r"^Ở(?=\s+\w)", "SỞ", v)
    # a closing bracket no opening one goes with, counted ("CỤC THÚ Y}" on a blurred photo, "(HÀ NỘI))"), or
    # an opening one at the end: specks
    for _ in range(8):  # (a few: a line of a thousand ")" is read in linear time)
        unmatched = v[-1:] in _CLOSING and v.count(v[-1]) > v.count(_CLOSING[v[-1]])
        if not (unmatched or v[-1:] in _CLOSING.values()):
            break
        v = clean_value(v[:-1])
    if not re.search(r"[^\W_]", v):
        return None
    return v + "," if re.search(r"[^\W\d_],\s*$", t) and not v.endswith(",") else v


def _inner_text(line: Line) -> str:
    """The line's text without the marks read off the page's edge before it (a phone photo's border read
    "số" left of "TỈNH PHÚ THỌ"): a word touching the page's left edge, far from the next word."""
    words = sorted(line.words, key=lambda w: w.box.x0)
    if len(words) < 2:
        return line.text
    h = statistics.median(w.box.y1 - w.box.y0 for w in words)
    while (
        len(words) > 1
        and words[0].box.x0 <= 0.02 * line.width
        and words[1].box.x0 - words[0].box.x1 > 1.5 * h
    ):
        words = words[1:]
    while (
        len(words) > 1
        and words[0].conf < SPECK_CONF
        and len(words[0].text) <= 2
        and not any(c.isupper() for c in words[0].text)
        and not _syllable(words[0].text)
        and sum(c.isupper() for c in words[1].text) >= 2
    ):
        # a speck read unsure as small letters, no syllable, before a line of capitals ("vv" at 0 before "ỦY
        # BAN NHÂN DÂN", a low-light photo: seed 451 dev 010 "Vv ủy ban nhân dân tỉnh Lào Cai" at 0.68,
        # SW); a head word read so ("ủy", "sở", "vụ" at 15) is a word of the name (REVIEW-37 H1)
        words = words[1:]
    while (
        len(words) > 1
        and words[0].conf < DOUBTFUL * 100
        and not any(c.isupper() for c in words[0].text)
        and sum(c.isupper() for c in words[1].text) >= 2
        and words[1].box.x0 - words[0].box.x1 > EDGE_GAP * h
        # (an organ's head word read so far off, "ủy BAN NHÂN DÂN", "sở TƯ PHÁP", is the name's: review)
        and not _HEAD.match(fold(f"{words[0].text} {words[1].text}").lower())
    ):
        # a speck read unsure as small letters far before a line of capitals ("vi" at 44, 4.5 of a letter's
        # height left of "TỈNH PHÚ THỌ" on a low-light photo: seed 709 dev 002 "Ủy ban nhân dân vi tỉnh Phú
        # Thọ" at 0.79, SW): a line of the header is printed as one run, a word of it a space from the next
        words = words[1:]
    return line.text if len(words) == len(line.words) else " ".join(w.text for w in words)


SPECK_CONF = 20  # a word read with less confidence than this may be a speck


def _joined(texts: Sequence[str]) -> str:
    return " ".join(texts).rstrip(" ,")


DOUBTFUL_LINE = DOUBTFUL  # a line's mean word confidence under which its reading is in doubt
UNREAD = 0.2  # ... and under which OCR could not read it at all


def _speck_word_above(line: Line, below: Sequence[Line]) -> bool:
    """A doubtful line of one small word between the organ's lines, above the "Số:" line found under them: a
    speck or the stamp's mark read as a word ("sự" (36 %) left of the gap between "13 SỞ LAO ĐỘNG - THƯƠNG"
    and "BINH VÀ XÃ HỘI", seed 511 alt 001), which as the "Số" label cut the organ's name short ("13 sở lao
    động - thương" at 0.62). An organ's lines are printed in capitals: a lone small word (no digit, no
    colon) read in doubt with a line in capitals under it is no line of the header. Only a word the cut below
    would take for the "Số" label ("sự"): a word of the organ's own name read small and in doubt between its
    lines ("và" of "SỞ VĂN HÓA" / "và" / "THỂ THAO", "cục") stays in it."""
    words = line.text.split()
    return (
        len(words) == 1
        and SO_WORD.match(fold1(line.text)) is not None
        and line.conf < DOUBTFUL_LINE
        and words[0].isalpha()
        and words[0].islower()
        and any(capitals(b.text) and b.conf >= DOUBTFUL_LINE for b in below)
    )


def _abbreviated_ubnd(text: str) -> bool:
    """The line names a People's Committee abbreviated ("UBND TỈNH …", not "ỦY BAN NHÂN DÂN …")."""
    m = re.match(r"^\W?\w?\W?(" + _UBND + r")\s", fold(squash(text)))
    return m is not None and not m.group(1).startswith("uy")


# "Số" and a notation without its number and slash ("Số GP-UBNO" of "Số: …/GP-UBND", blurred), or with them
# garbled into one word with it, "Số" read "S8" ("S8 &8C-STNMT" of "Số: 8/BC-STNMT", "S8 1ss1%ct-cv+" of
# "Số: 1559/CT-CVT": seeds 349 alt 009, 337 blur alt 008, taken into the organ's name)
# (the garbled number's part holds a digit: "SỞ KH&CN-YB" is an organ's line, review 31 L2)
_SO_NOTATION = re.compile(r"^\W?s[o0ô6ø8]\S?\s+(?:\S{0,8}\d\S{0,8}?)?[A-Za-zĐđ]{1,6}-[A-Za-zĐđ]{2,}\W*$")


# ... or "Số" and the number read as one word, its colon a letter or lost ("s6Z72ỞmCUANO" of "Số:
# 2729/BC-UBND" on a blurred photo, seed 475 alt 009: taken into the organ's name "… tỉnh Thái Nguyên
# s6z72ởmcuano"): no organ's word is "Số" with digits run into it
_SO_GLUED = re.compile(r"^\W?s[o0ô6ø8]\S{0,2}?\d{2,}")


def _number_unread(text: str, first: str) -> bool:
    """A line under the header's first that is its number line read without the marks the number line is
    known by: "Số" then a bare notation ("Số GP-UBNO", seed 85's dev 012: taken for the organ under the
    "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI" it named the parent of), or a last word ending in the first line's
    abbreviation after a type's ("s& Z2 GCNSGDĐT" under "SỞ GIÁO DỤC VÀ ĐÀO TẠO", alt 013: the Sở then taken
    for the parent of that line). A blurred photo loses the colon and the slash these are found by."""
    if _SO_NOTATION.match(fold1(text)) or _SO_GLUED.match(fold1(text)):
        return True
    last = re.sub(r"[^\w]", "", text.split()[-1]) if text.split() else ""
    return any(
        len(last) > len(ab) + 1 and last.endswith(ab) and last[: -len(ab)].isupper()
        for ab in organ_abbreviations(first)
        if len(ab) >= 3
    )


# "Số" without its colon, then up to two short words and a slash ("số IZfỞ/@PUBND" of "Số: 1249/GP-UBND",
# its number written by hand, the notation's hyphen lost on a blurred photo, seed 517 dev 005: taken for the
# organ under "ỦY BAN NHÂN DÂN / TỈNH THANH HÓA", that committee made its parent)
_SO_SLASH = re.compile(r"^\W?s[o0ô6ø]\S?\s+(?:[^\s/]{1,8}\s*){0,2}/\s*\S")


def _so_slash(text: str) -> bool:
    """A header line that is the number line, its label "Số" read without the colon and its number garbled,
    known by the slash before the notation (``_SO_SLASH``) and by what stands before that slash: nothing, or
    a word no abbreviation in an organ's name is (a digit or a mark in it, small letters then a capital:
    "IZfỞ"); "Sở NN/PTNT", "Sở Y tế / Bệnh viện" are an organ's. An organ's line is printed in capitals:
    "SỞ" so read (one word of capitals) is the head of an organ's name, never the label "Số"."""
    words = text.split()
    first = words[0] if words else ""
    if not _SO_SLASH.match(fold1(text)) or (len(first) > 1 and first.isupper()):
        return False
    number = " ".join(words[1:]).split("/", 1)[0].split()
    return not number or any(_garbled_number(w) for w in number)


def _garbled_number(word: str) -> bool:
    """A word read where a number is written that no word of an organ's name is: a digit or a mark in it
    (an abbreviation's "&", "-", "." aside: "KH&ĐT"), or a capital after a small letter ("IZfỞ")."""
    if not any(ch.isalpha() for ch in word):
        return True  # ("...", "12")
    return any(not ch.isalpha() and ch not in "&-." for ch in word) or any(
        a.islower() and b.isupper() for a, b in itertools.pairwise(word)
    )


_UBND_NOTATION = re.compile(r"[/-]\s*ubnd\b")  # "…/QĐ-UBND": the committee's own document


# a line read with less confidence than this whose words stand less than ``FLAT`` of the column's letters high
# is the organ's rule read as letters
FLAT_CONF = 30.0
FLAT = 0.3


def _flat(line: Line, lines: Sequence[Line]) -> bool:
    """The organ's rule read as a word ("Trmerrre" at 0 in a box 2 px high under "CỤC THÚ Y", taken into the
    organ's name on a low-light photo): every word of the line read unsure (< ``FLAT_CONF``) and lower than
    ``FLAT`` of the column's other lines' words read surely: no letters stand so low."""
    others = [w.box.y1 - w.box.y0 for ln in lines if ln is not line for w in ln.words if w.conf >= 60]
    if not others or not line.words:
        return False
    high = statistics.median(others)
    return all(w.conf < FLAT_CONF and w.box.y1 - w.box.y0 < FLAT * high for w in line.words)


# the page's left edge: a line starting within this share of the page's width from it ...
EDGE = 0.02
# ... and ending this many of its letters' heights short of every other line of the column is the edge read
EDGE_GAP = 1.5


def _off_edge(line: Line, lines: Sequence[Line]) -> bool:
    """A line of marks read off the page's left edge alone on its row ("mã" at the edge of a dim photo,
    between "SỞ Y TẾ" and the "Số:" line: the organ "Sở y tế mã", seed 285 dev 002): it starts at the edge
    and ends far left of where every line of the column read surely starts (``_inner_text`` drops such
    marks before a line's words)."""
    others = [ln for ln in lines if ln is not line and ln.boxed and ln.words and ln.conf >= DOUBTFUL_LINE]
    if not (line.boxed and line.words and others) or line.x0 > EDGE * line.width:
        return False
    h = statistics.median(w.box.y1 - w.box.y0 for w in line.words)
    return line.x1 + EDGE_GAP * h < min(ln.x0 for ln in others)


def read_organ(left: Sequence[Line], number_i: int | None, *, committee_signs: bool = False) -> Found:
    """organ_name and parent_organ from the left column's lines above the "Số:" line (else its first 3).
    ``committee_signs``: the signature block is a People's Committee's own (its Chủ tịch or Phó Chủ tịch)."""
    res = Builder()
    organ_lines = [ln for ln in (left[:number_i] if number_i is not None else left[:3]) if not is_motto(ln)]
    organ_lines = [
        ln
        for ln in organ_lines
        if _lettered(ln.text) and not _flat(ln, organ_lines) and not _off_edge(ln, organ_lines)
    ]
    # the organ's names are printed in capitals: a doubtful line in small letters above them is the page's
    # edge or a shadow read as marks ("z mi ` 5 `" over "BỘ THÔNG TIN VÀ TRUYỀN THÔNG" on a dark photo)
    while len(organ_lines) > 1 and not capitals(organ_lines[0].text) and organ_lines[0].conf < DOUBTFUL_LINE:
        organ_lines = organ_lines[1:]
    unread_below = False
    if number_i is None:
        # the "Số:" line not recognised (its number written by hand and misread: "sø: 2Ï /rmw-oLp"): the
        # organ's lines are printed in capitals, the line under them is not one of them
        kept = organ_lines[:1] + [ln for ln in organ_lines[1:] if capitals(ln.text)]
        unread_below = len(organ_lines) > 1 and organ_lines[1] not in kept and organ_lines[1].conf < UNREAD
        organ_lines = kept
    if number_i is not None:
        organ_lines = [
            ln for k, ln in enumerate(organ_lines) if not _speck_word_above(ln, organ_lines[k + 1 :])
        ]
    cut: int | None = None
    for k, ln in enumerate(organ_lines):
        if (
            SO_WORD.match(fold1(ln.text))
            or _NOTATION.search(slashes(SO_IN_LINE.sub("", ln.text)))
            or (k and _number_unread(ln.text, organ_lines[0].text))
            or (k and _so_slash(ln.text))
        ):
            cut = k
            break
        if SO_IN_LINE.search(ln.text) or _NOTATION_TAIL.search(ln.text):  # "… DƯỢC Số 7ðđc QLD"
            cut = k + 1
            break
    organ_lines = organ_lines[:cut]
    # ... and, under them, a doubtful line in small letters is a seal's or a stamp's ink read as marks over
    # the header's last line ("Tb con" at 0-35 under "HÀNH CHÍNH", its box twice a line's height: seed 831
    # corp 007 "Cục pháp chế và cải cách hành chính tb con"); a line of the name read so is not excluded, so
    # the name without it is in doubt
    tail_dropped = False
    while (
        len(organ_lines) > 1
        and (
            (not capitals(organ_lines[-1].text) and organ_lines[-1].conf < DOUBTFUL_LINE)
            # ... or a line OCR could not read of two letters at most ("TT." at 3 under "CỤC THÚ Y", the
            # seal's rim beside it: seed 649 alt 007 "Cục thú y TT"), capitals or not
            or (organ_lines[-1].conf < UNREAD and sum(c.isalpha() for c in organ_lines[-1].text) <= 2)
        )
        and all(capitals(ln.text) for ln in organ_lines[:-1])
    ):
        organ_lines, tail_dropped = organ_lines[:-1], True
    # a speck or a quote read before an organ's line ("'CỤC QUẢN LÝ DƯỢC") is not its name's
    texts = [(ln, _organ_text(_inner_text(ln))) for ln in organ_lines]
    organ_lines = [ln for ln, t in texts if t is not None]  # (a line of a speck's marks alone is no part)
    organ_texts = [t for _, t in texts if t is not None]
    ubnd = ubnd_organ(organ_texts) if len(organ_lines) <= 2 else None
    # the committee issuing its own document: its chairman signs, or its notation ends "-UBND"
    own = committee_signs or any(_UBND_NOTATION.search(fold(ln.text)) for ln in left[len(organ_lines) :])
    if own and ubnd is None and len(organ_lines) == 2 and organ_lines[1].conf < UNREAD:
        # ... then a line OCR could not read under its name ("sbœmepnpoyệu", 0 %) is no unit of it
        alone = ubnd_organ(organ_texts[:1])
        if alone is not None:
            organ_lines, organ_texts, ubnd = organ_lines[:1], organ_texts[:1], alone
    if (
        ubnd is not None
        and unread_below
        and not own
        and len(organ_lines) == 1
        and _abbreviated_ubnd(organ_texts[0])
    ):
        # Decree 30 abbreviates "Ủy ban nhân dân" only in the parent organ's name: "UBND TỈNH KHÁNH HÒA"
        # over a line OCR could not read ("sbœmepnpoyệu", 0 %) is the parent of an organ left unread (unless
        # the committee itself signs or numbers it: real headers abbreviate the issuer too)
        res.set(
            "parent_organ", "UBND " + ubnd[0].removeprefix("Ủy ban nhân dân "), organ_lines[0].conf * ubnd[1]
        )
    elif ubnd is not None:
        res.set("organ_name", ubnd[0], statistics.fmean(ln.conf for ln in organ_lines) * ubnd[1])
    elif organ_lines:
        k = _split_at_unit(organ_texts)
        named = organ_lines if k == 0 else organ_lines[k:]  # the organ's own lines
        parent_set: tuple[str, float] | None = None
        if k == 0:
            name, q = one_organ(_joined(organ_texts))
        else:
            parent = organ_lines[:k]
            pname, pq = parent_organ(_joined(organ_texts[:k]), organ_texts[k])
            parent_set = (pname, statistics.fmean(ln.conf for ln in parent) * pq)
            name, q = organ(_joined(organ_texts[k:]), parent=pname)
            if fold(pname).startswith("bo ") and (
                not heads_an_organ(organ_texts[k]) or compound_not_head(organ_texts[k])
            ):
                # its head word lost ("THÚ Y" under a ministry): the one unit so named, else as read; in doubt
                unit = headless_unit(_joined(organ_texts[k:]))
                name, q = (unit, HEADLESS_ORGAN) if unit is not None else (name, min(q, HEADLESS_ORGAN))
            if chi_lost(_joined(organ_texts[:k]), organ_texts[k]):
                q = min(q, GARBLED_UBND_CONFIDENCE)  # perhaps a "CHI CỤC" whose "CHI" was lost: in doubt
        conf = statistics.fmean(ln.conf for ln in named) * q
        if q == UNKNOWN_ORGAN and (guessed_name(name, named) or one_word_name(name)):
            conf = min(conf, GUESSED_ORGAN_CONFIDENCE)
        if parent_set is not None:
            pname, pconf = parent_set
            if q == UNKNOWN_ORGAN and conf < DOUBTFUL:
                # the organ under the parent a reading no vocabulary knows, in doubt (a garbled line: the
                # number line read into the header, seed 517 dev 005): the lines above may be the organ
                # itself, not its parent; the parent as read, in doubt
                pconf = min(pconf, IN_DOUBT)
            res.set("parent_organ", pname, pconf)
        if q == UNKNOWN_ORGAN and (by_corpus := marks_by_corpus(name)) is not None:
            # a mark put back by the corpus (no garble of the lines: the parent stands): a guess, in doubt
            name, conf = by_corpus, min(conf, GUESSED_ORGAN_CONFIDENCE)
        if q == UNKNOWN_ORGAN and (by_corpus := garble_by_corpus(name)) is not None:
            # a garbled word made the corpus's beside its neighbour: a guess, in doubt
            name, conf = by_corpus, min(conf, GUESSED_ORGAN_CONFIDENCE)
        res.set("organ_name", name, conf)
    got = res.fields.get("organ_name")
    if tail_dropped and got is not None and got.confidence >= DOUBTFUL:
        res.fields["organ_name"] = replace(got, confidence=GUESSED_ORGAN_CONFIDENCE)
    return res.freeze()


RESTATED_ORGAN = 0.9  # an organ's name read from the body's print: its words' confidence x this
_STRIP = ".,;:()[]{}|\"'“”"  # (a bracket read as a brace or a bar: "Cục Thú y}")


def restated_organ(found: Found, lines: Sequence[Line]) -> Found:
    """An organ no vocabulary knows, whose name the document prints again in its text ("Thực hiện chỉ đạo của
    cấp trên, Cục Viễn thông báo cáo …"), read from there: the same letters (marks and spaces aside) from a
    word like the header's head word on, in normal case, the one spelling the text has. Seed 85's alt 009:
    "CỤC VIỄN THÔNG" read "CỤC VIÊN THÔN G" (a handwritten number over its tilde) went to review; the body
    read "Cục Viễn thông" at 96. A header line in capitals is no restatement (its marks are as unsure)."""
    f = found.get("organ_name")
    if f is None or f.value is None or known_organ(f.value, 84) is not None:
        return found
    target = re.sub(r"[^a-z0-9]", "", fold(f.value))
    head = fold(f.value.split()[0])
    if len(target) < 6:
        return found
    words = [w for ln in lines for w in ln.words]
    cores = [w.text.strip(_STRIP) for w in words]
    spelled: dict[str, float] = {}
    for i, core in enumerate(cores):
        if fold(core) != head or not core[:1].isupper() or core.isupper():
            continue
        got, j = "", i
        while j < len(cores) and len(got) < len(target):
            got += re.sub(r"[^a-z0-9]", "", fold(cores[j]))
            j += 1
        run = cores[i:j]
        if got == target and not any(c.isupper() and len(c) > 1 for c in run) and all(run):
            spelled[nfc(" ".join(run))] = statistics.fmean(w.conf for w in words[i:j]) / 100.0
    if len(spelled) != 1:
        return found
    value, conf = next(iter(spelled.items()))
    conf *= RESTATED_ORGAN
    if (by_corpus := marks_by_corpus(value)) is not None:
        # the body's print read with a mark as wrong as the header's could be ("Cục Tố chức cán bộ" at 97 on
        # a scan that reads hooks as acutes: seed 823 corp 003, sure at 0.87): the corpus's word, in doubt
        value, conf = by_corpus, min(conf, GUESSED_ORGAN_CONFIDENCE)
    elif unseen_syllable(value, pairs=False):
        # a word the corpus never prints in an organ's name ("Sở Thúy sản" of "Sở Thủy sản", its hook read
        # as an acute at 96: seed 869 corp 010, sure at 0.64): a mark misread, in doubt
        conf = min(conf, GUESSED_ORGAN_CONFIDENCE)
    if value == f.value:
        return found
    fixed = ExtractedField("organ_name", value, round(conf, 3))
    return Found(tuple(fixed if x is f else x for x in found.fields))


def complete_parent(found: Found, place: str | None, lines: Sequence[Line] = ()) -> Found:
    """A parent People's Committee whose province OCR cut short ("UBND TỈNH BÌNH": "DƯƠNG" lost) completed by
    the date line's place when that is the one province whose name starts with the words read ("Bình
    Dương, ngày …"): a provincial body dates its documents in its province. ``lines``: the header's, for the
    OCR confidence of the words read.

    A committee read "THÀNH PHỐ" of a place that is no central city is a provincial city's (often named as
    its province: "UBND THÀNH PHỐ HÀ TĨNH", dated "Hà Tĩnh"), not the province's: that city's, in doubt."""
    parent = found.get("parent_organ")
    if parent is None or parent.value is None or place is None:
        return found
    by_place = _parent_by_place(parent, found.get("organ_name"), place)
    if by_place is not None:
        return Found(tuple(by_place if f is parent else f for f in found.fields))
    m = re.match(r"^ubnd (tinh|thanh pho) (\S.*)$", fold(parent.value))
    if m is None or m.group(2) in F_PROVINCES or fold(place) not in F_PROVINCES:
        return found
    conf = round(parent.confidence * 0.9, 3)
    if not fold(place).startswith(m.group(2) + " "):
        if not _one_word_garbled(m.group(2).split(), fold(place).split(), _word_confs(lines)):
            return found
        conf = min(conf, IN_DOUBT)
    value = _committee_of(place)
    if m.group(1) == "thanh pho" and place not in CENTRAL_CITIES:
        value, conf = f"UBND thành phố {place}", min(conf, IN_DOUBT)
    fixed = ExtractedField("parent_organ", value, conf)
    return Found(tuple(fixed if f is parent else f for f in found.fields))


# a Sở that is no provincial department: its parent is no province's committee
_NOT_PROVINCIAL_SO = ("so giao dich",)
PLACE_TAIL_LIKE = 80  # a garbled parent's last words this like the date line's province (rapidfuzz ratio)
GARBLED_HEAD_WORDS = 3  # ... after at most this many words (a garbled "UBND TỈNH")


def _parent_by_place(
    parent: ExtractedField, organ: ExtractedField | None, place: str
) -> ExtractedField | None:
    """A Sở's parent line read garbled, no organ's name ("LAO TẦNG ĐỒNG NAU" over "SỞ CÔNG THƯƠNG", seed 905
    dev 007, its words read at 4 to 55 %), whose last words are like the date line's province ("Đồng Nai"):
    a Sở's parent is its province's People's Committee (Decree 30), and a provincial body dates its documents
    in its province: that committee, in doubt. None otherwise."""
    if parent.value is None or parent.confidence >= DOUBTFUL or _kind(parent.value) is not None:
        return None
    if organ is None or organ.value is None or _kind(organ.value) != "so" or fold(place) not in F_PROVINCES:
        return None
    if fold(squash(organ.value)).startswith(_NOT_PROVINCIAL_SO):
        return None  # a bank's "Sở Giao dịch" is under its bank ("NHNN CN HÀ NỘI"), no province's committee
    words, want = _plain_words(fold(squash(parent.value))), fold(place).split()
    head, tail = words[: -len(want)], words[-len(want) :]
    if (
        not head
        or len(head) > GARBLED_HEAD_WORDS
        or fuzz.ratio(" ".join(tail), fold(place)) < PLACE_TAIL_LIKE
    ):
        return None
    return ExtractedField("parent_organ", _committee_of(place), round(min(parent.confidence, IN_DOUBT), 3))


# a word of a province's name read under this OCR confidence (0-100) may be marks standing for another word
GARBLED_WORD_CONF = 50.0


def _word_confs(lines: Sequence[Line]) -> dict[str, float]:
    """The lowest OCR confidence of each (folded) word of ``lines``."""
    out: dict[str, float] = {}
    for ln in lines:
        for w in ln.words:
            key = fold(w.text.strip(_STRIP))
            out[key] = min(out.get(key, 100.0), w.conf)
    return out


def _one_word_garbled(read: list[str], name: list[str], confs: dict[str, float] | None = None) -> bool:
    """The province's words as read (folded) are ``name``'s, one to one, but for one word read as marks of
    no likeness ("UBND TỈNH mw THIÊN HU" of "… THỪA THIÊN HUẾ" on a blurred photo, its "THỪA" read at 0 %)
    and the last cut short; at least one whole word of three letters or more read as printed. A word read
    otherwise is marks only when it has no vowel (no Vietnamese syllable) or OCR read it unsure
    (``GARBLED_WORD_CONF``, ``confs``: each word's confidence): a syllable read surely is another province's
    ("UBND TỈNH BÌNH PHƯ", Bình Phước cut short, is no "Bình Định")."""
    if len(read) != len(name) or len(name) < 2:
        return False
    confs = confs or {}
    garbled = whole = 0
    for i, (r, n) in enumerate(zip(read, name, strict=True)):
        if r == n:
            whole += len(n) >= 3
        elif not (i == len(name) - 1 and len(r) >= 2 and n.startswith(r)):
            if re.search(r"[aeiouy]", r) and confs.get(r, 100.0) >= GARBLED_WORD_CONF:
                return False
            garbled += 1
    return garbled <= 1 and whole >= 1


# --- the organ the document's own authority line names ("GIÁM ĐỐC SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" under
# a decision's title, "CỤC TRƯỞNG CỤC THÚ Y" over a licence's grounds): a head's title, then the organ it
# heads
_AUTHORITY_TITLES = {
    ("cuc", "truong"): ("cuc",),
    ("tong", "cuc", "truong"): ("tong", "cuc"),
    ("chi", "cuc", "truong"): ("chi", "cuc"),
    ("giam", "doc"): ("so",),
    ("bo", "truong"): ("bo",),
    ("vu", "truong"): ("vu",),
    ("vien", "truong"): ("vien",),
    ("chu", "tich"): ("uy", "ban", "nhan", "dan"),
}
# the kind of organ a signer's title says it heads, where the title is no other organ's (a Chánh Văn phòng
# signs for any organ "TL.": no kind)
_TITLE_KIND = {"cuc truong": "cuc", "giam doc": "so", "vu truong": "vu", "chi cuc truong": "chi cuc"}
# the kinds of organ that have units under them, and the titles of their own heads
_PARENT_KINDS = {"bo": ("bo truong", "thu truong"), "uy ban nhan dan": ("chu tich",)}
AUTHORITY_CUTOFF = 84  # the authority line's organ read at least this much like a known one
IN_DOUBT = DOUBTFUL - 0.05  # an organ the document contradicts: under the review threshold


def _kind(name: str) -> str | None:
    """The head word of an organ's name, folded ("bo", "uy ban nhan dan" for a committee, "cuc", "so" …)."""
    f = fold(squash(name))
    if re.match(r"^(ubnd|uy ban nhan dan)\b", f):
        return "uy ban nhan dan"
    m = _HEAD.match(f)
    return None if m is None else m.group(0).strip(" .'\"-")


def _completed(text: str) -> tuple[str, float] | None:
    """The one known organ whose name starts with ``text``'s words (its last word possibly cut short: "SỞ LAO
    ĐỘNG - THƯƠNG BINH V:"), at least three words read."""
    words = _plain_words(fold(squash(text)))
    if len(words) < 3:
        return None
    hits = set()
    for key, name in F_ORGANS.items():
        known = _plain_words(key)
        if (
            len(known) > len(words)
            and known[: len(words) - 1] == words[:-1]
            and known[len(words) - 1].startswith(words[-1])
        ):
            hits.add(name)
    return (hits.pop(), 0.8) if len(hits) == 1 else None


def _authority_name(text: str) -> tuple[str, float] | None:
    """The organ named after a head's title in ``text`` (capitals), as known or as read."""
    if _kind(text) == "uy ban nhan dan":
        hit = ubnd_organ([text])
        return hit if hit is not None else None
    hit = known_organ(text, AUTHORITY_CUTOFF) or _completed(text)
    if hit is not None:
        return hit
    words = squash(text).split()
    if not all(re.fullmatch(r"[A-ZÀ-ỸĐ]+[,]?", w) and not _foreign(w) for w in words):
        return None  # letters OCR garbled or cut ("V:"): no name to take as read
    return _as_named(text), UNKNOWN_ORGAN


def authority_organ(lines: Sequence[Line]) -> tuple[str, float] | None:
    """The issuing organ as the document's authority line names it: a head's title in capitals then the organ
    it heads ("CỤC TRƯỞNG CỤC THÚ Y", "GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
    X"), the organ's kind the title's; None without one, or when lines name different organs so."""
    hit = _authority(lines)
    return None if hit is None else hit[:2]


# a signature block's delegation line ("TL. BỘ TRƯỞNG", "TUQ. CHỦ TỊCH", "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN
# DÂN"): the titles under it are the signer's, no authority line
_DELEGATION = re.compile(r"^\W*(tl|tuq|kt|tm|q)\s*[.,:]\s*(\S.*)$")


# a subject's or a sentence's words before a head's title: the title is the subject's, no authority line
_SUBJECT_WORDS = frozenset(
    {"ve", "viec", "nhiem", "nghi", "cua", "theo", "cho", "doi", "voi", "giao", "chuc"}
)


def _authority(lines: Sequence[Line]) -> tuple[str, float, bool] | None:
    """``authority_organ``'s organ, its confidence, and whether its name is as read (no known organ's)."""
    found: dict[str, tuple[str, float, bool]] = {}
    signing = False
    for ln in lines:
        words = ln.text.split()
        folded = [re.sub(r"[^a-z]", "", fold(w)) for w in words]
        signing = signing or _DELEGATION.match(fold(squash(ln.text))) is not None
        # a title in the signature block, under "TL. BỘ TRƯỞNG", names no authority; nor does one after a
        # subject's words ("VỀ VIỆC BỔ NHIỆM GIÁM ĐỐC SỞ Y TẾ", a subject in capitals); a stamp's letters read
        # before it ("“Đ Ì cuuyếm VP. GIÁM ĐỐC SỞ …", a blurred photo) are none
        for i in range(len(words) if not signing else 0):
            if i > 0 and (folded[i - 1] in ("pho", "cuc", "tong", "chi") or _SUBJECT_WORDS & set(folded[:i])):
                continue  # "PHÓ GIÁM ĐỐC", a longer title ("TỔNG CỤC TRƯỞNG") matched from its middle
            for title, head in _AUTHORITY_TITLES.items():
                j = i + len(title)
                if tuple(folded[i:j]) != title or tuple(folded[j : j + len(head)]) != head:
                    continue
                if not all(w.isupper() for w in words[i:j]) or not capitals(" ".join(words[j:])):
                    continue
                hit = _authority_name(" ".join(words[j:]).strip(" .,:;"))
                if hit is not None:
                    name, q = hit
                    found.setdefault(fold(name), (name, round(ln.conf * q, 3), q == UNKNOWN_ORGAN))
        # a submission's closing: "Cục Thú y kính trình xem xét, quyết định" (the organ submitting it)
        m = re.match(r"^(.+?)\s+kinh trinh\b", fold(squash(ln.text)))
        if m is not None and _kind(m.group(1)) is not None and ln.text[:1].isupper():
            read = " ".join(words[: len(m.group(1).split())])
            plain = all(re.fullmatch(r"[^\W\d_]+,?", w) and not _foreign(w) for w in read.split())
            as_read = (_as_named(read), UNKNOWN_ORGAN)
            plain = plain and len(read.split()) <= 12
            hit = known_organ(read, AUTHORITY_CUTOFF) or (as_read if plain else None)
            if hit is not None:
                found.setdefault(fold(hit[0]), (hit[0], round(ln.conf * hit[1], 3), hit is as_read))
    return next(iter(found.values())) if len(found) == 1 else None


def _shares_a_word(a: str, b: str) -> bool:
    """Do two names share a word of three letters or more (marks aside)?"""
    words = {w for w in _plain_words(fold(a)) if len(w) >= 3}
    return any(w in words for w in _plain_words(fold(b)) if len(w) >= 3)


def _as_parent(name: str) -> str:
    """An organ's name as a unit's parent is named: a People's Committee abbreviated ("UBND tỉnh X")."""
    return re.sub(r"^Ủy ban nhân dân\s+", "UBND ", name)


def checked_by_authority(
    found: Found, lines: Sequence[Line], title: str | None, *, blurred: bool = False
) -> Found:
    """The header's organ checked against the organ the document names itself by (``authority_organ``) and,
    on a blurred page, against its signer's title. A header read as a ministry or a committee alone where the
    authority line names one of its units (a blurred photo lost the unit's line under its parent: "BỘ NÔNG
    NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN" over a lost "CỤC THÚ Y", the licence granted by "CỤC TRƯỞNG CỤC THÚ Y")
    is that unit's parent, the unit the organ; a header read as the authority's name run into other words
    ("LĐSND TỈNH KHÁNH HÒA, SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG") is the authority's; another organ than the
    authority's is put in doubt. Without one, on a blurred page, a ministry or a committee signed for by the
    head of another kind of organ (a "Cục trưởng", a "Giám đốc") is put in doubt: its unit's line was lost."""
    f = found.get("organ_name")
    if f is None or f.value is None:
        return found
    fields = {x.name: x for x in found.fields}
    kind = _kind(f.value)
    if kind in _PARENT_KINDS and _signed_for(lines, kind):
        return found  # "TL. BỘ TRƯỞNG" over "CỤC TRƯỞNG …": the ministry's own document, signed for it
    auth = _authority(lines)
    if auth is not None:
        name, conf, as_read = auth
        if as_read and (by_corpus := marks_by_corpus(name)) is not None:
            # the authority's name read with a mark the corpus never prints there ("Sở Thúy sản kính trình"
            # of "Sở Thủy sản", seed 869 corp 010, taken sure at 0.64): the corpus's word, in doubt
            name, conf = by_corpus, min(conf, GUESSED_ORGAN_CONFIDENCE)
        elif as_read and unseen_syllable(name, pairs=False):
            conf = min(conf, GUESSED_ORGAN_CONFIDENCE)
        if fold(squash(name)) == fold(squash(f.value)):
            return found
        parent = fields.get("parent_organ")
        akind = _kind(name)
        if (
            kind in _PARENT_KINDS
            and akind is not None
            and akind != kind
            and (parent is None or parent.value is None)
        ):
            pconf = round(f.confidence * 0.9, 3)
            pname = _as_parent(f.value)
            # a ministry read right in its first words, the rest garbled: that ministry, in doubt
            head = _ministry_by_head(fold(squash(f.value))) if known_organ(f.value, 84) is None else None
            if head is not None:
                pname, pconf = head[0], min(pconf, head[1])
            fields["parent_organ"] = ExtractedField("parent_organ", pname, pconf)
            fields["organ_name"] = ExtractedField("organ_name", name, min(conf, f.confidence))
        elif fold(squash(f.value)).endswith(" " + fold(squash(name))):
            fields["organ_name"] = ExtractedField("organ_name", name, min(conf, f.confidence))
            # ... the words before it the parent's line: a Sở's is its province's committee ("LĐSND TỈNH
            # KHÁNH HÒA, SỞ …"), in doubt (its "UBND" garbled)
            before = fold(squash(f.value))[: -len(fold(squash(name)))]
            m = re.search(r"\b(tinh|thanh pho)\s+([^,]+?)\W*$", before)
            prov = province(m.group(2), GARBLED_UBND_CUTOFF) if m is not None and akind == "so" else None
            if prov is not None and (parent is None or parent.value is None):
                fields["parent_organ"] = ExtractedField("parent_organ", _committee_of(prov[0]), IN_DOUBT)
        elif f.confidence < DOUBTFUL and known_organ(f.value, 84) is None and _shares_a_word(f.value, name):
            # the header's lines read in doubt, run into others ("THƠ TH LAO ĐỘNG HỘI" of "… CẦN THƠ" over "SỞ
            # LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), some of the authority's words among them: the authority's
            fields["organ_name"] = ExtractedField("organ_name", name, conf)
        elif as_read and f.confidence >= DOUBTFUL:
            # a name no known organ's ("Sở y tế tỉnh bình dương", "Ubnd huyện", a line wrapped: "Bộ nông
            # nghiệp và") is no evidence against a header read well
            return found
        else:
            fields["organ_name"] = replace(f, confidence=min(f.confidence, IN_DOUBT))
        return Found(tuple(fields.values()))
    if not blurred or kind not in _PARENT_KINDS or not title:
        return found
    t = re.sub(r"^(pho|quyen)\s+", "", fold(squash(title)))
    if t in _TITLE_KIND and t not in _PARENT_KINDS[kind] and f.confidence > IN_DOUBT:
        fields["organ_name"] = replace(f, confidence=IN_DOUBT)
        return Found(tuple(fields.values()))
    return found


# the head of a ministry or a committee, as a delegation line names the one it signs for
_SIGNED_FOR = {"bo": ("bo truong",), "uy ban nhan dan": ("chu tich", "uy ban nhan dan", "ubnd")}


def _signed_for(lines: Sequence[Line], kind: str) -> bool:
    """Does a signature block sign for the head of an organ of ``kind`` ("TL. BỘ TRƯỞNG", "TUQ. CHỦ TỊCH",
    "TM. ỦY BAN NHÂN DÂN")?"""
    for ln in lines:
        m = _DELEGATION.match(fold(squash(ln.text)))
        if m is not None and any(re.match(re.escape(h) + r"\b", m.group(2)) for h in _SIGNED_FOR[kind]):
            return True
    return False


def _by_abbreviation(part: str) -> str | None:
    """The one known organ that prints ``part`` for itself in its notations (its kind's initial with it:
    "SXD" is the Sở Xây dựng's), None for none or several."""
    hits = _own_abbreviations().get(part, ())
    return hits[0] if len(hits) == 1 else None


@functools.cache
def _own_abbreviations() -> dict[str, tuple[str, ...]]:
    """Each known organ by the abbreviation it prints first in its notations."""
    out: dict[str, set[str]] = {}
    for name in F_ORGANS.values():
        own = organ_abbreviations(name)[:1]
        if own:
            out.setdefault(own[0], set()).add(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


# a People's Committee's name with a word lost and no province ("Ủy nhân dân" of "ỦY BAN NHÂN DÂN / THÀNH PHỐ
# ĐÀ NẴNG" on a blurred photo, its province's line read as marks; "Ủy ban nhân dân" alone)
_COMMITTEE_CUT = re.compile(r"^u[a-z]{0,2}(?: [a-z]{2,4})? nhan dan$")


def committee_restated(found: Found, lines: Sequence[Line], place: str | None) -> Found:
    """A People's Committee read without its province (``_COMMITTEE_CUT``) named whole as the document's
    text restates it ("Ủy ban nhân dân thành phố Đà Nẵng báo cáo như sau", an annex's "của Ủy ban nhân dân
    thành phố Đà Nẵng"): the committee of the date line's place, in doubt; none when the text names no
    committee of that place."""
    f = found.get("organ_name")
    if f is None or not f.value or place is None or fold(place) not in F_PROVINCES:
        return found
    if _COMMITTEE_CUT.match(fold(squash(f.value))) is None:
        return found
    text = " ".join(fold(ln.text) for ln in lines)
    level = "thành phố" if place in CENTRAL_CITIES else "tỉnh"
    if re.search(rf"\buy ban nhan dan {fold(level)} {re.escape(fold(place))}\b", text) is None:
        return found
    fixed = ExtractedField(
        "organ_name", f"Ủy ban nhân dân {level} {place}", min(f.confidence, GARBLED_UBND_CONFIDENCE)
    )
    return Found(tuple(fixed if x is f else x for x in found.fields))


def _committee_of(place: str) -> str:
    """The People's Committee of a province or a central city, as a unit's parent is named."""
    return f"UBND {'thành phố' if place in CENTRAL_CITIES else 'tỉnh'} {place}"


def named_by_notation(found: Found, notation: str | None) -> Found:
    """A blurred header's organ read in doubt and no known one ("VN TDNN PHÚ THỌ / XÂY DỰNG" of "UBND TỈNH
    PHÚ THỌ / SỞ XÂY DỰNG"), taken from the document's notation when a part of it is one known organ's own
    abbreviation ("…/SXD-KTQH": the Sở Xây dựng) and the header's reading has a word of that organ's name;
    still in doubt. A province read before those words is then the Sở's parent committee's, in doubt too."""
    f = found.get("organ_name")
    if f is None or f.value is None or notation is None or f.confidence >= DOUBTFUL:
        return found
    if known_organ(f.value, 84) is not None:
        return found
    names = {n for part in notation.split("-") if len(part) >= 3 and (n := _by_abbreviation(part))}
    if len(names) != 1:
        return found
    name = names.pop()
    read = _plain_words(fold(f.value))
    own = {w for w in _plain_words(fold(name)) if len(w) >= 3}
    at = next((i for i, w in enumerate(read) if w in own), None)
    if at is None:
        return found
    fields = {x.name: x for x in found.fields}
    fields["organ_name"] = ExtractedField("organ_name", name, min(f.confidence, IN_DOUBT))
    parent = fields.get("parent_organ")
    if _kind(name) == "so" and at >= 2 and (parent is None or parent.value is None):
        prov = next((p for k in (2, 3) if at >= k and (p := province(" ".join(read[at - k : at]), 90))), None)
        if prov is not None:
            fields["parent_organ"] = ExtractedField("parent_organ", _committee_of(prov[0]), IN_DOUBT)
    return Found(tuple(fields.values()))


# a People's Committee's line as an organ's or a parent's value (folded): its head ("ubnd", "uy ban nhan dan"
# or, for a Sở's parent, a short word led by its U misread: "u0no"), its level word ("tỉnh" also with one
# letter misread: "tinm"; "thành phố") and the province as read
_COMMITTEE_PROVINCE = re.compile(r"^(ubnd|uy ban nhan dan|u[a-z0-9]{2,4})\s+(\S{4}|thanh pho)\s+(\S.*)$")


def province_by_place(found: Found, place: str | None) -> Found:
    """A People's Committee (the organ or a Sở's parent) read in doubt, its province's name as read the date
    line's place read with a letter or a word's marks off ("UBND TỈNH KIÊN PHONG" over "SỞ XÂY DỰNG", dated
    "Kiến Phong, ngày …"; "ỦY BAN NHÂN DÂN TỈNH 9A ĐÉC", dated "Sa Đéc"; a former province the Gazette names,
    on no list): the header's capitals and the date line read the same name twice, the date line's in
    normal case, each word capitalised, as a place's name is written. Still in doubt; a value read surely is
    kept (``DOUBTFUL``)."""
    if place is None:
        return found
    name = nfc(place).split(" ")
    if not 2 <= len(name) <= UNLISTED_PLACE_WORDS or not all(w.isalpha() and w[:1].isupper() for w in name):
        return found
    organ_kind = _kind(found.value("organ_name") or "")
    fixed = {}
    for f in found.fields:
        if f.name not in ("organ_name", "parent_organ") or f.value is None or f.confidence >= DOUBTFUL:
            continue
        m = _COMMITTEE_PROVINCE.match(fold(squash(f.value)))
        if m is None:
            continue
        head, level, read = m.groups()
        if head not in ("ubnd", "uy ban nhan dan") and not (f.name == "parent_organ" and organ_kind == "so"):
            continue  # a garbled head is a committee's only over a Sở (its parent is its province's)
        if level != "thanh pho" and Levenshtein.distance(level, "tinh") > 1:
            continue
        if not _read_as(read.split(" "), [fold(w) for w in name]):
            continue
        level_word = "thành phố" if level == "thanh pho" else "tỉnh"
        lead = "UBND" if f.name == "parent_organ" else "Ủy ban nhân dân"
        as_read = squash(nfc(f.value)).split()[-len(name) :]
        if [fold(w) for w in as_read] != read.split(" "):
            as_read = list(name)
        words = [_place_word(h, p, name) for h, p in zip(as_read, name, strict=True)]
        value = f"{lead} {level_word} {' '.join(words)}"
        if value != f.value:
            fixed[id(f)] = ExtractedField(f.name, value, min(f.confidence, GARBLED_UBND_CONFIDENCE))
    if not fixed:
        return found
    return Found(tuple(fixed.get(id(f), f) for f in found.fields))


def _place_word(header: str, place: str, name: list[str]) -> str:
    """A province's word as the header reads it (``header``) or as the date line does (``place``, one of
    ``name``'s words), the two folding alike or one letter off: the header's, title-cased, when it is a
    syllable with its marks (a date line misreads marks as a header does: "HÀ TÂY" dated "Hà Tầy" is Hà
    Tây); the date line's when the header's is no syllable ("9A", "ĐỆC") or lost its marks ("KIEN" where
    the date line marks it). Both syllables with other marks: the one the corpus prints beside the name's
    other words more often ("Kiến Phong" over a header's "KIÊN PHONG"; "BẮC THÁI" dated "Bắc Thải", neither
    printed so, keeps the header's)."""
    from digitize.pipeline.correct import pair_count

    h, p = header.lower(), place.lower()
    if h == p or not _syllable(h) or fold(h) != fold(p):
        return place
    if fold(h) == h.replace("đ", "d"):
        return place  # no mark at all: lost (the two fold alike, the date line's has one)
    others = [w.lower() for w in name if w is not place]

    def beside(w: str) -> int:
        return sum(pair_count(w, o) + pair_count(o, w) for o in others)

    if beside(p) > beside(h):
        return place
    return h[:1].upper() + h[1:]


def _read_as(read: list[str], name: list[str]) -> bool:
    """A province's words as read (folded) are ``name``'s (folded), one to one: each the same, but for at
    most one read with one letter other that is no syllable (a look-alike: "9a" of "sa"; a syllable read
    there may be the header's print and the date line's the misreading: "SA ĐÉC" dated "Sa Đéo" is kept);
    at least one word of three letters or more the same."""
    if len(read) != len(name):
        return False
    off = [(r, n) for r, n in zip(read, name, strict=True) if r != n]
    if len(off) > 1 or not any(r == n and len(n) >= 3 for r, n in zip(read, name, strict=True)):
        return False
    return all(len(r) == len(n) and Levenshtein.distance(r, n) == 1 and not _syllable(r) for r, n in off)
