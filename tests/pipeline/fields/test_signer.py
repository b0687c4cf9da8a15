"""The signer found by the document's structure: the signed page's block, not a blank page after it, an
unsigned receipt block or an attached draft naming someone else; titles with a unit; the Prime Minister's
deputy; names checked against Vietnamese naming."""

from __future__ import annotations

from dataclasses import replace

import pytest

from digitize.pipeline.fields import extract
from digitize.pipeline.fields import signer as signer_module
from digitize.pipeline.fields.lines import Line, make_line, page_lines
from digitize.pipeline.fields.signer import lead_as_read, own_family, read_signer, surname_of
from digitize.pipeline.model import Box, ExtractedField, RecognizedPage, Word
from tests.pipeline.test_extract import _ubnd_directive, header, page, signer, values


def _signed_page() -> list:  # type: ignore[type-arg]
    return _ubnd_directive()


def test_signer_on_the_signed_page_not_on_a_blank_page_with_a_faint_seal_after_it() -> None:
    seal = page([("Ủ", "x=1700", 20.0), ("y", "x=1900", 15.0), ("*", "x=1800", 10.0)], index=1)
    v = extract([page(_signed_page()), seal]).values()
    assert (v["signer_title"], v["signer_name"]) == ("Phó Chủ tịch", "Phạm Trường Thọ")


def test_an_attached_draft_naming_someone_else_is_not_the_signer() -> None:
    draft = [
        ("DỰ THẢO", "center", 92.0),
        ("QUYẾT ĐỊNH", "center", 95.0),
        ("Điều 1. Miễn nhiệm ông Lê Văn B.", "body", 90.0),
        *signer(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Đặng Văn Minh"),
    ]
    v = extract([page(_signed_page()), page(draft, index=1)]).values()
    assert (v["signer_title"], v["signer_name"]) == ("Phó Chủ tịch", "Phạm Trường Thọ")


def test_a_list_label_with_a_letter_glued_before_it_still_places_the_signed_page() -> None:
    # a blurred photo's italic "Nơi" read "XNơi" (seeds 505 alt 008, 509 alt 000): the list still marks the
    # signed page, so an annex's own block after it ("NGƯỜI LẬP DANH SÁCH" over a clerk's name, its page's
    # "Viễn thông)" fuzzily "Viện trưởng") is not taken for the signer's
    signed = [(("XNơi nhận:", *spec[1:]) if spec[0] == "Nơi nhận:" else spec) for spec in _signed_page()]
    annex = [
        ("PHỤ LỤC", "center", 92.0),
        ("(Kèm theo Chỉ thị số 07/CT-UBND của", "center", 92.0),
        ("Viễn thông)", "x=1700", 96.0),
        ("1. Ông/Bà Lã Tuyết Trâm, Thư ký", "body", 92.0),
        ("NGƯỜI LẬP DANH SÁCH", "sig", 96.0),
        ("Lã Tuyết Trâm", "sig", 96.0),
    ]
    v = extract([page(signed), page(annex, index=1)]).values()
    assert (v["signer_title"], v["signer_name"]) == ("Phó Chủ tịch", "Phạm Trường Thọ")


def test_an_unsigned_receipt_block_on_the_last_page_is_not_the_signer() -> None:
    receipt = [
        ("Nơi nhận:", "x=300", 90.0),
        ("- Như trên;", "x=300", 90.0),
        ("- Lưu: VT.", "x=300", 90.0),
    ]
    v = extract([page(_signed_page()), page(receipt, index=1)]).values()
    assert (v["signer_title"], v["signer_name"]) == ("Phó Chủ tịch", "Phạm Trường Thọ")


def test_three_line_tl_kt_block_gives_the_line_above_the_name() -> None:
    specs = _ubnd_directive()[:-5] + signer(
        ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), "Phùng Tô Long"
    )
    v = values(specs)
    assert v["signer_title"] == "Phó Chánh Văn phòng"
    assert v["signer_name"] == "Phùng Tô Long"  # a less common family name, not "Tô Long"


def test_a_title_followed_by_its_unit() -> None:
    specs = [*header(), ("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ...", "center", 90.0)]
    specs += signer(("TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ"), "Trần Văn Hùng")
    assert values(specs)["signer_title"] == "Vụ trưởng"


def test_prime_minister_s_deputy_not_an_agency_head() -> None:
    head = header(
        parent=None,
        organ=("THỦ TƯỚNG CHÍNH PHỦ",),
        number="Số: 1139/QĐ-TTg",
        date="Hà Nội, ngày 09 tháng 10 năm 2024",
    )
    body = [("QUYẾT ĐỊNH", "center", 95.0), ("Phê chuẩn kết quả bầu", "center", 90.0)]
    v = values(head + body + signer(("THỦ TRƯỞNG",), "Nguyễn Hòa Bình"))
    assert v["signer_title"] == "Thủ tướng"
    v = values(head + body + signer(("KT. THỦ TRƯỞNG",), "Nguyễn Hòa Bình"))  # the seal over "PHÓ THỦ TƯỚNG"
    assert v["signer_title"] == "Phó Thủ tướng"
    # the same words under a department stay an agency head's title
    v2 = values([*header(), *body, *signer(("THỦ TRƯỞNG",), "Nguyễn Hòa Bình")])
    assert v2["signer_title"] == "Thủ trưởng"


def test_a_name_with_a_word_no_vietnamese_name_has_is_not_taken() -> None:
    specs = _ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Mg Hòa Bình", [40.0, 95, 95])
    assert values(specs)["signer_name"] is None  # needs review rather than a wrong name


def test_a_common_family_name_is_not_replaced_by_a_rare_one_with_the_same_letters() -> None:
    specs = _ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Doàn Văn An", [70.0, 95, 95])
    assert values(specs)["signer_name"] == "Đoàn Văn An"  # not "Doãn"


def test_a_name_glued_by_a_colon_after_a_speck() -> None:
    specs = _ubnd_directive()[:-5] + signer(
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "+ Dương:Minh Nam", [48.0, 91, 96]
    )
    assert values(specs)["signer_name"] == "Dương Minh Nam"


def _named(name: str, confs: list[float]) -> dict[str, str | None]:
    return values(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, confs))


def test_a_family_name_garbled_by_the_seal_rim_is_repaired_when_clearly_one() -> None:
    # the rim and the star read as letters before "Nguyễn" (a grey scan of 1139/QĐ-TTg read "lgứýên")
    assert _named("sMguyễn Hòa Bình", [40.0, 96, 96])["signer_name"] == "Nguyễn Hòa Bình"
    assert _named("lgứýên Hòa Bình", [30.0, 96, 96])["signer_name"] == "Nguyễn Hòa Bình"
    # the rim over its first letters
    assert _named("uyễn Hòa Bình", [54.0, 96, 96])["signer_name"] == "Nguyễn Hòa Bình"


def test_given_names_alone_are_not_the_signer_when_the_family_name_is_garbled_past_repair() -> None:
    # "buyên" could be Nguyễn or Huỳnh: no guess, and "Hòa Bình" alone is not the name (null, review)
    assert _named("buyên Hòa Bình", [18.0, 96, 96])["signer_name"] is None
    # "p4" for "Dương" under the seal (a generated licence): not "Minh Bình"
    assert _named("p4 Minh Bình", [38.0, 96, 97])["signer_name"] is None
    assert _named("+ Dương:Minh Nam", [48.0, 91, 96])["signer_name"] == "Dương Minh Nam"  # a speck is no word


def test_a_name_read_right_is_never_repaired() -> None:
    assert _named("Lê Minh Trí", [95.0, 96, 96])["signer_name"] == "Lê Minh Trí"
    assert _named("Hà Thị Lê Vân", [95.0, 96, 96, 96])["signer_name"] == "Hà Thị Lê Vân"


def test_surname_of_guesses_only_long_family_names_and_only_when_clear() -> None:
    assert surname_of("Trần") == "Trần"
    assert surname_of("XNgưệễn") == "Nguyễn"
    assert surname_of("Hoàg") == "Hoàng"
    assert surname_of("bê") is None  # Lê? Hà? never guessed
    # a rare family name the list grew with ("Nghiêm") does not make a garbled Nguyễn doubtful (a grey rescan
    # of a real decision lost its signer so)
    assert surname_of("#Ngưiễn") == "Nguyễn"
    assert surname_of("buyên") is None  # Nguyễn and Huỳnh both near
    assert surname_of("ang") is None  # the tail of Hoàng, Đặng, Giang …


def test_a_title_without_a_name_is_kept_when_a_blank_page_with_a_seal_follows() -> None:
    # the name lost under the seal on the signed page, "Nơi! nhận:" read with a speck, a blank sealed page
    # after it: the title is still the signed page's, not nothing from the blank page
    specs = [
        *_ubnd_directive()[:-5],
        ("Nơi! nhận:", "x=300", 70.0),
        ("KT. CỤC TRƯỞNG", "sig", 80.0),
        ("- Như trên;", "x=300", 90.0),
    ]
    seal = page([("Ủ", "x=1700", 20.0), ("*", "x=1800", 10.0)], index=1)
    v = extract([page(specs), seal]).values()
    assert v["signer_title"] == "Phó Cục trưởng"
    assert v["signer_name"] is None


def test_the_acting_forms() -> None:
    for lines, title in (
        (("Q. GIÁM ĐỐC",), "Quyền Giám đốc"),
        (("Q. CHỦ TỊCH",), "Quyền Chủ tịch"),
        (("QUYỀN GIÁM ĐỐC",), "Quyền Giám đốc"),  # the acting form written out
        (("TM. ỦY BAN NHÂN DÂN", "QUYỀN CHỦ TỊCH"), "Quyền Chủ tịch"),
        (("Ọ. CHỦ TỊCH",), "Quyền Chủ tịch"),  # the Q read as Ọ, O or 0: still the acting head
        (("0. GIÁM ĐỐC",), "Quyền Giám đốc"),
        (("9. CHỦ TỊCH",), "Quyền Chủ tịch"),  # a blurred photo's Q read as 9
        (("7.0 Q. CỤC TRƯỞNG",), "Quyền Cục trưởng"),  # the seal's marks read before the prefix
        ((". KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phó Chủ tịch"),
        (("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"), "Quyền Chủ tịch"),
        (("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"), "Chánh Văn phòng"),
        (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phó Chủ tịch"),
    ):
        v = values(_ubnd_directive()[:-5] + signer(lines, "Phạm Trường Thọ"))
        assert (v["signer_title"], v["signer_name"]) == (title, "Phạm Trường Thọ"), lines


def test_a_two_word_name_after_a_doubted_word_goes_to_review() -> None:
    # a grey 200 dpi scan: the seal's rim over "Trần" read "Xấn" (confidence 29) before "Hoàng Tuấn"
    from digitize.pipeline.fields.review import low_confidence_fields
    from tests.pipeline.test_extract import _ubnd_directive as directive
    from tests.pipeline.test_extract import page as make_page
    from tests.pipeline.test_extract import signer as block

    def read(name: str, confs: list[float]) -> tuple[str | None, bool]:
        ex = extract([make_page(directive()[:-5] + block(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, confs))])
        return ex.values()["signer_name"], "signer_name" in low_confidence_fields(ex)

    assert read("Xấn Hoàng Tuấn", [29.0, 97, 94]) == ("Hoàng Tuấn", True)
    assert read("Hoàng Tuấn", [97.0, 94]) == ("Hoàng Tuấn", False)  # a two-word name read clean
    assert read("Trần Hoàng Tuấn", [90.0, 97, 94]) == ("Trần Hoàng Tuấn", False)
    # a word read with confidence is no rim: the name's own first word, kept; a family name no list has, in
    # review (names39: "Bô" (93) for "Bồ" was taken at 0.81)
    assert read("Xấn Hoàng Tuấn", [88.0, 97, 94]) == ("Xấn Hoàng Tuấn", True)


def _block(
    title_lines: list[tuple[str, list[float]]], name: str, confs: list[float]
) -> dict[str, str | None]:
    from tests.pipeline.test_extract import _ubnd_directive as directive

    specs = [*directive()[:-5], ("Nơi nhận:", "x=300", 90.0)]
    specs += [(t, "sig", c) for t, c in title_lines]
    specs += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0), (name, "sig", confs)]
    return values(specs)


def _block_fields(
    title_lines: list[tuple[str, list[float]]], name: str, confs: list[float]
) -> dict[str, ExtractedField]:
    from tests.pipeline.test_extract import _ubnd_directive as directive

    specs = [*directive()[:-5], ("Nơi nhận:", "x=300", 90.0)]
    specs += [(t, "sig", c) for t, c in title_lines]
    specs += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0), (name, "sig", confs)]
    return extract([page(specs)]).fields


def test_the_deputy_s_line_under_a_seal_still_names_the_deputy() -> None:
    # a grey 200 dpi scan of "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": both heads under the seal
    v = _block([(".C TỊCH", [0.0, 97]), ("«Ð..- TỊCH", [16.0, 97])], "Phạm Trường Thọ", [96.0, 97, 96])
    assert v["signer_title"] == "Phó Chủ tịch"
    v = _block([("—_„,C TỊCH", [40.0, 87]), ("V° TỊCH", [53.0, 22])], "Phạm Trường Thọ", [96.0, 97, 96])
    assert v["signer_title"] == "Phó Chủ tịch"  # (skewed 2°: "V°" no word)
    # the line under the title read with confidence is not a covered "PHÓ …" line
    v = _block([("CHỦ TỊCH", [97.0, 97]), ("Ký TỊCH", [90.0, 97])], "Phạm Trường Thọ", [96.0, 97, 96])
    assert v["signer_title"] == "Chủ tịch"


def test_a_family_name_whose_first_letters_the_rim_took_is_known_by_its_marked_tail() -> None:
    from digitize.pipeline.fields.signer import surname_by_tail

    assert surname_by_tail("ạm") == "Phạm"
    assert surname_by_tail("am") is None  # Phạm, Lâm, Đàm … all end so without marks
    assert surname_by_tail("Ạm") is None  # a capitalised word is a read word
    # "Phạm Trường Thọ" with the rim over "Ph": not "Trương Thọ" (the middle name taken as the family name)
    assert _named("ạm Trường Thọ", [81.0, 97, 96])["signer_name"] == "Phạm Trường Thọ"


def test_words_read_at_random_under_the_seal_are_no_name() -> None:
    # the emblem read as words at confidence 0: not "Tạ Sơn"
    assert _named("Tà Ê Số ⁄7", [0.0, 0, 0, 38])["signer_name"] is None
    # two letters of junk before the name's tail: not "Vũ En Hòa Bình" (a two-letter guess needs a reading)
    assert _named("Xv... en Hòa Bình", [0.0, 79, 97, 97])["signer_name"] != "Vũ En Hòa Bình"
    # a two-letter family name misread with some confidence is still repaired
    assert _named("Tế Thị Bích Thuận", [60.0, 95, 95, 95])["signer_name"] == "Lê Thị Bích Thuận"


def test_kt_glued_to_the_seal_s_marks_is_still_the_deputy_s_prefix() -> None:
    v = _block([("ZcftKT. CHỦ TỊCH", [0.0, 93, 97])], "Phạm Trường Thọ", [96.0, 96, 96])
    assert v["signer_title"] == "Phó Chủ tịch"
    v = _block([("Ctrl CHỦ TỊCH", [30.0, 93, 97])], "Phạm Trường Thọ", [96.0, 96, 96])
    assert v["signer_title"] == "Chủ tịch"  # no prefix without its dot


# names the generator's pools never drew: the name is what the block's name line says, the family-name list
# only repairs a garbled word (issue 17: "your generator is not the world")


def test_a_family_name_missing_from_the_list_is_kept_before_a_middle_name_that_is_one() -> None:
    # "Văn" is a family name too: not "Văn Thắng"
    assert _named("Khương Văn Thắng", [96.0, 97, 96])["signer_name"] == "Khương Văn Thắng"
    assert _named("Sầm Văn Bẩy", [97.0, 93, 87])["signer_name"] == "Sầm Văn Bẩy"
    assert _named("Mẫn Thị Mai Hoa", [90.0, 93, 92, 92])["signer_name"] == "Mẫn Thị Mai Hoa"
    # a doubted speck before a family name is still no word of the name
    assert _named("Ké Nguyễn Văn An", [20.0, 96, 96, 96])["signer_name"] == "Nguyễn Văn An"


def test_a_family_name_read_as_one_is_not_replaced_by_a_commoner_one_with_its_letters() -> None:
    assert _named("Doãn Thị Nhàn", [92.0, 96, 92])["signer_name"] == "Doãn Thị Nhàn"  # not "Đoàn"


def test_names_of_the_highlands_and_the_khmer_read_surely_are_names() -> None:
    assert _named("Thạch Thị Sa Rươne", [96.0, 96, 93, 91])["signer_name"] == "Thạch Thị Sa Rươne"
    assert _named("Y Ngông Niê Kdăm", [93.0, 95, 94, 92])["signer_name"] == "Y Ngông Niê Kdăm"
    assert _named("Giàng A Páo", [95.0, 92, 94])["signer_name"] == "Giàng A Páo"
    assert _named("Lò Văn Pọm", [95.0, 92, 70])["signer_name"] == "Lò Văn Pọm"
    assert _named("Hà Thị Khuyến", [95.0, 92, 70])["signer_name"] == "Hà Thị Khuyến"  # not "Huyền"


def test_an_e_signature_box_under_the_name_is_no_name() -> None:
    # printed e-documents carry "Signature Valid" / "Digitally Signed" under the signer's name, read surely:
    # words of letters that are no Vietnamese syllables make no name unless most of the line's words are
    from tests.pipeline.test_extract import decision

    for box in ("Signature Valid", "Digitally Signed", "Signature Not Verified"):
        v = values([*decision(), (box, "sig", 95.0)])
        assert v["signer_name"] == "Nguyễn Văn An", box
    # a minority people's name keeps its words that Vietnamese has not, read surely
    v = values([*decision()[:-1], ("Y Ngông Niê Kdăm", "sig", 95.0)])
    assert v["signer_name"] == "Y Ngông Niê Kdăm"


def test_the_seal_s_marks_before_the_head_s_title_under_tm_are_no_deputy() -> None:
    # a grey photo: the seal's marks before "CHỦ TỊCH" read "90 HA", which matches "PHÓ CHỦ TỊCH" fuzzily;
    # right under "TM." signs the head (a deputy signs under "KT. CHỦ TỊCH")
    def title(lines: tuple[str, ...]) -> str | None:
        return values(_ubnd_directive()[:-5] + signer(lines, "Thái Tuyết Loan"))["signer_title"]

    assert title(("TM. ỦY BAN NHÂN DÂN", "90 HA CHỦ TỊCH")) == "Chủ tịch"
    assert title(("TM. ỦY BAN NHÂN DÂN", "PHO CHỦ TỊCH")) == "Phó Chủ tịch"  # "PHÓ" read: as read
    assert title(("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "HA CHỦ TỊCH")) == "Phó Chủ tịch"


def test_letters_of_mixed_case_under_the_seal_s_rim_are_no_family_name() -> None:
    # a bitonal scan: the ring through "Lục Mạnh" read "sL, .nh Hậu"; "sL" had become "SL", then "Lê" (the
    # nearest family name), and "nh" "Anh": an invented name. A lower-case syllable's first letter may be a
    # capital the rim broke ("bý" for "Lý"); mixed case is the rim's marks
    def name(text: str, confs: list[float]) -> str | None:
        block = signer(("GIÁM ĐỐC",), text, confs)
        return values(_ubnd_directive()[:-5] + block)["signer_name"]

    assert name("sL, .nh Hậu", [50.0, 74, 96]) is None
    assert name("bý Thị Hậu", [50.0, 90, 96]) == "Lý Thị Hậu"


def test_two_words_of_a_name_read_glued_are_no_name_word() -> None:
    # OCR lost the space between a family name and the next word ("PhạmThu Hà", read surely): one capital
    # inside a word is two words glued, not a minority people's name word; no signer from that reading, so the
    # signature block is read again (signature.second_pass)
    block = _ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "PhạmThu Hà", [91.0, 97])
    assert read_signer(page_lines(page(block))).value("signer_name") is None
    # once that pass had its chance (the document's fields), the two words split: a name in doubt (no
    # reading of the space)
    f = extract([page(block)]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Phạm Thu Hà", True)
    assert _named("Phạm ThuHà", [96.0, 91])["signer_name"] is None
    assert _named("Y Ngông Niê Kdăm", [93.0, 95, 94, 92])["signer_name"] == "Y Ngông Niê Kdăm"


def test_a_family_name_glued_to_the_next_word_under_the_seal_is_no_garbled_family_name() -> None:
    # "Tăng Kim Xuân" under a seal's rim read "TăngKm Xuân" (41 %): the family name and a middle name that
    # lost a letter, read without their space; taken for a garbled family name it gave "Tăng Xuân" (a word
    # lost). No name from that reading: the signature block is read again (signature.second_pass)
    assert _named("TăngKm Xuân", [41.0, 96])["signer_name"] is None
    # the rim's marks read before a family name are no word of the name
    assert _named("sMguyễn Hòa Bình", [40.0, 96, 96])["signer_name"] == "Nguyễn Hòa Bình"
    assert _named("Ẩš#Ngưiễn Hòa Bình", [0.0, 97, 97])["signer_name"] == "Nguyễn Hòa Bình"


def test_a_name_with_a_word_lost_between_two_read_ones_is_no_name() -> None:
    # a blurred photo: the pen's scribble over "Minh" joined it to the seal's ring; erased with the ring (or
    # dropped as a picture), it left "Vũ ... Nam" with a word's room between them: not "Vũ Nam"
    from dataclasses import replace

    pg = page(_ubnd_directive()[:-5] + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), "Vũ Minh Nam"))
    assert extract([pg]).values()["signer_name"] == "Vũ Minh Nam"
    minh = next(w for w in pg.words if w.text == "Minh")
    lost = replace(pg, words=tuple(w for w in pg.words if w is not minh))
    assert extract([lost]).values()["signer_name"] is None
    # the same two words a space apart: a two-word name as read
    nam = next(w for w in pg.words if w.text == "Nam")
    shift = minh.box.x0 - nam.box.x0
    moved = replace(nam, box=replace(nam.box, x0=nam.box.x0 + shift, x1=nam.box.x1 + shift))
    close = replace(lost, words=tuple(moved if w is nam else w for w in lost.words))
    assert extract([close]).values()["signer_name"] == "Vũ Nam"


def test_a_name_without_a_family_name_is_taken_only_when_its_first_word_is_read_surely() -> None:
    # a seal over the name on a blurred photo: "DA NÌM" (confidence 17, 39) for "Trương Minh Dũng"
    def name(text: str, confs: list[float]) -> str | None:
        block = signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), text, confs)
        return values(_ubnd_directive()[:-5] + block)["signer_name"]

    assert name("DA NÌM", [17.0, 39]) is None
    assert name("Ksor Nhung", [92.0, 95]) == "Ksor Nhung"  # a family name no list has, read surely


def test_a_middle_name_whose_first_letters_the_seal_took_is_not_made_the_family_name() -> None:
    # "Khổng Mạnh Thắng" under the seal's rim: "ạnh" (the rim over "M") ends the family name "Danh", but a
    # name's word ("Khố", read with confidence) stands before it: it is a middle name, no name is read
    name = signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), "<2 Khố, ạnh Thắng", [23.0, 77.0, 85.0, 95.0])
    specs = [*header(), ("QUYẾT ĐỊNH", "center", 95.0), *name]
    v = values(specs)
    assert v["signer_title"] == "Phó Cục trưởng"
    assert v["signer_name"] is None


