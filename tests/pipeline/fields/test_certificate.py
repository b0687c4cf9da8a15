"""A certificate's title lost or garbled on a blurred photo, restated by its body's "Đủ điều kiện:" line."""

from __future__ import annotations

from dataclasses import replace

from digitize.pipeline.fields import extract
from digitize.pipeline.fields.certificate import RESTATED_CONF, condition_line, restated_title
from digitize.pipeline.fields.lines import page_lines
from digitize.pipeline.fields.result import Found
from digitize.pipeline.model import ExtractedField
from tests.pipeline.test_extract import BODY_C, CHAR, Spec, header, page, signer

TITLE = "Giấy chứng nhận đủ điều kiện kinh doanh dược"


def _certificate(
    title: list[Spec], condition: str = "Đủ điều kiện: đủ điều kiện kinh doanh dược."
) -> list[Spec]:
    head = header(parent=None, organ=("ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"), number="Số: 51/GCN-UBND")
    body: list[Spec] = [
        *title,
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "center", 93.0),
        ("CHỨNG NHẬN:", "body", 93.0),
        ("Ông/Bà: Hồ Thị Hoa", "body", 92.0),
        ("Số căn cước công dân: 012139686500", "body", 92.0),
        ("Địa chỉ: Số 173, đường Trần Phú, tỉnh Nghệ An", "body", 92.0),
        (condition, "body", 92.0),
        ("Giấy chứng nhận có giá trị đến ngày 23/06/2021.", "body", 92.0),
    ]
    return head + body + signer(("CHỦ TỊCH",), "Lê Thị Ngân")


def _subject(specs: list[Spec]) -> tuple[str | None, float]:
    f = extract([page(specs)]).fields["subject"]
    return f.value, f.confidence


def test_a_lost_title_line_is_taken_from_the_body_in_doubt() -> None:
    # the heading read, the title's line under it lost (under an incoming stamp)
    value, conf = _subject(_certificate([("GIẤY CHỨNG NHẬN", "center", 95.0)]))
    assert value == TITLE
    assert conf == RESTATED_CONF < 0.6


def test_a_garbled_title_word_is_taken_from_the_body() -> None:
    title: list[Spec] = [
        ("GIẤY CHỨNG NHẬN", "center", 95.0),
        ("ÒÐ ĐIỀU KIỆN KINH DOANH DƯỢC", "center", [30.0, 90.0, 90.0, 90.0, 90.0, 90.0]),
    ]
    value, conf = _subject(_certificate(title))
    assert value == TITLE
    assert conf <= RESTATED_CONF


def test_a_title_read_surely_stays_as_read() -> None:
    # the title reads well and surely: the body's line (here misread) is not taken over it
    title: list[Spec] = [
        ("GIẤY CHỨNG NHẬN", "center", 95.0),
        ("ĐỦ ĐIỀU KIỆN KINH DOANH DƯỢC", "center", 95.0),
    ]
    value, _ = _subject(_certificate(title, "Đủ điều kiện: đủ điều kiện kinh doanh được."))
    assert value == TITLE


def test_a_garbled_body_line_gives_nothing() -> None:
    lines = page_lines(page([("Đủ điều kiện: cơ sở lưu trú du lịch đạt iềc chuẩn.", "body", 80.0)]))
    assert condition_line(lines) is None
    lines = page_lines(page([("Đù điều kiện: hợp quy thiết bị viễn thông.", "body", 80.0)]))
    assert condition_line(lines) == "hợp quy thiết bị viễn thông"


def test_another_type_is_not_restated() -> None:
    head = header(number="Số: 12/QĐ-SKHCN")
    body: list[Spec] = [
        ("QUYẾT ĐỊNH", "center", 95.0),
        ("Đủ điều kiện: đủ điều kiện kinh doanh dược.", "body", 92.0),
    ]
    value, _ = _subject(head + body + signer())
    assert value != TITLE


