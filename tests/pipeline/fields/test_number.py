"""The number line's notation repaired against the organ's own abbreviations (``fields.number``)."""

from __future__ import annotations

from digitize.pipeline.fields.number import (
    ONE_LOST_QUALITY,
    STRAY_LOWER_QUALITY,
    UNKNOWN_PART,
    organ_abbreviations,
    repair_notation,
)
from digitize.pipeline.model import Box, RecognizedPage, Word


def test_the_organ_s_own_abbreviation_read_garbled_with_its_first_letter_lost() -> None:
    # seed 273 alt 013: "/GCN-TY" of the Cục Thú y read "/ecN-y" (the "T" lost): the notation was dropped as
    # garbled; its own "TY" is the one that reads so, in doubt (the type's "ecN" is the heading's to fit)
    assert repair_notation("ecN-y", "Cục Thú y") == ("ecN-TY", ONE_LOST_QUALITY)
    # a part read cleanly is as printed; a first part is the type's, never the organ's with a letter lost
    assert repair_notation("GCN-XY", "Cục Thú y")[0] == "GCN-XY"
    # ... of one capital too, where none of the organ's own reads so with its first letter lost
    assert repair_notation("GCN-Y", "Sở Y tế") == ("GCN-Y", UNKNOWN_PART)
    assert repair_notation("y-TY", "Cục Thú y")[0] != "TY-TY"


def test_the_organ_s_own_abbreviation_read_with_a_stray_lower_case_letter_more_is_it_in_doubt() -> None:
    # wide seed 709 alt 000 (a clean scan): "/QĐ-SNNMT" of the Sở Nông nghiệp và Môi trường read "/qb-SsNNMT":
    # kept as read at 0.25; an "s" no abbreviation prints after a capital: a speck read as a letter
    organ = "Sở Nông nghiệp và Môi trường"
    assert repair_notation("QĐ-SsNNMT", organ) == ("QĐ-SNNMT", STRAY_LOWER_QUALITY)
    # a lower-case letter Decree 30 prints after its capital is as printed; a capital more as before (0.8)
    assert repair_notation("QĐ-SNNgMT", organ)[0] == "QĐ-SNNgMT"
    assert repair_notation("QĐ-UBRND", "UBND tỉnh Bình Định") == ("QĐ-UBND", 0.8)


def test_a_part_of_one_capital_after_the_type_is_the_organ_s_own_with_its_first_letter_lost() -> None:
    # seed 615 dev 005 (a blurred photo): "/GP-HC" of the Cục Hóa chất read "/GP-C" (the "H" lost), kept at
    # the line's confidence: no abbreviation is one letter; its own "HC" reads so, in doubt
    assert repair_notation("GP-C", "Cục Hóa chất") == ("GP-HC", ONE_LOST_QUALITY)
    assert repair_notation("GCN-Y", "Cục Thú y") == ("GCN-TY", ONE_LOST_QUALITY)
    # none of the organ's own reads so: kept as read, as any part no list has (the line's confidence says
    # how sure the reading is)
    assert repair_notation("GP-C", "Cục Thú y") == ("GP-C", UNKNOWN_PART)
    assert repair_notation("GP-C", "Cục Thú y", ocr=False)[1] >= 0.6  # a text layer's is as printed


def test_a_part_of_one_digit_or_one_capital_no_abbreviation_reads_as_is_kept_as_any_part() -> None:
    # a part of one digit is no capital with letters lost ("QĐ-UBND-1": a numbered series); one capital
    # after a type of the organ's own none reads as with its head lost: as read, not put in doubt
    assert repair_notation("QĐ-UBND-1", "Ủy ban nhân dân tỉnh Nghệ An") == ("QĐ-UBND-1", UNKNOWN_PART)
    assert repair_notation("CV-T", "Cục Thú y") == ("CV-T", UNKNOWN_PART)
    assert repair_notation("TTr-H", "Sở Y tế") == ("TTr-H", UNKNOWN_PART)


def test_a_notation_whose_hyphen_was_read_as_a_letter_after_the_heading_s_abbreviation() -> None:
    # seed 273 alt 008: "/CT-UBND" under "CHỈ THỊ" read "cTrUBND" (its hyphen an "r"): the heading's and UBND,
    # in doubt; a head two letters longer than the heading's is not so read
    from digitize.pipeline.fields.number import TYPE_FIT_CONF, fit_notation
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.model import ExtractedField

    organ = "Ủy ban nhân dân tỉnh Ninh Bình"

    def fit(value: str) -> tuple[str | None, float]:
        found = fit_notation(Found((ExtractedField("code_notation", value, 0.9),)), "Chỉ thị", organ)
        f = found.get("code_notation")
        assert f is not None
        return f.value, f.confidence

    assert fit("cTrUBND") == ("CT-UBND", TYPE_FIT_CONF)
    assert fit("cTrxUBND") == ("cTrxUBND", 0.9)


def test_a_lower_case_letter_no_abbreviation_prints_is_the_organ_s_own_abbreviation_misread() -> None:
    # seed 293 alt 000 and dev 005: "/QĐ-TY" of the Cục Thú y read "QĐ-Tv", "/GP-QLD" of the Cục Quản lý Dược
    # read "GP-QLp" (a blurred "Y", "D"): kept as read, in doubt; the organ's own abbreviation, in doubt
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY

    assert repair_notation("QĐ-Tv", "Cục Thú y") == ("QĐ-TY", STRAY_LOWER_QUALITY)
    assert repair_notation("GP-QLp", "Cục Quản lý Dược") == ("GP-QLD", STRAY_LOWER_QUALITY)
    # seed 295 dev 003: "/TTr-HC" of the Cục Hóa chất read "mr.uc": its "H" read "u" (the type's part is the
    # heading's to fit)
    assert repair_notation("mr.uc", "Cục Hóa chất")[0] == "mr-HC"
    # the lower-case letters abbreviations print are as printed ("SNgV" of the Sở Ngoại vụ, "TTg", "GDTrH")
    assert repair_notation("GCN-SNgV", "Sở Ngoại vụ")[0] == "GCN-SNgV"
    assert repair_notation("QĐ-TTg", "Thủ tướng Chính phủ") == ("QĐ-TTg", 1.0)
    assert repair_notation("SGDĐT-GDTrH", "Sở Giáo dục và Đào tạo")[0] == "SGDĐT-GDTrH"
    # a part no abbreviation of the organ's reads like stays as read
    assert repair_notation("QĐ-Xv", "Cục Thú y")[0] == "QĐ-Xv"


def test_a_number_read_before_the_pen_s_strokes_taken_for_a_notation() -> None:
    # seed 295 alt 009: a written "651" with a flourish over its slash read "số: 6 /Z-Z /BC-CDLQGVN": taken
    # "6" at 0.68 and the notation "Z-Z"; the printed notation is the last one, the number in doubt
    from tests.pipeline.test_extract import decision, extract, page

    ex = extract([page(decision(number="số: 6 /Z-Z /QĐ-SKHCN"))])
    assert ex.fields["code_notation"].value == "QĐ-SKHCN"
    number = ex.fields["code_number"]
    assert number.value == "6" and number.confidence < 0.6
    # one notation: as read
    ex = extract([page(decision(number="số: 651/QĐ-SKHCN"))])
    assert ex.fields["code_number"].value == "651" and ex.fields["code_number"].confidence > 0.6