def test_the_recipients_list_with_its_first_word_blurred_is_still_the_list() -> None:
    from digitize.pipeline.fields.lines import page_lines
    from digitize.pipeline.fields.signer import list_line

    def lines(first: str, then: str) -> list:  # type: ignore[type-arg]
        specs = [("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", "body", 90.0)]
        specs += [(first, "x=300", 40.0), (then, "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
        return page_lines(page(specs))

    found = list_line(lines("—NN nhận:", "- Như trên;"))  # a blurred photo's "Nơi nhận:"
    assert found is not None and found.text == "—NN nhận:"
    assert list_line(lines("Nơi nhận:", "- UBND tỉnh;")) is not None  # read as it is: no list line needed
    # "... nhận:" ending a body line is no list without the list's first line under it
    assert list_line(lines("Ông nhận:", "- Sở Tài chính;")) is None


def test_the_list_label_with_a_letter_glued_before_it_is_one_only_with_its_colon_or_alone() -> None:
    from digitize.pipeline.fields.lines import page_lines
    from digitize.pipeline.fields.signer import NOI_NHAN, list_line

    def lines(first: str) -> list:  # type: ignore[type-arg]
        specs = [("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", "body", 90.0)]
        specs += [(first, "x=300", 90.0), ("- Sở Tài chính;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
        return page_lines(page(specs))

    for label in ("XNơi nhận:", "XNơi nhận", "XNơi, nhận :"):
        found = list_line(lines(label))
        assert found is not None and found.text == label
    # a word glued before "Nơi nhận …" that runs on is no label (REVIEW-43c #3)
    assert list_line(lines("XNơi nhân dân các xã")) is None
    assert list_line(lines("aNơi nhận hồ sơ tại UBND huyện")) is None
    assert NOI_NHAN.match("xnoi nhan" + " " * 100_000 + "x") is None  # no backtracking over the run


def test_the_recipients_list_blurred_past_its_colon_is_still_the_list() -> None:
    # seed 163 (a blurred photo, the seal over the name): "ơi nhận" over "- Như tên," ("Nơi nhận:" and "- Như
    # trên;" shaken), the signature block lost and never read again: no signer at all
    from digitize.pipeline.fields.lines import page_lines
    from digitize.pipeline.fields.signer import list_line

    def lines(first: str, then: str) -> list:  # type: ignore[type-arg]
        specs = [("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", "body", 90.0)]
        specs += [(first, "x=300", 40.0), (then, "x=300", 90.0), ("-L VT", "x=300", 70.0)]
        return page_lines(page(specs))

    found = list_line(lines("ơi nhận", "- Như tên,"))
    assert found is not None and found.text == "ơi nhận"
    assert list_line(lines("ơi nhận", "- Như trên;")) is not None
    # the label's letters without the list's first line under it, or more words after it, are no list
    assert list_line(lines("ơi nhận", "- Sở Tài chính;")) is None
    assert list_line(lines("Ông nhận tiền", "- Như tên,")) is None


def test_a_family_name_whose_last_letters_a_blur_garbled_is_known_by_its_marked_head() -> None:
    from digitize.pipeline.fields.signer import surname_by_head

    assert surname_by_head("Trươyf") == "Trương"  # "Trươ" begins Trương alone
    assert surname_by_head("Đặngg") == "Đặng"
    assert surname_by_head("Hoàn") is None  # a syllable read whole is that word
    assert surname_by_head("Tranx") is None  # no mark: Trần, Trang ... alike
    assert surname_by_head("Ngưx") is None  # three letters are too few
    assert surname_by_head("trươyf") is None  # a lower-case word is no name's head


def test_a_head_that_is_another_word_is_no_family_name_and_a_long_blank_run_is_no_list() -> None:
    from digitize.pipeline.fields.signer import GARBLED_NOI_NHAN, surname_by_head

    assert surname_by_head("Hoànl") is None  # "Hoàn" is a word and a given name, not "Hoàng" cut short
    assert surname_by_head("Đặngg") == "Đặng"  # the whole family name, a speck after it
    assert GARBLED_NOI_NHAN.match(" " * 100_000 + "x") is None  # no backtracking over the run


def test_the_garbled_list_label_with_marks_apart_is_still_one() -> None:
    from digitize.pipeline.fields.signer import GARBLED_NOI_NHAN

    for text in ("- — nn nhan:", ", .nn nhan:", ". - nn nhan:", "—nn nhan:"):
        assert GARBLED_NOI_NHAN.match(text), text


def test_a_doubted_mark_before_the_title_is_left_out() -> None:
    name = ("Cao Đức Long", [96.0, 91, 97])
    # a seal beside the block, its rim read before the title: not "Chi cục trưởng" ("ni" near "chi")
    assert _block([("ni, CỤC TRƯỞNG", [20.0, 86, 96])], *name)["signer_title"] == "Cục trưởng"
    # ... nor no title at all before "Q." ("Z1!" and "Ỏ" at 0 and 31 before the acting head's prefix)
    assert _block([("Z1! Q. CỤC TRƯỞNG", [0.0, 92, 93, 77])], *name)["signer_title"] == "Quyền Cục trưởng"
    assert _block([("Ỏ Q. CỤC TRƯỞNG", [31.0, 87, 93, 93])], *name)["signer_title"] == "Quyền Cục trưởng"
    # the rim read as capitals ("HA" (18), seed 509 alt 000 blurred): no title's word stands before "Q."
    assert _block([("HA Q. CHỦ TỊCH", [18.0, 50, 50, 50])], *name)["signer_title"] == "Quyền Chủ tịch"
    assert _block([("HA Q. CHỦ TỊCH", [18.0, 50, 50, 50])], *name)["signer_name"] == name[0]
    # ... yet the rim may have made the "Q." too, however surely read: the acting head's title is in doubt
    # (REVIEW-43c #2: 0.68 with "Q." at 90); before "KT." the title is the line under it, as printed
    f = _block_fields([("HA Q. CHỦ TỊCH", [18.0, 90, 90, 90])], *name)["signer_title"]
    assert (f.value, f.confidence < 0.6) == ("Quyền Chủ tịch", True)
    f = _block_fields([("HA KT. CHỦ TỊCH", [18.0, 90, 90, 90]), ("PHÓ CHỦ TỊCH", [90.0, 90, 90])], *name)[
        "signer_title"
    ]
    assert (f.value, f.confidence >= 0.6) == ("Phó Chủ tịch", True)
    f = _block_fields([("Q. CHỦ TỊCH", [90.0, 90, 90])], *name)["signer_title"]  # no rim: sure
    assert (f.value, f.confidence >= 0.6) == ("Quyền Chủ tịch", True)
    # a title's own first word read as it is stays, and a doubted "PHÔ" is still the deputy's
    assert _block([("CHI CỤC TRƯỞNG", [40.0, 86, 96])], *name)["signer_title"] == "Chi cục trưởng"
    assert _block([("PHÔ CỤC TRƯỞNG", [19.0, 86, 96])], *name)["signer_title"] == "Phó Cục trưởng"


def test_two_doubted_marks_before_the_title_are_left_out() -> None:
    # a low-light photo: the seal's rim and a speck read "/" (39) and "to," (12) before "CHÁNH VĂN PHÒNG";
    # with both kept the line matched "Phó Chánh Văn phòng" fuzzily (taken at 0.62)
    title = [("TL. CỤC TRƯỞNG", [93.0, 91, 96]), ("/ to, CHÁNH VĂN PHÒNG", [39.0, 12, 93, 96, 96])]
    assert _block(title, "Lục Công Quyết", [97.0, 97, 96])["signer_title"] == "Chánh Văn phòng"
    # a sure word before the title is no mark: the line is read as it stands
    title = [("TL. CỤC TRƯỞNG", [93.0, 91, 96]), ("/ PHÓ CHÁNH VĂN PHÒNG", [39.0, 92, 93, 96, 96])]
    assert _block(title, "Lục Công Quyết", [97.0, 97, 96])["signer_title"] == "Phó Chánh Văn phòng"


def test_a_dropped_word_that_may_be_pho_leaves_the_head_s_title_in_doubt() -> None:
    # REVIEW-26 #1: "PHÓ" under the seal read "ló,", "b1ió", "t1ó" (doubted, nothing like "pho" by ratio):
    # left out, the head's title is what is left, but the deputy's may be the one printed: to review
    for line, confs in (
        ("i ló, GIÁM ĐỐC", [40.0, 45, 96, 96]),
        ("x b1ió GIÁM ĐỐC", [40.0, 45, 96, 96]),
        ("' t1ó CHÁNH VĂN PHÒNG", [40.0, 45, 95, 95, 95]),
        ("ló CHỦ TỊCH", [45.0, 96, 96]),
        ("/ to, CHÁNH VĂN PHÒNG", [39.0, 12, 93, 96, 96]),
        ("à CHỦ TỊCH", [47.0, 54, 96]),  # a marked letter: what is left of "PHÓ" (seed 241 blur dev 012)
    ):
        value, conf = _title_read([(line, confs)])
        assert conf < 0.6, (line, value, conf)
    # a seal's one mark that is no "PHÓ" ("ni,") still leaves the head's title sure
    value, conf = _title_read([("ni, CỤC TRƯỞNG", [20.0, 86, 96])])
    assert value == "Cục trưởng" and conf >= 0.6


def test_the_signer_s_name_is_no_title_though_its_letters_are_near_one() -> None:
    # "Trương Hữu Phong" folds near "trưởng phòng": the lowest title line is not the name under it
    block = signer(
        ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Trương Hữu Phong", [93.0, 96, 96]
    )
    v = values(_ubnd_directive()[:-5] + block)
    assert (v["signer_title"], v["signer_name"]) == ("Phó Chủ tịch", "Trương Hữu Phong")
    # a title printed in capitals is still one
    assert _block([("TRƯỞNG PHÒNG", [93.0, 96])], "Trương Hữu Phong", [93.0, 96, 96])["signer_title"] == (
        "Trưởng phòng"
    )


def _name_with_first_word(first_width: float, name: str, confs: list[float]) -> str | None:
    """The signer's name read from a block whose name line's first word is ``first_width`` px wide."""
    from dataclasses import replace

    pg = page(_ubnd_directive()[:-5] + signer(("CỤC TRƯỞNG",), name, confs))
    words = list(pg.words)
    k = next(i for i, w in enumerate(words) if w.text == name.split()[0])
    grow = first_width - (words[k].box.x1 - words[k].box.x0)
    words[k] = replace(words[k], box=replace(words[k].box, x1=words[k].box.x1 + grow))
    for i in range(k + 1, k + len(name.split())):
        b = words[i].box
        words[i] = replace(words[i], box=replace(b, x0=b.x0 + grow, x1=b.x1 + grow))
    return extract([replace(pg, words=tuple(words))]).values()["signer_name"]


def test_a_doubted_word_as_wide_as_two_is_no_family_name() -> None:
    # "Giáp Xuân Pọm" on a blurred photo, a faint seal: "vÚ" (0) over "Giáp Xuân", "Pọm" (72): not "Vũ Pọm"
    assert _name_with_first_word(44.0, "vÚ Pọm", [0.0, 72]) == "Vũ Pọm"  # a family name's width: a guess
    assert _name_with_first_word(340.0, "vÚ Pọm", [0.0, 72]) is None
    # ... also once the word correction made it a syllable ("vụ")
    assert _name_with_first_word(340.0, "vụ Pọm", [0.0, 72]) is None
    # a family name read surely is the family name, however wide
    assert _name_with_first_word(340.0, "Vũ Pọm", [95.0, 92]) == "Vũ Pọm"
    # a family name read with some confidence is one though its box is stretched ("Dương" (61) over "Văn")
    assert _name_with_first_word(300.0, "Dương Văn An", [61.0, 96, 97]) == "Dương Văn An"


def test_a_name_right_of_its_title_s_centre_lost_its_family_name() -> None:
    # a seal over "Dương": "Đức Long" read surely, right of the centre of "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG"
    def name(x: float | None) -> str | None:
        block = signer(("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), "Đức Long", [90.0, 96])
        if x is not None:
            block[-1] = ("Đức Long", f"x={x}", [90.0, 96])
        return values(_ubnd_directive()[:-5] + block)["signer_name"]

    assert name(None) == "Đức Long"  # centred under the title: a name as read (no family name the list has)
    assert name(1900 - 4 * 22 + 150) is None


def test_a_name_whose_last_word_was_read_in_pieces_inside_another_s_box_is_no_name() -> None:
    # "Đào Quốc Cường" on a blurred photo: "Quốc" boxed over "C" and "ương" (the pieces of "Cường"): not
    # "Đào Quốc"
    from dataclasses import replace

    pg = page(_ubnd_directive()[:-5] + signer(("Q. CỤC TRƯỞNG",), "Đào Quốc C ương", [88.0, 90, 86, 93]))
    words = list(pg.words)
    k = next(i for i, w in enumerate(words) if w.text == "Quốc")
    words[k] = replace(words[k], box=replace(words[k].box, x1=words[k + 2].box.x1))
    assert extract([replace(pg, words=tuple(words))]).values()["signer_name"] is None
    # the same words side by side: the letters after the name are no part of it
    assert extract([pg]).values()["signer_name"] == "Đào Quốc"


def _title_read(title_lines: list[tuple[str, list[float]]]) -> tuple[str | None, float]:
    """The signer's title (and its confidence) read from a block with these title lines."""
    from tests.pipeline.test_extract import _ubnd_directive as directive

    specs = [*directive()[:-5], ("Nơi nhận:", "x=300", 90.0)]
    specs += [(t, "sig", c) for t, c in title_lines]
    specs += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
    specs += [("Nguyễn Văn An", "sig", [96.0, 91, 97])]
    f = extract([page(specs)]).fields.get("signer_title")
    return (str(f.value), f.confidence) if f else (None, 0.0)


def test_a_doubted_pho_misread_by_one_letter_keeps_the_deputy_s_title() -> None:
    # "PH0", "FHÓ", "BHÓ" (ratio 67 to "pho") read doubtfully: the deputy's word, not the seal's marks
    assert _title_read([("TL. CHỦ TỊCH", [92.0] * 3), ("PH0 CHÁNH VĂN PHÒNG", [45.0, 90, 90, 90])])[0] == (
        "Phó Chánh Văn phòng"
    )
    deputy = _title_read([("TL. BỘ TRƯỞNG", [92.0] * 3), ("BHÓ VỤ TRƯỞNG", [30.0, 90, 90])])
    assert deputy[0] == "Phó Vụ trưởng"
    assert _title_read([("PH0 GIÁM ĐỐC", [45.0, 90, 90])])[0] == "Phó Giám đốc"


def test_a_doubted_first_word_in_capitals_is_the_title_s_own_not_dropped() -> None:
    # "CIII" for "CHI", "TỐNC" for "TỔNG": the title's first word misread, not the seal's marks
    assert _title_read([("CIII CỤC TRƯỞNG", [40.0, 90, 90])])[0] != "Cục trưởng"
    assert _title_read([("TỐNC GIÁM ĐỐC", [45.0, 90, 90])])[0] != "Giám đốc"
    assert _title_read([("QUYỀN GIÁM ĐỐC", [45.0, 90, 90])])[0] != "Giám đốc"
    # the seal's marks before the title are still left out, the title no surer than its line
    title, conf = _title_read([("ni, CỤC TRƯỞNG", [20.0, 90, 90])])
    assert title == "Cục trưởng"
    assert conf <= (20 + 90 + 90) / 300 * 0.95 + 1e-9


def test_a_name_line_with_a_doubted_family_name_is_no_title() -> None:
    # "Nguyễn Trường Phong", the family name under the seal's rim: not "Trưởng phòng"
    for name, confs in (("Nguyễn Trường Phong", [45.0, 95, 95]), ("Ngu)8ế Trường Phong", [30.0, 95, 95])):
        v = _block([("KT. GIÁM ĐỐC", [92.0] * 3), ("PHÓ GIÁM ĐỐC", [92.0] * 3)], name, confs)
        assert v["signer_title"] == "Phó Giám đốc"
        assert v["signer_name"] == "Nguyễn Trường Phong"


def test_a_name_in_a_block_set_flush_left_is_whole_as_read() -> None:
    # title and name from one margin: a name centred right of the title's centre lost no word
    from tests.pipeline.test_extract import _ubnd_directive as directive

    specs = [*directive()[:-5], ("Nơi nhận:", "x=300", 90.0), ("GIÁM ĐỐC", "x=1500", 92.0)]
    specs += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
    specs += [("Lữ Thị Minh Hằng", "x=1500", 95.0)]
    assert values(specs)["signer_name"] == "Lữ Thị Minh Hằng"


@pytest.mark.parametrize("name", ["Ngụy Văn Tài", "Bế Thị Hoa", "Ksor Nhung", "Lỗ Minh Đức", "Vàng A Páo"])
def test_a_name_right_of_its_title_s_centre_led_by_a_rarer_family_name_is_whole(name: str) -> None:
    # the name printed a little right of the title's centre: led by a family name (the rarer ones too: of the
    # Kinh, the Tày, the Hmong, the Central Highlands' peoples), no word was lost left of it
    block = signer(("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), name, 95.0)
    block[-1] = (name, f"x={1900 - 4 * 22 + 150}", 95.0)
    assert values(_ubnd_directive()[:-5] + block)["signer_name"] == name


def test_a_rarer_family_name_is_taken_by_its_letters_only_with_its_marks() -> None:
    assert surname_of("Bế") == "Bế"
    assert surname_of("bê") is None  # the rim over "Lê": no "Bế"
    assert surname_of("Lỗ") == "Lỗ"
    assert surname_of("Lò") == "Lò"


@pytest.mark.parametrize(
    ("name", "confs"),
    [
        ("Tâm Công Thắng", [79.0, 95, 95]),  # "Tâm" is no family name: "Trần" (the most common near) a guess
        ("Tế Thị Bích Thuận", [60.0, 95, 95, 95]),  # "Lê" under the seal
        ("Uyễn Hòa Bình", [70.0, 95, 95]),  # the rim over "Ng"
    ],
)
def test_a_name_whose_family_name_was_guessed_is_to_review(name: str, confs: list[float]) -> None:
    block = signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name, confs)
    found = extract([page(_ubnd_directive()[:-5] + block)]).fields["signer_name"]
    assert found.value is not None and found.value.split()[1:] == name.split()[1:]
    assert found.confidence < 0.6


def test_a_name_whose_family_name_was_read_keeps_its_confidence() -> None:
    block = signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Trần Công Thắng", [79.0, 95, 95])
    assert extract([page(_ubnd_directive()[:-5] + block)]).fields["signer_name"].confidence > 0.8


def test_a_name_whose_last_word_was_garbled_is_to_review() -> None:
    # a blurred photo: "LÀ Quang %ơn" for "Lã Quang Sơn", the capital S read as a mark: "Lã Quang" may be
    # cut short
    block = signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "LÀ Quang %ơn", [90.0, 95, 60])
    found = extract([page(_ubnd_directive()[:-5] + block)]).fields["signer_name"]
    assert found.value == "Lã Quang" and found.confidence < 0.6
    # a name read whole keeps its confidence
    block = signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Lã Quang Sơn", [90.0, 95, 95])
    assert extract([page(_ubnd_directive()[:-5] + block)]).fields["signer_name"].confidence > 0.8


def _signer_of(name: str, confs: list[float]) -> tuple[str | None, float]:
    block = signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name, confs)
    found = extract([page(_ubnd_directive()[:-5] + block)]).fields["signer_name"]
    return found.value, found.confidence


@pytest.mark.parametrize(
    ("name", "confs", "want"),
    [
        ("nay Nguyễn Văn An", [30.0, 90, 90, 90], "Nguyễn Văn An"),
        ("Nay Nguyễn Văn An", [30.0, 90, 90, 90], "Nguyễn Văn An"),
        ("vàng Nguyễn Văn An", [40.0, 90, 90, 90], "Nguyễn Văn An"),
        ("mùa Trần Thị Hoa", [40.0, 90, 90, 90], "Trần Thị Hoa"),
        ("siu Trần Thị Hoa", [40.0, 90, 90, 90], "Trần Thị Hoa"),
        ("be Trần Thị Hoa", [40.0, 90, 90, 90], "Trần Thị Hoa"),
        ("Be Trần Thị Hoa", [20.0, 90, 90, 90], "Trần Thị Hoa"),
        ("lỗ Trần Văn An", [40.0, 90, 90, 90], "Trần Văn An"),
        # a rare family name read surely before a family name used as a middle name leads
        ("Lữ Văn Thanh Hùng", [90.0, 90, 90, 90], "Lữ Văn Thanh Hùng"),
    ],
)
def test_a_doubted_word_spelling_a_family_name_is_not_put_before_a_name_led_by_one(
    name: str, confs: list[float], want: str
) -> None:
    # a pen stroke or the seal's rim read as a syllable ("nay", "vàng") left of a name read right
    assert _signer_of(name, confs)[0] == want


@pytest.mark.parametrize(
    "name", ["Bê Thị Hà", "bê Thị Hà", "Be Thị Hà", "Bé Thị Hà", "Lư Thị Hà", "Lu Thị Hà", "Bê Văn Hùng"]
)
def test_a_rare_two_letter_family_name_read_with_other_marks_is_at_most_a_guess(name: str) -> None:
    # "Bê" is the rim over "Lê" as well as a "Bế" read without its mark: to review, never trusted
    value, conf = _signer_of(name, [60.0, 90, 90])
    assert value is None or conf < 0.6
    assert not (value or "").startswith(("Bế", "Lữ"))


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Lâu Văn Hùng", "Lầu"),
        ("Lau Văn Hùng", "Lầu"),
        ("Mua Văn Hùng", "Mùa"),
        ("Vang Văn Hùng", "Vàng"),
        ("Váng Văn Hùng", "Vàng"),
        ("Chê Văn Hùng", "Chế"),
        ("Naỵ Văn Hùng", "Nay"),
    ],
)
def test_a_rare_family_name_taken_by_its_letters_with_other_marks_is_a_guess(name: str, want: str) -> None:
    value, conf = _signer_of(name, [60.0, 90, 90])
    assert value is None or conf < 0.6
    # read as printed, it is the name
    value, conf = _signer_of(want + " Văn Hùng", [60.0, 90, 90])
    assert (value, conf >= 0.6) == (want + " Văn Hùng", True)


def test_a_name_read_from_a_family_name_after_a_capitalised_word_beside_it_goes_to_review() -> None:
    # "Ksor Văn Hùng" with the seal's rim over the "r": "Kso" no family name, "Văn" one, the name was read
    # "Văn Hùng" at 0.90. The word before may be the name's own: kept whole or to review
    for confs in ([88.0, 96, 96], [60.0, 96, 96]):
        pg = page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Kso Văn Hùng", confs))
        f = extract([pg]).fields["signer_name"]
        assert f.value in (None, "Kso Văn Hùng") or f.confidence < 0.6
    assert _named("Ksor Văn Hùng", [88.0, 96, 96])["signer_name"] == "Ksor Văn Hùng"


def test_a_given_name_whose_marks_tell_two_names_apart_read_unsure_goes_to_review() -> None:
    # the tuned-on Tờ trình 01 re-scanned upside down: "Trần Hoàng Tuấn" read "Trần Hoàng Tuân" ("Tuân" at
    # 82), in at 0.91; "Tuân" and "Tuấn" are both names, the marks read unsure say neither
    def signed(confs: list[float]) -> tuple[str | None, float]:
        pg = page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Trần Hoàng Tuân", confs))
        f = extract([pg]).fields["signer_name"]
        return f.value, f.confidence

    value, conf = signed([96.0, 96, 82])
    assert value == "Trần Hoàng Tuân" and conf < 0.6
    value, conf = signed([96.0, 96, 95])
    assert value == "Trần Hoàng Tuân" and conf >= 0.6  # read surely: the name as printed


@pytest.mark.parametrize("title", ["TS.", "ThS.", "BS.", "KS.", "PGS.TS.", "NSƯT"])
def test_a_name_after_a_degree_or_an_honour_is_read_surely(title: str) -> None:
    # a degree or an honour before the name is no word of it cut: "ThS. Lê Văn Bình" went from 0.90 to review
    pg = page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), f"{title} Lê Văn Bình", 90.0))
    f = extract([pg]).fields["signer_name"]
    assert f.value == "Lê Văn Bình" and f.confidence >= 0.6


def test_a_family_name_with_its_last_letter_garbled_is_told_by_the_letters_before_it() -> None:
    from digitize.pipeline.fields.signer import surname_by_end

    assert surname_by_end("Đoày") == "Đoàn"  # "Đoà" begins Đoàn alone, of four letters
    assert surname_by_end("Trươx") is None  # "Trư" begins Trương, of six letters: more than one lost
    assert surname_by_end("Tranx") is None  # no mark: Trần, Trang ... alike
    assert surname_by_end("Đoàn") is None  # the family name as printed: nothing garbled
    assert surname_by_end("Đo") is None  # too short to tell


def test_two_words_of_the_name_glued_by_a_slash_are_the_name_s_words() -> None:
    # the seal's stroke across the space between "Giáp" and "Phương", read as a slash gluing them
    from tests.pipeline.test_extract import _ubnd_directive, signer, values

    specs = _ubnd_directive()[:-5] + signer(("CỤC TRƯỞNG",), "_Giáp/Phương Huyền", [28.0, 96.0])
    assert values(specs)["signer_name"] == "Giáp Phương Huyền"


def _decision_signed(read: str, conf: float) -> tuple[str | None, float]:
    """The signer's name (and its confidence) of the decision signed by ``read``, read at ``conf``."""
    from tests.pipeline.test_extract import decision

    specs = [s for s in decision() if s[0] != "Nguyễn Văn An"] + [(read, "sig", conf)]
    f = extract([page(specs)]).fields["signer_name"]
    return f.value, f.confidence


def test_a_given_name_that_is_a_rare_word_no_name_has_is_in_doubt() -> None:
    # seed 121 dev 002 (a seal over the name): "Hồ Hếu Dũng" of "Hữu" taken at 0.93
    def name(read: str) -> tuple[str | None, float]:
        return _decision_signed(read, 93.0)

    assert name("Hồ Hếu Dũng")[1] < 0.6
    assert name("Hồ Hữu Dũng") == ("Hồ Hữu Dũng", 0.93)
    assert name("Lê Văn Khuyến")[1] >= 0.6  # a common word as a name, read surely


def test_a_name_word_one_letter_from_a_name_and_no_syllable_is_that_name_in_doubt() -> None:
    # seed 381 dev 005: "Bùi Nđọc Hương" (the "g" of "Ngọc" read "đ") taken at 0.94
    def name(read: str) -> tuple[str | None, float]:
        return _decision_signed(read, 94.0)

    got, conf = name("Bùi Nđọc Hương")
    assert got == "Bùi Ngọc Hương" and conf < 0.6
    assert name("Bùi Ngọc Hương") == ("Bùi Ngọc Hương", 0.94)
    # a word of another people's orthography is no letter from a listed name: kept, sure; nor one a letter
    # from one that OCR does not take for it (Jarai names, REVIEW-33 M1: "Mah" is no "Mai")
    assert name("Y Ksor Kdăm")[1] >= 0.6
    for jarai in ("Nay Jang Tuấn", "Siu Hot", "Rơ Mah Hiệp"):
        assert name(jarai)[0] == jarai
    assert name("Nay Jang Tuấn")[1] >= 0.6


def test_a_family_name_read_with_other_vowel_marks_than_the_listed_one_by_its_letters_is_in_doubt() -> None:
    # hseal2's finding: the seal's ring over the "Ph" of "Phạm Văn Long" leaves "Lạm" (90), taken as the
    # listed "Lâm" by its letters at 0.89; a tone misread ("Nguyển") or marks lost ("Nguyen") are the listed
    # name's own letters (a tone alone read otherwise surely: in doubt, ``family_read``)
    def name(read: str) -> tuple[str | None, float]:
        return _decision_signed(read, 90.0)

    assert name("Lạm Văn Long")[1] < 0.6
    got, conf = name("Nguyển Văn An")
    assert got == "Nguyễn Văn An" and conf < 0.6
    assert name("Phạm Văn Long") == ("Phạm Văn Long", 0.9)


def test_a_name_read_from_a_family_name_after_a_lower_case_family_name_beside_it_is_in_doubt() -> None:
    # hseal2's finding: the ring over the "Ph" of "Phạm Văn Long" read "lạm Văn Long": the lower-case word
    # skipped, "Văn" (a family name too) taken as the name's first, "Văn Long" at 0.90
    def name(read: str) -> tuple[str | None, float]:
        return _decision_signed(read, 90.0)

    got, conf = name("lạm Văn Long")
    assert got == "Phạm Văn Long" or conf < 0.6
    # a whole name after a lower-case word (a title, a scribble read as letters) is read surely (REVIEW-34)
    for read in ("la Nguyễn Văn An", "lê Trần Thị Mai"):
        assert name(read) == (read.split(None, 1)[1], 0.9)
    assert name("Văn Long") == ("Văn Long", 0.9)  # a two-word name as printed
    # seed 417 alt 013: "1a Đình Vĩnh" (the "L" of "La" read "1"): "Đinh Vĩnh" at 0.95
    got, conf = name("1a Đình Vĩnh")
    assert got == "La Đình Vĩnh" or conf < 0.6
    # a lower-case word no family name's letters (a seal's rim read as letters) is no cut name
    assert name("xy Văn Long") == ("Văn Long", 0.9)


def _signed_by(
    name: str, confs: list[float], title: tuple[str, str] = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
) -> tuple[str | None, float]:
    """The signer's name (and its confidence) of the directive signed by ``name`` read at ``confs``."""
    specs = _ubnd_directive()[:-5] + signer(title, name, confs)
    f = extract([page(specs)]).fields["signer_name"]
    return f.value, f.confidence