def test_a_title_in_doubt_read_short_of_the_body_s_line_is_the_line() -> None:
    # seed 423 alt 006: an incoming stamp over the title's last line's end, "… AN TOÀN THỰC PHẨM NÔNG" then
    # the stamp's "ĐẾ! y: 2 225)": the title's last word lost; the body's line says it all, in doubt
    # (a blurred photo: every word of the title a guess, whatever Tesseract's confidence)
    title: list[Spec] = [
        ("GIẤY CHỨNG NHẬN", "center", 95.0),
        ("CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM NÔNG", "center", 93.0),
        ("ĐẾ! y: 2 225)", "x=1500", 40.0),
    ]
    condition = "Đủ điều kiện: cơ sở đủ điều kiện an toàn thực phẩm nông sản."
    blurred = replace(page(_certificate(title, condition)), blurred=True)
    f = extract([blurred]).fields["subject"]
    assert f.value == "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông sản"
    assert f.confidence <= RESTATED_CONF
    # a title read surely on a sharp page stays as read, though shorter than the body's line
    value, _ = _subject(_certificate(title, condition))
    assert value == "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông"
    # a blurred title read whole over the authority's line is no cut of the body's longer line (REVIEW-35)
    whole = [("GIẤY CHỨNG NHẬN", "center", 95.0), ("CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM", "center", 93.0)]
    blurred = replace(page(_certificate(whole, condition)), blurred=True)
    assert (
        extract([blurred]).fields["subject"].value == "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"
    )
    # ... but one whose last words ran together into no word is (seed 429 alt 006: "ĐỘNG VẬT" read "ĐÔNGVI")
    run = [("GIẤY CHỨNG NHẬN", "center", 95.0), ("CƠ SỞ AN TOÀN DỊCH BỆNH ĐÔNGVI", "center", 93.0)]
    said = "Đủ điều kiện: cơ sở an toàn dịch bệnh động vật."
    blurred = replace(page(_certificate(run, said)), blurred=True)
    f = extract([blurred]).fields["subject"]
    assert (f.value, f.confidence) == ("Giấy chứng nhận cơ sở an toàn dịch bệnh động vật", RESTATED_CONF)
    # a blurred title three words shorter than the body's line is no cut of it
    blurred = replace(
        page(_certificate(title[:2], "Đủ điều kiện: " + condition[14:-1] + " và thủy sản.")), blurred=True
    )
    assert (
        extract([blurred]).fields["subject"].value
        == "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông"
    )


def test_a_title_in_doubt_with_a_word_lost_inside_it_is_the_body_s_line() -> None:
    # seed 475 alt 006: a stamp's pass read "ĐỦ" (25 here: the subject in doubt) and nothing of "ĐIỀU"
    title: list[Spec] = [
        ("GIẤY CHỨNG NHẬN", "center", 95.0),
        ("ĐỦ KIỆN KINH DOANH DƯỢC", "center", [25.0, 90.0, 90.0, 90.0, 90.0]),
    ]
    assert _subject(_certificate(title)) == (TITLE, RESTATED_CONF)
    # read surely, the title stands as read
    sure: list[Spec] = [("GIẤY CHỨNG NHẬN", "center", 95.0), ("ĐỦ KIỆN KINH DOANH DƯỢC", "center", 95.0)]
    assert _subject(_certificate(sure))[0] == "Giấy chứng nhận đủ kiện kinh doanh dược"


def test_a_title_word_the_corrector_changed_is_put_back_as_the_body_prints_it() -> None:
    # Tesseract read "DƯỢC", the page's corrector made it "ĐƯỢC" ("kinh doanh được" is far commoner in the
    # corpus); the body's line prints "kinh doanh dược": the word as read, sure where Tesseract read it surely
    # (the body may print the same misreading), else in doubt
    def corrected(condition: str, conf: float = 95.0) -> tuple[str | None, float]:
        title: list[Spec] = [
            ("GIẤY CHỨNG NHẬN", "center", 95.0),
            ("ĐỦ ĐIỀU KIỆN KINH DOANH ĐƯỢC", "center", conf),
        ]
        pg = page(_certificate(title, condition))
        words = tuple(replace(w, read="DƯỢC") if w.text == "ĐƯỢC" else w for w in pg.words)
        f = extract([replace(pg, words=words)]).fields["subject"]
        return f.value, f.confidence

    value, conf = corrected("Đủ điều kiện: đủ điều kiện kinh doanh dược.")
    assert (value, conf >= 0.6) == (TITLE, True)
    value, conf = corrected("Đủ điều kiện: đủ điều kiện kinh doanh dược.", 88.0)
    assert (value, conf < 0.6) == (TITLE, True)
    # the body says what the corrector made of it: the corrected word stays
    value, _ = corrected("Đủ điều kiện: đủ điều kiện kinh doanh được.")
    assert value == "Giấy chứng nhận đủ điều kiện kinh doanh được"


SAFE = "Giấy chứng nhận cơ sở an toàn dịch bệnh động vật"


def test_a_title_s_opening_taken_for_a_speck_puts_it_in_doubt_and_the_body_restates_it() -> None:
    # seed 639 alt 013: "CƠ SỞ" under a speck read "#ở Ở" (46, 86), dropped as a speck's marks before "AN":
    # the words left stand right of the heading's centre, so they lost words; the body's line gives them
    title: list[Spec] = [
        ("GIẤY CHỨNG NHẬN", "center", 95.0),
        ("#ở Ở AN TOÀN DỊCH BỆNH ĐỘNG VẬT", "center", [46.0, 86.0, 93.0, 92.0, 97.0, 96.0, 92.0, 92.0]),
    ]
    value, conf = _subject(_certificate(title, "Đủ điều kiện: cơ sở an toàn dịch bệnh động vật."))
    assert (value, conf) == (SAFE, RESTATED_CONF)
    # no body line to restate it: the title as read, in doubt
    value, conf = _subject(_certificate(title, "Địa điểm: thôn Đông, xã Nghi Lộc."))
    assert value == "Giấy chứng nhận an toàn dịch bệnh động vật"
    assert conf < 0.6
    # a speck read "Ò" left of a title line whose words stand centred under the heading: not the title's,
    # which stays sure
    title = [("GIẤY CHỨNG NHẬN", "center", 95.0), ("Ò", "x=700", 40.0)]
    pg = page(_certificate(title, "Đủ điều kiện: cơ sở an toàn dịch bệnh động vật."))
    i = next(k for k, w in enumerate(pg.words) if w.text == "Ò")
    speck = pg.words[i]
    line = page([("CƠ SỞ AN TOÀN DỊCH BỆNH ĐỘNG VẬT", "center", 95.0)]).words
    moved = [replace(w, box=replace(w.box, y0=speck.box.y0, y1=speck.box.y1), line=speck.line) for w in line]
    pg = replace(pg, words=(*pg.words[: i + 1], *moved, *pg.words[i + 1 :]))
    f = extract([pg]).fields["subject"]
    assert (f.value, f.confidence >= 0.6) == (SAFE, True)


