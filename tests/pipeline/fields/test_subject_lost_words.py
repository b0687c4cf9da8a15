"""A subject's word or letter lost or garbled under a stamp: read back where the page shows it (its body, the
corpus between its neighbours, the print read once), in doubt when guessed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from digitize.pipeline.fields import extract
from digitize.pipeline.fields.lines import make_line, page_lines
from digitize.pipeline.fields.result import Found
from digitize.pipeline.fields.subject import (
    GUESSED_CONFIDENCE,
    confirm_in_body,
    lost_head_restored,
    province_under,
)
from digitize.pipeline.model import Box, ExtractedField, RecognizedPage, Word
from digitize.pipeline.stamps import _without_ghosts
from tests.pipeline.fields.test_subject_stamp_edge import SURE, _confs, _subject
from tests.pipeline.test_extract import BODY_C, CHAR, decision, header, page, signer


def test_a_word_s_head_under_a_stamp_s_marks_glued_to_it_is_read_as_the_corpus_has_it_in_doubt() -> None:
    # seed 513 dev 010: "cụm công nghiệp" read "cụm 2€ông nghiệp" (the pen's "5" over the "c"), unglued "ông"
    second = "2€ông nghiệp trên địa bàn tỉnh Nghệ An"
    lines = [
        ("Về việc đề nghị ban hành Quy định quản lý cụm", 96.0),
        (second, _confs(second, {"2€ông": 86.0})),
    ]
    value, conf = _subject(lines, heading="TỜ TRÌNH")
    assert (value, conf < SURE) == (
        "Về việc đề nghị ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Nghệ An",
        True,
    )


def test_a_question_mark_read_unsure_inside_a_subject_is_a_speck() -> None:
    # seed 517 alt 003: "sử dụng đất? đến năm 2030" (a stamp's stroke at the line's end read "?" at 49)
    first = "Về việc đề nghị điều chỉnh quy hoạch sử dụng đất?"
    value, conf = _subject(
        [(first, _confs(first, {"đất?": 49.0})), ("đến năm 2030", 96.0)], heading="TỜ TRÌNH"
    )
    assert (value, conf < SURE) == ("Về việc đề nghị điều chỉnh quy hoạch sử dụng đất đến năm 2030", True)
    # read surely: as printed
    value, _ = _subject([(first, 96.0), ("đến năm 2030", 96.0)], heading="TỜ TRÌNH")
    assert value == first + " đến năm 2030"


def test_a_word_read_unsure_as_another_syllable_is_read_where_the_body_restates_it() -> None:
    # seed 621 alt 000: "hoạt động dạy thêm, học thêm" read "hoạt động thọm học thêm" ("thọm" at 50), which
    # the corrector made "thôi"; Điều 1 restates the title
    first = "Về việc cấp Giấy chứng nhận đăng ký hoạt động"
    second = "thọm học thêm cho Công ty TNHH Du lịch Sơn Hà"
    body = (
        "QUYẾT ĐỊNH:",
        "Điều 1. Cấp Giấy chứng nhận đăng ký hoạt động dạy thêm, học thêm cho Công ty TNHH Du lịch Sơn Hà,",
        "mã số thuế: 0101234567.",
    )
    lines = [(first, 96.0), (second, _confs(second, {"thọm": 50.0}))]
    value, conf = _subject(lines, heading="QUYẾT ĐỊNH", body=body)
    assert conf < SURE  # the body's words, not a reading of the print: to review
    assert (
        value
        == "Về việc cấp Giấy chứng nhận đăng ký hoạt động dạy thêm, học thêm cho Công ty TNHH Du lịch Sơn Hà"
    )
    # the body says nothing there: no word taken from it
    value, _ = _subject(lines, heading="QUYẾT ĐỊNH")
    assert value is None or "dạy thêm" not in value


def test_a_word_whose_head_was_lost_beside_one_read_unsure_is_read_where_the_body_restates_them() -> None:
    # seed 621 dev 000: "thẩm định giá đất cụ thể" read "thẩm định á đất cụ thể" ("định" at 47, "gi" lost)
    first = "Về việc kiện toàn Hội đồng thẩm định á đất cụ thể"
    body = (
        "QUYẾT ĐỊNH:",
        "Điều 1. Kiện toàn hội đồng thẩm định giá đất cụ thể (chi tiết tại phụ lục kèm theo).",
    )
    value, conf = _subject([(first, _confs(first, {"định": 47.0}))], heading="QUYẾT ĐỊNH", body=body)
    assert conf < SURE
    assert value == "Về việc kiện toàn Hội đồng thẩm định giá đất cụ thể"
    # the word read surely: as read (a word is not made the body's by a lost letter alone)
    value, _ = _subject([(first, 96.0)], heading="QUYẾT ĐỊNH", body=body)
    assert value is not None and "định á đất" in value


def test_a_line_reading_another_s_print_again_less_surely_is_dropped() -> None:
    # seed 517 dev 000: the block read with the stamp's box made paper read "đổi số" (82, 97) and, 8 px down
    # over the same print, "IOI SỐ" (0, 95) as a line of its own: it ran on the subject ("… đổi số IOI SỐ")
    def w(text: str, conf: float, x0: float, y0: float, x1: float, y1: float) -> Word:
        return Word(text, conf, Box(x0, y0, x1, y1))

    row = [
        w("Ngày:", 21.0, 244, 355, 302, 377),
        w("22/10/20", 77.0, 318, 354, 435, 374),
        w("đổi", 82.0, 603, 364, 643, 388),
        w("số", 97.0, 672, 365, 685, 372),
    ]
    twin = [w("IOI", 0.0, 620, 372, 643, 388), w("SỐ", 95.0, 654, 372, 685, 388)]
    assert _without_ghosts({(1, 1, 3): row, (1, 1, 4): twin}, 22.0) == {(1, 1, 3): row}
    # the next line of print, under it (its words' middles below the line's): stays
    below = [w("đổi", 96.0, 603, 392, 643, 414), w("số", 96.0, 660, 392, 685, 414)]
    rows = {(1, 1, 3): row, (1, 1, 4): below}
    assert _without_ghosts(rows, 22.0) == rows
    # a line read more surely than the print it stands on is the one kept
    sure = [w("đổi", 96.0, 603, 366, 643, 388), w("số", 96.0, 654, 366, 685, 388)]
    assert _without_ghosts({(1, 1, 3): row[2:], (1, 1, 4): sure}, 22.0) == {(1, 1, 4): sure}


# REVIEW-subj44 H1: a word read as a word, unsure, that the body says with another word is the print's
@pytest.mark.parametrize("at", [55.0, 50.0])
@pytest.mark.parametrize(
    ("said", "read", "unsure"),
    [
        (
            "Điều 1. Tổ chức hội nghị tổng kết công tác phòng chống tham nhũng năm 2024 tại trụ sở.",
            "Về việc tổ chức hội nghị sơ kết công tác phòng chống tham nhũng năm 2024",
            ("sơ",),
        ),
        (
            "Điều 1. Phê duyệt điều chỉnh dự toán kinh phí thực hiện dự án năm 2024.",
            "Về việc phê duyệt bổ sung dự toán kinh phí thực hiện dự án năm 2024",
            ("bổ", "sung"),
        ),
        (
            "Điều 1. Phê duyệt dự toán kinh phí thực hiện dự án đường giao thông năm 2024.",
            "Về việc phê duyệt dự toán kinh phí thực hiện dự án đường thủy năm 2024",
            ("thủy",),
        ),
        (
            "Điều 1. Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh nhiệm kỳ 2021-2026.",
            "Về việc ban hành Quy chế hoạt động của Ủy ban nhân dân tỉnh nhiệm kỳ 2021-2026",
            ("hoạt", "động"),
        ),
    ],
)
def test_a_word_read_unsure_that_the_body_says_otherwise_stays_as_read(
    said: str, read: str, unsure: tuple[str, ...], at: float
) -> None:
    lines = [(read, _confs(read, dict.fromkeys(unsure, at)))]
    value, _ = _subject(lines, heading="QUYẾT ĐỊNH", body=("QUYẾT ĐỊNH:", said))
    assert value == read


# REVIEW-subj44 M1: a word read after a speck that the corpus shows beside a neighbour is the print's
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Về việc hỗ trợ phát triển vùng nuôi", "2€ong tập trung tại huyện Tân Lập"),
        ("Về việc bảo tồn giống", "2€ong nội tại huyện Tân Lập"),
        ("Về việc hỗ trợ phát triển vùng nuôi", "•ong tập trung tại huyện Tân Lập"),
    ],
)
def test_a_word_read_after_a_stamp_s_marks_that_goes_on_as_read_stays(first: str, second: str) -> None:
    value, _ = _subject(
        [(first, 96.0), (second, _confs(second, {second.split()[0]: 86.0}))], heading="TỜ TRÌNH"
    )
    assert value == first + " " + second.split(" ", 1)[0].lstrip("2€•") + " " + second.split(" ", 1)[1]


def _glued(text: str, width: float) -> Found:
    """A subject read "… cụm <text> nghiệp …", ``text`` ``width`` letters wide (others: 30 px a letter)."""
    words, x = [], 100.0
    for t in ("quản", "lý", "cụm", text, "nghiệp", "trên", "địa", "bàn"):
        w = (width if t == text else len(t)) * 30.0
        words.append(Word(t, 96.0, Box(x, 600, x + w, 645)))
        x += w + 30.0
    pg = RecognizedPage(index=0, source="ocr", width=2480, height=3508, text="", words=tuple(words))
    own = [make_line(pg, words)]
    subject = Found((ExtractedField("subject", "Về việc quản lý cụm ông nghiệp trên địa bàn", 0.95),))
    return lost_head_restored(subject, own)


def test_a_lost_head_is_read_only_under_marks_about_a_letter_wide() -> None:
    # the marks as wide as two letters ("2€ông", seed 513 dev 010): the corpus's word, in doubt
    f = _glued("2€ông", 5.0).get("subject")
    assert f is not None and (f.value, f.confidence < SURE) == (
        "Về việc quản lý cụm công nghiệp trên địa bàn",
        True,
    )
    # a dot's speck glued before the word (its box hardly wider than its letters): as read
    f = _glued("•ông", 3.2).get("subject")
    assert f is not None and f.value == "Về việc quản lý cụm ông nghiệp trên địa bàn"


def _inked(ink: str, conf: float, tail: str, gap: float = 15.0) -> Found:
    """A subject read "… phòng cháy, chữa <ink> <tail> trên địa bàn tỉnh", ``ink`` read at ``conf`` ``gap``
    pixels before ``tail`` (others at 96, 30 px a letter)."""
    text = f"Về việc tăng cường công tác phòng cháy, chữa {ink} {tail} trên địa bàn tỉnh"
    words, x = [], 100.0
    for t in text.split()[7:]:
        w = len(t) * 30.0
        words.append(Word(t, conf if t == ink else 96.0, Box(x, 1245, x + w, 1300), line=18))
        x += w + (gap if t == ink else 30.0)
    pg = RecognizedPage(index=0, source="ocr", width=2480, height=3508, text="", words=tuple(words))
    return lost_head_restored(Found((ExtractedField("subject", text, 0.5),)), [make_line(pg, words)])


def test_a_head_under_ink_not_read_at_all_is_read_whole_with_its_tail() -> None:
    # seed 899 dev 008: "chữa đđ áy trên" with "đđ" at 0 (a pen's ink over "ch") and "áy" (93) right after it:
    # "chữa cháy", in doubt
    f = _inked("đđ", 0.0, "áy").get("subject")
    want = "Về việc tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh"
    assert f is not None and (f.value, f.confidence < SURE) == (want, True)
    # ink read as letters (20), a word's space apart, or a tail that is a word of its own: as read
    for ink, conf, tail, gap in (("đđ", 20.0, "áy", 15.0), ("đđ", 0.0, "áy", 90.0), ("đđ", 0.0, "máy", 15.0)):
        f = _inked(ink, conf, tail, gap).get("subject")
        assert (
            f is not None
            and f.value == f"Về việc tăng cường công tác phòng cháy, chữa {ink} {tail} trên địa bàn tỉnh"
        )


def test_a_print_line_under_a_surer_stamp_line_stays() -> None:
    # REVIEW-subj44 M2: "hóa chất" (40, 45) under the stamp's "Số: 1234" (80, 85): no twin of it
    def w(text: str, conf: float, x0: float, y0: float, x1: float, y1: float) -> Word:
        return Word(text, conf, Box(x0, y0, x1, y1))

    printed = [w("hóa", 40, 300, 200, 350, 222), w("chất", 45, 360, 200, 410, 222)]
    stamp = [w("Số:", 80, 290, 198, 340, 224), w("1234", 85, 345, 198, 420, 224)]
    rows = {(1, 1, 1): printed, (1, 1, 2): stamp}
    assert _without_ghosts(rows, 22.0) == rows
    # a twin is dropped with no letter size known too (REVIEW-subj44 L2)
    row = [w("đổi", 82.0, 603, 364, 643, 388), w("số", 97.0, 672, 365, 685, 372)]
    twin = [w("IOI", 0.0, 620, 372, 643, 388), w("SỐ", 95.0, 654, 372, 685, 388)]
    assert _without_ghosts({(1, 1, 3): row, (1, 1, 4): twin}, 0.0) == {(1, 1, 3): row}


def test_an_edge_run_is_placed_by_the_words_read_as_words() -> None:
    # REVIEW-subj44 M3: "ÝHỰC HÀNH TỐT …" with "HÀNH" read unsure too: "HÀNH" a word read as one places it
    said = ["Đủ", "điều", "kiện:", "THỰC", "HÀNH", "TỐT", "sản", "xuất", "thuốc"]
    text = "ÝHỰC HÀNH TỐT sản xuất thuốc"
    own = [Word(t, 40.0 if t in ("ÝHỰC", "HÀNH") else 95.0, Box(0, 0, 1, 1)) for t in text.split()]
    assert confirm_in_body(text, said, own) == "THỰC HÀNH TỐT sản xuất thuốc"


def test_a_question_mark_inside_quotes_stays() -> None:
    # REVIEW-subj44 L3: a quoted title's "?" read unsure is the title's
    first = "Về việc tổ chức cuộc thi “Em biết gì? về pháp luật” năm 2024"
    value, _ = _subject([(first, _confs(first, {"gì?": 49.0}))], heading="TỜ TRÌNH")
    assert value == first


def test_a_province_s_last_word_on_the_line_under_a_subject_ending_on_its_unit_completes_it_in_doubt() -> (
    None
):
    # seed 901 bitonal alt 001: "… trên địa bàn tỉnh" then, on the line under it, "Nguyên" with an incoming
    # stamp's "Ngày: 9/7" on its row ("Thái" under the stamp's frame): the line was dropped as the stamp's

    read = "Về việc tăng cường quản lý, bảo vệ rừng trên địa bàn tỉnh"
    subject = Found((ExtractedField("subject", read, 0.9),))

    def run(under: str, place: str) -> tuple[str | None, float]:
        lines = page_lines(page([(read, "center", 96.0), (under, f"x={BODY_C - 60}", 90.0)]))
        f = province_under(subject, lines[:1], lines, place).get("subject")
        assert f is not None
        return f.value, f.confidence

    assert run("Nguyên ˆ k Ngày: 9/7", "Thái Nguyên") == (f"{read} Thái Nguyên", GUESSED_CONFIDENCE)
    assert run("Ì Nguyên Ngày: 9/7", "Thái Nguyên")[0] == f"{read} Thái Nguyên"  # a mark in "Thái"'s room
    # the line under says no part of the page's province, or another's: the subject is as read
    assert run("Nguyên ˆ k Ngày: 9/7", "Yên Bái") == (read, 0.9)
    assert run("để được hướng dẫn giải quyết", "Thái Nguyên") == (read, 0.9)
    # nothing under it: "… trên địa bàn tỉnh" as printed (the issuing province)
    lines = page_lines(page([(read, "center", 96.0)]))
    assert province_under(subject, lines, lines, "Thái Nguyên") is subject


def test_a_word_s_head_under_a_stamp_s_stroke_read_as_a_digit_is_read_as_the_corpus_has_it_in_doubt() -> None:
    # seed 703 w dev 003: "cụm công nghiệp" read "cụm 6ông nghiệp" (a stamp's stroke over the "c" read "6", at
    # 8): the digit was dropped ("cụm ông") and the model made "của ông nghiệp" of it
    first = "Về việc đề nghị ban hành Quy định quản lý cụm 6ông"
    lines = [(first, _confs(first, {"6ông": 8.0})), ("nghiệp trên địa bàn tỉnh Kiên Giang", 96.0)]
    value, conf = _subject(lines, heading="TỜ TRÌNH")
    assert (value, conf < SURE) == (
        "Về việc đề nghị ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Kiên Giang",
        True,
    )


def _shifted(pg: RecognizedPage, line: int, edit: dict[str, tuple[float, float]]) -> RecognizedPage:
    """``pg`` with the words of ``line`` named in ``edit`` given a box from x0 to x1 (its height kept), the
    words after them on the line moved by as much as their boxes grew."""
    words = []
    shift = 0.0
    for w in sorted(pg.words, key=lambda w: (w.line, w.box.x0)):
        if w.line != line:
            words.append(w)
            continue
        if w.text in edit:
            x0, x1 = edit[w.text]
            shift += (x1 - x0) - (w.box.x1 - w.box.x0)
            words.append(replace(w, box=Box(x0, w.box.y0, x1, w.box.y1)))
        else:
            b = w.box
            words.append(replace(w, box=Box(b.x0 + shift, b.y0, b.x1 + shift, b.y1)))
    return replace(pg, words=tuple(words))


def test_a_subject_s_first_half_given_before_the_header_s_right_column_is_joined_to_its_row() -> None:
    # w701 alt 007 (a blurred photo): the page layout gave the subject's first line's left half ("Về việc
    # phân bố") with the header's left column, before its right column's three lines and the heading; the
    # subject was read from the right half alone ("kinh phí …"), its opening taken from Điều 1
    pg = page(decision())
    lines: dict[int, list[Word]] = {}
    for w in pg.words:
        lines.setdefault(w.line, []).append(w)
    texts = {n: " ".join(w.text for w in ws) for n, ws in lines.items()}
    number_n = next(n for n, t in texts.items() if t.startswith("Số:"))
    type_n = next(n for n, t in texts.items() if t == "QUYẾT ĐỊNH")
    head = {id(w) for w in sorted(lines[type_n + 1], key=lambda w: w.box.x0)[:4]}  # "Về việc cấp Giấy"
    words = [
        replace(w, line=number_n + 1)
        if id(w) in head
        else replace(w, line=w.line + 1 if w.line > number_n else w.line)
        for w in pg.words
    ]
    v = extract([replace(pg, words=tuple(words))]).values()
    assert v["subject"] == extract([pg]).values()["subject"]
    assert (
        v["subject"]
        == "Về việc cấp Giấy phép tiến hành công việc bức xạ cho Công ty TNHH Thiết bị Y tế Hoàng Long"
    )
    # review of lost58: a clerk's note ("Chuyển: VP") given with the header's left column, on the subject's
    # first row left of it, is no half of it: the subject line stands centred alone (as read, sure)
    first = sorted(lines[type_n + 1], key=lambda w: w.box.x0)
    y0, y1, x0 = first[0].box.y0, first[0].box.y1, first[0].box.x0
    note = [
        Word(text="Chuyển:", conf=93.0, box=Box(x0 - 220, y0, x0 - 100, y1), block=1, line=number_n + 1),
        Word(text="VP", conf=93.0, box=Box(x0 - 80, y0, x0 - 20, y1), block=1, line=number_n + 1),
    ]
    moved = [replace(w, line=w.line + 1 if w.line > number_n else w.line) for w in pg.words]
    f = extract([replace(pg, words=(*moved, *note))]).fields["subject"]
    want = extract([pg]).fields["subject"]
    assert (f.value, f.confidence) == (want.value, want.confidence) and want.confidence >= SURE


def _decision_first(first: str, confs: list[float]) -> list:  # type: ignore[type-arg]
    specs = decision()
    k = next(i for i, s in enumerate(specs) if s[0].startswith("Về việc cấp"))
    specs[k] = (first, "center", confs)
    return specs


def test_viec_read_from_its_first_letters_in_a_box_as_wide_as_it_is_put_back_in_doubt() -> None:
    # k931 alt 000: "Về vị cấp lại …" ("vị" at 19, read "vi", in a box as wide as "việc": an incoming
    # stamp's ink over its last letters)
    first = "Về vị cấp Giấy phép tiến hành công việc bức xạ cho Công ty"
    specs = _decision_first(first, _confs(first, {"vị": 19.0}, 91.0))
    pg = page(specs)
    n = next(w.line for w in pg.words if w.text == "vị")
    x0 = next(w.box.x0 for w in pg.words if w.text == "vị")
    f = extract([_shifted(pg, n, {"vị": (x0, x0 + 4 * CHAR)})]).fields["subject"]
    want = "Về việc cấp Giấy phép tiến hành công việc bức xạ cho Công ty TNHH Thiết bị Y tế Hoàng Long"
    assert (f.value, f.confidence < SURE) == (want, True)
    # "vị" in a box of its own two letters: no letters lost there, as read
    f = extract([pg]).fields["subject"]
    assert f.value is not None and f.value.startswith("Về vị cấp")


def _directive(subject: list) -> list:  # type: ignore[type-arg]
    """A city's directive with ``subject``'s specs under its heading, a body line and a signature."""
    return [
        *header(parent=None, organ=("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"), number="Số: 41/CT-UBND"),
        ("CHỈ THỊ", "center", 95.0),
        *subject,
        ("", "center", 90.0),
        (
            "Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch,",
            "body",
            92.0,
        ),
        *signer(("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), "Tăng Kim Nguyệt"),
    ]


def test_a_word_read_where_a_centred_line_s_third_word_stands_after_a_stamp_s_garble_is_kept() -> None:
    # k931 alt 008: "S6yä đẩy nhanh tiến độ …" ("S6yä" at 17 over "Về việc", "đẩy" at 82 in its place):
    # "đẩy nhanh" is too rare a pair for a compound (21 of 600 "đẩy"), and "đẩy" was taken for the garble's
    first = "Về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công"
    specs = _directive([(first, "center", 96.0), ("năm 2024", "center", 96.0), ("Chuyển: VP", "x=250", 90.0)])
    pg = page(specs)
    row = [
        w
        for w in pg.words
        if w.text in ("Về", "việc") and w.box.y0 == min(x.box.y0 for x in pg.words if x.text == "việc")
    ]
    ve, viec = sorted(row, key=lambda w: w.box.x0)
    garble = Word("S6yä", 17.0, Box(ve.box.x0, ve.box.y0, ve.box.x0 + 4 * CHAR, ve.box.y1), line=ve.line)
    words = [
        garble if w is ve else replace(w, conf=82.0) if w.text == "đẩy" else w
        for w in pg.words
        if w is not viec
    ]
    f = extract([replace(pg, words=tuple(words))]).fields["subject"]
    assert (f.value, f.confidence < SURE) == (
        "Về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024",
        True,
    )


def _break_lost(body: tuple[str, ...], source: str = "ocr") -> tuple[str | None, float]:
    """A decision's subject whose second line lost its first three words ("thêm, học thêm") under a stamp,
    over ``body``; ``source`` "text": a text layer's page, its title typed so."""
    specs = [
        *header(parent=None, organ=("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"), number="Số: 41/QĐ-UBND"),
        ("QUYẾT ĐỊNH", "center", 95.0),
        ("Về việc gia hạn Giấy chứng nhận đăng ký hoạt động dạy", "center", 96.0),
        ("thêm, học thêm cho Công ty TNHH Du lịch Sơn Hà", "center", 96.0),
        ("", "center", 90.0),
        *((text, "body", 92.0) for text in body),
        *signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Tăng Kim Nguyệt"),
    ]
    pg = replace(page(specs), source=source)
    n = next(w.line for w in pg.words if w.text == "thêm,")
    lost = sorted((w for w in pg.words if w.line == n), key=lambda w: w.box.x0)[:3]
    assert [w.text for w in lost] == ["thêm,", "học", "thêm"]
    f = extract([replace(pg, words=tuple(w for w in pg.words if not any(w is x for x in lost)))]).fields[
        "subject"
    ]
    return f.value, f.confidence


