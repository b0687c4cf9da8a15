"""The language-aware correction: tone/vowel-mark confusions fixed from context, nothing invented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from digitize.pipeline import correct
from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.pipeline.syllable import fold_placement, key, skeleton

REPO = Path(__file__).resolve().parents[2]


def _fix(text: str, conf: float = 80.0) -> str:
    words = text.split()
    return " ".join(correct.correct_words(words, [conf] * len(words)))


def test_syllable_keys_fold_tone_placement() -> None:
    assert key("hoá") == key("hóa") == "hoa1"
    assert key("Uỷ") == key("ủy") == "uy3"
    assert key("bổ") != key("bố")
    assert skeleton("Đường") == "duong"
    a, b = "Ủy ban  nhân dân tỉnh Quảng Ngãi", "UỶ BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    assert fold_placement(a) == fold_placement(b)


def test_tone_mark_confusions_fixed_in_context() -> None:
    assert _fix("bố sung một số điều") == "bổ sung một số điều"
    assert _fix("nhiệm vụ, quyên hạn") == "nhiệm vụ, quyền hạn"
    assert _fix("Căn cứ Luật Tô chức Chính phủ") == "Căn cứ Luật Tổ chức Chính phủ"
    assert _fix("theo quy định tại điểu 5") == "theo quy định tại điều 5"
    assert _fix("KT. CHỦ TỊCH PHO CHỦ TỊCH") == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"  # case kept
    assert _fix("Quyết định sô 12/QĐ-UBND") == "Quyết định số 12/QĐ-UBND"


def test_a_one_letter_syllable_is_context_for_the_word_beside_it_but_is_never_changed() -> None:
    # "CỤC THÚ Y" read "CỤC THU Y" (its acute lost on a bitonal scan): "thú y" is common, "thu y" never seen
    assert _fix("CỤC THU Y", conf=86.0) == "CỤC THÚ Y"
    assert _fix("Cục Thú y") == "Cục Thú y"
    assert _fix("điểm a khoản 2 Điều 5", conf=10.0) == "điểm a khoản 2 Điều 5"


def test_numbers_codes_and_punctuation_untouched() -> None:
    text = "ngày 08 tháng 7 năm 2019 số 286/QĐ-VKSTC, (a) 114543029355"
    assert _fix(text, conf=10.0) == text


def test_names_kept_unless_overwhelming() -> None:
    # a person's name: capitalised run, the model cannot support a change
    assert _fix("Ông Trần Hoàng Tuấn") == "Ông Trần Hoàng Tuấn"
    assert _fix("bà Nguyễn Thị Hồ") == "bà Nguyễn Thị Hồ"


@pytest.mark.parametrize(
    ("read", "want"),
    [
        # seed 363 dev 010 (a blurred photo): "Binh" at 73 kept as a place's name the model cannot know
        ("trên địa bàn tỉnh Ninh Binh", "trên địa bàn tỉnh Ninh Bình"),
        ("UBND TỈNH QUANG NAM", "UBND TỈNH QUẢNG NAM"),
        ("thành phố Ha Noi.", "thành phố Hà Nội."),
        ("tỉnh Thua Thien Hue", "tỉnh Thừa Thiên Huế"),
        # a town, no province: as read; no place word before it, or a sentence's end between: as read
        ("thành phố Hội An", "thành phố Hội An"),
        ("huyện Ninh Binh", "huyện Ninh Binh"),
        ("của tỉnh. Ninh Binh", "của tỉnh. Ninh Binh"),
        # the province's letters beginning a longer name (review 32)
        ("thành phố Hue Châu", "thành phố Hue Châu"),
        ("tỉnh Ninh Binh, Hà Nam", "tỉnh Ninh Bình, Hà Nam"),
        ("UBND TỈNH NINH BINH SỞ Y TẾ", "UBND TỈNH NINH BÌNH SỞ Y TẾ"),  # the next line's capitals after it
    ],
)
def test_a_province_s_name_after_tinh_takes_the_province_s_own_marks(read: str, want: str) -> None:
    assert _fix(read) == want


def test_sure_words_need_more_evidence() -> None:
    # the same ambiguous pair: changed when Tesseract is unsure, kept when it is sure and the context is weak
    words = ["về", "việc", "thí", "điểm"]
    assert correct.correct_words(words, [99.0] * 4) == words


def test_a_blurred_page_s_sure_words_are_judged_as_guesses() -> None:
    # seed 425 dev 004: "môi trường điện từ" for "điện tử" read at 96 on a shaken photo: a sharp page's
    # reading so sure stands (the corpus shows "điện từ"), a blurred page's marks are guesses
    from dataclasses import replace

    ws = ("trên", "môi", "trường", "điện", "từ")
    words = tuple(Word(t, 96.0, Box(10.0 * i, 0, 10.0 * i + 8, 10)) for i, t in enumerate(ws))
    sharp = RecognizedPage(0, "ocr", 100, 100, " ".join(ws), words)
    assert correct.correct(sharp).text == "trên môi trường điện từ"
    assert correct.correct(replace(sharp, blurred=True)).text == "trên môi trường điện tử"
    # a heading's or a name's capitals keep their margins on a blurred page (REVIEW-35)
    ws = ("TRƯỜNG", "TRUNG", "HỌC", "PHỔ", "THÔNG", "CHU", "VĂN", "AN")
    words = tuple(Word(t, 96.0, Box(10.0 * i, 0, 10.0 * i + 8, 10)) for i, t in enumerate(ws))
    page = RecognizedPage(0, "ocr", 100, 100, " ".join(ws), words, blurred=True)
    assert correct.correct(page).text == " ".join(ws)


def test_page_text_rebuilt_from_corrected_words() -> None:
    ws = ("Luật", "Tô", "chức", "bố", "sung")
    words = tuple(
        Word(t, 70.0, Box(10.0 * i, 0, 10.0 * i + 8, 10), line=0 if i < 3 else 1) for i, t in enumerate(ws)
    )
    page = RecognizedPage(0, "ocr", 100, 100, "Luật Tô chức\nbố sung", words)
    fixed = correct.correct(page)
    assert fixed.text == "Luật Tổ chức\nbổ sung"
    assert [w.box for w in fixed.words] == [w.box for w in words]
    text_page = RecognizedPage(0, "text", 100, 100, page.text, words)
    assert correct.correct(text_page) is text_page  # born-digital text is never changed


def test_builder_writes_tables_from_a_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a" / "text").mkdir(parents=True)
    (corpus / "syllables").mkdir()
    syllables = corpus / "syllables" / "vinlp_all-vietnamese-syllables.txt"
    syllables.write_text("bổ\nsung\nbố\n", encoding="utf-8")
    for n in range(12):
        (corpus / "a" / "text" / f"d{n}.txt").write_text("Sửa đổi, bổ sung Điều 3.\n" * 5, encoding="utf-8")
    out = tmp_path / "lm.npz"
    build = REPO / "tools" / "build_lm.py"
    subprocess.run(
        [sys.executable, str(build), str(corpus), "-o", str(out), "--holdout", "0.2"],
        check=True,
        capture_output=True,
    )
    model = correct.load.__wrapped__(out)
    assert model.count("bô3") > 0 and "bô1" in model.valid
    assert correct.correct_words(["bố", "sung"], [50.0, 90.0], model) == ["bổ", "sung"]
    with np.load(out) as z:
        assert "text" not in z.files and len(z["bi_key"]) > 0 and len(z["tri_key"]) > 0
    assert model.logp("đôi4", "<p>", "bô3") > model.logp("đôi4", "<p>", "sung0")  # "đổi, bổ"


def test_personal_names_never_changed() -> None:
    # "thanh toán" (payment) is far more common than "thanh toàn", but "Lê Thanh Toàn" is a person
    assert _fix("GIÁM ĐỐC Lê Thanh Toàn") == "GIÁM ĐỐC Lê Thanh Toàn"
    assert _fix("CHỦ TỊCH Lý Thùy Hoa", conf=30.0) == "CHỦ TỊCH Lý Thùy Hoa"


def test_a_word_between_punctuation_is_not_changed_on_frequency_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "ho" (a cough) between commas: "họ" is far more frequent in legal text, but the corpus has never
    # shown it beside these neighbours (punctuation is no evidence), so Tesseract's reading stays
    symptoms = "có biểu hiện sốt, ho, khó thở"
    assert _fix(symptoms, 96.0) == symptoms
    assert _fix(symptoms, 85.0) == symptoms
    monkeypatch.setattr(correct, "NEED_CONTEXT", False)
    assert _fix(symptoms, 85.0) != symptoms  # the check is what keeps it
    monkeypatch.undo()
    # with a word on either side the corpus has seen, the usual fixes still happen
    assert _fix("Quyết định sô 12/QĐ-UBND", 96.0) == "Quyết định số 12/QĐ-UBND"


def test_law_names_are_corrected_but_other_capitalised_runs_kept() -> None:
    # a law's name is capitalised, yet it is the corpus's own language: "Tổ tụng" is "Tố tụng"
    assert _fix("Căn cứ Luật Tổ tụng hành chính", 94.0) == "Căn cứ Luật Tố tụng hành chính"
    assert _fix("Căn cứ Luật Tố chức Chính phủ", 94.0) == "Căn cứ Luật Tổ chức Chính phủ"
    # a signer's name with a misread family name ("Lá" for "Lê"): not "Là", the run is left alone
    assert _fix("GIÁM ĐỐC Lá Thị Bích Thuận", 94.0) == "GIÁM ĐỐC Lá Thị Bích Thuận"
    # a place name the model cannot know
    assert _fix("Khu kinh tế Dung Quật và", 94.0) == "Khu kinh tế Dung Quật và"


def test_a_phrase_met_twice_is_decided_by_each_words_own_confidence() -> None:
    """Tesseract's confidence in a word is part of its decision: the same phrase read unsure is corrected,
    read sure it is kept ("vận tải biển" is common, but "biên Trường Sơn" leaves it short of x150)."""
    phrase = ["Công", "ty", "vận", "tải", "biên", "Trường", "Sơn"]
    words = [*phrase, "và", *phrase]
    confs = [97.0] * len(words)
    confs[4], confs[12] = 40.0, 99.0
    got = correct.correct_words(words, confs)
    assert (got[4], got[12]) == ("biển", "biên")
    # a correction changes its neighbours' context: they are decided together ("PHO" before "CHỦ")
    assert _fix("PHO CHU TỊCH PHO CHU TỊCH") == "PHÓ CHỦ TỊCH PHÓ CHỦ TỊCH"


def test_words_are_decided_together_beside_their_neighbours_as_corrected() -> None:
    # "CƠ SỞ" read "CƠ SỜ": word by word, "CƠ" beside the unknown "SỜ" became "CÓ" and then "SỜ" beside "CÓ"
    # became "SỐ" ("có số"); decided together, the chain "chứng nhận cơ sở an toàn" wins
    words = ["GIẦY", "CHỨNG", "NHÂN", "CƠ", "SỜ", "AN", "TOÀN"]
    got = correct.correct_words(words, [25.0, 96.0, 85.0, 97.0, 81.0, 93.0, 92.0])
    assert got == ["GIẤY", "CHỨNG", "NHẬN", "CƠ", "SỞ", "AN", "TOÀN"]


def test_trigrams_decide_where_the_word_pairs_cannot() -> None:
    # "lập tổ" and "lập tờ" are both common, "tổ công tác" is what the corpus says
    assert (
        _fix("Về việc thành lập Tố công tác triển khai", 97.0) == "Về việc thành lập Tổ công tác triển khai"
    )


def test_letter_confusions_that_leave_no_syllable() -> None:
    # a vowel read twice: no syllable "sẳản"; "sản xuất" is
    words = ["Giấy", "phép", "SẲẢN", "XUẤT", "HÓA", "CHẤT"]
    assert correct.correct_words(words, [97.0, 97.0, 50.0, 95.0, 96.0, 96.0])[2] == "SẢN"
    # the Roman numeral of a quarter, "III" read "HI": "quý III năm" (and "quý" kept, not "quy")
    words = ["kinh", "tế", "-", "xã", "hội", "quý", "HI", "năm", "2016"]
    got = correct.correct_words(words, [97.0, 97.0, 97.0, 97.0, 97.0, 93.0, 89.0, 89.0, 97.0])
    assert got[5:7] == ["quý", "III"]
    # a letter Tesseract draws alike, in a word it was unsure of: "b" for "h"
    words = ["thực", "hiện", "thủ", "tục", "bành", "chính", "trên", "môi", "trường"]
    assert correct.correct_words(words, [96.0, 96.0, 96.0, 96.0, 70.0, 96.0, 84.0, 71.0, 97.0])[4] == "hành"
    assert correct.correct_words(words, [96.0] * len(words))[4] == "bành"  # read sure: a mark, not a letter
    # a word that is a syllable keeps its letters; "HI" with nothing for a numeral stays
    assert _fix("CHÀO HI", 80.0) == "CHÀO HI"
    assert _fix("sản xuất", 30.0) == "sản xuất"


def test_a_one_letter_word_of_its_own_is_no_context_a_compound_s_letter_is() -> None:
    from digitize.pipeline.correct import correct_words

    assert correct_words(["hàng", "hóa", "bán", "ở", "chợ"], [80.0] * 5) == ["hàng", "hóa", "bán", "ở", "chợ"]
    assert correct_words(["i", "đó"], [80.0, 80.0]) == ["i", "đó"]  # a speck beside a word
    assert correct_words(["CỤC", "THU", "Y"], [80.0] * 3) == ["CỤC", "THÚ", "Y"]  # "thú y"
    assert correct_words(["ô", "tổ"], [80.0, 80.0]) == ["ô", "tô"]


def test_two_neighbours_read_right_are_not_replaced_together() -> None:
    # each word pays its x8, but the pair's trigrams ("có số nhà") made up both: a pair costs a further x8
    for text in ("hoặc cơ sở nhà, đất tại", "sắp xếp lại, xử lý cơ sở nhà, đất", "từ thế kỷ XIX, XX"):
        assert _fix(text, 85.0) == text
    # one word misread beside a right one is still fixed, and so is a pair where each word stands alone
    assert _fix("xử lý cơ sờ nhà, đất", 85.0) == "xử lý cơ sở nhà, đất"
    assert _fix("KT. CHỦ TỊCH PHO CHU TỊCH", 85.0) == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
    assert (
        _fix("Về việc thành lập Tố công tác triển khai", 85.0) == "Về việc thành lập Tổ công tác triển khai"
    )


def test_a_sure_word_is_not_replaced_on_frequency_alone() -> None:
    # conf >= 90: "đa cấp" is what the corpus shows beside "doanh", "đã cấp" is only more frequent
    for text in ("mã số kinh doanh đa cấp hoặc", "vị trí kinh doanh đa cấp, mã số"):
        assert _fix(text, 95.0) == text
    # a sure misread the corpus does not show beside its neighbours is still fixed: one context at least
    # shows its mark out of place (a photo's "thành phổ", "sắp xếp bản ghế")
    assert _fix("Căn cứ Luật Tổ tụng hành chính", 94.0) == "Căn cứ Luật Tố tụng hành chính"
    assert _fix("của UBND thành phổ tại Công", 91.0) == "của UBND thành phố tại Công"
    assert _fix("phỏng, sắp xếp bản ghế đảm bảo", 97.0) == "phỏng, sắp xếp bàn ghế đảm bảo"


def test_place_and_organ_names_after_a_place_word_are_kept() -> None:
    for text, conf in (
        ("ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH", 85.0),
        ("ỦY BAN NHÂN DÂN HUYỆN ĐẦM DƠI", 85.0),
        ("ỦY BAN NHÂN DÂN HUYỆN KIM ĐỘNG", 95.0),
        ("huyện Quang Bình, tỉnh Hà Giang", 95.0),
        ("UBND THỊ XÃ LA GI", 85.0),
        ("trụ sở tại thị trấn Chợ Mới, huyện", 85.0),
    ):
        assert _fix(text, conf) == text
    # the header's "XÃ HỘI" is no place: its misreads are still fixed; a place word ending a sentence
    # protects nothing after it
    assert _fix("CỘNG HÒA XÃ HỘI CHU NGHĨA VIỆT NAM", 85.0) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert correct._place_names(["của", "tỉnh.", "Ủy", "ban"]) == set()
    assert correct._place_names(["huyện", "Đông", "Anh,", "tỉnh", "Hà", "Giang", "Nam", "Bộ"]) == {
        1,
        2,
        4,
        5,
        6,
    }


def test_a_roman_numeral_only_after_a_word_that_counts() -> None:
    for text in ("VH và TT", "Sở VH và TT", "lĩnh vực VH, XH", "Quỹ HI"):
        assert _fix(text, 60.0) == text
    assert _fix("Quỹ HI", 95.0) == "Quỹ HI"
    assert _fix("Chương XH", 60.0) == "Chương XII"
    assert _fix("PHẦN HI", 80.0) == "PHẦN III"


def test_a_vowel_read_twice_only_in_unsure_lower_or_all_caps_words() -> None:
    for text, conf in (("ông già Noo", 95.0), ("ông già Noo", 60.0), ("chị Hoo", 95.0), ("chị Hoo", 60.0)):
        assert _fix(text, conf) == text
    # a reading the corpus never showed lends no company to its neighbours ("ông giá nợ", "chi hỗ")
    assert _fix("ông già noo", 60.0).split()[:2] == ["ông", "già"]
    assert _fix("chị hoo", 60.0).split()[0] == "chị"
    assert _fix("hồ sơ gồm baan sao", 60.0) == "hồ sơ gồm bản sao"
    assert _fix("hoặc cở sở nhà, đất tại", 60.0) == "hoặc cơ sở nhà, đất tại"
    words = ["Giấy", "phép", "SẲẢN", "XUẤT", "HÓA", "CHẤT"]
    # read surely, a word with one mark stays; "SẲẢN" has two (no syllable has: a reading of neither)
    assert correct.correct_words(words, [97.0, 97.0, 95.0, 95.0, 96.0, 96.0])[2] == "SẢN"
    words = ["Giấy", "phép", "SẢAN", "XUẤT", "HÓA", "CHẤT"]
    assert correct.correct_words(words, [97.0, 97.0, 95.0, 95.0, 96.0, 96.0])[2] == "SẢAN"  # read sure


def test_decomposed_input_gets_no_doubled_mark() -> None:
    import unicodedata

    words = [unicodedata.normalize("NFD", w) for w in ["PHÓ", "CHU", "TỊCH", "CHỦ", "TỊCH"]]
    got = correct.correct_words(words, [50.0] * len(words))
    assert all(unicodedata.is_normalized("NFC", w) for w in got if w not in words)
    assert [unicodedata.normalize("NFC", w) for w in got] == ["PHÓ", "CHỦ", "TỊCH", "CHỦ", "TỊCH"]


def test_a_page_of_garbage_is_decided_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    model = correct.load()
    rng = random.Random(3)
    amb = sorted(s for s, ks in model.frequent.items() if len(ks) >= 4 and s.isascii() and s.isalpha())
    calls = [0]
    logp = correct.Model.logp

    def counted(self: correct.Model, a: str | None, b: str, c: str) -> float:
        calls[0] += 1
        return logp(self, a, b, c)

    monkeypatch.setattr(correct.Model, "logp", counted)
    per_word = []
    for n in (300, 1200):
        calls[0] = 0
        words = [rng.choice(amb) for _ in range(n)]
        assert len(correct.correct_words(words, [10.0] * n)) == n
        per_word.append(calls[0] / n)
    assert per_word[1] < 1.5 * per_word[0]
    # the page is decided in runs of bounded length (it was one run, decided again up to ten times)
    words = [rng.choice(amb) for _ in range(600)]
    stream = [s for i in range(len(words)) for s in correct._slots(words, i, False, False, model)]
    runs = correct._clusters(stream)
    assert len(runs) > 1
    assert max(last - first for first, last in runs) < 48


def test_a_corrected_word_keeps_what_tesseract_read() -> None:
    """A field of names tells the model's guess from a reading (``Word.read``): "Dạt" read, "Đất" chosen."""
    ws = ("Luật", "Tô", "chức")
    words = tuple(Word(t, 70.0, Box(10.0 * i, 0, 10.0 * i + 8, 10)) for i, t in enumerate(ws))
    fixed = correct.correct(RecognizedPage(0, "ocr", 100, 100, "Luật Tô chức", words))
    assert [w.read for w in fixed.words] == ["", "Tô", ""]