def test_a_blurred_5_read_s_as_the_number_s_first_digit() -> None:
    # seed 287 dev 007: "Số: 521/QĐ-QLD" on a blurred photo read "Sẽ: S21/Q0-QLD": no number, no notation;
    # the "S" before the digits is a "5", in doubt
    from tests.pipeline.test_extract import decision, extract, page

    ex = extract([page(decision(number="Sẽ: S21/QĐ-SKHCN"))])
    number = ex.fields["code_number"]
    assert number.value == "521" and number.confidence < 0.6
    assert ex.fields["code_notation"].value == "QĐ-SKHCN"


def test_a_unit_s_part_read_with_a_letter_no_abbreviation_prints_there() -> None:
    # seed 287 alt 011: "1410/UBND-KT" read "1410 rusND-Kr" (the slash an "r", a "T" read "r"): dropped as
    # garbled; seed 295 alt 011: "SVHTTDL-QLVH" read "SVHTTDL-QIVH". Each letter guessed, in doubt
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY

    committee = "Ủy ban nhân dân tỉnh Đồng Nai"
    assert repair_notation("rusND-Kr", committee) == ("UBND-KT", STRAY_LOWER_QUALITY)
    culture = "Sở Văn hóa, Thể thao và Du lịch"
    assert repair_notation("SVHTTDL-QIVH", culture) == ("SVHTTDL-QLVH", STRAY_LOWER_QUALITY)
    # a text layer's letters are as printed
    assert repair_notation("SVHTTDL-QIVH", culture, ocr=False)[0] == "SVHTTDL-QIVH"
    assert repair_notation("QĐ-Tv", "Cục Thú y", ocr=False)[0] == "QĐ-Tv"
    # a lower-case letter two capitals read so ("u": "H", "V", "N") is not guessed
    assert repair_notation("UBND-Ku", committee)[0] == "UBND-Ku"


def test_a_slash_read_with_the_capital_after_it_as_one_letter() -> None:
    # seed 445 dev 004 (bitonal): "417/HC-VP" of the Cục Hóa chất read "417 mc-vp", the slash and the "H" one
    # "m": the notation dropped as garbled. The organ's own abbreviation it reads as, in doubt
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY

    assert repair_notation("mc-vp", "Cục Hóa chất") == ("HC-VP", STRAY_LOWER_QUALITY)
    from tests.pipeline.test_extract import extract, header, page, signer

    specs = header(
        parent="BỘ CÔNG THƯƠNG",
        organ=("CỤC HÓA CHẤT",),
        number="số: 417 mc-vp",
        vv=("V/v số hóa kết quả giải quyết thủ tục hành chính",),
    )
    specs += [("Kính gửi: Các đơn vị.", "center", 90.0), *signer(("CỤC TRƯỞNG",))]
    f = extract([page(specs)]).fields["code_notation"]
    assert f.value == "HC-VP" and f.confidence < 0.6
    # no abbreviation of the organ's so read, or a text layer's letters: as read (then dropped as garbled)
    assert repair_notation("mc-vp", "Sở Y tế")[0] == "mc-VP"
    assert repair_notation("mc-vp", "Cục Hóa chất", ocr=False)[0] == "mc-VP"


def test_a_number_line_read_as_a_speck_the_digits_and_one_garbled_word_level_with_the_date() -> None:
    # seed 287 dev 008: "Số: 1639/CT-UBND" on a blurred photo read "« 1639 cruøxp": no number; level with the
    # date line (Decree 30 sets them on one row) it is the number line, its digits the number, in doubt
    from dataclasses import replace

    from digitize.pipeline.model import Box
    from tests.pipeline.test_extract import _ubnd_directive, extract, page

    def read(number: str, shift: float) -> tuple[str | None, float]:
        pg = page(_ubnd_directive(number=number))
        # the right column's three lines (specs 3..5) moved up level with the left column's
        words = tuple(
            replace(w, box=Box(w.box.x0, w.box.y0 - shift, w.box.x1, w.box.y1 - shift))
            if w.line in (3, 4, 5)
            else w
            for w in pg.words
        )
        f = extract([replace(pg, words=words)]).fields["code_number"]
        return f.value, f.confidence

    value, conf = read("« 1639 cruøxp", 180.0)
    assert value == "1639" and conf < 0.6
    # not level with the date line, or more than one word after the digits: no number line
    assert read("« 1639 cruøxp", 0.0)[0] is None
    assert read("« 1639 cruøxp nhân dân", 180.0)[0] is None


def test_a_number_line_read_as_a_speck_the_digits_and_two_garbled_words_level_with_a_misread_date() -> None:
    # seed 337 blur dev 004: "Số: 2058/QLD-VP" read "«. 2058 q4 ovy" (the slash and the hyphen read as a
    # letter and a space) level with "Hã NỘI, ngôy 7 tháng 3 năm 2019" ("ngày" read with a vowel wrong)
    from dataclasses import replace

    from digitize.pipeline.model import Box
    from tests.pipeline.test_extract import _ubnd_directive, extract, page

    def read(number: str, date: str) -> tuple[str | None, float]:
        pg = page(_ubnd_directive(number=number, date=date))
        words = tuple(
            replace(w, box=Box(w.box.x0, w.box.y0 - 180.0, w.box.x1, w.box.y1 - 180.0))
            if w.line in (3, 4, 5)
            else w
            for w in pg.words
        )
        f = extract([replace(pg, words=words)]).fields["code_number"]
        return f.value, f.confidence

    value, conf = read("«. 2058 q4 ovy", "Hã NỘI, ngôy 7 tháng 3 năm 2019")
    assert value == "2058" and conf < 0.6
    # fewer than three letters after the digits, or three words: no number line
    assert read("«. 2058 q4 o", "Hã NỘI, ngôy 7 tháng 3 năm 2019")[0] is None
    assert read("«. 2058 q4 ovy ab", "Hã NỘI, ngôy 7 tháng 3 năm 2019")[0] is None


def test_a_number_line_whose_label_and_slash_were_lost_the_digits_and_a_hyphenated_notation() -> None:
    # seed 467 alt 003: "Số: 1316/TTr-UBND" (a pen's number, 200 dpi) read "316 mr-UBND", its label lost:
    # no number, no notation, the line read into the organ's name. Level with the date line it is the number
    # line: its digits (the first may have gone with the label) and its notation (the heading's type for the
    # part the slash garbled), in doubt; the organ ends above it
    from dataclasses import replace

    from digitize.pipeline.model import Box
    from tests.pipeline.test_extract import _ubnd_directive, extract, page

    def read(number: str, shift: float) -> dict[str, tuple[str | None, float]]:
        pg = page(_ubnd_directive(number=number))
        words = tuple(
            replace(w, box=Box(w.box.x0, w.box.y0 - shift, w.box.x1, w.box.y1 - shift))
            if w.line in (3, 4, 5)
            else w
            for w in pg.words
        )
        fields = extract([replace(pg, words=words)]).fields
        return {
            k: (fields[k].value, fields[k].confidence) for k in ("code_number", "code_notation", "organ_name")
        }

    v = read("316 mr-UBND", 180.0)
    assert v["code_number"][0] == "316" and v["code_number"][1] < 0.6
    assert v["code_notation"][0] == "CT-UBND" and v["code_notation"][1] < 0.6
    assert v["organ_name"][0] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    # not level with the date line, or words after the notation: no number line
    assert read("316 mr-UBND", 0.0)["code_number"][0] is None
    assert read("316 mr-UBND nhân dân", 180.0)["code_number"][0] is None


