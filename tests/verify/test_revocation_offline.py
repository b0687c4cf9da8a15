"""Revocation on a network without Internet: no revocation data is INDETERMINATE/TRY_LATER with what an
officer can do (never a generic chain failure); an imported CRL turns it into TOTAL_PASSED; a revoked
certificate's signature fails with the revocation time shown."""

from __future__ import annotations

from click.testing import CliRunner

from digitize.cli import main
from digitize.verify import load_trust_roots, verify_pdf
from tests.support.pki import TestPKI
from tests.verify import helpers as h


def _import_crls(pki: TestPKI) -> None:
    result = CliRunner().invoke(
        main, ["trust", "crl", "import", str(pki.dir / "intermediate.crl"), str(pki.dir / "root.crl")]
    )
    assert result.exit_code == 0, result.output


def test_imported_crl_turns_try_later_into_passed_offline(pki: TestPKI) -> None:
    signed = h.pyhanko_sign(h.make_pdf(), pki.officer.p12, pki.p12_password)
    roots = load_trust_roots([pki.root_cert])
    before = verify_pdf(signed, trust_roots=roots, allow_fetching=False, visual_checks=False)
    sig = before.signatures[0]
    assert (sig.indication, sig.sub_indication, sig.trusted) == ("INDETERMINATE", "TRY_LATER", True)
    assert sig.revocation == "unknown"
    assert any("digitize trust crl import" in r for r in sig.reasons)  # what an officer can do, in Vietnamese
    assert any("ngoại tuyến" in r for r in sig.reasons)

    _import_crls(pki)
    after = verify_pdf(signed, trust_roots=roots, allow_fetching=False, visual_checks=False)
    sig = after.signatures[0]
    assert (sig.indication, sig.sub_indication) == ("TOTAL_PASSED", None), sig.reasons_en
    assert sig.revocation == "good"


def test_revoked_certificate_fails_with_the_revocation_time(pki: TestPKI) -> None:
    _import_crls(pki)
    roots = load_trust_roots([pki.root_cert])
    plain = h.pyhanko_sign(h.make_pdf(), pki.revoked.p12, pki.p12_password)
    sig = verify_pdf(plain, trust_roots=roots, allow_fetching=False, visual_checks=False).signatures[0]
    assert (sig.indication, sig.sub_indication) == ("INDETERMINATE", "REVOKED_NO_POE")
    assert sig.revocation == "revoked" and sig.revocation_time is not None
    assert any(sig.revocation_time in r for r in sig.reasons)

    # with a timestamp after the revocation: proof that it was signed after → TOTAL_FAILED/REVOKED
    stamped = h.pyhanko_sign(h.make_pdf(), pki.revoked.p12, pki.p12_password, tsa_url=pki.tsa_url)
    sig = verify_pdf(stamped, trust_roots=roots, allow_fetching=False, visual_checks=False).signatures[0]
    assert (sig.indication, sig.sub_indication) == ("TOTAL_FAILED", "REVOKED"), sig.reasons_en
    assert sig.revocation_time is not None and any(sig.revocation_time in r for r in sig.reasons)
