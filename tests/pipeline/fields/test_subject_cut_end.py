"""The trích yếu's end cut or misread under an incoming stamp, and a code read unsure: never held sure."""

from __future__ import annotations

import pytest

from digitize.pipeline.fields.compose import extract
from tests.pipeline.test_extract import Spec, header, page, signer

BODY = "Căn cứ Luật Hóa chất ngày 21 tháng 11 năm 2007;"


def _letter(code_conf: float) -> list[Spec]:
    head = header(number="Số: 518/STNMT-TCCB", organ=("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",))
    left, right = head[:3], head[3:]
    vv: list[Spec] = [
        ("V/v đề nghị phê duyệt kết quả đánh giá", "left", 96.0),
        ("E-HSĐXXKT gói thầu", "left", (code_conf, 96.0, 95.0)),
    ]
    body: list[Spec] = [("Kính gửi: Ủy ban nhân dân tỉnh Yên Bái", "center", 92.0), (BODY, "body", 90.0)]
    return left + vv + right + body + signer()


def test_a_code_in_the_subject_read_unsure_puts_it_in_doubt() -> None:
    """A công văn's "E-HSĐXKT" read "E-HSĐXXKT" at 70 (seed 829 corp 011, a SURE-WRONG at 0.92): no corpus
    checks a code's letters, so one read unsure leaves the subject to review; read surely, it stands."""
    from digitize.pipeline.fields.subject import _code_word

    assert _code_word("E-HSĐXXKT") and _code_word("HSĐXXKT,")
    assert not _code_word("TTHC") and not _code_word("QĐ-UBND,") and not _code_word("OCOP")
    assert not _code_word("30/2020/NĐ-CP") and not _code_word("ISO-9001")
    assert (
        not _code_word("HÓA") and not _code_word("Kinh") and not _code_word("2019") and not _code_word("IV")
    )
    unsure = extract([page(_letter(70.5))]).fields["subject"]
    assert unsure.value == "đề nghị phê duyệt kết quả đánh giá E-HSĐXXKT gói thầu"
    assert unsure.confidence < 0.6
    sure = extract([page(_letter(93.0))]).fields["subject"]
    assert sure.confidence >= 0.6


