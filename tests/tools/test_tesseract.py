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
