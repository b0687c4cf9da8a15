"""The Tesseract tool module: what the in-process engine leaves on the process (its library's settings)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from digitize.tools import tesseract


def test_leptonica_messages_are_off_once_the_engine_is_loaded() -> None:
    """libtesseract in the worker would print Leptonica's harmless complaints ("Error in
    pixScanForForeground: invalid box") to the server's stderr on some real scans; as a child process its
    stderr was thrown away. Loading the engine sets Leptonica's message level to none."""
    assert tesseract._library() is not None
    lept = None
    for name in tesseract._LEPTONICA:
        try:
            lept = ctypes.CDLL(name)
            break
        except OSError:
            continue
    assert lept is not None, "Leptonica not found under any known name"
    assert ctypes.c_int.in_dll(lept, "LeptMsgSeverity").value == tesseract.L_SEVERITY_NONE


def test_a_deadline_bounds_every_reading_made_inside_it() -> None:
    """A second pass of several readings keeps to the time it was given in all (``deadline``), not that time
    for each of its readings: a reading started when nothing is left fails at once (the pass keeps the first
    reading), one started in time runs; nested deadlines keep the earlier; outside, no deadline."""
    import time

    import numpy as np
    import pytest

    from digitize.errors import ToolFailed

    blank = np.full((60, 200), 255, np.uint8)
    with tesseract.deadline(time.monotonic() - 1.0), pytest.raises(ToolFailed) as err:
        tesseract.image_to_data(blank, lang="vie", psm=6, timeout=30.0)
    assert "No time left" in err.value.message("en")
    with tesseract.deadline(time.monotonic() + 120.0):
        assert tesseract.image_to_data(blank, lang="vie", psm=6, timeout=30.0) == []
        with tesseract.deadline(time.monotonic() - 1.0), pytest.raises(ToolFailed):
            tesseract.image_to_data(blank, lang="vie", psm=6, timeout=30.0)
        with tesseract.deadline(time.monotonic() + 1e6):  # a later one inside keeps the earlier
            assert tesseract._within_deadline(1e9) <= 120.0
    assert tesseract._within_deadline(30.0) == 30.0


_READ_IN_A_CHILD = """
import ctypes, json, sys
from pathlib import Path
import numpy as np
from PIL import Image
from digitize.tools import tesseract
tesseract.OMP_INLINE = Path(sys.argv[1])
grey = np.asarray(Image.open(sys.argv[2]).convert("L"))
# the first pass's page segmentation of an upscaled page and a second pass's, both through the LSTM
words = [tesseract.image_to_data(grey, lang="vie", psm=psm) for psm in (4, 6)]
in_process = tesseract._library() is not None
maps = Path("/proc/self/maps").read_text()
inline = "libompinline" in maps
# the regions the stub itself ran: loaded but not bound (built with hidden symbols, say) it runs none
regions = ctypes.CDLL(sys.argv[1]).ompinline_regions() if inline else 0
# the line images Tesseract kept uncompressed (SPIX), and what a caller other than libtesseract gets: PNG
spix = ctypes.CDLL(sys.argv[1]).ompinline_spix_writes() if inline else 0
other = b""
if inline and in_process:
    for name in tesseract._LEPTONICA:
        try:
            lept = ctypes.CDLL(name)
            break
        except OSError:
            continue
    lept.pixCreate.restype = ctypes.c_void_p
    lept.pixCreate.argtypes = [ctypes.c_int] * 3
    lept.pixDestroy.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
    lept.lept_free.argtypes = [ctypes.c_void_p]
    stub = ctypes.CDLL(sys.argv[1])
    stub.pixWriteMem.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t),
                                 ctypes.c_void_p, ctypes.c_int]
    data, size, pix = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_void_p(lept.pixCreate(8, 8, 8))
    assert stub.pixWriteMem(ctypes.byref(data), ctypes.byref(size), pix, 3) == 0
    other = ctypes.string_at(data, 4)
    lept.lept_free(data)
    lept.pixDestroy(ctypes.byref(pix))
# the convolution's calls the stub's loop answered, and whether it still answers (a shadow run that differed
# turns it off)
convolve_calls, convolve_on = 0, False
if inline:
    stub = ctypes.CDLL(sys.argv[1])
    stub.ompinline_convolve_calls.restype = ctypes.c_ulong
    convolve_calls, convolve_on = stub.ompinline_convolve_calls(), bool(stub.ompinline_convolve_on())
version = tesseract._library().TessVersion().decode() if in_process else ""
print(json.dumps({"words": [[list(vars(t).values()) for t in ws] for ws in words], "in_process": in_process,
                  "inline": inline, "gomp": "libgomp" in maps, "regions": regions,
                  "spix": spix, "other": other.hex(), "lstm": tesseract.LSTM_INLINE, "version": version,
                  "convolve_calls": convolve_calls, "convolve_on": convolve_on}))
"""


