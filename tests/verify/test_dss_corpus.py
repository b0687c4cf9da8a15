"""Every signed PDF of the EU DSS test corpus (../shared/dss-pades) gets a report, never a traceback, and the
report says what is expected of it.

The certificates chain to European CAs whose roots are not here, so no signature can be TOTAL_PASSED: at best
INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND (or CRYPTO_CONSTRAINTS_FAILURE where SHA-1 is used). Integrity,
cryptographic validity and what changed after signing are judged. docs/verify.md explains each row.

EXPECTED: file -> (document indication, document sub-indication, number of signatures + document timestamps,
"/"-joined modification of each, oldest first).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digitize.verify import exit_code_for, verify_pdf
from tests.verify.dss_expected import EXPECTED

# attacks that change what a reader sees after signing: never TOTAL_PASSED, modification "other"
VISIBLE_ATTACKS = {
    "dss-2236_hide.pdf",
    "dss-2236_replace.pdf",
    "dss-2236_annotation-and-visible-change.pdf",
    "modified_after_signature.pdf",
    "pdf-removed-pages.pdf",
    "pdf-signed-added-page.pdf",
}


@pytest.fixture(scope="module")
def dss_dir(shared_dir: Path) -> Path:
    d = shared_dir / "dss-pades"
    if not d.is_dir():
        pytest.skip("../shared/dss-pades is not present")
    return d


def test_table_covers_the_corpus(dss_dir: Path) -> None:
    assert sorted(p.name for p in dss_dir.glob("*.pdf")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dss_file(dss_dir: Path, name: str) -> None:
    path = dss_dir / name
    if not path.is_file():
        pytest.skip(f"{name} is not in ../shared/dss-pades")
    indication, sub, count, mods = EXPECTED[name]
    report = verify_pdf(path.read_bytes(), allow_fetching=False, file_name=name)
    got_mods = "/".join(s.modification for s in report.signatures)
    assert (report.document.indication, report.document.sub_indication, len(report.signatures), got_mods) == (
        indication,
        sub,
        count,
        mods,
    ), [(s.field, s.indication, s.sub_indication, s.reasons_en) for s in report.signatures]
    assert report.document.indication != "TOTAL_PASSED"  # no trusted roots for these
    assert exit_code_for(report) == (2 if indication == "TOTAL_FAILED" else 1)
    # the contract's keys are all there, the JSON dumps cleanly
    body = report.contract_dict()
    assert set(body) >= {"document", "signatures", "registry"}
    for s in body["signatures"]:  # type: ignore[union-attr]
        assert {
            "field",
            "kind",
            "indication",
            "sub_indication",
            "intact",
            "crypto_valid",
            "trusted",
            "modification",
            "coverage",
            "signer",
            "signing_time",
            "timestamp_time",
            "certificate_valid_from",
            "certificate_valid_until",
            "revocation",
        } <= set(s)
    if name == "pades-multiple-pages-annots-overlap.pdf":
        # DSS: modifications detected for every signature, annotations overlapping on more than two pages
        for sig in report.signatures[:2]:
            check = next(c for c in sig.checks if c.name == "annotation_overlap")
            assert check.ok is False and check.detail and "[12, 13, 16]" in check.detail
    if name == "pdf-spoofing-attack.pdf":  # DSS: the signature dictionary is not the one that was signed
        assert any("signature dictionary" in r and "replaced" in r for r in report.signatures[0].reasons_en)
    if name in VISIBLE_ATTACKS:
        assert report.document.indication == "TOTAL_FAILED"
        assert report.document.modified_after_signing
        assert any(s.modification == "other" for s in report.signatures)
        assert any(s.reasons for s in report.signatures)