def test_the_name_after_ong_or_ba_is_kept_also_in_capitals() -> None:
    # in capitals no family name marks a name: "ÔNG THẮNG" became "ÔNG THÁNG", "ÔNG HÀ" "ÔNG BÀ" (read at 85)
    for text in (
        "VỀ VIỆC GIẢI QUYẾT ĐƠN CỦA ÔNG THẮNG",
        "VỀ VIỆC GIẢI QUYẾT KHIẾU NẠI CỦA ÔNG HÀ",
        "VỀ VIỆC KHEN THƯỞNG ÔNG THẮNG",
        "về việc giải quyết đơn của bà Lệ",
    ):
        assert _fix(text, conf=85.0) == text
    # a word after them that names no one is still corrected ("ông bà" in lower case is no name)
    assert _fix("ông bà tổ tiên bố sung", conf=85.0) == "ông bà tổ tiên bổ sung"


def test_kin_words_after_ong_or_ba_name_no_one_and_what_follows_is_corrected() -> None:
    # "bà con" (the people) and "ông bà" are kin, not "ông"/"bà" before a name: the misreads after them in a
    # subject in capitals were kept as read (and went in at 0.94)
    assert _fix("VỀ VIỆC HỖ TRỢ BÀ CON BI THIỆT HẠI DO BÃO SỐ 3", conf=94.0) == (
        "VỀ VIỆC HỖ TRỢ BÀ CON BỊ THIỆT HẠI DO BÃO SỐ 3"
    )
    assert _fix("VỀ VIỆC HỖ TRỢ BÀ CON BỊ THIẸT HẠI DO BÃO SỐ 3", conf=94.0) == (
        "VỀ VIỆC HỖ TRỢ BÀ CON BỊ THIỆT HẠI DO BÃO SỐ 3"
    )
    assert _fix("VỀ VIỆC GIAO ĐẤT CHO ÔNG BÀ THƯỢNG TRÚ TẠI XÃ", conf=94.0) == (
        "VỀ VIỆC GIAO ĐẤT CHO ÔNG BÀ THƯỜNG TRÚ TẠI XÃ"
    )
    # the name after a lone "ông" stays
    assert _fix("VỀ VIỆC HỖ TRỢ CON ÔNG THẮNG", conf=94.0) == "VỀ VIỆC HỖ TRỢ CON ÔNG THẮNG"


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("dữ liệu dân cư nắm 2023", "dữ liệu dân cư năm 2023"),
        ("ngày 5 tháng 6 nám 2023.", "ngày 5 tháng 6 năm 2023."),
        ("KẾ HOẠCH NẮM 2024", "KẾ HOẠCH NĂM 2024"),
        ("(nằm 2020)", "(năm 2020)"),
        # a name as written, and a number that is no year, stay
        ("Việt Nam 2023", "Việt Nam 2023"),
        ("nắm 15 phần trăm", "nắm 15 phần trăm"),
    ],
)
def test_a_word_spelled_like_nam_before_a_year_is_nam_however_surely_read(read: str, want: str) -> None:
    from digitize.pipeline.correct import correct_words

    words = read.split()
    assert " ".join(correct_words(words, [96.0] * len(words))) == want


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("Công ty Cổ phần Vận tải biến Cửu Long", "Công ty Cổ phần Vận tải biển Cửu Long"),  # hỏi read sắc
        # "biến và" is written: a word the corpus shows beside a neighbour keeps a sure word's margin
        ("dịch vụ vận tải biến và", "dịch vụ vận tải biến và"),
        # "số" is far commoner, yet "sổ" was printed (review s19): no two words before it, or one beside it
        ("V/v in ấn sổ lương", "V/v in ấn sổ lương"),
        ("trả lời kiến nghị của cử tri về việc cấp sổ đỏ", "trả lời kiến nghị của cử tri về việc cấp sổ đỏ"),
        ("- Sổ hộ nghèo;", "- Sổ hộ nghèo;"),
        ("cho ông bảo được khen thưởng", "cho ông bảo được khen thưởng"),
        # a swap of other marks still needs a sure word's margin; a sắc the context wants stays
        ("Công ty vận tải biên Trường Sơn", "Công ty vận tải biên Trường Sơn"),
        ("cấp sổ hộ khẩu cho", "cấp sổ hộ khẩu cho"),
    ],
)
def test_a_hoi_read_as_a_sac_surely_is_corrected_where_the_context_wants_it(read: str, want: str) -> None:
    # the hook above and the acute are one small stroke told apart by its curl: read for each other at 95-97
    words = read.split()
    assert " ".join(correct.correct_words(words, [96.0] * len(words))) == want