def test_a_row_voted_name_s_first_word_no_list_has_leads_it_before_a_listed_family_name() -> None:
    # w701 dev 012, w703 dev 003: the row's readings voted a name of three and four words (each at the vote's
    # 50), its first a family name no list has that every reading gave, before a listed family name ("Cao")
    # and, in one, "Thị"; the name was read from "Cao" on. The vote's first word leads it, in doubt
    name, conf = _signed_by("Vưng Cao Tuấn", [50.0, 50.0, 50.0])
    assert name == "Vưng Cao Tuấn" and conf < 0.6
    name, conf = _signed_by("Vưng Thị Cao Hoa", [50.0, 50.0, 50.0, 50.0])
    assert name == "Vưng Thị Cao Hoa" and conf < 0.6
    # not a line only part of which is the vote's (its first word one reading's doubt), nor a list's word
    assert _signed_by("Vưng Cao Tuấn", [45.0, 50.0, 50.0])[0] == "Cao Tuấn"
    assert _signed_by("Nơi Cao Tuấn", [50.0, 50.0, 50.0])[0] == "Cao Tuấn"
    # nor a word the page prints near the signature, no one's family name (review of namefix58): a party
    # title's, an organ's, the motto's
    assert _signed_by("Bí Cao Tuấn", [50.0, 50.0, 50.0])[0] == "Cao Tuấn"
    assert _signed_by("Ty Cao Tuấn", [50.0, 50.0, 50.0])[0] == "Cao Tuấn"
    assert _signed_by("Độc Lập Cao Tuấn", [50.0, 50.0, 50.0, 50.0])[0] == "Cao Tuấn"


def test_a_middle_word_read_with_marks_no_name_has_is_the_common_middle_name_in_doubt() -> None:
    # "Hồ Vấn Nam" (63) under a seal on a bitonal photo: of "Vân" and "Văn" (its letters), the commoner
    # middle name, to review; a word read as one of them is kept
    name, conf = _signed_by("Hồ Vấn Nam", [97.0, 63.0, 96.0])
    assert name == "Hồ Văn Nam" and conf <= 0.55
    assert _signed_by("Hồ Vấn Nam", [97.0, 87.0, 96.0]) == ("Hồ Văn Nam", 0.55)  # its marks read, none's
    assert _signed_by("Nguyễn Vân Anh", [97.0, 93.0, 96.0])[0] == "Nguyễn Vân Anh"
    # a last given name is no middle name: its marks nearest ("Vân")
    assert _signed_by("Trần Thị Vấn", [97.0, 90.0, 63.0])[0] == "Trần Thị Vân"


def test_a_middle_word_whose_capital_was_read_as_a_mark_is_the_common_middle_name_in_doubt() -> None:
    # seed 837 corp 000 (the seal's ring over the "T" of "Mai Thị Phẩm"): "Mai #hị Phẩm" (93, 52, 96) gave no
    # name at all ("#hị" no word: a word lost between "Mai" and "Phẩm"); seed 843 corp 011 "Phố #hị Phúc"
    from digitize.pipeline.fields.signer import marked_middle

    name, conf = _signed_by("Mai #hị Phẩm", [93.0, 52.0, 96.0])
    assert name == "Mai Thị Phẩm" and conf < 0.6
    name, conf = _signed_by("Hồ #ăn Nam", [95.0, 61.0, 96.0])
    assert name == "Hồ Văn Nam" and conf < 0.6
    assert marked_middle("#hị") == "Thị" and marked_middle("©ức") == "Đức"
    # letters no middle name has after its capital, a word read whole, one letter, capitals: none
    assert marked_middle("%ơn") is None and marked_middle("#anh") is None and marked_middle("Thị") is None
    assert marked_middle("#h") is None and marked_middle("#HỊ") is None
    # (a marked word at the name's end stays a word lost: "Lã Quang %ơn" is cut short, not "Lã Quang")
    assert _signed_by("Mai #hị", [93.0, 52.0])[0] is None
    # read surely, the middle word is still a guess (review 48 M2)
    assert _signed_by("Hồ #ăn Nam", [95.0, 99.0, 96.0]) == ("Hồ Văn Nam", 0.55)
    # a line under the signer's own name read so is no name before it (review 48 M1: "Bộ Công Thương")
    specs = _ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phạm Trường Thọ", 95.0)
    specs.append(("Bộ #ông Thương", "sig", 90.0))
    f = extract([page(specs)]).fields["signer_name"]
    assert (f.value, f.confidence >= 0.6) == ("Phạm Trường Thọ", True)


def test_a_family_name_glued_to_a_middle_name_that_lost_its_capital_is_two_words() -> None:
    # "2 Phanhị Hạnh": the signature's stroke across "Thị" took its "T" and the space before it
    name, conf = _signed_by("2 Phanhị Hạnh", [86.0, 32.0, 97.0])
    assert name == "Phan Thị Hạnh" and conf < 0.6
    assert _signed_by("Trầnhị Hà", [92.0, 96.0])[1] <= 0.55  # read surely, the word after it is still a guess
    # a word read whole ("Phanh") is no family name glued to another
    from digitize.pipeline.fields.signer import glued_family

    assert glued_family("Phanh") is None and glued_family("Phanxyz") is None


def test_a_glued_family_name_is_in_doubt_also_when_glued_to_the_next_word_by_a_mark() -> None:
    # review s20: "Phanhị,Mai" (a comma between it and the given name) was taken at 0.90
    assert _signed_by("Phanhị,Mai", [90.0])[1] <= 0.55
    assert _signed_by("Trầnhị/Lan", [90.0])[1] <= 0.55


def test_a_long_run_of_letters_is_no_glued_family_name_and_is_read_in_linear_time() -> None:
    from digitize.pipeline.fields.signer import glued_family

    assert glued_family("Phanhị") == ["Phan", "Thị"]
    assert glued_family("Nguyễn" + "h" * 100_000) is None  # no cut tried over a run no name is


def test_a_middle_word_read_surely_with_marks_no_name_has_is_kept_in_doubt() -> None:
    # seed 141 alt 005 (grey, 200 dpi, the seal over the name): "Lò Cống Toàn" (94) taken at 0.96 for "Lò
    # Công Toàn": "Cống" is no listed name's word, its letters the common middle name's: to review. A
    # syllable read surely is kept as printed (review s21: a rare real middle name is no misreading)
    assert _signed_by("Lò Cống Toàn", [96.0, 94.0, 97.0]) == ("Lò Cống Toàn", 0.55)
    assert _signed_by("Lê Vấn Hùng", [96.0, 95.0, 97.0]) == ("Lê Vấn Hùng", 0.55)
    # a name's word as listed, or a family name as a middle name, is kept as read, surely
    name, conf = _signed_by("Nguyễn Vân Anh", [97.0, 95.0, 96.0])
    assert name == "Nguyễn Vân Anh" and conf >= 0.6
    name, conf = _signed_by("Nguyễn Lê Hoa", [97.0, 95.0, 96.0])
    assert name == "Nguyễn Lê Hoa" and conf >= 0.6


def test_a_garbled_family_name_read_with_its_d_bar_is_guessed_among_those_led_by_d_the_nearest() -> None:
    # seed 141 dev 012 (a blurred photo): "Đưnh Quốc An" (0) was made "Huỳnh Quốc An", the commonest family
    # name near it; a "Đ" read is one, and "Đinh" is one letter from it (Đặng, Dương two)
    name, conf = _signed_by("Đưnh Quốc An", [0.0, 74.0, 92.0])
    assert name == "Đinh Quốc An" and conf <= 0.55
    assert _signed_by("Tâm Văn An", [79.0, 95.0, 96.0]) == ("Trần Văn An", 0.55)  # no "Đ": as before


@pytest.mark.parametrize("name", ["Nguyễn Vạn Thành", "Trần Đỉnh Long", "Nguyễn Tần Phát"])
def test_a_rare_real_middle_name_read_surely_is_not_made_the_common_one(name: str) -> None:
    # review s21 MED 4: read right at 0.957, these were made "Văn", "Đình", "Tấn" (another person's name)
    value, conf = _signed_by(name, [96.0, 95.0, 96.0])
    assert value == name and conf < 0.6


def test_the_family_names_duong_dong_and_cu_read_surely_are_kept() -> None:
    # Đường (not the commoner "Dương" its letters fold to), Đồng and Cù are family names of their own
    assert _named("Đường Văn Minh", [95.0, 96, 96])["signer_name"] == "Đường Văn Minh"
    assert _named("Đồng Sỹ Nguyên", [95.0, 96, 96])["signer_name"] == "Đồng Sỹ Nguyên"
    assert _named("Cù Huy Cận", [95.0, 96, 96])["signer_name"] == "Cù Huy Cận"


@pytest.mark.parametrize("name", ["Đường Văn Minh", "Dương Văn Minh"])
def test_a_family_name_read_unsure_whose_letters_another_has_is_in_doubt(name: str) -> None:
    # review 22 MED 12: "Đường" and "Dương" fold alike; read at 30, the marks that tell them apart are no
    # reading: kept as read, in doubt (it was 0.74 either way); read surely, sure
    assert _signed_by(name, [30.0, 96.0, 96.0]) == (name, 0.55)
    value, conf = _signed_by(name, [95.0, 96.0, 96.0])
    assert value == name and conf >= 0.6


def test_a_name_line_after_a_speck_read_as_marks_is_the_name_not_a_title_near_it() -> None:
    """A speck read as marks before the name ("_› Trương Đức Phong", seed 175 dev 008): the line was no name
    to ``_reads_as_name`` (its first word no family name), and "truong duc phong" is near "trưởng phòng":
    the title was "Trưởng phòng" at 0.70 and the name none."""
    lines = [
        *header(number="Số: 73/CT-QLD", parent="BỘ Y TẾ", organ=("CỤC QUẢN LÝ DƯỢC",)),
        ("CHỈ THỊ", "center", 95.0),
        ("Về việc tăng cường công tác phòng cháy, chữa cháy", "center", 95.0),
        ("Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch", "body", 95.0),
        *signer(("TL. CỤC TRƯỞNG", "CHÁNH VĂN PHÒNG"), "_› Trương Đức Phong", (42.0, 94.0, 94.0, 96.0)),
    ]
    got = values(lines)
    assert got["signer_title"] == "Chánh Văn phòng"
    assert got["signer_name"] == "Trương Đức Phong"


def test_a_family_name_barely_read_is_in_doubt_even_with_no_name_of_its_letters_beside_it() -> None:
    # review 22: "Nguyễn" read at 30 (no other listed family name has its letters) was taken at 0.74, the
    # given names' confidence carrying it: a garbled word under the seal read as the commonest family name
    name, conf = _signed_by("Nguyễn Thu Mai", [30.0, 96.0, 96.0])
    assert name == "Nguyễn Thu Mai" and conf < 0.6
    # read with some confidence, it is the name
    name, conf = _signed_by("Nguyễn Thu Mai", [79.0, 96.0, 96.0])
    assert name == "Nguyễn Thu Mai" and conf >= 0.6


def test_a_family_name_behind_the_ring_s_marks_glued_before_it_is_known_in_doubt() -> None:
    # seed 163 alt 000 (a blurred photo, the seal over the name): "x_Khúy Quang Đạt" for "Khúc Quang Đạt"
    # gave "Quàng Đạt" (the middle name taken for the rare family name of its letters)
    name, conf = _signed_by("x_Khúy Quang Đạt", [1.0, 96.0, 96.0])
    assert name == "Khúc Quang Đạt" and conf < 0.6
    # read as printed behind the marks, the family name is that one; the middle name is no family name
    assert _signed_by("x_Trần Quang Đạt", [1.0, 96.0, 96.0])[0] == "Trần Quang Đạt"


@pytest.mark.parametrize("name", ["x_Lê Văn Tám", "1.Lê Văn Tám"])
def test_a_two_letter_family_name_behind_the_ring_s_marks_is_kept_in_doubt(name: str) -> None:
    # review s24 HIGH 3: the marks' pattern wanted three letters after them: "Lê" was lost and "Văn Tám" (the
    # middle name taken for the family name) given at 0.96 — wrong and sure
    value, conf = _signed_by(name, [70.0, 96.0, 96.0])
    assert value == "Lê Văn Tám" and conf < 0.6
    # the three-letter cases are as before
    assert _signed_by("x_Khúy Quang Đạt", [1.0, 96.0, 96.0]) == ("Khúc Quang Đạt", 0.55)
    assert _signed_by("x_Trần Quang Đạt", [1.0, 96.0, 96.0])[0] == "Trần Quang Đạt"


@pytest.mark.parametrize("name", ["x_Xy Văn Tám", "1.Ab Văn Tám"])
def test_two_words_left_after_a_marked_word_no_family_name_is_dropped_are_no_sure_name(name: str) -> None:
    # review s24 HIGH 3: behind the marks a capitalised word that is no family name ("Xy"): it may be the
    # family name garbled; "Văn Tám" alone (read at 0.96) is no sure name
    value, conf = _signed_by(name, [70.0, 96.0, 96.0])
    assert value in (None, "Văn Tám") and conf < 0.6


def test_a_seal_mark_read_as_a_word_no_name_has_before_a_family_name_is_no_part_of_the_name() -> None:
    # seed 189's grey low-light scan of "Cao Thu Hạnh" under the seal: the ring's letters read "No" (75)
    # before it; "No" is a syllable but no name's word, read unsurely: the name starts at "Cao", in doubt
    # (the family name's guess from "No" gave "Võ Cao Thu Hạnh")
    pg = page(
        _ubnd_directive()[:-5]
        + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), "No Cao.Thu Hạnh", [75.0, 58, 96])
    )
    f = extract([pg]).fields["signer_name"]
    assert f.value == "Cao Thu Hạnh"
    assert f.confidence < 0.6
    # a listed name's word or a family name read surely before it is the name's own
    assert _named("Khương Văn Thắng", [96.0, 97, 96])["signer_name"] == "Khương Văn Thắng"


def test_a_word_read_surely_in_small_letters_under_the_rim_is_no_family_name() -> None:
    # seed 189's grey scan of "Châu Công Tài": "Châu" under the seal, the ring over the "C" of "Công" read
    # "L", then "ông" (97): a word whose capital was lost ("Công", "Đông", "Thông" …), not the family name
    # "Ông" ("Ông Tài" was given)
    v = _named("Š L ông Tài", [0.0, 84, 97, 97])
    assert v["signer_name"] is None
    # a family name garbled by the rim, read unsurely, is still repaired
    assert _named("uyễn Hòa Bình", [54.0, 96, 96])["signer_name"] == "Nguyễn Hòa Bình"


def test_a_middle_word_no_name_has_read_unsurely_is_the_one_common_middle_name_a_letter_from_it() -> None:
    # seed 195's grey scan of "Hồ Hữu Hùng" under the seal's rim: "Hếu" (55), a syllable no name has, one
    # letter from "Hữu" alone of the common middle names: that name, in doubt ("Hồ Hếu Hùng" was given)
    pg = page(
        _ubnd_directive()[:-5] + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), "Hồ Hếu Hùng", [93.0, 55, 97])
    )
    f = extract([pg]).fields["signer_name"]
    assert f.value == "Hồ Hữu Hùng"
    assert f.confidence < 0.6
    # read surely, the word is kept as printed (in doubt)
    pg = page(
        _ubnd_directive()[:-5] + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), "Hồ Hếu Hùng", [93.0, 93, 97])
    )
    assert extract([pg]).fields["signer_name"].value == "Hồ Hếu Hùng"


@pytest.mark.parametrize(
    "name",
    [
        "x_Ly Văn Minh Tâm",
        "x_Le Văn Minh Tâm",
        "x_Xy Văn Minh Tâm",
        "x_Xy Hoàng Minh Nam",
        "x_Xyz Hoàng Minh Nam",
    ],
)
def test_three_words_left_after_a_marked_word_is_dropped_are_no_sure_name(name: str) -> None:
    """A capitalised word behind the ring's marks dropped before three words ("x_Ly Văn Minh Tâm": "Lý",
    its mark lost) gave "Văn Minh Tâm" at 0.96 (REVIEW-24 MED 3): the family name may be the word lost."""
    value, conf = _signed_by(name, [70.0, 96.0, 96.0, 96.0])
    assert value is None or conf < 0.6, (value, conf)


