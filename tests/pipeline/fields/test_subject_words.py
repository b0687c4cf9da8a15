"""The words inside a scanned trích yếu: one no reading gives (read at next to no confidence, a symbol glued
to its letters, a stray letter, a last word the corpus never shows after the one before it, a capital read
unsure inside the sentence) leaves the subject in doubt; a speck inside a word, a symbol for a letter and a
province's name one word misread are put right, in doubt (issue #17)."""

from __future__ import annotations

from dataclasses import replace

from digitize.pipeline.fields import extract
from digitize.pipeline.fields.subject import recorrect_words
from tests.pipeline.fields.test_subject_recorrect import _directive, _subject
from tests.pipeline.test_extract import header, page, signer


def _licence(line: str, confs: list[float], heading: str = "GIẤY PHÉP") -> tuple[str | None, float]:
    specs = _directive([(line, confs)], heading=heading, number="Số: 12/GP-UBND")
    f = extract([page(specs)]).fields["subject"]
    return f.value, f.confidence


def test_a_word_read_at_next_to_no_confidence_leaves_the_subject_in_doubt() -> None:
    # a seal over "thiên tai": "thiên" at 21, the line's mean still 0.9 (seed 287's "hậu quả g thiên. 6")
    text = "Về việc phân bổ kinh phí hỗ trợ khắc phục hậu quả thiên tai"
    value, conf = _subject([(text, [97.0] * 12 + [21.0, 96.0])])
    assert value is not None and conf < 0.6
    text = "Về việc phân bổ kinh phí hỗ trợ khắc phục hậu quả thiên tai"
    value, conf = _subject([(text, [97.0] * 12 + [36.0, 96.0])])
    assert value == text
    assert conf >= 0.6


def test_a_stray_letter_leaves_the_subject_in_doubt() -> None:
    value, conf = _subject([("Về việc phân bổ kinh phí hỗ trợ khắc phục hậu quả g thiên tai", 96.0)])
    assert value is not None and conf < 0.6


def test_a_symbol_read_for_a_letter_is_that_letter_in_doubt() -> None:
    first = "Về việc đẩy mạnh cải cách thủ tục hành chính và"
    value, conf = _subject([(first, 96.0), ("$ố hóa hồ sơ", 92.0)])
    assert value == first + " số hóa hồ sơ"
    assert conf < 0.6
    assert _subject([(first, 96.0), ("số hóa hồ sơ", 92.0)])[1] >= 0.6


def test_a_quote_read_between_two_syllables_is_taken_out_in_doubt() -> None:
    line = "CƠ SỞ“ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM NÔNG SẢN"
    confs = [85.0, 72.0, 88.0, 92.0, 93.0, 92.0, 81.0, 93.0, 91.0, 84.0]
    value, conf = _licence(line, confs, "GIẤY CHỨNG NHẬN")
    assert value == "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông sản"
    assert conf < 0.6


def test_two_words_run_together_over_a_symbol_for_the_second_s_letter_are_two_words_in_doubt() -> None:
    # seed 669 alt 013: "CƠ SỞ LƯU TRÚ …" read "cò$ở" (32) "LƯU" …: a speck over the space and the "S", the
    # "Ơ" blurred with them; "cơ" the one head the corpus goes on with beside "nhận" and "sở" by far
    line = "cò$ở LƯU TRÚ DU LỊCH ĐẠT TIÊU CHUẨN"
    value, conf = _licence(line, [32.0, 92.0, 92.0, 92.0, 90.0, 93.0, 89.0, 91.0], "GIẤY CHỨNG NHẬN")
    assert (value, conf < 0.6) == ("Giấy chứng nhận cơ sở lưu trú du lịch đạt tiêu chuẩn", True)
    # no syllable after the symbol's letter: as read, in doubt
    value, conf = _licence(
        "cò$ẻ LƯU TRÚ DU LỊCH ĐẠT TIÊU CHUẨN",
        [32.0, 92.0, 92.0, 92.0, 90.0, 93.0, 89.0, 91.0],
        "GIẤY CHỨNG NHẬN",
    )
    assert (value, conf < 0.6) == ("Giấy chứng nhận cò$ẻ lưu trú du lịch đạt tiêu chuẩn", True)


