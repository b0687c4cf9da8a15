"""The Tesseract tool module: what the in-process engine leaves on the process (its library's settings)."""

from __future__ import annotations

import ctypes

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
