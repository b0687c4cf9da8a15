"""The holder: a company name wrapped at the right margin is read whole, in a labelled line and in Điều 1."""

from __future__ import annotations

from tests.pipeline.test_extract import header, signer, values

COMPANY = "Công ty Cổ phần Thương mại và Dịch vụ Nam Việt"


def _licence(body: list) -> list:  # type: ignore[type-arg]
    return [
        *header(number="Số: 12/GP-SCT", organ=("SỞ CÔNG THƯƠNG",)),
        ("GIẤY PHÉP", "center", 95.0),
        ("KINH DOANH BÁN LẺ SẢN PHẨM RƯỢU", "center", 92.0),
        ("GIÁM ĐỐC SỞ CÔNG THƯƠNG", "center", 93.0),
        *body,
        # a full line, so the page's right margin is where the wrapped lines end
        (
            "Căn cứ Nghị định số 105/2017/NĐ-CP ngày 14 tháng 9 năm 2017 của Chính phủ về kinh doanh",
            "x=355",
            90.0,
        ),
        *signer(("GIÁM ĐỐC",)),
    ]


def test_a_labelled_company_name_wrapped_at_the_margin_is_read_whole() -> None:
    first = "Tên tổ chức: Công ty Cổ phần Thương mại Dịch vụ và Xuất nhập khẩu Nam Việt Phát Đạt Sao"
    v = values(
        _licence(
            [(first, "x=355", 92.0), ("Mai", "x=355", 92.0), ("Địa chỉ: Số 12, đường Lê Lợi", "x=355", 92.0)]
        )
    )
    assert v["holder_name"] == first.removeprefix("Tên tổ chức: ") + " Mai"


def test_a_name_in_article_1_wrapped_at_the_margin_is_read_whole() -> None:
    body = [
        ("Điều 1. Cấp Giấy phép sử dụng vật liệu nổ công nghiệp cho Công ty Cổ phần Thương", "x=355", 92.0),
        ("mại và Dịch vụ Nam Việt, mã số thuế: 0974904002, địa chỉ: Số 12, đường Lê Lợi.", "x=355", 92.0),
    ]
    assert values(_licence(body))["holder_name"] == COMPANY


def test_a_short_labelled_line_does_not_take_the_next() -> None:
    v = values(
        _licence([("Tên tổ chức: " + COMPANY, "x=355", 92.0), ("Được phép: bán lẻ rượu.", "x=355", 92.0)])
    )
    assert v["holder_name"] == COMPANY
