"""Real Vietnamese signed PDFs (../shared/realworld/signed/, skipped where absent): with no ``--trust``, every
signature is found as poppler's pdfsig finds it, intact and crypto-valid as pdfsig says, chained to a root of
the shipped trust list, and a SHA-1 signature is never TOTAL_PASSED and says why. The same through
``POST /api/v1/verify``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digitize.tools import pdfsig
from digitize.verify import verify_pdf


@pytest.fixture(scope="module")
def signed_dir(shared_dir: Path) -> Path:
    d = shared_dir / "realworld" / "signed"
    if not d.is_dir():
        pytest.skip("../shared/realworld/signed is not present")
    return d


def _files() -> list[str]:
    from tests.conftest import SHARED

    d = SHARED / "realworld" / "signed"
    return sorted(p.name for p in d.glob("*.pdf")) if d.is_dir() else ["(absent)"]


def _poppler(path: Path) -> list[pdfsig.PdfsigSignature]:
    return [s for s in pdfsig.inspect(path) if s.signed]


def _check(report: dict[str, object], poppler: list[pdfsig.PdfsigSignature]) -> None:
    sigs = report["signatures"]
    assert isinstance(sigs, list)
    assert len(sigs) == len(poppler), [s["field"] for s in sigs]
    # oldest first on both sides (pdfsig lists in file order, which is signing order here)
    for ours, theirs in zip(sigs, poppler, strict=True):
        assert ours["intact"] is theirs.valid and ours["crypto_valid"] is theirs.valid, (ours, theirs)
        assert ours["trusted"] is True, (ours["field"], ours["reasons_en"])
        assert ours["trust_anchor"]
        if (theirs.hash_algorithm or "").upper().replace("-", "") == "SHA1":
            assert ours["indication"] != "TOTAL_PASSED"
            assert ours["sub_indication"] == "CRYPTO_CONSTRAINTS_FAILURE"
            assert any("SHA1" in r and "SHA-1" in r for r in ours["reasons_en"])
            assert any("SHA-1" in r and "không còn an toàn" in r for r in ours["reasons"])
        else:
            # not SHA-1: nothing but time and revocation can stand in the way
            assert ours["sub_indication"] in (None, "TRY_LATER", "OUT_OF_BOUNDS_NO_POE"), ours["reasons_en"]
        if ours["sub_indication"] == "TRY_LATER":  # offline: says what an officer can do
            assert any("digitize trust crl import" in r for r in ours["reasons"])


@pytest.mark.parametrize("name", _files())
def test_real_signatures_trusted_through_the_shipped_list(signed_dir: Path, name: str) -> None:
    path = signed_dir / name
    report = verify_pdf(path.read_bytes(), allow_fetching=False, file_name=name)
    _check(report.contract_dict(), _poppler(path))


def test_without_the_default_trust_nothing_is_trusted(signed_dir: Path) -> None:
    path = signed_dir / "1139-ttg.signed.pdf"
    report = verify_pdf(path.read_bytes(), allow_fetching=False, default_trust=False, visual_checks=False)
    assert [s.trusted for s in report.signatures] == [False]
    assert report.signatures[0].sub_indication == "NO_CERTIFICATE_CHAIN_FOUND"


@pytest.fixture
def api(digitize_home: Path) -> Iterator[TestClient]:
    from digitize.api.app import create_app
    from digitize.store.db import dispose_all

    dispose_all()
    with TestClient(create_app(start_pool=False)) as c:
        yield c
    dispose_all()


def test_real_signatures_through_the_api(signed_dir: Path, api: TestClient) -> None:
    for name in ("01_TTr.signed_20250513_144607.pdf", "1139-ttg.signed.pdf"):
        path = signed_dir / name
        r = api.post("/api/v1/verify", files={"file": (name, path.read_bytes(), "application/pdf")})
        assert r.status_code == 200, r.text
        _check(r.json(), _poppler(path))
