"""Generated stacks split exactly: mixed types, an annex with the motto, turned pages, blank backs with noise,
holes and bleed-through, a QR and a PATCH-T separator — through the real evidence (zxing-cpp, the pipeline's
preprocessing, Tesseract) and the split rules."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from digitize.pipeline import intake, split
from samples import stacks
from samples.stacks import DocSpec


def plan_for(path) -> split.SplitPlan:  # type: ignore[no-untyped-def]
    info = intake.inspect(path)
    with ProcessPoolExecutor(2) as pool:
        return split.plan(list(pool.map(split.page_evidence, info.pages)))


@pytest.mark.slow
def test_generated_stack_splits_exactly(tmp_path):
    specs = [
        DocSpec("quyet_dinh", 501, min_pages=2, annex=True, rotations=(0, 180, 90), blank_backs=(True,)),
        DocSpec("giay_phep", 502, separator_before="qr", rotations=(270,), blank_backs=(False, True)),
        DocSpec("cong_van", 503, separator_before="patch", blank_backs=(True,)),
        DocSpec("giay_chung_nhan", 504, rotations=(90,)),
    ]
    stack = stacks.build_stack(specs, seed=5)
    truth = stack.truth()
    # the stack holds what the issue names
    assert truth["separator_kinds"] == ["patch", "qr"]
    assert truth["annex"] and len(truth["rotated"]) >= 3 and len(truth["blank"]) >= 2
    path = stacks.write_stack(stack, tmp_path / "stack.pdf")
    plan = plan_for(path)
    assert [list(d.pages) for d in plan.documents] == [d["pages"] for d in truth["documents"]]
    assert [list(d.blank_pages) for d in plan.documents] == [d["blank_pages"] for d in truth["documents"]]
    roles = {d.index: d.role for d in plan.decisions}
    assert all(roles[i] is split.PageRole.SEPARATOR for i in truth["separators"])
    assert not plan.needs_review
