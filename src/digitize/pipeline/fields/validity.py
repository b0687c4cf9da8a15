"""Validity of a licence or certificate: "có hiệu lực kể từ ngày ký", "có giá trị đến ngày …", "từ … đến …",
"thời hạn N năm kể từ ngày ký"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from digitize.pipeline.fields.dates import DIGIT, parse_date
from digitize.pipeline.fields.holder import conf_at
from digitize.pipeline.fields.lines import Line, sub_line
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.text import DIGITISH, fold1
from digitize.pipeline.model import ExtractedField

# (a speck by "tháng" read as a stop too: "đến ngày 07 tháng." at a line's end, seed 375 alt 012; blanks
# possessive: a long run of them fails in linear time, REVIEW-33 L1)
_DATE_ANY = (
    rf"(?:ngay\s*+{DIGIT}{{1,2}}\s*+[,.]?\s*+thang\s*+[,.]?\s*+{DIGIT}{{1,2}}\s*+[,.]?\s*+nam\s*+{DIGIT}{{4}}|"
    r"(?:ngay\s*)?[0-3]?\d\s*[/.\-]\s*[01]?\d\s*[/.\-]\s*(?:19|20)\d{2})"
)
# "hiệu lực" as a word (not the end of "nhiều lực lượng"), or after "có" with its first letter misread ("có
# liệu lực đến ngày …" on a blurred photo, seed 337 alt 005; not "số liệu lực lượng": review 31 H1)
_HIEU_LUC = r"(?:\bhieu luc|\bco [a-z]ieu luc)\b(?!\s*luong)"
_RANGE = re.compile(rf"{_HIEU_LUC}\s*(?:ke\s*)?tu\s*({_DATE_ANY})\s*(?:den|toi)\s*(?:het\s*)?({_DATE_ANY})")
_CLAUSE_UNTIL = (
    rf"(?:{_HIEU_LUC}|gia tri|thoi han|su dung)[^.;]{{0,90}}?(?:den|toi)\s*(?:het\s*)?(?:ngay\s*)?"
)
_UNTIL = re.compile(rf"{_CLAUSE_UNTIL}({_DATE_ANY})")
# "kể từ" as OCR reads it ("kế tír", "kê tù", "kể tử"): k and one letter, t and one or two letters, not
# "tới" (until)
_KE_TU = r"(?:k[a-z]\s*)?t(?!oi\b)[a-z]{1,2}\b"
_FROM_SIGN = re.compile(rf"{_HIEU_LUC}\s*(?:thi hanh\s*)?{_KE_TU}\s*ngay\s*(?:ky|ban hanh|cap)")
_FROM = re.compile(rf"{_HIEU_LUC}\s*(?:thi hanh\s*)?{_KE_TU}\s*({_DATE_ANY})")
# "đến ngày 21402/2025" of "21/02/2025" on a blurred photo: the first slash read as a digit (1 or 4, an l or a
# bar), the second kept: a two-digit day, the misread slash, a two-digit month (not "3112/2025": a slash
# lost, 31/12, review 31 L1)
_UNTIL_SLASH_LOST = re.compile(_CLAUSE_UNTIL + r"(?<!\d)([0-3]\d)[14l|]([01]\d)\s*/\s*((?:19|20)\d{2})(?!\d)")
SLASH_LOST_CONF = 0.5  # the date read with a slash taken for a digit: where the slash stood is a guess
_TERM = re.compile(rf"thoi han\s*(?:la\s*)?({DIGIT}{{1,2}})\s*nam\s*(?:ke\s*)?tu\s*ngay\s*(?:ky|cap)")


def read_validity(lines: Sequence[Line], issued: ExtractedField | None, holder_name: str | None) -> Found:
    """valid_from and valid_until from the body's validity clauses."""
    res = Builder()
    body = rows_rejoined(lines)
    text = " ".join(ln.text for ln in body)
    folded = fold1(text)
    m = _RANGE.search(folded)
    if m:
        d1, d2 = parse_date(text[m.start(1) : m.end(1)]), parse_date(text[m.start(2) : m.end(2)])
        if d1 and d2:
            c = conf_at(body, m.start(1), m.end(2))
            res.set("valid_from", d1.isoformat(), c)
            res.set("valid_until", d2.isoformat(), c)
    m = _UNTIL.search(folded)
    if m:
        d = parse_date(text[m.start(1) : m.end(1)])
        if d:
            res.set("valid_until", d.isoformat(), conf_at(body, m.start(1), m.end(1)))
    if "valid_until" not in res.fields and (m := _UNTIL_SLASH_LOST.search(folded)) is not None:
        d = parse_date(f"{m.group(1)}/{m.group(2)}/{m.group(3)}")
        if d:
            res.set("valid_until", d.isoformat(), min(SLASH_LOST_CONF, conf_at(body, m.start(1), m.end(3))))
    if issued and issued.value:
        m2 = _FROM_SIGN.search(folded)
        # "có hiệu lực kể từ ngày ký" of an act granting something to a holder starts its validity; the same
        # words in a decision with no holder (an appointment, a directive) are not a validity period
        if m2 and holder_name:
            res.set("valid_from", issued.value, min(issued.confidence, conf_at(body, m2.start())))
        m3 = _TERM.search(folded)
        if m3 and "valid_until" not in res.fields:
            years = int(m3.group(1).translate(DIGITISH))
            start = dt.date.fromisoformat(issued.value)
            try:
                until = start.replace(year=start.year + years)
            except ValueError:
                until = start.replace(year=start.year + years, day=28)
            res.set("valid_until", until.isoformat(), issued.confidence * 0.8)
    m4 = _FROM.search(folded)
    if m4:
        d = parse_date(text[m4.start(1) : m4.end(1)])
        if d:
            res.set("valid_from", d.isoformat(), conf_at(body, m4.start(1), m4.end(1)))
    return _in_order(res.freeze(), issued)


