"""Words inside a scanned trích yếu that lost a letter: a syllable the corpus writes beside neither neighbour
is relettered in doubt, letters added at an end only; a common word ("Tình hình") is no place's word whose
name follows; a last word a stamp garbled, dropped from the centred line, is the corpus's continuation
(issue #17)."""

from __future__ import annotations

from digitize.pipeline.fields import extract
from digitize.pipeline.fields.lines import make_line, sub_line
from digitize.pipeline.fields.result import Found
from digitize.pipeline.fields.subject import (
    GUESSED_CONFIDENCE,
    _name_word,
    cut_word_restored,
    end_garble_continued,
    relettered,
)
from digitize.pipeline.model import Box, ExtractedField, RecognizedPage, Word
from tests.pipeline.fields.test_subject_recorrect import _directive, _subject
from tests.pipeline.test_extract import BODY_C, _width, page

SURE = 0.6


def _report(text: str, confs: float | list[float]) -> tuple[str | None, float]:
    specs = _directive([(text, confs)], heading="BÁO CÁO", number="Số: 12/BC-UBND")
    f = extract([page(specs)]).fields["subject"]
    return f.value, f.confidence


def test_a_report_s_tinh_hinh_is_no_province_and_its_word_that_lost_a_letter_is_relettered_in_doubt() -> None:
    # "Tình hình hực hiện …" (87, the "t" of "thực" lost): "tình" folds to "tỉnh", whose next words are a
    # name, so "hực" was never judged: a sure subject wrong
    read = "Tình hình hực hiện công tác cải cách hành chính năm 2016"
    value, conf = _report(read, [85.0, 71.0, 87.0] + [96.0] * 9)
    assert (value, conf < SURE) == ("Tình hình thực hiện công tác cải cách hành chính năm 2016", True)
    right = "Tình hình thực hiện công tác cải cách hành chính năm 2016"
    value, conf = _report(right, [85.0, 71.0, 87.0] + [96.0] * 9)
    assert (value, conf >= SURE) == (right, True)


def test_a_place_word_is_known_by_its_tone_or_with_its_marks_lost() -> None:
    assert _name_word("tỉnh") and _name_word("TỈNH") and _name_word("tinh") and _name_word("tính")
    assert not _name_word("Tình") and not _name_word("tình")
    assert _name_word("huyện") and _name_word("xã") and not _name_word("phương") and not _name_word("quan")


def test_a_report_s_word_cut_short_after_tinh_hinh_is_put_whole_in_doubt() -> None:
    # "Tình" is no "tỉnh" whose next words are a name: "thự" (its "c" under a stamp's side) is judged
    read = Found((ExtractedField("subject", "Tình hình thự hiện công tác cải cách hành chính", 0.5),))
    f = cut_word_restored(read).fields[0]
    assert (f.value, f.confidence) == ("Tình hình thực hiện công tác cải cách hành chính", 0.5)


def test_a_word_beside_neither_neighbour_that_lost_its_first_letter_is_relettered_in_doubt() -> None:
    # seed 499 dev 001: "Về việc đẩy (50) anh (87) cải cách …", the "m" of "mạnh" lost; "việc đẩy" is no pair
    # of the corpus's either, yet "đẩy" stays (no "đã": letters dropped, not lost at an end)
    read = "Về việc đẩy anh cải cách thủ tục hành chính và số hóa hồ sơ"
    value, conf = _subject([(read, [85.0, 50.0, 50.0, 87.0] + [96.0] * 11)])
    assert (value, conf < SURE) == ("Về việc đẩy mạnh cải cách thủ tục hành chính và số hóa hồ sơ", True)