def test_a_last_word_the_corpus_never_shows_after_the_one_before_leaves_the_subject_in_doubt() -> None:
    # "RƯỢU" read "RỰC" at 91 (a title in capitals is read at 91-93 word by word)
    value, conf = _licence("KINH DOANH BÁN LẺ SẢN PHẨM RỰC", [93.0, 92.0, 91.0, 93.0, 93.0, 93.0, 91.0])
    assert value == "Giấy phép kinh doanh bán lẻ sản phẩm rực"
    assert conf < 0.6
    value, conf = _licence("KINH DOANH BÁN LẺ SẢN PHẨM RƯỢU", [93.0, 92.0, 91.0, 93.0, 93.0, 93.0, 91.0])
    assert value == "Giấy phép kinh doanh bán lẻ sản phẩm rượu"
    assert conf >= 0.6


def test_a_capital_read_unsure_inside_the_sentence_leaves_the_subject_in_doubt() -> None:
    # "kinh tế - xã hội" with its dash lost, "xã" read "Xã" at 62 at the line's end
    text = "Kết quả thực hiện nhiệm vụ phát triển kinh tế Xã hội quý III năm 2020"
    words = text.split()
    confs: list[float | None] = [96.0] * len(words)
    confs[10] = 62.0
    assert recorrect_words(words, confs)[1]
    confs[10] = 93.0
    assert recorrect_words(words, confs) == (words, False)


def test_a_capital_whose_letter_the_corrector_replaced_is_the_common_word_in_small_letters() -> None:
    # "hồ" read "Bồ" (62), the page's corrector made it "Hồ" (a family name): its capital is no evidence
    text = "Về việc đẩy mạnh cải cách thủ tục hành chính và số hóa Hồ sơ"
    words = text.split()
    confs: list[float | None] = [96.0] * len(words)
    confs[13] = 62.0
    misread = [i == 13 for i in range(len(words))]
    out, doubtful = recorrect_words(words, confs, None, misread)
    assert out[13] == "hồ" and doubtful
    # read so by Tesseract, the capital stays (a name, "triển khai Đề án"), in doubt
    out, doubtful = recorrect_words(words, confs)
    assert out == words and doubtful