def test_an_i_read_for_an_l_only_alone_inside_a_unit_s_part() -> None:
    assert repair_notation("QĐ-QIVH", "Sở Văn hóa, Thể thao và Du lịch")[0] == "QĐ-QLVH"
    # strokes side by side (a letter read as two), an "I" at a part's end or start: as the other rules read it
    assert repair_notation("GCN-UBNII", None)[0] == "GCN-UBNII"
    assert repair_notation("QĐ-QLVI", None)[0] == "QĐ-QLVI"


def test_a_cong_van_s_notation_read_with_its_hyphen_lost_before_a_known_unit() -> None:
    # seed 315 (handwritten, blurred) alt 004: "CVT-VP" of the Cục Viễn thông read "CVTVP": taken as read; the
    # organ's own abbreviation then a known unit's, in doubt; a text layer's as printed
    from digitize.pipeline.fields.number import HYPHEN_MISREAD_QUALITY

    assert repair_notation("CVTVP", "Cục Viễn thông") == ("CVT-VP", HYPHEN_MISREAD_QUALITY)
    assert repair_notation("CVTVP", "Cục Viễn thông", ocr=False)[0] == "CVTVP"
    # a unit's part no list knows after it is not split so
    assert repair_notation("CVTXQ", "Cục Viễn thông")[0] == "CVTXQ"
    # a two-letter organ's abbreviation, the known unit's first letter read small (seed 383 dev 004, a photo:
    # "HCvP" of the Cục Hóa chất's "HC-VP"); in capitals it may be an abbreviation of its own: as read
    assert repair_notation("HCvP", "Cục Hóa chất") == ("HC-VP", HYPHEN_MISREAD_QUALITY)
    assert repair_notation("HCVP", "Cục Hóa chất")[0] == "HCVP"
    assert repair_notation("HCvP", "Cục Hóa chất", ocr=False)[0] == "HCvP"


def test_a_second_notation_replaces_only_strokes_read_before_it_and_never_on_a_text_layer() -> None:
    """REVIEW-28 #2: the rule for a pen's strokes read as a notation ("số: 6 /Z-Z /BC-CDLQGVN") took any
    notation after a second slash: "QĐ-SKHCN /Vi-Ii" gave "Vi-Ii" at 0.78, a text layer's
    "1169/QĐ-SKHCN/KH-TC" "KH-TC" at 0.85 and its number at 0.40."""
    from dataclasses import replace

    from digitize.pipeline.fields import REVIEW_THRESHOLD, extract
    from tests.pipeline.test_extract import decision, page

    def fields(number: str, *, text: bool) -> dict[str, tuple[str | None, float]]:
        p = page(decision(number=number))
        if text:
            p = replace(p, source="text", words=tuple(replace(w, conf=100.0) for w in p.words))
        return {k: (f.value, f.confidence) for k, f in extract([p]).fields.items()}

    got = fields("Số: 1169/QĐ-SKHCN /Vi-Ii", text=False)
    assert got["code_notation"][0] == "QĐ-SKHCN" and got["code_number"] == ("1169", got["code_number"][1])
    assert got["code_number"][1] >= REVIEW_THRESHOLD
    got = fields("Số: 1169/QĐ-SKHCN/KH-TC", text=True)
    assert got["code_notation"] == ("QĐ-SKHCN", 1.0) and got["code_number"] == ("1169", 1.0)
    # the strokes' case itself still holds: the printed notation after them, in doubt
    got = fields("Số: 6 /Z-Z /BC-SKHCN", text=False)
    assert got["code_notation"][0] == "BC-SKHCN" and got["code_notation"][1] < REVIEW_THRESHOLD


def test_a_heading_s_abbreviation_read_with_a_lower_case_letter_no_abbreviation_prints() -> None:
    # seed 419 dev 010: "/TTr-SXD" under "TỜ TRÌNH" (a pen's "30" over the date line above) read "TIm-SXD" at
    # 0.68: "m" after "I" is printed in no abbreviation (``_PRINTED_LOWER``), so the part is misread whatever
    # letters it shares with "TTr"; the heading's, in doubt. A part read as printed stays.
    from digitize.pipeline.fields.number import fit_notation
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.fields.review import REVIEW_THRESHOLD
    from digitize.pipeline.model import ExtractedField

    def fit(value: str, heading: str = "Tờ trình") -> tuple[str | None, float]:
        found = fit_notation(Found((ExtractedField("code_notation", value, 0.68),)), heading, "Sở Xây dựng")
        f = found.get("code_notation")
        assert f is not None
        return f.value, f.confidence

    value, conf = fit("TIm-SXD")
    assert value == "TTr-SXD" and conf < REVIEW_THRESHOLD
    # a known abbreviation with its printed lower-case pair is left as read (a decision's "QĐ" under a
    # heading it promulgates; "KH" of a plan written in a Tờ trình's place is another type, not garbled)
    assert fit("KH-SXD") == ("KH-SXD", 0.68)
    assert fit("SNgV-SXD", "Tờ trình") == ("SNgV-SXD", 0.68)


def test_a_notation_s_hyphen_lost_before_a_unit_s_capitals_keeps_the_unit_whole() -> None:
    # seed 425 dev 011 (a dim bitonal photo): "SYT-TCCB" read "SYTTCCB" was made "SYT-CCB" (the unit's "T"
    # taken for the hyphen): a hyphen is lost far more often than read as a capital other than an X; in doubt
    from digitize.pipeline.fields.number import HYPHEN_MISREAD_QUALITY

    assert repair_notation("SYTTCCB", "Sở Y tế") == ("SYT-TCCB", HYPHEN_MISREAD_QUALITY)
    assert repair_notation("STCQLCS", "Sở Tài chính") == ("STC-QLCS", HYPHEN_MISREAD_QUALITY)
    # an X for the hyphen, or a known unit after the mark, is the hyphen read as a letter
    assert repair_notation("SYTXTCCB", "Sở Y tế")[0] == "SYT-TCCB"
    assert repair_notation("SYTAVP", "Sở Y tế")[0] == "SYT-VP"
    # seed 425 alt 011 (a blurred photo): "/UBND-KT" read "/uBNDKT", its "U" small, gave "UBND": no organ's
    # own abbreviation runs on from UBND, the unit's capitals after it are the unit's, in doubt
    assert repair_notation("/uBNDKT", "Ủy ban nhân dân tỉnh Khánh Hòa") == ("UBND-KT", HYPHEN_MISREAD_QUALITY)
    assert repair_notation("UBNDKT", None) == ("UBND-KT", HYPHEN_MISREAD_QUALITY)
    # a text layer's is as printed
    assert repair_notation("UBNDKT", None, ocr=False)[0] == "UBNDKT"


def test_a_number_after_a_glued_stroke_or_a_zero_is_in_doubt() -> None:
    # seed 449 dev 007 (a low-light photo): a pen "70" whose 7's bar lay on the header's rule, "Số:" lost,
    # read "⁄0 /QĐ-SCT": taken "0" at 0.74; no document is numbered 0, and a slash glued before digits is a
    # stroke
    from tests.pipeline.test_extract import decision, extract, page

    for line in ("⁄0 /QĐ-SKHCN", "Số: ⁄5 /QĐ-SKHCN", "Số: 0/QĐ-SKHCN"):
        number = extract([page(decision(number=line))]).fields["code_number"]
        assert number.value is None or number.confidence < 0.6, line
    number = extract([page(decision(number="Số: 12 /2024/QĐ-SKHCN"))]).fields["code_number"]
    assert number.value == "12" and number.confidence >= 0.6