@pytest.mark.parametrize(
    ("read", "want"),
    [
        # "việc để" ("công việc để …") and "để nghị" ("để Nghị quyết …") are each written, the three never:
        # "việc đề nghị" is (seed 137 blur, a tờ trình's "Về việc đề nghị …" read "để" at 93-96)
        ("Về việc để nghị điều chỉnh quy hoạch", "Về việc đề nghị điều chỉnh quy hoạch"),
        ("Về việc để nghị ban hành Quy định", "Về việc đề nghị ban hành Quy định"),
        # the phrase as read is written: it stands however common the other
        ("để bảo đảm việc để xảy ra sai sót", "để bảo đảm việc để xảy ra sai sót"),
        ("có đủ điều kiện để nghỉ hưu", "có đủ điều kiện để nghỉ hưu"),
        ("trả lời kiến nghị của cử tri về việc cấp sổ đỏ", "trả lời kiến nghị của cử tri về việc cấp sổ đỏ"),
    ],
)
def test_a_sure_word_seen_beside_each_neighbour_only_in_other_phrases_is_weighed(
    read: str, want: str
) -> None:
    words = read.split()
    assert " ".join(correct.correct_words(words, [96.0] * len(words))) == want


@pytest.mark.parametrize(
    "text",
    [
        # phrases the model lacks (it keeps trigrams seen 3 times or more) beside a common one of the same
        # skeleton: no look-alike tone mark, so no misread to weigh (review s20: all were changed at 0.96)
        "Về việc giao chỉ tiêu biên chế cho mỗi trường năm học",
        "số lượng người làm việc trong mỗi lĩnh vực",
        "tùy theo hình dáng và diện tích của lãnh thổ",
        "có tường rào, có cổng và cửa ra vào",
        "Khối trưởng, Khối phó và các thành viên",
    ],
)
def test_a_sure_word_whose_phrase_the_model_lacks_stands_unless_its_tone_mark_is_a_look_alike(
    text: str,
) -> None:
    words = text.split()
    assert " ".join(correct.correct_words(words, [96.0] * len(words))) == text