def test_a_clean_title_off_centre_is_not_given_the_body_s_opening() -> None:
    # the title read whole at 93 (only in doubt for standing off the heading's centre, an indent), a word
    # suffix of the body's line: nothing lay over the room left of it, so no opening of the body's is put on
    for title, condition in (
        ("ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM", "Đủ điều kiện: cơ sở đủ điều kiện an toàn thực phẩm."),
        ("AN TOÀN DỊCH BỆNH ĐỘNG VẬT", "Đủ điều kiện: vùng an toàn dịch bệnh động vật."),
    ):
        for shift in (2.0, 2.5, 3.0):
            x0 = BODY_C - len(title) * CHAR / 2 + shift * CHAR
            specs: list[Spec] = [("GIẤY CHỨNG NHẬN", "center", 95.0), (title, f"x={x0}", 93.0)]
            value, _ = _subject(_certificate(specs, condition))
            assert value == f"Giấy chứng nhận {title.lower()}", (title, shift, value)


def test_a_title_run_on_into_the_body_s_lines_is_the_condition_line() -> None:
    # seed 901 bitonal alt 006: an incoming stamp over the title's line; the lines under "CHỨNG NHẬN:" were
    # read for it, through the body's own "Đủ điều kiện:" line: the title is that line's, in doubt
    lines = page_lines(
        page(
            [
                ("Cơ sở: Công ty TNHH MTV Vận tải biển Tân Tiến", "body", 92.0),
                ("Đủ điều kiện: đủ điều kiện kinh doanh hoạt động thể thao.", "body", 92.0),
            ]
        )
    )
    run_on = (
        "Giấy chứng nhận cơ sở: Công ty TNHH MTV Vận tải biển Tân Tiến Địa chỉ: Số 109, đường Ngô Quyền "
        "Đủ điều kiện: đủ điều kiện kinh doanh hoạt động thể thao."
    )
    read = Found((ExtractedField("subject", run_on, 0.5),))
    f = restated_title(read, "Giấy chứng nhận", lines).get("subject")
    assert f is not None
    assert (f.value, f.confidence) == (
        "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
        RESTATED_CONF,
    )
    # a long title with no body label in it, run on into no authority's line, stays as read
    long = "Giấy chứng nhận cơ sở đủ điều kiện kinh doanh hoạt động thể thao và du lịch cộng đồng"
    kept = restated_title(Found((ExtractedField("subject", long, 0.5),)), "Giấy chứng nhận", lines)
    assert kept.value("subject") == long


def test_a_ve_viec_put_back_over_a_title_s_garbled_opening_is_the_body_s_line() -> None:
    # seed 567 b dev 013: "5Ö #6: `'tờ sở pù ĐIỀU KIỆN ĐÀO TẠO LÁI XE" under an incoming stamp, its garbled
    # opening taken for "Về việc" (no certificate's title opens so): the body's line says the title, in doubt
    lines = page_lines(page([("Đủ điều kiện: cơ sở đủ điều kiện đào tạo lái xe.", "body", 92.0)]))
    read = "Về việc đủ điều kiện đào tạo lái xe"
    f = restated_title(Found((ExtractedField("subject", read, 0.5),)), "Giấy chứng nhận", lines).get(
        "subject"
    )
    assert f is not None
    assert (f.value, f.confidence) == ("Giấy chứng nhận cơ sở đủ điều kiện đào tạo lái xe", RESTATED_CONF)
    # read surely, it stands (a person's reading to check, not the body's to take over it)
    sure = Found((ExtractedField("subject", read, 0.9),))
    assert restated_title(sure, "Giấy chứng nhận", lines).value("subject") == read
    # the words after it not the body's line's end: no garble of its opening, as read
    other = Found((ExtractedField("subject", "Về việc đủ điều kiện kinh doanh dược", 0.5),))
    assert (
        restated_title(other, "Giấy chứng nhận", lines).value("subject")
        == "Về việc đủ điều kiện kinh doanh dược"
    )
