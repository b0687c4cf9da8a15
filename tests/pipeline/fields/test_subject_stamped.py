"""A trích yếu under an incoming stamp or with a word misread on a sharp page: a report's opening with its
second word struck is no "Về việc", a garble between "Về" and "việc" is dropped, a word or two of a
company's name lost inside it is the body's holder, a dash between a centred line's words keeps the words
after it, a lone letter and a dash read between the two words of a phrase are specks, and a syllable read
surely that the corpus never writes, or writes beside its neighbours next to never, is relettered in doubt
(issue #17)."""

from __future__ import annotations

from digitize.pipeline.fields.lines import make_line
from digitize.pipeline.fields.result import Found
from digitize.pipeline.fields.subject import (
    GUESSED_CONFIDENCE,
    centred_part,
    holder_restated,
    opening_repaired,
)
from digitize.pipeline.model import Box, ExtractedField, RecognizedPage, Word
from tests.pipeline.fields.test_subject_opening import _stamped
from tests.pipeline.fields.test_subject_recorrect import _subject
from tests.pipeline.fields.test_subject_words import _licence

SURE = 0.6


def test_a_report_s_opening_with_its_second_word_struck_is_no_ve_viec() -> None:
    # seed 475 dev 002: an incoming stamp's pen over "quả" read "mô" at 0, "Kết" at 47, its labels left of
    # the line: the garble was taken for "Về việc" ("Về việc kiểm tra …", made up); "quả kiểm" is written
    f = _stamped("Kết mô kiểm tra công tác văn thư, lưu trữ", {"Kết": 47.0, "mô": 0.0})
    assert (f.value, f.confidence < SURE) == (
        "Kết quả kiểm tra công tác văn thư, lưu trữ và số hóa hồ sơ",
        True,
    )
    # the second word read surely is the subject's own: no opening put back
    assert opening_repaired(["Kết", "nạp", "đảng", "viên"], [90.0, 95.0]) is None


def test_a_report_s_opening_read_in_small_letters_gets_its_capital() -> None:
    # seed 475 dev 009: "kết quả thựt hiện …", the "K" under a stamp's edge
    assert opening_repaired(["kết", "quả", "thực", "hiện"], [87.0, 25.0]) == ["Kết", "quả", "thực", "hiện"]
    assert opening_repaired(["tình", "hình", "thực", "hiện"], [87.0, 90.0]) == [
        "Tình",
        "hình",
        "thực",
        "hiện",
    ]


def test_a_garble_between_ve_and_viec_is_dropped() -> None:
    # seed 477 dev 010: "Về ŠY việc đề nghị …" (the stamp's pen at 0 between them) gave "Về việc việc …"
    first = "Về ŠY việc đề nghị bổ sung biên chế công chức"
    f = _stamped(first, {"ŠY": 0.0})
    assert f.value == "Về việc đề nghị bổ sung biên chế công chức và số hóa hồ sơ"
    f = _stamped(first, {"ŠY": 0.0}, labels=False)
    assert (f.value, f.confidence < SURE) == (
        "Về việc đề nghị bổ sung biên chế công chức và số hóa hồ sơ",
        True,
    )
    # REVIEW-39d H1: a number or an abbreviation read surely between them is printed, never dropped
    for printed in (
        "Về 05 việc cần triển khai ngay trong tháng",
        "Về NTM việc cần triển khai ngay trong tháng",
    ):
        f = _stamped(printed, {}, labels=False)
        assert f.value == printed + " và số hóa hồ sơ"
    f = _stamped("Về 3 việc trọng tâm cần tập trung chỉ đạo", {}, labels=False)
    assert f.value == "Về 3 việc trọng tâm cần tập trung chỉ đạo và số hóa hồ sơ"


def test_a_sure_syllable_the_corpus_never_writes_or_writes_next_to_never_there_is_relettered_in_doubt() -> (
    None
):
    # seed 479 alt 005: "SỬ DỰNG" read at 93, a sure subject wrong; seed 475 dev 009: "thựt" at 78
    value, conf = _licence("KHAI THÁC, SỬ DỰNG NƯỚC MẶT", [93.0] * 6)
    assert (value, conf < SURE) == ("Giấy phép khai thác, sử dụng nước mặt", True)
    value, conf = _subject(
        [("Về việc thựt hiện nhiệm vụ phát triển kinh tế", [93.0, 93.0, 78.0] + [93.0] * 7)]
    )
    assert (value, conf < SURE) == ("Về việc thực hiện nhiệm vụ phát triển kinh tế", True)
    # a pair written rarely that only other letters would change stands ("đầu số" is no "đủ số")
    value, conf = _subject([("Về việc công bố đầu số gọi của tỉnh", 93.0)])
    assert value == "Về việc công bố đầu số gọi của tỉnh"
    assert _subject([("Về việc sử dụng nước mặt", 93.0)]) == ("Về việc sử dụng nước mặt", 0.93)


