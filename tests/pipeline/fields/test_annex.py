"""The document's own number and date as its annex cites them ("(Kèm theo Quyết định số …/QĐ-… ngày …)"),
taken only where the header's were not read, and only from an annex's heading line naming the document."""

from __future__ import annotations

from dataclasses import replace

from digitize.pipeline.fields import REVIEW_THRESHOLD, extract
from digitize.pipeline.model import Box, RecognizedPage
from tests.pipeline.test_extract import Spec, decision, header, page, signer

# the header's number and date written by hand and lost (seed 87 alt 012: "Số: … /GP-…", "ngày 1 tháng …")
UNREAD = decision(number="Số: … /QĐ-SKHCN", date="Yên Bái, ngày 1 tháng … năm 2021")


def _annex(cite: str, *, index: int = 1) -> RecognizedPage:
    return page(
        [
            ("PHỤ LỤC", "center", 95.0),
            (cite, "center", 93.0),
            ("học và Công nghệ)", "center", 93.0),
            ("1. Ông Nguyễn Văn An, Trưởng nhóm", "body", 90.0),
        ],
        index=index,
    )


OWN = "(Kèm theo Quyết định số 1169/QĐ-SKHCN ngày 15 tháng 6 năm 2021 của Sở Khoa"


def test_the_number_and_date_the_header_lost_are_taken_from_the_annex_s_citation_to_review() -> None:
    assert extract([page(UNREAD)]).values()["issued_date"] is None
    f = extract([page(UNREAD), _annex(OWN)]).fields
    assert (f["code_number"].value, f["issued_date"].value) == ("1169", "2021-06-15")
    assert f["valid_from"].value == "2021-06-15"  # "có hiệu lực kể từ ngày ký": the date found
    assert max(f["code_number"].confidence, f["issued_date"].confidence) < REVIEW_THRESHOLD


def test_an_annex_line_whose_kem_was_misread_still_cites_the_document() -> None:
    # seed 443 alt 009 (a blurred photo): the header's month unreadable, the annex's "(Kèm theo" read "(Yêm
    # theo": the date lost
    for misread in ("(Yêm theo", "(Kém theo", "(em theo"):
        f = extract([page(UNREAD), _annex(OWN.replace("(Kèm theo", misread))]).fields
        assert (f["code_number"].value, f["issued_date"].value) == ("1169", "2021-06-15"), misread
        assert max(f["code_number"].confidence, f["issued_date"].confidence) < REVIEW_THRESHOLD
    # another word before "theo", or the citation of another notation: nothing
    for cite in (
        OWN.replace("(Kèm theo", "(Căn theo"),
        "(Yêm theo Quyết định số 12/QĐ-UBND ngày 3 tháng 2 năm 2019 của Sở Khoa",
    ):
        v = extract([page(UNREAD), _annex(cite)]).values()
        assert (v["code_number"], v["issued_date"]) == (None, None), cite


def test_the_header_s_own_values_stand_and_other_citations_give_nothing() -> None:
    read = decision()  # "Số: 1169/QĐ-SKHCN", "ngày 15 tháng 6 năm 2021"
    other = "(Kèm theo Quyết định số 12/QĐ-SKHCN ngày 3 tháng 2 năm 2019 của Sở Khoa"
    v = extract([page(read), _annex(other)]).values()
    assert (v["code_number"], v["issued_date"]) == ("1169", "2021-06-15")
    for cite in (
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 3 tháng 2 năm 2019 của Sở Khoa",  # another notation
        "(Kèm theo Giấy phép số 1169/QĐ-SKHCN ngày 3 tháng 2 năm 2019 của Sở Khoa",  # another type
        "Quy chế ban hành kèm theo Quyết định số 1169/QĐ-SKHCN ngày 3 tháng 2 năm 2019",  # a body's citation
    ):
        v = extract([page(UNREAD), _annex(cite)]).values()
        assert (v["code_number"], v["issued_date"]) == (None, None), cite
    # nor on the first page itself
    v = extract([page([*UNREAD, (OWN, "center", 93.0)])]).values()
    assert v["issued_date"] is None


