"""Validity of a licence: its clauses as OCR reads them."""

from __future__ import annotations

from dataclasses import replace

from digitize.pipeline.fields import extract
from digitize.pipeline.model import Box, ExtractedField
from tests.pipeline.test_extract import Spec, decision, page, values


def _licence(clause: str) -> dict[str, str | None]:
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    return values([*specs[: k + 1], (clause, "body", 90.0), *specs[k + 1 :]])


def test_ke_tu_misread_still_starts_the_validity_at_the_signing() -> None:
    v = _licence("Giấy phép này có hiệu lực kế tír ngày ký và có hiệu lực đến ngày 24 tháng 4 năm 2025.")
    assert (v["valid_from"], v["valid_until"]) == ("2021-06-15", "2025-04-24")


def test_valid_until_a_date_is_no_start() -> None:
    v = _licence("Giấy phép này có hiệu lực tới ngày 24 tháng 4 năm 2025.")
    assert (v["valid_from"], v["valid_until"]) == (None, "2025-04-24")


def test_a_speck_read_as_a_stop_after_thang_keeps_the_end_date() -> None:
    # seed 375 alt 012 (a photo): "... đến ngày 07 tháng." at a line's end, "8 năm 2024." under it
    clause = "Giấy phép này có hiệu lực kể từ ngày ký và có hiệu lực đến ngày 07 tháng. 8 năm 2024."
    assert _licence(clause)["valid_until"] == "2024-08-07"
    assert _licence(clause.replace("tháng.", "tháng.,"))["valid_until"] is None  # two marks: no date


def test_a_code_or_a_date_is_no_surer_than_its_least_sure_digits() -> None:
    """A blurred photo's holder id and validity date read wrong at a sure line's mean (forced-blur 87 dev
    006: "6475421120" of "6475428207" at 0.85): their own digits read doubtfully put them in doubt."""
    specs = [s for s in decision() if not s[0].startswith(("Điều 2.", "mã số thuế"))]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("Điều 1."))
    holder_text = "mã số thuế: 6475428207, địa chỉ: Số 12, đường Trần Phú."
    holder = (holder_text, "body", [40.0 if w.startswith("6475") else 95.0 for w in holder_text.split()])
    until_text = "Giấy phép này có hiệu lực đến ngày 18/06/2023."
    until = (until_text, "body", [40.0 if w[0].isdigit() else 95.0 for w in until_text.split()])
    fields = extract([page([*specs[: k + 1], holder, until, *specs[k + 1 :]])]).fields
    assert fields["holder_id"].value == "6475428207" and fields["holder_id"].confidence < 0.6
    assert fields["valid_until"].value == "2023-06-18" and fields["valid_until"].confidence < 0.6
    sure = ("mã số thuế: 6475428207, địa chỉ: Số 12, đường Trần Phú.", "body", 95.0)
    fields = extract([page([*specs[: k + 1], sure, *specs[k + 1 :]])]).fields
    assert fields["holder_id"].confidence >= 0.6  # read surely: taken so


def test_a_licence_s_validity_from_its_signing_with_only_the_holder_s_code_read() -> None:
    """A blurred photo's holder line read as marks (seed 213 dev 007): the tax code still says the act grants
    something to a holder, so "có hiệu lực kể từ ngày ký" starts its validity."""
    from tests.pipeline.fields.test_holder import _licence as licence

    body = [
        ('¬ ãăã=.:.¬" .âảs..', "x=355", 30.0),
        ("Mã số thuế: 5200123456", "x=355", 90.0),
        ("Giấy phép này có hiệu lực kể từ ngày ký và có hiệu lực đến ngày 24/4/2025.", "x=355", 90.0),
    ]
    v = values(licence(body))
    assert v["holder_id"] == "5200123456" and v["holder_name"] is None
    assert v["issued_date"] is not None
    assert (v["valid_from"], v["valid_until"]) == (v["issued_date"], "2025-04-24")


