"""The signature block's second reading: a seal on a greyscale scan hides the signer from the first pass."""

from __future__ import annotations

import cv2
import numpy as np

from digitize.pipeline import preprocess, recognize, signature
from digitize.pipeline.fields import extract
from samples import generate


def _grey_last_page(kind: str, seed: int) -> tuple[preprocess.Prepared, dict[str, str | None]]:
    doc = generate.make_document(kind, seed)
    # an archive's greyscale scan: the red seal is as dark as the text, no colour to separate it by
    grey = np.asarray(doc.pages[-1].convert("L").convert("RGB"))
    return preprocess.prepare(grey, dpi=300), dict(doc.fields)


def test_signer_under_a_grey_seal_read_by_the_second_pass() -> None:
    prepared, truth = _grey_last_page("quyet_dinh", 0)
    first = recognize.recognize(prepared)
    page = signature.second_pass(prepared, first, lang="vie")
    fields = extract([page]).values()
    assert fields["signer_name"] == truth["signer_name"]
    assert fields["signer_title"] == truth["signer_title"]


def test_page_whose_signer_is_readable_is_left_alone() -> None:
    prepared, truth = _grey_last_page("quyet_dinh", 1)
    first = recognize.recognize(prepared)
    assert extract([first]).values()["signer_name"] == truth["signer_name"]
    assert signature.second_pass(prepared, first, lang="vie") is first


def test_erase_seal_keeps_letters_and_drops_the_ring() -> None:
    img = np.full((400, 600), 255, np.uint8)
    cv2.putText(img, "PHAM", (40, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    cv2.circle(img, (400, 250), 120, 60, 8)  # a seal's ring, dark grey
    out = signature.erase_seal(img, letter=30.0)
    assert (out[:120, :300] < 128).sum() == (img[:120, :300] < 128).sum()  # letters untouched
    assert (out[100:400, 260:560] < 128).sum() < 0.05 * (img[100:400, 260:560] < 128).sum()