def test_a_citation_read_as_two_columns_is_one_line_again() -> None:
    # seed 475 dev 005: the header's day written by hand and lost; the annex's centred citation read as two
    # columns, its date's end ("tháng 6 năm 2021") set after the line under it ("học và Công nghệ)")
    annex = page(
        [
            ("PHỤ LỤC", "center", 95.0),
            ("(Kèm theo Quyết định số 1169/QĐ-SKHCN ngày 15", "x=400", 93.0),
            ("học và Công nghệ)", "center", 93.0),
            ("tháng 6 năm 2021 của Sở Khoa", "x=1500", 93.0),
            ("1. Ông Nguyễn Văn An, Trưởng nhóm", "body", 90.0),
        ],
        index=1,
    )
    cite_y = next(w.box.y0 for w in annex.words if w.line == 1)
    cite_end = max(w.box.x1 for w in annex.words if w.line == 1)

    def moved(gap: float, dy: float = 0.0) -> RecognizedPage:
        """The date's end ``gap`` px right of the citation's end (there 29 px at a line height of 54)."""
        x0 = min(w.box.x0 for w in annex.words if w.line == 3)
        dx = cite_end + gap - x0
        words = tuple(
            replace(w, box=Box(w.box.x0 + dx, cite_y + dy, w.box.x1 + dx, cite_y + dy + 45))
            if w.line == 3
            else w
            for w in annex.words
        )
        return replace(annex, words=words)

    f = extract([page(UNREAD), moved(25.0)]).fields
    assert (f["code_number"].value, f["issued_date"].value) == ("1169", "2021-06-15")
    assert f["valid_from"].value == "2021-06-15"
    assert max(f["code_number"].confidence, f["issued_date"].confidence) < REVIEW_THRESHOLD
    # a line below the citation's row is no part of it
    assert extract([page(UNREAD), moved(25.0, dy=120.0)]).values()["issued_date"] is None
    # nor one far right of its end: another column's (REVIEW-39a H1)
    assert extract([page(UNREAD), moved(1.5 * 45 + 5)]).values()["issued_date"] is None


def test_a_citation_read_whole_is_taken_as_read_not_with_its_row_s_other_lines() -> None:
    # REVIEW-39a H1 b: a date on the citation's row close to its end ("ngày 01 tháng 01 năm 2023", another
    # column's); the citation's own date on the line under it: the lines as read give it
    annex = page(
        [
            ("PHỤ LỤC", "center", 95.0),
            ("(Kèm theo Quyết định số 1169/QĐ-SKHCN", "x=400", 93.0),
            ("ngày 15 tháng 6 năm 2021 của Sở Khoa học và Công nghệ)", "x=400", 93.0),
            ("ngày 01 tháng 01 năm 2023", "x=1500", 93.0),
            ("1. Ông Nguyễn Văn An, Trưởng nhóm", "body", 90.0),
        ],
        index=1,
    )
    cite = next(w.box for w in annex.words if w.line == 1)
    dx = max(w.box.x1 for w in annex.words if w.line == 1) + 25 - 1500
    words = tuple(
        replace(w, box=Box(w.box.x0 + dx, cite.y0, w.box.x1 + dx, cite.y1)) if w.line == 3 else w
        for w in annex.words
    )
    f = extract([page(UNREAD), replace(annex, words=words)]).fields
    assert (f["code_number"].value, f["issued_date"].value) == ("1169", "2021-06-15")


def _directive(number: str, conf: float) -> list[Spec]:
    """A directive whose heading "CHỈ THỊ" was lost (its subject line under a stamp), its number line read
    with ``conf``."""
    head = [(t, w, conf if t == number else c) for t, w, c in header(number=number)]
    body = [
        ("Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước người đứng đầu về kết quả.", "body", 90.0),
        ("2. Giao Văn phòng theo dõi, đôn đốc việc thực hiện Chỉ thị này./.", "body", 90.0),
    ]
    return head + body + signer(("GIÁM ĐỐC",))


