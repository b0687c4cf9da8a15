"""The trích yếu's structure under stamps: no "Về việc" invented for a report, a word lost inside "việc"'s
box or an opening lost left of the first word read put back from the body's article (in doubt), a row read
twice taken once, a long holder's name whose lines open with a stamp's labels taken whole."""

from __future__ import annotations

from dataclasses import replace

from digitize.pipeline.fields import extract
from digitize.pipeline.fields.lines import make_line
from digitize.pipeline.model import Box, ExtractedField, RecognizedPage, Word
from tests.pipeline.test_extract import header, page, signer

SURE = 0.6
BODY = "Thực hiện chỉ đạo của cấp trên, Sở Giao thông vận tải báo cáo như sau:"


def _with_labels(base: RecognizedPage, first: str, confs: dict[str, float]) -> RecognizedPage:
    """``base`` with the words of ``confs`` read so and an incoming stamp's "Ngày:" and date read left of the
    line under the subject's first line ``first`` (its box over that line's first words)."""
    words = [replace(w, conf=confs.get(w.text, w.conf)) for w in base.words]
    row = next(w.line for w in words if w.text == first.split()[0])
    second = [w for w in words if w.line == row + 1]
    y0, y1 = second[0].box.y0, second[0].box.y1
    at = min(w.box.x0 for w in words if w.line == row) - 40
    words += [
        Word("Ngày:", 93.0, Box(at - 260, y0, at - 150, y1), line=row + 1),
        Word("21/5/24", 40.0, Box(at - 130, y0, at, y1), line=row + 1),
    ]
    return replace(base, words=tuple(words))


def _report(heading: str, first: str, confs: dict[str, float]) -> ExtractedField:
    head = header(parent=None, organ=("SỞ GIAO THÔNG VẬN TẢI",), number="Số: 63/BC-SGTVT")
    body = [
        (heading, "center", 95.0),
        (first, "center", 91.0),
        ("năm 2022", "center", 91.0),
        (BODY, "body", 90.0),
    ]
    base = page(head + body + signer(("GIÁM ĐỐC",), "Phạm Trường Thọ"))
    return extract([_with_labels(base, first, confs)]).fields["subject"]


def test_a_report_s_opening_under_an_incoming_stamp_is_never_ve_viec() -> None:
    # an incoming stamp's box over "Tình hình" read "iấy" (40) "lần" (65) (seed 625 wide dev 009): a report's
    # trích yếu does not open with "Về việc"; the report's opening most like the garble's letters, in doubt
    first = "iấy lần thực hiện công tác cải cách hành chính"
    f = _report("BÁO CÁO", first, {"iấy": 40.0, "lần": 65.0})
    assert (f.value, f.confidence < SURE) == (
        "Tình hình thực hiện công tác cải cách hành chính năm 2022",
        True,
    )
    # a plan's: no "Về việc" either, and no opening to choose: as read, in doubt
    f = _report("KẾ HOẠCH", first, {"iấy": 40.0, "lần": 65.0})
    assert f.value is None or (not f.value.startswith("Về việc") and f.confidence < SURE)