def test_a_validity_that_ends_before_it_starts_is_in_doubt() -> None:
    """A blurred year ("2019" of "2029") puts the end of a validity before its start or the act's date: one
    of the dates is misread, both go to review; an end after them stays as sure as it was read."""
    from digitize.pipeline.fields import REVIEW_THRESHOLD

    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))

    def fields(clause: str) -> dict[str, ExtractedField]:
        return extract([page([*specs[: k + 1], (clause, "body", 95.0), *specs[k + 1 :]])]).fields

    got = fields("Giấy phép có hiệu lực từ ngày 15/06/2021 đến ngày 15/06/2019.")
    assert got["valid_until"].value == "2019-06-15" and got["valid_until"].confidence < REVIEW_THRESHOLD
    assert got["valid_from"].confidence < REVIEW_THRESHOLD
    got = fields("Giấy phép này có hiệu lực đến ngày 18/06/2020.")  # before the act's date (2021-06-15)
    assert got["valid_until"].confidence < REVIEW_THRESHOLD
    got = fields("Giấy phép có hiệu lực từ ngày 15/06/2021 đến ngày 15/06/2029.")
    assert got["valid_until"].confidence >= REVIEW_THRESHOLD
    assert got["valid_from"].confidence >= REVIEW_THRESHOLD


def test_a_validity_ending_more_than_fifty_years_on_is_in_doubt() -> None:
    """A blurred year read 50 years off ("11/05/2072" of "11/06/2022" for a certificate of 2019, seed 479
    alt 006) is no licence's end: to review; 50 years (a land-use right's term) stay as read."""
    from digitize.pipeline.fields import REVIEW_THRESHOLD

    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))

    def fields(clause: str) -> dict[str, ExtractedField]:
        return extract([page([*specs[: k + 1], (clause, "body", 95.0), *specs[k + 1 :]])]).fields

    got = fields("Giấy chứng nhận có giá trị đến ngày 11/05/2072.")  # the act of 2021-06-15
    assert got["valid_until"].value == "2072-05-11" and got["valid_until"].confidence < REVIEW_THRESHOLD
    got = fields("Giấy chứng nhận có giá trị đến ngày 15/06/2071.")
    assert got["valid_until"].confidence >= REVIEW_THRESHOLD


def test_a_validity_clause_cut_at_the_page_s_middle_is_read_whole() -> None:
    """Seed 479 dev 012: the clause's line read as two columns, its right half ("kể từ ngày ký … đến ngày 05
    tháng") set after the lines below it: its start and end found again on its row."""
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    clause: list[Spec] = [
        ("Giấy phép này có hiệu lực", "body", 95.0),
        ("7 năm 2026.", "body", 95.0),
        ("Nơi nhận:", "body", 95.0),
        ("kể từ ngày ký và có hiệu lực đến ngày 05 tháng", "x=1000", 95.0),
    ]
    specs = [*specs[: k + 1], *clause]
    pg = page(specs)
    row_end = max(w.box.x1 for w in pg.words if w.line == k + 1)
    row = next(w.box for w in pg.words if w.line == k + 1)
    piece = k + 4

    def at(gap: float) -> dict[str, str | None]:
        """The piece ``gap`` px right of its row's end (a line 45 px high)."""
        x0 = min(w.box.x0 for w in pg.words if w.line == piece)
        words = tuple(
            replace(w, box=Box(w.box.x0 - x0 + row_end + gap, row.y0, w.box.x1 - x0 + row_end + gap, row.y1))
            if w.line == piece
            else w
            for w in pg.words
        )
        return extract([replace(pg, words=words)]).values()

    # a word's space off (13 px at a line height of 22 there: 27 px at 45)
    v = at(27.0)
    assert (v["valid_from"], v["valid_until"]) == ("2021-06-15", "2026-07-05")
    # more than 1.5 line heights off: another column's line (REVIEW-39a H1)
    v = at(1.5 * 45 + 5)
    assert (v["valid_from"], v["valid_until"]) == (None, None)
    # the same words a line lower are another line's: no clause of them
    assert _licence("Giấy phép này có hiệu lực")["valid_until"] is None


