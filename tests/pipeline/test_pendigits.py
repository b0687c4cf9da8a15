"""Pen digits by their shape (``pipeline.pendigits``), trained on real pen digits (MNIST), and the handwritten
blank's last resort that uses it (``handdigits.by_pen_shapes``): digits no Tesseract model reads, taken in
doubt; marks that are no digit, or digits run together, refused."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from digitize.pipeline import handdigits, pendigits
from digitize.pipeline.fields import REVIEW_THRESHOLD
from digitize.pipeline.model import Box

SCRIPT = (
    cv2.FONT_HERSHEY_SCRIPT_SIMPLEX
)  # OpenCV's own handwriting-like strokes: no MNIST digit, no font of ours


def _drawn(text: str, *, font: int = SCRIPT, thick: int = 5, size: float = 3.0, gap: int = 0) -> np.ndarray:
    """``text`` drawn white on black (a mask: ink > 0), one character after another ``gap`` pixels apart."""
    out = np.zeros((130, 70 * len(text) + 40), np.uint8)
    x = 15
    for ch in text:
        (w, _), _ = cv2.getTextSize(ch, font, size, thick)
        cv2.putText(out, ch, (x, 100), font, size, 255, thick, cv2.LINE_AA)
        x += w + gap
    return out


def _crop(text: str, **kw: int) -> np.ndarray:
    """A blank's grey crop (dark ink on white) of ``text`` written."""
    return np.where(_drawn(text, **kw) > 127, 25, 255).astype(np.uint8)


def test_the_weights_are_there_and_fit_the_features() -> None:
    # a missing or stale weights file fails here, loudly (tools/build_pendigits.py makes it)
    mean, scale, w1, b1, w2, b2 = pendigits._weights()
    n = pendigits.features(np.zeros((1, 28, 28), np.float32)).shape[1]
    assert mean.shape == scale.shape == (n,)
    assert w1.shape[0] == n and w1.shape[1] == b1.shape[0] == w2.shape[0]
    assert w2.shape[1] == b2.shape[0] == 11


def test_a_mark_is_brought_to_mnist_s_form() -> None:
    assert pendigits.normalise(np.zeros((30, 20), np.uint8)) is None
    tall = np.zeros((90, 30), np.uint8)
    tall[5:85, 10:20] = 1
    form = pendigits.normalise(tall)
    assert form is not None and form.shape == (28, 28)
    ys, xs = np.nonzero(form > 0.1)
    assert ys.max() - ys.min() + 1 <= pendigits.FIT + 1  # fit into 20 x 20, its aspect kept (narrow)
    assert xs.max() - xs.min() + 1 < 10
    total = float(form.sum())
    cy = float((form.sum(axis=1) * np.arange(28)).sum()) / total
    cx = float((form.sum(axis=0) * np.arange(28)).sum()) / total
    assert abs(cy - 13.5) < 1.0 and abs(cx - 13.5) < 1.0  # centred by its centre of mass


def test_written_digits_are_read_by_their_shape() -> None:
    # digits in a handwriting-like stroke font the classifier never saw, thin to bold, big and small
    for font in (cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, cv2.FONT_HERSHEY_SCRIPT_COMPLEX):
        for thick in (3, 5, 7):
            for d in "0123456789":
                got = pendigits.read_mark(_drawn(d, font=font, thick=thick) > 127)
                assert got is not None and got.digit == d and got.probability >= 0.8, (font, thick, d, got)
    for d in "0123456789":  # about 30 pixels high, as a written digit at 200 dpi
        small = cv2.resize(_drawn(d), None, fx=0.3, fy=0.3, interpolation=cv2.INTER_AREA)
        got = pendigits.read_mark(small > 100)
        assert got is not None and got.digit == d, (d, got)


def test_marks_that_are_no_digit_are_not_read_as_one() -> None:
    for ch in "CTUNKMAX:-":
        got = pendigits.read_mark(_drawn(ch, font=cv2.FONT_HERSHEY_SIMPLEX) > 127)
        assert got is not None and (got.digit == "" or got.probability < handdigits.PEN_SURE), (ch, got)
    ring = np.zeros((200, 200), np.uint8)
    cv2.ellipse(ring, (100, 400), (380, 380), 0, 250, 290, 255, 8)  # an arc of a seal's ring
    got = pendigits.read_mark(ring[:120] > 0)
    assert got is not None and (got.digit == "" or got.probability < handdigits.PEN_SURE)


