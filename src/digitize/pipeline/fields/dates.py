"""Dates in folded text: "ngày 5 tháng 6 năm 2020", "05/06/2020" and their OCR-noisy forms."""

from __future__ import annotations

import datetime as dt
import re

from digitize.pipeline.fields.text import DIGITISH, fold1
from digitize.text import nfc

DIGIT = r"[0-9oOlI]"
# a day's or a month's digits; one of them written by hand and read as a letter like a "1": "tháng Ï" (folded
# "i"), "|", beside a digit at most ("ngày ơi": a word, no day)
DAY_DIGITS = rf"(?:{DIGIT}{{1,2}}|[0-9]?[i|]|[i|][0-9])"
# possessive blanks (each run of spaces taken whole: what follows it is never a space), one optional stop: a
# "\s*[,.]?\s*" between two words split a long run of spaces every way before failing (quadratic: 30 000
# spaces after "ngay 1" took 3.4 s); a speck read as a colon too ("Hà Nội, ngày: 25 tháng: 1 năm 2020" of a
# pen's day and month, their strokes' ends read as colons after the printed words: seed 595 alt 000, no date)
_GAP = r"\s*+(?:[,.:]\s*+)?"
# "năm" and its year: a blank, or a speck by "năm" read as a colon ("năm: 2019", seed 85 alt 000's italic
# date line: no date)
_YEAR_GAP = r"\s*+(?:[,.:]\s*+)?"
# the three printed words with one vowel misread ("ngôy", "thớng", "nốm" folded: "ngoy", "thong", "nom"), the
# "th" of "tháng" lost or read as one letter ("háng", "máng", a blurred italic "th" as "đ": "đăng"): the
# digits between them and a four-digit year still make it a date; a speck after "ngày" read as a stop too
# ("ngày, 6 tháng 5", a low-light photo)
# ... or a speck read as a letter glued before "tháng" after a two-digit day ("ngày 11 Ítháng 9", seed 345
# blur alt 009; after one digit it may be the day's second, "ngày 1 ltháng": no date); a speck after "tháng"
# read as a stop ("đến ngày 07 tháng." at a line's end, "8 năm 2024" under it: seed 375 alt 012); a blurred
# "năm" read "mm" or "nm", its "nă" run into one letter, before the year (seed 455 dev 007), or its "m" read
# "n", a stem of it lost ("ngày 17 máng 10 nàn 2016", a grey blurred photo: seed 485 alt 010's date lost);
_DAY_MONTH_NAM = (
    rf"ng[a-z]y{_GAP}({DAY_DIGITS}){_GAP}(?:t?h|[dmnrt]|(?<=\d)u|(?:(?<=\d\d)|(?<=\d\d\s))[i|l]th)[a-z]ng{_GAP}"
    rf"({DAY_DIGITS}){_GAP}(?:n[a-z][mn]|[mn]m){_YEAR_GAP}"
)
WORD_DATE = re.compile(rf"{_DAY_MONTH_NAM}({DIGIT}{{4}})(?!\d)")
# ... its "năm" read as another short word on a blurred photo ("ngủy 31 thông 12 số 2020", seed 639 dev 000:
# the date lost): the day, "tháng" and the month as above, one word of one to three letters, then the year
_YEAR_WORD_LOST = re.compile(
    rf"ng[a-z]y{_GAP}({DAY_DIGITS}){_GAP}(?:t?h|[dmnrt])[a-z]ng{_GAP}({DAY_DIGITS}){_GAP}"
    rf"[a-z]{{1,3}}{_YEAR_GAP}({DIGIT}{{4}})(?!\d)"
)
# ... its year read with a digit lost, "năm" read as it or as another short word ("ngày 5 tháng 4 san 022" of
# a blurred "năm 2022", seed 907 alt 012: the date lost)
_YEAR_DIGIT_LOST = re.compile(
    rf"ng[a-z]y{_GAP}({DAY_DIGITS}){_GAP}(?:t?h|[dmnrt])[a-z]ng{_GAP}({DAY_DIGITS}){_GAP}"
    rf"[a-z]{{1,3}}{_YEAR_GAP}([0-9]{{3}})(?![0-9])"
)
# ... its year read with one digit too many ("năm 22022" of a blurred "2022", wide seed 601 dev 012)
_FIVE_DIGIT_YEAR = re.compile(rf"{_DAY_MONTH_NAM}([0-9]{{5}})(?!\d)")  # ASCII digits: int() reads others too


# a digit glued before "tháng" after a two-digit day read apart ("ngày 12 2tháng 5 năm 2017" of a written "12"
# whose "2" ran into "tháng"'s box and was read twice, seed 907 dev 002: no date): a day has two digits at
# most, the glued one is no digit of it. A blank between the day and the glued digit is required ("ngày
# 122tháng" is a three-digit run: no date). Which digits the day holds is a guess: not in ``find_dates``
# (whose callers take what it finds as read), only the header's date line (``glued_digit_dates``, in doubt)
_GLUED_DATE = re.compile(
    rf"ng[a-z]y{_GAP}([0-9]{{2}})\s++[0-9]th[a-z]ng{_GAP}({DAY_DIGITS}){_GAP}(?:n[a-z][mn]|[mn]m){_YEAR_GAP}"
    rf"({DIGIT}{{4}})(?!\d)"
)


