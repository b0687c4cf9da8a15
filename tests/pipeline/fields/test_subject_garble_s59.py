"""A trích yếu's words garbled under a stamp or a speck (issue #17, session 59 census): repaired where the
page and the corpus say how, always in doubt; a word read surely stands."""

from __future__ import annotations

from tests.pipeline.fields.test_subject import LM_SURE, _lm_directive, _lm_subject


def test_a_lone_digit_read_unsure_after_the_closing_year_is_dropped_in_doubt() -> None:
    # seed 595 alt 002: a stamp's pen stroke beside the line's end read "7" at 33 after "năm 2023"
    first, second = "Về việc tăng cường công tác phòng cháy, chữa cháy", "năm 2023 7"
    f = _lm_subject(_lm_directive(first, second), {"7": 33.0})
    assert (f.value, f.confidence < LM_SURE) == (f"{first} năm 2023", True)
    # read surely, the number is the print's: not dropped by this rule
    f = _lm_subject(_lm_directive(first, second), {})
    assert f.value == f"{first} năm 2023 7"