def _build(library: Path, *flags: str) -> Path:
    """``ompinline.c`` built as ``library`` (its folder made), with ``flags``."""
    import shutil
    import subprocess

    cc = shutil.which("cc")
    assert cc is not None, "no C compiler: make setup installs gcc"
    library.parent.mkdir(parents=True, exist_ok=True)
    source = Path(tesseract.__file__).with_name("ompinline.c")
    subprocess.run([cc, "-O2", "-shared", "-fPIC", *flags, "-o", str(library), str(source)], check=True)
    return library


def _read(library: Path, page: Path, **env: str) -> dict[str, object]:
    """``_READ_IN_A_CHILD``'s answer: ``page`` read in a child process with ``library`` as the stub."""
    import json
    import os
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _READ_IN_A_CHILD, str(library), str(page)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DIGITIZE_OCR_IN_PROCESS": "1", **env},
    )
    result: dict[str, object] = json.loads(out.stdout.splitlines()[-1])
    return result


def test_openmp_regions_run_inline_when_the_library_is_built(tmp_path: Path) -> None:
    """libtesseract's OpenMP regions (a team of one each, with OMP_THREAD_LIMIT=1, ended by a futex syscall)
    run inline once ``ompinline.c`` is built: the library is loaded before libtesseract, and Tesseract reads
    the same words, boxes and confidences as with libgomp's regions; with ``ocr_omp_inline`` off, or not
    built, libgomp's own (each read in a child process: the library is chosen once a process). The text
    lines' images Tesseract keeps for its LSTM are written uncompressed (SPIX, not PNG): the same words
    again; a caller other than libtesseract's SetPixInternal still gets the PNG it asks for. A library that
    cannot find Leptonica's own pixWriteMem leaves the engine to a child process (the same words). The
    LSTM's index steps (``StrideMap::Index``), its layers' int8 writes (``WriteTimeStepPart``) and its
    convolution (``Convolve::Forward``) are answered by the library once it has checked them against
    libtesseract's own: the same words; a library that reads the objects laid out otherwise fails its checks
    and leaves them to libtesseract's own (the same words again)."""
    from tests.support.scans import licence_lines, make_scan

    built = _build(tmp_path / "libompinline.so")
    # a library that cannot find Leptonica's pixWriteMem (it looks for a name Leptonica does not have)
    nowhere = '-DOMPINLINE_LEPTONICA_SYMBOL="pixWriteMemNowhere"'
    blind = _build(tmp_path / "blind" / "libompinline.so", nowhere)
    # a library that takes the stride map's per-image heights for its widths, and a NetworkIO's int8 array
    # for its float one: its checks must fail
    swapped = _build(tmp_path / "swapped" / "libompinline.so", "-DOMPINLINE_OTHER_LAYOUT")
    page = make_scan(tmp_path / "page.png", licence_lines(1234, "Nguyễn Văn An", "0401234567"))

    inline = _read(built, page)
    assert inline["inline"] and inline["gomp"] and inline["in_process"]
    assert isinstance(inline["regions"], int) and inline["regions"] > 1000  # the LSTM's regions ran here
    assert isinstance(inline["spix"], int) and inline["spix"] > 10  # a line image at least per line read
    assert inline["other"] == b"\x89PNG".hex()
    # its index steps and int8 writes checked against libtesseract's, and answering; its convolution on a
    # libtesseract 5.3 only (the layout it reads), answering a line's at least
    five_three = str(inline["version"]).startswith("5.3.")
    assert inline["lstm"] == {"stride_map": True, "time_steps": True, "convolve": five_three}
    assert inline["convolve_on"] is five_three
    assert isinstance(inline["convolve_calls"], int)
    assert (inline["convolve_calls"] > 10) if five_three else (inline["convolve_calls"] == 0)
    assert _read(built, page, DIGITIZE_OCR_OMP_INLINE="0")["inline"] is False
    plain = _read(tmp_path / "not-built.so", page)
    assert plain["inline"] is False
    assert inline["words"] == plain["words"]
    assert "PHÉP" in str(plain["words"])
    # Leptonica's function not found: the engine is not used in process (libtesseract's calls would get no
    # line image, and Tesseract aborts on that), the page is read by a child: the same words, no crash
    unseeing = _read(blind, page)
    assert unseeing["in_process"] is False and unseeing["spix"] == 0
    assert unseeing["words"] == plain["words"]
    # the objects laid out otherwise: the checks fail, libtesseract's own functions answer, the same words
    other_layout = _read(swapped, page)
    assert other_layout["in_process"]
    assert other_layout["lstm"] == {"stride_map": False, "time_steps": False, "convolve": False}
    assert other_layout["convolve_calls"] == 0 and other_layout["convolve_on"] is False
    assert other_layout["words"] == plain["words"]