def test_words_lost_at_a_break_between_centred_lines_are_read_where_the_body_restates_them() -> None:
    # u569 alt 000: "… hoạt động dạy" / "[thêm, học thêm] cho Hợp tác xã …": an incoming stamp over the
    # second line's start, which stands right of the heading's centre by the words' width; Điều 1 restates
    # the title
    body = (
        "QUYẾT ĐỊNH:",
        "Điều 1. Gia hạn Giấy chứng nhận đăng ký hoạt động dạy thêm, học thêm cho",
        "Công ty TNHH Du lịch Sơn Hà, mã số thuế: 0101234567.",
    )
    value, conf = _break_lost(body)
    want = (
        "Về việc gia hạn Giấy chứng nhận đăng ký hoạt động dạy thêm, học thêm cho Công ty TNHH Du lịch Sơn Hà"
    )
    assert (value, conf < SURE) == (want, True)
    # the body's words there would not fill the room the line lost: none taken
    value, _ = _break_lost(tuple(t.replace("thêm, học thêm", "thêm") for t in body))
    assert value is not None and "dạy thêm" not in value
    # a text layer loses no words: its title as typed, whatever the body adds at its break (review of lost58)
    value, _ = _break_lost(body, source="text")
    assert value is not None and "dạy thêm" not in value


