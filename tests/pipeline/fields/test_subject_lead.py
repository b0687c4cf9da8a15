"""The trích yếu's lead ("Về việc" and the word after it) garbled by an incoming stamp printed over it: the
formula recognised by its shape, a word the stamp struck or swallowed read where the body restates it."""

from __future__ import annotations

from dataclasses import replace

from digitize.pipeline.fields import extract
from digitize.pipeline.model import ExtractedField, RecognizedPage
from tests.pipeline.test_extract import header, page, signer

SURE = 0.6
BODY = "Trong thời gian qua, công tác triển khai thi hành Luật tố tụng hành chính đã có nhiều kết quả"


def _read(base: RecognizedPage, confs: dict[str, float]) -> ExtractedField:
    """The subject read off ``base`` with the words named in ``confs`` read at those confidences."""
    words = tuple(replace(w, conf=confs[w.text]) if w.text in confs else w for w in base.words)
    return extract([replace(base, words=words)]).fields["subject"]


def _directive(first: str, second: str) -> RecognizedPage:
    head = header(parent=None, organ=("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), number="Số: 07/CT-UBND")
    body = [
        ("CHỈ THỊ", "center", 95.0),
        (first, "center", 91.0),
        (second, "center", 91.0),
        (BODY, "body", 90.0),
    ]
    return page(head + body + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phạm Trường Thọ"))


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
