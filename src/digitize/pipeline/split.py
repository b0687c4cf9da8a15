"""Where the documents of a stack scan begin: frozen per-page evidence → small ordered rules → a split plan.

A stack is one long file from a duplex ADF scanner: many documents, their annexes, blank backs, maybe
separator sheets. Per page the evidence is gathered once (:func:`page_evidence`: blank check and separator
check on the raster, then the pipeline's own preprocessing — so turned pages are read upright — and Tesseract
on the top of the page only) and frozen in :class:`PageEvidence`; :func:`decide` applies ordered rules to each
page and its predecessor and gives every page a :class:`PageRole` with a :class:`Reason` and a confidence;
:func:`plan` groups the pages into documents. Each rule is a pure function of the evidence and testable alone.

A Decree 30 document opens with the national motto block ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự
do - Hạnh phúc"), the number line ("Số: …/…") and the place-and-date line, all in the top third. An annex page
may repeat the motto but says "PHỤ LỤC" or "kèm theo": it stays with its document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz import fuzz

from digitize.pipeline.blank import BlankEvidence
from digitize.pipeline.model import RecognizedPage
from digitize.pipeline.separator import SeparatorEvidence
from digitize.text import fold

HEADER_SHARE = 1 / 3  # the header block must sit in this top share of the page
ANNEX_SHARE = 0.5  # "PHỤ LỤC" / "kèm theo" counts in this top share
OCR_SHARE = 0.5  # share of the (upright) page Tesseract reads for the evidence
REVIEW_BELOW = 0.8  # a boundary decision less sure than this sends the stack to review


class PageRole(StrEnum):
    START = "start"  # opens a new document
    CONTINUATION = "continuation"  # belongs to the document before it
    BLANK = "blank"  # marked, left out of the derived document, kept in the original
    SEPARATOR = "separator"  # a separator sheet: part of no document


class Reason(StrEnum):
    FIRST_PAGE = "first_page"
    SEPARATOR_SHEET = "separator_sheet"
    AFTER_SEPARATOR = "after_separator"
    BLANK_PAGE = "blank_page"
    ANNEX = "annex"
    DECREE30_HEADER = "decree30_header"  # motto + number + place-and-date
    PARTIAL_HEADER = "partial_header"  # motto + one of number / place-and-date
    MOTTO_ONLY = "motto_only"
    HEADER_WITHOUT_MOTTO = "header_without_motto"  # number + date, motto not read
    PAGE_NUMBER = "page_number"  # a continuation page numbered at its top
    NO_HEADER = "no_header"


@dataclass(frozen=True)
class HeaderEvidence:
    """What the top of an upright page says (from OCR words with boxes)."""

    motto: bool = False  # both motto lines (or the first and one of its slogans) in the top third
    number: bool = False  # "Số: …/…" in the top third
    date_line: bool = False  # "…, ngày … tháng … năm …" in the top third
    annex: bool = False  # "PHỤ LỤC" or "kèm theo" in the top half
    page_number: bool = False  # the first line is a lone number (continuation pages of Decree 30 documents)
    words: int = 0  # words read in the top part


@dataclass(frozen=True)
class PageEvidence:
    index: int  # 0-based page of the stack
    blank: BlankEvidence | None = None
    separator: SeparatorEvidence | None = None
    header: HeaderEvidence = HeaderEvidence()
    rotation: int = 0  # what the pipeline turned to put the page upright

    @property
    def is_blank(self) -> bool:
        return self.blank is not None and self.blank.blank

    @property
    def is_separator(self) -> bool:
        return self.separator is not None and self.separator.found


@dataclass(frozen=True)
class PageDecision:
    index: int
    role: PageRole
    reason: Reason
    confidence: float  # how sure the role is, 0..1


@dataclass(frozen=True)
class PlannedDocument:
    pages: tuple[int, ...]  # stack pages that make the document (blank pages and separators left out)
    blank_pages: tuple[int, ...]  # blank pages that sat within it (kept in the original, marked)
    confidence: float  # of the boundary that opened it

    @property
    def first(self) -> int:
        return self.pages[0]


@dataclass(frozen=True)
class SplitPlan:
    decisions: tuple[PageDecision, ...]
    documents: tuple[PlannedDocument, ...]

    @property
    def needs_review(self) -> bool:
        return any(d.confidence < REVIEW_BELOW for d in self.decisions)

    @property
    def uncertain(self) -> tuple[int, ...]:
        """Pages whose role is less sure than REVIEW_BELOW."""
        return tuple(d.index for d in self.decisions if d.confidence < REVIEW_BELOW)


# --- header evidence from recognized words ------------------------------------------------------------------

_NUMBER = re.compile(r"\bs[oô0]\s*[:;.,]?\s*[0-9a-z]*\d[0-9a-z]*\s*/", re.IGNORECASE)
_NUMBER_LOOSE = re.compile(r"^s[o0]\s*[:;]", re.IGNORECASE)
_DATE = re.compile(r"ngay\s*\S{0,4}\s*thang\s*\S{0,4}\s*nam")
_PAGE_NO = re.compile(r"^\s*-?\s*\d{1,3}\s*-?\s*$")
_MOTTO_1 = "cong hoa xa hoi chu nghia viet nam"
_MOTTO_2 = "doc lap tu do hanh phuc"


def _lines(page: RecognizedPage, share: float) -> list[str]:
    """Folded text of each line whose words sit in the top ``share`` of the page (reading order)."""
    limit = page.height * share
    by_line: dict[int, list[str]] = {}
    for w in page.words:
        if w.box.y1 <= limit:
            by_line.setdefault(w.line, []).append(w.text)
    return [fold(" ".join(ws)) for _, ws in sorted(by_line.items())]


def _clean(text: str) -> str:
    return re.sub(r"[^0-9a-z/]+", " ", text).strip()


def header_evidence(page: RecognizedPage) -> HeaderEvidence:
    """Motto, number, date, annex and page-number cues in the top of one recognized upright page."""
    top = _lines(page, HEADER_SHARE)
    half = _lines(page, ANNEX_SHARE)
    cleaned = [_clean(t) for t in top]
    joined = " ".join(cleaned)
    motto1 = any(fuzz.partial_ratio(_MOTTO_1, t) >= 85 for t in cleaned if len(t) >= 15)
    motto2 = any(fuzz.partial_ratio(_MOTTO_2, t) >= 85 for t in cleaned if len(t) >= 12)
    number = any(_NUMBER.search(t) or _NUMBER_LOOSE.search(t) for t in top) and "/" in " ".join(top)
    date_line = bool(_DATE.search(joined))
    annex_text = " ".join(_clean(t) for t in half)
    annex = "phu luc" in annex_text or "kem theo" in annex_text
    first = next((ln for ln in page.text.split("\n") if ln.strip()), "")
    all_words = [w for w in page.words if w.box.y1 <= page.height * OCR_SHARE]
    return HeaderEvidence(
        motto=(motto1 and motto2) or ((motto1 or motto2) and (number or date_line)),
        number=number,
        date_line=date_line,
        annex=annex,
        page_number=bool(_PAGE_NO.match(first)),
        words=len(all_words),
    )


# --- the rules ---------------------------------------------------------------------------------------------
# Each takes the page's evidence and what came before; returns a decision or None (next rule).


def rule_separator(ev: PageEvidence, prev: PageDecision | None) -> PageDecision | None:
    if ev.is_separator:
        return PageDecision(ev.index, PageRole.SEPARATOR, Reason.SEPARATOR_SHEET, 0.99)
    return None


def rule_blank(ev: PageEvidence, prev: PageDecision | None) -> PageDecision | None:
    if ev.is_blank and ev.blank is not None:
        # the further below the threshold, the surer
        from digitize.pipeline.blank import BLANK_COVERAGE

        sure = 0.99 if ev.blank.coverage < BLANK_COVERAGE / 3 else 0.85
        return PageDecision(ev.index, PageRole.BLANK, Reason.BLANK_PAGE, sure)
    return None


def rule_first(ev: PageEvidence, prev: PageDecision | None) -> PageDecision | None:
    if prev is None:
        return PageDecision(ev.index, PageRole.START, Reason.FIRST_PAGE, 1.0)
    return None


def rule_after_separator(ev: PageEvidence, prev: PageDecision | None) -> PageDecision | None:
    if prev is not None and prev.role is PageRole.SEPARATOR:
        return PageDecision(ev.index, PageRole.START, Reason.AFTER_SEPARATOR, 0.99)
    return None


def rule_annex(ev: PageEvidence, prev: PageDecision | None) -> PageDecision | None:
    if ev.header.annex:
        sure = 0.95 if ev.header.motto or ev.header.page_number else 0.9
        return PageDecision(ev.index, PageRole.CONTINUATION, Reason.ANNEX, sure)
    return None


def rule_header(ev: PageEvidence, prev: PageDecision | None) -> PageDecision | None:
    h = ev.header
    if h.motto and h.number and h.date_line:
        return PageDecision(ev.index, PageRole.START, Reason.DECREE30_HEADER, 0.97)
    if h.motto and (h.number or h.date_line):
        return PageDecision(ev.index, PageRole.START, Reason.PARTIAL_HEADER, 0.75)
    if h.number and h.date_line:
        return PageDecision(ev.index, PageRole.START, Reason.HEADER_WITHOUT_MOTTO, 0.6)
    if h.motto:
        return PageDecision(ev.index, PageRole.START, Reason.MOTTO_ONLY, 0.55)
    return None


def rule_continuation(ev: PageEvidence, prev: PageDecision | None) -> PageDecision:
    if ev.header.page_number:
        return PageDecision(ev.index, PageRole.CONTINUATION, Reason.PAGE_NUMBER, 0.95)
    # a page with barely any text at its top (a table, a photo, a signature page) is less telling
    sure = 0.9 if ev.header.words >= 8 else 0.82
    return PageDecision(ev.index, PageRole.CONTINUATION, Reason.NO_HEADER, sure)


RULES = (rule_separator, rule_blank, rule_first, rule_after_separator, rule_annex, rule_header)


def decide(evidence: Sequence[PageEvidence]) -> tuple[PageDecision, ...]:
    """One decision per page, in stack order. Blank pages are transparent: the page after a blank one is
    judged against the last non-blank page's decision (a blank back after a separator still opens nothing)."""
    out: list[PageDecision] = []
    prev: PageDecision | None = None
    for ev in evidence:
        decision: PageDecision | None = None
        for rule in RULES:
            decision = rule(ev, prev)
            if decision is not None:
                break
        if decision is None:
            decision = rule_continuation(ev, prev)
        out.append(decision)
        if decision.role is not PageRole.BLANK:
            prev = decision
    return tuple(out)