def _viec_and_word_lost(shift: float) -> tuple[str | None, float]:
    """A directive's subject with "việc bảo" lost after "Về" (nothing read there), the words after moved
    ``shift`` pixels right."""
    first = "Về việc bảo đảm trật tự, an toàn giao thông dịp Tết"
    specs = _directive([(first, "center", 96.0), ("Nguyên đán", "center", 96.0)])
    pg = page(specs)
    n = next(w.line for w in pg.words if w.text == "bảo")
    row = sorted((w for w in pg.words if w.line == n), key=lambda w: w.box.x0)
    lost = row[1:3]
    assert [w.text for w in lost] == ["việc", "bảo"]
    words = [
        replace(w, box=Box(w.box.x0 + shift, w.box.y0, w.box.x1 + shift, w.box.y1)) if w in row[3:] else w
        for w in pg.words
        if not any(w is x for x in lost)
    ]
    f = extract([replace(pg, words=tuple(words))]).fields["subject"]
    return f.value, f.confidence


def test_viec_and_the_word_after_it_lost_in_a_gap_after_ve_are_put_back_as_the_corpus_bridges_them() -> None:
    # u569 alt 008: "về [việc bảo] đảm trật tự …", a stamp's ink over both; the gap holds "việc" and a word
    # of three letters, the corpus's between "việc" and "đảm"
    value, conf = _viec_and_word_lost(0.0)
    assert (value, conf < SURE) == ("Về việc bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán", True)
    # a gap too wide for the two: not the corpus's word
    value, conf = _viec_and_word_lost(3 * CHAR)
    assert conf < SURE and (value is None or "bảo" not in value)


def test_a_garble_s_last_word_that_ends_its_line_is_not_measured_against_a_space_it_has_not() -> None:
    # review of lost58: the garble's last word the line's last ("S6yä ất thành", the subject going on with
    # "lập" on the next line): no space after it to measure the line's by, and no crash
    from digitize.pipeline import correct
    from digitize.pipeline.fields.subject import _kept_in_place

    words, x = [], 900.0
    for t in ("S6yä", "ất", "thành"):
        words.append(Word(t, 96.0, Box(x, 600, x + len(t) * 30.0, 645)))
        x += len(t) * 30.0 + 30.0
    pg = RecognizedPage(index=0, source="ocr", width=2480, height=3508, text="", words=tuple(words))
    line = make_line(pg, words)
    assert _kept_in_place(correct.load(), ["S6yä", "ất", "thành"], "lập", line, 1240.0) is False
