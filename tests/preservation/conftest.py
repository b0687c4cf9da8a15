from pathlib import Path

import pytest

from tests.api.signing_helpers import write_profiles
from tests.store.conftest import database
from tests.support.pki import TestPKI, pki

__all__ = ["database", "pki", "signing"]


@pytest.fixture
def signing(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Signing profiles of the test PKI (``giam-doc``: a leader) and its root trusted
    (DIGITIZE_TRUST_DIR), for every home the test uses: what ``build_store`` signs with."""
    (tmp_path / "signing").mkdir(exist_ok=True)
    return write_profiles(pki, tmp_path / "signing", monkeypatch)