def _licence(last: str, conf: float, granted: str) -> list[Spec]:
    return [
        *header(number="Số: 142/GP-SKHĐT", organ=("SỞ KẾ HOẠCH VÀ ĐẦU TƯ",), parent="UBND TỈNH ĐỒNG THÁP"),
        ("GIẤY PHÉP", "center", 95.0),
        (f"NHẬP KHẨU HÓA CHẤT {last}", "center", (92.7, 96.3, 96.9, 93.3, conf)),
        ("GIÁM ĐỐC SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "center", 93.0),
        (BODY, "body", 90.0),
        ("Tên tổ chức: Công ty trách nhiệm hữu hạn Hóa chất Sa Đéc", "body", 90.0),
        (f"Được phép: {granted}", "body", 90.0),
        ("Giấy phép này có hiệu lực kể từ ngày ký.", "body", 90.0),
        *signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    ]


def test_a_last_word_cut_short_is_read_whole_where_the_body_restates_the_title() -> None:
    """A stamp's side over "CẤM" read "CÁ" at 90 (seed 853 corp 005: "Giấy phép nhập khẩu hóa chất cá", a
    SURE-WRONG at 0.94); the body's "Được phép: Nhập khẩu hóa chất cấm." says the word whole: put so, in
    doubt. A body that goes on after the word ("… hóa chất cấm nhập khẩu") is no restatement."""
    from digitize.pipeline.fields.subject import cut_end_restated
    from digitize.pipeline.model import Box, Word

    def read(text: str, conf: float) -> list[Word | None]:
        return [*([None] * 4), Word(text, conf, Box(0, 0, 40, 40))]

    body = ["Được", "phép:", "Nhập", "khẩu", "hóa", "chất", "cấm."]
    assert cut_end_restated("Nhập khẩu hóa chất cá", body, read("CÁ", 90.6)) == "Nhập khẩu hóa chất cấm"
    assert cut_end_restated("Nhập khẩu hóa chất cá", body, read("CÁ", 96.0)) is None  # read surely
    assert cut_end_restated("Nhập khẩu hóa chất cấm", body, read("CẤM", 90.6)) is None
    goes_on = ["Nhập", "khẩu", "hóa", "chất", "cấm", "sử", "dụng."]
    assert cut_end_restated("Nhập khẩu hóa chất cá", goes_on, read("CÁ", 90.6)) is None
    both = ["Nhập", "khẩu", "hóa", "chất", "cá", "và", "nhập", "khẩu", "hóa", "chất", "cấm."]
    assert cut_end_restated("Nhập khẩu hóa chất cá", both, read("CÁ", 90.6)) is None
    field = extract([page(_licence("CÁ", 90.6, "Nhập khẩu hóa chất cấm."))]).fields["subject"]
    assert field.value == "Giấy phép nhập khẩu hóa chất cấm"
    assert field.confidence < 0.6


def test_a_last_pair_the_corpus_never_ends_a_phrase_with_read_unsure_is_doubted() -> None:
    """Without the body's restatement, "hóa chất cá" (the corpus's "chất cá" always goes on "nhân") with
    "cá" read at 90 is no sure title; read at 96 it stands as read (nothing says a cut took letters)."""
    from digitize.pipeline import correct
    from digitize.pipeline.fields.subject import _unsure_open_last
    from digitize.pipeline.model import Box, Word

    model = correct.load()
    words = ["Nhập", "khẩu", "hóa", "chất", "cá"]

    def read(conf: float) -> list[Word | None]:
        return [*([None] * 4), Word("CÁ", conf, Box(0, 0, 40, 40))]

    assert _unsure_open_last(model, words, read(90.6))
    assert not _unsure_open_last(model, words, read(96.0))
    assert not _unsure_open_last(model, ["Nhập", "khẩu", "hóa", "chất", "cấm"], read(90.6))
    field = extract([page(_licence("CÁ", 90.6, "Thành lập chi nhánh."))]).fields["subject"]
    assert field.confidence < 0.6


def test_a_quote_closing_one_the_value_opens_is_kept() -> None:
    """A công văn's "… tên miền quốc gia Việt Nam “.vn”" lost its closing quote with the line's end marks
    (seed 837 corp 004); a value that opens with its own quote keeps it too. Stray quotes at the ends still
    go, and a value quoted whole is given without them."""
    from digitize.pipeline.fields.text import clean_value

    assert clean_value("tên miền quốc gia Việt Nam “.vn”") == "tên miền quốc gia Việt Nam “.vn”"
    assert clean_value(" “Ngày hội” năm 2024.") == "“Ngày hội” năm 2024"
    assert clean_value('về nhãn hiệu "Sao Mai",') == 'về nhãn hiệu "Sao Mai"'
    assert clean_value("kinh doanh ”;") == "kinh doanh"
    assert clean_value("- về việc “x” -") == "về việc “x”"
    assert clean_value("“Tháng hành động”") == "Tháng hành động"
    assert clean_value('"Sao Mai" năm 2024') == '"Sao Mai" năm 2024'
    assert clean_value('ABC" XYZ "') == 'ABC" XYZ'  # the inner quote opens no pair: the end's is stray
    assert clean_value('x "(abc)" ') == 'x "(abc)"'
    vv: list[Spec] = [
        ("V/v trả lời đề nghị duy trì tên miền", "left", 96.0),
        ("quốc gia Việt Nam “.vn”", "left", 93.0),
    ]
    head = header(number="Số: 86/UBND-VP", organ=("ỦY BAN NHÂN DÂN", "THÀNH PHỐ SA ĐÉC"), parent=None)
    body: list[Spec] = [("Kính gửi: Công ty Cổ phần Viễn thông", "center", 92.0), (BODY, "body", 90.0)]
    field = extract([page(head[:3] + vv + head[3:] + body + signer())]).fields["subject"]
    assert field.value == "trả lời đề nghị duy trì tên miền quốc gia Việt Nam “.vn”"


def _cong_van(vv: tuple[str, str], body: str, conf: float | tuple[float, ...] = 96.0) -> list[Spec]:
    head = header(number="Số: 518/STNMT-TCCB", organ=("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",))
    left, right = head[:3], head[3:]
    lines: list[Spec] = [(vv[0], "left", 96.0), (vv[1], "left", conf)]
    rest: list[Spec] = [("Kính gửi: Ủy ban nhân dân tỉnh Yên Bái", "center", 92.0), (body, "body", 90.0)]
    return left + lines + right + rest + signer()


@pytest.mark.parametrize(
    ("vv", "body", "conf", "expected", "sure"),
    [
        (  # a Roman numeral: the body's "quý II" is another quarter
            ("V/v báo cáo kết quả công", "tác quý I"),
            "Đề nghị các đơn vị báo cáo kết quả công tác quý II.",
            (96.0, 96.0, 96.0),
            "báo cáo kết quả công tác quý I",
            True,
        ),
        (  # "quản lý nguồn thu" ends titles: no sign of a cut, however the body goes on
            ("V/v tăng cường quản lý", "nguồn thu"),
            "Nhằm tăng cường quản lý nguồn thuế.",
            (96.0, 92.0),
            "tăng cường quản lý nguồn thu",
            True,
        ),
        (  # "giống cá" read at 92 (in doubt: the corpus's "giống cá" goes on), but the body says it as read
            ("V/v hỗ trợ sản xuất", "giống cá"),
            "Hỗ trợ sản xuất giống cá. Và hỗ trợ sản xuất giống cám.",
            (96.0, 92.0),
            "hỗ trợ sản xuất giống cá",
            False,
        ),
    ],
)
def test_a_last_word_read_whole_is_not_lengthened_from_the_body(
    vv: tuple[str, str], body: str, conf: tuple[float, ...], expected: str, sure: bool
) -> None:
    """A subject's last word read as printed stays so where the body has a longer word after the same words:
    only a sign of a cut (the corpus never ends a title so, the word read below ``SURE_LAST``) lets the body
    lengthen it, and never where the body also says the word as read, nor a Roman numeral."""
    field = extract([page(_cong_van(vv, body, conf))]).fields["subject"]
    assert field.value == expected
    assert (field.confidence >= 0.6) == sure


@pytest.mark.parametrize(
    ("vv", "conf"),
    [
        (("V/v hướng dẫn thực hiện", "Nghị định số 30/2020/NĐ-CP"), (96.0, 96.0, 96.0, 75.0)),
        (("V/v rà soát, công bố", "danh mục TTHC nội bộ"), (96.0, 96.0, 78.0, 96.0, 96.0)),
        (("V/v triển khai Chương trình", "OCOP năm 2024"), (78.0, 96.0, 96.0)),
        (("V/v áp dụng hệ thống quản lý", "chất lượng ISO 9001"), (96.0, 96.0, 78.0, 96.0)),
    ],
)
def test_a_cited_number_or_a_known_abbreviation_read_unsure_leaves_the_subject_sure(
    vv: tuple[str, str], conf: tuple[float, ...]
) -> None:
    """A document cited ("30/2020/NĐ-CP": its number is checked as one) or an abbreviation known as a word
    ("TTHC", "OCOP", "ISO") read at 75-78 is no code whose letters nothing checks: the subject stays sure."""
    field = extract([page(_cong_van(vv, BODY, conf))]).fields["subject"]
    assert field.value == f"{vv[0][4:]} {vv[1]}"
    assert field.confidence >= 0.6


def test_a_cut_last_word_the_corpus_never_writes_there_is_read_whole_from_a_body_that_goes_on() -> None:
    """Seed k897 alt 005: a stamp's edge over "SỐNG" read "SÓN" at 89 ("… kỹ năng són": the corpus never
    writes "năng són"); the body's "Được phép: Tổ chức các lớp giáo dục kỹ năng sống ngoài giờ chính khóa."
    goes on after the word, yet says it: put so, in doubt. A last word the corpus writes after the word before
    it ("hóa chất cá": "chất cá" is "chất cá nhân") still needs the body's sentence to end there."""
    from digitize.pipeline.fields.subject import cut_end_restated
    from digitize.pipeline.model import Box, Word

    title = "Tổ chức hoạt động giáo dục kỹ năng són"

    def read(text: str, conf: float) -> list[Word | None]:
        return [*([None] * 8), Word(text, conf, Box(0, 0, 40, 40))]

    body = [
        "Được",
        "phép:",
        "Tổ",
        "chức",
        "các",
        "lớp",
        "giáo",
        "dục",
        "kỹ",
        "năng",
        "sống",
        "ngoài",
        "giờ",
        "chính",
        "khóa.",
    ]
    assert cut_end_restated(title, body, read("SÓN", 88.8)) == "Tổ chức hoạt động giáo dục kỹ năng sống"
    assert cut_end_restated(title, body, read("SÓN", 96.0)) is None  # read surely: as read
    goes_on = ["Nhập", "khẩu", "hóa", "chất", "cấm", "sử", "dụng."]
    assert (
        cut_end_restated(
            "Nhập khẩu hóa chất cá", goes_on, [*([None] * 4), Word("CÁ", 90.6, Box(0, 0, 40, 40))]
        )
        is None
    )


def test_a_subject_in_doubt_ending_where_no_phrase_ends_goes_on_as_the_corpus_has_it() -> None:
    """Seed b565 alt 005: an incoming stamp over "SẢN" left a speck, "Khai thác khoáng" came out in doubt:
    the corpus never ends a phrase "thác khoáng" and always goes on "sản"; put back, still in doubt. A
    subject read surely, or ending where phrases end, is left as read."""
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.fields.subject import open_end_continued
    from digitize.pipeline.model import ExtractedField

    def run(value: str, conf: float) -> tuple[str | None, float]:
        f = open_end_continued(Found((ExtractedField("subject", value, conf),))).get("subject")
        assert f is not None
        return f.value, f.confidence

    assert run("Khai thác khoáng", 0.5) == ("Khai thác khoáng sản", 0.5)
    assert run("Chương trình mục tiêu quốc", 0.5) == ("Chương trình mục tiêu quốc gia", 0.5)
    assert run("Khai thác khoáng", 0.9) == ("Khai thác khoáng", 0.9)
    assert run("Kết quả công tác năm", 0.5) == ("Kết quả công tác năm", 0.5)
    assert run("Phát triển kỹ năng", 0.5) == ("Phát triển kỹ năng", 0.5)


def test_a_subject_in_doubt_ending_on_a_title_s_first_word_goes_on_as_the_corpus_has_it() -> None:
    """Seed x869 corp 003: "… báo cáo thống kê ngành Thống" (its "kê" under a stamp), in doubt: the corpus
    never ends a phrase "ngành thống" and goes on "kê"; put back in small letters, still in doubt. A name's
    last word after a capitalised one ("Công ty Hoàng Long") is any: as read."""
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.fields.subject import open_end_continued
    from digitize.pipeline.model import ExtractedField

    def run(value: str, conf: float) -> tuple[str | None, float]:
        f = open_end_continued(Found((ExtractedField("subject", value, conf),))).get("subject")
        assert f is not None
        return f.value, f.confidence

    got = run("Về việc quy định Chế độ báo cáo thống kê ngành Thống", 0.5)
    assert got == ("Về việc quy định Chế độ báo cáo thống kê ngành Thống kê", 0.5)
    assert run("Về việc thành lập Công ty Hoàng", 0.5) == ("Về việc thành lập Công ty Hoàng", 0.5)
    assert run("Về việc quy định ngành Thống", 0.9) == ("Về việc quy định ngành Thống", 0.9)