def test_a_blank_no_model_reads_is_taken_in_doubt_by_its_digits_shapes() -> None:
    number = handdigits.Kind.NUMBER
    assert handdigits.by_pen_shapes([_crop("68", gap=12)], number) == ("68", handdigits.PEN_CONF)
    assert handdigits.by_pen_shapes([_crop("31", gap=12)], handdigits.Kind.DAY) == ("31", handdigits.PEN_CONF)
    assert handdigits.PEN_CONF < 60  # in doubt: review
    # every cut must say the same
    assert handdigits.by_pen_shapes([_crop("68", gap=12), _crop("63", gap=12)], number) is None
    # a value that fits no day ("70"), ones alone (a "/" is one stroke too), a letter among the marks
    assert handdigits.by_pen_shapes([_crop("70", gap=12)], handdigits.Kind.DAY) is None
    assert handdigits.by_pen_shapes([_crop("11", gap=12)], number) is None
    assert handdigits.by_pen_shapes([_crop("0T", gap=12)], number) is None


def test_digits_run_together_are_no_one_digit() -> None:
    # "25" written in one stroke of ink (the digits touch): one mark wider than high, never read as one digit
    crop = _crop("25", gap=-14)
    marks = handdigits._digit_marks(crop)
    assert len(marks) == 1 and marks[0].shape[1] > marks[0].shape[0]
    assert handdigits.by_pen_shapes([crop], handdigits.Kind.DAY) is None


@pytest.mark.slow
def test_a_real_directive_s_written_number_is_read_in_doubt(shared_dir: Path, tmp_path: Path) -> None:
    # the real Quảng Ngãi directive 07/CT-UBND (2018, ../shared/realworld, measured, never copied): its
    # number "07" written in bold with a crossed 7, which neither Tesseract model reads; its first page
    # scanned again at 200 dpi, grey
    import pypdfium2 as pdfium

    from digitize.pipeline.run import process_document

    pdf = shared_dir / "realworld" / "signed" / "2352___07-CT-UBND_.signed_20250221_092046.pdf"
    if not pdf.is_file():
        pytest.skip("../shared/realworld is not present")
    doc = pdfium.PdfDocument(str(pdf))
    page = doc[0].render(scale=200 / 72).to_pil().convert("L")
    doc.close()
    scan = tmp_path / "directive_p1.tif"
    page.save(scan, dpi=(200, 200), compression="tiff_deflate")
    fields = process_document(scan, jobs=1).extraction.fields
    number = fields["code_number"]
    assert number.value == "07"
    assert number.confidence < REVIEW_THRESHOLD
    # its written day "20", the looped "2" a "7" to the shapes ("70" no day), Tesseract's "20" read whole
    # once: the two together give it (``pen_fitted``), in doubt
    issued = fields["issued_date"]
    assert issued.value == "2018-03-20"
    assert issued.confidence < REVIEW_THRESHOLD


def test_a_value_read_in_doubt_gives_way_to_clear_shapes_and_a_sure_one_is_doubted() -> None:
    pen = ("07", handdigits.PEN_CONF)
    assert handdigits.pen_contested(("67", 54.0), pen) == pen  # read in doubt: the shapes' value
    assert handdigits.pen_contested(("67", 91.0), pen) == ("67", handdigits.AGREED_MAX_CONF)  # sure: doubted
    assert handdigits.pen_contested(("7", 54.0), pen) == ("7", 54.0)  # other digits' count: no contest
    assert handdigits.pen_contested(("07", 91.0), pen) == ("07", 91.0)  # the same
    assert handdigits.pen_contested(("67", 54.0), None) == ("67", 54.0)  # the shapes unclear