ROW_SHARE = 0.6  # two lines stand on one row when they share this much of the shorter one's height ...
ROW_GAP = 1.5  # ... and the later starts at most this many of its height right of the earlier's end


def rows_rejoined(lines: Sequence[Line]) -> list[Line]:
    """The lines with one that OCR gave later but that goes on the row of an earlier one on its page, right
    after its end (a word space or two), put back at its end: a photo's page layout cut the validity
    sentence's row in two ("Giấy phép này có hiệu lực" … the signature block … "kể từ ngày ký và có hiệu lực
    đến ngày 05 tháng", seed 479 dev 012: its clause and its date lost). The lines' order is otherwise
    kept."""
    out = list(lines)
    i = 0
    while i < len(out):
        ln = out[i]
        j = next(
            (
                j
                for j in range(i + 1, len(out))
                if out[j].boxed
                and ln.boxed
                and out[j].page == ln.page
                and out[j].words
                and ln.words
                and min(ln.y1, out[j].y1) - max(ln.y0, out[j].y0)
                >= ROW_SHARE * min(ln.y1 - ln.y0, out[j].y1 - out[j].y0)
                and 0 <= out[j].x0 - ln.x1 <= ROW_GAP * min(ln.y1 - ln.y0, out[j].y1 - out[j].y0)
            ),
            None,
        )
        if j is None:
            i += 1
            continue
        words = sorted([*ln.words, *out[j].words], key=lambda w: w.box.x0)
        out[i] = sub_line(ln, words)
        del out[j]
    return out


MISORDERED_CONF = 0.5  # a validity that ends before it starts or before the act's date: a digit misread


def _in_order(found: Found, issued: ExtractedField | None) -> Found:
    """The validity with its dates in doubt when they contradict each other: an end on or before its start
    or before the act's own date ("2019" of a blurred "2029" after an issue in 2024) says one of them was
    misread, and which one the dates alone don't tell."""
    start, end = found.get("valid_from"), found.get("valid_until")
    if end is None or not end.value:
        return found
    until = dt.date.fromisoformat(end.value)
    starts = [f.value for f in (start, issued) if f is not None and f.value]
    if not any(until <= dt.date.fromisoformat(v) for v in starts):
        return found
    doubted = {"valid_from", "valid_until"}
    return Found(
        tuple(
            ExtractedField(f.name, f.value, min(f.confidence, MISORDERED_CONF)) if f.name in doubted else f
            for f in found.fields
        )
    )
