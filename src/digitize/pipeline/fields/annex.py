"""The document's own number and date as its annex cites them: "(Kèm theo Giấy phép số 1606/GP-SVHTTDL ngày
18 tháng 6 năm 2020 của …)" heads a Decree 30 annex (phụ lục) on a later page. Where the header's number or
date was written by hand and not read (seed 87 alt 012: "ngày 1 tháng … năm 2020", seed 87 dev 001), the
annex's line gives them again, typed.

Only a line that opens with "(Kèm theo" near the top of a page after the first, naming the document's own
type (and its notation, when the header's was read) is taken: a body's "ban hành kèm theo Quyết định số
12/QĐ-UBND ngày …" cites another decision. Its values fill only what the header left None, and stay under
review (an annex's blanks are filled by hand too, and may be read wrong)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from digitize.pipeline.fields.dates import find_dates
from digitize.pipeline.fields.lines import Line, rows_rejoined
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.review import REVIEW_THRESHOLD
from digitize.pipeline.fields.vocab import DOC_TYPES, NOTATION_TYPES
from digitize.pipeline.model import ExtractedField
from digitize.text import fold

# lines from a later page's top the annex's "(Kèm theo …)" may stand at ("PHỤ LỤC" and its title over it)
ANNEX_TOP_LINES = 6
# the citation's number, notation and date may wrap onto the next line
CITE_LINES = 2
# a value taken from the annex goes to review, however sure its reading (under review.REVIEW_THRESHOLD)
ANNEX_CONF = 0.59

_TYPE_ABBREVIATIONS = {v: k for k, v in NOTATION_TYPES.items()}
_FOLDED_ABBREVIATIONS = frozenset(fold(k).lower() for k in NOTATION_TYPES)
# (its "K" misread or lost: "(Yêm theo Báo cáo số 90/BC-TY …" on a blurred photo, seed 443 alt 009, whose
# header's printed month the blur made unreadable: the date lost; the type and notation named after it say
# what the line is)
_KEM_THEO = re.compile(r"^\W{0,2}[a-z]?em theo\s+")
# " số 1606/GP-SVHTTDL" (folded), a year between them ("12/2020/QĐ-UBND") kept with the notation
_CITED = re.compile(
    r"\s+so\s*:?\s*(\d{1,6})\s*/\s*((?:(?:19|20)\d\d\s*/\s*)?[a-z0-9]{1,10}(?:-[a-z0-9]{1,10})+)"
)


def read_annex(lines: Sequence[Line], type_name: str | None, notation: str | None) -> Found:
    """code_number and issued_date as the annex's "(Kèm theo <type> số N/NOTATION ngày …)" line cites them,
    when it names ``type_name`` (and ``notation``, when known); nothing otherwise."""
    res = Builder()
    if not type_name:
        return res.freeze()
    for page_lines in _later_pages(lines):
        for i, ln in enumerate(page_lines[:ANNEX_TOP_LINES]):
            m = _KEM_THEO.match(ln.folded)
            if m is None:
                continue
            text = " ".join(x.folded for x in page_lines[i : i + CITE_LINES])
            rest = text[m.end() :]
            if not rest.startswith(fold(type_name).lower() + " "):
                continue
            cited = _CITED.match(rest, len(fold(type_name)))
            if cited is None:
                continue
            raw = re.sub(r"\s+", "", cited.group(2))
            own = raw.rsplit("/", 1)[-1]
            if notation is not None and own != fold(notation).lower():
                continue
            conf = min(ANNEX_CONF, ln.conf)
            if notation is not None:
                res.set("code_number", cited.group(1), conf)
            dates = find_dates(rest[cited.end() :])
            if dates and dates[0][0] <= len(" ngay"):
                res.set("issued_date", dates[0][2].isoformat(), conf)
            if "issued_date" in res.fields:
                return res.freeze()
            break  # no date read after it: its rows rejoined may give it
    return res.freeze()


def _later_pages(lines: Sequence[Line]) -> Iterator[list[Line]]:
    """The lines of each page after the first, as read; then, for a page whose rows ``rows_rejoined`` puts
    pieces back on, its lines so rejoined (a centred citation read as two columns: seed 475 dev 005). The
    lines as read come first: rejoined, a two-column page's other column would run into a line it does not
    belong to (REVIEW-39a H1)."""
    first_page = lines[0].page if lines else 0
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.page != first_page:
            by_page.setdefault(ln.page, []).append(ln)
    yield from by_page.values()
    for page_lines in by_page.values():
        rejoined = rows_rejoined(page_lines)
        if len(rejoined) < len(page_lines):
            yield rejoined


@dataclass(frozen=True)
class Cited:
    """The document as its annex's "(Kèm theo <type> số N/NOTATION …)" line cites it: its type, number and
    notation as printed there, and that line's confidence."""

    type_name: str
    number: str
    notation: str
    conf: float
    date: str | None = None  # ISO, when the citation gives it