def _decision(first: str, article: str, conf: dict[str, float] | None = None) -> RecognizedPage:
    head = header(parent=None, organ=("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), number="Số: 07/QĐ-UBND")
    body = [
        ("QUYẾT ĐỊNH", "center", 95.0),
        (first, "center", 91.0),
        ("cho Công ty TNHH Xây dựng Hoàng Long", "center", 91.0),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "center", 93.0),
        ("QUYẾT ĐỊNH:", "center", 93.0),
        (article, "body", 90.0),
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "body", 90.0),
    ]
    return page(head + body + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phạm Trường Thọ"))


ARTICLE = "Điều 1. Gia hạn Giấy phép sản xuất hóa chất công nghiệp cho Công ty TNHH Xây dựng Hoàng Long."


def test_a_word_lost_inside_viec_s_wide_box_is_put_back_from_the_article_in_doubt() -> None:
    # a stamp's pass read "việc gia" as one "việc" (50) whose box reaches over "gia"'s room (seed 625 wide
    # dev 007): "Điều 1. Gia hạn Giấy phép …" says the word
    base = _decision("Về việc gia hạn Giấy phép sản xuất hóa chất công nghiệp", ARTICLE)
    viec = next(w for w in base.words if w.text == "việc")
    gia = next(w for w in base.words if w.text == "gia")
    wide = replace(viec, conf=50.0, box=replace(viec.box, x1=gia.box.x1))
    words = tuple(wide if w is viec else w for w in base.words if w is not gia)
    f = extract([replace(base, words=words)]).fields["subject"]
    assert f.value == (
        "Về việc gia hạn Giấy phép sản xuất hóa chất công nghiệp cho Công ty TNHH Xây dựng Hoàng Long"
    )
    assert f.confidence < SURE
    # "việc" and the next word as far apart as print sets them: nothing lost there, whatever the article says
    f = extract([_decision("Về việc hạn Giấy phép sản xuất hóa chất công nghiệp", ARTICLE)]).fields["subject"]
    assert f.value is None or not f.value.startswith("Về việc gia")


def test_an_opening_lost_left_of_the_first_word_is_the_article_s_in_doubt() -> None:
    # "Quy định" under an incoming stamp's box, dropped as its marks (corp seed 811 doc 007): the subject read
    # opens in small letters, and "Điều 1. Quy định chi tiết …" restates it
    article = "Điều 1. Quy định chi tiết một số điều của Luật Quy hoạch (chi tiết tại Phụ lục kèm theo)."
    base = _decision("Quy định chi tiết một số điều của Luật Quy hoạch", article)
    row = next(w.line for w in base.words if w.text == "chi")
    gone = tuple(
        w for w in base.words if not (w.line == row and w.text in ("Quy", "định") and w.box.x0 < 1200)
    )
    f = extract([replace(base, words=gone)]).fields["subject"]
    assert (f.value, f.confidence < SURE) == (
        "Quy định chi tiết một số điều của Luật Quy hoạch cho Công ty TNHH Xây dựng Hoàng Long",
        True,
    )


def test_a_row_read_twice_is_taken_once() -> None:
    from digitize.pipeline.fields.subject import _rereads_dropped

    base = page([("x", "body", 90.0)])

    def ws(texts: list[tuple[str, float, float]], y0: float, y1: float) -> list[Word]:
        return [Word(t, c, Box(x, y0, x + 100, y1)) for t, x, c in texts]

    row = make_line(
        base,
        ws(
            [("ĐĂNG", 300, 85), ("KÝ", 420, 66), ("ĐỘNG", 700, 89), ("KHOA", 840, 92), ("HỌC", 980, 96)],
            425,
            479,
        ),
    )
    again = make_line(base, ws([("ĐỘNG", 708, 92), ("KHOA", 838, 91), ("Hẹ", 976, 40)], 430, 522))
    below = make_line(base, ws([("ĐỘNG", 700, 90), ("KHOA", 840, 90)], 540, 590))
    assert _rereads_dropped([row, again, below]) == [row, below]
    # the same words elsewhere on the row (not over each other) are no reading again
    beside = make_line(base, ws([("ĐỘNG", 1200, 92), ("KHOA", 1330, 91)], 430, 480))
    assert _rereads_dropped([row, beside]) == [row, beside]


def test_a_holder_s_name_with_a_stamp_s_labels_over_its_lines_is_the_body_s() -> None:
    from digitize.pipeline.fields.subject import garbles_in_name, goes_on

    base = page([("x", "body", 90.0)])
    name = "Công ty trách nhiệm hữu hạn một thành viên Nông nghiệp và Phát triển nông thôn Long Phú"
    body = name.split()
    read = "Công ty NgàicÉ lệm hữu hạn một thành viên Nông nghiệp Chuy::: K7và Phát triển nông thôn Long Phú"
    own = [Word(t, 26.0 if t == "NgàicÉ" else 90.0, Box(0, 0, 10, 10)) for t in read.split()]
    assert garbles_in_name(read.split(), body, own)
    # a run that differs read surely as words is another name's, not a garble
    other = "Công ty cổ phần hữu hạn một thành viên Nông nghiệp và Phát triển nông thôn Long Phú"
    own = [Word(t, 95.0, Box(0, 0, 10, 10)) for t in other.split()]
    assert not garbles_in_name(other.split(), body, own)
    # a subject line opening with a stamp's label glued over its first word goes on with the line above
    prev = make_line(
        base,
        [
            Word(t, 95.0, Box(300 + 120 * k, 500, 400 + 120 * k, 540))
            for k, t in enumerate(["về", "việc", "cấp", "Giấy", "phép"])
        ],
    )
    texts = [("NgàicÉ.", 26.0), ("lệm", 68.0), ("hữu", 97.0), ("hạn", 96.0)]
    ln = make_line(
        base, [Word(t, c, Box(300 + 120 * k, 545, 400 + 120 * k, 585)) for k, (t, c) in enumerate(texts)]
    )
    assert goes_on(ln, prev)
    sure = make_line(
        base,
        [
            Word(t, 95.0, Box(300 + 120 * k, 545, 400 + 120 * k, 585))
            for k, t in enumerate(["Căn", "cứ", "Luật", "Tổ"])
        ],
    )
    assert not goes_on(sure, prev)
