"""Fixtures of the pipeline tests: the generated documents several tests read (``shared``), drawn once per
test process."""

from __future__ import annotations

import pytest

from tests.pipeline import shared


@pytest.fixture(scope="session")
def licence_139005(tmp_path_factory: pytest.TempPathFactory) -> shared.SharedDocument:
    return shared.licence_139005(tmp_path_factory.mktemp(shared.LICENCE_139005))