def test_a_place_led_by_a_word_some_families_bear_is_still_corrected() -> None:
    # "Đồng", "Cù", "Đường" are family names too (the signer's list has them), but they lead place names far
    # more often: the run after them is no person's name the model must leave alone
    assert _fix("quy hoạch vùng Đồng Thap Mười", 88.0) == "quy hoạch vùng Đồng Tháp Mười"
    assert _fix("hỗ trợ huyện Cù Lao Dung Tinh Sóc Trăng", 80.0) == "hỗ trợ huyện Cù Lao Dung Tỉnh Sóc Trăng"


def test_a_word_one_letter_misread_is_the_syllable_the_corpus_shows_beside_both_neighbours() -> None:
    # blurred photos (seeds 259, 261): a letter read as its look-alike, not a mark; Tesseract sure of some
    for read, want in (
        ("Về việc đề nghệ bạm hành Quy định", "Về việc đề nghị ban hành Quy định"),
        ("quản lý cụm công nghiệp trên đổa bàn tỉnh", "quản lý cụm công nghiệp trên địa bàn tỉnh"),
        ("Giấy chứng nhận tổ sở lưu trú du lịch", "Giấy chứng nhận cơ sở lưu trú du lịch"),
        ("cải cách thủ tục hành khính và số hóa", "cải cách thủ tục hành chính và số hóa"),
        ("đủ điều kiện cửa hàng bán lý xăng dầu", "đủ điều kiện cửa hàng bán lẻ xăng dầu"),
    ):
        words = read.split()
        assert " ".join(correct.relettered_words(words, [93.0] * len(words))) == want, read


