"""The issuing organ and its parent from the header's left column: "SỞ Y TẾ" under "UBND TỈNH YÊN BÁI" is
organ + parent; a two-line "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI" is one organ with no parent."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from digitize.pipeline.fields.layout import is_motto
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.number import SO_IN_LINE, SO_WORD
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.text import clean_value, fold1, match, normalize_tones, sentence_case
from digitize.pipeline.fields.vocab import CENTRAL_CITIES, F_ORGANS, F_PROVINCES
from digitize.text import fold, squash


def province(text: str, cutoff: float = 80) -> tuple[str, float] | None:
    t = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(squash(text)))
    return match(t, F_PROVINCES, cutoff)


_MINISTRIES = {k: v for k, v in F_ORGANS.items() if k.startswith("bo ")}
_UNDER_MINISTRY = re.compile(r"^\W*(cuc|tong cuc|vu|vien|uy ban quoc gia)\b")


def parent_organ(text: str, unit: str = "") -> tuple[str, float]:
    """The parent organ from its header line; under a Cục, Tổng cục, Vụ or Viện (``unit``) it is a ministry,
    also when OCR lost its "BỘ" ("Y TẾ" over "CỤC QUẢN LÝ DƯỢC" is the Bộ Y tế)."""
    f = fold(squash(text))
    if _UNDER_MINISTRY.match(fold(unit)) and not f.startswith(("bo ", "ubnd", "uy ban")) and len(f) >= 4:
        hit = match("bo " + f, _MINISTRIES, 92)
        if hit:
            return hit[0], hit[1] * 0.9
    # up to two junk characters before (a speck read as "L", a quote)
    m = re.match(r"^\W?\w?\W?(ubnd|u\s*b\s*n\s*d|uy ban nhan dan)\s*(tinh|thanh pho|tp\.?)?\s*(.*)$", f)
    if m:
        level = "thành phố" if (m.group(2) or "").startswith(("thanh", "tp")) else "tỉnh"
        prov = province(m.group(3))
        if prov:
            name = prov[0]
            if m.group(2) is None and name in CENTRAL_CITIES:
                level = "thành phố"
            return f"UBND {level} {name}", prov[1]
        return "UBND " + sentence_case(text.split(None, 1)[1] if " " in text else text), 0.6
    hit = match(text, F_ORGANS, 85)
    if hit:
        return hit
    return sentence_case(normalize_tones(squash(text))), 0.7


_KIND = r"^\W?\w?\W?(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)"
_LOCAL_LEVELS = {
    "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thi tran": "thị trấn", "xa": "xã",
    "phuong": "phường",
}  # fmt: skip
_LOCAL = re.compile(r"^(huyen|quan|thi xa|thi tran|xa|phuong)\s+(\S.*)$")


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


def organ(text: str) -> tuple[str, float]:
    hit = match(text, F_ORGANS, 84)
    if hit:
        return hit
    return sentence_case(normalize_tones(squash(text))), 0.7


def capitals(text: str) -> bool:
    """Mostly capital letters (an organ's header line), as OCR reads them ("Cục LÝ DƯỢC" still is)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


# the second header line naming a unit under the first (which is then its parent)
_SUBORDINATE = (
    "so ", "van phong", "ban ", "phong ", "chi cuc", "trung tam", "thanh tra", "cong an", "truong ", "cuc ",
)  # fmt: skip


def read_organ(left: Sequence[Line], number_i: int | None) -> Found:
    """organ_name and parent_organ from the left column's lines above the "Số:" line (else its first 3)."""
    res = Builder()
    organ_lines = [ln for ln in (left[:number_i] if number_i is not None else left[:3]) if not is_motto(ln)]
    organ_lines = [ln for ln in organ_lines if len(re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", ln.text)) >= 2]
    if number_i is None:
        # the "Số:" line not recognised (its number written by hand and misread: "sø: 2Ï /rmw-oLp"): the
        # organ's lines are printed in capitals, the line under them is not one of them
        organ_lines = organ_lines[:1] + [ln for ln in organ_lines[1:] if capitals(ln.text)]
    cut = next((k for k, ln in enumerate(organ_lines) if SO_WORD.match(fold1(ln.text))), None)
    organ_lines = organ_lines[:cut]
    organ_texts = [SO_IN_LINE.sub("", ln.text) for ln in organ_lines]
    ubnd = ubnd_organ(organ_texts) if len(organ_lines) <= 2 else None
    if ubnd is not None:
        res.set("organ_name", ubnd[0], statistics.fmean(ln.conf for ln in organ_lines) * ubnd[1])
    elif organ_lines:
        joined = " ".join(organ_texts)
        conf = statistics.fmean(ln.conf for ln in organ_lines)
        if (
            fold(joined).startswith(("uy ban nhan dan", "ubnd"))
            and len(organ_lines) <= 2
            and (len(organ_lines) == 1 or not fold(organ_lines[1].text).startswith(_SUBORDINATE))
        ) or len(organ_lines) == 1:
            name, q = organ(joined)
            res.set("organ_name", name, conf * q)
        else:
            rest = organ_lines[1:]
            pname, pq = parent_organ(organ_lines[0].text, rest[0].text)
            res.set("parent_organ", pname, organ_lines[0].conf * pq)
            name, q = organ(" ".join(ln.text for ln in rest))
            res.set("organ_name", name, statistics.fmean(ln.conf for ln in rest) * q)
    return res.freeze()