def test_a_v_v_line_going_on_with_a_cited_document_is_neither_cut_there_nor_the_number() -> None:
    """REVIEW-37 M1: "V/v triển khai thực hiện Nghị định" / "số 15/2020/NĐ-CP của Chính phủ": the second line
    ended the subject (cut short, 0.92), and with the pen's number unread it was taken for the number."""

    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import header, page, signer

    vv = ("V/v triển khai thực hiện Nghị định", "số 15/2020/NĐ-CP của Chính phủ")
    for number, want in (("Số: 1234/STC-QLNS", "1234"), ("Số: /STC-QLNS", None)):
        specs = [
            *header(parent="UBND TỈNH YÊN BÁI", organ=("SỞ TÀI CHÍNH",), number=number, vv=vv),
            ("Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.", "center", 91.0),
            ("Sở Tài chính đề nghị các đơn vị triển khai thực hiện.", "body", 90.0),
            *signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
        ]
        got = extract([page(specs)]).values()
        assert got["subject"] == "triển khai thực hiện Nghị định số 15/2020/NĐ-CP của Chính phủ"
        assert (got["code_number"], got["type_name"]) == (want, "Công văn")


def test_a_long_own_abbreviation_read_with_a_stroke_more_and_a_letter_misread_is_it_in_doubt() -> None:
    # seed 467 alt 013 (a blurred photo): "/GCN-SVHTTDL" of the Sở Văn hóa, Thể thao và Du lịch read
    # "GCN-SVMTTDIL" (an "H" read "M", a stroke read "I" before the "L"): it was made "GCN-SVMTTDLL"
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY

    organ = "Sở Văn hóa, Thể thao và Du lịch"
    assert repair_notation("GCN-SVMTTDIL", organ) == ("GCN-SVHTTDL", STRAY_LOWER_QUALITY)
    # the stroke read as a small "l" (REVIEW-38b L3: it stayed "SVMTTDlL" at 0.6, sure and wrong)
    assert repair_notation("QĐ-SVMTTDlL", organ) == ("QĐ-SVHTTDL", STRAY_LOWER_QUALITY)
    # two letters misread besides the stroke, or another organ's: not made it
    assert repair_notation("GCN-SXYTTDIL", organ)[0] != "GCN-SVHTTDL"
    assert repair_notation("GCN-SVMTTDIL", "Sở Khoa học và Công nghệ")[0] != "GCN-SVHTTDL"


def test_a_notation_read_as_one_part_with_a_letter_of_the_organ_s_own_read_small_as_another() -> None:
    # a blurred photo's "/CT-SXD" read "crsxp" (its "D" read "p") and "/CT-UBND" read "cruaND" (its "B" read
    # "a"): the type's head as read (the heading makes it the type's), the organ's own abbreviation, in doubt
    from digitize.pipeline.fields.number import HYPHEN_MISREAD_QUALITY

    committee, works = "Ủy ban nhân dân tỉnh Hà Giang", "Sở Xây dựng"
    assert repair_notation("crsxp", works, blurred=True, heading="CT") == ("cr-SXD", HYPHEN_MISREAD_QUALITY)
    assert repair_notation("cruaND", committee, blurred=True, heading="CT") == (
        "cr-UBND",
        HYPHEN_MISREAD_QUALITY,
    )
    # a capital that is not the organ's letter is print (another's abbreviation), two letters off no reading
    # of it, a head no type reads as neither; nor a text layer's, nor a sharp page's
    assert repair_notation("crsxP", works, blurred=True, heading="CT")[0] != "cr-SXD"
    assert repair_notation("crsyp", works, blurred=True, heading="CT")[0] != "cr-SXD"
    assert repair_notation("kwsxp", works, blurred=True, heading="CT")[0] != "kw-SXD"
    assert repair_notation("crsxp", works, ocr=False, blurred=True, heading="CT")[0] == "crsxp"
    assert repair_notation("crsxp", works, heading="CT")[0] == "crsxp"


def test_a_lower_case_word_is_no_notation_read_as_one_part_on_a_blurred_photo() -> None:
    # the head must read as the heading's type abbreviation by its letters' shape ("cr" of "CT"), not be
    # any two letters ("th" of "thuxd" is no "CT", nor a "TB": a small "t" is not a capital's shape); no
    # heading, no guess
    from dataclasses import replace

    from digitize.pipeline.fields.number import NumberRead, fit_notation, read_notation
    from digitize.pipeline.fields.result import Found

    works = "Sở Xây dựng"
    for heading in ("CT", "QĐ", "TB"):
        assert repair_notation("thuxd", works, blurred=True, heading=heading)[0] == "thuxd"
    assert repair_notation("crsxp", works, blurred=True, heading="QĐ")[0] == "crsxp"  # "cr" is no "QĐ"
    assert repair_notation("crsxp", works, blurred=True)[0] == "crsxp"
    # through the readers: the heading's type, under "CHỈ THỊ" only; "thuxd" under none
    number = NumberRead(Found(()), "crsxp", 0.8, None)
    chi_thi = "Chỉ thị"
    found = fit_notation(read_notation(number, works, blurred=True, heading_type=chi_thi), chi_thi, works)
    assert found.value("code_notation") == "CT-SXD" and found.fields[0].confidence < 0.6
    for heading_type in ("Chỉ thị", "Quyết định", "Thông báo"):
        thuxd = replace(number, raw_notation="thuxd")
        found = read_notation(thuxd, works, blurred=True, heading_type=heading_type)
        assert fit_notation(found, heading_type, works).value("code_notation") not in (
            "CT-SXD",
            "QĐ-SXD",
            "TB-SXD",
        )


def test_a_blurred_photo_s_notation_hyphen_read_as_a_colon() -> None:
    # "/SGDĐT-VP" read "8GDDT:VP" on a blurred photo (its S read "8", its hyphen ":"): the parts, in doubt
    from digitize.pipeline.fields.number import HYPHEN_MISREAD_QUALITY

    education = "Sở Giáo dục và Đào tạo"
    assert repair_notation("8GDDT:VP", education, blurred=True) == ("SGDĐT-VP", HYPHEN_MISREAD_QUALITY)
    assert repair_notation("QĐ:UBND", "Ủy ban nhân dân tỉnh Hà Giang", blurred=True)[1] < 0.6
    assert repair_notation("8GDDT:VP", education)[0] != "SGDĐT-VP"  # a sharp page's colon is no hyphen


def test_a_colon_between_words_is_no_notation_s_hyphen_on_a_blurred_photo() -> None:
    # the colon split only into parts shaped as abbreviations (capitals, one a known one or the organ's
    # own): a line's words run together ("tai:Ha", "Ha:Noi") are not made a notation in doubt
    from digitize.pipeline.fields.number import _TYPE_ABBREVIATIONS, fit_notation
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.model import ExtractedField

    works = "Sở Xây dựng"
    for raw, heading_type in (("tai:Ha", "Quyết định"), ("Ha:Noi", "Chỉ thị"), ("tai:Ha", "Thông báo")):
        heading = _TYPE_ABBREVIATIONS[heading_type]
        value, q = repair_notation(raw, works, blurred=True, heading=heading)
        assert (value, q) == repair_notation(raw, works, heading=heading)  # as before: no repair
        assert "-" not in value
        found = fit_notation(Found((ExtractedField("code_notation", value, 0.85 * q),)), heading_type, works)
        assert found.value("code_notation") == value
    # capitals none of which is a known abbreviation or the organ's own: no repair either
    assert "-" not in repair_notation("XYZ:WQ", works, blurred=True)[0]