def test_a_capitalised_misreading_with_a_letter_no_vietnamese_word_has_is_relettered() -> None:
    # seed 421 alt 007 (a stamp beside the line): "đủ điều kiện Sñ toàn thực phẩm" for "an toàn": a capital
    # mid-phrase is no name when the word holds a letter Vietnamese never writes ("ñ"): judged in lower case
    read = "cơ sở đủ điều kiện Sñ toàn thực phẩm nông sản"
    words = read.split()
    assert " ".join(correct.relettered_words(words, [90.0] * len(words))) == (
        "cơ sở đủ điều kiện an toàn thực phẩm nông sản"
    )
    # a name in Vietnamese letters, or a foreign one in Latin letters, stands
    for text in ("cho Công ty Samsung Display Việt Nam", "tỉnh Quảng Ngaà", "ông Nguyễn Văn Sơn"):
        words = text.split()
        assert correct.relettered_words(words, [90.0] * len(words)) == words, text


def test_a_word_garbled_with_signs_is_the_syllable_its_neighbours_leave() -> None:
    # seed 425 alt 005 (a stamp's ink through "kinh"), 423 dev 011 (a blurred photo): signs among a word's
    # letters are no reading; the one frequent syllable the corpus shows between its neighbours, of its shape
    for read, want in (
        ("Giấy phép š]qh doanh dịch vụ lữ hành quốc tế", "Giấy phép kinh doanh dịch vụ lữ hành quốc tế"),
        ("kế hoạch cải cách hành Chẳ»h năm 2018", "kế hoạch cải cách hành chính năm 2018"),
    ):
        words = read.split()
        assert " ".join(correct.relettered_words(words, [90.0] * len(words))) == want, read
    # two words written without a space, a company's name, a garble beside a line's end: kept
    for text in (
        "phát triển kinh tế-xã hội năm 2020",
        "phát triển kinh tế—xã hội năm 2020",  # an em dash
        "trên địa bàn tỉnh Bà Rịa—Vũng Tàu",
        "đồng bào Ê\u2011đê",  # a non-breaking hyphen
        "quản lý nhà nước»của ngành",  # two syllables joined by a sign
        "trật tự,an toàn giao thông",
        "Công ty TNHH Hoa#Mai",
    ):
        words = text.split()
        assert correct.relettered_words(words, [90.0] * len(words)) == words, text
    words = ["cải", "cách", "hành", "Chẳ»h"]
    assert correct.relettered_words(words, [90.0] * len(words)) == words