def test_ones_and_sevens_the_shapes_do_not_tell_apart_are_no_contest() -> None:
    # a "1" with a flag and no foot (as many write it) is a clear "7" to the shapes, a "7" with a short bar
    # and a long stem a clear "1" (review of session 52): the readings' value stays as it was
    assert handdigits.pen_contested(("11", 55.0), ("77", handdigits.PEN_CONF)) == ("11", 55.0)
    assert handdigits.pen_contested(("1985", 92.0), ("7985", handdigits.PEN_CONF)) == ("1985", 92.0)
    assert handdigits.pen_contested(("75", 55.0), ("15", handdigits.PEN_CONF)) == ("75", 55.0)
    # a flagged "1" alone, read "7" by the shapes, is refused as the blank's last resort too
    one = np.zeros((130, 90), np.uint8)
    cv2.line(one, (50, 10), (45, 115), 255, 7)
    cv2.line(one, (50, 10), (25, 35), 255, 7)
    crop = np.where(one > 0, 25, 255).astype(np.uint8)
    got = pendigits.read_mark(one > 0)
    assert got is None or got.digit != "7" or handdigits.by_pen_shapes([crop], handdigits.Kind.DAY) is None


def test_a_printed_slash_the_cut_took_in_is_no_written_one() -> None:
    slash = np.zeros((130, 70), np.uint8)
    cv2.line(slash, (55, 12), (18, 118), 255, 5)
    assert handdigits.slash_lean(slash > 0) > handdigits.PEN_SLASH_LEAN
    upright = np.zeros((130, 70), np.uint8)
    cv2.line(upright, (38, 12), (33, 118), 255, 6)
    assert handdigits.slash_lean(upright > 0) < handdigits.PEN_SLASH_LEAN
    crop = np.hstack([_crop("6"), np.where(slash > 0, 25, 255).astype(np.uint8)])
    assert handdigits.by_pen_shapes([crop], handdigits.Kind.DAY) is None  # not "61"


def test_hostile_marks_and_crops_give_nothing_or_a_verdict_never_an_error() -> None:
    assert pendigits.read_mark(np.zeros((0, 0), bool)) is None
    assert pendigits.read_mark(np.zeros((5, 5, 3), bool)) is None
    assert isinstance(pendigits.read_mark(np.ones((20000, 3000), bool)), pendigits.MarkRead)  # brought down
    assert handdigits.by_pen_shapes([np.zeros((0, 0), np.uint8)], handdigits.Kind.NUMBER) is None
    assert handdigits.by_pen_shapes([np.full((2, 300), 255, np.uint8)], handdigits.Kind.NUMBER) is None


def _crossed_seven_after_zero() -> np.ndarray:
    """A grey crop of a written "07" at 120 dpi's size: a ring, then a "7" whose bar, slanted stem and cross
    stroke are so close that its mark is one stroke (``one_stroke``), as a flagged "1"'s is."""
    ink = np.zeros((40, 60), np.uint8)
    cv2.ellipse(ink, (15, 20), (6, 10), 0, 0, 360, 255, 3)
    cv2.line(ink, (33, 9), (41, 9), 255, 3)
    cv2.line(ink, (41, 9), (33, 28), 255, 3)
    cv2.line(ink, (32, 18), (45, 16), 255, 3)
    return np.where(ink > 0, 25, 255).astype(np.uint8)


def test_a_seven_the_readings_read_too_is_kept_and_the_shapes_contest_the_rest() -> None:
    # the real directive's "07" at 120 dpi: read "67" at 54 by Tesseract; its crossed "7" one stroke to the
    # shapes, refused alone (a flagged "1"?), but the readings read "7" there too: the "0" contests the "6"
    crop = _crossed_seven_after_zero()
    marks = handdigits._digit_marks(crop)
    assert len(marks) == 2 and handdigits.one_stroke(marks[1])
    number = handdigits.Kind.NUMBER
    assert handdigits.by_pen_shapes([crop], number) is None  # the shapes alone: refused, as before
    pen = handdigits.by_pen_shapes([crop], number, "67")
    assert pen == ("07", handdigits.PEN_CONF)
    assert handdigits.pen_contested(("67", 54.0), pen) == pen
    # a reading with no "7" at the mark keeps the refusal
    assert handdigits.by_pen_shapes([crop], number, "61") is None