def test_words_lost_inside_the_holder_s_name_are_the_body_s() -> None:
    # seed 479 dev 007: an incoming stamp's date over "TNHH MTV", dropped, and its "Chuyển" read "!"
    read = "Về việc cấp Giấy chứng nhận cho Công ty Thiết bị Y tế Thành Đạt!"
    holder = "Công ty TNHH MTV Thiết bị Y tế Thành Đạt"
    subject = Found((ExtractedField("subject", read, GUESSED_CONFIDENCE),))
    f = holder_restated(subject, holder, []).fields[0]
    assert (f.value, f.confidence) == (
        "Về việc cấp Giấy chứng nhận cho Công ty TNHH MTV Thiết bị Y tế Thành Đạt",
        GUESSED_CONFIDENCE,
    )
    # read surely: the subject's name stands (nothing says words were lost)
    sure = Found((ExtractedField("subject", read.rstrip("!"), 0.95),))
    assert holder_restated(sure, holder, []) == sure
    # three words lost: more than a stamp's date takes
    longer = "Công ty TNHH MTV Cổ phần Thiết bị Y tế Thành Đạt"
    assert holder_restated(subject, longer, []) == subject


def _line(texts: list[tuple[str, float, float, float]]) -> object:
    words = [Word(t, c, Box(x0, 380, x1, 416), line=0) for t, c, x0, x1 in texts]
    page = RecognizedPage(0, "ocr", 1394.0, 1972.0, " ".join(t[0] for t in texts), tuple(words))
    return make_line(page, words)


def test_a_dash_between_a_centred_line_s_words_keeps_the_words_after_it() -> None:
    # wide 601 dev 009: the line's first words under a stamp, the run centred under "BÁO CÁO" ended before
    # "- xã": "kinh tế hội quý II …"
    spec = [
        ("hiện", 96.0, 531.0, 610.0),
        ("nhiệm", 96.0, 625.0, 737.0),
        ("vụ", 96.0, 749.0, 791.0),
        ("phát", 96.0, 805.0, 888.0),
        ("triển", 96.0, 900.0, 987.0),
        ("kinh", 97.0, 1002.0, 1081.0),
        ("tế", 93.0, 1096.0, 1129.0),
        ("-", 93.0, 1143.0, 1154.0),
        ("xã", 97.0, 1168.0, 1205.0),
    ]
    part = centred_part(_line(spec), 745.0)  # type: ignore[arg-type]
    assert part is not None and part.text == "hiện nhiệm vụ phát triển kinh tế - xã"
    # a dash with no printed word after it (a stamp's, its words far off) is no word of the line's
    part = centred_part(_line([*spec[:8], ("xã", 97.0, 1400.0, 1437.0)]), 745.0)  # type: ignore[arg-type]
    assert part is not None and part.text == "hiện nhiệm vụ phát triển kinh tế"


def test_a_lone_letter_and_a_dash_read_between_a_phrase_s_words_are_specks() -> None:
    # wide 601 alt 010: "thành tích xuất Ý - sắc" (the stamp's strokes at the line's end at 63 and 84)
    from digitize.pipeline.fields.subject import specks_dropped

    def w(text: str, conf: float) -> Word:
        return Word(text, conf, Box(0, 0, 10, 10))

    words = ["có", "thành", "tích", "xuất", "Ý", "-", "sắc"]
    read = [None, None, None, w("xuất", 85.0), w("Ý", 63.0), w("-", 84.0), w("sắc", 97.0)]
    assert specks_dropped(words, read) == ["có", "thành", "tích", "xuất", "sắc"]
    # the letter read surely: as read
    read[4] = w("Ý", 90.0)
    assert specks_dropped(words, read) == words
    # a Roman numeral read unsure counts: never a speck
    words = ["báo", "cáo", "quý", "I", "năm"]
    assert specks_dropped(words, [None, None, None, w("I", 40.0), None]) == words
    # a printed dash between words alone stays
    words = ["phát", "triển", "kinh", "tế", "-", "xã", "hội"]
    assert specks_dropped(words, [None, None, None, None, w("-", 60.0), None, None]) == words


def test_a_dash_read_unsure_where_the_corpus_writes_no_mark_is_a_speck() -> None:
    # corp 811 001: "dịch vụ Internet và - thông tin" (a stamp's stroke at the line's end read as a dash, 59)
    from digitize.pipeline.fields.subject import specks_dropped

    def w(text: str, conf: float, line: int = 8) -> Word:
        return Word(text, conf, Box(0, 0, 10, 10), line=line)

    words = ["dịch", "vụ", "Internet", "và", "-", "thông", "tin"]
    read: list[Word | None] = [None, None, None, w("và", 85.0), w("-", 59.0), w("thông", 93.0, 9), None]
    assert specks_dropped(words, read) == ["dịch", "vụ", "Internet", "và", "thông", "tin"]
    # read surely: a dash printed there, as read
    read[4] = w("-", 90.0)
    assert specks_dropped(words, read) == words
    # inside a line: a dash printed between the words ("sinh - hoạt", "sinh hoạt" 1019 times), kept
    words = ["công", "tác", "sinh", "-", "hoạt", "của", "tỉnh"]
    read = [None, None, w("sinh", 95.0), w("-", 50.0), w("hoạt", 95.0), None, None]
    assert specks_dropped(words, read) == words
    # at a line's end too, a pair written side by side only now and then ("giá thị" 59 times) keeps its dash
    for text in ("giá - thị trường", "đo đạc - bản đồ"):
        words = text.split()
        at = words.index("-")
        read = [w(x, 50.0 if x == "-" else 95.0, 8 if i <= at else 9) for i, x in enumerate(words)]
        assert specks_dropped(words, read) == words
    # a pair the corpus writes with a dash between keeps it, however unsure
    words = ["phát", "triển", "kinh", "tế", "-", "xã", "hội"]
    assert specks_dropped(words, [None, None, None, None, w("-", 40.0), None, None]) == words
