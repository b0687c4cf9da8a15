"""The trích yếu: its centred lines, not the first body paragraph after it."""

from __future__ import annotations

from tests.pipeline.test_extract import header, signer, values

SUBJECT = "Về việc tăng cường công tác thi hành án hành chính trên địa bàn tỉnh"


def _directive(after: list) -> list:  # type: ignore[type-arg]
    head = header(parent=None, organ=("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), number="Số: 07/CT-UBND")
    body = [
        ("CHỈ THỊ", "center", 95.0),
        ("Về việc tăng cường công tác thi hành án", "center", 91.0),
        ("hành chính trên địa bàn tỉnh", "center", 91.0),
        *after,
    ]
    return head + body + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phạm Trường Thọ")


def test_a_centred_body_line_after_the_rule_under_the_subject_is_not_the_subject() -> None:
    after = [
        ("________", "center", 40.0),  # the rule under the subject
        ("", "center", 90.0),
        ("Thời gian qua công tác thi hành án đạt kết quả,", "center", 90.0),
    ]
    assert values(_directive(after))["subject"] == SUBJECT


def test_a_wide_body_paragraph_ends_the_subject() -> None:
    after = [
        (
            "Trong thời gian qua, công tác triển khai thi hành Luật tố tụng hành chính đã có nhiều",
            "body",
            90.0,
        ),
        ("Thực hiện chỉ đạo,", "center", 90.0),
    ]
    assert values(_directive(after))["subject"] == SUBJECT
