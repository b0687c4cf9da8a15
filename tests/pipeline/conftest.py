"""Fixtures of the pipeline tests: the generated documents several tests read (``shared``), drawn once per
test process."""

from __future__ import annotations

import pytest

from tests.pipeline import shared


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