def test_hieu_luc_with_its_first_letter_misread_is_still_the_validity_clause() -> None:
    # seed 337 blur alt 005: "có liệu lực kể từ ngày ký và có liệu lực đến ngày 02 tháng 8 năm 2029"
    v = _licence("Giấy phép này có liệu lực kể từ ngày ký và có liệu lực đến ngày 02 tháng 8 năm 2029.")
    assert (v["valid_from"], v["valid_until"]) == ("2021-06-15", "2029-08-02")


def test_an_end_date_whose_first_slash_read_as_a_digit_is_taken_in_doubt() -> None:
    # seed 337 blur alt 006: "có giá trị đến ngày 21402/2025" of "21/02/2025"
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    clause = ("Giấy phép này có giá trị đến ngày 21402/2025.", "body", 90.0)
    f = extract([page([*specs[: k + 1], clause, *specs[k + 1 :]])]).fields["valid_until"]
    assert f.value == "2025-02-21" and f.confidence <= 0.5
    # a day and month that make no date (a "4" that is the day's digit, "31/42"): none
    assert _licence("Giấy phép này có giá trị đến ngày 31442/2025.")["valid_until"] is None


def test_an_end_date_read_with_a_space_inside_its_month_or_day_is_taken_in_doubt() -> None:
    # seed 537 dev 013 (a blurred photo): "có giá trị đến ngày 28/1 1/2021." of "28/11/2021": no valid_until
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    for read, want in (("28/1 1/2021", "2021-11-28"), ("2 8/11/2021", "2021-11-28")):
        clause = (f"Giấy chứng nhận có giá trị đến ngày {read}.", "body", 90.0)
        f = extract([page([*specs[: k + 1], clause, *specs[k + 1 :]])]).fields["valid_until"]
        assert f.value == want and f.confidence <= 0.5, read
    # a day and month that make no date: none
    assert _licence("Giấy phép này có giá trị đến ngày 28/1 3/2021.")["valid_until"] is None


def test_an_end_date_with_a_5_read_as_an_s_is_taken_in_doubt() -> None:
    # wide seed 707 dev 012 (blurred): "có hiệu lực đến ngày 0Š tháng 7 năm 2022." of "05": no valid_until
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    for read, want in (
        ("0Š tháng 7", "2022-07-05"),
        ("1S tháng 7", "2022-07-15"),
        ("15 tháng S", "2022-05-15"),
    ):
        clause = (f"Giấy phép này có hiệu lực đến ngày {read} năm 2022.", "body", 90.0)
        f = extract([page([*specs[: k + 1], clause, *specs[k + 1 :]])]).fields["valid_until"]
        assert f.value == want and f.confidence <= 0.5, read
    # a word, not a digit's look-alike, is no day; an "s" making no day is none
    assert _licence("Giấy phép này có hiệu lực đến ngày ms tháng 7 năm 2022.")["valid_until"] is None
    assert _licence("Giấy phép này có hiệu lực đến ngày 3S tháng 7 năm 2022.")["valid_until"] is None


def test_an_end_date_with_its_year_read_a_digit_short_is_taken_in_doubt() -> None:
    # seed 595 dev 012: "có hiệu lực đến ngày 19 tháng 10 năm 225." of "2025" (issued 2021): no valid_until
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    clause = ("Giấy phép này có hiệu lực đến ngày 19 tháng 10 năm 225.", "body", 90.0)
    f = extract([page([*specs[: k + 1], clause, *specs[k + 1 :]])]).fields["valid_until"]
    assert f.value == "2025-10-19" and f.confidence <= 0.5
    # several years a digit put back makes ("202": 2020 to 2029): none
    assert _licence("Giấy phép này có hiệu lực đến ngày 19 tháng 10 năm 202.")["valid_until"] is None