def test_a_lost_heading_and_a_missplit_notation_are_the_annex_s_citation_in_doubt() -> None:
    # seed 121 dev 001 (a shaken photo): "CHỈ THỊ" unread, "Số: 1463/CT-QLD" read "CTQ-LD" in doubt; the
    # annex cites "Chỉ thị số 1463/CT-QLD"
    lost = _directive("Số: 1463/CTQ-LD", 50.0)
    alone = extract([page(lost)]).fields
    assert alone["type_name"].value != "Chỉ thị" and alone["code_notation"].value != "CT-QLD"
    own = "(Kèm theo Chỉ thị số 1463/CT-QLD ngày 15 tháng 6 năm 2021 của Cục Quản lý"
    f = extract([page(lost), _annex(own)]).fields
    assert (f["type_name"].value, f["code_notation"].value) == ("Chỉ thị", "CT-QLD")
    assert max(f["type_name"].confidence, f["code_notation"].confidence) < REVIEW_THRESHOLD
    # a citation whose notation is not its type's ("Chỉ thị số 1463/QĐ-…"), or that names other letters: no
    for cite in (
        "(Kèm theo Chỉ thị số 1463/QĐ-QLD ngày 15 tháng 6 năm 2021 của Cục Quản lý",
        "(Kèm theo Chỉ thị số 1463/CT-UBND ngày 15 tháng 6 năm 2021 của Cục Quản lý",
        # (review s18) another date than the header's: another directive's
        "(Kèm theo Chỉ thị số 1463/CT-QLD ngày 3 tháng 2 năm 2019 của Cục Quản lý",
    ):
        f = extract([page(lost), _annex(cite)]).fields
        assert f["code_notation"].value == "CTQ-LD" and f["type_name"].value != "Chỉ thị", cite
    # the header's notation read surely stands
    f = extract([page(_directive("Số: 1463/CT-SKHCN", 92.0)), _annex(own)]).fields
    assert f["code_notation"].value == "CT-SKHCN"


def _cited_with_piece(first: str, second: str, piece: str) -> str | None:
    """The date ``cited`` gives of an annex whose citation reads ``first``, ``second``, with ``piece`` on
    ``first``'s row 25 px right of its end, read after ``second``."""
    from digitize.pipeline.fields.annex import cited
    from digitize.pipeline.fields.lines import page_lines

    annex = page(
        [
            ("PHỤ LỤC", "center", 95.0),
            (first, "x=400", 93.0),
            (second, "x=400", 93.0),
            (piece, "x=1500", 93.0),
        ],
        index=1,
    )
    row = next(w.box for w in annex.words if w.line == 1)
    dx = max(w.box.x1 for w in annex.words if w.line == 1) + 25 - 1500
    words = tuple(
        replace(w, box=Box(w.box.x0 + dx, row.y0, w.box.x1 + dx, row.y1)) if w.line == 3 else w
        for w in annex.words
    )
    lines = [*page_lines(page(_directive("Số: 1463/CTQ-LD", 50.0))), *page_lines(replace(annex, words=words))]
    c = cited(lines)
    assert c is not None and (c.type_name, c.number, c.notation) == ("Chỉ thị", "1463", "CT-QLD")
    return c.date


def test_the_annex_s_citation_is_read_as_its_lines_come_then_rejoined_for_its_date() -> None:
    # REVIEW-39a H1 b: the citation read whole gives its own date, not a close line's on its row
    first = "(Kèm theo Chỉ thị số 1463/CT-QLD"
    got = _cited_with_piece(first, "ngày 15 tháng 6 năm 2021 của Cục Quản lý)", "ngày 3 tháng 2 năm 2019")
    assert got == "2021-06-15"
    # its date cut off its row and read after the line under it: rejoined (seed 475 dev 005)
    assert _cited_with_piece(first + " ngày 15", "của Cục Quản lý)", "tháng 6 năm 2021") == "2021-06-15"