def _ended(
    tail: list[tuple[str, float]],
    conf: float = GUESSED_CONFIDENCE,
    first: str = "Về việc chấn chỉnh kỷ luật hành chính",
    last: str = "trong cơ quan nhà",
) -> str | None:
    """The subject ``first`` ``last`` ("Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà", its
    words read at 96), the ``tail`` words after ``last`` on its row, left out of the subject's line."""
    texts = [(t, 96.0) for t in last.split()] + tail
    words, x = [], 400.0
    for t, c in texts:
        words.append(Word(t, c, Box(x, 380, x + 22 * len(t), 416), line=1))
        x += 22 * len(t) + 14
    page = RecognizedPage(0, "ocr", 1394.0, 1972.0, "", ())
    above = make_line(
        page,
        [
            Word(t, 96.0, Box(300 + 80 * k, 330, 370 + 80 * k, 366), line=0)
            for k, t in enumerate(first.split())
        ],
    )
    row = make_line(page, words)
    own = [above, sub_line(row, words[: len(last.split())])]
    value = f"{first} {last}"
    subject = Found((ExtractedField("subject", value, conf),))
    f = end_garble_continued(subject, own, [above, row]).fields[0]
    assert f.confidence == conf
    return f.value


def test_a_last_word_a_stamp_garbled_is_the_one_word_the_phrase_goes_on_with() -> None:
    # seed 613 dev 001: "… trong cơ quan nhà nHDÊN" (0), the garble dropped from the centred line: "nước"
    assert _ended([("nHDÊN", 0.0)]) == "Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà nước"
    # a subject read surely, a garble read surely, a speck, a garble far off the row's end: as read
    assert _ended([("nHDÊN", 0.0)], conf=0.9) == "Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà"
    assert _ended([("nHDÊN", 70.0)]) == "Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà"
    assert _ended([("n:", 0.0)]) == "Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà"
    # a garble that looks like no word the phrase goes on with
    assert _ended([("xzkq", 0.0)]) == "Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà"


def test_a_subject_that_ends_a_phrase_gains_no_word_from_a_stamp_s_label_or_garble_beside_it() -> None:
    # an incoming stamp's "ĐẾN" or "Ngày" read faintly (20) right of a subject in doubt whose last words end a
    # phrase ("giao thông", "dịch bệnh"): no word the line lost ("… giao thông đường", "… dịch bệnh nguy")
    safety = ("Về việc bảo đảm trật tự,", "an toàn giao thông")
    epidemic = ("Về việc triển khai các biện pháp", "phòng chống dịch bệnh")
    for first, last in (safety, epidemic):
        for label in ("ĐẾN", "Ngày", "nHDÊN"):
            assert _ended([(label, 20.0)], first=first, last=last) == f"{first} {last}"
    # a stamp's label right of words that cannot end a phrase stays out too: it is no word of the line
    assert _ended([("Ngày", 20.0)]) == "Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà"
    assert _ended([("nHDÊN", 20.0)]) == "Về việc chấn chỉnh kỷ luật hành chính trong cơ quan nhà nước"


def _sharp(text: str, conf: float = 0.9, read: dict[str, float] | None = None) -> ExtractedField:
    """``text`` as a sharp page's subject (``relettered``, ``blurred=False``), each word read at 96 (or as
    ``read`` has it)."""
    page = RecognizedPage(0, "ocr", 1394.0, 1972.0, "", ())
    boxes = (Box(300 + 80 * k, 330, 370 + 80 * k, 366) for k in range(len(text.split())))
    at = read or {}
    words = [Word(t, at.get(t, 96.0), box, line=0) for t, box in zip(text.split(), boxes, strict=True)]
    own = [make_line(page, words)]
    return relettered(Found((ExtractedField("subject", text, conf),)), own, blurred=False).fields[0]


def test_a_rare_word_kept_as_read_against_the_corpus_puts_the_subject_in_doubt() -> None:
    # "voi" beside neither neighbour in the corpus, which would have "hồi" ("đàn hồi"): kept as printed (its
    # letters are no lost end's), yet a doubt: a person reads it
    f = _sharp("Về việc bảo vệ đàn voi rừng")
    assert (f.value, f.confidence) == ("Về việc bảo vệ đàn voi rừng", GUESSED_CONFIDENCE)
    # words the corpus writes beside their neighbours stay sure
    f = _sharp("Về việc tăng cường công tác phòng chống cháy rừng")
    assert (f.value, f.confidence) == ("Về việc tăng cường công tác phòng chống cháy rừng", 0.9)


