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


def test_chain_that_cannot_be_completed_offline_says_which_ca_and_what_to_do(pki: TestPKI) -> None:
    from tests.verify import crafted

    o = pki.officer
    # a CMS carrying only the signer's certificate (like the real Vietnamese signatures): the issuing CA is
    # neither in the file nor in the trust list, and offline it cannot be fetched
    signed = crafted.embed(h.make_pdf(), lambda d: crafted.signed_data(d, o.key, o.cert, None))
    roots = load_trust_roots([pki.root_cert])
    s = verify_pdf(signed, trust_roots=roots, allow_fetching=False).signatures[0]
    assert (s.indication, s.sub_indication, s.trusted) == (
        "INDETERMINATE",
        "NO_CERTIFICATE_CHAIN_FOUND",
        False,
    )
    assert s.intact and s.crypto_valid
    issuer = "CA cấp dưới thử nghiệm"
    assert any(issuer in r and "digitize trust add" in r and "--offline" in r for r in s.reasons)
    assert any(f"'{issuer}' is not at hand" in r and "/certs/intermediate.cer" in r for r in s.reasons_en)
    # online, the issuer's certificate is fetched from the address the signer's certificate gives
    assert verify_pdf(signed, trust_roots=roots).signatures[0].indication == "TOTAL_PASSED"


def test_chain_to_a_root_nobody_trusts_names_that_root(pki: TestPKI) -> None:
    signed = h.pyhanko_sign(h.make_pdf(), pki.untrusted.p12, pki.p12_password)
    roots = load_trust_roots([pki.root_cert])
    s = verify_pdf(signed, trust_roots=roots, allow_fetching=False).signatures[0]
    assert (s.indication, s.sub_indication) == ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND")
    assert any("leads to the root CA" in r and "not in the trust list" in r for r in s.reasons_en), (
        s.reasons_en
    )


def test_timestamp_whose_authority_lacks_revocation_data_says_so(pki: TestPKI) -> None:
    signed = h.pyhanko_sign(h.make_pdf(), pki.officer.p12, pki.p12_password, tsa_url=pki.tsa_url)
    roots = load_trust_roots([pki.root_cert])
    s = verify_pdf(signed, trust_roots=roots, allow_fetching=False, visual_checks=False).signatures[0]
    assert s.timestamp_trusted is False and s.indication == "INDETERMINATE"
    # not a vague "timestamp not trusted": the TSA's chain is sound, only its revocation data is missing
    assert any("timestamp by" in r and "chain to the root" in r and "is sound" in r for r in s.reasons_en)
    assert any("Dấu thời gian của" in r and "CRL/OCSP" in r for r in s.reasons)
    _import_crls(pki)
    s = verify_pdf(signed, trust_roots=roots, allow_fetching=False, visual_checks=False).signatures[0]
    assert (s.indication, s.timestamp_trusted) == ("TOTAL_PASSED", True)
    assert not any("timestamp by" in r for r in s.reasons_en)