def group(decisions: Sequence[PageDecision]) -> tuple[PlannedDocument, ...]:
    """Documents from decisions: a START opens one; continuations join it; blanks are noted in it (or in the
    next document when none is open yet); separators close it."""
    docs: list[tuple[list[int], list[int], float]] = []
    pending_blanks: list[int] = []
    open_doc = False
    for d in decisions:
        if d.role is PageRole.SEPARATOR:
            open_doc = False
        elif d.role is PageRole.BLANK:
            if open_doc:
                docs[-1][1].append(d.index)
            else:
                pending_blanks.append(d.index)
        elif d.role is PageRole.START or not open_doc:
            docs.append(([d.index], pending_blanks, d.confidence))
            pending_blanks = []
            open_doc = True
        else:
            docs[-1][0].append(d.index)
    if pending_blanks and docs:
        docs[-1][1].extend(pending_blanks)
    return tuple(PlannedDocument(tuple(p), tuple(sorted(b)), c) for p, b, c in docs)


def plan(evidence: Sequence[PageEvidence]) -> SplitPlan:
    decisions = decide(evidence)
    return SplitPlan(decisions, group(decisions))


def with_starts(current: SplitPlan, starts: Sequence[int]) -> SplitPlan:
    """The plan after a reviewer's correction: exactly ``starts`` open documents (blank pages and separators
    keep their roles; every other page becomes a start or a continuation), each decision now certain."""
    wanted = set(starts)
    decisions = []
    for d in current.decisions:
        if d.role in (PageRole.BLANK, PageRole.SEPARATOR):
            decisions.append(replace(d, confidence=1.0))
        elif d.index in wanted:
            decisions.append(PageDecision(d.index, PageRole.START, d.reason, 1.0))
        else:
            decisions.append(PageDecision(d.index, PageRole.CONTINUATION, d.reason, 1.0))
    return SplitPlan(tuple(decisions), group(decisions))