def test_a_convolution_read_in_another_layout_is_left_to_libtesseract(tmp_path: Path) -> None:
    """The stub's convolution (``Convolve::Forward``) reads libtesseract 5.3's objects where libstdc++ lays
    them out, which nothing checks when it is built. A layer read in another layout fails the checks each
    call makes (a std::string of libc++'s size moves the randomizer and the half windows: the layer's
    vtable and type are right, its half window is not) and goes to libtesseract's own Forward: the
    convolution stays on, answers none. One that passes those checks but writes its outputs elsewhere
    (each neighbour where its mirror image in y goes) differs from libtesseract's own in the first call's
    shadow run, which turns it off for good. The same words as libtesseract's own either way."""
    from tests.support.scans import licence_lines, make_scan

    page = make_scan(tmp_path / "page.png", licence_lines(1234, "Nguyễn Văn An", "0401234567"))
    plain = _read(tmp_path / "not-built.so", page)
    libcxx = _read(_build(tmp_path / "libcxx" / "libompinline.so", "-DOMPINLINE_STRING_SIZE=24"), page)
    if not str(libcxx["version"]).startswith("5.3."):
        pytest.skip("the stub's convolution answers on libtesseract 5.3 only")
    assert libcxx["lstm"] == {"stride_map": True, "time_steps": True, "convolve": True}
    assert libcxx["convolve_on"] is True and libcxx["convolve_calls"] == 0
    assert libcxx["words"] == plain["words"]
    mirrored = _read(_build(tmp_path / "mirrored" / "libompinline.so", "-DOMPINLINE_CONVOLVE_MIRRORED"), page)
    assert mirrored["lstm"] == {"stride_map": True, "time_steps": True, "convolve": True}
    assert mirrored["convolve_on"] is False and mirrored["convolve_calls"] == 0
    assert mirrored["words"] == plain["words"]


def test_a_cpu_limit_stops_a_reading_once_it_has_used_what_was_left(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second pass's readings spend no more CPU than the document's budget had left (``cpu_limit``): a page
    that takes seconds to read is stopped after the fraction left (in process: Tesseract's cancel callback;
    a child: its CPU limit), as ToolFailed (the pass keeps the first reading); a reading started with none
    left fails at once; the CPU a thread other than the reader's spends is counted too."""
    import threading
    import time

    import numpy as np
    import pytest
    from PIL import Image

    from digitize.config import reset_settings
    from digitize.errors import ToolFailed
    from tests.pipeline.pages import decree_page

    page = np.asarray(decree_page(300).convert("L"))
    tall = np.vstack([np.hstack([page, page])] * 3)  # six pages' words: seconds of recognition
    tesseract.image_to_data(page[:200], lang="vie", psm=3, dpi=300, timeout=60.0)  # the engine loaded
    # (in process: this process's own CPU; a child another test left, reaped meanwhile, counts in
    # RUSAGE_CHILDREN)
    c0 = time.process_time()
    words = tesseract.image_to_data(tall, lang="vie", psm=3, dpi=300, timeout=600.0)
    full = time.process_time() - c0
    assert len(words) > 100 and full > 1.5

    c0 = time.process_time()
    with tesseract.cpu_limit(tesseract.cpu_seconds() + 0.3), pytest.raises(ToolFailed):
        tesseract.image_to_data(tall, lang="vie", psm=3, dpi=300, timeout=600.0)
    # the layout analysis (~30-40 % of the reading) is not stopped: the words are
    limited = time.process_time() - c0
    assert limited < full * 0.7, (limited, full)

    with tesseract.cpu_limit(tesseract.cpu_seconds() - 1.0), pytest.raises(ToolFailed) as err:
        tesseract.image_to_data(tall, lang="vie", psm=3, dpi=300, timeout=600.0)
    assert "No time left" in err.value.message("en")

    monkeypatch.setenv("DIGITIZE_OCR_IN_PROCESS", "0")
    reset_settings()
    try:
        taller = Image.fromarray(np.vstack([tall, tall]))  # ~2 × full: seconds past a child's 1 s
        # a child: killed at its 1 s (unlimited, it reads the page: no ToolFailed)
        with tesseract.cpu_limit(tesseract.cpu_seconds() + 0.5), pytest.raises(ToolFailed):
            tesseract.image_to_data(taller, lang="vie", psm=3, dpi=300, timeout=600.0)
    finally:
        monkeypatch.delenv("DIGITIZE_OCR_IN_PROCESS")
        reset_settings()

    # a thread other than the caller's (OpenCV's pool) is counted
    def busy() -> None:
        end = time.thread_time() + 0.3
        while time.thread_time() < end:
            pass

    c0 = tesseract.cpu_seconds()
    t = threading.Thread(target=busy)
    t.start()
    t.join()
    assert tesseract.cpu_seconds() - c0 >= 0.29
