"""Run the pipeline on one document: intake → (per page) preprocess → recognize → compose → extract.

Page-granular: ``process_page`` takes only small picklable values (a ``PageSource`` and a path for the page
image), so the same function runs in a process pool here and in a Celery task elsewhere. ``process_document``
runs the OCR pages in parallel, one process per core (``tools.tesseract`` runs each Tesseract with
``OMP_THREAD_LIMIT=1`` in its own environment).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digitize.config import Settings, get_settings
from digitize.pipeline import intake
from digitize.pipeline.budget import WALL_PER_CPU, Budget, PageTally, PassBudget, cpu_seconds
from digitize.pipeline.intake import Intake, PageSource
from digitize.pipeline.model import Extraction, RecognizedPage
from digitize.tools import tesseract

if TYPE_CHECKING:
    from digitize.pipeline.preprocess import Prepared


@dataclass(frozen=True)
class DocumentResult:
    path: Path
    sha256: str
    kind: str  # pdf | jpeg | png | tiff
    page_count: int
    pages: tuple[RecognizedPage, ...]
    text: str  # pages separated by form feed (\f)
    confidence: float | None  # mean OCR word confidence 0..1 over OCR'd pages; None when nothing was OCR'd
    output: Path | None
    extraction: Extraction

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.source == "ocr")

    def fields(self) -> dict[str, str | None]:
        return self.extraction.values()


def process_page(
    src: PageSource,
    image_out: Path | None = None,
    *,
    lang: str | None = None,
    budget: Budget | None = None,
) -> RecognizedPage:
    """Preprocess and recognize one page; when ``image_out`` is given, write its upright colour JPEG there.
    ``budget``: the document's budget for second readings (``pipeline.budget``); None: the page's own."""
    from digitize.pipeline import compose, preprocess, recognize
    from digitize.tools import malloc

    malloc.keep_freed_memory()
    _opencv_threads(get_settings().ocr_opencv_threads)
    rgb = intake.load_page(src)
    # a blurred page of small print is read with the mask first, its streak looked for only when that
    # reading is unsure on the band (``preprocess.MASK_FIRST_SURE``)
    prepared = preprocess.prepare(rgb, dpi=src.dpi, mask_first=True)
    del rgb
    # a page warped flat (phone shot) is shown as warped, not as the photo came in
    if image_out is not None and (prepared.rectified or not _copy_jpeg(src, image_out)):
        compose.encode_jpeg(prepared.master, image_out)
    page = recognize.recognize(prepared, index=src.index, lang=lang)
    prepared, page = recognize.choose_after_reading(prepared, page, lang=lang)
    # the second readings, a page read empty as one column and a blurred page's second scale first, share
    # the document's budget
    tally = budget if budget is not None else PageTally(get_settings().ocr_second_pass_seconds)
    left = tally.left()
    # the page's second readings all end by WALL_PER_CPU times what the budget had left when they began
    page_end = time.monotonic() + max(0.0, left) * WALL_PER_CPU
    if left > 0:
        # whole-page readings: within the page timeout too
        wall = min(left * WALL_PER_CPU, get_settings().ocr_page_timeout)
        c0 = cpu_seconds()
        try:
            with tesseract.deadline(time.monotonic() + wall), tesseract.cpu_limit(c0 + left):
                page, psm = recognize.as_one_column(prepared, page, lang=lang, timeout=wall)
                prepared, page = recognize.deconvolved_again(prepared, page, lang=lang, timeout=wall, psm=psm)
                prepared, page = recognize.second_scale(prepared, page, lang=lang, timeout=wall, psm=psm)
        finally:
            tally.spend(cpu_seconds() - c0)
    page = second_passes(
        prepared, page, lang=lang or get_settings().ocr_languages, budget=tally, page_end=page_end
    )
    page = recognize.letters_again_dropped(page)
    if get_settings().ocr_correct:
        from digitize.pipeline import correct

        page = correct.correct(page)
    return page


def _opencv_threads(n: int) -> None:
    """OpenCV's thread pool in this page process: ``n`` threads (0: its default, one per core)."""
    import cv2

    cv2.setNumThreads(n if n > 0 else -1)