def test_a_blurred_photo_s_unread_written_number_before_a_notation_whose_s_is_read_as_a_digit() -> None:
    # seed 513 alt 000: "Số: 2843/QĐ-SVHTTDL", the number written, read "số. … /QD-9VHTTDL" on a blurred
    # photo (its S read "9"): no notation before; its notation after the unread number, in doubt
    from dataclasses import replace

    from tests.pipeline.test_extract import decision, extract, page

    organ = ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",)
    blurred = replace(page(decision(number="số. … /QD-9VHTTDL", organ=organ)), blurred=True)
    notation = extract([blurred]).fields["code_notation"]
    assert notation.value == "QĐ-SVHTTDL" and notation.confidence < 0.6
    assert extract([blurred]).values()["code_number"] is None
    sharp = page(decision(number="số. … /QD-9VHTTDL", organ=organ))  # a sharp page's digit is a digit
    assert extract([sharp]).values()["code_notation"] != "QĐ-SVHTTDL"


def test_an_own_abbreviation_without_its_kind_letter_reached_by_a_guess_is_in_doubt() -> None:
    # seed 625 dev 011 (a dim photo): "/SGTVT-QLCL" of the Sở Giao thông vận tải read "/GrvT-QLCL" (its "S"
    # lost, its "T" read "r"): made "GTVT-QLCL" at 0.75; a Sở prints its "S", the head may be lost: in doubt
    assert repair_notation("GrvT-QLCL", "Sở Giao thông vận tải") == ("SGTVT-QLCL", ONE_LOST_QUALITY)
    assert repair_notation("QĐ-GrvT", "Sở Giao thông vận tải") == ("QĐ-SGTVT", ONE_LOST_QUALITY)
    # a Cục's own mostly leaves its letter out: kept so, in doubt as well
    assert repair_notation("GP-QLTI", "Cục Quản lý thị trường") == ("GP-QLTT", ONE_LOST_QUALITY)
    # read cleanly, either is as printed
    assert repair_notation("GTVT-QLCL", "Sở Giao thông vận tải") == ("GTVT-QLCL", 1.0)
    assert repair_notation("SGTVT-QLCL", "Sở Giao thông vận tải") == ("SGTVT-QLCL", 1.0)


def test_the_organ_s_own_abbreviation_read_garbled_as_look_alikes_after_the_type() -> None:
    # seed 813 corp 000: "/QĐ-SYT" read ";qp-svr" beside a tall written number (its "Y" read "v", its "T"
    # "r"): only the "S" in place, the notation dropped as garbled; each letter as read or its look-alike
    # is the Sở Y tế's "SYT", in doubt (the type's "qp" is the heading's to fit)
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY

    assert repair_notation("qp-svr", "Sở Y tế") == ("qp-SYT", STRAY_LOWER_QUALITY)
    # a letter no look-alike of the organ's own stays as read; so does a first part
    assert repair_notation("qp-sxr", "Sở Y tế")[0] == "qp-sxr"
    assert repair_notation("svr-VP", "Sở Y tế")[0] != "SYT-VP"


def test_a_garbled_first_part_one_letter_from_the_heading_s_abbreviation_is_it() -> None:
    # seed 813 corp 013 (a blurred photo): "/GCN-SYT" under "GIẤY CHỨNG NHẬN" read ",ccn-syr": its "ccn" made
    # the known "CC" by likeness, which the heading then no longer fitted ("CC-SYT"); the heading's it is
    from digitize.pipeline.fields.number import HEADING_FIT_QUALITY

    assert repair_notation("ccn-syr", "Sở Y tế", heading="GCN")[0] == "GCN-SYT"
    assert repair_notation("ccn-SYT", "Sở Y tế", heading="GCN") == ("GCN-SYT", HEADING_FIT_QUALITY)
    # no heading, a part read cleanly, or one two letters off: as before
    assert repair_notation("ccn-syr", "Sở Y tế")[0] == "CC-SYT"
    assert repair_notation("CC-SYT", "Sở Y tế", heading="GCN")[0] == "CC-SYT"
    assert repair_notation("ccx-syr", "Sở Y tế", heading="GCN")[0] != "GCN-SYT"


def test_a_j_read_before_the_organ_s_own_abbreviation_is_the_slash_s_foot() -> None:
    # seed 537 dev 004: the Cục Hóa chất's "91/HC-VP" read "91 JHC-VP" (the slash's foot curled into a J's
    # hook): kept "JHC-VP" at 0.76, sure and wrong; Vietnamese has no J, the organ's own "HC" follows it
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY

    assert repair_notation("JHC-VP", "Cục Hóa chất") == ("HC-VP", 0.9)
    # a part with a J no abbreviation follows is kept as read, in doubt; a text layer's as printed
    assert repair_notation("JXY-VP", "Cục Hóa chất") == ("JXY-VP", STRAY_LOWER_QUALITY)
    assert repair_notation("JXY-VP", "Cục Hóa chất", ocr=False)[1] >= 0.6


def test_a_u_read_as_an_l_and_a_stroke_before_the_rest_of_ubnd() -> None:
    # seed 537 dev 001 (a blurred photo): "/CT-UBND" read "CT-LIBND" (the U's two stems), made "CT-LLBND"
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY, TWO_FOR_ONE_QUALITY

    organ = "Ủy ban nhân dân tỉnh Đồng Nai"
    assert repair_notation("CT-LIBND", organ) == ("CT-UBND", TWO_FOR_ONE_QUALITY)
    # nothing known after the strokes: no U made of them (only the "I" inside a unit's part taken for an
    # "L", in doubt: ``_lone_i``); a text layer's is as printed
    assert repair_notation("CT-LIXY", organ) == ("CT-LLXY", STRAY_LOWER_QUALITY)
    assert repair_notation("CT-LIBND", organ, ocr=False)[0] == "CT-LIBND"


def test_a_j_is_dropped_only_before_the_first_part_of_an_ocr_read_and_only_before_the_organ_s_own() -> None:
    # the slash's foot is only before the first part, and only an OCR reading curls it into a J: a J before a
    # later part, a known abbreviation not the organ's own or a text layer's J are kept as read, not sure
    for raw, organ in (
        ("BC-JPC", "Sở Kế hoạch và Đầu tư"),
        ("QĐ-JVP", "Ủy ban nhân dân tỉnh Đồng Nai"),
        ("QĐ-JTTg", "Thủ tướng Chính phủ"),
        ("JPC-VP", "Sở Công Thương"),
        ("JOC-VP", "Sở Công Thương"),
    ):
        for ocr in (True, False):
            value, quality = repair_notation(raw, organ, ocr=ocr)
            assert value == raw, (raw, ocr)
            assert quality < 0.9, (raw, ocr)
    # a J before a known abbreviation not the organ's own leads the first part: kept as read, in doubt
    assert repair_notation("JOC-VP", "Sở Công Thương")[1] < 0.6
    assert repair_notation("JPC-VP", "Sở Công Thương")[1] < 0.6
    # ... the organ's own after it on a text layer: as printed
    assert repair_notation("JHC-VP", "Cục Hóa chất", ocr=False)[0] == "JHC-VP"


