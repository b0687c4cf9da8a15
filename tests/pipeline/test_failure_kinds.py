"""Issue #17's failure kinds, on images the tests generate (``samples.failures``, dev family), through the
whole pipeline (intake → preprocess → recognize → extract). Only the kinds the extractor reads today are
here; the others are handed to the fields owner with the generator call that reproduces them."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitize.pipeline.run import process_document
from digitize.text import nfc
from samples.failures import FAILURE_KINDS, write_failure
from samples.generate import load_gt


def same(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (
        a is not None
        and b is not None
        and " ".join(nfc(a).split()).casefold() == " ".join(nfc(b).split()).casefold()
    )


def _run(tmp_path: Path, kind: str, seed: int) -> tuple[dict[str, str | None], dict[str, str | None], str]:
    path = write_failure(kind, seed, tmp_path / kind)
    gt = load_gt(path)
    return gt["fields"], process_document(path, jobs=1).extraction.values(), gt["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "form_lines", "title"),
    [
        ("tl_form", ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), "Chánh Văn phòng"),
        ("q_form", ("Q. GIÁM ĐỐC",), "Quyền Giám đốc"),
    ],
)
def test_signer_of_tl_and_q_forms(tmp_path: Path, kind: str, form_lines: tuple[str, ...], title: str) -> None:
    truth, got, text = _run(tmp_path, kind, 1)
    lines = text.split("\n")
    assert all(f in lines for f in form_lines)  # the document shows the form the test is about
    assert truth["signer_title"] == title
    for key in ("signer_name", "signer_title", "type_name", "code_number", "code_notation", "issued_date"):
        assert same(got[key], truth[key]), (key, truth[key], got[key])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "seed", "keys"),
    [
        # the signer found on the signed page, not on the page after it (other seeds still fail)
        ("annex_after_signature", 2, ("signer_name", "signer_title", "code_number", "issued_date")),
        ("blank_page_after_signature", 2, ("signer_name", "signer_title", "type_name", "subject")),
        # the name read through a grey seal's rim (no red to take the seal away)
        ("grey_seal_over_name", 2, ("signer_name", "signer_title")),
        ("receipt_after_signature", 2, ("signer_name", "signer_title")),
        # BỘ ... / CỤC ...: the ministry is the parent
        ("ministry_header", 2, ("organ_name", "parent_organ", "place", "signer_title")),
        # ỦY BAN NHÂN DÂN / TỈNH X: one organ, no parent
        ("two_line_header", 3, ("organ_name", "parent_organ", "place", "code_notation", "signer_title")),
        # TÒA ÁN NHÂN DÂN / TỈNH X, VIỆN KIỂM SÁT NHÂN DÂN / TỈNH X: one organ, no parent (not "Tỉnh X" under
        # "Tòa án nhân dân")
        ("court_header", 1, ("organ_name", "parent_organ", "place", "code_notation", "signer_title")),
        ("court_header", 2, ("organ_name", "parent_organ", "place", "code_notation", "signer_title")),
    ],
)
def test_failure_kinds_read_today(tmp_path: Path, kind: str, seed: int, keys: tuple[str, ...]) -> None:
    truth, got, _text = _run(tmp_path, kind, seed)
    if kind == "ministry_header":
        assert (truth["parent_organ"] or "").startswith("Bộ ") and (truth["organ_name"] or "").startswith(
            "Cục "
        )
    if kind == "two_line_header":
        assert truth["parent_organ"] is None and (truth["organ_name"] or "").startswith("Ủy ban nhân dân")
    if kind == "court_header":
        assert truth["parent_organ"] is None
        assert (truth["organ_name"] or "").startswith(("Tòa án", "Viện kiểm"))
    for key in keys:
        assert same(got[key], truth[key]), (key, truth[key], got[key])


def test_every_failure_kind_is_a_document_with_truth(tmp_path: Path) -> None:
    # the generator side of the kinds (cheap: no OCR): each kind writes a readable file whose truth is whole
    for name, kind in FAILURE_KINDS.items():
        assert kind.what
        path = write_failure(name, 2, tmp_path / name, dpi=72)
        gt = load_gt(path)
        assert gt["failure"] == name and gt["fields"]["signer_name"] in gt["text"]
        assert gt["pages"] >= 1 and path.stat().st_size > 1000
