"""Fixtures of the pipeline tests: the generated documents several tests read (``shared``), drawn once per
test process."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.pipeline import shared

if TYPE_CHECKING:
    from digitize.pipeline.model import RecognizedPage
    from digitize.pipeline.preprocess import Prepared


@pytest.fixture(scope="session")
def licence_139005(tmp_path_factory: pytest.TempPathFactory) -> shared.SharedDocument:
    return shared.licence_139005(tmp_path_factory.mktemp(shared.LICENCE_139005))


@pytest.fixture
def tesseract_reads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The images ``tesseract.image_to_data`` is called on from here on in the test (each still read)."""
    import numpy as np

    from digitize.tools import tesseract

    reads: list[object] = []
    real = tesseract.image_to_data

    def counted(image: np.ndarray, **kw: object) -> list[tesseract.Token]:
        reads.append(image)
        return real(image, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(tesseract, "image_to_data", counted)
    return reads


@pytest.fixture(scope="module")
def blurred() -> tuple[Prepared, RecognizedPage]:
    """A page of scan-sized print blurred (a shaken photo's) and its first reading (read once a module)."""
    import cv2
    import numpy as np

    from digitize.pipeline import preprocess, recognize
    from tests.pipeline.pages import decree_page

    arr = cv2.GaussianBlur(np.asarray(decree_page(200)), (0, 0), 2.0)
    prepared = preprocess.prepare(np.ascontiguousarray(arr), dpi=200)
    assert prepared.blurred
    return prepared, recognize.recognize(prepared)