def _placed(lines: list[tuple[str, float | list[float]]], place: str) -> tuple[str | None, float]:
    date = f"{place}, ngày 15 tháng 6 năm 2021"
    head = header(parent=None, organ=("ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"), number="Số: 41/CT-UBND", date=date)
    body = [("CHỈ THỊ", "center", 95.0), *((t, "center", c) for t, c in lines), ("", "center", 90.0)]
    specs = head + body + signer(("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), "Tăng Kim Nguyệt")
    f = extract([page(specs)]).fields["subject"]
    return f.value, f.confidence


def test_a_province_one_word_misread_is_the_document_s_province_in_doubt() -> None:
    # seed 287 blur dev 008: "Giang" read "Cang" at 41; the date line's place is "Hà Giang"
    first = "Về việc tăng cường công tác phòng cháy, chữa cháy trên địa bàn"
    value, conf = _placed([(first, 93.0), ("tỉnh Hà Cang", [90.0, 72.0, 41.0])], "Hà Giang")
    assert value == first + " tỉnh Hà Giang"
    assert conf < 0.6
    # read surely, or another province's place: the name stays as read
    assert _placed([(first, 93.0), ("tỉnh Hà Cang", 93.0)], "Hà Giang")[0] == first + " tỉnh Hà Cang"
    value = _placed([(first, 93.0), ("tỉnh Hà Cang", [90.0, 72.0, 41.0])], "Yên Bái")[0]
    assert value == first + " tỉnh Hà Cang"


def test_a_province_word_read_unsure_as_its_head_is_the_document_s_province_in_doubt() -> None:
    # seed 905 dev 010: "Quảng Ninh" read "Qu" (47) "Định" (50) under a stamp; the date line's place is it
    first = "Về việc đề nghị ban hành Quy định quản lý cụm công nghiệp trên địa bàn"
    value, conf = _placed([(first, 93.0), ("tỉnh Qu Định", [93.0, 47.0, 50.0])], "Quảng Ninh")
    assert value == first + " tỉnh Quảng Ninh"
    assert conf < 0.6
    # another province's place: as read
    assert (
        _placed([(first, 93.0), ("tỉnh Qu Định", [93.0, 47.0, 50.0])], "Hà Giang")[0]
        == first + " tỉnh Qu Định"
    )


def test_a_text_layer_s_subject_words_are_as_written() -> None:
    first = "Về việc đẩy mạnh cải cách thủ tục hành chính và"
    p = replace(page(_directive([(first, 96.0), ("$ố hóa hồ sơ", 92.0)])), source="text")
    f = extract([p]).fields["subject"]
    assert f.value == first + " $ố hóa hồ sơ"


def test_a_blurred_photo_s_first_word_one_letter_misread_is_relettered_in_doubt() -> None:
    # seed 297 blur dev 002: "Kế quả kiểm tra …" (33) for "Kết quả": its capital only opens the sentence
    text = "Kế quả kiểm tra công tác văn thư, lưu trữ năm 2021"
    specs = _directive([(text, [33.0] + [93.0] * 11)], heading="BÁO CÁO", number="Số: 12/BC-UBND")
    f = extract([replace(page(specs), blurred=True)]).fields["subject"]
    assert f.value == "Kết quả kiểm tra công tác văn thư, lưu trữ năm 2021"
    assert f.confidence < 0.6
    # a first word read right keeps its capital
    right = "Kết quả kiểm tra công tác văn thư, lưu trữ năm 2021"
    specs = _directive([(right, 93.0)], heading="BÁO CÁO", number="Số: 12/BC-UBND")
    assert extract([replace(page(specs), blurred=True)]).fields["subject"].value == right


def test_a_title_s_last_word_garbled_under_a_stamp_is_the_one_word_the_phrase_goes_on_with_in_doubt() -> None:
    # an incoming stamp's "ĐẾN" over "TÔ" (seed 467 dev 005: "Ô È" at 40), its box's edge through "Ô TÔ" with
    # its "Số:" after it (seed 469 dev 012: "ÔT" at 87, "SẼ" at 48): "xe ô" goes on with "tô" only
    want = "Giấy phép kinh doanh vận tải bằng xe ô tô"
    value, conf = _licence("KINH DOANH VẬN TẢI BẰNG XE Ô È", [93.0] * 7 + [40.0])
    assert (value, conf < 0.6) == (want, True)
    value, conf = _licence("KINH DOANH VẬN TẢI BẰNG XE ÔT SẼ", [93.0] * 6 + [87.0, 48.0])
    assert (value, conf < 0.6) == (want, True)
    # read right: as read, and sure
    value, conf = _licence("KINH DOANH VẬN TẢI BẰNG XE Ô TÔ", [93.0] * 8)
    assert (value, conf >= 0.6) == (want, True)
    # where the phrase goes on many ways ("sử dụng nước sạch", "… thải", "… ngoài") the garble stays, in doubt
    value, conf = _licence("KHAI THÁC, SỬ DỤNG NƯỚC È", [93.0] * 5 + [40.0])
    assert value == "Giấy phép khai thác, sử dụng nước è"
    assert conf < 0.6


def test_a_garbled_run_inside_the_subject_is_the_phrase_the_words_before_it_go_on_with_in_doubt() -> None:
    # seed 467 dev 009: "cải cách hàn (0) thiẩh/ (29) ó4 (64)" under a stamp, "năm 2021" on the next line
    first = "Tình hình thực hiện công tác cải cách hàn thiẩh/ ó4"
    value, conf = _subject([(first, [96.0] * 8 + [0.0, 29.0, 64.0]), ("năm 2021", 97.0)])
    assert value == "Tình hình thực hiện công tác cải cách hành chính năm 2021"
    assert conf < 0.6
    # seed 469 alt 011: "nhu" read "su" at 14 between "đề xuất" and "cầu"
    text = "Về việc rà soát, đề xuất su cầu đào tạo, bồi dưỡng cán bộ năm 2016"
    confs = [96.0] * len(text.split())
    confs[6] = 14.0
    value, conf = _subject([(text, confs)])
    assert value == "Về việc rà soát, đề xuất nhu cầu đào tạo, bồi dưỡng cán bộ năm 2016"
    assert conf < 0.6
    # after a company's word the words are a name: kept as read
    text = "Về việc cấp phép cho Công ty TNHH Hàn Thiên"
    confs = [96.0] * len(text.split())
    confs[-2] = 30.0
    assert _subject([(text, confs)])[0] == text


def _one_low(text: str, k: int, c: float) -> tuple[str | None, float]:
    confs = [96.0] * len(text.split())
    confs[k] = c
    return _subject([(text, confs)])


def test_a_loanword_read_below_sure_is_no_garble_and_stays_as_read() -> None:
    # a word of plain letters, four or more, no Vietnamese marks and no digit or sign glued to it, is a
    # loanword ("photocopy", "online", "container"): OCR reads those below 90; the corpus's continuation
    # ("máy chiếu", "hệ thống ống", "xe chuyên") must not be put for them nor the subject put in doubt
    for c in (60.0, 85.0):
        text = "Về việc mua sắm máy photocopy cho văn phòng"
        value, conf = _one_low(text, 5, c)
        assert (value, conf >= 0.6) == (text, True)
    for text, k in (
        ("Về việc nâng cấp hệ thống online", 6),
        ("Về việc vận chuyển hàng hóa bằng xe container", 8),
        ("Về việc quản lý trò chơi điện tử game trực tuyến", 8),
        ("Về việc nâng cấp hệ thống camera giám sát", 6),
        ("Về việc lắp đặt camera giám sát giao thông", 4),
    ):
        value, conf = _one_low(text, k, 80.0 if "container" not in text else 89.0)
        assert (value, conf >= 0.6) == (text, True)


def test_a_word_read_low_is_kept_where_nothing_like_it_goes_on_the_phrase() -> None:
    # "lắp" read at 45 beside "đặt": a pair the corpus knows, kept (not "lần đặt")
    text = "Về việc cấp phép lắp đặt trạm biến áp"
    assert _one_low(text, 4, 45.0)[0] == text
    # "website" read at 45: no continuation of "xây dựng trang" looks like it ("trên"): as read
    text = "Về việc xây dựng trang website"
    assert _one_low(text, 5, 45.0)[0] == text


def test_a_right_word_read_unsure_the_corpus_has_beside_neither_neighbour_stays_as_read() -> None:
    # a syllable of two letters or more the corpus knows, read between 20 and 50, is a word read unsure, not
    # a garble: the administrative corpus never having it beside its neighbours is no evidence against it
    # ("đêm" was made "diễn", "đêm hội" "đại hội", "thi gói bánh" "thi và bánh")
    for text, k in (
        ("Về việc tổ chức đêm nhạc gây quỹ", 4),
        ("Về việc tổ chức đêm hội trăng rằm", 4),
        ("Về việc tổ chức hội thi gói bánh chưng", 6),
    ):
        for c in (30.0, 45.0):
            value, conf = _one_low(text, k, c)
            assert value == text
            assert conf < 0.6  # (read unsure: still in doubt)


def _dash_dropped(first: str, dropped: bool = True) -> tuple[str | None, float]:
    """The directive's subject with its first line ``first`` and, ``dropped``, its lone dash not read (the
    words about it where they were printed: a wide space between them)."""
    base = page(_directive([(first, 96.0), ("năm 2024", 96.0)]))
    words = tuple(w for w in base.words if not (dropped and w.text == "-"))
    f = extract([replace(base, words=words)]).fields["subject"]
    return f.value, f.confidence


def test_a_spaced_dash_lost_between_words_the_corpus_writes_with_one_is_put_back_in_doubt() -> None:
    # "kinh tế - xã hội" with its dash dropped (the stamp's pass drops a dash read below 50): the space left
    # after "tế" holds a dash, and the corpus writes "tế" and "xã" with a mark between (seed 465 dev 009)
    first = "Về việc triển khai kế hoạch phát triển kinh tế - xã hội"
    value, conf = _dash_dropped(first)
    assert (value, conf < 0.6) == (first + " năm 2024", True)
    value, conf = _dash_dropped(first, dropped=False)
    assert (value, conf >= 0.6) == (first + " năm 2024", True)
    # the same words with a word's space between them, as some write it: as read
    value, conf = _dash_dropped("Về việc triển khai kế hoạch phát triển kinh tế xã hội")
    assert value == "Về việc triển khai kế hoạch phát triển kinh tế xã hội năm 2024"
    # a wide space between words the corpus writes as one phrase ("dân cư"): no dash
    value, conf = _dash_dropped("Về việc triển khai ứng dụng dữ liệu dân - cư")
    assert value is None or "-" not in value


def test_a_word_whose_last_letters_were_cut_off_is_the_syllable_both_its_neighbours_choose_in_doubt() -> None:
    # "hành chính" read "hành chí" (97) under an incoming stamp's box, "năm 2020" after it; the corpus
    # shows "chí" neither after "hành" nor before "năm", "chính" beside both (seed 449 dev 009)
    first = "Về việc đẩy mạnh công tác cải cách hành chí"
    value, conf = _subject([(first, 97.0), ("năm 2020", [97.0, 40.0])])
    assert (value, conf < 0.6) == ("Về việc đẩy mạnh công tác cải cách hành chính năm 2020", True)
    # read so on a subject in no doubt otherwise: as read, in doubt (nothing else says a cut took letters)
    value, conf = _subject([(first, 97.0), ("năm 2020", 97.0)])
    assert (value, conf < 0.6) == ("Về việc đẩy mạnh công tác cải cách hành chí năm 2020", True)
    # a word the corpus shows beside its neighbours stays as read ("cải cách hành chính năm 2020")
    value, conf = _subject(
        [("Về việc đẩy mạnh công tác cải cách hành chính", 97.0), ("năm 2020", [97.0, 40.0])]
    )
    assert (value, conf < 0.6) == ("Về việc đẩy mạnh công tác cải cách hành chính năm 2020", True)


def test_a_wide_space_between_words_the_corpus_writes_with_a_comma_gets_no_dash() -> None:
    # the language model's one class for any mark counts "sửa đổi, bổ sung" and "chức năng, nhiệm vụ" as
    # marked pairs: a comma (or a speck) dropped between them leaves a wide space but no dash was there;
    # only pairs the corpus writes with a dash get one back ("kinh tế - xã hội", above)
    for first, mark in (
        ("Về việc sửa đổi , bổ sung quy chế làm việc của cơ quan", ","),
        ("Về việc quy định chức năng ' nhiệm vụ của phòng y tế", "'"),
        ("Về việc hỗ trợ tổ chức , cá nhân bị ảnh hưởng", ","),
    ):
        base = page(_directive([(first, 96.0), ("năm 2024", 96.0)]))
        words = tuple(w for w in base.words if w.text != mark)
        f = extract([replace(base, words=words)]).fields["subject"]
        assert f.value is None or " - " not in f.value, (first, f.value)


def test_a_capital_read_surely_the_corpus_shows_beside_neither_neighbour_is_in_doubt() -> None:
    # seed 903 dev 003: "tài liệu" read "tài Hiệu" at 93 (a stamp's stroke over the "l"), given at 0.89
    first = "Về việc đề nghị phê duyệt dự toán kinh phí số hóa"
    value, conf = _subject([(first, 96.0), ("tài Hiệu lưu trữ năm 2023", 93.0)])
    assert value == first + " tài Hiệu lưu trữ năm 2023"
    assert conf < 0.6
    assert _subject([(first, 96.0), ("tài liệu lưu trữ năm 2023", 93.0)])[1] >= 0.6
    # a title's capital beside its words, and a name after a place's word, stand
    for text in (
        "Về việc phê duyệt Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2016",
        "Về việc tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh Huế",
    ):
        value, conf = _subject([(text, 95.0)])
        assert (value, conf >= 0.6) == (text, True)


def test_a_subject_ending_on_one_capital_letter_is_in_doubt() -> None:
    # seed 869 corp 007: "… hai thành viên Y" (the last line "tế Kỳ Anh" lost), given at 0.95
    first = "Về việc cấp Giấy chứng nhận hợp quy cho Công ty trách nhiệm hữu hạn"
    value, conf = _subject([(first, 96.0), ("hai thành viên Y", 96.0)])
    assert value == first + " hai thành viên Y"
    assert conf < 0.6
    assert _subject([(first, 96.0), ("hai thành viên Y tế Kỳ Anh", 96.0)])[1] >= 0.6
    # a Roman numeral after a word that numbers ends a title
    text = "Về việc tổ chức Hội nghị Ban Chấp hành khóa X"
    assert _subject([(text, 95.0)]) == (text, _subject([(text, 95.0)])[1])
    assert _subject([(text, 95.0)])[1] >= 0.6


def test_a_subject_ending_on_a_letter_label_stays_sure() -> None:
    # session 53's review: a letter label after its word, or a Roman numeral, ends a title
    for text in (
        "Về việc tổ chức tiêm vắc xin phòng viêm gan B",
        "Về việc cấp giấy phép lái xe hạng B",
        "Về việc bổ sung Phụ lục I",
        "Về việc ban hành danh mục nhóm A",
        "Về việc xếp hạng di tích loại A",
        "Về việc giao đất xây dựng khu A",
        "Về việc tuyển sinh lớp 10 khối A",
        "Về việc thanh tra đối với Công ty X",
    ):
        value, conf = _subject([(text, 95.0)])
        assert (value, conf >= 0.6) == (text, True)


def test_a_word_read_unsure_the_corpus_shows_beside_neither_neighbour_as_a_phrase_is_in_doubt() -> None:
    # session 52's review: "triển khai thực lên (45) kế hoạch" for "thực hiện" was given at 0.92
    text = "Về việc triển khai thực lên kế hoạch phát triển kinh tế năm 2021"
    confs = [96.0] * 5 + [45.0] + [96.0] * 8
    value, conf = _subject([(text, confs)])
    assert value == text
    assert conf < 0.6
    # a right word read as unsure, in its phrase, stands
    right = "Về việc triển khai thực hiện kế hoạch phát triển kinh tế năm 2021"
    assert _subject([(right, confs)]) == (right, _subject([(right, confs)])[1])
    assert _subject([(right, confs)])[1] >= 0.6
    # beside a number or a name: no evidence against it (session 53's review)
    for text, word in (
        ("Về việc tổ chức các hoạt động mừng Xuân Giáp Thìn năm 2024", "năm"),
        ("Về việc khắc phục hậu quả thiệt hại do ảnh hưởng bởi bão Yagi", "bão"),
    ):
        confs = [96.0] * len(text.split())
        confs[text.split().index(word)] = 45.0
        value, conf = _subject([(text, confs)])
        assert (value, conf >= 0.6) == (text, True), (text, conf)


def test_a_dash_lost_beside_a_word_read_again_narrower_is_put_back_in_doubt() -> None:
    # seed 683 dev 009: the stamp's pass read "tế" again with a box narrower than its ink and lost the dash
    # under the box's side: the space after "tế" 4.4 times the line's usual one, under 2 word heights (no
    # word lost there): "kinh tế - xã hội", in doubt (it was taken surely without its dash)
    first = "Về việc triển khai kế hoạch phát triển kinh tế - xã hội"
    base = page(_directive([(first, 96.0), ("năm 2024", 96.0)]))
    row = sorted((w for w in base.words if w.line == 7), key=lambda w: w.box.x0)
    assert " ".join(w.text for w in row) == first
    x, placed = row[0].box.x0, {}
    for w in row:
        if w.text == "-":
            x += 44.0 - 10.0  # the space "tế ‹ › xã" is 44 px, the usual 10
            continue
        width = w.box.x1 - w.box.x0
        placed[id(w)] = replace(w, box=replace(w.box, x0=x, x1=x + width))
        x += width + 10.0
    words = tuple(placed.get(id(w), w) for w in base.words if w.text != "-" or w.line != 7)
    f = extract([replace(base, words=words)]).fields["subject"]
    assert (f.value, f.confidence < 0.6) == (first + " năm 2024", True)


def test_a_tone_mark_the_corpus_never_writes_between_its_neighbours_is_put_as_written_in_doubt() -> None:
    # seed 685 alt 003: a stamp's "Số:" over "tư" read as its grave accent at 91, "đầu từ" (the corpus writes
    # "bắt đầu từ", "từ năm"): "đầu từ năm" never written, "đầu tư năm" is, "đầu tư" 300 times "đầu từ"
    first = "Về việc đề nghị phê duyệt danh mục dự án kêu gọi"
    value, conf = _subject([(first, 96.0), ("đầu từ năm 2019", [96.0, 91.0, 96.0, 96.0])])
    assert (value, conf < 0.6) == (first + " đầu tư năm 2019", True)
    value, conf = _subject([(first, 96.0), ("đầu tư năm 2019", 96.0)])
    assert (value, conf >= 0.6) == (first + " đầu tư năm 2019", True)
    # "bắt đầu từ năm": the corpus writes "bắt đầu từ": as read
    first = "Về việc tổ chức kỳ thi tuyển sinh bắt đầu"
    value, conf = _subject([(first, 96.0), ("từ năm học 2019", 96.0)])
    assert (value, conf >= 0.6) == (first + " từ năm học 2019", True)
    # review: a rare phrase read surely stays as read ("khởi đầu từ năm học", the corpus never writes it:
    # "khởi đầu tư" was put), in doubt; read unsurely, the corpus's mark
    first = "Về việc tổ chức các hoạt động khởi đầu"
    value, conf = _subject([(first, 96.0), ("từ năm học mới 2024", 96.0)])
    assert (value, conf < 0.6) == (first + " từ năm học mới 2024", True)
    value, conf = _subject([(first, 96.0), ("từ năm học mới 2024", [90.0, 96.0, 96.0, 96.0, 96.0])])
    assert (value, conf < 0.6) == (first + " tư năm học mới 2024", True)