def test_the_shapes_and_a_whole_reading_vote_together_for_a_value_that_fits() -> None:
    day, month = handdigits.Kind.DAY, handdigits.Kind.MONTH
    fit = handdigits.pen_fitted
    # a "4" the shapes read at 0.83, "45" no day: a whole reading "15" agreeing on the "5" gives it, in doubt
    crop = _crop("45", font=cv2.FONT_HERSHEY_COMPLEX, gap=12)
    assert handdigits.by_pen_shapes([crop], day) is None
    assert fit([crop], day, [[("1", 70.0), ("15", 40.0), ("5", 0.0)]]) == ("15", handdigits.PEN_CONF)
    # no whole reading, one read under PEN_FIT_READ, one off on both marks, or two values: none
    assert fit([crop], day, [[("1", 70.0), ("5", 60.0)]]) is None
    assert fit([crop], day, [[("15", handdigits.PEN_FIT_READ - 1)]]) is None
    assert fit([crop], day, [[("13", 60.0)]]) is None
    assert fit([crop], day, [[("15", 60.0), ("25", 60.0)]]) is None
    # a mark the shapes read surely ("9" at 1.0) is not overruled: "95" stays no day
    assert fit([_crop("95", gap=12)], day, [[("25", 80.0)]]) is None
    # a mark the shapes do not read clearly (the script "0" at 0.79) is the readings' to give
    assert fit([_crop("10", gap=12)], month, [[("10", 60.0)]]) == ("10", handdigits.PEN_CONF)
    # where the shapes alone fit, theirs stands (``by_pen_shapes``), the readings give nothing here
    assert fit([_crop("25", gap=12)], day, [[("23", 80.0)]]) is None
    # ones alone are none (a "/" reads "1")
    assert fit([_crop("10", gap=12)], month, [[("11", 60.0)]]) is None


def test_a_whole_reading_the_shapes_agree_with_mark_by_mark_is_taken_in_doubt() -> None:
    # a written "879" read "879" at 94 once and "819" at 23 (seed k905 alt 004): its "7" one stroke to the
    # shapes (a flagged "1"?), but the reading reads "7" there too; "819" would overrule a "7" read at ~1.0
    crop = _crossed_seven_after_zero()
    number = handdigits.Kind.NUMBER
    assert handdigits.pen_fitted([crop], number, [[("07", 94.0), ("01", 23.0)]]) == (
        "07",
        handdigits.PEN_CONF,
    )
    assert handdigits.pen_fitted([crop], number, [[("01", 60.0)]]) is None
    # a mark the shapes read no digit is no digit a reading gives it ("5/" read "51")
    slash = np.zeros((130, 70), np.uint8)
    cv2.line(slash, (55, 12), (18, 118), 255, 5)
    crop = np.hstack([_crop("5"), np.where(slash > 0, 25, 255).astype(np.uint8)])
    assert handdigits.pen_fitted([crop], number, [[("51", 80.0)]]) is None


def test_printed_letters_at_the_cut_s_ends_are_left_out_of_the_readings_match() -> None:
    # a written day "25" cut with a printed "T" beside it (a letter of the word after the blank): no digit,
    # the shapes alone give none; a whole reading "25" (even at 0) agreeing with them mark by mark gives it
    day = handdigits.Kind.DAY
    letter = _crop("T", font=cv2.FONT_HERSHEY_SIMPLEX)
    crop = np.hstack([_crop("25", gap=12), letter])
    assert handdigits.by_pen_shapes([crop], day) is None
    assert handdigits.pen_fitted([crop], day, [[("25", 0.0)]]) == ("25", handdigits.PEN_CONF)
    # a letter between the digits is no end: left in, no reading has a digit for it
    between = np.hstack([_crop("2", gap=12), letter, _crop("5", gap=12)])
    assert handdigits.pen_fitted([between], day, [[("25", 60.0)]]) is None


def test_readings_that_read_the_overruled_mark_otherwise_give_none() -> None:
    # the "4" the shapes read at 0.83 read "1" once and "7" once: "75" is no day, but the readings disagree
    # on the mark the shapes would be overruled on (a slanted "1" read "19", "29", "79"): none
    crop = _crop("45", font=cv2.FONT_HERSHEY_COMPLEX, gap=12)
    assert handdigits.pen_fitted([crop], handdigits.Kind.DAY, [[("15", 60.0), ("75", 60.0)]]) is None


def test_a_first_reading_that_is_no_day_is_the_shapes_and_readings_to_repair() -> None:
    box = Box(0, 0, 80, 50)
    assert handdigits.no_date_part(handdigits.Blank(handdigits.Kind.DAY, 4, box, (), "79", 90.0))
    assert handdigits.no_date_part(handdigits.Blank(handdigits.Kind.MONTH, 4, box, (), "13", 90.0))
    assert not handdigits.no_date_part(handdigits.Blank(handdigits.Kind.DAY, 4, box, (), "19", 90.0))
    assert not handdigits.no_date_part(handdigits.Blank(handdigits.Kind.DAY, 4, box, (), "", 0.0))
    assert not handdigits.no_date_part(handdigits.Blank(handdigits.Kind.NUMBER, 4, box, (), "79", 90.0))