def test_a_heading_read_as_a_title_above_the_body_is_no_signer_when_the_block_was_lost() -> None:
    # seed 207 alt 012 (a shaken photo of a licence that lost its whole signature block): "MÔI TRƯỜNG" of the
    # heading "GIẤY PHÉP MÔI TRƯỜNG" read as "Bộ trưởng" (0.80), the "CẤP PHÉP:" under it as the name
    body = "Được phép: Khai thác cát làm vật liệu xây dựng thông thường trong khu vực được cấp phép"
    specs = [
        *header(parent=None, organ=("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"), number="Số: 31/GP-UBND"),
        ("GIẤY PHÉP", "center", 95.0),
        ("MÔI TRƯỜNG", "center", 93.0),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "center", 92.0),
        ("CẤP PHÉP:", "center", 92.0),
        ("Tên tổ chức: Công ty TNHH Vận tải biển Tân Tiến, có trụ sở tại tỉnh Lào Cai", "body", 90.0),
        (body, "body", 90.0),
        (
            "Giấy phép này có hiệu lực kể từ ngày ký và có hiệu lực đến ngày 28 tháng 3 năm 2019.",
            "body",
            90.0,
        ),
        ("Nơi nhận:", "x=300", 90.0),
        ("- Như trên;", "x=300", 90.0),
        ("- Lưu: VT.", "x=300", 90.0),
    ]
    v = values(specs)
    assert (v["signer_title"], v["signer_name"]) == (None, None)
    # the block read beside the list: its title and name, as always
    signed = [*specs[:-3], *signer(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Thái Mạnh Đạt")]
    v = values(signed)
    assert (v["signer_title"], v["signer_name"]) == ("Chủ tịch", "Thái Mạnh Đạt")


def _title_read(title_lines: list[tuple[str, list[float]]]) -> tuple[str | None, float]:
    from tests.pipeline.test_extract import _ubnd_directive as directive

    specs = [*directive()[:-5], ("Nơi nhận:", "x=300", 90.0)]
    specs += [(t, "sig", c) for t, c in title_lines]
    specs += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
    specs += [("Phạm Trường Thọ", "sig", [96.0, 97, 96])]
    found = extract([page(specs)]).fields.get("signer_title")
    return (found.value, found.confidence) if found is not None else (None, 0.0)


def test_the_acting_prefix_glued_to_the_title_is_still_read() -> None:
    # a blurred photo read "Q. CỤC TRƯỞNG" as "Q.CỤC TRƯỞNG" (seed 225 dev 011: "Cục trưởng" at 0.82)
    value, conf = _title_read([("Q.CỤC TRƯỞNG", [89.0, 92])])
    assert value == "Quyền Cục trưởng" and conf >= 0.6
    assert _title_read([("KT.CỤC TRƯỞNG", [89.0, 92])])[0] == "Phó Cục trưởng"


def test_a_head_s_title_after_a_prefix_read_as_a_mark_is_in_doubt() -> None:
    # "TL. CHỦ TỊCH" blurred to "1. CHỦ TỊCH" (the office head's own line lost, seed 213 dev 003: "Chủ tịch"
    # at 0.81): whatever prefix stood there ("KT.", "TL.", "Q."), the head's title is not surely the signer's
    value, conf = _title_read([("1. CHỦ TỊCH", [50.0, 97, 97])])
    assert value == "Chủ tịch" and conf < 0.6
    # its dot read as dots ("ve... CỤC TRƯỞNG" of a blurred "Q. CỤC TRƯỞNG", seed 447 dev 003: at 0.69)
    value, conf = _title_read([("ve... CỤC TRƯỞNG", [40.0, 92, 92])])
    assert value == "Cục trưởng" and conf < 0.6
    assert _title_read([("CHỦ TỊCH", [97.0, 97])])[1] >= 0.6  # the head signing himself, read clean


def test_a_head_s_title_under_an_unread_authority_line_is_in_doubt() -> None:
    # "KT. CỤC TRƯỞNG / PHÓ CỤC TRƯỞNG" blurred: the first line unread ("TƯỜNG UV hÊN"), "PHÓ" lost (seed 225
    # alt 008: "Cục trưởng" at 0.93)
    value, conf = _title_read([("TƯỜNG UV hÊN", [25.0, 0, 0]), ("CỤC TRƯỞNG", [92.0, 94])])
    assert value == "Cục trưởng" and conf < 0.6
    # an authority line read is no doubt: under "TM." signs the head
    assert _title_read([("TM. ỦY BAN NHÂN DÂN", [92.0, 92, 92, 92, 92]), ("CHỦ TỊCH", [97.0, 97])])[1] >= 0.6


def test_a_head_s_title_over_an_unread_title_line_is_in_doubt() -> None:
    # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" on a blurred photo, the seal over the block: "KT." lost, the deputy's line
    # read as junk right under the head's title (b577 dev 002: "Chủ tịch" at 0.78; w695 alt 004 "CỤC TRƯỞNG /
    # (¬Àmu": "Cục trưởng" at 0.87)
    # (or the head's own signature, or the seal, read as a line under it: his title as read, in doubt)
    value, conf = _title_read([("CHỦ TỊCH", [59.0, 97]), ("(¬Àmu", [0.0])])
    assert value == "Chủ tịch" and conf < 0.6
    value, conf = _title_read([("CỤC TRƯỞNG", [90.0, 85]), ("(¬Àmu", [24.0])])
    assert value == "Cục trưởng" and conf < 0.6
    # the signature's scrawl read as junk lines under it, the head signing himself: as read, sure
    value, conf = _title_read([("CHỦ TỊCH", [97.0, 97]), ("", []), ("", []), ("(¬Àmu", [0.0])])
    assert value == "Chủ tịch" and conf >= 0.6
    # a speck under it (narrower than a title line) is no line of the block's
    value, conf = _title_read([("CHỦ TỊCH", [97.0, 97]), ("'-", [10.0])])
    assert value == "Chủ tịch" and conf >= 0.6
    # review of sure57 (MED): a head's title read surely over a scrawl or the ring's letters right under it
    # (a sharp scan, the head signing himself): his own, sure
    for title, under in (("GIÁM ĐỐC", ("~~~——", [5.0])), ("CHỦ TỊCH", ("NHÂN DÂN", [20.0, 25]))):
        value, conf = _title_read([(title, [97.0, 97]), under])
        assert value == title.capitalize() and conf >= 0.6


def test_an_unread_line_off_the_title_s_centre_is_no_second_title_line() -> None:
    # w693 dev 005 (after the merge): "GIÁM ĐỐC" (93, 90) over the pen's stroke read "77" (0), its centre
    # 0.83 of the title's width left of the title's: taken as "KT." lost over "PHÓ GIÁM ĐỐC" ("Phó Giám đốc"
    # in doubt, wrong); the deputy's line lost under the seal stands centred (b577 dev 002: 0.18)
    def lines(under: tuple[float, float]) -> list[Line]:
        title = [
            Word("GIÁM", 93.0, Box(897.0, 1052.0, 975.0, 1100.0)),
            Word("ĐỐC", 90.0, Box(985.0, 1052.0, 1063.0, 1100.0)),
        ]
        junk = [Word("77", 0.0, Box(under[0], 1108.0, under[1], 1170.0))]
        pg = RecognizedPage(0, "ocr", 1240.0, 1754.0, "", ())
        return [make_line(pg, title), make_line(pg, junk)]

    assert not signer_module._own_line_unread(lines((746.0, 942.0)), 0)
    assert signer_module._own_line_unread(lines((860.0, 1100.0)), 0)


def test_a_family_name_read_in_small_letters_with_other_marks_leads_the_name_in_doubt() -> None:
    # seed 239 alt 012 (a blurred photo): "Khổng Đình Tài" read "không Đình Tài" (78, 54): "Đình" was taken
    # for the family name "Đinh" ("Đinh Tài"); the small word has the letters of "Khổng" alone of the names
    value, conf = _signed_by("không Đình Tài", [70.0, 78.0, 54.0])
    assert value == "Khổng Đình Tài" and conf < 0.6
    # a word in small letters with a name's letters too ("trường": Trường, Trương) leads no name
    assert _signed_by("trường Đình Tài", [90.0, 78.0, 54.0])[0] != "Trương Đình Tài"


def test_a_deputy_s_head_word_made_of_marks_before_the_title_is_no_deputy() -> None:
    # seed 239 dev 009 (a blurred photo): "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG" read with the seal's marks before
    # the second line ("‹x*h 1g, CHANH VĂN PHONG"): the fuzzy match made them "Phó" ("Phó Chánh Văn phòng")
    specs = _ubnd_directive()[:-5] + signer(("TL. GIÁM ĐỐC", "‹x*h 1g, CHANH VĂN PHONG"), "Vũ Đức Khánh")
    f = extract([page(specs)]).fields["signer_title"]
    assert f.value == "Chánh Văn phòng" and f.confidence < 0.6
    # a head word read, however garbled, is the deputy's
    for line in ("PHÓ CHÁNH VĂN PHÒNG", "PH0 CHÁNH VĂN PHÒNG", "P CHÁNH VĂN PHÒNG"):
        specs = _ubnd_directive()[:-5] + signer(("TL. GIÁM ĐỐC", line), "Vũ Đức Khánh")
        assert values(specs)["signer_title"] == "Phó Chánh Văn phòng", line


def test_a_garbled_family_name_of_four_letters_is_guessed_as_the_nearest_not_the_commonest() -> None:
    # seed 239 (grey, the seal over the name) alt 009: "Khúc Khánh Nhung" read "Khụe Khánh Nhưng" (75):
    # "Chu", commoner but two letters away, was taken; "Khúc" is one letter away. Still a guess, in doubt
    value, conf = _signed_by("Khụe Khánh Nhung", [75.0, 96.0, 85.0])
    assert value == "Khúc Khánh Nhung" and conf < 0.6


def test_a_longer_title_whose_head_word_was_read_unsurely_is_in_doubt() -> None:
    # seed 241 alt 013 (a blurred photo): "CỤC TRƯỞNG" with a mark beside it read "TỒN" (20): "Tổng cục
    # trưởng" went in at 0.67, wrong and sure
    specs = _ubnd_directive()[:-5] + signer(("TỒN CỤC TRƯỞNG",), "La Công Khải")
    words = page(specs).words
    pg = replace(page(specs), words=tuple(replace(w, conf=20.0) if w.text == "TỒN" else w for w in words))
    f = extract([pg]).fields["signer_title"]
    assert f.value == "Tổng cục trưởng" and f.confidence < 0.6
    # read surely, the head word is the title's
    f = extract([page(specs)]).fields["signer_title"]
    assert f.value == "Tổng cục trưởng" and f.confidence >= 0.6


def test_a_kt_that_lost_its_k_still_gives_the_deputy_in_doubt() -> None:
    # a real "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG" rescanned at 150 dpi (JPEG): the seal took the "K" and the whole
    # deputy's line, "„T, THỦ TƯỚNG" was read, and the head's "Thủ tướng" taken at 0.65
    value, conf = _title_read([("„T, THỦ TƯỚNG", [21.0, 93, 92])])
    assert value == "Phó Thủ tướng" and conf < 0.6
    value, conf = _title_read([("T. CHỦ TỊCH", [40.0, 97, 97])])
    assert value == "Phó Chủ tịch" and conf < 0.6
    # over the deputy's own line read, the half prefix names the head: the deputy's title as read
    assert (
        _title_read([("„T, CHỦ TỊCH", [21.0, 97, 97]), ("PHÓ CHỦ TỊCH", [95.0, 97, 97])])[0] == "Phó Chủ tịch"
    )
    # a head's title read clean, no mark before it: the head signs
    assert _title_read([("CHỦ TỊCH", [97.0, 97])])[0] == "Chủ tịch"


def _signed_as(name: str, conf: float | list[float]) -> list:  # type: ignore[type-arg]
    body = [("QUYẾT ĐỊNH", "center", 95.0), ("Điều 1. Cấp Giấy phép cho Công ty.", "body", 90.0)]
    return header() + body + signer(name=name, name_conf=conf)


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("Trần Văn Đúc", "Trần Văn Đức"),  # the horn lost: "Đúc" is a word, no name's
        ("Nguyễn Đúc Long", "Nguyễn Đức Long"),
        ("Ninh Mạnh Tháng", "Ninh Mạnh Thắng"),  # the breve lost (seed 287 alt 000)
        ("Lê Văn Phuong", "Lê Văn Phương"),  # both horns of "ươ"
    ],
)
def test_a_name_s_word_that_lost_a_horn_or_a_breve_is_the_listed_name_in_doubt(read: str, want: str) -> None:
    # read surely, "Đúc" was taken as printed at 0.95: a sure wrong name
    f = extract([page(_signed_as(read, 95.0))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == (want, True)


def test_a_name_s_listed_words_are_kept_sure() -> None:
    for name in ("Trần Văn Thăng", "Trần Văn Hưng", "Nguyễn Văn Tháo"):
        f = extract([page(_signed_as(name, 95.0))]).fields["signer_name"]
        assert f.value == name
    assert extract([page(_signed_as("Trần Văn Hưng", 95.0))]).fields["signer_name"].confidence >= 0.6


def test_a_family_name_a_vowel_from_a_listed_one_is_no_sure_reading() -> None:
    # seed 297 alt 005 (a blurred photo): "Mạc Công Lực" read "Mục Công Lực" (92); no family name "Mục", a
    # letter from Mạc (Lục's first letter is another, Khúc two letters away)
    f = extract([page(_signed_as("Mục Công Lực", 92.0))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Mục Công Lực", True)  # a sharp page: kept as read, in doubt
    f = extract([page(_signed_as("Mục Công Lực", 70.0))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Mạc Công Lực", True)  # read unsurely: not the commoner Khúc
    blurred = replace(page(_signed_as("Mục Công Lực", 92.0)), blurred=True)
    f = extract([blurred]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Mạc Công Lực", True)
    # a listed family name read surely stays sure
    f = extract([replace(page(_signed_as("Mạc Công Lực", 92.0)), blurred=False)]).fields["signer_name"]
    assert (f.value, f.confidence >= 0.6) == ("Mạc Công Lực", True)


def test_a_middle_word_whose_capital_the_ring_garbled_is_the_common_middle_name_in_doubt() -> None:
    # seed 297 alt 007 (bitonal, the ring through the "C" of "Thái Công Vĩnh"): read "Thái )ZÔng Vĩnh" (17, 2,
    # 96): "Zông" is no syllable; its other letters are Công's and Đông's, the common middle name Công
    f = extract([page(_signed_as("Thái )ZÔng Vĩnh", [17.0, 2.0, 96.0]))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Thái Công Vĩnh", True)
    # a last word so garbled is Công's or Đông's alike: no name
    f = extract([page(_signed_as("Thái Văn Zông", [90.0, 90.0, 20.0]))]).fields["signer_name"]
    assert f.value != "Thái Văn Công"
    # two letters after the capital tell no name ("ïnh" of the ring through "n M" of "Phan Minh Nam")
    f = extract([page(_signed_as("Pha ïnh Nam", [91.0, 26.0, 96.0]))]).fields["signer_name"]
    assert f.value != "Pha Anh Nam"


def test_a_text_layer_s_name_is_as_written() -> None:
    # a born-digital page's words (confidence 100) are no misreading: no horn put, no family name doubted
    for name in ("Trần Văn Đúc", "Mục Công Lực"):
        f = extract([page(_signed_as(name, 100.0))]).fields["signer_name"]
        assert (f.value, f.confidence >= 0.6) == (name, True)


def test_a_capital_the_ring_garbled_is_a_guess_never_a_sure_name() -> None:
    """REVIEW-28 #1: "Zinh" (70) in the middle of a name was made "Minh" (Linh, Vinh, Ninh … have the same
    letters after the capital) and taken at 0.65; "Zông" likewise "Công" (or Đông). A guess: in doubt."""
    from digitize.pipeline.fields import REVIEW_THRESHOLD, extract
    from tests.pipeline.test_extract import decision, page

    for name, fixed in (("Phạm Zinh Giang", "Phạm Minh Giang"), ("Lê Zông Minh", "Lê Công Minh")):
        specs = decision()[: -len(signer())] + signer(name=name, name_conf=[95.0, 70.0, 95.0])
        f = extract([page(specs)]).fields["signer_name"]
        assert f.value in (None, fixed)
        assert f.value is None or f.confidence < REVIEW_THRESHOLD


def test_a_family_name_whose_head_a_seal_s_ring_gave_a_tone_is_known_by_its_head_without_it() -> None:
    from digitize.pipeline.fields.signer import surname_by_head

    # a bitonal seal's ring over "Trương" read "Trườyế" in every reading (seed 345 dev 005), over "Nguyễn"
    # "Nguỳễ#", "NguỳZ" (seed 345 dev 012): the head without its tone begins one family name, or one frequent
    assert surname_by_head("Trườyế") == "Trương"
    assert surname_by_head("Nguỳễ#") == "Nguyễn"
    assert surname_by_head("NguỳZ") == "Nguyễn"
    assert surname_by_head("Hoànl") is None  # "hoan" begins no family name ("Hoàng" has its tone)
    assert surname_by_head("Tranx") is None  # no tone taken: Trần, Trang ... alike
    assert surname_by_head("Nguyệt") is None  # a syllable read whole is that word
    # a given name read whole with a speck glued is that name, not a family name (review 31 M2)
    assert surname_by_head("Trườngx") is None and surname_by_head("Vượngz") is None


def _signed_read(name: str, confs: list[float], read: dict[str, str]) -> tuple[str | None, float]:
    """The signer's name of a page whose name line's words in ``read`` the language model changed (their
    text) from what Tesseract read (``read``'s values: ``Word.read``)."""
    pg = page(_ubnd_directive()[:-5] + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name, confs))
    words = tuple(replace(w, read=read[w.text]) if w.text in read else w for w in pg.words)
    found = extract([replace(pg, words=words)]).fields["signer_name"]
    return found.value, found.confidence


def test_a_family_name_the_language_model_changed_is_guessed_from_what_tesseract_read() -> None:
    # seed 437 dev 013 (the seal over the name, a perspective photo): Tesseract read "Đặn uốc Long" (31, 31,
    # 96), the model made "Đặn" the common word "Dân", and the commonest family name near "Dân" was guessed:
    # "Trần Quốc Long". "Đặn" is a letter from "Đặng": that one, in doubt
    name, conf = _signed_read("Dân uốc Long", [31.0, 31.0, 96.0], {"Dân": "Đặn"})
    assert name == "Đặng Quốc Long" and conf < 0.6
    # a word the model made a family name stays as it made it
    name, conf = _signed_read("Nguyễn Văn An", [70.0, 95.0, 96.0], {"Nguyễn": "Nguyen"})
    assert name == "Nguyễn Văn An"


def test_a_headless_middle_word_the_language_model_changed_is_read_as_tesseract_read_it() -> None:
    # wide seed 649 alt 008: the seal's ring took the head of "Văn", read "ăn" (20); the model made it "án"
    # and "Khuất An Khuyến" came out. Tesseract's "ăn" tells the middle name ("Văn"), the model's word none
    name, conf = _signed_read("Trần án Khuyến", [96.0, 20.0, 97.0], {"án": "ăn"})
    assert name == "Trần Văn Khuyến" and conf < 0.6


def test_a_headless_reading_is_not_put_back_where_the_model_s_word_is_a_name_s_or_no_middle_word() -> None:
    # REVIEW: the seal-damaged reading put back over the model's right word ("gọc" → "Ngọc" gave "Trần Thị
    # Gọc"); a given name is no middle name ("hị" of the given name "Thị" gave "Hoàng Minh Hị")
    cases = [
        ("Trần Thị Ngọc", [96.0, 95.0, 20.0], {"Ngọc": "gọc"}, "Trần Thị Ngọc"),
        ("Lê Thị Tuyết Ngọc", [96.0, 95.0, 95.0, 20.0], {"Ngọc": "gọc"}, "Lê Thị Tuyết Ngọc"),
        ("Hoàng Minh Thị", [96.0, 95.0, 20.0], {"Thị": "hị"}, "Hoàng Minh Thị"),
        ("Nguyễn Hữu Văn", [96.0, 95.0, 20.0], {"Văn": "ăn"}, "Nguyễn Hữu Văn"),
        ("Nguyễn An Ninh", [96.0, 20.0, 95.0], {"An": "ăn"}, "Nguyễn An Ninh"),
        ("Lê Ngọc Ánh", [96.0, 20.0, 95.0], {"Ngọc": "gọc"}, "Lê Ngọc Ánh"),
    ]
    for name, confs, read, want in cases:
        assert _signed_read(name, confs, read)[0] == want, name
    # the model's name syllable kept, the name is as sure as without the reading
    assert _signed_read("Lê Ngọc Ánh", [96.0, 20.0, 95.0], {"Ngọc": "gọc"})[1] >= 0.6


def test_a_woman_s_name_ending_in_a_name_only_men_bear_is_misread_and_in_doubt() -> None:
    # seed 437 dev 003 (a blurred photo, the seal over the name): every reading of the name's row gave
    # "Dương Thị Mạnh" for "Dương Thị Hạnh", taken at 0.50. "Thị" is the women's middle name, "Mạnh" a man's:
    # read unsurely, the capital is the misread (the one listed name with the other letters, "Hạnh")
    name, conf = _signed_by("Dương Thị Mạnh", [50.0, 50.0, 50.0])
    assert name == "Dương Thị Hạnh" and conf < 0.6
    # read surely, kept as printed, in doubt; no woman's name with its letters ("Hùng": "Tùng" is a man's)
    name, conf = _signed_by("Dương Thị Mạnh", [95.0, 96.0, 96.0])
    assert name == "Dương Thị Mạnh" and conf < 0.6
    name, conf = _signed_by("Nguyễn Thị Hùng", [60.0, 60.0, 60.0])
    assert name == "Nguyễn Thị Hùng" and conf < 0.6
    # a man's name, or a woman's with a woman's given name, read surely: sure
    for read in ("Dương Văn Mạnh", "Dương Thị Hạnh"):
        name, conf = _signed_by(read, [95.0, 96.0, 96.0])
        assert name == read and conf >= 0.6


def test_a_garbled_given_name_is_the_listed_name_nearest_its_letters_and_marks() -> None:
    # seed 443 dev 008 (a blurred photo): "Cao Văn Dũng" read "Cao Văn Dỡng" (96, 93, 38); "Dỡng" is no
    # syllable, its letters (marks aside) "Đông"'s and "Đồng"'s, taken as "Đông". Its vowel misread, its tilde
    # kept: "Dũng" is nearer, letter and mark
    f = extract([page(_signed_as("Cao Văn Dỡng", [96.0, 93.0, 38.0]))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Cao Văn Dũng", True)
    from digitize.pipeline.fields.signer import fix_syllable

    # a word of a listed name's letters as near to two forms: the one with a tone mark where it was read
    assert fix_syllable("Dùng", 0.5) == "Dũng"  # not "Dung": a mark above the vowel was read
    assert fix_syllable("Hiểu", 0.5) == "Hiếu"  # a syllable: by its letters, as before


def test_a_given_name_a_row_s_readings_voted_with_a_mark_no_listed_form_has_is_kept_as_voted_in_doubt() -> (
    None
):
    # wide seed 603 dev 006 (a blurred photo): the readings of the name's row gave "Lẫm" and "Lắm", the vote
    # one of them (``signature.vote_name``); the listed "Lâm" has no tone mark where they read one: the word
    # is kept as voted, not made a form no reading gave, and the name is reviewed
    from digitize.pipeline.fields.names import VOTED_CONF
    from digitize.pipeline.fields.signer import fix_syllable

    f = extract([page(_signed_as("Trịnh Văn Lẫm", [VOTED_CONF * 100] * 3))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Trịnh Văn Lẫm", True)
    assert fix_syllable("Lẫm", VOTED_CONF) == "Lẫm"
    # a word read once as unsurely is a misreading's marks: the listed form
    assert fix_syllable("Lẫm", 0.4) == "Lâm"
    # a voted word with a listed form that has a mark where it read one is that form
    assert fix_syllable("Dùng", VOTED_CONF) == "Dũng"


def test_a_given_name_whose_capital_the_ring_garbled_into_two_glyphs_is_the_one_name_its_tail_ends() -> None:
    # seed 455 alt 000 (a low-light photo, the seal over "Ông Quang Chiến"): "Ông Xfuang Chiến" (29, 0, 97),
    # "Xfuang" taken as "Xuân", the listed name nearest it letter for letter; its tail "uang" ends "Quang"
    # alone. A guess from what the ring left: in doubt
    f = extract([page(_signed_as("Ông Xfuang Chiến", [29.0, 0.0, 97.0]))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Ông Quang Chiến", True)
    from digitize.pipeline.fields.signer import fix_syllable

    # a tail several names end in ("uân": Xuân, Tuân, Huân ...) tells none: the nearest by letters, as before
    assert fix_syllable("Xfuân", 0.0) not in ("Tuân", "Huân")
    assert fix_syllable("Ïnh", 0.35) == "Ïnh"


def test_a_blurred_page_s_given_name_no_list_has_with_a_listed_name_s_letters_is_in_doubt() -> None:
    # seed 445 dev 000 (a blurred scan): "Cao Đức Dũng" read "Cao Đức Dùng" (95, 95, 91): a blurred tilde read
    # as a grave, taken sure; in doubt, as read (the list is no census: "Nguyễn Thị Đào" stays "Đào")
    blurred = replace(page(_signed_as("Cao Đức Dùng", [95.0, 95.0, 91.0])), blurred=True)
    f = extract([blurred]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Cao Đức Dùng", True)
    blurred = replace(page(_signed_as("Nguyễn Thị Đào", [95.0, 95.0, 91.0])), blurred=True)
    assert extract([blurred]).fields["signer_name"].value == "Nguyễn Thị Đào"
    # a sharp page's word read surely is kept as printed
    f = extract([page(_signed_as("Cao Đức Dùng", [95.0, 95.0, 91.0]))]).fields["signer_name"]
    assert f.value == "Cao Đức Dùng"


def _name_boxes(pg: RecognizedPage, boxes: dict[str, tuple[float, float]]) -> RecognizedPage:
    """The page with the words named in ``boxes`` given those (x0, x1)."""
    words = tuple(
        replace(w, box=Box(boxes[w.text][0], w.box.y0, boxes[w.text][1], w.box.y1)) if w.text in boxes else w
        for w in pg.words
    )
    return replace(pg, words=words)


def test_words_whose_letters_the_ring_took_out_of_their_boxes_leave_no_word_lost_between_them() -> None:
    # seed 445 dev 004 (a bitonal scan, the ring across "n N" of "Phan Ngọc Mai"): read "Phần fgọc Mai" (10,
    # 10, 97), the box of "Phần" over "Pha", that of "fgọc" over "gọc": the gap between the boxes looked like
    # a lost word, and no name was read. The letters read are wider than their boxes: the gap is a space
    from tests.pipeline.test_extract import CHAR

    pg = page(_signed_as("Phan Fgọc Mai", [10.0, 10.0, 97.0]))
    phan = next(w for w in pg.words if w.text == "Phan")
    x = phan.box.x0
    cut = _name_boxes(pg, {"Phan": (x, x + 3 * CHAR), "Fgọc": (x + 6 * CHAR, x + 9 * CHAR)})
    f = extract([cut]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Phan Ngọc Mai", True)
    # a gap a word wide between boxes as wide as their letters: a word lost
    lost = _name_boxes(pg, {"Phan": (x - 4 * CHAR, x)})
    assert extract([lost]).fields["signer_name"].value != "Phan Ngọc Mai"


def test_a_word_read_surely_whose_box_lost_its_first_letters_under_the_ring_leaves_no_word_lost() -> None:
    # seed 485 dev 000 (a bitonal scan, the rim across the "N" of "Lưu Ngọc Hương"): "Ngọc" read surely (93)
    # but boxed over "gọc" only: the gap from "Lưu" to that box looked like a lost word, and no name was read
    from tests.pipeline.test_extract import CHAR

    pg = page(_signed_as("Lưu Ngọc Hương", [96.0, 93.0, 96.0]))
    luu = next(w for w in pg.words if w.text == "Lưu")
    x = luu.box.x1 + CHAR  # where "Ngọc" begins, a space after "Lưu"
    cut = _name_boxes(pg, {"Ngọc": (x + 2.5 * CHAR, x + 4 * CHAR)})
    f = extract([cut]).fields["signer_name"]
    # in doubt (REVIEW-40c H1): the box may as well be a short word's, a word lost left of it
    assert (f.value, f.confidence < 0.6) == ("Lưu Ngọc Hương", True)
    # its box as wide as its letters, a word's room from "Lưu": a word lost between them
    lost = _name_boxes(pg, {"Ngọc": (x + 5 * CHAR, x + 9 * CHAR)})
    assert extract([lost]).fields["signer_name"].value != "Lưu Ngọc Hương"


def test_a_short_box_s_missing_letters_narrow_only_the_gap_on_its_left() -> None:
    """REVIEW-40c H1 (a): the ring cuts a word's first letters, so they stood left of its box: the gap on its
    right is no narrower. "Ngọc" boxed over "gọc" and a two-letter word lost between it and "Hương": that
    word's gap was narrowed by the letters missing from "Ngọc" too, and "Lưu Ngọc Hương" came out at 0.95."""
    from tests.pipeline.test_extract import CHAR

    pg = page(_signed_as("Lưu Ngọc Hương", [96.0, 93.0, 96.0]))
    luu = next(w for w in pg.words if w.text == "Lưu")
    x = luu.box.x1 + CHAR
    lost = _name_boxes(pg, {"Ngọc": (x + 2.5 * CHAR, x + 4 * CHAR), "Hương": (x + 8 * CHAR, x + 13 * CHAR)})
    f = extract([lost]).fields["signer_name"]
    assert f.value is None or f.confidence < 0.6


def test_a_word_s_letter_width_is_not_taken_from_a_scribbled_box_of_the_name() -> None:
    """REVIEW-40c H1 (b): the letter width was the middle of the name's own boxes: "Hương" stretched by the
    pen's scribble made "Lưu" (its box as wide as its letters) seem short, and the word lost between them
    was taken for its missing letters: "Lưu Hương" at 0.96."""
    from tests.pipeline.test_extract import CHAR

    pg = page(_signed_as("Lưu Hương", [96.0, 96.0]))
    luu = next(w for w in pg.words if w.text == "Lưu")
    x = luu.box.x1 + CHAR  # a two-letter word and its space, then "Hương" under a scribble 13 letters wide
    lost = _name_boxes(pg, {"Hương": (x + 3 * CHAR, x + 16 * CHAR)})
    f = extract([lost]).fields["signer_name"]
    assert f.value is None or f.confidence < 0.6


@pytest.mark.parametrize("name", ["Ksor Hđrang", "Rơ Mah Hdrang"])
def test_a_highlands_name_read_unsure_is_not_taken_from_its_tail(name: str) -> None:
    """REVIEW-37 L1: "Hđrang" (a Central Highlands name, read at 70) became "Trang" by its tail."""
    confs = [95.0] * (len(name.split()) - 1) + [70.0]
    f = extract([page(_signed_as(name, confs))]).fields["signer_name"]
    assert f.value is None or f.value.split()[-1] == name.split()[-1]


def test_a_given_name_the_language_model_changed_is_taken_as_tesseract_read_it() -> None:
    # seed 475 alt 012 (a photo): Tesseract read "Khống Mạnh Khải" (90, 96, 97); "Khống" is no family name as
    # read, no name run shielded the line, and the model made "Khải" the common word "Khai": "Khổng Mạnh
    # Khai". A capitalised syllable Tesseract read is the name's word
    name, _ = _signed_read("Khống Mạnh Khai", [90.0, 96.0, 97.0], {"Khai": "Khải"})
    assert name == "Khổng Mạnh Khải"
    # a reading that is no syllable, given its marks by the model, is the model's
    name, _ = _signed_read("Lê Thị Thương", [95.0, 96.0, 90.0], {"Thương": "Thưong"})
    assert name == "Lê Thị Thương"


@pytest.mark.parametrize(
    ("name", "confs", "read"),
    [
        ("Nguyễn Văn Hoa", [90.0, 96.0, 97.0], {"Nguyễn": "Nguyen", "Hoa": "Hòa"}),
        ("Trần Văn Hoa", [90.0, 96.0, 95.0], {"Trần": "Tràn", "Hoa": "Hòa"}),
        ("Lê Văn Hoa", [96.0, 96.0, 95.0], {"Lê": "Lé", "Hoa": "Hòa"}),
        ("Nguyễn Văn Đức", [90.0, 96.0, 95.0], {"Nguyễn": "Nguyen", "Văn": "Vân"}),
        ("Lê Thị Hạnh", [96.0, 95.0, 95.0], {"Hạnh": "Hành"}),
        ("Trần Văn Hùng", [96.0, 95.0, 95.0], {"Hùng": "Húng"}),
        ("Phạm Minh Chính", [96.0, 95.0, 95.0], {"Chính": "Chỉnh"}),
    ],
)
def test_a_name_s_word_tesseract_and_the_model_read_with_other_marks_is_in_doubt(
    name: str, confs: list[float], read: dict[str, str]
) -> None:
    # REVIEW-39b H1: the model's "Hoa" put back as Tesseract's "Hòa" (97) was taken at 0.94; either may be
    # the name: the two disagree about its marks, neither reading is sure
    assert _signed_read(name, confs, read)[1] < 0.6


@pytest.mark.parametrize(
    ("name", "confs", "read"),
    [
        ("Nguyễn Văn Chính", [90.0, 96.0, 95.0], {"Nguyễn": "Nguyen", "Chính": "Chinh"}),
        ("Nguyễn Thị Hạnh", [90.0, 96.0, 95.0], {"Nguyễn": "Nguyen", "Hạnh": "Hanh"}),
        ("Nguyễn Quốc Tuấn", [90.0, 96.0, 95.0], {"Nguyễn": "Nguyen", "Tuấn": "Tuân"}),
        ("Trần Văn Hùng", [90.0, 96.0, 95.0], {"Trần": "Tran", "Hùng": "Hung"}),
        ("Nguyễn Văn Chính", [90.0, 90.0, 95.0], {"Nguyễn": "Nguyen", "Văn": "Van", "Chính": "Chinh"}),
    ],
)
def test_a_name_s_word_tesseract_read_with_fewer_marks_is_the_model_s(
    name: str, confs: list[float], read: dict[str, str]
) -> None:
    # REVIEW-39b H1: Tesseract's "Chinh" (95) put back for the model's "Chính" gave "Nguyễn Văn Chinh" at
    # 0.94. A mark lost is Tesseract's commonest misreading, a mark restored the model's work: the model's
    found, conf = _signed_read(name, confs, read)
    assert found == name
    assert not (conf >= 0.6 and found != name)


def test_a_reading_with_two_tone_marks_on_a_word_is_not_put_back() -> None:
    # REVIEW-39b M1: "Hòà" (two tone marks, no syllable has two) put back for the model's "Hoa" lost the name
    assert _signed_read("Nguyễn Văn Hoa", [90.0, 96.0, 97.0], {"Nguyễn": "Nguyen", "Hoa": "Hòà"})[0] == (
        "Nguyễn Văn Hoa"
    )


def test_only_a_line_that_may_be_a_name_has_its_words_put_back() -> None:
    # REVIEW-39b L4: a line of more than five capitalised words is no name's: its words stay the model's
    ws = [
        Word(text=t, conf=95.0, box=Box(100.0 + 60 * i, 10.0, 150.0 + 60 * i, 30.0), read=r)
        for i, (t, r) in enumerate(
            [("Nguyễn", ""), ("Văn", ""), ("Hoa", "Hòa"), ("Trần", ""), ("Thị", ""), ("Lan", "")]
        )
    ]
    pg = page(_signed_as("Nguyễn Văn Hoa", [95.0, 95.0, 95.0]))
    long_line = make_line(pg, ws)
    assert lead_as_read(long_line) == (long_line, frozenset())
    name_line = make_line(pg, ws[:3])
    line, swapped = lead_as_read(name_line)
    assert [w.text for w in line.words] == ["Nguyễn", "Văn", "Hòa"] and swapped == frozenset({"Hòa"})


def test_a_given_name_read_surely_with_marks_no_listed_name_has_is_kept_in_doubt() -> None:
    # wide seed 601 alt 006: "Trang Phước Nẫm" read surely (96, 93, 89) was taken as "Trang Phước Nam", a
    # listed name with its letters: the list is no census. Kept as read; the marks may be misread: in doubt
    name, conf = _signed_by("Trần Phước Nẫm", [96.0, 93.0, 89.0])
    assert name == "Trần Phước Nẫm" and conf < 0.6
    # read unsurely, the listed name with its letters, as before ("Hiểu" (50) → "Hiếu")
    assert _signed_by("Trần Văn Hiểu", [96.0, 93.0, 50.0])[0] == "Trần Văn Hiếu"
    # a listed name read surely stays sure
    name, conf = _signed_by("Trần Phước Nam", [96.0, 93.0, 89.0])
    assert name == "Trần Phước Nam" and conf > 0.6


def test_a_given_name_whose_bar_no_listed_form_has_is_in_doubt_however_surely_read() -> None:
    # seed w641 dev 000: "Trịnh Diệu Mừng" under a seal whose ring crosses the stem of the "D": "Điệu" (94) at
    # every size, listed "Diệu" only, was taken as "Trịnh Điệu Mừng" at 0.93. A bar is a stroke across the
    # letter and a seal's is one too: kept as read (a name may have it), in doubt
    name, conf = _signed_by("Trịnh Điệu Mừng", [96.0, 94.0, 94.0])
    assert name == "Trịnh Điệu Mừng" and conf < 0.6
    # the listed form read as surely stays sure; a text layer's word is as written
    name, conf = _signed_by("Trịnh Diệu Mừng", [96.0, 94.0, 94.0])
    assert name == "Trịnh Diệu Mừng" and conf > 0.6
    assert not signer_module.marks_unlisted("Điệu", 1.0)
    assert signer_module.marks_unlisted("Điệu", 0.94) and not signer_module.marks_unlisted("Diệu", 0.94)


def test_a_syllable_read_whole_made_a_listed_name_is_in_doubt() -> None:
    # wide seed 615 alt 001: "Võ Văn Nẵm" (96, 93, 83) for "Võ Văn Nẫm" was taken as "Võ Văn Nam" at 0.68: a
    # Vietnamese syllable read whole, made the listed name with its letters, is the list's guess, no reading
    name, conf = _signed_by("Võ Văn Nẵm", [96.0, 93.0, 83.0])
    assert conf < 0.6
    # the listed name read as one, as surely, stays sure
    name, conf = _signed_by("Võ Văn Nam", [96.0, 93.0, 83.0])
    assert name == "Võ Văn Nam" and conf > 0.6


def test_a_family_name_the_readings_voted_is_kept_as_voted_in_doubt() -> None:
    # wide seed 615 alt 010: "Mã Trung Nhân", voted by every reading of the name's row (``VOTED_CONF``), was
    # taken as "Mai Trung Nhân", the nearest listed family name: the vote chose among the words read
    name, conf = _signed_by("Ma Trung Nhân", [50.0, 50.0, 50.0])
    assert name == "Ma Trung Nhân" and conf < 0.6
    # a word read unsurely (not voted) is still the nearest listed family name's, in doubt ("Mà" (55)); not a
    # real family name the list lacks ("Ma": ``OTHER_SURNAMES``; "Mã", a held-out one, kept off it),
    # kept as read, in doubt all the same
    name, conf = _signed_by("Mà Trung Nhân", [55.0, 50.0, 50.0])
    assert name == "Mai Trung Nhân" and conf < 0.6
    name, conf = _signed_by("Ma Trung Nhân", [55.0, 50.0, 50.0])
    assert name == "Ma Trung Nhân" and conf < 0.6
    # REVIEW-42f: a two-word row (a family name and one given name) tells no name by its vote alone: its
    # first word may be any word the seal left ("Mà"), no name as before
    assert _signed_by("Mà Hùng", [50.0, 50.0]) == (None, 0.0)


def test_a_family_name_no_list_has_read_surely_is_kept_in_doubt() -> None:
    # wide seed 601 dev 002: "Bô Văn Mỹ Tuệ" (93, 97, 97, 97) for "Bồ Văn Mỹ Tuệ" was taken at 0.81: a family
    # name no list has is kept as read, but no list confirms it (a mark misread makes another word as sure)
    name, conf = _signed_by("Bô Văn Mỹ Tuệ", [93.0, 97.0, 97.0, 97.0])
    assert name == "Bô Văn Mỹ Tuệ" and conf < 0.6
    name, conf = _signed_by("Bùi Văn Mỹ Tuệ", [93.0, 97.0, 97.0, 97.0])
    assert name == "Bùi Văn Mỹ Tuệ" and conf > 0.6


@pytest.mark.parametrize("conf", [74.0, 93.0])
def test_a_held_out_middle_name_whose_vowel_was_garbled_is_in_doubt(conf: float) -> None:
    """REVIEW-40c L2: "Đắc" (no common middle name) garbled as "Đếc" ("êc" ends no syllable): whether
    "Đức" or "Đắc" is no reading; read surely, "Nguyễn Đếc Vinh" was kept at 0.94."""
    f = extract([page(_signed_as("Nguyễn Đếc Vinh", [95.0, conf, 95.0]))]).fields["signer_name"]
    assert f.value is None or f.confidence < 0.6
    # a people's name of another orthography, its vowel bearing no mark, is its own spelling: kept sure
    f = extract([page(_signed_as("Siu Hot Lan", 95.0))]).fields["signer_name"]
    assert (f.value, f.confidence >= 0.6) == ("Siu Hot Lan", True)


@pytest.mark.parametrize(
    ("read", "confs", "want"),
    [
        # a family name no list has before "Văn" (a family name far more often a middle one), read unsurely
        ("Khuất Văn Đăng Oai", [80.0, 97, 96, 97], "Khuất Văn Đăng Oai"),
        # the ring over the end of "Vương": its head tells it
        ("Vừobđ Văn Út", [70.0, 95, 97], "Vương Văn Út"),
    ],
)
def test_the_word_before_a_middle_name_that_is_also_a_family_name_is_the_name_s_own(
    read: str, confs: list[float], want: str
) -> None:
    # wide seed 611 dev 009 and 002: read "Văn Đăng Oai", "Văn Út", the family name dropped
    value, conf = _signer_of(read, confs)
    assert (value, conf < 0.6) == (want, True)
    # a seal's speck before a name led by a listed family name is still no word of it
    assert _signer_of("Xơ Văn Hùng", [30.0, 95, 95])[0] in (None, "Văn Hùng")


@pytest.mark.parametrize(
    ("read", "confs"),
    [("Ung Văn Súy", [95.0, 93, 92])],
)
def test_a_family_name_no_list_has_read_surely_is_kept_as_printed(read: str, confs: list[float]) -> None:
    # wide seed 611 alt 008: "Ung" (95) made the listed "Ứng": a syllable read surely, in doubt (a tone the
    # only difference, "Đống" (91) of seed 611 dev 004, is still the listed "Đồng": "Khống" (90) for "Khổng")
    value, conf = _signer_of(read, confs)
    assert (value, conf < 0.6) == (read, True)
    # read unsurely, or a frequent one read bare: the listed one
    assert _signer_of("Lau Văn Hùng", [60.0, 90, 90])[0] in (None, "Lầu Văn Hùng")


def test_a_blurred_page_s_syllable_a_letter_longer_than_a_listed_family_name_is_kept() -> None:
    # wide seed 611 alt 010 (blurred photo): "Tào Như Quốc" read in every reading was made "Thào"
    blurred = replace(page(_signed_as("Tào Như Quốc", 96.0)), blurred=True)
    f = extract([blurred]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Tào Như Quốc", True)


def test_a_blurred_page_s_family_name_a_letter_and_two_marks_from_a_listed_one_is_kept() -> None:
    # s885 corp 009, w679 alt 005 (blurred photos): "Hoa Hoài Quý Mậu" read at 96 (every reading of its row
    # alike, at 95) was made "Hứa Hoài Quý Mậu": "Hứa" is a letter from "Hoa" as composed, but its "ư"'s base,
    # horn and acute all three lost, no blur's misreading of one glyph: kept as read, in doubt
    blurred = replace(page(_signed_as("Hoa Hoài Quý Mậu", 96.0)), blurred=True)
    f = extract([blurred]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Hoa Hoài Quý Mậu", True)
    # a letter's base misread, its mark kept ("Mục": Mạc) is still the listed one
    blurred = replace(page(_signed_as("Mục Công Lực", 92.0)), blurred=True)
    assert extract([blurred]).fields["signer_name"].value == "Mạc Công Lực"
    # a word no syllable of the language so far from a listed one is still its blurred reading (review)
    blurred = replace(page(_signed_as("Tren Văn Minh", 96.0)), blurred=True)
    assert extract([blurred]).fields["signer_name"].value == "Trần Văn Minh"


@pytest.mark.parametrize("read", ["Mạch Văn Khẩn", "Tưởng Văn Phước Nhơn"])
def test_a_blurred_page_s_real_family_name_a_letter_from_a_listed_one_is_kept(read: str) -> None:
    # corp+wide seeds 851 002, 845 002 (blurred photos): "Mang" (97), "Phó" (96), real family names the list
    # lacks, read so, were made "Mông", "Phí" (a letter from them); kept as read, in doubt
    blurred = replace(page(_signed_as(read, 96.0)), blurred=True)
    f = extract([blurred]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == (read, True)
    # a word no family name, a letter from one, is still that one on a blurred page ("Mục": Mạc)
    blurred = replace(page(_signed_as("Mục Công Lực", 92.0)), blurred=True)
    assert extract([blurred]).fields["signer_name"].value == "Mạc Công Lực"


def test_a_real_family_name_the_list_lacks_read_unsurely_is_no_guessed_listed_one() -> None:
    # corp+wide seed 841 010: "Cung" (39) of "Cung Thị Mỹ Nghị" was made "Ứng" (a letter from it, and from
    # "Sùng"): kept as read, in doubt
    value, conf = _signer_of("Chung Thị Mỹ Nghị", [39.0, 39, 96, 96])
    assert (value, conf < 0.6) == ("Chung Thị Mỹ Nghị", True)


@pytest.mark.parametrize(
    ("read", "confs", "want"),
    [
        # "tá" (a rank's small word) dropped from the reading: "Đại" is no word next to "Kim"
        ("Đại tá Kim Văn Hùng", [95.0, 95, 95, 95, 95], "Kim Văn Hùng"),
        ("Thượng tá Văn Thị Hồng", [95.0, 95, 95, 95, 95], "Văn Thị Hồng"),
    ],
)
def test_a_word_not_next_to_a_middle_name_that_is_also_a_family_name_is_no_family_name(
    read: str, confs: list[float], want: str
) -> None:
    # REVIEW-41e MED-1: "Đại tá Kim Văn Hùng" was read "Kim Văn Hùng" at 0.95 before unlisted41, then None
    # ("Đại Kim Văn Hùng", five words with it)
    value, conf = _signer_of(read, confs)
    assert (value, conf >= 0.6) == (want, True)


def test_a_signing_or_rank_word_before_a_middle_name_that_is_also_a_family_name_is_no_family_name() -> None:
    # REVIEW-41e MED-1: "Ký" (70), a signature's mark, made "Ký Văn Thị Hồng"
    assert _signer_of("Ký Văn Thị Hồng", [70.0, 95, 95, 95])[0] == "Văn Thị Hồng"
    assert _signer_of("Thượng Kim Ngọc Anh", [70.0, 80, 93, 93])[0] == "Kim Ngọc Anh"


def test_a_word_far_left_of_a_middle_name_that_is_also_a_family_name_is_no_family_name() -> None:
    # REVIEW-41e MED-1: a word more than a space's width before "Văn" (a seal's mark, a word of the block
    # beside the name) is no family name of it: the name read from "Văn" on, in doubt (the word may be its
    # own family name, cut); taken with it, the gap was a word lost and no name was read
    pg = page(_ubnd_directive()[:-5] + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Khuất Văn Đăng Oai", 90.0))
    words = list(pg.words)
    k = next(i for i, w in enumerate(words) if w.text == "Khuất")
    b = words[k].box
    words[k] = replace(words[k], box=replace(b, x0=b.x0 - 60, x1=b.x1 - 60))  # a gap of 82 px, words 45 high
    f = extract([replace(pg, words=tuple(words))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Văn Đăng Oai", True)
    # next to it, it leads
    assert extract([pg]).values()["signer_name"] == "Khuất Văn Đăng Oai"


def test_a_blurred_page_s_family_name_that_lost_its_last_letter_is_repaired() -> None:
    # REVIEW-41e MED-2: "Dươn" (92) of "Dương" on a blurred page was kept as read once a syllable a letter
    # shorter than a listed family name was taken for one the list lacks ("Tào", rare, stays)
    blurred = replace(page(_signed_as("Dươn Văn An", 92.0)), blurred=True)
    f = extract([blurred]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Dương Văn An", True)
    blurred = replace(page(_signed_as("Tái Văn An", 92.0)), blurred=True)
    f = extract([blurred]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Thái Văn An", True)


def _sig_line(*texts: str) -> Line:
    words, x = [], 1700.0
    for t in texts:
        words.append(Word(t, 96.0, Box(x, 300, x + 30 * len(t), 340)))
        x += 30 * len(t) + 12
    return make_line(page([]), words)


def test_a_title_in_sentence_case_with_a_letter_slip_stays_sure() -> None:
    from digitize.pipeline.fields.signer import title_of

    # a title printed in sentence case ("Chủ tịch", "Tổng giám đốc") read with one letter slipped is the
    # title, sure: its small letters are no sign it is none (REVIEW-43c #1: held at 0.5 it went to doubt)
    for read, want in [
        (("Chủ", "tjch"), "Chủ tịch"),
        (("Tống", "giárn", "đốc"), "Tổng Giám đốc"),
        (("Giám", "đốc", "Sở"), "Giám đốc"),
        (("Phó", "Giárn", "đốc"), "Phó Giám đốc"),
    ]:
        found = title_of(_sig_line(*read))
        assert found is not None and (found[0], found[1] >= 0.6) == (want, True), read
    exact = title_of(_sig_line("Viện", "trưởng"))
    assert exact is not None and exact[1] >= 0.6
    # ... and so through the whole block
    f = _block_fields([("Chủ tjch", [96.0, 96])], "Cao Đức Long", [96.0, 91, 97])["signer_title"]
    assert (f.value, f.confidence >= 0.6) == ("Chủ tịch", True)


def _with_word_moved(specs: list, text: str, dx: float, dy: float) -> RecognizedPage:  # type: ignore[type-arg]
    """The page of ``specs`` with the word ``text`` moved by (dx, dy): a mark read on a line, away from it."""
    pg = page(specs)

    def moved(b: Box) -> Box:
        return Box(b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy)

    words = tuple(replace(w, box=moved(w.box)) if w.text == text else w for w in pg.words)
    return replace(pg, words=words)


def test_a_mark_read_far_before_a_head_s_title_is_no_deputy_s_head_word() -> None:
    # seed 515 alt 002 (a blurred photo, the seal beside the block): its ring read "ọ" (79) five letter
    # heights left of "GIÁM ĐỐC", below its row: the line fuzzily "Phó Giám đốc", taken at 0.80
    from tests.pipeline.test_extract import decision

    specs = decision()[:-6] + signer(("ọ GIÁM ĐỐC",), "Tôn Phương Khuyến")
    f = extract([_with_word_moved(specs, "ọ", -330.0, 30.0)]).fields["signer_title"]
    # (the word left out made the deputy's title: the head's, in doubt)
    assert (f.value, f.confidence < 0.6) == ("Giám đốc", True)
    # one letter standing where the head word is printed: the deputy's title, but in doubt
    f = extract([page(specs)]).fields["signer_title"]
    assert f.value != "Giám đốc" or f.confidence < 0.6
    assert f.value != "Phó Giám đốc" or f.confidence < 0.6
    # "PHÓ" read where it is printed: the deputy's, sure
    specs = decision()[:-6] + signer(("PHÓ GIÁM ĐỐC",), "Tôn Phương Khuyến")
    f = extract([page(specs)]).fields["signer_title"]
    assert f.value == "Phó Giám đốc" and f.confidence >= 0.6


def _with_speck_after(specs: list, text: str, speck: str, conf: float, h: float) -> RecognizedPage:  # type: ignore[type-arg]
    """The page of ``specs`` with a speck ``h`` px tall read 12 px after the word ``text``, on its line."""
    pg = page(specs)
    words = list(pg.words)
    i = next(k for k, w in enumerate(words) if w.text == text)
    a = words[i]
    box = Box(a.box.x1 + 12.0, a.box.y1 - h, a.box.x1 + 16.0, a.box.y1)
    words.insert(i + 1, Word(speck, conf, box, line=a.line))
    return replace(pg, words=tuple(words))


_DEPUTIES_READ = [
    ("PHÓ GIÁM ĐỐC", "Phó Giám đốc"),
    ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
    ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"),
]


@pytest.mark.parametrize(("title", "want"), _DEPUTIES_READ)
@pytest.mark.parametrize(("speck", "conf", "h"), [(",", 70.0, 5.0), ("-", 80.0, 4.0), ("'", 75.0, 5.0)])
def test_a_speck_after_pho_is_no_measure_of_the_space_before_the_title(
    title: str, want: str, speck: str, conf: float, h: float
) -> None:
    # a speck 4 px tall between "PHÓ" and "GIÁM": the space after it measured in its own height, "PHÓ" taken
    # for a mark far from the title ("Giám đốc" at 0.88, REVIEW sw44 H1)
    from tests.pipeline.test_extract import decision

    specs = decision()[:-6] + signer((title,), "Tôn Phương Khuyến")
    f = extract([_with_speck_after(specs, "PHÓ", speck, conf, h)]).fields["signer_title"]
    assert (f.value, f.confidence >= 0.6) == (want, True)


@pytest.mark.parametrize(("title", "want"), _DEPUTIES_READ)
def test_pho_read_well_a_wide_space_before_the_title_is_the_deputy_s(title: str, want: str) -> None:
    # "PHÓ" (read at 95) three letter heights left of the rest: the deputy's head word all the same
    from tests.pipeline.test_extract import decision

    specs = decision()[:-6] + signer((title,), "Tôn Phương Khuyến")
    f = extract([_with_word_moved(specs, "PHÓ", -100.0, 0.0)]).fields["signer_title"]
    assert (f.value, f.confidence >= 0.6) == (want, True)


@pytest.mark.parametrize("prefix", ["KT", "TM", "Q", "KT."])
def test_an_authority_prefix_far_before_the_title_is_the_title_s_dot_or_none(prefix: str) -> None:
    from digitize.pipeline.fields.signer import title_of

    pg = RecognizedPage(index=0, source="ocr", width=2480, height=3508, text="")
    words = [
        Word(prefix, 95.0, Box(1200, 1000, 1200 + 30 * len(prefix), 1040)),
        Word("GIÁM", 95.0, Box(1475, 1000, 1580, 1040)),
        Word("ĐỐC", 95.0, Box(1595, 1000, 1690, 1040)),
    ]
    hit = title_of(make_line(pg, words))
    assert hit is not None and (hit[0], hit[2]) == ("Giám đốc", True)


def test_a_title_s_garbled_words_far_before_its_last_are_read_with_it_in_doubt() -> None:
    # "KT. CHỦ TỊCH" read "—_,C    TỊCH" under the seal (a real decision skewed 2°): without its far first
    # word the line holds no title; it is read whole, as before the far-word rule, in doubt
    from digitize.pipeline.fields.signer import title_of

    pg = RecognizedPage(index=0, source="ocr", width=1758, height=2391, text="")
    words = [Word("—_,C", 31.9, Box(1062, 364, 1183, 390)), Word("TỊCH", 86.9, Box(1247, 363, 1338, 396))]
    hit = title_of(make_line(pg, words))
    assert hit is not None and hit[0] == "Chủ tịch" and hit[1] < 0.6


@pytest.mark.parametrize(
    ("read", "confs", "want"),
    [
        # wide seed 541 alt 008 (grey, seal over the name): "Khuất" "Viết" (75), "Đăng" (93) a middle name
        # spelling the listed family name "Đặng" by its letters: read "Đặng Phớc", the name cut. "Viết" read
        # unsurely is the listed "Việt" (REVIEW-45: a tone mark's place read at 75 is no reading)
        ("Khuất Viết Đăng Phớc", [75.0, 75, 93, 92], "Khuất Việt Đăng Phớc"),
        ("Khuất Viết Đăng Phớc", [90.0, 90, 93, 92], "Khuất Viết Đăng Phớc"),
    ],
)
def test_a_middle_name_spelling_a_family_name_with_other_marks_does_not_cut_the_words_before_it(
    read: str, confs: list[float], want: str
) -> None:
    value, conf = _signer_of(read, confs)
    assert (value, conf < 0.6) == (want, True)  # its family name no list has: in doubt
    # a listed family name read as printed after a speck is still the name's start
    assert _signer_of("Xơ Đặng Văn Hùng", [30.0, 93, 95, 95])[0] == "Đặng Văn Hùng"
    # a word read unsurely before it is no family name of it
    assert _signer_of("Khuất Viết Đăng Phớc", [45.0, 75, 93, 92])[0] != read


def test_a_name_s_word_read_with_its_tone_mark_where_no_listed_form_has_one_is_kept_in_doubt() -> None:
    # "Viết" (87, read surely): "Việt" is listed, its tone below; a mark read above is the word's own
    value, conf = _signed_by("Nguyễn Viết Hùng", [95.0, 87.0, 95.0])
    assert (value, conf < 0.6) == ("Nguyễn Viết Hùng", True)
    # read less surely, the listed name (REVIEW-45: "Ngóc" (70) of "Ngọc", "Thính" (75) of "Thịnh" were kept
    # as misread)
    value, conf = _signed_by("Nguyễn Viết Hùng", [95.0, 75.0, 95.0])
    assert (value, conf < 0.6) == ("Nguyễn Việt Hùng", True)
    assert _signer_of("Trần Văn Ngóc", [95.0, 95, 70]) == ("Trần Văn Ngọc", 0.55)
    assert _signer_of("Phạm Thính", [95.0, 75]) == ("Phạm Thịnh", 0.55)
    # marks of one place are the listed name's, as before ("Hiểu" (75) → "Hiếu"), and a word without a tone
    # mark may have lost it ("Viet" → "Việt")
    assert _signed_by("Trần Văn Hiểu", [96.0, 93.0, 75.0])[0] == "Trần Văn Hiếu"
    assert _signed_by("Nguyễn Viet Hùng", [95.0, 75.0, 95.0])[0] in (None, "Nguyễn Việt Hùng")


@pytest.mark.parametrize(
    ("read", "confs"),
    [("ĐoànXăn Việt", [30.0, 96]), ("ĐoànVăn Việt", [60.0, 96])],
)
def test_a_family_name_run_together_with_the_next_capitalised_word_is_two_words(
    read: str, confs: list[float]
) -> None:
    # wide seed 541 alt 001 (grey, seal over the name): "ĐoànXăn" (30) "Việt": the space and the capital of
    # "Văn" lost under the signature's stroke; no name was read
    value, conf = _signer_of(read, confs)
    assert (value, conf < 0.6) == ("Đoàn Văn Việt", True)
    # no family name before the capital, or no listed name after it: no split
    assert _signer_of("ĐăngXăn Việt", [30.0, 96])[0] is None


def test_a_name_s_word_read_in_capitals_among_capitalised_ones_is_no_reading_of_its_marks() -> None:
    # wide seed 541 dev 000 (grey, seal over the name): "Bộ THÍ Chấn" (97, 93, 97) for "Bồ Thị Chấn": the
    # capitals say the small letters were misread, their marks with them; "Thí" was kept as read
    value, conf = _signed_by("Bồ THÍ Chấn", [97.0, 93.0, 97.0])
    assert value is not None and value.split()[1] == "Thị" and conf < 0.6
    # a name printed all in capitals is read as printed
    assert _signed_by("NGUYỄN VĂN AN", [95.0, 95.0, 95.0]) == ("Nguyễn Văn An", 0.95)


def test_a_rare_family_name_read_unsurely_before_a_middle_name_that_is_also_one_leads_the_name() -> None:
    # wide seed 545 alt 002 (blurred photo, seal over the name): the name's row voted "Lạc Văn Hoài Tươi",
    # each word at the vote's 0.5: "Lạc" (a rarer listed family name, read unsurely) was taken for junk before
    # a name led by "Văn" (a family name too, far more often a middle one): "Văn Hoài Tươi"
    value, conf = _signer_of("Lạc Văn Hoài Tươi", [50.0, 50, 50, 50])
    assert (value, conf < 0.6) == ("Lạc Văn Hoài Tươi", True)
    # before a family name that is no middle name, such a word is still junk
    assert _signer_of("Vàng Nguyễn Văn An", [40.0, 90, 90, 90])[0] == "Nguyễn Văn An"


def test_a_name_s_word_whose_capital_was_misread_as_two_letters_is_no_sure_name() -> None:
    # wide seed 545 alt 010 (seal over the name): "Đàm Xhật Giao" (90, 90, 96) taken at 0.92 for "Đàm Nhật
    # Giao": "Xh" opens no Vietnamese word and no Highlands name; the listed name with its other letters
    value, conf = _signer_of("Đàm Xhật Giao", [90.0, 90, 96])
    assert (value, conf < 0.6) == ("Đàm Nhật Giao", True)
    # the names of the Central Highlands peoples keep their clusters, as before
    assert _signer_of("Y Ngông Niê Kdăm", [93.0, 95, 94, 92]) == ("Y Ngông Niê Kdăm", 0.55)
    assert _signer_of("Siu Hot Lan", [95.0, 95, 95])[0] == "Siu Hot Lan"


@pytest.mark.parametrize("lead_conf", [50.0, 55.0, 59.0])
def test_a_rare_family_name_kept_before_a_middle_name_that_is_also_one_is_in_doubt(lead_conf: float) -> None:
    # REVIEW-45 HIGH: "Nay" read unsurely, kept only because "Văn" (more often a middle name) follows it,
    # was a sure name ("Nay Văn Thị Hồng" at 0.86)
    for read in ("Nay Văn Thị Hồng", "Lạc Văn Hùng Anh", "Vàng Kim Thị Hồng"):
        value, conf = _signer_of(read, [lead_conf, 95, 95, 95])
        assert value is not None and conf < 0.6, (read, value, conf)


def test_a_name_s_word_opening_with_a_cluster_of_another_orthography_is_kept_as_read() -> None:
    # REVIEW-45: only a capital the ring makes two letters of ("Xh", "Zg") is a misread; "Srang", "Shinh",
    # "Zrâm" are names as printed, kept with their confidence
    assert _signer_of("Điểu Srang", [95.0, 95]) == ("Điểu Srang", 0.55)
    assert _signer_of("Trần Văn Shinh", [95.0, 95, 95]) == ("Trần Văn Shinh", 0.95)
    assert _signer_of("Trần Văn Slinh", [95.0, 95, 95]) == ("Trần Văn Slinh", 0.95)
    assert _signer_of("Zơ Râm Zrâm", [95.0, 95, 95])[0] is None  # (no family name: as before)
    assert _signer_of("Ksor Zrâm", [95.0, 95]) == ("Ksor Zrâm", 0.95)


def test_a_name_s_word_in_capitals_keeps_the_marks_it_was_read_with() -> None:
    # REVIEW-45: "NẪM" among capitalised words is no "Nam" (marks read are not dropped), in doubt; "VĂN", a
    # listed name letter for letter, keeps its confidence
    assert _signer_of("Trần Văn NẪM", [95.0, 95, 95]) == ("Trần Văn Nẫm", 0.55)
    assert _signer_of("Nguyễn VĂN Hùng", [95.0, 95, 95]) == ("Nguyễn Văn Hùng", 0.95)


def test_seal_and_signing_words_before_a_family_name_do_not_lead_the_name() -> None:
    # REVIEW-45: the seal's ring ("Tỉnh Sở") or a signing line's words before a middle name spelling a family
    # name are no family name the list lacks
    assert _signer_of("Tỉnh Sở Đăng Hùng", [75.0, 75, 93, 95]) == ("Đặng Hùng", 0.55)
    assert _signer_of("Thừa Lệnh Đăng Hùng", [75.0, 75, 93, 95]) == ("Đặng Hùng", 0.55)


@pytest.mark.parametrize("row", ["Hà Nội", "Văn Thư", "Lưu Trữ", "Phan Loại", "Lê Văn", "Đinh Kèm"])
def test_a_row_under_the_title_that_names_no_person_is_read_in_doubt(row: str) -> None:
    # review of seal45: a place, a receipt list's unit, or a name whose given name was lost, read as the
    # signer's row surely (0.95): as read, in doubt
    value, conf = _signer_of(row, [95.0] * len(row.split()))
    assert (value, conf < 0.6) == (row, True)


@pytest.mark.parametrize("name", ["Nguyễn Văn An", "Lê Thị Hà", "Hà Văn Nội", "Trần Thư", "Văn Long"])
def test_a_person_s_name_under_the_title_stays_sure(name: str) -> None:
    value, conf = _signer_of(name, [95.0] * len(name.split()))
    assert (value, conf >= 0.6) == (name, True)


def test_a_title_word_printed_as_a_name_s_word_before_a_middle_name_is_its_family_name() -> None:
    """Wide seed 625 dev 005: "Phó Văn Nẫm" under "CHỦ TỊCH" was read "Phó" (96) "Văn" (93) and taken as
    "Văn Nam": "Phó" is a title's word, but capitalised and read surely on a name's line before "Văn" (a
    family name far more often a middle one) it is the family name no list has; in doubt, as such are."""
    value, conf = _signer_of("Phó Văn Hùng", [96.0, 93, 95])
    assert (value, conf < 0.6) == ("Phó Văn Hùng", True)
    # in a title's capitals, read unsurely, or a rank's or signing word: no family name
    assert _signer_of("PHÓ Văn Hùng", [96.0, 93, 95])[0] in (None, "Văn Hùng")
    assert _signer_of("Phó Văn Hùng", [60.0, 93, 95])[0] == "Văn Hùng"
    assert _signer_of("Ký Văn Thị Hồng", [95.0, 95, 95, 95])[0] == "Văn Thị Hồng"


def test_a_title_s_word_before_a_title_s_rest_is_no_family_name() -> None:
    """Review of signer46 (MED-2): "Phó Văn Phòng" (the deputy of an office's head) was read as a signer named
    "Phó Văn Phòng" (0.55): a title's word leads a name as its family name only where the words after it are
    no title's rest and none is a title's word no name has."""
    assert own_family([("Phó", 96.0), ("Văn", 93.0), ("Phòng", 95.0)], 1) is None
    assert own_family([("Phó", 96.0), ("Văn", 93.0), ("Minh", 95.0), ("Tịch", 95.0)], 1) is None
    assert own_family([("Phó", 96.0), ("Văn", 93.0), ("Nẫm", 95.0)], 1) == ("Phó", 96.0)
    value, conf = _signer_of("Phó Văn Phòng", [96.0, 93, 95])
    assert value != "Phó Văn Phòng" and conf < 0.6


@pytest.mark.parametrize("rest", ["Văn Phòng", "Văn phòng"])
def test_a_title_s_rest_on_the_line_under_it_is_no_name(rest: str) -> None:
    """Review of signer46: "KT. CHÁNH VĂN PHÒNG / Phó Chánh / Văn Phòng", the deputy's title over two lines,
    gave the signer "Văn Phòng" at 0.95."""
    block = signer(("KT. CHÁNH VĂN PHÒNG", "Phó Chánh"), rest, [95.0, 95])
    found = extract([page(_ubnd_directive()[:-5] + block)]).fields["signer_name"]
    assert found.value is None or found.confidence < 0.6
    value, conf = _signer_of(rest, [95.0, 95])
    assert value is None or conf < 0.6


@pytest.mark.parametrize(
    ("name", "want"), [("Chủ Văn Minh", "Chu Văn Minh"), ("Trưởng Văn Hùng", "Trương Văn Hùng")]
)
def test_a_title_s_word_made_a_family_name_is_in_doubt(name: str, want: str) -> None:
    """Review of signer46: a title's word read surely ("Chủ", "Trưởng") made the family name with its letters
    was taken at 0.95: the list's choice, no reading."""
    value, conf = _signer_of(name, [95.0, 95, 95])
    assert value in (None, want) and (value is None or conf < 0.6)


def test_a_chi_cuc_head_s_title_over_a_cuc_s_document_is_the_cuc_head_s_in_doubt() -> None:
    # a garbled title line ("Q.CC(CC TRUỜNG") read as "Quyền Chi cục trưởng" under the Cục Hóa chất's header:
    # a Cục is headed by its Cục trưởng; the Cục's title, in doubt (seed 529 dev 008)
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.fields.signer import Signed, fit_title

    def fitted(
        title: str, organ: str, organ_conf: float = 0.9, prefix: str | None = None
    ) -> tuple[str | None, float]:
        fields = (ExtractedField("signer_title", title, 0.8),)
        signer = Found(fields) if prefix is None else Signed(fields, prefix, "Cục trưởng")
        got = fit_title(signer, organ, "CT-HC", organ_conf=organ_conf).get("signer_title")
        assert got is not None
        return got.value, got.confidence

    value, conf = fitted("Quyền Chi cục trưởng", "Cục Hóa chất")
    assert value == "Quyền Cục trưởng" and conf < 0.6
    value, conf = fitted("Phó Chi cục trưởng", "Cục Hóa chất")
    assert value == "Phó Cục trưởng" and conf < 0.6
    # under a Chi cục, or a Cục's own title, as read
    assert fitted("Chi cục trưởng", "Chi cục Thủy lợi") == ("Chi cục trưởng", 0.8)
    assert fitted("Cục trưởng", "Cục Hóa chất") == ("Cục trưởng", 0.8)
    # a Cục read in doubt (a Chi cục whose "CHI" was lost: "SỞ …" over "CỤC KIỂM LÂM"), a Cục no list has
    # as a ministry's ("Cục Thuế tỉnh …", over its Chi cục), or a Chi cục's head signing for the Cục trưởng
    # ("TUQ."/"TL."): the title as read
    assert fitted("Chi cục trưởng", "Cục Kiểm lâm", organ_conf=0.5) == ("Chi cục trưởng", 0.8)
    assert fitted("Chi cục trưởng", "Cục thuế tỉnh Đồng Nai") == ("Chi cục trưởng", 0.8)
    assert fitted("Chi cục trưởng", "Cục Hóa chất", prefix="tuq") == ("Chi cục trưởng", 0.8)
    assert fitted("Chi cục trưởng", "Cục Hóa chất", prefix="tl") == ("Chi cục trưởng", 0.8)


def test_a_chi_cuc_head_s_title_under_a_cuc_in_doubt_is_kept() -> None:
    # "SỞ NÔNG NGHIỆP VÀ PTNT" over "CỤC KIỂM LÂM": a Chi cục whose "CHI" was lost as much as the Cục; its
    # head's title, read cleanly, is kept as read
    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import header, page, signer

    specs = header(parent="SỞ NÔNG NGHIỆP VÀ PTNT", organ=("CỤC KIỂM LÂM",), number="Số: 12/QĐ-CCT")
    specs += [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ban hành quy chế", "center", 90.0)]
    specs += signer(("CHI CỤC TRƯỞNG",))
    f = extract([page(specs)]).fields
    assert f["signer_title"].value == "Chi cục trưởng"


def test_an_annex_block_is_not_the_signer_when_the_signed_page_lost_its_name_under_the_seal() -> None:
    # the signed page's title read beside the list, its name lost under the seal ("la Pom", seed 535 alt 000
    # blurred): the annex after it, its citation's wrapped end "Viễn thông)" fuzzily "Viện trưởng" over the
    # clerk's name, is not the signer's block (no title is printed in small letters closing a bracket)
    signed = [spec for spec in _signed_page() if spec[0] != "Phạm Trường Thọ"]
    annex = [
        ("PHỤ LỤC", "center", 92.0),
        ("(Kèm theo Chỉ thị số 07/CT-UBND ngày 20 tháng 3 năm 2018 của Cục", "center", 92.0),
        ("Viễn thông)", "center", 96.0),
        ("1. Ông/Bà Lã Tuyết Trâm, Thư ký", "body", 92.0),
        ("NGƯỜI LẬP DANH SÁCH", "sig", 96.0),
        ("Lã Tuyết Trâm", "sig", 96.0),
    ]
    f = extract([page(signed), page(annex, index=1)]).fields
    assert f["signer_title"].value == "Phó Chủ tịch"
    assert f["signer_name"].value != "Lã Tuyết Trâm"


def test_a_wrapped_bracket_end_reads_as_no_title() -> None:
    from digitize.pipeline.fields.signer import title_of

    assert title_of(page_lines(page([("Viễn thông)", "sig", 96.0)]))[0]) is None
    assert title_of(page_lines(page([("VIỆN TRƯỞNG", "sig", 96.0)]))[0]) is not None


def test_a_title_with_a_small_letter_and_a_seal_ring_read_as_a_bracket_is_still_a_title() -> None:
    # review of namemarks47: Tesseract mistakes the case of a capital's last letter and reads the seal's ring
    # beside it as ")": the title and the name under it stay (only a line of mostly small letters that is no
    # title reads as a bracket's wrapped end)
    for block, title in [
        (("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCh)"), "Chủ tịch"),
        (("Giám đốc)",), "Giám đốc"),
        (("KT. GIÁM ĐỐc)", "PHÓ GIÁM ĐỐc)"), "Phó Giám đốc"),
        (("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNg)"), "Chánh Văn phòng"),
    ]:
        f = extract([page(_ubnd_directive()[:-5] + signer(block, "Nguyễn Văn Hải"))]).fields
        assert f["signer_title"].value == title, block
        assert f["signer_name"].value == "Nguyễn Văn Hải", block


def test_a_middle_name_spelled_as_a_family_name_too_stays_the_middle_name() -> None:
    # review of namemarks47: "Quạng" (80) folds to the family name "Quàng" and the middle name "Quang": the
    # middle name, not the family name
    from digitize.pipeline.fields.signer import _near_middle

    assert _near_middle("Quạng", 0.8) != "Quàng"


def test_a_middle_word_with_a_family_names_letters_read_unsurely_is_that_family_name() -> None:
    # seed 825 corp 005: "Hồ Lưu Phương" read "Lứu" (83), a syllable no name has; the mother's family name a
    # middle name often is, its mark misread: "Lưu", in doubt; not "Hữu", a letter away
    pg = page(
        _ubnd_directive()[:-5] + signer(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Hồ Lứu Phương", [93.0, 83, 97])
    )
    f = extract([pg]).fields["signer_name"]
    assert f.value == "Hồ Lưu Phương"
    assert f.confidence < 0.6


@pytest.mark.parametrize(
    ("read", "want"),
    [
        # corp+wide seed 831 corp 006: the row pass's vote gave "Tào Văn Toan" (each word at the vote's 0.5),
        # taken as "Văn Toan": the vote's capitalised syllable before a family name more often a middle one
        ("Khuất Văn Hùng", "Khuất Văn Hùng"),
        # ... and before a middle name spelling a listed family name with other marks ("Đăng", not "Đặng")
        ("Khuất Đăng Hùng", "Khuất Đăng Hùng"),
    ],
)
def test_a_row_vote_s_word_before_a_middle_name_is_the_name_s_family_name_in_doubt(
    read: str, want: str
) -> None:
    value, conf = _signer_of(read, [50.0, 50.0, 50.0])
    assert (value, conf < 0.6) == (want, True)  # a family name no list has, from a vote: in doubt
    # one reading's doubted word (not a vote: the other words read surely) is no family name of it
    assert _signer_of(read, [50.0, 93.0, 92.0])[0] != want


def test_a_two_word_name_led_by_no_family_name_is_the_line_the_name_pass_reads_again() -> None:
    # seed 529 alt 005: "Mánh Đạt" (87, 94) taken in doubt, the grey seal's ring over "Lã" of "Lã Mạnh Đạt"
    # (read as a speck on a line of its own): the name pass reads the line again with the seal taken out
    from digitize.pipeline.fields.signer import doubtful_name_line

    def line_of(name: str, confs: list[float], unled: bool = True) -> list[str] | None:
        pg = page(_ubnd_directive()[:-5] + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name, confs))
        ln = doubtful_name_line(page_lines(pg), unled=unled)
        return None if ln is None else [w.text for w in ln.words]

    assert line_of("Mánh Đạt", [87.0, 94.0]) == ["Mánh", "Đạt"]
    # only the name pass asks for it: a second reading of the whole block giving such a name is no better
    assert line_of("Mánh Đạt", [87.0, 94.0], unled=False) is None
    # a two-word name led by a family name, or a whole name, is read as it is
    assert line_of("Trần Đạt", [87.0, 94.0]) is None
    assert line_of("Lã Mạnh Đạt", [90.0, 90.0, 90.0]) is None


@pytest.mark.parametrize(
    "read",
    [
        # an honorific, a signing or title word, a list's word, a place's or the middle name "Thị" before a
        # family name more often a middle one, in a row the vote gave: no family name (review of surname47)
        "Bà Văn Toan",
        "Ký Văn Toan",
        "Phòng Văn Toan",
        "Nơi Văn Toan",
        "Phố Văn Toan",
        "Thị Văn Toan",
        "Bà Đăng Hùng Toan",
    ],
)
def test_a_row_vote_s_honorific_or_list_word_before_a_middle_name_is_no_family_name(read: str) -> None:
    value, _ = _signer_of(read, [50.0] * len(read.split()))
    assert value is None or value.split()[0] != read.split()[0]


@pytest.mark.parametrize(
    ("read", "want"), [("Bà Nguyễn Văn An", "Nguyễn Văn An"), ("Nơi Trần Văn An", "Trần Văn An")]
)
def test_an_honorific_read_surely_before_a_name_is_not_its_first_word(read: str, want: str) -> None:
    # "Bà" (90) before "Nguyễn Văn An" was kept as the name's first word ("Bà Nguyễn Văn An", in doubt)
    value, conf = _signer_of(read, [90.0] * len(read.split()))
    assert value == want and conf < 0.6


def test_a_row_s_voted_given_name_whose_d_bar_no_listed_form_has_is_kept_as_voted_in_doubt() -> None:
    # seed 833 corp 008: the row's readings voted "Đỗ Tất Điềm"; "Điềm" has the letters of the listed "Diễm"
    # alone, without the "Đ"'s bar (a letter, no mark): kept as voted, not made "Diễm", and reviewed
    from digitize.pipeline.fields.names import VOTED_CONF
    from digitize.pipeline.fields.signer import fix_syllable

    assert fix_syllable("Điềm", VOTED_CONF) == "Điềm"
    f = extract([page(_signed_as("Đỗ Tất Điềm", [VOTED_CONF * 100] * 3))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Đỗ Tất Điềm", True)
    # read once, unsurely: the listed form, as before
    assert fix_syllable("Điềm", 0.4) == "Diễm"


def _signed(name: str, confs: list[float]) -> tuple[str | None, float]:
    return _signed_by(name, confs, ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))


def test_a_family_name_read_with_a_bar_is_the_commoner_one_in_doubt() -> None:
    # k871 alt 004 (bitonal): "Đương" (90) has the letters of "Dương" and "Đường"; a seal's stroke adds a bar
    # as easily as a grave is lost, "Dương" far commoner (review M1): that one, its tone unread, in doubt
    name, conf = _signed("Đương Diệu Tuệ", [90.0, 90.0, 90.0])
    assert name == "Dương Diệu Tuệ" and conf < 0.6


def test_a_family_name_the_list_lacks_by_its_letters_is_not_the_listed_one_a_letter_away() -> None:
    # k875 alt 008: "Khậu" (36) has the letters of "Khâu", a real family name the list lacks; the listed
    # "Châu" is a letter away. In doubt: its tone was misread
    name, conf = _signed("Khựu Trung Sơn", [36.0, 94.0, 97.0])
    assert name == "Khưu Trung Sơn" and conf < 0.6


def test_a_family_name_the_list_lacks_before_a_listed_one_leads_the_name() -> None:
    # k869 alt 010: "Tào" (80) before "Cao Đăng Khoái" ("Cao" a family name too) is the name's own first word,
    # no seal's syllable: read unsurely, a real family name; in doubt
    name, conf = _signed("Lôi Cao Đăng Khoái", [80.0, 96.0, 93.0, 92.0])
    assert name == "Lôi Cao Đăng Khoái" and conf < 0.6


def test_junk_before_a_family_name_the_list_lacks_is_no_family_name() -> None:
    # k879 alt 010: the seal's rim read "NNN" (27) before "Đái Thị Tập" was made "Nông": "Đái", a real family
    # name read surely, leads the name; in doubt (the list is no census)
    name, conf = _signed("NNN Cấn Thị Tập", [27.0, 91.0, 97.0, 97.0])
    assert name == "Cấn Thị Tập" and conf < 0.6


def test_a_middle_word_read_unsurely_in_small_letters_without_its_capital_is_the_common_middle_name() -> None:
    # seed 881 dev 008 (k mix): "Bùi hị Hồng Dinh" (86, 51, 97, 96), the seal's ring over the "T" of "Thị",
    # gave "Bùi Hị Hồng Dinh", a word no name has: "Thị", in doubt
    from digitize.pipeline.fields.signer import headless_middle

    name, conf = _signed_by("Bùi hị Hồng Dinh", [86.0, 51.0, 97.0, 96.0])
    assert name == "Bùi Thị Hồng Dinh" and conf < 0.6
    assert headless_middle("hị", 51.0) == "Thị" and headless_middle("ăn", 40.0) == "Văn"
    # read surely, a listed name read small ("anh"), capitals, one letter: no guess
    assert headless_middle("hị", 93.0) is None and headless_middle("anh", 40.0) is None
    assert headless_middle("HỊ", 40.0) is None and headless_middle("h", 40.0) is None


def test_a_given_name_made_the_nearest_listed_name_by_other_letters_is_in_doubt() -> None:
    # k871 alt 000: "Châu Hồng Phớc" read (97, 93, 62): "Phớc" (a name, no syllable of the inventory) was made
    # "Phước", the listed name nearest its letters, a letter put in, and taken at 0.63: the list's choice, no
    # reading; in doubt
    name, conf = _signed_by("Châu Hồng Phớc", [97.0, 93.0, 62.0])
    assert name == "Châu Hồng Phước" and conf < 0.6


def _voted_signed_by(name: str, confs: list[float], voted: str) -> tuple[str | None, float]:
    """``_signed_by`` with the word ``voted`` marked voted by a second pass (``Word.voted``)."""
    specs = _ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, confs)
    pg = page(specs)
    words = tuple(replace(w, voted=True) if w.text == voted else w for w in pg.words)
    assert any(w.voted for w in words)
    f = extract([replace(pg, words=words)]).fields["signer_name"]
    return f.value, f.confidence


def test_a_word_a_second_pass_voted_puts_the_name_in_doubt_whatever_its_confidence() -> None:
    # ``signature.marks_vote_pass`` keeps a voted word at its first reading's confidence when under the vote's
    # (45 here): marked voted, the name is in doubt all the same
    name, conf = _voted_signed_by("Thiều Ngọc Lẫm", [97.0, 97.0, 45.0], "Lẫm")
    assert conf < 0.6
    name, conf = _voted_signed_by("Nguyễn Văn Nam", [97.0, 97.0, 50.0], "Nam")
    assert (name, conf < 0.6) == ("Nguyễn Văn Nam", True)
    # a given word at 50 no pass voted (an older pass's, a reading's) is as before: the name's other words
    # read surely, not in doubt for it
    assert _signed_by("Nguyễn Văn Nam", [97.0, 97.0, 50.0]) == ("Nguyễn Văn Nam", 0.813)
    # "Nam" voted where the first read "Nẫm": no sure name, however surely the other words were read
    assert _voted_signed_by("Vũ Thị Phước Nam", [97.0, 97.0, 97.0, 50.0], "Nam")[1] < 0.6
    assert _signed_by("Vũ Thị Phước Nam", [97.0, 97.0, 97.0, 93.0])[1] > 0.6


def test_a_middle_word_that_lost_its_capital_is_guessed_only_when_no_other_name_ends_so() -> None:
    # review of namelost49 (MED 1): letters several real names end in after their head tell not which one
    # ("uy": "Duy" or "Huy", "Nguyễn Huy Hoàng"; "inh": "Minh", "Linh", "Vinh"; "ạnh": "Mạnh" or "Hạnh";
    # "ồng": "Hồng" or "Đồng"; "uân": "Xuân", "Quân", "Tuân"; "ình": "Đình" or "Bình"): no guess
    from digitize.pipeline.fields.signer import headless_forms, headless_middle

    for tail in ["uy", "inh", "ạnh", "ồng", "uân", "ình"]:
        assert headless_middle(tail, 60.0) is None, tail
    assert {"Duy", "Huy"} <= set(headless_forms("uy", 60.0))
    # letters one name ends in alone ("ăn", "gọc"), or "Thị" whose rivals are rare names ("Nhị", "Nghị")
    assert [headless_middle(t, 60.0) for t in ["ăn", "gọc", "ữu", "hị"]] == ["Văn", "Ngọc", "Hữu", "Thị"]
    # main gave "Nguyễn uy Hoàng" (60) as "Nguyễn Uy Hoàng" at 0.84: the capital may be lost, in doubt
    name, conf = _signed_by("Nguyễn uy Hoàng", [95.0, 60.0, 96.0])
    assert name != "Nguyễn Duy Hoàng" and conf < 0.6
    for read in ["Trần inh Đức", "Lê ồng Sơn", "Lê uân Sơn"]:
        name, conf = _signed_by(read, [95.0, 60.0, 96.0])
        assert name not in ("Trần Minh Đức", "Lê Hồng Sơn", "Lê Xuân Sơn") and conf < 0.6, read


def test_a_name_line_whose_middle_word_lost_its_capital_wins_over_a_capitalised_line_above_it() -> None:
    # review of namelost49 (MED 3): a line with the guessed middle name was a fallback, and a line of
    # capitalised words above it (an organ's name in the seal, "Bộ Công Thương") was taken for the name
    for junk in ["Bộ Công Thương", "Sở Tài Chính", "Lê Công Thương"]:
        specs = _ubnd_directive()[:-5] + signer(
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Bùi hị Hồng Dinh", [86.0, 51.0, 97.0, 96.0]
        )
        specs.insert(len(specs) - 1, (junk, "sig", 90.0))
        f = extract([page(specs)]).fields["signer_name"]
        assert (f.value, f.confidence < 0.6) == ("Bùi Thị Hồng Dinh", True), junk


def _signed_moved(name: str, confs: list[float], word: str, dx: float) -> tuple[str | None, float]:
    specs = _ubnd_directive()[:-5] + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name, confs)
    found = extract([_with_word_moved(specs, word, dx, 0.0)]).fields["signer_name"]
    return found.value, found.confidence


def test_a_family_name_filled_in_for_a_garbled_capital_word_is_no_junk_before_a_frequent_one() -> None:
    # review H1: "Ngu)8ế" (30) before "Trần Anh Thư", its box 30 px further left: a double family name
    # ("Nguyễn Trần") is as likely as junk; dropping it, "Trần Anh Thư" was taken at 0.95. In doubt
    _, conf = _signed_moved("Ngu)8ế Trần Anh Thư", [30.0, 95.0, 95.0, 95.0], "Ngu)8ế", -30.0)
    assert conf < 0.6


def test_a_family_name_filled_in_for_a_garbled_small_word_is_junk_before_a_rare_one() -> None:
    # k-mix: "đó»" (30), the seal's rim, made "Đoàn" by its first letters, before "Thào Văn Nẫm" (a rare
    # family name as printed): junk, the name led by "Thào"; in doubt (a guess which word leads)
    name, conf = _signed("đó» Thào Văn Nẫm", [30.0, 95.0, 95.0, 95.0])
    assert name == "Thào Văn Nẫm" and conf < 0.6


def test_a_name_s_own_first_word_read_fairly_is_kept_before_an_unlisted_family_name() -> None:
    # review M2: "Ôn" (70), "Giản" (75), family names the list lacks, read fairly, are no junk before "Bá",
    # "Tất" (real family names the list lacks, "Bá" a common middle name): the name is led by them
    # own, not dropped (which listed one it stands for, if any, a guess: in doubt)
    for read, rest in (("Ôn Bá Minh Tuấn", "Bá Minh Tuấn"), ("Giản Tất Hồng Nẫm", "Tất Hồng Nẫm")):
        name, conf = _signed(read, [72.0, 95.0, 95.0, 95.0])
        assert name is not None and name != rest and name.endswith(" " + rest) and conf < 0.6, name


def test_a_family_name_read_surely_with_its_marks_is_no_unlisted_one_with_its_letters() -> None:
    # review M4: "Tiến", "Phủ", "Đàn" (92) read surely, marks and all, are read as printed, not "Tiền",
    # "Phù", "Đan" (real family names the list lacks, with their letters). (Read without marks, "Hinh":
    # its marks may be lost, "Hình" by its letters, in doubt)
    for lead, other in (("Tiến", "Tiền"), ("Tiên", "Tiền"), ("Đàn", "Đan"), ("Phủ", "Phù")):
        name, _ = _signed(f"{lead} Văn Minh", [92.0, 95.0, 95.0])
        assert name is not None and not name.startswith(other), name


def test_junk_in_small_letters_before_a_family_name_no_list_has_read_surely_is_dropped() -> None:
    # wide seed 639 alt 003: "do" (59, the pen's stroke) before "Tiết Văn Hợp" (97 each) was made "Đỗ" (its
    # letters) and taken as "Đỗ Tiết Văn Hợp" at 0.87: junk before a family name no list has, in doubt
    value, conf = _signer_of("do Tiết Văn Hợp", [59.0, 97, 97, 97])
    assert (value, conf < 0.6) == ("Tiết Văn Hợp", True)


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("do Xuân Thu Hà", "Đỗ Xuân Thu Hà"),
        ("dinh Thế Anh Tuấn", "Đinh Thế Anh Tuấn"),
        ("le Quốc Bảo Anh", "Lê Quốc Bảo Anh"),
        ("dao Duy Anh Tú", "Đào Duy Anh Tú"),
        ("do Tiến Minh Đức", "Đỗ Tiến Minh Đức"),
    ],
)
def test_small_letters_before_a_listed_name_s_word_are_the_family_name_not_junk(name: str, want: str) -> None:
    # a family name in small letters read unsurely before a word some name list has ("Xuân", "Thế", "Quốc"):
    # the family name with its marks lost, not junk before a family name no list has ("Tiết" above)
    assert _signer_of(name, [59.0, 97, 97, 97])[0] == want


def test_a_family_name_no_list_has_a_wide_space_before_a_listed_one_s_letters_leads_the_name() -> None:
    # wide seed 649 dev 012: "Đái" (90) stood 1.2 line heights left of "Đăng" (96) of "Đái Đăng Hiệp": the
    # name was taken as "Đặng Hiệp" at 0.97 (a family name merged with the next word); it is the whole name,
    # in doubt
    from tests.pipeline.test_extract import CHAR

    p = page(_signed_as("Đái Đăng Hiệp", [90.0, 96, 97]))
    line = max(w.line for w in p.words)
    first = min((w for w in p.words if w.line == line), key=lambda w: w.box.x0)
    shift = 1.2 * 45 - CHAR  # (the words' boxes are 45 px tall, a letter's width apart)
    moved = replace(first, box=replace(first.box, x0=first.box.x0 - shift, x1=first.box.x1 - shift))
    p = replace(p, words=tuple(moved if w is first else w for w in p.words))
    f = extract([p]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Đái Đăng Hiệp", True)


def test_a_blurred_page_other_than_the_signed_one_makes_no_blur_of_the_name() -> None:
    # wide seed 639 dev 011: "Hoa Trung Phú Tập" (96) read on a sharp page 1, page 2 (a blank page with a
    # faint seal) measured blurred: the name was made "Hứa" (a letter from "Hoa") as a blur's misreading
    signed = page(_signed_as("Hoa Trung Phú Tập", 96.0))
    blank = replace(page([("Trang này để trống.", "body", 40.0)], index=1), blurred=True)
    f = extract([signed, blank]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Hoa Trung Phú Tập", True)
    # the signed page blurred itself: a letter from one listed family name is that one ("Mục": Mạc)
    blurred = replace(page(_signed_as("Mục Công Lực", 92.0)), blurred=True)
    sharp = page([("Trang này để trống.", "body", 90.0)], index=1)
    assert extract([blurred, sharp]).fields["signer_name"].value == "Mạc Công Lực"


def test_a_family_name_read_surely_with_a_tone_print_does_not_confuse_is_kept_as_printed() -> None:
    # w655 dev 000, w657 alt 013 (session 51): a rare listed family name's letters read surely with the
    # acute where the listed one has the grave ("Đống" (94), listed "Đồng") came out the listed name: acute
    # and grave are strokes leaning opposite ways, which Tesseract does not take one for the other on print.
    # As read, in doubt (the list holds the other)
    value, conf = _signer_of("Đám Văn Hinh", [93.0, 95, 95])
    assert (value, conf < 0.6) == ("Đám Văn Hinh", True)
    # a hook read as an acute is Tesseract's own misreading ("Khống" (90) for "Khổng"): the listed name
    assert _signer_of("Khống Văn Hinh", [93.0, 95, 95])[0] == "Khổng Văn Hinh"
    # read unsurely: the listed name
    assert _signer_of("Đám Văn Hinh", [70.0, 95, 95])[0] == "Đàm Văn Hinh"
    # the listed name read as printed stays sure
    value, conf = _signer_of("Đàm Văn Hinh", [93.0, 95, 95])
    assert (value, conf > 0.8) == ("Đàm Văn Hinh", True)


def test_a_family_name_the_language_model_gave_other_marks_is_read_as_tesseract_read_it() -> None:
    # w655 dev 000: Tesseract read the family name "Đống" at 93, the model made it "Động" (a word of the
    # language, "dong" still a family name's letters), and the listed "Đồng" came out. Tesseract's sure
    # reading of print's marks is the family name's, in doubt (the two disagree)
    name, conf = _signed_read("Đạm Văn Hinh", [93.0, 95.0, 95.0], {"Đạm": "Đám"})
    assert name == "Đám Văn Hinh" and conf < 0.6
    # read unsurely, or a hook read as an acute ("Khống"): the model's word, the listed name
    assert _signed_read("Đạm Văn Hinh", [70.0, 95.0, 95.0], {"Đạm": "Đám"})[0] == "Đàm Văn Hinh"
    assert _signed_read("Khộng Văn Hinh", [93.0, 95.0, 95.0], {"Khộng": "Khống"})[0] == "Khổng Văn Hinh"


def test_a_family_name_a_row_s_readings_voted_with_a_tone_told_apart_from_the_listed_one_stays() -> None:
    # w661 alt 010: the row pass's vote gave "Đống Thị Hiệp" (five readings of six "Đống"); each word at
    # ``VOTED_CONF``, the listed "Đồng" had replaced it. Kept as voted, in doubt
    name, conf = _signed_by("Đám Thị Hiệp", [50.0, 50.0, 50.0])
    assert name == "Đám Thị Hiệp" and conf < 0.6
    # a hook voted where the listed one has an acute: the listed name, Tesseract's hook and acute look alike
    assert _signed_by("Khổng Thị Hiệp", [50.0, 50.0, 50.0])[0] == "Khổng Thị Hiệp"
    assert _signed_by("Khống Thị Hiệp", [50.0, 50.0, 50.0])[0] == "Khổng Thị Hiệp"


def _q_block(lines: list[tuple[str, list[float]]], apart: float, marks: int = 1) -> ExtractedField:
    """The signer's title of a block whose last title line's first ``marks`` words stand ``apart`` px further
    left."""
    from tests.pipeline.test_extract import _ubnd_directive as directive

    specs = [*directive()[:-5], ("Nơi nhận:", "x=300", 90.0)]
    specs += [(t, "sig", c) for t, c in lines]
    specs += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
    specs += [("Lê Mỹ Hồng", "sig", [96.0, 90, 97])]
    pg = page(specs)
    row = len(specs) - 4  # the last title line
    lead = [w for w in pg.words if w.line == row][:marks]
    pg = replace(
        pg,
        words=tuple(
            replace(w, box=replace(w.box, x0=w.box.x0 - apart, x1=w.box.x1 - apart)) if w in lead else w
            for w in pg.words
        ),
    )
    return extract([pg]).fields["signer_title"]


def test_a_q_like_mark_far_before_the_title_is_no_acting_prefix() -> None:
    # s865 corp 010: the seal's ring beside "PHÓ CỤC TRƯỞNG" read "0," (43) nearly three word spaces before
    # it, under "KT. CỤC TRƯỞNG": "Quyền Phó Cục trưởng" at 0.66 for the deputy
    kt = ("KT. CỤC TRƯỞNG", [84.0, 93, 90])
    f = _q_block([kt, ("0, PHÓ CỤC TRƯỞNG", [42.8, 89, 93, 83])], apart=60.0)
    assert (f.value, f.confidence < 0.6) == ("Phó Cục trưởng", True)
    f = _q_block([kt, ("Z7 0, PHÓ CỤC TRƯỞNG", [40.1, 42.8, 89, 93, 83])], apart=60.0, marks=2)
    assert (f.value, f.confidence < 0.6) == ("Phó Cục trưởng", True)
    # ... read surely, still no prefix, in doubt
    f = _q_block([("0. CỤC TRƯỞNG", [90.0, 93, 90])], apart=60.0)
    assert (f.value, f.confidence < 0.6) == ("Cục trưởng", True)
    # a "Q." read as "0." one space before the title is the acting head's prefix, as before
    assert _q_block([("0. CỤC TRƯỞNG", [90.0, 93, 90])], apart=0.0).value == "Quyền Cục trưởng"
    assert _q_block([("Z7 0. CHỦ TỊCH", [40.0, 90, 93, 90])], apart=0.0, marks=2).value == "Quyền Chủ tịch"


def _spaced_line(*words: tuple[str, float, float]) -> Line:
    """A line of the words (text, confidence, left edge), 40 px tall, 30 px a letter wide."""
    return make_line(page([]), [Word(t, c, Box(x, 300, x + 30 * len(t), 340)) for t, c, x in words])


def test_the_seal_s_lettering_far_before_a_title_on_its_row_is_none_of_its_words() -> None:
    from digitize.pipeline.fields.signer import title_of

    # k897 alt 002 (bitonal, the seal beside the block): the ring's "THAO VÀ" read "“VAO VINN" (25, 0) on the
    # title's row, 4.4 letter heights left of "GIÁM ĐỐC" (93, 96): "VAO" ends in "o" like a garbled "PHÓ",
    # "VINN" is capitals, so neither was left out, and the block had no title (nor the signer his name)
    far = 1220.0 + 4.4 * 40
    found = title_of(
        _spaced_line(
            ("“VAO", 25.0, 1000.0), ("VINN", 0.0, 1100.0), ("GIÁM", 93.0, far), ("ĐỐC", 96.0, far + 132)
        )
    )
    # (a head word may have stood there: the head's title, in doubt)
    assert found is not None and (found[0], found[1] < 0.6) == ("Giám đốc", True)
    found = title_of(
        _spaced_line(
            ("xuAO", 64.0, 1000.0), ("VÀ", 89.0, 1100.0), ("GIÁM", 93.0, far), ("ĐỐC", 96.0, far + 132)
        )
    )
    assert found is not None and (found[0], found[1] < 0.6) == ("Giám đốc", True)
    # "PHÓ" or a prefix read as printed, however far, is the title's own: the deputy's title, not the head's
    found = title_of(_spaced_line(("PHÓ", 90.0, 1000.0), ("GIÁM", 93.0, far), ("ĐỐC", 96.0, far + 132)))
    assert found is None or found[0] != "Giám đốc"
    found = title_of(_spaced_line(("KT.", 90.0, 1000.0), ("GIÁM", 93.0, far), ("ĐỐC", 96.0, far + 132)))
    assert found is not None and found[2]
    # a head word far before a title it makes a longer one with: the longer one
    found = title_of(_spaced_line(("TỔNG", 90.0, 1000.0), ("GIÁM", 93.0, far), ("ĐỐC", 96.0, far + 132)))
    assert found is not None and found[0] == "Tổng Giám đốc"
    # a head word a word's space before the title stays its own
    found = title_of(_spaced_line(("PHÓ", 90.0, 1000.0), ("GIÁM", 93.0, 1102.0), ("ĐỐC", 96.0, 1234.0)))
    assert found is not None and found[0] == "Phó Giám đốc"


def test_a_family_name_the_language_model_made_the_listed_one_is_the_model_s() -> None:
    # review of namepull: Tesseract read "Phúng" (96), the model made it "Phùng", the listed family name: the
    # model's fix stands, sure ("Đống" → "Động" put back only as "Động" is no family name)
    name, conf = _signed_read("Phùng Văn Hinh", [96.0, 95.0, 95.0], {"Phùng": "Phúng"})
    assert name == "Phùng Văn Hinh" and conf > 0.9


def test_a_frequent_family_name_a_row_voted_with_the_other_tone_is_the_listed_one() -> None:
    # review of namepull: a frequent family name voted with the acute for the grave ("Trấn", "Hoáng", "Há")
    # is that one, far commoner than any name the list lacks with its letters (as ``kept_as_printed``)
    for voted, listed in [
        ("Hố", "Hồ"),
        ("Búi", "Bùi"),
        ("Đoán", "Đoàn"),
        ("Trấn", "Trần"),
        ("Hoáng", "Hoàng"),
        ("Huýnh", "Huỳnh"),
        ("Há", "Hà"),
        ("Đáo", "Đào"),
    ]:
        assert _signed_by(f"{voted} Thị Hiệp", [50.0, 50.0, 50.0])[0] == f"{listed} Thị Hiệp", voted


def test_family_read_is_the_one_reading_of_a_name_s_family_name() -> None:
    # (``signer.family_read``, shared with the holder's name): a word no family name that a listed one is with
    # another tone is that one ("Khống" (94) → "Khổng"), in doubt where read surely (review of b563: "Phàn",
    # "Lỳ" are real family names the list lacks); read unsurely, as sure as its line when frequent
    from digitize.pipeline.fields.signer import family_read

    assert family_read(["Khống", "Phương", "Nguyệt"], 0.94) == ("Khổng", True)
    assert family_read(["Nguyển", "Văn", "Hùng"], 0.94) == ("Nguyễn", True)
    assert family_read(["Nguyển", "Văn", "Hùng"], 0.7) == ("Nguyễn", False)
    assert family_read(["Khổng", "Phương", "Nguyệt"], 0.94) == ("Khổng", False)
    assert family_read(["Kdăm", "Văn", "Hùng"], 0.94) == (None, False)
    # a real family name the list lacks read surely is as read, in doubt (not the listed "Hà", "Văn" with its
    # letters, sure); read unsurely, the listed one
    assert family_read(["Hạ", "Thị", "Lan"], 0.95) == ("Hạ", True)
    assert family_read(["Vạn", "Đức", "Minh"], 0.95) == ("Vạn", True)
    assert family_read(["Hạ", "Thị", "Lan"], 0.7)[0] == "Hà"


def test_an_unsure_look_alike_of_q_before_a_title_leaves_the_acting_head_s_title_in_doubt() -> None:
    # s865 corp 010: "Z7 0, PHÓ CỤC TRƯỞNG" (40, 43, 89, 93, 83) under "KT. CỤC TRƯỞNG", the seal's ring read
    # before the deputy's title: "0," taken for "Q." gave "Quyền Phó Cục trưởng" at 0.66
    from dataclasses import replace as swap

    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import decision, page, signer

    def title(line: str, conf: float) -> tuple[str | None, float]:
        specs = decision()[: -len(signer())] + signer(("KT. CỤC TRƯỞNG", line), "Lê Mỹ Hồng")
        pg = page(specs)
        words = tuple(swap(w, conf=conf) if w.text in ("0,", "Q.") else w for w in pg.words)
        got = extract([swap(pg, words=words)]).fields["signer_title"]
        return got.value, got.confidence

    value, conf = title("0, PHÓ CỤC TRƯỞNG", 43.0)
    assert value == "Quyền Phó Cục trưởng" and conf < 0.6
    # read surely, the "Q." (or its look-alike) is the acting head's, as sure as before
    assert title("Q. PHÓ CỤC TRƯỞNG", 90.0)[1] >= 0.6
    assert title("0, PHÓ CỤC TRƯỞNG", 90.0)[1] >= 0.6


def test_a_signer_s_family_name_read_surely_that_a_listed_one_is_by_its_tone_alone_is_in_doubt() -> None:
    # review of b563: "Phàn", "Lỳ", "Đạo" (95) are names as printed as often as tone misreads of "Phan", "Lý",
    # "Đào": the listed one, in doubt
    from digitize.pipeline.fields.signer import family_read

    for read, listed in (("Phàn", "Phan"), ("Lỳ", "Lý"), ("Đạo", "Đào"), ("Thài", "Thái"), ("Đồ", "Đỗ")):
        assert family_read([read, "Văn", "Chài"], 0.95) == (listed, True), read
    for read in ("Phàn Văn Hùng", "Lỳ Văn Hùng"):
        assert _decision_signed(read, 95.0)[1] < 0.6, read
    assert _decision_signed("Phan Văn Hùng", 95.0) == ("Phan Văn Hùng", 0.95)


def test_only_a_prefix_s_look_alike_before_a_title_read_without_one_puts_it_in_doubt() -> None:
    # review of b563: any doubted word right before "GIÁM ĐỐC" was taken as a lost prefix (the title in doubt,
    # its line read again); the seal's ring left of the title read as letters ("ìn", "Tỉnh" (30)) is none,
    # "__,", "|", "0", "9", "Kl" (30) may be
    from dataclasses import replace as swap

    from digitize.pipeline.fields import extract
    from digitize.pipeline.fields.lines import page_lines, sub_line
    from digitize.pipeline.fields.signer import prefix_left_out, title_line
    from digitize.pipeline.model import Box
    from tests.pipeline.test_extract import decision, page, signer

    specs = decision()[: -len(signer())] + signer(("GIÁM ĐỐC",), "Lê Mỹ Hồng")
    line = title_line(page_lines(page(specs)))
    assert line is not None
    giam = line.words[0]
    h = giam.box.y1 - giam.box.y0

    def left_out(lead: str) -> list[str]:
        box = Box(giam.box.x0 - 1.6 * h, giam.box.y0, giam.box.x0 - 0.4 * h, giam.box.y1)
        junk = swap(giam, text=lead, conf=30.0, box=box)
        return [w.text for w in prefix_left_out(sub_line(line, [junk, *line.words]))]

    for lead in ("ìn", "Tỉnh", "ẵm", "Ả"):
        assert left_out(lead) == [], lead
    for lead in ("__,", "|", "0", "9", "Kl"):
        assert left_out(lead) == [lead], lead

    # on the page: a prefix's look-alike read doubtfully there puts the title read without one in doubt
    for lead in ("__,", "|"):
        specs = decision()[: -len(signer())] + signer((f"{lead} GIÁM ĐỐC",), "Lê Mỹ Hồng")
        pg = page(specs)
        pg = swap(pg, words=tuple(swap(w, conf=30.0) if w.text == lead else w for w in pg.words))
        got = extract([pg]).fields["signer_title"]
        assert got.value == "Giám đốc" and got.confidence < 0.6, lead


def test_a_q_read_as_a_mark_a_double_space_before_the_title_is_still_the_acting_prefix() -> None:
    # the words of "0. GIÁM ĐỐC" stand 22 px apart: a "Q." typed with a double space (2.4 spaces off) is the
    # acting head's prefix; the seal's ring 2.7 spaces off is none (s865 corp 010)
    line = ("0. GIÁM ĐỐC", [90.0, 93, 90])
    assert _q_block([line], apart=0.4 * 22).value == "Quyền Giám đốc"
    assert _q_block([line], apart=1.4 * 22).value == "Quyền Giám đốc"
    f = _q_block([line], apart=1.7 * 22)
    assert (f.value, f.confidence < 0.6) == ("Giám đốc", True)


def test_a_two_word_title_s_one_narrow_gap_is_no_word_space_of_the_line() -> None:
    # "0. GIÁM ĐỐC" one space before the title, its two words' boxes read nearly touching (2 px): the one gap
    # is no word space to measure the mark's by
    from tests.pipeline.test_extract import _ubnd_directive as directive

    specs = [*directive()[:-5], ("Nơi nhận:", "x=300", 90.0), ("0. GIÁM ĐỐC", "sig", [90.0, 93, 90])]
    specs += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
    specs += [("Lê Mỹ Hồng", "sig", [96.0, 90, 97])]
    pg = page(specs)
    row = len(specs) - 4
    last = [w for w in pg.words if w.line == row][-1]
    pg = replace(
        pg,
        words=tuple(
            replace(w, box=replace(w.box, x0=w.box.x0 - 20, x1=w.box.x1 - 20)) if w is last else w
            for w in pg.words
        ),
    )
    assert extract([pg]).fields["signer_title"].value == "Quyền Giám đốc"


def _named_field(name: str, confs: list[float]) -> ExtractedField:
    return extract(
        [page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, confs))]
    ).fields["signer_name"]


def test_a_pen_mark_of_no_letter_before_a_whole_name_is_dropped_not_the_name() -> None:
    from digitize.pipeline.fields.signer import pen_mark_before

    # w667 dev 009: the signature's stroke ending left of the name read "“2" (50) before "Giản Hoài Thoa"
    # (a family name no list has): the name, in doubt, not none (it was dropped as a garbled family name)
    f = _named_field("“2 Giản Hoài Thoa", [50.0, 96, 61, 97])
    assert (f.value, f.confidence < 0.6) == ("Giản Hoài Thoa", True)
    # a garbled word with letters where the family name stands is the family name garbled: no name
    assert _named_field("p4 Giản Hoài Thoa", [50.0, 96, 61, 97]).value is None
    # two words after the mark may be the given names alone; a first word read unsurely is no sure lead
    assert _named_field("“2 Hòa Bình", [50.0, 96, 97]).value is None
    assert _named_field("“2 Giản Hoài Thoa", [50.0, 66, 61, 97]).value is None
    assert pen_mark_before("“2", [("Giản", 0.96), ("Hoài", 0.61), ("Thoa", 0.97)])
    assert not pen_mark_before("“2345", [("Giản", 0.96), ("Hoài", 0.61), ("Thoa", 0.97)])


def test_two_boxes_the_pen_s_stroke_shortened_are_no_word_lost_between_them() -> None:
    from digitize.pipeline.fields.signer import _word_lost

    def box(x0: float, x1: float) -> Box:
        return Box(x0, 1850.0, x1, 1881.0)

    # w667 dev 009 (the boxes as read): the pen's stroke across "ản H" boxed "Giản" and "Hoài" over part of
    # their letters, the 69 px between them not a word lost (4 letters of Thoa's 23 px are 92 px, Hoài's box
    # 51): no word known lost, the name in doubt (None), not dropped (True)
    toks = [("Giản", 0.96), ("Hoài", 0.61), ("Thoa", 0.97)]
    assert _word_lost([box(1419, 1480), box(1549, 1600), box(1611, 1703)], toks) is None
    # boxes as wide as their letters with that gap between them: a word lost
    assert _word_lost([box(1419, 1500), box(1569, 1660), box(1671, 1763)], toks) is True


def test_a_family_name_glued_to_the_next_word_its_end_garbled_is_known_by_its_marked_head() -> None:
    from digitize.pipeline.fields.signer import glued_head_family

    # w665 alt 013: the pen's stroke across "ng T" of "Nông Tất Tạo" read "NôhTất" (40): "Nô" begins one
    # listed family name; the name, in doubt (it was none)
    f = _named_field("NôhTất Tạo", [40.0, 97])
    assert (f.value, f.confidence < 0.6) == ("Nông Tất Tạo", True)
    # letters no family name begins ("Phà"), or none marked ("Ph": Phạm, Phan): no name guessed
    assert _named_field("PhàwHải Giảng", [63.0, 96]).value is None
    assert glued_head_family("Nôh") == "Nông"
    assert glued_head_family("Phàw") is None
    assert glued_head_family("Phaw") is None
    assert glued_head_family("Hải") is None  # a syllable read whole has no garbled end


def test_a_middle_name_read_as_printed_is_no_family_name_before_it_the_garbled_one_leads() -> None:
    # k901 alt 004: the seal's ring over "ơng" of "Vương Lệ Bổng" read "VưgzØ" (54); "Lệ" (93), read with its
    # dot, is the middle name, not the family name "Lê": "Vư" begins one listed family name, in doubt (it
    # was "Lê Bổng")
    f = _named_field("VưgzØ Lệ Bổng", [54.0, 93, 93])
    assert (f.value, f.confidence < 0.6) == ("Vương Lệ Bổng", True)
    # read as printed, "Lê" is the family name (the junk before it dropped); "Lệ" read unsurely may be "Lê"
    assert _named_field("VưgzØ Lê Bổng", [54.0, 93, 93]).value == "Lê Bổng"
    assert _named_field("VưgzØ Lệ Bổng", [54.0, 70, 93]).value == "Lê Bổng"
    # the boxes as read: the ring left "ng" out of the garbled word's box, the gap to "Lệ" wider than a space
    toks = [("VưgzØ", 0.54), ("Lệ", 0.93), ("Bổng", 0.93)]
    boxes = [Box(1488, 2093, 1642, 2149), Box(1713, 2104, 1784, 2161), Box(1808, 2096, 1970, 2161)]
    assert own_family(toks, 1, boxes) == ("Vương", 0.27)
    # a word that far from the next with its box as wide as "Vương" is no family name of the name
    boxes[0] = Box(1448, 2093, 1642, 2149)
    assert own_family(toks, 1, boxes) is None


def _boxed_named_field(name: str, confs: list[float], spans: list[tuple[float, float]]) -> ExtractedField:
    """``_named_field`` with the name's words boxed at ``spans`` (x0, x1 as read, shifted to where the page
    places the name), 30 px high."""
    pg = page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, confs))
    n = len(name.split())
    words = list(pg.words)
    shift = words[-n].box.x0 - spans[0][0]
    for i, (x0, x1) in enumerate(spans, start=len(words) - n):
        y0 = words[i].box.y0
        words[i] = replace(words[i], box=Box(x0 + shift, y0, x1 + shift, y0 + 30))
    return extract([replace(pg, words=tuple(words))]).fields["signer_name"]


@pytest.mark.parametrize(
    ("word", "x0", "family"),
    [("Nguyễx", 1000, "Nguyễn"), ("Trươnx", 1002, "Trương"), ("Vươnx", 1012, "Vương")],
)
def test_a_garbled_family_name_a_space_from_the_next_word_is_kept_whatever_its_box(
    word: str, x0: float, family: str
) -> None:
    # REVIEW of signlost MED-1: the gap less the letters a short box lost is only to widen the space's
    # tolerance; "Văn Mỹ" in capitals' width (17.8 px a letter) made "Nguyễx"'s 84 px box look 23 px short of
    # "Nguyễn", and a space of 10 px a word's overlap: the family name was dropped ("Văn Mỹ")
    def box(a: float, b: float) -> Box:
        return Box(a, 100.0, b, 130.0)

    toks = [(word, 0.54), ("Văn", 0.95), ("Mỹ", 0.95)]
    assert own_family(toks, 1, [box(x0, 1084), box(1094, 1143), box(1153, 1193)]) == (family, 0.27)


def test_a_garbled_family_name_before_short_wide_given_names_is_not_dropped() -> None:
    f = _boxed_named_field("Nguyễx Văn Mỹ", [54.0, 95, 95], [(1000, 1084), (1094, 1143), (1153, 1193)])
    assert (f.value, f.confidence < 0.6) == ("Nguyễn Văn Mỹ", True)


def test_a_marked_word_before_a_middle_name_is_the_family_name_not_a_middle_one() -> None:
    # REVIEW of signlost MED-2: "Lệ" (93) before "Văn" is "Lê" with its mark misread, the family name (the
    # garbled word before it junk), not a middle name leaving "Trươx" to lead ("Trương Lệ Văn Thu")
    f = _named_field("Trươx Lệ Văn Thu", [40.0, 93, 95, 95])
    assert (f.value, f.confidence < 0.6) == ("Lê Văn Thu", True)
    # a name of three words with it, no middle name after: as "VưgzØ Lệ Bổng" (k901 alt 004), in doubt
    f = _named_field("Trươx Lực Thu", [40.0, 93, 95])
    assert f.confidence < 0.6


def test_a_pen_mark_before_words_only_middle_and_given_names_use_keeps_no_name() -> None:
    from digitize.pipeline.fields.signer import pen_mark_before

    # REVIEW of signlost LOW-1: "Thị", "Thu" begin no name (a street's, a list's words after a number)
    for text, run in [
        ("“2 Thị Minh Khai", "Thị Minh Khai"),
        ("12 Thị Thu Hà", "Thị Thu Hà"),
        ("9, Thu Hương Giang", "Thu Hương Giang"),
    ]:
        assert _named_field(text, [50.0, 96, 96, 96]).value is None
        mark = text.split()[0]
        assert not pen_mark_before(mark, [(w, 0.96) for w in run.split()])
    assert not pen_mark_before("“2", [("Văn", 0.96), ("Hoài", 0.96), ("Thoa", 0.96)])
    # a family name on no list still leads (w667 dev 009)
    assert pen_mark_before("“2", [("Giản", 0.96), ("Hoài", 0.61), ("Thoa", 0.97)])


def test_a_rare_family_name_the_model_re_marked_from_an_unsure_reading_is_in_doubt() -> None:
    # k903 dev 012: Tesseract read "Ưng" (66) for the printed "Ung", the model made it the listed "Ứng";
    # "Ứng Thị Nguyện" was taken at 0.86 (sure, wrong)
    name, conf = _signed_read("Ứng Thị Nguyện", [66.0, 96.0, 96.0], {"Ứng": "Ưng"})
    assert name == "Ứng Thị Nguyện" and conf < 0.6
    # review of signer53 (L): a word read that is no family name the model made the listed one with its
    # letters is its fix, sure ("Lâu" is none: "Lầu" stays sure, as "Giáp", "Đàm", "Phùng", "Khổng")
    for name, word, read, conf_read in [
        ("Lầu Văn An", "Lầu", "Lâu", 70.0),
        ("Giáp Văn An", "Giáp", "Giap", 80.0),
        ("Đàm Văn An", "Đàm", "Đám", 80.0),
        ("Phùng Văn An", "Phùng", "Phúng", 70.0),
        ("Khổng Văn An", "Khổng", "Khống", 70.0),
    ]:
        found, conf = _signed_read(name, [conf_read, 96.0, 96.0], {word: read})
        assert found == name and conf >= 0.6, name
    # a frequent family name the model marked stays sure: far commoner than a name the list lacks
    name, conf = _signed_read("Nguyễn Văn An", [70.0, 96.0, 96.0], {"Nguyễn": "Nguyen"})
    assert name == "Nguyễn Văn An" and conf >= 0.6
    # a sure reading the model re-marked stays the model's fix, sure
    name, conf = _signed_read("Phùng Văn An", [96.0, 96.0, 96.0], {"Phùng": "Phúng"})
    assert name == "Phùng Văn An" and conf >= 0.6


def test_a_rare_family_name_with_a_marked_capital_read_unsurely_is_in_doubt() -> None:
    from digitize.pipeline.fields.signer import capital_marked

    assert capital_marked("Ứng") and capital_marked("Ông") and capital_marked("Âu")
    assert not capital_marked("Đinh") and not capital_marked("Ung") and not capital_marked("Lâm")
    f = _block_fields(
        [("KT. GIÁM ĐỐC", [95.0, 95, 95]), ("PHÓ GIÁM ĐỐC", [95.0, 95, 95])], "Ứng Thị Nguyện", [66.0, 96, 96]
    )["signer_name"]
    assert f.value == "Ứng Thị Nguyện" and f.confidence < 0.6
    # read surely, or a marked capital of a frequent name: as before
    f = _block_fields(
        [("KT. GIÁM ĐỐC", [95.0, 95, 95]), ("PHÓ GIÁM ĐỐC", [95.0, 95, 95])], "Ứng Thị Nguyện", [96.0, 96, 96]
    )["signer_name"]
    assert f.value == "Ứng Thị Nguyện" and f.confidence >= 0.6


def test_ring_capitals_before_a_glued_acting_prefix_leave_the_title_in_doubt() -> None:
    # w673 alt 006 (a low-light photo, the seal beside the block): the second reading gave "THƯNN, O.CHỦ TỊCH"
    # (48, 22, 96), the ring's "THÁI NG" before "Q." read "O." glued to "CHỦ": no title, no block
    f = _block_fields([("THƯNN, O.CHỦ TỊCH", [48.0, 22, 96])], "Tô Mỹ Nhuệ", [96.0, 93, 92])
    assert f["signer_title"].value == "Quyền Chủ tịch" and f["signer_title"].confidence < 0.6
    assert f["signer_name"].value == "Tô Mỹ Nhuệ"
    # a capital word before the title's own words, no prefix glued: the title's head misread, as before
    f = _block_fields([("THƯNN, CHỦ TỊCH", [48.0, 96, 96])], "Tô Mỹ Nhuệ", [96.0, 93, 92])
    assert f["signer_title"].value != "Chủ tịch" or f["signer_title"].confidence < 0.6


def test_a_family_name_no_list_has_read_a_little_unsurely_before_sure_given_names() -> None:
    # k905 dev 007: "Đậu Đắc Thủy" (83, 95, 96) under the pen's stroke gave no name
    f = _block_fields(
        [("KT. GIÁM ĐỐC", [95.0, 95, 95]), ("PHÓ GIÁM ĐỐC", [95.0, 95, 95])], "Đậu Đắc Thủy", [83.0, 95, 96]
    )["signer_name"]
    assert f.value == "Đậu Đắc Thủy" and f.confidence < 0.6
    # a given name read unsurely: none, as before
    f = _block_fields(
        [("KT. GIÁM ĐỐC", [95.0, 95, 95]), ("PHÓ GIÁM ĐỐC", [95.0, 95, 95])], "Đậu Đắc Thủy", [83.0, 70, 96]
    )["signer_name"]
    assert f.value is None


def test_a_line_under_the_name_led_by_an_unlisted_word_is_no_name() -> None:
    # review of signer53 (H): names are tried from the lowest line up; a line read after the name, its first
    # word no listed family name (80), was taken for it ("Xã Tân Phú" at 0.55, the name read surely lost)
    for under in ["Xã Tân Phú", "Phường Tân Phú", "Huyện Hoài Đức", "Nhân Văn Hùng"]:
        pg = page(
            _ubnd_directive()[:-5]
            + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Nguyễn Văn An", [96.0, 96, 96])
            + [(under, "sig", [80.0, 96, 96])]
        )
        f = extract([pg]).fields["signer_name"]
        assert f.value == "Nguyễn Văn An" and f.confidence >= 0.6, under
    from digitize.pipeline.fields.signer import unlisted_family_read

    assert not unlisted_family_read([("Xã", 0.8), ("Tân", 0.96), ("Phú", 0.96)])
    assert unlisted_family_read([("Đậu", 0.83), ("Đắc", 0.95), ("Thủy", 0.96)])


def test_a_prefix_kt_glued_to_the_title_after_ring_capitals_leaves_the_title_sure() -> None:
    # review of signer53 (M): "KT.GIÁM" glued is common in print; only the acting head's "Q." (read "O.")
    # glued is a guess
    f = _block_fields(
        [("AB KT.GIÁM ĐỐC", [30.0, 95, 95]), ("PHÓ GIÁM ĐỐC", [95.0, 95, 95])], "Tô Mỹ Nhuệ", [96.0, 93, 92]
    )
    assert f["signer_title"].value == "Phó Giám đốc" and f["signer_title"].confidence >= 0.6
    f = _block_fields(
        [("AB KT.CHỦ TỊCH", [30.0, 95, 95]), ("PHÓ CHỦ TỊCH", [95.0, 95, 95])], "Tô Mỹ Nhuệ", [96.0, 93, 92]
    )
    assert f["signer_title"].value == "Phó Chủ tịch" and f["signer_title"].confidence >= 0.6


def test_a_family_name_the_list_lacks_after_an_unread_pen_mark_leads_the_name() -> None:
    # k909 dev 010 (bitonal, handwritten): the pen's stroke read "NI" (1) before "Yên Văn Gia Mến" (94, 96,
    # 93, 93) made "Văn" the family name: "Yên", read as printed right before "Văn", leads the name; in doubt
    name, conf = _signed("NI Yên Văn Gia Mến", [1.0, 94.0, 96.0, 93.0, 93.0])
    assert name == "Yên Văn Gia Mến" and conf < 0.6
    # a word before it read with some confidence is no pen mark: not taken as junk
    assert _signed("Đại Yên Văn Gia Mến", [90.0, 94.0, 96.0, 93.0, 93.0])[0] != "Yên Văn Gia Mến"


def test_a_name_read_surely_under_a_title_lost_is_the_signer_in_doubt() -> None:
    # k909 alt 000 (bitonal, the seal and the pen beside the block): "GIÁM ĐỐC" unread, "Yên Hải Hoạt" (96,
    # 96, 96) read under it: the signer's name, in doubt (no title places it); no title
    specs = _ubnd_directive()[:-5] + signer((), "Yên Hải Hoạt", 96.0)
    f = extract([page(specs)]).fields
    assert f["signer_name"].value == "Yên Hải Hoạt" and f["signer_name"].confidence < 0.6
    assert f["signer_title"].value is None
    # read unsurely, or a word no name has: none
    for name, conf in (("Yên Hải Hoạt", [96.0, 60.0, 96.0]), ("Yên Hải 2018", [96.0, 96.0, 96.0])):
        specs = _ubnd_directive()[:-5] + signer((), name, conf)
        assert extract([page(specs)]).fields["signer_name"].value is None


def test_a_name_led_by_a_family_name_the_list_lacks_after_an_unread_pen_mark_is_read_in_doubt() -> None:
    # the pen's stroke read "NI" (1) before "Yên Hải Hoạt" (94, 96, 93), no listed family name among them:
    # the line was lost whole; the name from the first word read surely on, in doubt
    name, conf = _signed("NI Yên Hải Hoạt", [1.0, 94.0, 96.0, 93.0])
    assert name == "Yên Hải Hoạt" and conf < 0.6
    # a word before it read with some confidence may be the name's own: none taken; nor two words left
    assert _signed("NI Yên Hải Hoạt", [40.0, 94.0, 96.0, 93.0])[0] is None
    assert _signed("NI Hải Hoạt", [1.0, 94.0, 96.0])[0] is None


def test_the_ring_s_remnant_after_an_unread_word_leads_no_name() -> None:
    # seed 465 dev 010: the ring across "Nguyễn" read "Ngủà" (1) "Ến" (93): "Ến", no name's word by any
    # list, is what the ring left of the family name, not one of its own (the name pass reads the line again)
    assert _signed("Ngủà Ến Văn An", [1.0, 93.0, 97.0, 97.0])[0] != "Ến Văn An"
    assert _signed("Ngủà Ến Hải An", [1.0, 93.0, 97.0, 97.0])[0] != "Ến Hải An"


def _name_over(below: str, confs: list[float]) -> tuple[str | None, float]:
    """The signer's name of a directive signed by "Nguyễn Văn An" (95) with ``below`` read under it."""
    specs = _ubnd_directive()[:-5] + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Nguyễn Văn An", 95.0)
    f = extract([page([*specs, (below, "sig", confs)])]).fields["signer_name"]
    return f.value, f.confidence


@pytest.mark.parametrize("below", ["NI Phú Nhuận Sài Gòn", "NI Tân Phú Đông", "NI Mỹ Tho Tiền Giang"])
def test_a_line_read_only_after_unread_marks_under_the_name_does_not_displace_it(below: str) -> None:
    # review of signerlost54 H: "NI" (1) before a place's words under "Nguyễn Văn An" (95) was taken as the
    # name at 0.55 (the lowest line first): a name read only after unread marks is a fallback
    assert _name_over(below, [1.0] + [95.0] * (len(below.split()) - 1)) == ("Nguyễn Văn An", 0.95)


def test_a_place_s_line_after_unread_marks_is_no_name() -> None:
    # alone under the title, a place's line after the pen's "NI" is none (was "Tân Phú Đông", "Mỹ Thơ Tiền
    # Giang"); "NI Yên Hải Hoạt" still gives its name, in doubt
    for read in ("NI Tân Phú Đông", "NI Mỹ Tho Tiền Giang", "NI Hòa Bình Tỉnh"):
        assert _signed(read, [1.0] + [95.0] * (len(read.split()) - 1))[0] is None
    name, conf = _signed("NI Yên Hải Hoạt", [1.0, 94.0, 96.0, 93.0])
    assert name == "Yên Hải Hoạt" and conf < 0.6


def test_a_name_read_only_after_unread_marks_is_no_name_to_the_passes() -> None:
    # review of signerlost54 M: the passes' reading (``read_signer``) gives no name for "Ph" (1) "An Minh
    # Tuấn", so the row pass reads the line again on a sharp scan; the document's own reading takes it
    lines = page_lines(
        page(_ubnd_directive()[:-5] + signer(name="Ph An Minh Tuấn", name_conf=[1.0, 93.0, 95, 95]))
    )
    assert read_signer(lines).value("signer_name") is None
    assert read_signer(lines, final=True).value("signer_name") == "An Minh Tuấn"


def _untitled(*rows: tuple[str, float]) -> tuple[str | None, float]:
    specs = _ubnd_directive()[:-5] + signer((), rows[0][0], rows[0][1]) + [(t, "sig", c) for t, c in rows[1:]]
    f = extract([page(specs)]).fields["signer_name"]
    return f.value, f.confidence


def test_a_horn_read_on_the_u_after_q_is_no_name_s_letter() -> None:
    # seed k907 dev 010: "Ôn Bảo Quới" read "Qưới" (88): the "ơ"'s horn read on the "u" too; no syllable (the
    # "u" of "qu" bears no horn): "Quới", a name no list has, in doubt
    f = extract([page(_signed_as("Ôn Bảo Qưới", [97.0, 93.0, 88.0]))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == ("Ôn Bảo Quới", True)
    assert signer_module.horn_after_q("Qưới") == "Quới"
    assert signer_module.horn_after_q("Quới") is None
    assert signer_module.horn_after_q("Trưởng") is None


@pytest.mark.parametrize(
    "read",
    [
        "Hà Nội", "Lâm Đồng", "Phường Bến Nghé", "Quận Ba Đình", "Huyện Tân Phú", "Trần Phú",
        "Cộng Hòa Xã Hội", "Bản Sao", "Người Lập Biểu", "Tân Phú Đông",
    ],
)  # fmt: skip
def test_a_place_s_or_a_phrase_s_line_under_a_lost_title_is_no_name(read: str) -> None:
    # review of signerlost54 M: with no title, each was taken as the signer's name at 0.55
    assert _untitled((read, 96.0))[0] is None


def test_a_place_s_line_under_the_name_of_a_lost_title_is_passed_over() -> None:
    # review of signerlost54 M: "Xã Tân Phú" (96) under "Lê Quang Hùng" (96) was taken, the lowest line
    assert _untitled(("Lê Quang Hùng", 96.0), ("Xã Tân Phú", 96.0)) == ("Lê Quang Hùng", 0.55)


@pytest.mark.parametrize(
    "read",
    ["Nguyễn Văn Qưốc", "Trần Qưốc Bảo", "Hà Văn Qưyết", "Võ Văn Qưân", "Nguyễn Thị Qưế"],
)
def test_a_horn_read_on_the_u_after_q_made_a_listed_name_is_in_doubt(read: str) -> None:
    # review of marks54 (MED1): the horn dropped makes a listed name ("Qưốc" (97) → "Quốc"), but which marks
    # the word bears is no reading (a horn read where none is: the "ơ"'s, or a mark lost): in doubt
    f = extract([page(_signed_as(read, 97.0))]).fields["signer_name"]
    assert (f.value, f.confidence < 0.6) == (read.replace("Qư", "Qu"), True)


def test_a_surely_read_given_name_the_model_marked_into_another_unlisted_word_is_put_back() -> None:
    # seed w685 dev 007: "Tiết Hoài Tất Toan" read surely (97, 96, 93, 91), the family name no list has (no
    # name run shielded the line); the model made "Toan" the word "Toán", no listed name either: the
    # language's guess, no reading of a name. Tesseract's word put back, in doubt
    name, conf = _signed_read("Tiết Hoài Tất Toán", [97.0, 96.0, 93.0, 91.0], {"Toán": "Toan"})
    assert name == "Tiết Hoài Tất Toan" and conf < 0.6
    # k911 dev 006: "Lều Thị Trân" (93, 97, 96), the listed "Trân" made "Trấn" by the model: put back
    name, conf = _signed_read("Lều Thị Trấn", [93.0, 97.0, 96.0], {"Trấn": "Trân"})
    assert name == "Lều Thị Trân" and conf < 0.6
    # a mark the model restored making a listed name stays the model's ("Chinh" → "Chính", "Van" → "Văn")
    assert _signed_read("Trần Văn Chính", [97.0, 96.0, 91.0], {"Chính": "Chinh"})[0] == "Trần Văn Chính"
    assert _signed_read("Trần Văn Hùng", [97.0, 91.0, 96.0], {"Văn": "Van"})[0] == "Trần Văn Hùng"
    # ... and so does one read unsurely
    assert _signed_read("Tiết Hoài Tất Toán", [97.0, 96.0, 93.0, 60.0], {"Toán": "Toan"})[0] != (
        "Tiết Hoài Tất Toan"
    )
    # review: a middle name's letters ("Thi": "Thị") and a reading that lost the vowel's mark every listed
    # name of its letters has ("Thang": "Thắng", "Thăng") are no name's word: the list's form, not the reading
    assert _signed_read("Lều Thì Hà", [93.0, 85.0, 96.0], {"Thì": "Thi"})[0] == "Lều Thị Hà"
    assert _signed_read("Lều Văn Tháng", [93.0, 96.0, 92.0], {"Tháng": "Thang"})[0] == "Lều Văn Thắng"


def _signed_voted(name: str, confs: list[float], voted: str) -> tuple[str | None, float]:
    """The signer's name of the directive signed by ``name`` read at ``confs``, its word ``voted`` marked
    as a second pass's vote (``Word.voted``)."""
    pg = page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, confs))
    words = tuple(replace(w, voted=True) if w.text == voted else w for w in pg.words)
    f = extract([replace(pg, words=words)]).fields["signer_name"]
    return f.value, f.confidence


def test_a_given_name_s_marks_the_line_s_readings_voted_are_kept_not_the_listed_form() -> None:
    # seed k911 alt 009: "Phó Khắc Tất Hiểu", the row's readings all "Hiểu" (voted to the listed "Hiếu"), the
    # line's readings "Hiểu" five of five (``marks_vote_pass``: voted, at 50): the extractor made it "Hiếu"
    # again (``fix_syllable``: the listed form with its letters). The readings' marks stand, in doubt
    name, conf = _signed_voted("Phó Khắc Tất Hiểu", [50.0, 50.0, 50.0, 50.0], "Hiểu")
    assert name == "Phó Khắc Tất Hiểu" and conf < 0.6
    # not voted (the row's vote alone, at 50): the listed form, as before
    name, conf = _signed_by("Phó Khắc Tất Hiểu", [50.0, 50.0, 50.0, 50.0])
    assert name == "Phó Khắc Tất Hiếu" and conf < 0.6


def test_a_voted_family_name_no_list_has_is_not_made_the_listed_one_it_ends_like() -> None:
    # signerlost55 (w683 dev 007): the name pass's readings all read "Yên Nhật Long" (96, 97, 97) and voted
    # it (each word at VOTED_CONF); "Yên" was then taken for the tail of "Nguyễn" (``surname_of``: the rim
    # over "Ng") and the name given as "Nguyễn Nhật Long". A family name no list has, read whole, capital and
    # marks ("yễn" is no "Yên"), that the row's readings voted, is kept as read, in doubt
    p = page(_ubnd_directive()[:-5] + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), "Yên Nhật Long", 50.0))
    name = extract([p]).fields["signer_name"]
    assert name.value == "Yên Nhật Long"
    assert name.confidence < 0.6
    # the rim's remnant of "Nguyễn" read with its capital and marks, voted alike, is still that family name
    p = page(_ubnd_directive()[:-5] + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), "Uyễn Nhật Long", 50.0))
    assert extract([p]).values()["signer_name"] == "Nguyễn Nhật Long"


def test_a_family_name_no_list_has_may_lead_a_name_only_read_whole_and_no_name_s_common_word() -> None:
    assert signer_module.unlisted_lead("Yên")
    assert signer_module.unlisted_lead("Đậu")
    assert not signer_module.unlisted_lead("Ai")  # "Mai" whose "M" the ring took
    assert not signer_module.unlisted_lead("Uyễn")  # "Nguyễn" whose "Ng" the rim took
    assert not signer_module.unlisted_lead("Guyên")  # ... its "N", its mark misread (review)
    assert not signer_module.unlisted_lead("Uyển")
    assert not signer_module.unlisted_lead("Khú")  # "Khúc" whose "c" the ring took
    assert not signer_module.unlisted_lead("Ôn")  # "Ông" as well
    assert not signer_module.unlisted_lead("Minh")  # a given name's word: the family name lost before it
    assert not signer_module.unlisted_lead("Trần")  # a listed one: the lists' own rules
    assert not signer_module.unlisted_lead("Xã")  # a place's word
    assert not signer_module.unlisted_lead("yên")  # no capital


def test_a_name_word_read_with_a_capital_after_its_small_letters_is_put_in_the_name_s_case() -> None:
    # review of session 55 (w5501 dev 004): "Hứa Sỹ Ước" read "Hứa Sỹ ƯớC" (the small "c" read as the capital
    # of its shape), taken at 0.86: SURE-WRONG for a case
    def name_of(name: str) -> str | None:
        pg = page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, [96.0, 96.0, 90.0]))
        return extract([pg]).fields["signer_name"].value

    assert name_of("Hứa Sỹ ƯớC") == "Hứa Sỹ Ước"
    assert name_of("Lê Văn ThăNg") == "Lê Văn Thăng"
    assert signer_module.case_mended("H'Hen Niê") == "H'Hen Niê"  # an Ê Đê name's capital after "'"
    assert signer_module.case_mended("Nguyễn Văn An") == "Nguyễn Văn An"


def test_marks_alone_before_a_two_word_name_led_by_a_middle_name_leave_it_in_doubt() -> None:
    # review of session 55: "~ Văn Long" (the seal's or the pen's marks where the family name was) gave "Văn
    # Long" at 0.96: "Văn" a family name too, but the line's lead may be the family name lost under the marks
    def read(name: str, confs: list[float]) -> tuple[str | None, float]:
        pg = page(_ubnd_directive()[:-5] + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name, confs))
        f = extract([pg]).fields["signer_name"]
        return f.value, f.confidence

    value, conf = read("~ Văn Long", [10.0, 96.0, 96.0])
    assert (value, conf < 0.6) == ("Văn Long", True)
    # no marks before it: as before; nor a three-word name after marks
    assert read("Văn Long", [96.0, 96.0])[1] >= 0.6
    assert read("~ Lê Văn Long", [10.0, 96.0, 96.0, 96.0])[1] >= 0.6


def test_a_lone_marked_letter_tells_no_family_name_by_its_head() -> None:
    # the seal's ring arc read "Ẩ" before a name (k915 alt 003): one letter begins "Âu" but tells it not
    assert signer_module.surname_by_head("Ẩ") is None
    # a head of letters enough, its tone mark the ring's, still does
    assert signer_module.surname_by_head("Trườyế") == "Trương"


def test_a_rank_s_first_word_between_an_unlisted_family_name_and_a_listed_one_is_a_middle_name() -> None:
    # k923 alt 005: a family name no list has, "Trung" and the listed "Cao" read surely were taken from "Cao"
    # on ("Cao Sửu"): "Trung" alone, no rank's second word after it, is the name's middle word; in doubt
    name, conf = _signed("Lôi Trung Cao Hà", [94.0, 97.0, 96.0, 97.0])
    assert name == "Lôi Trung Cao Hà" and conf < 0.6
    # a rank ("Trung Tá") or a rank's word first is no name's
    assert not str(_signed("Lôi Trung Tá Cao Hà", [94.0, 97.0, 97.0, 96.0, 97.0])[0]).startswith("Lôi")
    assert _signed("Đại Trung Cao Hà", [94.0, 97.0, 96.0, 97.0])[0] == "Cao Hà"


def test_two_name_words_a_quote_mark_glued_are_two_words() -> None:
    # k923 dev 013: the ring's arc across the space read as a quote mark, "Lương”Phú" (24): no name at all
    name, conf = _signed("`S¿/s Lương”Phú Hà", [0.0, 24.0, 80.0])
    assert name == "Lương Phú Hà" and conf < 0.6
    # review of names57 (HIGH): a quote mark before a small letter is a tone mark read apart ("Ho’a" of
    # "Hoà"): no split there, or "Lê Thị Ho" was taken at 0.94
    for quote in '’‘"':
        name, conf = _signed(f"Lê Thị Ho{quote}a", [96.0, 96.0, 90.0])
        assert name != "Lê Thị Ho" or conf < 0.6


def test_a_word_before_a_family_name_s_letters_with_marks_no_name_has_does_not_lead_it() -> None:
    # review of names57 (MED): "Đăng" (a listed middle name) with "Hoa" before it leads the name ("Hoa Đăng
    # Sảng", w695 dev 012); "Lề", "Vỏ", "Phảm" are no name's syllables but "Lê", "Võ", "Phạm" misread, and
    # "Thi" is "Thị" its dot lost: no lead
    from digitize.pipeline.fields.signer import unlisted_words_lead

    assert unlisted_words_lead(["Hoa"], "Đăng")
    for before, family in ((["Ba"], "Lề"), (["Nam"], "Vỏ"), (["Cua"], "Phảm"), (["Thi"], "Đăng")):
        assert not unlisted_words_lead(before, family)


def test_a_name_led_by_a_middle_name_after_a_doubted_word_is_the_line_the_name_pass_reads_again() -> None:
    # k921 alt 012: "(2s Ma Văn Cao Tạo" (33, 1, 97, 97, 97), the ring across the "i" of "Mai", was taken as
    # "Văn Cao Tạo" in doubt: its line is read alone again by the name pass
    from digitize.pipeline.fields.signer import doubtful_name_line

    def line_of(name: str, confs: list[float], unled: bool = True) -> list[str] | None:
        pg = page(_ubnd_directive()[:-5] + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name, confs))
        ln = doubtful_name_line(page_lines(pg), unled=unled)
        return None if ln is None else [w.text for w in ln.words]

    assert line_of("(2s Ma Văn Cao Tạo", [33.0, 1.0, 97.0, 97.0, 97.0]) == ["(2s", "Ma", "Văn", "Cao", "Tạo"]
    assert line_of("(2s Ma Văn Cao Tạo", [33.0, 1.0, 97.0, 97.0, 97.0], unled=False) is None
    # a word read surely before it, or a name led by a family name: read as it is
    assert line_of("Ma Văn Cao Tạo", [90.0, 97.0, 97.0, 97.0]) is None
    assert line_of("(2s Ma Trần Cao Tạo", [33.0, 1.0, 97.0, 97.0, 97.0]) is None


def test_a_family_name_the_line_s_readings_voted_as_the_page_read_it_is_kept_not_the_listed_one() -> None:
    # seeds x873 corp 006, k923 dev 007: a family name no list has, read so on the page and given back by
    # every reading of its line (``signature.marks_vote_pass``: voted, at 50), was taken as the listed one
    # nearest it (by its letters, or a letter from them). The vote stands, in doubt
    for read, listed in [("Vưng Hồng Ngoạn", "Vương Hồng Ngoạn")]:
        name, conf = _signed_voted(read, [50.0, 96.0, 93.0], read.split()[0])
        assert name == read and conf < 0.6, (name, conf)
        # not voted: the listed one, as before
        name, conf = _signed_by(read, [50.0, 96.0, 93.0])
        assert name == listed and conf < 0.6, (name, conf)
    # review of marks57 (MED): a word voted by another pass, a listed name with a mark added ("Lế" of
    # "Lê") or the rim's tail ("Uyễn" of "Nguyễn"): the listed one
    for read, listed in [
        ("Lế Văn An", "Lê Văn An"),
        ("Uyễn Nhật Long", "Nguyễn Nhật Long"),
        ("Mặc Tuyết Nguyệt", "Mạc Tuyết Nguyệt"),
    ]:
        name, conf = _signed_voted(read, [45.0, 96.0, 93.0], read.split()[0])
        assert name == listed, (name, conf)