def second_passes(
    prepared: Prepared,
    page: RecognizedPage,
    *,
    lang: str,
    budget: Budget | None = None,
    page_end: float | None = None,
) -> RecognizedPage:
    """The targeted second readings of a page, in order, each only while the document's budget
    (``Settings.ocr_second_pass_seconds``, CPU seconds) has some left, its readings stopped once they have
    used what was left (``tesseract.cpu_limit``) and ended by ``WALL_PER_CPU`` times it in wall time, and by
    ``page_end`` (``time.monotonic()``; None: when the first pass begins, by ``WALL_PER_CPU`` times what the
    budget had left then); the CPU each took is spent from the budget (``pipeline.budget``)."""
    from digitize.pipeline import (
        blurred,
        dropped,
        gaps,
        handdigits,
        headband,
        header,
        rows,
        signature,
        stamps,
        uncovered,
    )

    passes: tuple[tuple[Callable[..., RecognizedPage], float, bool], ...] = (
        # (pass, its own timeout per reading, whether it takes the OCR languages)
        (stamps.second_pass, 60.0, True),
        (dropped.second_pass, 60.0, True),
        (signature.second_pass, 60.0, True),
        (signature.name_pass, 30.0, True),
        (signature.row_pass, 30.0, True),
        (signature.prefix_pass, 30.0, True),  # an acting head's "Q." left out before the title, read again
        (signature.marks_pass, 30.0, True),  # a name's word whose tone mark the extractor left out
        (signature.marks_vote_pass, 30.0, True),  # a doubted name's word whose marks its line's readings vote
        (headband.second_pass, 30.0, True),
        (signature.sure_marks_pass, 30.0, True),  # a sure name's word with marks no listed name has
        (signature.dot_hook_pass, 0.0, False),  # no OCR: a sure name's "i", its dot read a hook by the pixels
        (signature.lost_tone_pass, 30.0, True),  # a sure name's word read unsurely, its tone mark lost
        (header.date_pass, 30.0, True),  # a lost date line, before its digits are read again
        (rows.second_pass, 0.0, False),  # no OCR: a header row split in two made one line
        (handdigits.second_pass, 30.0, False),  # digits: its own languages
        (blurred.second_pass, 30.0, True),
        (header.second_pass, 30.0, True),
        (gaps.second_pass, 30.0, True),  # a blurred page's words lost inside a line, read in their gap
        # last: blocks of a blurred page its layout left out and no pass above read (first, it read a lost
        # header's organ lines and so kept headband from reading the header's band with its title)
        (uncovered.second_pass, 30.0, True),
    )
    tally = budget if budget is not None else PageTally(get_settings().ocr_second_pass_seconds)
    if page_end is None:
        page_end = time.monotonic() + max(0.0, tally.left()) * WALL_PER_CPU
    for second_pass, timeout, with_lang in passes:
        left = tally.left()
        if left <= 0 or time.monotonic() >= page_end:
            break  # the document's second readings took their budget: the first reading stays
        wall = min(left * WALL_PER_CPU, page_end - time.monotonic())
        c0 = cpu_seconds()
        kwargs: dict[str, object] = {"timeout": min(timeout, wall)}
        if with_lang:
            kwargs["lang"] = lang
        # all the pass's readings together end by what was left (a pass reads up to 7 crops)
        try:
            with tesseract.deadline(time.monotonic() + wall), tesseract.cpu_limit(c0 + left):
                page = second_pass(prepared, page, **kwargs)
        finally:  # a pass that failed took its time too
            tally.spend(cpu_seconds() - c0)
    return page


def warm() -> None:
    """Load now what a page's processing loads lazily: the second passes' and the fields' modules (their
    tables and patterns), the corrector's model and this thread's Tesseract engines for the OCR languages
    and the handwritten digits' (a long-running worker process about to wait for documents). Its first page
    then costs what the next ones do; the work is the same, only done before the page (a real photo, 4_2:
    ~0.25 CPU s moves from a fresh worker's first page into this call). Each part is tried even when another
    fails (a corrector model that does not load still leaves the engines loaded); the first failure is raised
    at the end, the others with it in an ``ExceptionGroup``."""
    failures: list[Exception] = []

    def step(load: Callable[..., object], *args: str) -> None:
        try:
            load(*args)
        except Exception as exc:
            failures.append(exc)

    step(_import_passes)
    step(_tone_table)
    if get_settings().ocr_correct:
        from digitize.pipeline import correct

        step(correct.load)
    digits: tuple[str, ...] = ()
    try:
        from digitize.pipeline import handdigits

        digits = tuple(handdigits.digit_languages())
    except Exception as exc:
        failures.append(exc)
    for lang in dict.fromkeys((get_settings().ocr_languages, *digits)):
        step(tesseract.preload, lang)
    if len(failures) == 1:
        raise failures[0]
    if failures:
        raise ExceptionGroup("; ".join(str(f) for f in failures), failures)


def _tone_table() -> None:
    """The pixel tone-mark reader's table (``signature.dot_hook_pass``), loaded from the user's cache or,
    where it has none, built (~20 CPU s): not on a worker's first page that asks for it, out of its budget."""
    from digitize.pipeline import tonemark

    tonemark._training()


def _import_passes() -> None:
    """The pipeline's modules, and what its first page would import lazily: Pillow's image plugins (found
    when a file is first opened, and its colour management), pikepdf's XMP metadata (lxml) and its UTF-16
    strings, numpy.ma (a photo's first page took ~40 ms more CPU than the next ones for these)."""
    import encodings.utf_16_be  # noqa: F401

    import lxml.etree  # noqa: F401
    import numpy.ma  # noqa: F401
    import pikepdf  # noqa: F401
    from PIL import Image, ImageCms  # noqa: F401

    from digitize.pipeline import (  # noqa: F401
        blurred,
        compose,
        correct,
        deblur,
        dropped,
        fields,
        gaps,
        handdigits,
        headband,
        header,
        preprocess,
        recognize,
        rows,
        signature,
        stamps,
        uncovered,
    )
    from digitize.tools import malloc, pdf  # noqa: F401

    Image.init()