def test_a_foreign_partner_s_j_after_the_first_part_is_not_put_in_doubt() -> None:
    # "JV" (joint venture), "JSC" (joint stock company), "VJC", "JICA": a J in a later part is printed so;
    # only the first part, after the slash, may have the slash's foot read as a J
    from digitize.pipeline.fields.number import STRAY_LOWER_QUALITY

    for raw, organ in (
        ("HĐ-JV", "Công ty cổ phần Xây dựng số 1"),
        ("CV-JSC", "Công ty cổ phần Vinaconex"),
        ("QĐ-VJC", "Bộ Giao thông vận tải"),
        ("HĐ-JICA", "Bộ Kế hoạch và Đầu tư"),
    ):
        value, quality = repair_notation(raw, organ)
        assert value == raw
        assert quality > STRAY_LOWER_QUALITY, raw
        assert quality == repair_notation(raw, organ, ocr=False)[1], raw


def test_the_organ_s_own_abbreviation_read_without_its_last_letter_is_made_whole_in_doubt() -> None:
    # seed 849 corp 008: "66/CT-SGTVT" of the Sở Giao thông vận tải read "66/CT-SGTV" (the last "T" lost at
    # the word's end): kept as read at 0.78 (sure, wrong); the organ's own whole, in doubt
    organ = "Sở Giao thông vận tải"
    assert repair_notation("CT-SGTV", organ) == ("CT-SGTVT", ONE_LOST_QUALITY)
    assert repair_notation("SGTV-VP", organ) == ("SGTVT-VP", ONE_LOST_QUALITY)
    # a text layer's is as printed; a part no abbreviation of the organ's reads so is kept as read
    assert repair_notation("CT-SGTV", organ, ocr=False) == ("CT-SGTV", UNKNOWN_PART)
    assert repair_notation("CT-SGTV", "Sở Y tế") == ("CT-SGTV", UNKNOWN_PART)


def test_a_place_word_is_one_with_its_own_marks_and_a_bare_level_word_no_letter_of_the_organ_s_own() -> None:
    # the "xạ" of "bức xạ" is no "xã": the whole name's initials, never "CATB" (which made "CV-CAT" read
    # "CV-CATB" as the organ's own with its last letter lost)
    assert "CATB" not in organ_abbreviations("Cục An toàn bức xạ và hạt nhân")
    assert repair_notation("CV-CAT", "Cục An toàn bức xạ và hạt nhân")[0] == "CV-CAT"
    # a level word with no name after it: no letter of the organ's own ("VPH", never "VPHT")
    assert organ_abbreviations("Văn phòng HĐND tỉnh") == ("VPH",)
    assert repair_notation("CV-VPH", "Văn phòng HĐND tỉnh")[0] == "CV-VPH"
    # a place named after its level word is still left out
    assert "SYT" in organ_abbreviations("Sở Y tế tỉnh Quảng Nam")
    assert "CĐTNĐ" in organ_abbreviations("Cục Đường thủy nội địa Việt Nam")


def test_a_number_led_by_a_5_whose_label_was_lost_keeps_its_5() -> None:
    # seed 867 alt 013: "Số: 56/GCN-SNNMT" (a pen's "56") read "56 /GCN-SNNMT", the label lost: the "5" glued
    # to the next digit was taken for the label read as "5" (its "ố:" lost), the number "6"
    from tests.pipeline.test_extract import decision, extract, page

    ex = extract([page(decision(number="56 /QĐ-SKHCN"))])
    assert ex.fields["code_number"].value == "56"
    # a label read "5" apart from the digits stays a label
    ex = extract([page(decision(number="5: 17/QĐ-SKHCN"))])
    assert ex.fields["code_number"].value == "17"


def test_a_clean_part_the_organ_abbreviates_with_a_letter_lost_or_look_alike_is_it_in_doubt() -> None:
    # seed 647 dev 011: "/UBND-KT" read "18®BND-KT" (the "U" glued to the slash and the digit), kept "BND-KT";
    # seed 641 dev 006: "/GCN-UBND" read "/GCN-UBMO" on a blurred photo, kept at 0.85: the organ's own, in
    # doubt
    from digitize.pipeline.fields.number import ONE_LOST_QUALITY, STRAY_LOWER_QUALITY

    committee = "Ủy ban nhân dân tỉnh Ninh Bình"
    assert repair_notation("BND-KT", committee, conf=0.45) == ("UBND-KT", ONE_LOST_QUALITY)
    assert repair_notation("®BND-KT", committee) == ("UBND-KT", ONE_LOST_QUALITY)  # a sign stuck before it
    assert repair_notation("GCN-UBMO", committee) == ("GCN-UBND", STRAY_LOWER_QUALITY)
    assert repair_notation("GCN-UBND", committee) == ("GCN-UBND", 1.0)
    # letters that are no look-alikes of the organ's, or another organ's: kept as read
    assert repair_notation("GCN-UBXY", committee)[0] == "GCN-UBXY"
    assert repair_notation("GCN-UBMO", "Sở Y tế")[0] == "GCN-UBMO"
    assert repair_notation("GCN-UBMO", committee, ocr=False)[0] == "GCN-UBMO"  # a text layer's as printed


def test_a_notation_read_as_the_organ_s_abbreviation_alone_under_a_type_heading_gets_the_type_s() -> None:
    # seed 643 dev 001: "/CT-UBND" under "CHỈ THỊ" read "/c:UBND", made "UBND" at 0.28: the heading's
    # abbreviation before it, in doubt
    from digitize.pipeline.fields.number import fit_notation
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.model import ExtractedField

    def fit(value: str, heading: str | None, organ: str, conf: float = 0.28) -> tuple[str | None, float]:
        found = fit_notation(Found((ExtractedField("code_notation", value, conf),)), heading, organ)
        f = found.get("code_notation")
        assert f is not None
        return f.value, f.confidence

    committee = "Ủy ban nhân dân tỉnh Bình Định"
    assert fit("UBND", "Chỉ thị", committee) == ("CT-UBND", 0.28)
    assert fit("SXD", "Báo cáo", "Sở Xây dựng", 0.55) == ("BC-SXD", 0.55)
    # read surely ("Số: 07/UBND"), or with no type heading (a công văn's "Số: 12/UBND"): as read
    assert fit("UBND", "Chỉ thị", committee, 0.9) == ("UBND", 0.9)
    assert fit("UBND", None, committee) == ("UBND", 0.28)


def test_a_clean_part_read_surely_is_not_the_organ_s_own_with_its_first_letter_lost() -> None:
    # a Phòng prints its own abbreviation without its "P", a Tổng cục or a Trung tâm without its first "T":
    # read surely, a clean part in capitals is as printed (it stays at the unknown part's worth)
    from digitize.pipeline.fields.number import ONE_LOST_QUALITY

    for raw, organ in (
        ("BC-KTHT", "Phòng Kinh tế và Hạ tầng"),
        ("KH-VHTT", "Phòng Văn hóa và Thông tin"),
        ("QĐ-CSGT", "Phòng Cảnh sát giao thông"),
        ("BC-TCKH", "Phòng Tài chính - Kế hoạch"),
        ("TB-QLĐT", "Phòng Quản lý đô thị"),
        ("QĐ-CHQ", "Tổng cục Hải quan"),
        ("BC-TKSBT", "Trung tâm Kiểm soát bệnh tật"),
        ("QĐ-TDVVL", "Trung tâm Dịch vụ việc làm"),
    ):
        value, quality = repair_notation(raw, organ, conf=0.9)
        assert value == raw and quality >= 0.6, (raw, value, quality)
        # read unsure, the letter may have been lost: the organ's own, in doubt
        assert repair_notation(raw, organ, conf=0.5)[1] <= ONE_LOST_QUALITY