def test_forces_and_figures_are_no_validity_clause() -> None:
    # review 31 H1: "số liệu lực lượng" (labour-force figures) and "nhiều lực lượng" (many forces) read as
    # "hiệu lực" gave a sure end date
    for clause in (
        "Đề nghị báo cáo số liệu lực lượng lao động đến ngày 31/12/2024.",
        "Huy động nhiều lực lượng tham gia đến ngày 31/12/2024.",
    ):
        assert _licence(clause)["valid_until"] is None, clause


def test_an_end_date_with_a_slash_lost_is_no_date_with_a_slash_misread() -> None:
    # review 31 L1: "3112/2025" is 31/12 with its slash lost, not 3/12 with a slash read "1"
    assert _licence("Giấy phép này có giá trị đến ngày 3112/2025.")["valid_until"] is None


def test_a_validity_row_cut_in_two_by_the_page_layout_is_read_whole() -> None:
    """Seed 479 dev 012 (a photo): OCR gave "Giấy phép này có hiệu lực" and the rest of its row ("kể từ ngày
    ký và có hiệu lực đến ngày 05 tháng") as two lines, the second after the signature block: both dates
    were lost."""
    from dataclasses import replace

    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    head, rest = "Giấy phép này có hiệu lực", "kể từ ngày ký và có hiệu lực đến ngày 24 tháng"
    specs = [*specs[: k + 1], (head, "body", 90.0), ("4 năm 2025.", "body", 90.0), *specs[k + 1 :]]
    base = page([*specs, (rest, "body", 90.0)])
    first = [w for w in base.words if w.line == k + 1]
    moved = {id(w) for w in base.words if w.line == len(specs)}
    x = max(w.box.x1 for w in first) + 12
    words = []
    for w in base.words:
        if id(w) in moved:
            width = w.box.x1 - w.box.x0
            w = replace(w, box=replace(w.box, x0=x, x1=x + width, y0=first[0].box.y0, y1=first[0].box.y1))
            x += width + 12
        words.append(w)
    v = extract([replace(base, words=tuple(words))]).values()
    assert (v["valid_from"], v["valid_until"]) == ("2021-06-15", "2025-04-24")


def _two_columns(right: str, right_x: float = 1400.0) -> dict[str, ExtractedField]:
    """A licence whose validity clause ("Có hiệu lực từ ngày 15/06/2021", "đến ngày 15/06/2026.") stands in
    the left column, ``right`` in the right one (at ``right_x``) on its first row, read column by column."""
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    clause: list[Spec] = [
        ("Có hiệu lực từ ngày 15/06/2021", "body", 95.0),
        ("đến ngày 15/06/2026.", "body", 95.0),
        (right, f"x={right_x}", 92.0),
    ]
    pg = page([*specs[: k + 1], *clause, *specs[k + 1 :]])
    row = next(w.box for w in pg.words if w.line == k + 1)
    words = tuple(
        replace(w, box=Box(w.box.x0, row.y0, w.box.x1, row.y1)) if w.line == k + 3 else w for w in pg.words
    )
    return extract([replace(pg, words=words)]).fields


def test_another_column_s_date_on_the_clause_s_row_is_no_end_of_it() -> None:
    """REVIEW-39a H1: a two-column licence, "Gia hạn lần 1 đến ngày 01/01/2023" in the right column on the row
    of the left one's "Có hiệu lực từ ngày 15/06/2021": its date was taken as the validity's end (at 0.92)."""
    f = _two_columns("Gia hạn lần 1 đến ngày 01/01/2023")
    assert (f["valid_from"].value, f["valid_until"].value) == ("2021-06-15", "2026-06-15")


def test_the_lines_as_read_come_before_their_rows_rejoined() -> None:
    """A line on the clause's row close enough to be a piece of it: the clause as read gives the validity,
    so the rejoined row is not read (REVIEW-39a H1 b)."""
    left_end = 355.0 + 22 * len("Có hiệu lực từ ngày 15/06/2021") - 22  # (test_extract's 22 px a character)
    f = _two_columns("đến ngày 01/01/2023", right_x=left_end + 30)
    assert (f["valid_from"].value, f["valid_until"].value) == ("2021-06-15", "2026-06-15")