def test_a_written_digit_the_shapes_read_no_digit_is_not_dropped_where_a_reading_has_it() -> None:
    # review: a day "20", a script "2" then a slashed "0" (no digit to the shapes at 0.84), read "20" whole
    # (at 0) and "2": the "0" is no printed letter to leave out, or the partial "2" would win
    crop = np.hstack([_crop("2", gap=12), _crop("0", font=cv2.FONT_HERSHEY_PLAIN)])
    day = handdigits.Kind.DAY
    assert handdigits.pen_fitted([crop], day, [[("20", 0.0), ("2", 0.0)]]) is None
    # no reading has a digit for it: left out, as a printed letter is
    assert handdigits.pen_fitted([crop], day, [[("2", 0.0)]]) == ("2", handdigits.PEN_CONF)


def test_the_shapes_own_value_goes_before_one_reading_overruling_a_mark() -> None:
    # review: a day "24", the shapes "2" at 1.0 and "4" at 0.83-0.87, read "21" at 30 once: the shapes' "24"
    # (Hershey Plain: with OpenCV 5.1, which make setup now installs, Complex's "4" is no digit to the shapes)
    crop = _crop("24", font=cv2.FONT_HERSHEY_PLAIN, gap=12)
    day = handdigits.Kind.DAY
    each = [[("21", 30.0), ("4", 60.0)]]
    assert handdigits.by_pen_shapes([crop], day) == ("24", handdigits.PEN_CONF)
    assert handdigits.pen_value([crop], day, each) == ("24", handdigits.PEN_CONF)
    # where the shapes' own value is none ("45" no day), the reading may still give one
    crop = _crop("45", font=cv2.FONT_HERSHEY_COMPLEX, gap=12)
    assert handdigits.pen_value([crop], day, [[("15", 40.0)]]) == ("15", handdigits.PEN_CONF)


def test_one_reading_does_not_overrule_a_mark_the_shapes_read_at_0_9() -> None:
    # review: a "4" the shapes read at 0.93 ("45" no day), read "15" once: none (the real directive's looped
    # "2", read "7" at 0.69-0.89, is still overruled)
    four = np.where(_drawn("4", font=cv2.FONT_HERSHEY_SIMPLEX, size=2.0) > 127, 25, 255).astype(np.uint8)
    crop = np.hstack([four, _crop("5", gap=12)])
    reads = handdigits._pen_reads(crop)
    assert reads is not None and len(reads) == 2
    got = reads[0][1]
    assert got is not None and got.digit == "4" and 0.9 <= got.probability < 0.95
    assert handdigits.pen_fitted([crop], handdigits.Kind.DAY, [[("15", 60.0)]]) is None


def _squeezed(mask: np.ndarray, slant: float, narrow: float) -> np.ndarray:
    """A mask made ``narrow`` times as wide and slanted by ``slant`` (negative: leaning back)."""
    high, wide = mask.shape
    move = np.array([[narrow, slant, -slant * high / 2 + (1 - narrow) * wide / 2], [0, 1, 0]], np.float32)
    return np.asarray(cv2.warpAffine(mask, move, (int(wide), int(high))))


def test_a_seven_kept_as_read_lets_only_marks_read_all_but_surely_contest() -> None:
    # review: a narrow back-slanted script "6" before a script "7", read "67": the "7" one stroke (kept only
    # as the readings read "7"), the "6" a "0" to the shapes at 0.965: a right "67" must not give way
    six = _squeezed(_drawn("6"), -0.5, 0.63)
    crop = np.where(np.hstack([six, _drawn("7")]) > 127, 25, 255).astype(np.uint8)
    reads = handdigits._pen_reads(crop)
    assert reads is not None and [g.digit if g else None for _, g in reads] == ["0", "7"]
    assert handdigits.by_pen_shapes([crop], handdigits.Kind.NUMBER) is None
    pen = handdigits.by_pen_shapes([crop], handdigits.Kind.NUMBER, "67")
    assert pen is None
    assert handdigits.pen_contested(("67", 90.0), pen) == ("67", 90.0)
    # the real directive's crossed "07" at 120 dpi, its "0" read at 1.0: still the shapes' "07"
    assert handdigits.by_pen_shapes([_crossed_seven_after_zero()], handdigits.Kind.NUMBER, "67") == (
        "07",
        handdigits.PEN_CONF,
    )