def test_a_syllable_no_text_writes_that_no_word_replaces_puts_the_subject_in_doubt() -> None:
    # seed 689 alt 008: "giao thông tịp Tết Nguyên đán" of "dịp" (an incoming stamp's edge over its "d"),
    # given sure at 0.95; "tịp" is written nowhere in the corpus and "thông dịp" neither, so no replacement
    f = _sharp("Về việc bảo đảm trật tự, an toàn giao thông tịp Tết Nguyên đán", 0.95, {"tịp": 69.0})
    assert (f.value, f.confidence) == (
        "Về việc bảo đảm trật tự, an toàn giao thông tịp Tết Nguyên đán",
        GUESSED_CONFIDENCE,
    )
    # (review) a trade's own word the corpus never writes, printed and read surely, stands: sure
    for text in ("Về việc phòng chống bệnh lùn sọc đen hại lúa", "Về việc bảo vệ rừng đước ven biển"):
        f = _sharp(text, 0.95)
        assert (f.value, f.confidence) == (text, 0.95)
    # as printed: sure
    f = _sharp("Về việc bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán", 0.95)
    assert (f.value, f.confidence) == ("Về việc bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán", 0.95)


def test_a_stem_crossed_by_a_stroke_is_read_as_the_letter_it_crossed_in_doubt() -> None:
    # seed 669 dev 003: the incoming stamp's top edge through "liệu": "tài điệu" (95), "điệu" beside neither
    # neighbour in the corpus; the "đ" is the "l" with the edge's bar: "tài liệu", in doubt
    f = _sharp("Về việc đề nghị phê duyệt dự toán kinh phí số hóa tài điệu lưu trữ năm 2021")
    assert (f.value, f.confidence) == (
        "Về việc đề nghị phê duyệt dự toán kinh phí số hóa tài liệu lưu trữ năm 2021",
        GUESSED_CONFIDENCE,
    )
    # a letter other than a crossed stem's stays as printed ("đàn voi rừng": no "hồi"), in doubt
    f = _sharp("Về việc bảo vệ đàn voi rừng")
    assert (f.value, f.confidence) == ("Về việc bảo vệ đàn voi rừng", GUESSED_CONFIDENCE)


def test_a_place_word_with_its_tone_misread_or_lost_is_still_one_unless_a_common_pair_reads_it() -> None:
    # hỏi/ngã ("tĩnh"), a tone lost ("phương", "huyên"), another tone ("tình"): the place word before a name
    assert _name_word("tĩnh") and _name_word("tĩnh", "Khánh") and _name_word("phương", "Bến")
    assert _name_word("huyên", "Diên") and _name_word("Tình", "Khánh") and _name_word("tinh", "Khánh")
    # ... no place word when the word as read and the next are a common pair
    assert not _name_word("Tình", "hình") and not _name_word("phương", "án")
    assert not _name_word("tính", "toán") and not _name_word("tinh", "thần") and not _name_word("hồ", "sơ")
    assert _name_word("tỉnh", "hình")  # (as printed: the place's word whatever follows)


def _report_lines(second_at: float) -> tuple[str | None, float]:
    """A report whose subject's second line, "nông thôn mới năm 2017", opens at ``second_at``."""
    first = "Tình hình thực hiện Chương trình mục tiêu quốc gia xây"
    specs = _directive([(first, 96.0)], heading="BÁO CÁO", number="Số: 12/BC-UBND")
    at = next(k for k, s in enumerate(specs) if s[0] == first) + 1
    specs.insert(at, ("nông thôn mới năm 2017", f"x={second_at}", 96.0))
    f = extract([page(specs)]).fields["subject"]
    return f.value, f.confidence


def test_a_word_lost_at_a_centred_line_s_end_is_the_one_the_corpus_puts_between_the_lines() -> None:
    # seed 575 alt 009: "dựng" of "xây / dựng nông thôn" lost whole from the second line's start (a stamp's
    # mark over it): the line stands right of the heading's centre by the word's width; "xây nông" is
    # never written, and the corpus puts "dựng" between them
    second, lost = "nông thôn mới năm 2017", "dựng "
    off_centre = BODY_C - _width(lost + second) / 2 + _width(lost)
    value, conf = _report_lines(off_centre)
    assert (value, conf < SURE) == (
        "Tình hình thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2017",
        True,
    )
    # centred as read: no word lost at the line's start, none put there
    value, _ = _report_lines(BODY_C - _width(second) / 2)
    assert value is not None and "xây dựng" not in value
