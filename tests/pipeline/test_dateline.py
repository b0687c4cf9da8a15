"""The header's date line read again on a blurred photo, its date taken by the readings' vote, in doubt."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from digitize.pipeline import dateline, preprocess, recognize
from digitize.pipeline.fields import extract
from digitize.pipeline.model import RecognizedPage
from samples import generate


def _photo(seed: int, blur: float) -> tuple[np.ndarray, dict[str, str | None]]:
    """The first page of a generated decision as a phone photo (~1700 px high), out of focus by ``blur``."""
    doc = generate.make_document("quyet_dinh", seed)
    rgb = np.asarray(doc.pages[0].convert("RGB"))
    f = 1700 / rgb.shape[0]
    small = cv2.resize(rgb, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    if blur:
        small = cv2.GaussianBlur(small, (0, 0), blur)
    return small, dict(doc.fields)


def _date_words_garbled(page: RecognizedPage) -> RecognizedPage:
    """The first reading with the date line's "ngày"/"năm" read as a blur leaves them ("nIgáy", "nIãm")."""
    ln = dateline.date_line(page)
    assert ln is not None
    garbled = {"ngày": "nIgáy", "năm": "nIãm"}
    ids = {id(w) for w in ln.words}
    words = [replace(w, text=garbled.get(w.text, w.text)) if id(w) in ids else w for w in page.words]
    return replace(page, words=tuple(words))


def test_a_blurred_photo_s_date_line_is_read_again_and_its_date_taken_in_doubt() -> None:
    rgb, truth = _photo(3, 1.8)
    prepared = preprocess.prepare(rgb, dpi=150)
    assert prepared.blurred
    first = _date_words_garbled(recognize.recognize(prepared, lang="vie"))
    assert extract([first]).values()["issued_date"] is None
    page = dateline.second_pass(prepared, first, lang="vie")
    found = extract([page]).fields["issued_date"]
    assert found.value == truth["issued_date"]
    assert found.confidence < 0.6  # blurred digits are misread alike: a person confirms it


def test_a_sharp_page_is_not_read_again() -> None:
    rgb, _ = _photo(3, 0.0)
    prepared = preprocess.prepare(rgb, dpi=150)
    assert not prepared.blurred
    first = _date_words_garbled(recognize.recognize(prepared, lang="vie"))
    assert dateline.second_pass(prepared, first, lang="vie") is first


def test_a_page_without_a_header_has_no_date_line() -> None:
    page = RecognizedPage(index=0, source="ocr", width=1000.0, height=1400.0, text="", words=())
    assert dateline.date_line(page) is None