def _copy_jpeg(src: PageSource, image_out: Path) -> bool:
    """A plain RGB/grey JPEG goes into the PDF as it is (no second lossy encoding); True when copied."""
    if src.kind != "jpeg":
        return False
    from PIL import Image

    with Image.open(src.path) as im:
        orientation = im.getexif().get(0x0112, 1)
        if im.mode not in ("RGB", "L") or orientation not in (None, 1):
            return False
    shutil.copyfile(src.path, image_out)
    return True


def _process_page_args(args: tuple[PageSource, Path | None, str | None, PassBudget]) -> RecognizedPage:
    return process_page(args[0], args[1], lang=args[2], budget=args[3])


def extract_fields(pages: Sequence[RecognizedPage]) -> Extraction:
    """The extract stage on the recognized pages."""
    from digitize.pipeline.fields import extract

    return extract(pages)


TEXT_PAGES_PER_PROCESS = 8  # below this, reading the text pages here beats starting processes


def _read_text_chunk(args: tuple[Path, list[PageSource]]) -> list[RecognizedPage]:
    return intake.read_text_pages(args[0], args[1])


def _read_text_pages(path: Path, srcs: list[PageSource], jobs: int) -> list[RecognizedPage]:
    """Born-digital pages through pdfplumber (~20 ms a page), spread over ``jobs`` processes when many."""
    n = min(jobs, len(srcs) // TEXT_PAGES_PER_PROCESS)
    if n <= 1 or multiprocessing.current_process().daemon:
        return intake.read_text_pages(path, srcs)
    chunks = [srcs[i::n] for i in range(n)]
    with ProcessPoolExecutor(max_workers=n) as pool:
        return [page for part in pool.map(_read_text_chunk, [(path, c) for c in chunks]) for page in part]


def _page_size(src: PageSource, page: RecognizedPage) -> tuple[float, float]:
    """Output page size in points: the image's pixels at its dpi (width/height swap when rotated)."""
    dpi = page.dpi or src.dpi
    return page.width / dpi * 72.0, page.height / dpi * 72.0


def process_document(
    input: Path,
    out_pdf: Path | None = None,
    *,
    sidecar: Path | None = None,
    jobs: int | None = None,
    settings: Settings | None = None,
    checked: Intake | None = None,
) -> DocumentResult:
    """The whole pipeline on one file. Bad input raises before any heavy work; outputs written atomically."""
    settings = settings or get_settings()
    info = checked or intake.inspect(Path(input), settings)
    jobs = max(1, jobs or settings.ocr_jobs)
    ocr_srcs = [p for p in info.pages if p.needs_ocr]
    text_srcs = [p for p in info.pages if not p.needs_ocr]
    by_index: dict[int, RecognizedPage] = {}
    for page in _read_text_pages(info.path, text_srcs, jobs):
        by_index[page.index] = page
    workdir_obj = tempfile.TemporaryDirectory(prefix="digitize-ocr-")
    try:
        workdir = Path(workdir_obj.name)
        images = {
            p.index: (workdir / f"page-{p.index:05d}.jpg" if out_pdf is not None else None) for p in ocr_srcs
        }
        # one budget for the second readings of all the document's pages (a tally the page processes share)
        budget = PassBudget(workdir / "second-passes.tally", settings.ocr_second_pass_seconds)
        args = [(p, images[p.index], settings.ocr_languages, budget) for p in ocr_srcs]
        if len(args) <= 1 or jobs == 1 or multiprocessing.current_process().daemon:
            results = [_process_page_args(a) for a in args]
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(args))) as pool:
                results = list(pool.map(_process_page_args, args))
        for page in results:
            by_index[page.index] = page
        pages = tuple(by_index[p.index] for p in info.pages)
        if out_pdf is not None:
            from digitize.pipeline.compose import PagePlan, compose

            plans = []
            for src, page in zip(info.pages, pages, strict=True):
                if src.needs_ocr:
                    w, h = _page_size(src, page)
                    plans.append(PagePlan(src.index, page, images[src.index], w, h))
                else:
                    plans.append(PagePlan(src.index, page, None, src.width_pt, src.height_pt))
            compose(
                Path(out_pdf),
                plans,
                source_pdf=info.path if info.kind == "pdf" else None,
                title=info.path.stem,
            )
    finally:
        workdir_obj.cleanup()
    text = "\f".join(p.text for p in pages)
    if sidecar is not None:
        write_atomic(Path(sidecar), text.encode("utf-8"))
    confs = [p.confidence for p in pages if p.source == "ocr" and p.confidence is not None]
    return DocumentResult(
        path=info.path,
        sha256=info.sha256,
        kind=info.kind,
        page_count=len(pages),
        pages=pages,
        text=text,
        confidence=statistics.fmean(confs) if confs else None,
        output=Path(out_pdf) if out_pdf is not None else None,
        extraction=extract_fields(pages),
    )


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