def glued_digit_dates(folded: str) -> list[tuple[int, int, dt.date]]:
    """Word dates with a digit glued before "tháng" after a two-digit day and a blank ("ngay 12 2thang 5 nam
    2017"): the day the two digits before the blank. Which digits the day holds is a guess: doubtful."""
    out: list[tuple[int, int, dt.date]] = []
    for m in _GLUED_DATE.finditer(folded):
        d = _mkdate(m.group(1), m.group(2), m.group(3))
        if d:
            out.append((m.start(), m.end(), d))
    return out


def read_as_letters(folded: str) -> bool:
    """A date's text (``folded[start:end]`` of a found date) has a letter where a digit is: a digit written by
    hand or blurred read as its look-alike ("tháng Ï", "ngày l5"), no sure reading of it."""
    m = WORD_DATE.match(folded) or _NUM_DATE.match(folded)
    return m is not None and not all(g.isdigit() for g in m.groups())


_NUM_DATE = re.compile(r"(?<!\d)([0-3]?\d)\s*[/.\-]\s*([01]?\d)\s*[/.\-]\s*((?:19|20)\d{2})(?!\d)")


# the years a written date of an administrative document can hold (as ``_NUM_DATE``'s 19xx/20xx): a year OCR
# read a digit wrong ("3023" for 2023, a blurred 2 read 3) is no date
YEARS = range(1900, 2100)


def _mkdate(d: str, m: str, y: str) -> dt.date | None:
    try:
        year = int(y.translate(DIGITISH))
        if year not in YEARS:
            return None
        return dt.date(year, int(m.translate(DIGITISH)), int(d.translate(DIGITISH)))
    except ValueError:
        return None


def find_dates(folded: str) -> list[tuple[int, int, dt.date]]:
    """Dates in folded text: ``ngay 5 thang 6 nam 2020`` and ``05/06/2020`` → (start, end, date)."""
    out: list[tuple[int, int, dt.date]] = []
    for m in WORD_DATE.finditer(folded):
        if not re.search(r"\d", m.group(1) + m.group(2)) and re.search(r"[i|]", m.group(1) + m.group(2)):
            continue  # day and month both read as letters: a blank form's "ngày | tháng | năm 2021"
        d = _mkdate(m.group(1), m.group(2), m.group(3))
        if d:
            out.append((m.start(), m.end(), d))
    for m in _NUM_DATE.finditer(folded):
        d = _mkdate(m.group(1), m.group(2), m.group(3))
        if d and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), d))
    return sorted(out)


def extra_digit_dates(folded: str) -> list[tuple[int, int, dt.date]]:
    """Word dates whose year was read with five digits ("ngay 18 thang 7 nam 22022": a blurred year's stroke
    read as one more digit), where leaving out one of them makes exactly one year a document may hold
    (``YEARS``: "22022" gives 2022 alone, 2202 and 2222 none; "20201" gives 2020, 2021 and 2001: no date).
    The digits kept are all read ones; which one was too many is a guess, so such a date is doubtful."""
    out: list[tuple[int, int, dt.date]] = []
    for m in _FIVE_DIGIT_YEAR.finditer(folded):
        run = m.group(3)
        years = {int(run[:i] + run[i + 1 :]) for i in range(len(run))} & set(YEARS)
        if (found := _one_year_date(m, years)) is not None:
            out.append(found)
    return out


def year_word_lost_dates(folded: str) -> list[tuple[int, int, dt.date]]:
    """Word dates whose "năm" was read as another short word ("ngay 31 thong 12 so 2020" of a blurred "ngày
    31 tháng 12 năm 2020"): the day and month after "ngày" and "tháng", a year after one word of up to three
    letters. The year's word is a guess (the digits may be another number's): such a date is doubtful."""
    out: list[tuple[int, int, dt.date]] = []
    for m in _YEAR_WORD_LOST.finditer(folded):
        if not re.search(r"\d", m.group(1) + m.group(2)):
            continue  # day and month both read as letters: no date
        d = _mkdate(m.group(1), m.group(2), m.group(3))
        if d:
            out.append((m.start(), m.end(), d))
    return out