def test_a_garbled_part_where_decree_30_puts_the_organ_s_own_abbreviation_is_it_in_doubt() -> None:
    # seed k897 dev 011 (a blurred photo): a công văn's "2043/SYT-VP" read "2043 svr.vP"; seed w657 alt 004:
    # "1098/UBND-VP" read "1098 /swp.vP"; seed w657 alt 010: "1508/TTr-TY" under "TỜ TRÌNH" read "1508
    # mrr-rv": each notation dropped as garbled. Decree 30 puts the organ's own abbreviation there: it, in
    # doubt
    from digitize.pipeline.fields.number import OWN_PART_QUALITY
    from tests.pipeline.test_extract import extract, header, page, signer

    def notation(organ: tuple[str, ...], number: str, vv: tuple[str, ...], heading: str | None) -> object:
        specs = header(parent=None, organ=organ, number=number, vv=vv)
        if heading is not None:
            subject = "Về việc đề nghị phê duyệt kế hoạch năm 2024"
            specs += [(heading, "center", 95.0), (subject, "center", 91.0)]
        specs += [("Kính gửi: Các đơn vị.", "center", 90.0), *signer()]
        f = extract([page(specs)]).fields.get("code_notation")
        return None if f is None or not f.value else (f.value, f.confidence <= OWN_PART_QUALITY)

    vv = ("V/v triển khai công tác phòng chống dịch bệnh",)
    assert notation(("SỞ Y TẾ",), "Số: 2043/svr-VP", vv, None) == ("SYT-VP", True)
    committee = ("ỦY BAN NHÂN DÂN", "TỈNH KIÊN GIANG")
    # ... where its letters read so: "swp" is no "UBND" (not one letter of it), left garbled (review)
    assert notation(committee, "Số: 1098/swp-VP", vv, None) is None
    assert notation(("CỤC THÚ Y",), "Số: 1508/mrr-rv", (), "TỜ TRÌNH") == ("TTr-TY", True)
    # no "V/v" line and no type heading: what the first part is the page does not say (dropped as garbled)
    assert notation(("SỞ Y TẾ",), "Số: 2043/svr-VP", (), None) is None
    # the part that is read clean is never replaced; a part as long as none of the organ's own stays garbled
    assert notation(("SỞ Y TẾ",), "Số: 2043/SYT-VP", vv, None) == ("SYT-VP", False)
    assert notation(("SỞ Y TẾ",), "Số: 2043/svrxyz-VP", vv, None) is None


def test_a_typed_notation_read_as_one_garbled_part_reading_as_the_organ_s_own_is_both_in_doubt() -> None:
    # k933 dev 002: "Số: 980/BC-SGTVT" under "BÁO CÁO" read "sø. 980 /sorvr" beside the pen's number: the
    # type's part and its hyphen lost, the rest read letter for letter as the Sở's own "SGTVT" ("o" of "G"
    # aside): dropped as garbled. Decree 30 puts the heading's abbreviation first and the organ's after it
    from digitize.pipeline.fields.number import OWN_PART_QUALITY
    from tests.pipeline.test_extract import extract, header, page, signer

    def notation(organ: tuple[str, ...], number: str, heading: str) -> object:
        specs = header(parent=None, organ=organ, number=number)
        specs += [(heading, "center", 95.0), ("Kết quả kiểm tra công tác văn thư năm 2020", "center", 91.0)]
        specs += [("Kính gửi: Các đơn vị.", "center", 90.0), *signer()]
        f = extract([page(specs)]).fields.get("code_notation")
        return None if f is None or not f.value else (f.value, f.confidence <= OWN_PART_QUALITY)

    transport = ("SỞ GIAO THÔNG VẬN TẢI",)
    assert notation(transport, "Số: 980/sorvr", "BÁO CÁO") == ("BC-SGTVT", True)
    assert notation(transport, "Số: 980/sorvr", "TỜ TRÌNH") == ("TTr-SGTVT", True)
    # letters that read as no abbreviation of the organ's own, or as long as none: still dropped
    assert notation(transport, "Số: 980/oouewo", "BÁO CÁO") is None
    assert notation(transport, "Số: 980/xwpqk", "BÁO CÁO") is None
    # a part that reads as a type's abbreviation too (the organ's part may be the one lost): dropped
    # ("rb": the Cục's own "TB" or the type's "TB", Thông báo)
    assert notation(("CỤC THƯƠNG BINH",), "Số: 12/rb", "BÁO CÁO") is None


def test_a_garbled_first_part_is_not_the_organ_s_own_where_it_is_cv_or_the_other_part_holds_it() -> None:
    # review: a công văn "12/cv-CTY" (an enterprise's "CV", the Cục Thú y's "CTY") read "TY-CTY" at 0.55: its
    # letters are the type's "CV", and "TY" is in "CTY" already; "rv" reads as "TY" but "CTY" holds it
    from tests.pipeline.test_extract import extract, header, page, signer

    def notation(number: str) -> str | None:
        specs = header(parent=None, organ=("CỤC THÚ Y",), number=number, vv=("V/v triển khai công tác",))
        specs += [("Kính gửi: Các đơn vị.", "center", 90.0), *signer()]
        f = extract([page(specs)]).fields.get("code_notation")
        return None if f is None else f.value

    assert notation("Số: 12/cv-CTY") is None
    assert notation("Số: 12/rv-CTY") is None
    # a part that reads as a type's abbreviation as well as the organ's own: which one the page does not say
    # ("rb": the Cục's own "TB" or the type's "TB", Thông báo)
    specs = header(parent=None, organ=("CỤC THƯƠNG BINH",), number="Số: 12/rb-VP", vv=("V/v triển khai",))
    f = extract([page([*specs, ("Kính gửi: Các đơn vị.", "center", 90.0), *signer()])]).fields
    assert f["code_notation"].value is None


def test_a_garbled_part_is_the_organ_s_own_where_its_letters_read_so() -> None:
    from digitize.pipeline.fields.number import _letters_read_as

    assert _letters_read_as("svr", "SYT") and _letters_read_as("rv", "TY") and _letters_read_as("5vr", "SYT")
    assert _letters_read_as("QrnT", "QMT")  # "rn" read for "m"
    assert not _letters_read_as("sxr", "SYT") and not _letters_read_as("cv", "TY")
    assert not _letters_read_as("swp", "UBND") and not _letters_read_as("svrx", "SYT")


def test_the_organ_s_own_abbreviation_of_a_garbled_part_s_length_is_the_only_one_so_long() -> None:
    from digitize.pipeline.fields.number import _own_of_length

    # a Cục prints its own with or without its kind word's letter: "CTY" and "TY"
    assert _own_of_length("rv", ("CTY", "TY")) == "TY"
    assert _own_of_length("xyz", ("CTY", "TY")) == "CTY"
    assert _own_of_length("wxyz", ("CTY", "TY")) == "CTY"  # none so long: one a letter shorter
    assert _own_of_length("v", ("CTY", "TY")) == "TY"
    assert _own_of_length("vw", ("CTY", "CTX")) is None  # two a letter longer: which is not said
    assert _own_of_length("abcdef", ("SYT",)) is None