def test_a_header_date_in_doubt_gives_way_to_the_date_the_annex_cites_the_document_by() -> None:
    # REVIEW-date44 M2: a header's date read in doubt (a blurred digit kept for want of another reading, a
    # misread year's one guess) was taken over the annex's typed citation of the document, the citation
    # dropped for its other date: the annex's date, in doubt
    doubtful = decision(date="Yên Bái, ngày 1 tháng 8 năm 3021")  # "năm 2021" misread: 2021 guessed
    alone = extract([page(doubtful)]).fields["issued_date"]
    assert (alone.value, alone.confidence < REVIEW_THRESHOLD) == ("2021-08-01", True)
    f = extract([page(doubtful), _annex(OWN)]).fields
    assert (f["issued_date"].value, f["issued_date"].confidence < REVIEW_THRESHOLD) == ("2021-06-15", True)
    # the header's own sure date stands; a citation of another number or notation gives nothing
    assert extract([page(decision()), _annex(OWN.replace("15 tháng 6", "3 tháng 2"))]).values()[
        "issued_date"
    ] == ("2021-06-15")
    for other in (OWN.replace("1169/", "12/"), OWN.replace("QĐ-SKHCN", "QĐ-UBND")):
        assert extract([page(doubtful), _annex(other)]).values()["issued_date"] == "2021-08-01", other


def test_an_annex_citation_is_no_document_s_own_when_the_header_read_neither_number_nor_notation() -> None:
    # the header's number and notation both lost (a blurred photo's pen number): nothing tells the document
    # from another of its type the annex cites; its date does not replace the header's
    from digitize.pipeline.fields.annex import Cited
    from digitize.pipeline.fields.compose import own_citation
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.model import ExtractedField

    cite = Cited("Quyết định", "1169", "QĐ-SKHCN", 0.9, "2021-06-15")
    number = Found((ExtractedField("code_number", "1169", 0.5),))
    notation = Found((ExtractedField("code_notation", "QĐ-SKHCN", 0.5),))
    assert own_citation(cite, number, notation)
    assert own_citation(cite, Found(), notation)
    assert not own_citation(cite, Found(), Found())


def test_a_cong_van_whose_header_was_lost_is_typed_numbered_and_dated_by_its_annex_to_review() -> None:
    # seed 809 corp 004 (a blurred photo): the header, its number and its date unreadable; the annex reads
    # "(Kèm theo Công văn số 22/UBND-KT ngày 11 tháng 02 năm 2022 …)": a Công văn's notation opens with the
    # organ's abbreviation, no type's, and was never taken
    lost = decision(number="Số: … /UBND-KT", date="Yên Bái, ngày … tháng … năm 2022")
    lost = [s for s in lost if s[0] not in ("QUYẾT ĐỊNH", "QUYẾT ĐỊNH:")]
    cite = "(Kèm theo Công văn số 22/UBND-KT ngày 11 tháng 02 năm 2022 của Ủy ban nhân dân tỉnh"
    f = extract([page(lost), _annex(cite)]).fields
    got = {k: f[k].value for k in ("type_name", "code_number", "code_notation", "issued_date")}
    assert got == {
        "type_name": "Công văn",
        "code_number": "22",
        "code_notation": "UBND-KT",
        "issued_date": "2022-02-11",
    }
    # (the notation read in the header; the rest the annex's, to review)
    assert max(f[k].confidence for k in ("type_name", "code_number", "issued_date")) < REVIEW_THRESHOLD
    # a "Công văn" cited with another type's notation is no citation of it
    other = cite.replace("UBND-KT", "QĐ-UBND")
    assert extract([page(lost), _annex(other)]).values()["issued_date"] is None


def _cong_van(number: str, date: str, *, date_conf: float | None = None) -> list[Spec]:
    vv = ("V/v khẩn trương thực hiện các biện", "pháp phòng, chống dịch COVID-19")
    specs = header(organ=("SỞ GIÁO DỤC VÀ ĐÀO TẠO",), number=number, date=date, vv=vv)
    if date_conf is not None:
        specs = [(t, w, date_conf) if t == date else (t, w, c) for t, w, c in specs]
    return [
        *specs,
        ("Kính gửi: Các trường trực thuộc Sở.", "center", 90.0),
        ("Thực hiện chỉ đạo ...", "body", 90.0),
    ]