def year_digit_lost_dates(
    folded: str, today: dt.date, within: range | None = None
) -> list[tuple[int, int, dt.date]]:
    """Word dates whose year was read with three digits ("ngay 5 thang 4 san 022" of a blurred "ngày 5 tháng 4
    năm 2022": its "2" lost), where one digit put back anywhere makes exactly one year a document read on
    ``today`` may hold (``FIRST_YEAR`` to ``today``'s: "022" gives 2022 alone; "202" gives 2020 to today's:
    no date), or one of ``within`` when given (the years a validity may end in). Which digit was lost is a
    guess: such a date is doubtful."""
    window = set(within if within is not None else range(FIRST_YEAR, today.year + 1))
    out: list[tuple[int, int, dt.date]] = []
    for m in _YEAR_DIGIT_LOST.finditer(folded):
        if not (m.group(1) + m.group(2)).isdigit():
            continue  # a day or month read as a letter too: no date
        run = m.group(3)
        years = {int(run[:i] + d + run[i:]) for i in range(len(run) + 1) for d in "0123456789"}
        if (found := _one_year_date(m, years & window)) is not None:
            out.append(found)
    return out


def _one_year_date(m: re.Match[str], years: set[int]) -> tuple[int, int, dt.date] | None:
    """The word date ``m`` matched (day, month, year groups) with its year the one of ``years``; None for
    none or several."""
    if len(years) != 1:
        return None
    d = _mkdate(m.group(1), m.group(2), str(next(iter(years))))
    return (m.start(), m.end(), d) if d else None


# the first year a document read here may hold (the state's acts from 1945 on): a year one digit misread makes
# into an earlier one is no candidate (``misread_year_dates``)
FIRST_YEAR = 1945


def misread_year_dates(
    folded: str, today: dt.date, notation_year: int | None = None
) -> list[tuple[int, int, dt.date]]:
    """Word dates whose four-digit year no document holds (``YEARS``: "nam 3019" of a blurred "2019", its
    "2" read "3"), where one digit read otherwise makes exactly one year a document read on ``today`` may
    hold (``FIRST_YEAR`` to ``today``'s): "3019" gives 2019 alone, "2820" 2020 alone; "3090" only 2090,
    after today: no date. Of several, the year the number's notation gives (``notation_year``: "12/2019/QĐ-
    UBND") when it is one of them. Which digit was misread is a guess: such a date is doubtful."""
    out: list[tuple[int, int, dt.date]] = []
    for m in WORD_DATE.finditer(folded):
        run = m.group(3).translate(DIGITISH)
        if not run.isdigit() or int(run) in YEARS:
            continue
        years = {int(run[:i] + d + run[i + 1 :]) for i in range(len(run)) for d in "0123456789"}
        years &= set(range(FIRST_YEAR, today.year + 1))
        if notation_year in years:
            years = {notation_year}
        if (found := _one_year_date(m, years)) is not None:
            out.append(found)
    return out


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text`` ("ngày 5 tháng 6 năm 2020", "05/06/2020", OCR-noisy forms)."""
    found = find_dates(fold1(nfc(text)))
    return found[0][2] if found else None


def uncalendared_dates(folded: str) -> list[tuple[int, int, str, str, int]]:
    """Word dates read digit for digit whose day and month make no day of their year ("ngay 14 thang 17 nam
    2024": a pen's "11" read "17"): (start, end, day, month as read, year). Which digit was misread the
    line alone does not tell."""
    out: list[tuple[int, int, str, str, int]] = []
    for m in WORD_DATE.finditer(folded):
        day, month, year = m.group(1, 2, 3)
        if not (day + month + year).isdigit() or int(year) not in YEARS:
            continue
        if _mkdate(day, month, year) is None:
            out.append((m.start(), m.end(), day, month, int(year)))
    return out


def one_digit_from(read: tuple[str, str], day: dt.date) -> bool:
    """Whether the day and month as read (``read``) are ``day``'s but for one digit ("14", "17" of 14/11)."""
    got = read[0].zfill(2) + read[1].zfill(2)
    want = f"{day.day:02d}{day.month:02d}"
    return len(got) == len(want) and sum(a != b for a, b in zip(got, want, strict=True)) == 1


# a word date whose day was read as one or two letters or marks ("ngày. LŨ tháng 12 năm 2019": the pen's
# "10"), its month and year as digits; a blank day ("ngày    tháng 11") is none: the "t" of "tháng" is no day
_DAY_UNREAD = re.compile(
    rf"ng[a-z]y{_GAP}(?!t?h[a-z]ng\b)([^\s\d]{{1,2}}){_GAP}t?h[a-z]ng{_GAP}([0-9]{{1,2}}){_GAP}"
    rf"n[a-z][mn]{_YEAR_GAP}"
    r"([0-9]{4})(?!\d)"
)


def day_unread_dates(folded: str) -> list[tuple[int, int, int, int]]:
    """Word dates whose day was read as no digit, their month and year read (a calendar's): (start, end,
    month, year). A day left blank ("ngay    thang 5 nam 2021") or a blank form's bar ("ngay | thang 5 nam
    2021": no letter) is none: no pen wrote a day there."""
    out: list[tuple[int, int, int, int]] = []
    for m in _DAY_UNREAD.finditer(folded):
        month, year = int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and year in YEARS and any(ch.isalpha() for ch in m.group(1)):
            out.append((m.start(), m.end(), month, year))
    return out
