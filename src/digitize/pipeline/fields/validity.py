"""Validity of a licence or certificate: "có hiệu lực kể từ ngày ký", "có giá trị đến ngày …", "từ … đến …",
"thời hạn N năm kể từ ngày ký"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from digitize.pipeline.fields.dates import DIGIT, parse_date, year_digit_lost_dates
from digitize.pipeline.fields.holder import conf_at
from digitize.pipeline.fields.lines import Line, rows_rejoined
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
# "tới" (until); the "ừ"'s hook may read as a mark after it ("kể tí: ngày ký" on a blurred photo, seed 615 dev
# 005: no valid_from)
_KE_TU = r"(?:k[a-z]\s*)?t(?!oi\b)[a-z]{1,2}\b[:;,'’]?"
_FROM_SIGN = re.compile(rf"{_HIEU_LUC}\s*(?:thi hanh\s*)?{_KE_TU}\s*ngay\s*(?:ky|ban hanh|cap)")
_FROM = re.compile(rf"{_HIEU_LUC}\s*(?:thi hanh\s*)?{_KE_TU}\s*({_DATE_ANY})")
# "đến ngày 21402/2025" of "21/02/2025" on a blurred photo: the first slash read as a digit (1 or 4, an l or a
# bar), the second kept: a two-digit day, the misread slash, a two-digit month (not "3112/2025": a slash
# lost, 31/12, review 31 L1)
_UNTIL_SLASH_LOST = re.compile(_CLAUSE_UNTIL + r"(?<!\d)([0-3]\d)[14l|]([01]\d)\s*/\s*((?:19|20)\d{2})(?!\d)")
SLASH_LOST_CONF = 0.5  # the date read with a slash taken for a digit: where the slash stood is a guess
# "đến ngày 28/1 1/2021." of "28/11/2021" on a blurred photo (seed 537 dev 013: no valid_until): a space read
# inside the day's or the month's two digits, the word cut there; both slashes read. Joined, in doubt
# (``SLASH_LOST_CONF``: the space may stand for a digit lost)
_UNTIL_SPLIT = re.compile(
    _CLAUSE_UNTIL + r"(?<!\d)([0-3]\s?\d|\d)\s*/\s*([01]\s?\d|\d)\s*/\s*((?:19|20)\d{2})(?!\d)"
)
# "đến ngày 0Š tháng 7 năm 2022" of a blurred "05" (wide seed 707 dev 012: no valid_until): a "5" of the day
# or the month read as an "S" (folded "s", ``DIGITISH``'s look-alike), beside a digit or alone; the date's
# words printed round it. Read as a 5, in doubt (``SLASH_LOST_CONF``: the letter may stand for another digit)
_UNTIL_S_FOR_5 = re.compile(
    _CLAUSE_UNTIL + r"(?<![0-9a-z])([0-3]?[0-9s])\s*+[,.]?\s*+thang\s*+[,.]?\s*+([01]?[0-9s])\s*+[,.]?\s*+"
    r"nam\s*+((?:19|20)\d{2})(?!\d)"
)
# "có giá trị đến ngày …" with its "giá" read as marks ("có \"= trị đến ngày 16/05/2019" on a blurred photo,
# seed 525 dev 013: no valid_until): "có", one short token, "trị", then the end date at once; the clause's
# word is a guess, in doubt (``GIA_LOST_CONF``)
_UNTIL_GIA_LOST = re.compile(
    rf"\bco\s+[^\s\w]{{1,3}}\s*tri\s+(?:den|toi)\s*(?:het\s*)?(?:ngay\s*)?({_DATE_ANY})"
)
GIA_LOST_CONF = 0.55
# "có hiệu lực đến ngày 19 tháng 10 năm 225." of "2025" (seed 595 dev 012: no valid_until): the clause up to
# its word date, whose year read a digit short is put back (``year_digit_lost_dates``) where one year alone
# fits, on or after the act's and no more than ``LONGEST_VALIDITY_YEARS`` after it; in doubt
_UNTIL_WORD_DATE = re.compile(_CLAUSE_UNTIL + r"(?=ng[a-z]y\b)")
_TERM = re.compile(rf"thoi han\s*(?:la\s*)?({DIGIT}{{1,2}})\s*nam\s*(?:ke\s*)?tu\s*ngay\s*(?:ky|cap)")


def read_validity(lines: Sequence[Line], issued: ExtractedField | None, holder_name: str | None) -> Found:
    """valid_from and valid_until from the body's validity clauses: the lines as read, or, when they give
    none, with the pieces of a clause cut at its page's middle and its end read after the lines below put
    back on their row (``rows_rejoined``: seed 479 dev 012). Rejoined first, a two-column page's other column
    would end a clause it does not belong to (REVIEW-39a H1)."""
    found, longest = _read(lines, issued, holder_name)
    if not found.fields:
        rejoined = rows_rejoined(lines)
        if len(rejoined) < len(lines):
            found, longest = _read(rejoined, issued, holder_name)
    return _in_order(found, issued, longest)


def _until_misread(res: Builder, body: Sequence[Line], folded: str, misread: re.Pattern[str]) -> str | None:
    """The end date a clause ``misread`` matches in ``folded`` (its day, month and year the pattern's three
    groups, a space read inside one dropped, an "s" read for a 5 taken as one) set in ``res`` in doubt
    (``SLASH_LOST_CONF``: where a slash or a digit stood is a guess); its sentence up to the date, or None
    for no valid date."""
    m = misread.search(folded)
    if m is None:
        return None
    day, month = (re.sub(r"\s", "", g).replace("s", "5") for g in m.group(1, 2))
    d = parse_date(f"{day}/{month}/{m.group(3)}")
    if not d:
        return None
    res.set("valid_until", d.isoformat(), min(SLASH_LOST_CONF, conf_at(body, m.start(1), m.end(3))))
    return _sentence(folded, m.start(), m.end())


def _read(
    body: Sequence[Line], issued: ExtractedField | None, holder_name: str | None
) -> tuple[Found, int | None]:
    """The validity ``body`` gives, and the most years its end may stand after its start
    (``longest_validity``; None: the end counted from a printed term)."""
    res = Builder()
    clause = ""  # the sentence that gave valid_until, up to its date
    text = " ".join(ln.text for ln in body)
    folded = fold1(text)
    m = _RANGE.search(folded)
    if m:
        d1, d2 = parse_date(text[m.start(1) : m.end(1)]), parse_date(text[m.start(2) : m.end(2)])
        if d1 and d2:
            c = conf_at(body, m.start(1), m.end(2))
            res.set("valid_from", d1.isoformat(), c)
            res.set("valid_until", d2.isoformat(), c)
            clause = _sentence(folded, m.start(), m.end())
    m = _UNTIL.search(folded)
    if m:
        d = parse_date(text[m.start(1) : m.end(1)])
        if d and "valid_until" not in res.fields:
            res.set("valid_until", d.isoformat(), conf_at(body, m.start(1), m.end(1)))
            clause = _sentence(folded, m.start(), m.end())
    for misread in (_UNTIL_SLASH_LOST, _UNTIL_SPLIT, _UNTIL_S_FOR_5):
        if "valid_until" not in res.fields and (at := _until_misread(res, body, folded, misread)) is not None:
            clause = at
    if "valid_until" not in res.fields and (m := _UNTIL_GIA_LOST.search(folded)) is not None:
        d = parse_date(text[m.start(1) : m.end(1)])
        if d:
            res.set("valid_until", d.isoformat(), min(GIA_LOST_CONF, conf_at(body, m.start(1), m.end(1))))
            clause = _sentence(folded, m.start(), m.end())
    if "valid_until" not in res.fields and issued and issued.value and (m := _UNTIL_WORD_DATE.search(folded)):
        first = dt.date.fromisoformat(issued.value).year
        window = range(first, first + LONGEST_VALIDITY_YEARS + 1)
        short = year_digit_lost_dates(folded[m.end() : m.end() + 60], dt.date.today(), window)
        if short and short[0][0] == 0:
            _, end, day = short[0]
            res.set(
                "valid_until", day.isoformat(), min(SLASH_LOST_CONF, conf_at(body, m.end(), m.end() + end))
            )
            clause = _sentence(folded, m.start(), m.end() + end)
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
            return _with_from(res, body, text, folded), None
    return _with_from(res, body, text, folded), longest_validity(clause)


def _with_from(res: Builder, body: Sequence[Line], text: str, folded: str) -> Found:
    m4 = _FROM.search(folded)
    if m4:
        d = parse_date(text[m4.start(1) : m4.end(1)])
        if d:
            res.set("valid_from", d.isoformat(), conf_at(body, m4.start(1), m4.end(1)))
    return res.freeze()


def _sentence(folded: str, start: int, end: int) -> str:
    """``folded[start:end]`` with the sentence's words before it (from the last stop or semicolon)."""
    return folded[max(folded.rfind(".", 0, start), folded.rfind(";", 0, start)) + 1 : end]


