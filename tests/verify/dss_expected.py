"""What the EU DSS test suite expects of each signed PDF in ../shared/dss-pades, as our report shows it.

file -> (document indication, document sub-indication, number of signatures + document timestamps, "/"-joined
modification of each, oldest first). No roots for these certificates are here, so nothing can be TOTAL_PASSED.
Rows follow DSS's own tests (esig/dss, dss-pades/src/test/java/.../validation/suite) where they say something:
an undecodable CMS or an empty placeholder is no signature (BadEncodedCMSTest), two SignerInfos give one valid
signature, overlapping byte ranges give one valid signature and one FORMAT_FAILURE (DSS2451Test), signed
attributes not in DER order make the signature invalid (PAdESFiveSignaturesDocTest, InfiniteLoopDSS621Test),
invisible updates DSS accepts (new signatures, DSS, metadata) are no alarm (AD-RB, pades-ltv). Used by
tests/verify/test_dss_corpus.py and by bench/verify.py (the share of these assertions met).
"""

from __future__ import annotations

EXPECTED: dict[str, tuple[str, str | None, int, str]] = {
    # the 2nd signature (Adobe.PPKMS) wrote its signed attributes out of DER order and signed them so: DSS
    # checks signatures over the DER re-encoding (Bouncy Castle), where it does not verify (the rule DSS's
    # own tests assert for pades-5-signatures-and-1-document-timestamp.pdf)
    "AD-RB.pdf": ("TOTAL_FAILED", "SIG_CRYPTO_FAILURE", 2, "form_filling/none"),
    "BadEncodedCMS.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 0, ""),  # DSS: NO_SIGNATURE_FOUND
    "DSS-1683.pdf": ("INDETERMINATE", "CRYPTO_CONSTRAINTS_FAILURE", 1, "none"),
    "PAdES-LT.pdf": (
        "INDETERMINATE",
        "NO_CERTIFICATE_CHAIN_FOUND",
        4,
        "form_filling/form_filling/form_filling/lta_updates",
    ),
    "dss-1188_Test.pdf": ("INDETERMINATE", "CRYPTO_CONSTRAINTS_FAILURE", 1, "none"),
    "dss-1959_pades-tst-with-orphan-refs.pdf": (
        "INDETERMINATE",
        "NO_CERTIFICATE_CHAIN_FOUND",
        4,
        "form_filling/lta_updates/lta_updates/none",
    ),
    "dss-2236_annotation-and-visible-change.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 3, "other/other/none"),
    "dss-2236_hide.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    "dss-2236_replace.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    "dss-2554_certified-changes-permitted.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "none"),
    "dss-2554_certified-no-change-permitted.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "none"),
    "dss-2554_fieldmdp-exclude-signed.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "lta_updates"),
    "dss-2554_fieldmdp-exclude.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 0, ""),
    "dss-2554_fieldmdp-include.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "none"),
    "hello_signed_INCSAVE_signed_EDITED.pdf": ("TOTAL_FAILED", "HASH_FAILURE", 2, "lta_updates/other"),
    "modified_after_signature.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    # PAdESFiveSignaturesDocTest: no signature is B-level technically valid; InfiniteLoopDSS621Test: "These
    # signatures are invalid because of non ordered signed attributes" (signature not intact). The document
    # timestamp is DER-encoded and valid.
    "pades-5-signatures-and-1-document-timestamp.pdf": (
        "TOTAL_FAILED",
        "SIG_CRYPTO_FAILURE",
        6,
        "other/other/other/other/other/none",
    ),
    "pades-bes.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "none"),
    "pades-ltv.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 3, "form_filling/form_filling/none"),
    "pades-multiple-pages-annots-overlap.pdf": (
        "INDETERMINATE",
        "NO_CERTIFICATE_CHAIN_FOUND",
        3,
        "form_filling/lta_updates/none",
    ),
    "pades-signed-annot-added.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "annotations"),
    "pades-signed-filled-form.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "form_filling"),
    "pades-spoofing-replaced-reason.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    "pades-unsupported-signature-algorithm.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "none"),
    "pades3_Baseline_B.pdf": (
        "INDETERMINATE",
        "NO_CERTIFICATE_CHAIN_FOUND",
        4,
        "form_filling/form_filling/form_filling/none",
    ),
    "pdf-byterange-overlap.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 2, "form_filling/other"),
    "pdf-double-signer-info.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "none"),
    "pdf-eof.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    "pdf-removed-pages.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    "pdf-signed-added-page.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    "pdf-signed-corrupted.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 1, "other"),
    "pdf-signed-original.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 1, "none"),
    "pdf-spoofing-attack.pdf": ("INDETERMINATE", "SIG_CONSTRAINTS_FAILURE", 1, "other"),
    "pdf-with-empty-sig.pdf": ("TOTAL_FAILED", "FORMAT_FAILURE", 0, ""),  # an empty placeholder
    "pkcs7-no-message-digest.pdf": ("INDETERMINATE", "CRYPTO_CONSTRAINTS_FAILURE", 1, "none"),
    "timestamped_and_signed.pdf": ("INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND", 2, "form_filling/none"),
}