def test_a_long_printed_term_is_no_misread_year() -> None:
    """REVIEW-39a M1: an end counted from a printed term ("thời hạn 60 năm") is what the term says; a right
    to use land or a project's runs up to 70 years; a plain licence's end 53 years on stays in doubt."""
    from digitize.pipeline.fields import REVIEW_THRESHOLD

    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))

    def until(clause: str) -> ExtractedField:
        return extract([page([*specs[: k + 1], (clause, "body", 95.0), *specs[k + 1 :]])]).fields[
            "valid_until"
        ]

    got = until("Thời hạn 60 năm kể từ ngày ký.")  # the act of 2021-06-15
    assert got.value == "2081-06-15" and got.confidence >= REVIEW_THRESHOLD
    for clause, value in (
        ("Thời hạn sử dụng đất đến ngày 15/06/2081.", "2081-06-15"),
        ("Thời hạn thuê đất đến ngày 15/06/2091.", "2091-06-15"),
        ("Dự án có hiệu lực đến ngày 15/06/2086.", "2086-06-15"),
    ):
        got = until(clause)
        assert got.value == value and got.confidence >= REVIEW_THRESHOLD, clause
    for clause, value in (
        ("Thời hạn sử dụng đất đến ngày 15/06/2092.", "2092-06-15"),  # 71 years
        ("Giấy phép có giá trị đến ngày 15/06/2074.", "2074-06-15"),  # 53 years (seed 479 alt 006's 2072)
    ):
        got = until(clause)
        assert got.value == value and got.confidence < REVIEW_THRESHOLD, clause


def test_ke_tu_read_with_a_mark_after_it_still_starts_the_validity_at_the_signing() -> None:
    # seed 615 dev 005 (a blurred photo): "có hiệu lực kể tí: ngày ký", the "ừ"'s hook read as a colon
    v = _licence("Giấy phép này có hiệu lực kể tí: ngày ký và có hiệu lực đến ngày 24 tháng 4 năm 2025.")
    assert (v["valid_from"], v["valid_until"]) == ("2021-06-15", "2025-04-24")


def test_gia_tri_with_gia_read_as_marks_is_still_the_validity_clause_in_doubt() -> None:
    # seed 525 dev 013 (a blurred photo): "có giá trị đến ngày 16/05/2019" read "có \"= trị đến ngày …": no
    # valid_until; "có", marks, "trị" and the date at once are the clause, the word lost a guess: in doubt
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    clause = ('Giấy chứng nhận có "= trị đến ngày 16/05/2019.', "body", 90.0)
    f = extract([page([*specs[: k + 1], clause, *specs[k + 1 :]])]).fields["valid_until"]
    assert f.value == "2019-05-16" and f.confidence < 0.6
    # a word there ("có thể trị"), or words between "trị" and the date: none
    assert _licence("Bệnh có thể trị đến ngày 16/05/2019.")["valid_until"] is None
    assert _licence('Giấy chứng nhận có "= trị giá lớn đến ngày 16/05/2019.')["valid_until"] is None


