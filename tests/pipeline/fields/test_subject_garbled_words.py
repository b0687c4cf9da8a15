"""A trích yếu's word garbled between words read well (issue #17, the ``w`` census): "năm" before its year
with a letter lost ("công ăm 2024"), repaired where the corpus is sure and the letters support it, always in
doubt; a word read surely stands."""

from __future__ import annotations

from tests.pipeline.fields.test_subject import LM_SURE, _lm_directive, _lm_subject
from tests.pipeline.fields.test_subject_stamp_marks import SURE, _subject


def test_nam_before_a_year_with_a_letter_lost_read_unsure_is_nam_in_doubt() -> None:
    # seed 639 alt 008: "năm" read "-ăm" at 55 (its "n" under a speck) before "2024"
    first, second = "Về việc đẩy nhanh tiến độ giải ngân vốn đầu", "tư công -ăm 2024"
    f = _lm_subject(_lm_directive(first, second), {"-ăm": 55.0})
    assert (f.value, f.confidence < LM_SURE) == (
        "Về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024",
        True,
    )


def test_a_syllable_before_a_year_that_goes_with_its_left_word_stands_however_read() -> None:
    # "làm", "tâm", "cam" read unsure (60) before a year: each goes with the word before it ("việc làm",
    # "trung tâm", "hội cam"), a word as printed, not "năm" with a letter lost
    for first, second, unsure in (
        ("Về việc giao chỉ tiêu giải quyết việc", "làm 2024", "làm"),
        ("Về việc kiện toàn bộ máy của trung", "tâm 2024", "tâm"),
        ("Về việc tổ chức Lễ hội", "cam 2024", "cam"),
    ):
        f = _lm_subject(_lm_directive(first, second), {unsure: 60.0})
        assert f.value == f"{first} {second}"
    # read surely: as printed too
    f = _lm_subject(_lm_directive("Về việc giao chỉ tiêu giải quyết việc", "làm 2024"), {})
    assert f.value == "Về việc giao chỉ tiêu giải quyết việc làm 2024"


def test_a_garble_read_not_at_all_where_ve_viec_was_is_put_back_in_doubt() -> None:
    # seed 637 dev 003: a stamp's ink over "Về việc" read "S6:V&Älđể" at 0 (six letters among its signs),
    # the rest of the line read well
    first = "S6:V&Älđể đề nghị bổ sung biên chế công chức"
    value, conf = _subject(
        [(first, [0.0, 81.0] + [96.0] * 7), ("năm 2020", 96.0)], heading="TỜ TRÌNH", number="Số: 4/TTr-UBND"
    )
    assert (value, conf < SURE) == ("Về việc đề nghị bổ sung biên chế công chức năm 2020", True)
    # read at all (at 30), its letters may be words of the subject's: nothing put back
    value, _ = _subject(
        [(first, [30.0, 81.0] + [96.0] * 7), ("năm 2020", 96.0)], heading="TỜ TRÌNH", number="Số: 4/TTr-UBND"
    )
    assert value is None or not value.startswith("Về việc")


def test_a_stamp_s_number_and_a_stray_quote_opening_the_subject_are_dropped_in_doubt() -> None:
    # seed 641 dev 005: an incoming stamp's number read "3" at 78 over the line's start, its "“" glued to
    # "HOẠT" (66), no quote closing it
    line = "3 “HOẠT ĐỘNG KHÁM BỆNH, CHỮA BỆNH"
    confs = [78.0, 66.0, 93.0, 91.0, 96.0, 96.0, 97.0]
    value, conf = _subject([(line, confs)], heading="GIẤY PHÉP", number="Số: 850/GP-UBND")
    assert (value, conf < SURE) == ("Giấy phép hoạt động khám bệnh, chữa bệnh", True)
    # a quotation closed later is the subject's own, the number before it too ("2 “không” …"); a number read
    # surely stands
    value, _ = _subject(
        [("3 “HOẠT ĐỘNG” KHÁM BỆNH, CHỮA BỆNH", confs)], heading="GIẤY PHÉP", number="Số: 850/GP-UBND"
    )
    assert value == "Giấy phép 3 “hoạt động” khám bệnh, chữa bệnh"
    value, _ = _subject([(line, [96.0, *confs[1:]])], heading="GIẤY PHÉP", number="Số: 850/GP-UBND")
    assert value is not None and value.startswith("Giấy phép 3")


def test_a_number_a_subject_opens_with_stands_however_read() -> None:
    # a count opening the subject, read unsure (70), no stray quote beside it: the subject's own words
    for heading, number, line in (
        ("BÁO CÁO", "Số: 41/BC-UBND", "6 tháng đầu năm 2024 về công tác dân vận"),
        ("KẾ HOẠCH", "Số: 41/KH-UBND", "05 nhiệm vụ trọng tâm năm 2024"),
        ("KẾ HOẠCH", "Số: 41/KH-UBND", "2 “không” trong phòng chống dịch"),
        ("BÁO CÁO", "Số: 41/BC-UBND", "6 THÁNG ĐẦU NĂM 2024 VỀ CÔNG TÁC DÂN VẬN"),  # (no speck: a number)
    ):
        confs = [70.0] + [95.0] * (len(line.split()) - 1)
        value, _ = _subject([(line, confs)], heading=heading, number=number)
        assert value is not None and value.split()[0] == line.split()[0], (line, value)
