"""A header row Tesseract split into two lines made one again from the words' boxes (``rows``)."""

from __future__ import annotations

from digitize.pipeline import rows
from digitize.pipeline.fields import extract
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text

W, H = 1400.0, 1980.0
CH = 16.0  # px a character


def _row(text: str, x0: float, y0: float, line: int, conf: float = 95.0, high: float = 30.0) -> list[Word]:
    out, x = [], x0
    for t in text.split():
        out.append(Word(t, conf, Box(x, y0, x + CH * len(t), y0 + high), line=line))
        x += CH * (len(t) + 1)
    return out


def _page(words: list[Word]) -> RecognizedPage:
    words.sort(key=lambda w: w.line)
    return RecognizedPage(index=0, source="ocr", width=W, height=H, text=page_text(words), words=tuple(words))


def _split_header() -> RecognizedPage:
    """A licence's header as a blurred photo's layout read it: "BỘ" / "Y TẾ" and "CỤC QUẢN" / "LÝ DƯỢC" each
    cut into two lines, the notation of "Số: 684/GP-QLD" read at the head of the date line."""
    words = [
        *_row("BỘ", 330, 130, 0),
        *_row("CỤC QUẢN", 220, 170, 1),
        *_row("Số: 684", 232, 226, 2),
        *_row("Y TẾ", 386, 128, 3),
        *_row("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 677, 126, 3),
        *_row("LÝ DƯỢC", 415, 168, 4),
        *_row("Độc lập - Tự do - Hạnh phúc", 780, 169, 4),
        *_row("/GP-QLD", 418, 229, 5),
        *_row("Hà Nội, ngày 23 tháng 3 năm 2017", 727, 229, 5),
        *_row("GIẤY PHÉP", 686, 310, 6),
        *_row("NHẬP KHẨU THUỐC", 601, 360, 7),
        *_row("CỤC TRƯỞNG CỤC QUẢN LÝ DƯỢC", 500, 410, 8),
        *_row("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;", 200, 470, 9),
    ]
    return _page(words)


def test_split_rows_of_the_left_column_are_one_line_again() -> None:
    page = rows.rejoined(_split_header())
    lines = page.text.splitlines()
    assert lines[0] == "BỘ Y TẾ"
    assert lines[1] == "CỤC QUẢN LÝ DƯỢC"
    assert lines[2] == "Số: 684 /GP-QLD"
    assert "Hà Nội, ngày 23 tháng 3 năm 2017" in lines


def test_the_fields_read_the_rows_put_back() -> None:
    before = extract([_split_header()]).values()
    after = extract([rows.rejoined(_split_header())]).values()
    assert before["organ_name"] != "Cục Quản lý Dược"
    assert before["code_notation"] is None
    assert after["organ_name"] == "Cục Quản lý Dược"
    assert after["parent_organ"] == "Bộ Y tế"
    assert after["code_number"] == "684"
    assert after["code_notation"] == "GP-QLD"


def test_rows_over_each_other_or_far_apart_stay_apart() -> None:
    # a second reading over the first (overlapping in width) and a word far out on the same row are no part
    # of the row: left as read
    words = [
        *_row("UBND TỈNH AN GIANG", 200, 130, 0),
        *_row("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 677, 130, 0),
        *_row("SỞ Y TẾ", 230, 170, 1),
        *_row("Độc lập - Tự do - Hạnh phúc", 780, 170, 1),
        *_row("SỞ", 240, 172, 2),
        *_row("Số: 12/QĐ-SYT", 220, 226, 3),
        *_row("An Giang, ngày 3 tháng 4 năm 2020", 727, 226, 3),
        *_row("x", 20, 228, 4),
        *_row("QUYẾT ĐỊNH", 640, 310, 5),
    ]
    page = _page(words)
    assert rows.rejoined(page).text == page.text


def test_a_page_without_a_header_is_untouched() -> None:
    words = [*_row("Một dòng", 200, 130, 0), *_row("chữ", 400, 131, 1)]
    page = _page(words)
    assert rows.rejoined(page) is page


def _stamped(stamp: str, x: float, y: float) -> RecognizedPage:
    """A Sở's decision whose header carries an incoming-mail stamp's words, read as a line of their own."""
    words = [
        *_row("UBND TỈNH BẮC GIANG", 200, 130, 0),
        *_row("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 677, 130, 0),
        *_row("SỞ Y TẾ", 250, 170, 1),
        *_row("Độc lập - Tự do - Hạnh phúc", 780, 170, 1),
        *_row("Số: 12/QĐ-SYT", 232, 226, 2),
        *_row("Bắc Giang, ngày 3 tháng 4 năm 2020", 727, 226, 2),
        *_row(stamp, x, y, 3, conf=70.0),
        *_row("QUYẾT ĐỊNH", 640, 310, 4),
        *_row("Về việc cấp giấy phép", 560, 360, 5),
        *_row("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 200, 470, 6),
    ]
    return _page(words)


def test_a_stamp_s_words_on_a_header_row_are_no_part_of_it() -> None:
    # REVIEW-26 #2: "ĐẾN" beside "SỞ Y TẾ" was joined to it ("Sở y tế đến" at 0.62); a stamp's "ĐẾN Số: 2352"
    # or "Số: 2352" beside the document's "Số: 12/QĐ-SYT" made the number line a stamp's (the number lost)
    for stamp, x, y in (
        ("ĐẾN", 400, 172),
        ("CV ĐẾN", 60, 172),
        ("Số: 2352", 470, 228),
        ("ĐẾN Số: 2352", 40, 228),
    ):
        page = _stamped(stamp, x, y)
        assert rows.rejoined(page).text == page.text, stamp
        got = extract([rows.rejoined(page)]).values()
        assert (got["organ_name"], got["code_number"]) == ("Sở Y tế", "12"), stamp
