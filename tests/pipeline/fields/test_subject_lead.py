"""The trích yếu's lead ("Về việc" and the word after it) garbled by an incoming stamp printed over it: the
formula recognised by its shape, a word the stamp struck or swallowed read where the body restates it."""

from __future__ import annotations

from dataclasses import replace

from digitize.pipeline.fields import extract
from digitize.pipeline.model import ExtractedField, RecognizedPage
from tests.pipeline.fields.test_subject_opening import _directive
from tests.pipeline.test_extract import header, page, signer

SURE = 0.6


def _read(base: RecognizedPage, confs: dict[str, float]) -> ExtractedField:
    """The subject read off ``base`` with the words named in ``confs`` read at those confidences."""
    words = tuple(replace(w, conf=confs[w.text]) if w.text in confs else w for w in base.words)
    return extract([replace(base, words=words)]).fields["subject"]


def _decision(subject: tuple[str, ...], article: str) -> RecognizedPage:
    head = header(parent="UBND TỈNH TUYÊN QUANG", organ=("SỞ Y TẾ",), number="Số: 10/QĐ-SYT")
    body = [
        ("QUYẾT ĐỊNH", "center", 95.0),
        *((s, "center", 92.0) for s in subject),
        ("", "center", 90.0),
        ("GIÁM ĐỐC SỞ Y TẾ", "center", 93.0),
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;", "body", 92.0),
        ("QUYẾT ĐỊNH:", "center", 93.0),
        (article, "body", 92.0),
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "body", 92.0),
    ]
    return page(head + body + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Đặng Quốc Cường"))


def test_viec_read_with_its_i_lost_and_a_capital_is_the_lead() -> None:
    # an incoming stamp's box over "Về việc": "Vẽ Mệc" at 49; no syllable ends "êc" without the "i", no name
    base = _directive("Vẽ Mệc đẩy nhanh tiến độ giải ngân vốn đầu tư", "công năm 2024")
    f = _read(base, {"Vẽ": 49.0, "Mệc": 49.0})
    assert f.value == "Về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024"
    # a name's capital after "Về" that is a syllable stays as read ("Về Việt Nam …" is no lead garbled)
    base = _directive("Về Việt Nam đẩy nhanh tiến độ giải ngân vốn đầu", "tư công năm 2024")
    f = _read(base, {})
    assert f.value is not None and "việc" not in f.value


def test_a_word_after_ve_viec_struck_by_a_stamp_is_read_where_the_body_restates_it() -> None:
    # "cấp" under the stamp's pen read "cá" at 34; Điều 1 says "Cấp Giấy phép hoạt động …": taken, in doubt
    subject = ("Về việc cá Giấy phép hoạt động khám bệnh, chữa bệnh", "cho Công ty TNHH Hoàng Long")
    article = "Điều 1. Cấp Giấy phép hoạt động khám bệnh, chữa bệnh cho Công ty TNHH Hoàng Long."
    f = _read(page_of := _decision(subject, article), {"cá": 34.0})
    assert f.value == "Về việc cấp Giấy phép hoạt động khám bệnh, chữa bệnh cho Công ty TNHH Hoàng Long"
    assert f.confidence < SURE
    # read surely, the word is the subject's own: nothing taken from the body
    f = _read(page_of, {})
    assert f.value == "Về việc cá Giấy phép hoạt động khám bệnh, chữa bệnh cho Công ty TNHH Hoàng Long"


def test_ve_lost_under_a_stamp_and_the_word_after_viec_with_it_is_read_from_the_body() -> None:
    # "Về" under the stamp's box, "việc thu" read "viết" at 50: Điều 1 "Thu hồi đất để …" gives the word lost
    subject = ("viết hồi đất để thực hiện dự án khu dân cư mới",)
    article = "Điều 1. Thu hồi đất để thực hiện dự án khu dân cư mới (chi tiết tại Phụ lục)."
    f = _read(_decision(subject, article), {"viết": 50.0})
    assert f.value == "Về việc thu hồi đất để thực hiện dự án khu dân cư mới"
    assert f.confidence < SURE
    # no clause of the body opens with those words: nothing made up
    article = "Điều 1. Phê duyệt phương án bồi thường, hỗ trợ và tái định cư của dự án."
    f = _read(_decision(subject, article), {"viết": 50.0})
    assert f.value is None or f.value.startswith("viết") or f.confidence < SURE
    assert f.value is None or "thu" not in f.value.split()


def test_a_capitalised_word_ending_ec_without_the_circumflex_is_no_viec() -> None:
    # "Apec", "Sec": their letters end "ec" as printed, no "êc" of "việc" with its "i" lost: words of their
    # own
    f = _read(_directive("Về Apec 2024 và các hoạt động hợp tác quốc tế", "của tỉnh trong năm tới"), {})
    assert f.value == "Về Apec 2024 và các hoạt động hợp tác quốc tế của tỉnh trong năm tới"
    f = _read(_directive("Về Sec thanh toán trong giao dịch thương mại", "trên địa bàn tỉnh"), {})
    assert f.value == "Về Sec thanh toán trong giao dịch thương mại trên địa bàn tỉnh"


def test_viec_read_only_from_its_rime_is_in_doubt() -> None:
    # the stamp over "việc" took "thu" too ("Vẽ Mệc hồi đất …" of "Về việc thu hồi đất …"): "việc" is a
    # guess and the next words may be lost, so in doubt, not a sure "Về việc hồi đất …"
    base = _directive("Vẽ Mệc hồi đất để thực hiện dự án khu dân cư", "mới trên địa bàn tỉnh")
    f = _read(base, {"Vẽ": 49.0, "Mệc": 49.0})
    assert f.value is None or f.confidence < SURE


def _article_one(word: str, rest: str, article: str, conf: float = 40.0) -> ExtractedField:
    """The subject "Về việc <word> <rest> …" with ``word`` read at ``conf``, Điều 1 saying ``article``."""
    subject = (f"Về việc {word} {rest} hoạt động khám bệnh, chữa bệnh", "cho Công ty TNHH Hoàng Long")
    return _read(_decision(subject, article), {word: conf})


def test_a_low_word_after_ve_viec_that_goes_with_the_next_is_kept_over_the_body() -> None:
    # the word read low goes with the next word ("cấp Giấy", "tạm dừng", "cho phép"); the body's does not
    # ("cắt Giấy", "tăng dừng", "chấp phép": a clause misread, or a sentence in mid-body): the subject's own
    tail = "hoạt động khám bệnh, chữa bệnh cho Công ty TNHH Hoàng Long"
    cases = [
        ("cấp", "Giấy phép", f"Điều 1. Cắt Giấy phép {tail}."),
        ("tạm", "dừng", f"Điều 1. Tăng dừng {tail}."),
        ("cho", "phép", "Điều 1. Xử phạt Phòng khám. Chấp phép hoạt động khám bệnh, chữa bệnh trở lại."),
        # the body's word the read one with another accent ("Cập"): the read one, its confidence kept
        ("cấp", "Giấy phép", f"Điều 1. Cập Giấy phép {tail}."),
    ]
    for word, rest, article in cases:
        f = _article_one(word, rest, article)
        assert (f.value, f.confidence >= SURE) == (f"Về việc {word} {rest} {tail}", True), article
    subject = ("Về việc giao chỉ tiêu kế hoạch vốn đầu tư công năm 2025", "cho các đơn vị trực thuộc")
    article = "Điều 1. Giảm chỉ tiêu kế hoạch vốn đầu tư công năm 2025 cho các đơn vị."
    f = _read(_decision(subject, article), {"giao": 40.0})
    assert f.value == "Về việc giao chỉ tiêu kế hoạch vốn đầu tư công năm 2025 cho các đơn vị trực thuộc"
    assert f.confidence >= SURE


def test_ve_lost_is_not_read_from_a_body_word_that_does_not_go_with_the_next() -> None:
    # "Về việc giao chỉ tiêu …" with "Về" and "giao" lost ("viết chỉ tiêu …"); Điều 1 opens "Giảm chỉ tiêu …":
    # "giảm chỉ" no phrase, so not taken
    subject = ("viết chỉ tiêu kế hoạch vốn đầu tư công năm 2025",)
    article = "Điều 1. Giảm chỉ tiêu kế hoạch vốn đầu tư công năm 2025 cho các đơn vị."
    f = _read(_decision(subject, article), {"viết": 50.0})
    assert f.value is None or "giảm" not in f.value.split()
    subject = ("viết dừng hoạt động khám bệnh, chữa bệnh",)
    article = "Điều 1. Tăng dừng hoạt động khám bệnh, chữa bệnh đối với Phòng khám."
    f = _read(_decision(subject, article), {"viết": 50.0})
    assert f.value is None or "tăng" not in f.value.split()