def test_a_first_reading_with_other_digits_than_ascii_ones_is_no_error() -> None:
    # review: "²" is a digit to ``str.isdigit`` and no number to ``int``
    box = Box(0, 0, 80, 50)
    assert not handdigits.no_date_part(handdigits.Blank(handdigits.Kind.DAY, 4, box, (), "1²", 90.0))
    assert handdigits.no_date_part(handdigits.Blank(handdigits.Kind.DAY, 4, box, (), "7²9", 90.0))


def _leaning(text: str, shear: float) -> np.ndarray:
    """``text`` written (``_crop``) with its top pushed right by ``shear`` of its height."""
    d = _drawn(text)
    m = np.float32([[1, -shear, shear * d.shape[0]], [0, 1, 0]])
    return np.where(cv2.warpAffine(d, m, (d.shape[1] + 80, d.shape[0])) > 127, 25, 255).astype(np.uint8)


def test_a_number_s_first_one_leaning_as_a_slash_is_the_pen_s() -> None:
    # k915 dev 002: a script "1284" whose "1" leans 0.29 (the "/" does from 0.27), "2", "8" and "4" clear to
    # the shapes: the "1" refused as the notation's "/", the number unread. The "/" stands after the number,
    # never before its first digit: a number's first mark leaning so is the pen's "1"
    digits = _crop("68", gap=12)
    rows = np.nonzero((digits < 128).any(axis=1))[0]
    top, bottom = int(rows[0]), int(rows[-1])
    lean = np.zeros((digits.shape[0], 50), np.uint8)  # a "1" as tall as the digits, leaning 0.3
    cv2.line(lean, (10 + round(0.42 * (bottom - top)), top + 2), (10, bottom - 2), 255, 5)
    mark = (lean > 0)[top : bottom + 1]
    assert handdigits.slash_lean(mark) > handdigits.PEN_SLASH_LEAN
    got = pendigits.read_mark(mark)
    assert got is not None and got.digit == "1" and got.probability >= handdigits.PEN_SURE
    one = np.where(lean > 0, 25, 255).astype(np.uint8)
    number, day = handdigits.Kind.NUMBER, handdigits.Kind.DAY
    assert handdigits.by_pen_shapes([np.hstack([one, digits])], number) == ("168", handdigits.PEN_CONF)
    assert handdigits.pen_value([np.hstack([one, digits])], number, [[("168", 40.0)]]) is not None
    # the same stroke last (the "/" the cut took in after the digits), alone, or leading a day: refused
    assert handdigits.by_pen_shapes([np.hstack([digits, one])], number) is None
    assert handdigits.by_pen_shapes([np.hstack([one, _crop("8")])], day) is None
    # (review) a stroke twice the digits' height before them (a stray slash, a stamp's arc) leads nothing:
    # no "1" put before the number
    tall = np.zeros((digits.shape[0], 70), np.uint8)
    cv2.line(tall, (55, 12), (18, 118), 255, 5)
    stroke = np.where(tall > 0, 25, 255).astype(np.uint8)
    assert handdigits.by_pen_shapes([np.hstack([stroke, digits])], number) is None
    # (review) a leaning "6" the shapes read unclearly (0.73) is no "1" a lone reading makes of it
    six = _leaning("6", 0.45)
    (first,) = handdigits._digit_marks(six)
    said = pendigits.read_mark(first)
    assert said is not None and said.digit == "6" and said.probability < handdigits.PEN_FIT_MOST
    assert handdigits.slash_lean(first) > handdigits.PEN_SLASH_LEAN
    assert handdigits.pen_value([np.hstack([six, digits])], number, [[("168", 30.0)]]) is None
    # which marks lead: a number's first of two or more, no taller than the rest
    marks = handdigits._digit_marks(np.hstack([one, digits]))
    assert handdigits.leads_number(number, marks, 0) and not handdigits.leads_number(number, marks[:1], 0)
    assert not handdigits.leads_number(number, marks, 1) and not handdigits.leads_number(day, marks, 0)