def _body_page(first: str) -> RecognizedPage:
    body: list[Spec] = [
        (first, "body", 90.0),
        ("về việc tổ chức thi, Sở đề nghị các đơn vị thực hiện.", "body", 90.0),
        ("1. Nội dung thứ nhất", "body", 90.0),
    ]
    return page(body + signer(("GIÁM ĐỐC",), "Lê Thị Bích Thuận"), index=1)


def test_a_body_paragraph_citing_a_cong_van_of_the_same_unit_does_not_date_the_letter() -> None:
    # REVIEW-cf45 M1: page 2 opens "Kèm theo Công văn số 123/SGDĐT-CTrTT ngày 3 tháng 2 năm 2021, Sở gửi …",
    # an earlier letter of the same unit, same notation; no parenthesis, no "PHỤ LỤC": no annex's heading
    letter = _cong_van("Số: … /SGDĐT-CTrTT", "Yên Bái, ngày 15 tháng 6 năm 2021", date_conf=40.0)
    body = "Kèm theo Công văn số 123/SGDĐT-CTrTT ngày 3 tháng 2 năm 2021 của Sở"
    f = extract([page(letter), _body_page(body)]).fields
    assert f["issued_date"].value == "2021-06-15"
    assert f["issued_date"].confidence < REVIEW_THRESHOLD


def test_a_cong_van_cited_under_another_organ_s_notation_is_not_the_letter_s_own() -> None:
    # REVIEW-cf45 L1: a Sở GD&ĐT letter whose number and notation were lost; its annex cites the committee's
    # "Công văn số 123/UBND-KT": not the letter's own number nor notation
    letter = _cong_van("Số: …", "Yên Bái, ngày … tháng … năm 2021")
    cite = "(Kèm theo Công văn số 123/UBND-KT ngày 3 tháng 2 năm 2021 của UBND tỉnh"
    got = extract([page(letter), _annex(cite)]).values()
    assert (got["code_number"], got["code_notation"]) == (None, None)
    # a decision whose heading and notation were lost, its annex citing the committee's letter: no Công văn
    lost = decision(number="Số: …", date="Yên Bái, ngày … tháng … năm 2021")
    lost = [s for s in lost if s[0] not in ("QUYẾT ĐỊNH", "QUYẾT ĐỊNH:")]
    got = extract([page(lost), _annex(cite)]).values()
    assert (got["type_name"], got["code_number"], got["code_notation"]) == (None, None, None)


def test_a_blurred_photo_s_number_in_doubt_gives_way_to_the_number_the_annex_cites_the_document_by() -> None:
    # k915 dev 008: a blurred photo's pen "1011" read alone "111" (in doubt) where the annex cites the
    # document "số 1011/CT-SGTVT ngày …" by the notation and date the header gives: the annex's (typed)
    # number, in doubt still; the annex citing another date or notation cites another document
    specs = decision(number="Số: 111/QĐ-SKHCN", date="Yên Bái, ngày 15 tháng 6 năm 2021")
    first = page(specs)
    words = tuple(replace(w, conf=45.0) if "111" in w.text else w for w in first.words)
    blurred = replace(first, words=words, blurred=True)
    alone = extract([blurred]).fields["code_number"]
    assert (alone.value, alone.confidence < REVIEW_THRESHOLD) == ("111", True)
    f = extract([blurred, _annex(OWN)]).fields["code_number"]
    assert (f.value, f.confidence < REVIEW_THRESHOLD) == ("1169", True)
    for other in (OWN.replace("15 tháng 6", "3 tháng 2"), OWN.replace("QĐ-SKHCN", "QĐ-UBND")):
        assert extract([blurred, _annex(other)]).values()["code_number"] == "111", other
    # a sharp page's number stands as read (the pen's digits are read alone on blurred photos only)
    assert extract([replace(blurred, blurred=False), _annex(OWN)]).values()["code_number"] == "111"