def test_words_read_right_are_not_relettered() -> None:
    # phrases whose words have a frequent neighbour one letter off ("kính trình" / "tính", "dân cư" / "sư",
    # "nước mặt" / "đặt"), a word not read (None) and capitals (names) are kept
    for text in (
        "Ủy ban nhân dân tỉnh Bình Dương kính trình xem xét, quyết định",
        "Về việc thu hồi đất để thực hiện dự án khu dân cư mới",
        "Giấy phép khai thác, sử dụng nước mặt cho Hợp tác xã Vận tải biển",
        "Về việc gia hạn Giấy phép kinh doanh dịch vụ lữ hành nội địa cho Công ty",
        "Việc lưu trữ, số hóa hồ sơ phải bảo đảm tính xác thực",
    ):
        words = text.split()
        assert correct.relettered_words(words, [80.0] * len(words)) == words, text
    words = ["trên", "đổa", "bàn"]
    assert correct.relettered_words(words, [90.0, None, 90.0]) == words
    words = ["tỉnh", "Quảng", "Ngaà"]
    assert correct.relettered_words(words, [90.0] * 3) == words


def test_a_blurred_photo_s_specks_between_words_are_dropped_where_the_corpus_says_so() -> None:
    # seed 259 blur: "vốn đầu tư 1 công năm 2016" (a speck read "1"), "thành _phố"
    for read, want in (
        ("giải ngân vốn đầu tư 1 công năm 2016", "giải ngân vốn đầu tư công năm 2016"),
        ("bảo vệ rừng trên địa bàn thành _phố Cần Thơ", "bảo vệ rừng trên địa bàn thành phố Cần Thơ"),
    ):
        words = read.split()
        assert " ".join(correct.relettered_words(words, [90.0] * len(words))) == want, read
    # numbers and marks the print has stand
    for text in (
        "báo cáo tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2024",
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý 1 năm 2024",
    ):
        words = text.split()
        assert correct.relettered_words(words, [90.0] * len(words)) == words, text


def test_a_syllable_read_with_two_tone_marks_is_the_one_its_neighbours_say() -> None:
    # seed 387 dev 002: "Kết qúả thực hiện …" ("qúả" at 77, a sắc and a hỏi on one syllable) was kept as read:
    # its key (the last mark's) was the word's own, so no candidate replaced it; subject SURE-WRONG at 0.96
    from digitize.pipeline.correct import correct_words

    assert correct_words(["Kết", "qúả", "thực", "hiện"], [96.0, 77.5, 90.0, 96.0])[1] == "quả"
    assert correct_words(["Kết", "qúả", "thực", "hiện"], [96.0, 96.0, 90.0, 96.0])[1] == "quả"  # read surely
    assert correct_words(["KẾT", "QÚẢ", "THỰC", "HIỆN"], [96.0, 90.0, 90.0, 96.0])[1] == "QUẢ"
    # not the key's (its last mark's) tone
    assert correct_words(["đã", "đi", "qúả", "cầu"], [96.0, 96.0, 90.0, 96.0])[2] == "qua"
    # one mark, read surely, stays as read
    assert correct_words(["Kết", "quả", "thực", "hiện"], [96.0, 96.0, 90.0, 96.0])[1] == "quả"


# ------------------------------------------------------------------ Reletter.UNSURE (a subject's words)
def _unsure(words: list[str], confs: list[float | None] | dict[str, float]) -> list[str]:
    """``relettered_words`` in mode ``UNSURE``; ``confs`` by position, or by word (each copy alike)."""
    if isinstance(confs, dict):
        by_word = confs
        confs = [by_word.get(w.strip(correct._EDGES)) for w in words]
    return correct.relettered_words(words, confs, mode=correct.Reletter.UNSURE)


