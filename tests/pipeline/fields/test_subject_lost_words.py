"""A subject's word or letter lost or garbled under a stamp: read back where the page shows it (its body, the
corpus between its neighbours, the print read once), in doubt when guessed."""

from __future__ import annotations

from digitize.pipeline.model import Box, Word
from digitize.pipeline.stamps import _without_ghosts
from tests.pipeline.fields.test_subject_stamp_edge import SURE, _confs, _subject


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
