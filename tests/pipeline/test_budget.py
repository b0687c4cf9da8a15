"""A document's budget for its pages' second readings (``Settings.ocr_second_pass_seconds``): the passes run
while some is left, what they take is spent, and the processes reading one document's pages share it."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from digitize.config import reset_settings
from digitize.pipeline import preprocess, recognize
from digitize.pipeline.budget import PageTally, PassBudget
from digitize.pipeline.fields import extract
from digitize.pipeline.fields.lines import page_lines
from digitize.pipeline.model import RecognizedPage
from digitize.pipeline.run import second_passes
from tests.pipeline.pages import decree_page

DPI = 200


@pytest.fixture(scope="module")
def dropped_block() -> tuple[preprocess.Prepared, RecognizedPage]:
    """A page whose first reading lost its signature block (nothing read under "Điều 3"): the dropped-block
    pass reads it again from the scan."""
    prepared = preprocess.prepare(np.asarray(decree_page(DPI).convert("RGB")), dpi=DPI)
    first = recognize.recognize(prepared, index=0)
    bottom = next(ln.y1 for ln in page_lines(first) if ln.text.startswith("Điều 3"))
    return prepared, replace(first, words=tuple(w for w in first.words if w.box.y0 < bottom), text="")


def test_second_readings_run_while_the_budget_lasts(
    dropped_block: tuple[preprocess.Prepared, RecognizedPage],
) -> None:
    prepared, cut = dropped_block
    tally = PageTally(60.0)
    again = second_passes(prepared, cut, lang="vie", budget=tally)
    assert extract([again]).values()["signer_name"] == "Nguyễn Văn An"
    assert 0 < tally.spent < 60.0  # what the passes took is spent
    # a budget spent already: no second reading, the page as first read
    assert second_passes(prepared, cut, lang="vie", budget=PageTally(0.0)) is cut


def test_the_setting_is_the_budget_of_a_page_read_on_its_own(
    dropped_block: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared, cut = dropped_block
    monkeypatch.setenv("DIGITIZE_OCR_SECOND_PASS_SECONDS", "0")
    reset_settings()
    assert second_passes(prepared, cut, lang="vie") is cut


def _spend(budget: PassBudget, seconds: float) -> None:
    budget.spend(seconds)


def test_the_processes_reading_one_documents_pages_share_its_budget(tmp_path: Path) -> None:
    budget = PassBudget(tmp_path / "tally", 10.0)
    assert budget.left() == 10.0
    ctx = multiprocessing.get_context("spawn")
    children = [ctx.Process(target=_spend, args=(budget, 1.5)) for _ in range(4)]
    for c in children:
        c.start()
    budget.spend(2.0)
    for c in children:
        c.join(60)
        assert c.exitcode == 0
    assert budget.left() == pytest.approx(2.0)
    budget.spend(-5.0)  # nothing is given back
    assert budget.left() == pytest.approx(2.0)