def test_the_mode_says_which_words_are_relettered_and_by_what_margin() -> None:
    # the page's mode (the default) judges every word read, however surely: "nghệ", "bạm" read at 93 on a
    # blurred photo are its; the subject's mode leaves a word read so surely, and replaces one read unsure
    # between two read well that the page's mode leaves ("WSen" at 68: two letters off "trên")
    read, want = "Về việc đề nghệ bạm hành Quy định", "Về việc đề nghị ban hành Quy định"
    words = read.split()
    confs: list[float | None] = [93.0] * len(words)
    assert " ".join(correct.relettered_words(words, confs)) == want
    assert " ".join(correct.relettered_words(words, confs, mode=correct.Reletter.PAGE)) == want
    assert correct.relettered_words(words, confs, mode=correct.Reletter.UNSURE) == words
    read, want = (
        "Quy định quản lý cụm công nghiệp WSen địa bàn tỉnh",
        "Quy định quản lý cụm công nghiệp trên địa bàn tỉnh",
    )
    words = read.split()
    confs = [68.0 if w == "WSen" else 93.0 for w in words]
    assert correct.relettered_words(words, confs) == words
    assert " ".join(_unsure(words, confs)) == want


@pytest.mark.parametrize(
    ("subject", "word"),
    [
        ("Về việc xây dựng lò đốt rác thải sinh hoạt tại xã", "lò"),  # not "cơ đốt"
        ("Về việc thu gom vỏ bao thuốc bảo vệ thực vật", "vỏ"),  # not "và bao"
        ("Về việc cấm xe quá tải lưu thông trên cầu yếu", "cầu"),  # not "các yếu"
        ("Về việc hỗ trợ nuôi ong lấy mật theo chuỗi giá trị", "mật"),  # not "mẫu"
        ("Về việc phát triển cây dược liệu dưới tán rừng", "dưới"),  # not "được"
        ("Về việc cấm đánh bắt cá bằng xung điện", "cá"),  # not "xa"
        ("Về việc tổ chức chợ phiên vùng cao", "chợ"),  # not "có phiên"
    ],
)
def test_a_right_subject_with_an_ordinary_word_read_at_62_is_left_as_it_is(subject: str, word: str) -> None:
    words = subject.split()
    assert _unsure(words, [62.0 if w == word else None for w in words]) == words


@pytest.mark.parametrize(
    ("subject", "word"),
    [("Về việc ứng dụng hệ thống GIS trong quản lý", "GIS"), ("Về việc hỗ trợ các HTX nông nghiệp", "HTX")],
)
def test_a_word_in_capitals_is_never_repaired_however_unsure(subject: str, word: str) -> None:
    words = subject.split()
    for conf in (10.0, 40.0, 65.0):
        assert _unsure(words, [conf if w == word else None for w in words]) == words


def test_a_word_that_is_no_syllable_read_unsure_may_be_two_letters_off() -> None:
    # a blurred photo's "lý" read "IV" (23), "trên" read "WSen" (68) (seed 519 dev 010)
    words = ["Quy", "định", "quản", "IV", "cụm", "công", "nghiệp", "WSen", "địa", "bàn", "tỉnh"]
    assert " ".join(_unsure(words, {"IV": 23.0, "WSen": 68.0})) == (
        "Quy định quản lý cụm công nghiệp trên địa bàn tỉnh"
    )


@pytest.mark.parametrize(
    ("subject", "word", "confs"),
    [
        ("hỗ trợ ngư dân đóng mới tàu cá", "ngư", (10.0, 30.0, 45.0)),  # not "người dân"
        ("phòng chống sâu keo mùa thu hại ngô", "keo", (30.0, 45.0, 49.0)),  # not "sâu vào"
        ("tổ chức đêm nhạc gây quỹ", "đêm", (30.0, 45.0)),  # not "diễn nhạc"
    ],
)
def test_a_frequent_syllable_read_very_unsure_is_not_taken_two_letters_off(
    subject: str, word: str, confs: tuple[float, ...]
) -> None:
    # a review of subjgar: letting a frequent syllable read below ``VERY_UNSURE`` be two letters off its own
    # (``far``, for "thực lên" of "thực hiện", seed 901 dev 011) turned these right subjects wrong; only a
    # word that is no syllable may be two letters off
    words = subject.split()
    for conf in confs:
        assert _unsure(words, [conf if w == word else 93.0 for w in words]) == words, conf


@pytest.mark.parametrize(
    "subject",
    [
        "Về việc đề nghị điều chỉnh quy hoạch sử dụng đất đến năm 2030",
        "Về việc tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh",
        "Báo cáo tình hình thực hiện nhiệm vụ quý IV năm 2023",
        "Về việc ban hành Quy chế quản lý vốn ODA của tỉnh",
        "Về việc triển khai thi hành Luật sửa đổi, bổ sung một số điều của luật đất đai",
        "Về việc cho phép thành lập hội bảo trợ người khuyết tật và trẻ mồ côi",
        "Kế hoạch tổ chức lễ kỷ niệm ngày thành lập ngành y tế",
        "Về việc giao chỉ tiêu tuyển sinh vào lớp 10 trung học phổ thông",
    ],
)
def test_a_subject_read_right_is_left_as_it_is_whichever_word_was_read_unsure(subject: str) -> None:
    words = subject.split()
    for w in words:
        assert _unsure(words, {w.strip(",."): 0.0}) == words