# --- gathering the evidence of one page (runs in a worker process) ------------------------------------------


def page_evidence(src: object, *, lang: str | None = None) -> PageEvidence:
    """Blank and separator checks on the raster; otherwise the page is put upright by the pipeline's
    preprocessing and the top of it read by Tesseract. ``src`` is an ``intake.PageSource``."""
    from digitize.pipeline import blank, intake, preprocess, recognize, separator

    assert isinstance(src, intake.PageSource)
    if not src.needs_ocr:  # a born-digital page: its own text
        page = intake.read_text_pages(src.path, [src])[0]
        return PageEvidence(src.index, header=header_evidence(page))
    rgb = intake.load_page(src)
    # one small copy (100 dpi) for both raster checks: ~10x fewer pixels, letters still ~10 px tall
    small, small_dpi = blank.downscale(rgb, src.dpi)
    b = blank.detect(small, small_dpi)
    if b.blank:
        return PageEvidence(src.index, blank=b)
    sep = separator.detect(small, small_dpi)
    if sep.found:
        return PageEvidence(src.index, blank=b, separator=sep)
    prepared = preprocess.prepare(rgb, dpi=src.dpi)
    del rgb
    cut = max(1, round(prepared.ocr.shape[0] * OCR_SHARE))
    top = replace(prepared, ocr=prepared.ocr[:cut].copy())
    page = recognize.recognize(top, index=src.index, lang=lang)
    return PageEvidence(
        src.index, blank=b, separator=sep, header=header_evidence(page), rotation=prepared.rotation
    )