def _dated_licence(date: str, clause: str) -> dict[str, ExtractedField]:
    specs = [s for s in decision(date=date) if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    return extract([page([*specs[: k + 1], (clause, "body", 90.0), *specs[k + 1 :]])]).fields


def test_a_date_line_read_as_no_day_takes_the_validity_s_end_one_digit_away() -> None:
    # k897 alt 005: the pen's "11" of "ngày 14 tháng 11 năm 2024" read "17": no issue date, no valid_from
    clause = (
        "Giấy phép này có thời hạn 05 năm, có hiệu lực kể từ ngày ký và có hiệu lực đến ngày 14 tháng 11 "
        "năm 2029."
    )
    f = _dated_licence("Thái Nguyên, ngày 14 tháng 17 năm 2024", clause)
    assert (f["issued_date"].value, f["issued_date"].confidence < 0.6) == ("2024-11-14", True)
    assert (f["valid_from"].value, f["valid_from"].confidence < 0.6) == ("2024-11-14", True)
    assert f["valid_until"].value == "2029-11-14"
    # a day read as none ("34" of "14"): the same
    f = _dated_licence("Thái Nguyên, ngày 34 tháng 11 năm 2024", clause)
    assert (f["issued_date"].value, f["issued_date"].confidence < 0.6) == ("2024-11-14", True)
    # w661 dev 005: the pen's day "10" read as letters ("LŨ"), the validity ending in the month read
    clause2 = (
        "Giấy phép này có giá trị 03 năm, có hiệu lực kể từ ngày ký và có hiệu lực đến ngày 10 tháng 12 "
        "năm 2022."
    )
    f = _dated_licence("Hạc Giang, ngày. LŨ tháng 12 năm 2019", clause2)
    assert (f["issued_date"].value, f["issued_date"].confidence < 0.6) == ("2019-12-10", True)
    assert (f["valid_from"].value, f["valid_from"].confidence < 0.6) == ("2019-12-10", True)
    assert _dated_licence("Hạc Giang, ngày. LŨ tháng 11 năm 2019", clause2)["issued_date"].value is None
    # two digits away, or an end in the same year: no date guessed
    assert _dated_licence("Thái Nguyên, ngày 15 tháng 17 năm 2024", clause)["issued_date"].value is None
    assert _dated_licence("Thái Nguyên, ngày 14 tháng 17 năm 2029", clause)["issued_date"].value is None
    # a date line read as a day stays as read
    read = _dated_licence("Thái Nguyên, ngày 14 tháng 10 năm 2024", clause)["issued_date"]
    assert read.value == "2024-10-14"


def test_the_validity_s_end_dates_the_act_only_for_a_term_stated_in_whole_years() -> None:
    # a term of months, of years less a day, or to the year's end ends on another day than the signing's
    until = "Giấy phép này có hiệu lực kể từ ngày ký và có hiệu lực đến ngày {}."
    attacks = [
        ("Thái Nguyên, ngày 14 tháng 15 năm 2024", "14 tháng 05 năm 2025"),  # 6 months: 14/11/2024
        ("Hạc Giang, ngày. LŨ tháng 11 năm 2024", "13 tháng 11 năm 2029"),  # 5 years less a day
        ("Hạc Giang, ngày. LŨ tháng 12 năm 2024", "31 tháng 12 năm 2026"),  # to 31/12
        ("Thái Nguyên, ngày 31 tháng 4 năm 2024", "30 tháng 4 năm 2027"),
    ]
    for date, end in attacks:
        f = _dated_licence(date, until.format(end))
        assert f["valid_until"].value is not None
        assert f["issued_date"].value is None, date
    # a term in whole years the end does not fall at from the year read: none either
    five = "Giấy phép có thời hạn 05 năm, có hiệu lực đến ngày {}."
    assert _dated_licence(attacks[3][0], five.format(attacks[3][1]))["issued_date"].value is None
    assert _dated_licence(attacks[0][0], five.format(attacks[0][1]))["issued_date"].value is None
    # the term stated and the end that many years on: the end's day and month, in doubt
    f = _dated_licence("Thái Nguyên, ngày 14 tháng 17 năm 2024", five.format("14 tháng 11 năm 2029"))
    assert (f["issued_date"].value, f["issued_date"].confidence < 0.6) == ("2024-11-14", True)
    worth = "Giấy chứng nhận có giá trị 02 năm kể từ ngày ký, đến ngày {}."
    f = _dated_licence("Hạc Giang, ngày. LŨ tháng 12 năm 2024", worth.format("31 tháng 12 năm 2026"))
    assert f["issued_date"].value == "2024-12-31"