def test_a_word_read_unsure_after_a_comma_is_judged_after_the_mark() -> None:
    # seed 637 dev 001: "chữa" lost its "c" under a stamp's stroke, read "hứa" at 58 after "cháy," (85): the
    # corpus goes on "cháy, chữa cháy" and never "hứa cháy"; the word after a comma was never judged
    read = "Về việc tăng cường công tác phòng cháy, hứa cháy trên địa bàn tỉnh Hà Giang"
    words = read.split(" ")
    assert " ".join(_unsure(words, {"hứa": 57.6, "cháy": 85.0})) == (
        "Về việc tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh Hà Giang"
    )
    # a list read right stands whichever of its words was read unsure
    for subject in (
        "Kết quả công tác phòng, chống tham nhũng quý III năm 2017",
        "Về việc chấn chỉnh kỷ luật, kỷ cương hành chính trong cơ quan nhà nước",
        "Về việc tổ chức lễ hội, hội chợ thương mại năm 2024",
    ):
        words = subject.split()
        for w in words:
            assert _unsure(words, {w.strip(",."): 0.0}) == words
    # a syllable on a list read unsure stands unless the model prefers another by far: "tủ" at 40 after "ghế,"
    # is not "tử" (which the corpus prefers there, not by far)
    words = ["Về", "việc", "mua", "sắm", "bàn,", "ghế,", "tủ", "cho", "trường", "học"]
    assert _unsure(words, {"tủ": 40.0}) == words


def test_numerals_quoted_titles_and_names_are_never_repaired() -> None:
    words = ["kết", "quả", "quý", "IV", "của", "huyện"]
    assert _unsure(words, {"IV": 10.0}) == words
    words = ["thực", "hiện", "“Tháng", "hành", "động", "vì", "trẻ", "em”", "năm", "nay"]
    assert _unsure(words, {"hành": 10.0, "động": 10.0}) == words


def test_a_foreign_letter_in_a_word_joined_by_a_slash_is_corrected() -> None:
    # corp 813 004: "Ban đại diện quÿ/Hội đồng quản trị" ("ÿ" no Vietnamese letter; the slash kept the word
    # from the model)
    words = ["danh", "sách", "Ban", "đại", "diện", "quÿ/Hội", "đồng", "quản", "trị"]
    got = correct.correct_words(words, [71.0] * len(words))
    assert got == ["danh", "sách", "Ban", "đại", "diện", "quỹ/Hội", "đồng", "quản", "trị"]
    assert correct.correct_words(["doanh", "nghiệp/Mã", "số"], [90.0] * 3) == ["doanh", "nghiệp/Mã", "số"]
    # a code notation's parts in capitals, a heading's words in capitals: no word to split and judge (the
    # model made "CT/TỪ", "KH/DỰ", "NĐ/BỘ" of them, "ngày" of "ngay" beside them): kept as read
    for text in (
        "Chỉ thị số 05- CT/TU của Ban",
        "Số: 12- KH/ĐU ngày",
        "số 05 NĐ/BO của",
        "BÁO/CÁO ngày",
        "TỜ/TRÌNH",
    ):
        words = text.split()
        assert correct.correct_words(words, [96.0] * len(words)) == words


def test_a_roman_numeral_read_as_strokes_after_quy_is_read_so() -> None:
    # alt 525 002: "phòng, chống tham nhũng quý 1L. năm 2018" (at 22) of "quý II"
    words = ["chống", "tham", "nhũng", "quý", "1L.", "năm", "2018"]
    assert correct.correct_words(words, [22.0] * len(words))[4] == "II."
    words = ["chống", "tham", "nhũng", "quý", "Il", "năm", "2018"]
    assert correct.correct_words(words, [22.0] * len(words))[4] == "II"
    # a number as read stays, as does a stroke alone ("1" as likely as "I"), and after a word a number follows
    for text in ("quý 1 năm", "quý l năm", "khoản 1l của", "Điều 1l của"):
        words = text.split()
        assert correct.correct_words(words, [22.0] * 3) == words
    # no letter's stroke among them (digits and rules: "1|", "||", "1!"), a road's "đoạn", a company's "cổ
    # phần": kept, however sure or unsure
    for text in ("quý 1| năm", "quý || năm", "phần 1! của", "đoạn 1l đường", "cổ phần IL Việt"):
        words = text.split()
        for conf in (22.0, 96.0):
            assert correct.correct_words(words, [conf] * len(words)) == words
    assert correct.correct_words(["giai", "đoạn", "1l", "của"], [96.0] * 4)[2] == "II"
    # the numeral a guess: the page's word judged in doubt (a field made of it goes to review)
    page = RecognizedPage(
        0,
        "ocr",
        1000.0,
        1000.0,
        "",
        words=tuple(Word(t, 96.0, Box(0, 0, 10, 10)) for t in ("báo", "cáo", "quý", "1L", "năm")),
    )
    got = correct.correct(page).words[3]
    assert got.text == "II" and got.conf == correct.NUMERAL_GUESS_CONF < 60.0


def test_a_letter_no_vietnamese_word_is_written_with_is_read_as_its_look_alike() -> None:
    # "ÿ", "ü": a mark no Vietnamese letter has (dropped with the skeleton); "ð", "ø": another alphabet's
    # letters drawn as "đ", "o" (``_LOOKALIKE_LETTERS``); a foreign name in a name's run stays as written
    words = ["quyền", "sử", "dụng", "ðất", "và", "cơ", "sø", "giáo", "dục"]
    assert correct.correct_words(words, [95.0] * len(words)) == [
        "quyền",
        "sử",
        "dụng",
        "đất",
        "và",
        "cơ",
        "sở",
        "giáo",
        "dục",
    ]
    words = ["Ban", "đại", "diện", "quÿ", "đầu", "tư"]
    assert correct.correct_words(words, [96.0] * len(words)) == ["Ban", "đại", "diện", "quỹ", "đầu", "tư"]
    words = ["ông", "José", "Müller"]
    assert correct.correct_words(words, [96.0] * len(words)) == words


def test_known_place_compares_a_name_s_marks() -> None:
    assert correct.known_place("Lục", "Ngạn,")
    assert not correct.known_place("Lục", "Ngân")