def cited(lines: Sequence[Line]) -> Cited | None:
    """The first annex line at a later page's top citing a document of a known type whose notation opens with
    that type's abbreviation ("(Kèm theo Chỉ thị số 1463/CT-QLD …)"): the document itself, typed again where
    its header's heading or notation was lost (seed 121 dev 001, a shaken photo: "CHỈ THỊ" unread and the
    notation read "CTQLD")."""
    undated: Cited | None = None
    for page_lines in _later_pages(lines):
        for i, ln in enumerate(page_lines[:ANNEX_TOP_LINES]):
            m = _KEM_THEO.match(ln.folded)
            if m is None:
                continue
            text = " ".join(x.text for x in page_lines[i : i + CITE_LINES])
            folded = " ".join(x.folded for x in page_lines[i : i + CITE_LINES])
            for type_name in sorted(DOC_TYPES, key=len, reverse=True):
                key = fold(type_name).lower()
                if not folded.startswith(key + " ", m.end()):
                    continue
                c = _CITED.match(folded, m.end() + len(key))
                if c is None:
                    break
                notation = re.sub(r"\s+", "", text[c.start(2) : c.end(2)]).rsplit("/", 1)[-1]
                if not _type_fits(type_name, notation):
                    break
                if type_name not in _TYPE_ABBREVIATIONS and not _annex_heading(page_lines, i):
                    break  # a body's "Kèm theo Công văn số …/SGDĐT-CTrTT": an earlier letter of the unit's
                dates = find_dates(folded[c.end() :])
                day = dates[0][2].isoformat() if dates and dates[0][0] <= len(" ngay") else None
                found = Cited(type_name, c.group(1), notation, min(ANNEX_CONF, ln.conf), day)
                if day is not None:
                    return found
                undated = undated or found  # no date read after it: its rows rejoined may give it
                break
            if undated is not None:
                break
    return undated


def _type_fits(type_name: str, notation: str) -> bool:
    """The cited notation opens with the cited type's abbreviation ("CT-QLD" for a Chỉ thị); a type whose
    notation has none (a Công văn's "UBND-KT": the organ's abbreviation, then its unit's) with no type's
    abbreviation (seed 809 corp 004, a blurred photo whose header was unreadable: the annex, read well, was
    not taken for its "Công văn số 22/UBND-KT")."""
    head = notation.split("-")[0]
    if type_name in _TYPE_ABBREVIATIONS:
        return head == _TYPE_ABBREVIATIONS[type_name]
    return "-" in notation and fold(head).lower() not in _FOLDED_ABBREVIATIONS


_PHU_LUC = re.compile(r"^\W{0,2}phu luc\b")


def _annex_heading(page_lines: Sequence[Line], i: int) -> bool:
    """Whether the line ``i`` of a page is an annex's heading: its citation in parentheses ("(Kèm theo Công
    văn số …") or under a "PHỤ LỤC" line. A type with no notation abbreviation (a Công văn) is told from
    another of its organ's only so: a body paragraph opening a page, "Kèm theo Công văn số
    123/SGDĐT-CTrTT ngày …, Sở gửi …", cites an earlier letter of the same unit, same notation (REVIEW-cf45
    M1)."""
    if page_lines[i].text.lstrip().startswith("("):
        return True
    return any(_PHU_LUC.match(ln.folded) for ln in page_lines[:i])


def by_annex(notation: Found, cite: Cited | None) -> Found:
    """The notation as the annex cites it where the header's was not read, or was read in doubt with the same
    letters ("CTQ-LD" of "CT-QLD": its parts split wrong) or one letter apart; in doubt still."""
    f = notation.get("code_notation")
    if cite is None:
        return notation
    if f is not None and f.value:
        if f.confidence >= REVIEW_THRESHOLD:
            return notation
        read, printed = _letters(f.value), _letters(cite.notation)
        if read != printed and Levenshtein.distance(read, printed) > 1:
            return notation
    conf = min(cite.conf, f.confidence if f is not None and f.value else cite.conf)
    return Found((ExtractedField("code_notation", cite.notation, conf),))


def _letters(notation: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(notation).lower())
