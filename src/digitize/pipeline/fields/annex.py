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
from collections.abc import Sequence

from digitize.pipeline.fields.dates import find_dates
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.result import Builder, Found
from digitize.text import fold

# lines from a later page's top the annex's "(Kèm theo …)" may stand at ("PHỤ LỤC" and its title over it)
ANNEX_TOP_LINES = 6
# the citation's number, notation and date may wrap onto the next line
CITE_LINES = 2
# a value taken from the annex goes to review, however sure its reading (under review.REVIEW_THRESHOLD)
ANNEX_CONF = 0.59

_KEM_THEO = re.compile(r"^\W{0,2}kem theo\s+")
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
    first_page = lines[0].page if lines else 0
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    for page, page_lines in by_page.items():
        if page == first_page:
            continue
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
            return res.freeze()
    return res.freeze()
