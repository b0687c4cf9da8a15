"""The split rules alone, over hand-made frozen evidence; and header evidence from recognized words."""

from __future__ import annotations

from digitize.pipeline import split
from digitize.pipeline.blank import BlankEvidence
from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.pipeline.separator import SeparatorEvidence, SeparatorKind
from digitize.pipeline.split import HeaderEvidence, PageEvidence, PageRole, Reason

FULL = HeaderEvidence(motto=True, number=True, date_line=True, words=30)
BODY = HeaderEvidence(words=40)
ANNEX = HeaderEvidence(motto=True, number=True, annex=True, words=20)
BLANK = BlankEvidence(coverage=0.0, components=0, removed_holes=2, blank=True)
SEP = SeparatorEvidence(SeparatorKind.QR, "PATCHT")


def ev(i: int, header: HeaderEvidence = BODY, *, blank: bool = False, sep: bool = False) -> PageEvidence:
    return PageEvidence(i, blank=BLANK if blank else None, separator=SEP if sep else None, header=header)


def test_documents_open_at_full_headers_and_annexes_stay():
    plan = split.plan([ev(0, FULL), ev(1), ev(2, ANNEX), ev(3, FULL), ev(4, FULL)])
    assert [d.pages for d in plan.documents] == [(0, 1, 2), (3,), (4,)]
    assert plan.decisions[2].reason is Reason.ANNEX
    assert not plan.needs_review


def test_blank_pages_are_marked_and_left_out_separators_belong_to_nothing():
    plan = split.plan([ev(0, FULL), ev(1, blank=True), ev(2, sep=True), ev(3, BODY), ev(4, blank=True)])
    assert [d.pages for d in plan.documents] == [(0,), (3,)]
    assert [d.blank_pages for d in plan.documents] == [(1,), (4,)]
    assert plan.decisions[2].role is PageRole.SEPARATOR
    # the page after a separator opens a document even without a header
    assert plan.decisions[3].reason is Reason.AFTER_SEPARATOR


def test_blank_page_between_separator_and_document_is_transparent():
    plan = split.plan([ev(0, FULL), ev(1, sep=True), ev(2, blank=True), ev(3, BODY)])
    assert plan.decisions[3].role is PageRole.START
    assert [d.pages for d in plan.documents] == [(0,), (3,)]


def test_leading_blank_joins_the_first_document():
    plan = split.plan([ev(0, blank=True), ev(1, FULL), ev(2)])
    assert [(d.pages, d.blank_pages) for d in plan.documents] == [((1, 2), (0,))]


def test_partial_headers_are_low_confidence_and_need_review():
    partial = HeaderEvidence(motto=True, date_line=True, words=20)
    plan = split.plan([ev(0, FULL), ev(1, partial)])
    assert plan.decisions[1].role is PageRole.START
    assert plan.decisions[1].reason is Reason.PARTIAL_HEADER
    assert plan.needs_review and plan.uncertain == (1,)


def test_reviewer_moves_a_boundary():
    partial = HeaderEvidence(motto=True, date_line=True, words=20)
    plan = split.plan([ev(0, FULL), ev(1, partial), ev(2), ev(3, blank=True)])
    fixed = split.with_starts(plan, [0, 2])
    assert [d.pages for d in fixed.documents] == [(0, 1), (2,)]
    assert fixed.documents[1].blank_pages == (3,)
    assert not fixed.needs_review


def test_each_rule_alone():
    assert split.rule_header(ev(1, BODY), None) is None
    assert split.rule_annex(ev(1, ANNEX), None).role is PageRole.CONTINUATION  # type: ignore[union-attr]
    assert split.rule_separator(ev(1, sep=True), None).role is PageRole.SEPARATOR  # type: ignore[union-attr]
    numbered = HeaderEvidence(page_number=True, words=30)
    assert split.rule_continuation(ev(1, numbered), None).reason is Reason.PAGE_NUMBER


def _page(lines: list[tuple[str, float]], height: float = 1000.0) -> RecognizedPage:
    words = []
    for n, (text, y) in enumerate(lines):
        x = 10.0
        for t in text.split():
            words.append(Word(t, 90.0, Box(x, y, x + 10 * len(t), y + 12), line=n))
            x += 10 * len(t) + 8
    return RecognizedPage(0, "ocr", 700.0, height, "\n".join(t for t, _ in lines), tuple(words))


def test_header_evidence_reads_the_decree30_block_in_the_top_third():
    page = _page(
        [
            ("UBND TỈNH YÊN BÁI Cộng HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 30),
            ("SỞ KHOA HỌC VÀ CÔNG NGHỆ Độc lập - Tự do - Hạnh phúc", 50),
            ("Số: 1169/QĐ-SKHCN", 80),
            ("Yên Bái, ngày 15 tháng 6 năm 2021", 100),
        ]
    )
    h = split.header_evidence(page)
    assert (h.motto, h.number, h.date_line, h.annex) == (True, True, True, False)


def test_header_low_on_the_page_does_not_count_and_annex_is_seen():
    low = _page([("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 600), ("Độc lập - Tự do - Hạnh phúc", 620)])
    assert not split.header_evidence(low).motto
    annex = _page(
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 30),
            ("Độc lập - Tự do - Hạnh phúc", 50),
            ("PHỤ LỤC", 120),
            ("(Kèm theo Quyết định số 12/QĐ-UBND)", 140),
        ]
    )
    h = split.header_evidence(annex)
    assert h.annex and h.motto
    assert split.plan([ev(0, FULL), PageEvidence(1, header=h)]).documents[0].pages == (0, 1)


def test_continuation_page_number():
    h = split.header_evidence(_page([("2", 20), ("tiếp theo của điều 3 nội dung", 60)]))
    assert h.page_number and not h.motto
