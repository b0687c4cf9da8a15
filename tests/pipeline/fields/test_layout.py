"""The header's two columns when OCR reads a row of both as one line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from digitize.pipeline.fields import extract
from digitize.pipeline.fields.layout import read_layout
from digitize.pipeline.fields.lines import page_lines
from digitize.pipeline.model import Box, RecognizedPage, Word
from tests.pipeline.test_extract import decision, page


def _aligned(base: RecognizedPage, rows: int = 3, left: int | None = None) -> RecognizedPage:
    """``base`` (``header()``'s ``left`` lines, then its right lines) with the right column's first ``rows``
    lines on the rows of the left column's first, as printed: the motto beside the parent organ, the date
    beside the number."""
    lines = sorted({w.line for w in base.words})
    ys = {w.line: (w.box.y0, w.box.y1) for w in base.words}
    first_right = rows if left is None else left
    row_of = {lines[first_right + k]: ys[lines[k]] for k in range(rows)}
    return replace(
        base,
        words=tuple(
            replace(w, box=Box(w.box.x0, *row_of[w.line][:1], w.box.x1, row_of[w.line][1]))
            if w.line in row_of
            else w
            for w in base.words
        ),
    )


def _one_row(base: RecognizedPage, left: str, right: str, glue: bool = False) -> RecognizedPage:
    """``base`` with the right column's line starting ``right`` read on the row of the left column's line
    starting ``left`` (one OCR line); ``glue``: the left line's last word and the right line's first read as
    one word ("HUẾÔNG" of "HUẾ" and "CỘNG")."""
    words = list(base.words)
    by_line: dict[int, list[Word]] = {}
    for w in words:
        by_line.setdefault(w.line, []).append(w)
    a = next(n for n, ws in by_line.items() if " ".join(w.text for w in ws).startswith(left))
    b = next(n for n, ws in by_line.items() if " ".join(w.text for w in ws).startswith(right))
    y0, y1 = by_line[a][0].box.y0, by_line[a][0].box.y1
    moved = [replace(w, line=a, box=Box(w.box.x0, y0, w.box.x1, y1)) for w in by_line[b]]
    row = by_line[a] + moved
    if glue:
        last, first = by_line[a][-1], moved[0]
        joined = Word(last.text + first.text[1:], 37.0, Box(last.box.x0, y0, first.box.x1, y1), line=a)
        row = [*by_line[a][:-1], joined, *moved[1:]]
    out = [w for n, ws in sorted(by_line.items()) if n not in (a, b) for w in ws] + row
    return replace(base, words=tuple(sorted(out, key=lambda w: (w.line, w.box.x0))))


def test_the_gutter_is_found_when_the_motto_s_first_word_is_glued_to_the_organ_s_last() -> None:
    base = page(
        decision(
            organ=("SỞ KẾ HOẠCH VÀ ĐẦU TƯ",), parent="UBND TỈNH THỪA THIÊN HUẾ", number="Số: 12/QĐ-SKHĐT"
        )
    )
    base = _one_row(_aligned(base), "UBND TỈNH", "CỘNG HÒA", glue=True)
    base = _one_row(base, "SỞ KẾ HOẠCH", "Độc lập")
    v = extract([base]).values()
    assert v["organ_name"] == "Sở Kế hoạch và Đầu tư"
    assert v["parent_organ"] == "UBND tỉnh Thừa Thiên Huế"


def test_the_number_and_date_row_read_as_one_line_stays_in_the_header() -> None:
    # every row of the header read as one line, the handwritten number unread ("Ï"): the number's row across
    # the gutter is still the header's (the place, the notation), not the body's
    base = page(
        decision(
            number="Số: Ï /QĐ-SKHCN", date="Yên Bái, ngày TẾ thống Ý2 năm 2021", parent="UBND TỈNH YÊN BÁI"
        )
    )
    base = _one_row(_aligned(base), "UBND TỈNH", "CỘNG HÒA")
    base = _one_row(base, "SỞ KHOA", "Độc lập")
    base = _one_row(base, "Số:", "Yên Bái,")
    v = extract([base]).values()
    assert v["place"] == "Yên Bái"
    assert v["code_notation"] == "QĐ-SKHCN"
    assert v["organ_name"] == "Sở Khoa học và Công nghệ"


def test_a_type_heading_with_a_stamp_s_words_apart_on_its_row() -> None:
    from digitize.pipeline.fields.layout import type_line
    from digitize.pipeline.fields.lines import page_lines
    from digitize.pipeline.model import Box, RecognizedPage, Word

    def line(words: list[tuple[str, float, float]]) -> object:
        ws = tuple(
            Word(t, 90.0 if t != "F—]" else 29.0, Box(x0, 296, x1, 330), line=0) for t, x0, x1 in words
        )
        page = RecognizedPage(0, "ocr", 1654.0, 2339.0, " ".join(w.text for w in ws), ws)
        return page_lines(page)[0]

    # the stamp's "Số: 7202" read on the heading's row, far right of it
    stamped = line(
        [("BÁO", 778, 860), ("CÁO", 872, 950), ("F—]", 1130, 1180), ("đố:", 1200, 1240), ("z202", 1260, 1340)]
    )
    assert type_line(stamped) == ("Báo cáo", 1.0)
    # words right after it, a space apart: not a heading with a stamp beside it
    near = line(
        [("BÁO", 778, 860), ("CÁO", 872, 950), ("KẾT", 965, 1030), ("QUẢ", 1042, 1110), ("z202", 1120, 1200)]
    )
    assert type_line(near) is None


def test_a_blurred_photo_s_garbled_motto_is_still_the_motto() -> None:
    from digitize.pipeline.fields.layout import is_motto
    from digitize.pipeline.fields.lines import page_lines

    def one(text: str) -> object:
        return page_lines(page([(text, "right", 60.0)]))[0]

    assert is_motto(one("CỘNG 2ÓA XÃ LÔ CHÚ WGSÑA VIỆT W0"))  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert not is_motto(one("Cộng đồng dân cư xã hội hóa công tác văn thư"))
    assert not is_motto(one("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"))


def test_the_gutter_is_at_the_motto_s_cong_not_at_the_organ_s_cong() -> None:
    """ "BỘ CÔNG THƯƠNG" read on one row with "CỘNG HÒA …" (forced-blur 85 dev 011): folded, the organ's
    "CÔNG" is the motto's "CỘNG"; the gutter set before it cut the organ's names ("Bộ công", "Cục hóa")."""
    base = page(decision(organ=("CỤC HÓA CHẤT",), parent="BỘ CÔNG THƯƠNG", number="Số: 42/HC-VP"))
    # the left column as far right as the photo's (its organ past 0.3 of the page's width)
    shift = 250.0
    moved = [
        replace(w, box=Box(w.box.x0 + shift, w.box.y0, w.box.x1 + shift, w.box.y1)) if w.line < 3 else w
        for w in base.words
    ]
    base = _one_row(_aligned(replace(base, words=tuple(moved))), "BỘ CÔNG", "CỘNG HÒA")
    base = _one_row(base, "CỤC HÓA", "Độc lập")
    v = extract([base]).values()
    assert (v["organ_name"] or "").casefold() == "cục hóa chất"
    assert (v["parent_organ"] or "").casefold() == "bộ công thương"


def test_the_organ_s_row_run_into_an_unreadable_date_is_no_body_line() -> None:
    # seed 85's alt 010 (forced blur): "CỤC THƠ Y Nội, ngôy I1 tháng 5 năm 202" read as one line across the
    # gutter; the header was cut there and the parent ministry taken as the organ at 0.9
    base = page(
        decision(
            parent=None,
            organ=("BỘ NÔNG NGHIỆP VÀ PHÁT", "TRIỂN NÔNG THÔN", "CỤC THÚ Y"),
            number="Số: 2783/TTr-TY",
            date="Hà Nội, ngôy I1 tháng 5 năm 202",
        )
    )
    base = _one_row(_aligned(base, left=4), "BỘ NÔNG", "CỘNG HÒA")
    base = _one_row(base, "TRIỂN", "Độc lập")
    base = _one_row(base, "CỤC THÚ Y", "Hà Nội,")
    v = extract([base]).values()
    assert (v["organ_name"] or "").casefold() == "cục thú y"
    assert v["parent_organ"] == "Bộ Nông nghiệp và Phát triển nông thôn"


def test_an_organ_s_row_run_into_the_date_glued_to_its_day_stays_in_the_header() -> None:
    # seed 97's alt 007 (blurred): "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ" read into the date line beside it, "ngày"
    # glued to its day ("TH LAO ĐỘNG ì— Cần Thơ,ngày01 tháng 7 năm 2020"): that row ended the header, the
    # "Số:" line under it was lost with the place
    specs = [
        ("UBND THÀNH PHỐ CẦN THƠ", "left", 90.0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right", 96.0),
        ("Độc lập - Tự do - Hạnh phúc", "right", 95.0),
        ("TH LAO ĐỘNG ì— Cần Thơ,ngày01 tháng 7 năm 2020", "x=420", 41.0),
        ("XÃ HỘI", "left", 90.0),
        ("Số: 75 /QĐ-SLĐTBXH", "left", 80.0),
        ("QUYẾT ĐỊNH", "center", 95.0),
        ("Về việc giao chỉ tiêu kế hoạch tuyển sinh năm học 2020", "center", 91.0),
        ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;", "body", 90.0),
    ]
    v = extract([page(specs)]).values()
    assert v["code_number"] == "75"
    assert v["code_notation"] == "QĐ-SLĐTBXH"
    assert v["place"] == "Cần Thơ"


def test_a_heading_after_a_speck_or_two_read_before_it_is_the_heading() -> None:
    # seed 119-blur alt 013 (a shaken photo): "s—: GIẤY CHỨNG NHẬN" gave no type
    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import decision, page

    def typed(heading: str) -> str | None:
        specs = [(heading, w, c) if t == "QUYẾT ĐỊNH" else (t, w, c) for t, w, c in decision()]
        return extract([page(specs)]).fields["type_name"].value

    assert typed("s—: GIẤY CHỨNG NHẬN") == "Giấy chứng nhận"
    assert typed("“ Ế GIẤY PHÉP") == "Giấy phép"
    # ... or a stamp's box sides read as capitals before it (seed 363 blur alt 010)
    assert typed("TT x TỜ TRÌNH") == "Tờ trình"
    assert typed("TT TỜ TRÌNH") == "Tờ trình"
    # a word of the body before capitals is no speck
    assert typed("theo GIẤY PHÉP") != "Giấy phép"


def test_the_gutter_is_found_when_the_motto_s_cong_is_lost() -> None:
    # "CỘNG" lost (read as "CÓ" on the organ's row): the motto's line opens with "HÒA"; the gutter set at
    # "HÒA" put the date line's "Hà" in the left column (place "Nội")
    from tests.pipeline.test_extract import header, signer

    specs = header(
        parent="BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
        organ=("CỤC VIỄN THÔNG",),
        number="Số: 88/QĐ-CVT",
        date="Hà Nội, ngày 17 tháng 02 năm 2024",
    )
    specs = [
        ("HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "x=1466", c) if t.startswith("CỘNG") else (t, w, c)
        for t, w, c in specs
    ]
    # the date line a little left of its centre (a photo's perspective), "Hà" left of where "HÒA" starts
    specs = [(t, "x=1330", c) if t.startswith("Hà Nội") else (t, w, c) for t, w, c in specs]
    specs += [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc cấp phép thiết lập mạng viễn thông", "center", 92.0)]
    v = extract([page(specs + signer())]).values()
    assert v["place"] == "Hà Nội"
    assert v["issued_date"] == "2024-02-17"


def test_an_organ_s_wrapped_rows_numbered_out_of_order_are_read_top_down() -> None:
    # OCR numbered the organ's second row before its first ("THƯƠNG BINH VÀ XÃ" before "SỞ LAO ĐỘNG -"): the
    # organ's head was read after its tail, the tail taken for the parent's ("Sở lao động hội" at 0.67)
    base = page(
        decision(
            parent="UBND THÀNH PHỐ ĐÀ NẴNG",
            organ=("SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ", "HỘI"),
            number="Số: 515/TTr-SLĐTBXH",
            date="Đà Nẵng, ngày 21 tháng 9 năm 2017",
        )
    )
    head = next(w.line for w in base.words if w.text == "SỞ")
    tail = next(w.line for w in base.words if w.text == "THƯƠNG")
    swapped = {head: tail, tail: head}
    base = replace(base, words=tuple(replace(w, line=swapped.get(w.line, w.line)) for w in base.words))
    v = extract([base]).values()
    assert v["organ_name"] == "Sở Lao động - Thương binh và Xã hội"
    assert v["parent_organ"] == "UBND thành phố Đà Nẵng"


def test_a_decision_s_clause_under_its_body_is_no_type_name_when_the_title_reads_as_junk() -> None:
    # a stamp over the title left it junk ("le T00 To hi"): the body's "QUYẾT ĐỊNH:" under the "Căn cứ" lines
    # is the decision's clause, not the title (seed 345 dev 000: the stamp's pass then read the body's rows)
    from digitize.pipeline import regions
    from digitize.pipeline.fields.layout import read_layout

    specs = decision()
    k = next(i for i, s in enumerate(specs) if s[0] == "QUYẾT ĐỊNH")
    specs[k] = ("le T00 To hi", "center", 30.0)
    lines = regions.lines_of(page(specs))
    layout = read_layout(lines)
    assert layout.type_i is None or lines[layout.type_i].text != "QUYẾT ĐỊNH:"
    # the title read: it is the type name
    lines = regions.lines_of(page(decision()))
    layout = read_layout(lines)
    assert layout.type_i is not None and lines[layout.type_i].text == "QUYẾT ĐỊNH"


def test_the_body_opens_with_can_cu_with_or_without_a_space_not_with_can_cuoc() -> None:
    from digitize.pipeline.fields.layout import BODY_OPENS

    assert (
        BODY_OPENS.match("can cu nghi dinh") and BODY_OPENS.match("can cu:") and BODY_OPENS.match("kinh gui:")
    )
    assert not BODY_OPENS.match("can cuoc cong dan")


def test_a_heading_word_read_too_unsure_to_tell_its_case_leaves_the_heading_a_heading() -> None:
    # seed 479 dev 012: "Giấy PHÉP sẽ: 5907-", "GIẤY" read at 29 in small letters beside an incoming stamp's
    # "Số:" and number: the heading was lost, and the subject with it
    from digitize.pipeline.fields.layout import _heading_case, type_line
    from digitize.pipeline.fields.lines import page_lines
    from digitize.pipeline.model import Box, RecognizedPage, Word

    def line(confs: list[float]) -> object:
        texts = [("Giấy", 600, 690), ("PHÉP", 705, 800), ("sẽ:", 830, 880), ("5907-", 890, 990)]
        ws = tuple(
            Word(t, c, Box(x0, 296, x1, 330), line=0) for (t, x0, x1), c in zip(texts, confs, strict=True)
        )
        page = RecognizedPage(0, "ocr", 1394.0, 1972.0, " ".join(w.text for w in ws), ws)
        return page_lines(page)[0]

    unsure = line([29.9, 76.5, 70.2, 18.3])
    hit = type_line(unsure)  # type: ignore[arg-type]
    assert hit is not None and hit[0] == "Giấy phép"
    assert _heading_case(unsure, hit)  # type: ignore[arg-type]
    # "Giấy" read surely in small letters: a line in title case, no heading's capitals
    assert not _heading_case(line([90.0, 76.5, 70.2, 18.3]), hit)  # type: ignore[arg-type]


def test_a_header_line_s_first_word_read_as_a_line_of_its_own_after_it_is_put_back() -> None:
    # OCR cut the ministry's "BỘ" off "BỘ Y TẾ" into a line of its own numbered after "Y TẾ": the organ was
    # read "Bộ cục quản lý dược" under the parent "Y tế" (sure, 0.64)
    base = page(
        decision(
            parent="BỘ Y TẾ",
            organ=("CỤC QUẢN LÝ DƯỢC",),
            number="Số: 19/QĐ-QLD",
            date="Hà Nội, ngày 20 tháng 6 năm 2024",
        )
    )
    bo = next(w for w in base.words if w.text == "BỘ")
    words = [replace(w, line=w.line + 1) if w.line > bo.line else w for w in base.words if w is not bo]
    words.append(replace(bo, line=bo.line + 1))
    base = replace(base, words=tuple(sorted(words, key=lambda w: (w.line, w.box.x0))))
    v = extract([base]).values()
    assert v["parent_organ"] == "Bộ Y tế"
    assert v["organ_name"] == "Cục Quản lý Dược"


def test_a_stamp_s_word_beside_the_organ_on_its_row_stays_apart() -> None:
    # a word well apart on the organ's row (an incoming stamp's "ĐẾN") is no piece of the organ's line: the
    # column's lines keep it apart
    base = page(decision(parent="UBND TỈNH YÊN BÁI", organ=("SỞ Y TẾ",), number="Số: 12/QĐ-SYT"))
    organ = [w for w in base.words if w.text in ("SỞ", "Y", "TẾ") and w.box.x0 < 900]
    right, (y0, y1) = max(w.box.x1 for w in organ), (organ[0].box.y0, organ[0].box.y1)
    stamp = Word(
        "ĐẾN", 80.0, Box(right + 3 * (y1 - y0), y0, right + 5 * (y1 - y0), y1), line=organ[0].line + 1
    )
    words = [replace(w, line=w.line + 1) if w.line > organ[0].line else w for w in base.words] + [stamp]
    base = replace(base, words=tuple(sorted(words, key=lambda w: (w.line, w.box.x0))))
    left = [ln.text for ln in read_layout(page_lines(base)).left]
    assert "SỞ Y TẾ" in left and "ĐẾN" in left


@pytest.mark.parametrize("gap", [0.8, 0.3])
def test_a_stamp_s_word_under_a_line_height_beside_the_organ_stays_apart(gap: float) -> None:
    # a received stamp's "ĐẾN" set 0.8 of a line's height after "SỞ Y TẾ" on its row (4-5 word spaces: a word
    # space is a quarter to a third of a capital line's height) is no piece of the organ's line; nor one word
    # space after it ("đến" is in no organ's name)
    base = page(decision(parent="UBND TỈNH YÊN BÁI", organ=("SỞ Y TẾ",), number="Số: 12/QĐ-SYT"))
    organ = [w for w in base.words if w.text in ("SỞ", "Y", "TẾ") and w.box.x0 < 900]
    right, (y0, y1) = max(w.box.x1 for w in organ), (organ[0].box.y0, organ[0].box.y1)
    at = right + gap * (y1 - y0)
    stamp = Word("ĐẾN", 80.0, Box(at, y0, at + 2 * (y1 - y0), y1), line=organ[0].line + 1)
    words = [replace(w, line=w.line + 1) if w.line > organ[0].line else w for w in base.words] + [stamp]
    base = replace(base, words=tuple(sorted(words, key=lambda w: (w.line, w.box.x0))))
    left = [ln.text for ln in read_layout(page_lines(base)).left]
    assert "SỞ Y TẾ" in left and "ĐẾN" in left