MISORDERED_CONF = 0.5  # a validity that ends before it starts or before the act's date: a digit misread
# ... or that ends more years than this after it: a licence or certificate runs far fewer ("11/05/2072" of a
# blurred "11/06/2022" for a certificate of 2019, seed 479 alt 006, is a year misread); a right to use land
# (or a project on it) runs 50 years, up to 70 in the cases the Land Law allows (LONGEST_LAND_YEARS). An end
# counted from a printed term ("thời hạn 60 năm kể từ ngày ký") is not checked: the term says it
LONGEST_VALIDITY_YEARS = 50
LONGEST_LAND_YEARS = 70
# the validity's clause names land use or a project ("thời hạn sử dụng đất đến ngày …", "thuê đất", "dự án")
_LAND = re.compile(r"\b(?:su dung dat|thue dat|du an)\b")


def longest_validity(clause: str) -> int:
    """The most years a validity (its ``clause``, folded) may run: ``LONGEST_LAND_YEARS`` for land or a
    project, ``LONGEST_VALIDITY_YEARS`` otherwise."""
    return LONGEST_LAND_YEARS if _LAND.search(clause) else LONGEST_VALIDITY_YEARS


def _in_order(found: Found, issued: ExtractedField | None, longest: int | None) -> Found:
    """The validity with its dates in doubt when they contradict each other: an end on or before its start
    or before the act's own date ("2019" of a blurred "2029" after an issue in 2024), or more than
    ``longest`` years after them (None: no limit, the end counted from a printed term), says one of them was
    misread, and which one the dates alone don't tell."""
    start, end = found.get("valid_from"), found.get("valid_until")
    if end is None or not end.value:
        return found
    until = dt.date.fromisoformat(end.value)
    starts = [dt.date.fromisoformat(f.value) for f in (start, issued) if f is not None and f.value]
    if not any(until <= day or (longest is not None and until.year - day.year > longest) for day in starts):
        return found
    doubted = {"valid_from", "valid_until"}
    return Found(
        tuple(
            ExtractedField(f.name, f.value, min(f.confidence, MISORDERED_CONF)) if f.name in doubted else f
            for f in found.fields
        )
    )
