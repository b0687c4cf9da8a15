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
from digitize.pipeline.budget import PageTally, PassBudget, cpu_seconds
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


def test_the_budget_counts_cpu_not_the_wait_of_a_loaded_machine() -> None:
    """Waiting (a machine loaded twenty deep: the reading's thread waits for a core) spends nothing; the
    thread's work and a Tesseract child's work are spent."""
    import subprocess
    import sys
    import time

    c0 = cpu_seconds()
    time.sleep(0.5)
    assert cpu_seconds() - c0 < 0.1
    c0 = cpu_seconds()
    end = time.process_time() + 0.3
    while time.process_time() < end:
        pass
    assert cpu_seconds() - c0 > 0.25
    c0 = cpu_seconds()
    busy = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass"
    subprocess.run([sys.executable, "-c", busy], check=True)
    assert cpu_seconds() - c0 > 0.3


def test_a_pass_that_waits_spends_no_more_than_its_work(
    dropped_block: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same second readings with every Tesseract call kept waiting 1 s (a loaded machine) spend about
    what they spend unloaded, not the waits: a budget of 3 s, which the waits alone pass, still reads the
    dropped block."""
    import time

    from digitize.tools import tesseract

    prepared, cut = dropped_block
    calm = PageTally(60.0)
    second_passes(prepared, cut, lang="vie", budget=calm)
    real = tesseract.image_to_data
    calls = []

    def waiting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        time.sleep(1.0)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tesseract, "image_to_data", waiting)
    tally = PageTally(max(3.0, calm.spent * 2 + 1))
    again = second_passes(prepared, cut, lang="vie", budget=tally)
    assert tally.spent < calm.spent * 1.5 + 0.5  # the work, not the waits
    assert len(calls) > tally.seconds  # the waits alone pass the budget...
    assert extract([again]).values()["signer_name"] == "Nguyễn Văn An"  # ...yet every pass ran


def test_a_page_process_runs_opencv_on_one_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page process's OpenCV keeps to one thread (``Settings.ocr_opencv_threads``: one process per core,
    as Tesseract's one thread); 0 gives OpenCV its default back."""
    import cv2

    from digitize.pipeline.run import process_document

    path = tmp_path / "page.png"
    decree_page(DPI).save(path, dpi=(DPI, DPI))
    cv2.setNumThreads(-1)
    default = cv2.getNumThreads()
    try:
        process_document(path, jobs=1)
        assert cv2.getNumThreads() == 1
        monkeypatch.setenv("DIGITIZE_OCR_OPENCV_THREADS", "0")
        reset_settings()
        process_document(path, jobs=1)
        assert cv2.getNumThreads() == default
    finally:
        cv2.setNumThreads(-1)
        reset_settings()