def test_a_notation_read_as_one_part_ending_with_the_organ_s_own_read_alike() -> None:
    # seed w659 dev 010: "TTr-QLD" of the Cục Quản lý Dược under "TỜ TRÌNH" read "TroLD" (the first "T" lost,
    # the hyphen lost, the "Q" read "o"): kept as read at 0.17; the heading's and the organ's own, in doubt
    from digitize.pipeline.fields.number import fit_notation
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.model import ExtractedField

    def fit(value: str, organ: str, heading: str = "Tờ trình") -> tuple[str | None, float]:
        f = fit_notation(Found((ExtractedField("code_notation", value, 0.5),)), heading, organ).get(
            "code_notation"
        )
        assert f is not None
        return f.value, f.confidence

    assert fit("TroLD", "Cục Quản lý Dược") == ("TTr-QLD", 0.5)
    # not an abbreviation another organ prints, nor one with two letters read otherwise, nor a tail too short
    assert fit("TroLD", "Sở Y tế")[0] == "TroLD"
    assert fit("TrolO", "Cục Quản lý Dược")[0] == "TrolO"
    assert fit("CTrv", "Cục Thú y", "Chỉ thị")[0] == "CTrv"


def _unit_letter_page(
    notation: str,
    notation_conf: float,
    date: str = "ngày 15 tháng 4 năm 2019",
    subject_end: str = "cải cách hành chính năm 2019",
) -> RecognizedPage:
    """A Sở Y tế's công văn whose "Số: 58 /<notation>" line has its notation word read at ``notation_conf``
    (seed 923 dev 004: "/SYT-LCCB" of "/SYT-TCCB" at 74.5, the rest of the page read well), dated ``date``,
    its V/v subject's second line ``subject_end`` (the header runs down to "Kính gửi", the subject in it)."""
    rows = [
        (0, 300, "UBND TỈNH PHÚ THỌ"),
        (0, 1400, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (1, 380, "SỞ Y TẾ"),
        (1, 1500, "Độc lập - Tự do - Hạnh phúc"),
        (2, 300, f"Số: 58 /{notation}"),
        (2, 1450, f"Phú Thọ, {date}"),
        (3, 250, "V/v triển khai thực hiện kế hoạch"),
        (4, 280, subject_end),
        (6, 400, "Kính gửi: Các cơ quan, đơn vị trên địa bàn tỉnh Phú Thọ."),
        (7, 300, "Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch."),
        (9, 1500, "KT. GIÁM ĐỐC"),
        (10, 1500, "PHÓ GIÁM ĐỐC"),
        (12, 1500, "Mùa Văn Đẳng"),
    ]
    words = []
    for n, x0, text in rows:
        x = float(x0)
        for t in text.split():
            conf = notation_conf if t.startswith("/") else 93.0
            box = Box(x, 200.0 + 80 * n, x + 22 * len(t), 245.0 + 80 * n)
            words.append(Word(t, conf, box, line=n * 2 + (x0 > 1000)))
            x += 22 * (len(t) + 1)
    return RecognizedPage(0, "ocr", 2480.0, 3508.0, "\n".join(r[2] for r in rows), tuple(words))


def test_a_part_no_list_knows_read_in_an_unsure_notation_word_is_in_doubt() -> None:
    # seed 923 dev 004: "/SYT-LCCB" of "/SYT-TCCB", its "T" read "L", the word at 74.5: kept surely at 0.75
    # (a unit's part no list knows is kept as printed); the word read unsure, its letters may be misread
    from digitize.pipeline.fields.compose import extract

    unsure = extract([_unit_letter_page("SYT-LCCB", 74.5)]).fields
    assert unsure["code_notation"].value == "SYT-LCCB" and unsure["code_notation"].confidence < 0.6
    assert unsure["code_number"].value == "58" and unsure["code_number"].confidence >= 0.6
    # read sure, the part no list knows stands as printed; every part known (the organ's own, the office's),
    # the unsure word's reading is confirmed by the lists
    sure = extract([_unit_letter_page("SYT-TCCB", 93.0)]).fields["code_notation"]
    assert sure.value == "SYT-TCCB" and sure.confidence >= 0.6
    known = extract([_unit_letter_page("SYT-VP", 74.5)]).fields["code_notation"]
    assert known.value == "SYT-VP" and known.confidence >= 0.6


def test_a_first_part_no_list_knows_read_unsure_is_left_to_the_heading_s_fit() -> None:
    # seed 577 dev 000: "/QĐÐ-QLD" at 65 under "QUYẾT ĐỊNH": its first part "QĐĐ" is the type's, which
    # ``fit_notation`` puts back; only a later part no list knows goes to doubt for the unsure word
    pharma = "Cục Quản lý Dược"
    assert repair_notation("QĐĐ-QLD", pharma, word_conf=0.65) == ("QĐĐ-QLD", UNKNOWN_PART)
    assert repair_notation("SYT-LCCB", "Sở Y tế", word_conf=0.745)[1] < 0.6
    assert repair_notation("SYT-LCCB", "Sở Y tế", word_conf=0.93) == ("SYT-LCCB", UNKNOWN_PART)


def test_a_notation_part_only_a_doubted_organ_name_s_own_abbreviation_supports_is_in_doubt() -> None:
    # seed 593 alt 002: "CỤC DU LỊCH QUỐC GIA VIỆT NAM" read "JC du lịch quốc gia vi nam" (in doubt), its
    # notation's "CDLQGVN" read "JDLQGVN": that name's own abbreviation, taken at 0.79. Both misread alike
    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import header, page, signer

    def notation(organ: str, number: str, organ_conf: float) -> tuple[str | None, float]:
        specs = header(parent="BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", organ=(organ,), number=number)
        specs = [(t, w, organ_conf if t == organ else c) for t, w, c in specs]
        specs += [
            ("BÁO CÁO", "center", 95.0),
            ("Kết quả triển khai Đề án phát triển ứng dụng dữ liệu dân cư năm 2019", "center", 92.0),
            ("Thực hiện chỉ đạo của Bộ, Cục báo cáo kết quả như sau:", "body", 92.0),
            *signer(("CỤC TRƯỞNG",), "La Xuân Toàn"),
        ]
        got = extract([page(specs)]).fields["code_notation"]
        return got.value, got.confidence

    value, conf = notation("JC DU LỊCH QUỐC GIA VI NAM", "Số: 92/BC-JDLQGVN", 50.0)
    assert value == "BC-JDLQGVN" and conf < 0.6
    # the organ's name read surely: its own abbreviation supports the part, sure
    value, conf = notation("CỤC DU LỊCH QUỐC GIA VIỆT NAM", "Số: 92/BC-CDLQGVN", 92.0)
    assert value == "BC-CDLQGVN" and conf >= 0.6
    # nor where the right name was only read unsurely: all its words syllables, its own abbreviation (review)
    value, conf = notation("CỤC DU LỊCH QUỐC GIA VIỆT NAM", "Số: 92/BC-CDLQGVN", 50.0)
    assert value == "BC-CDLQGVN" and conf >= 0.6
