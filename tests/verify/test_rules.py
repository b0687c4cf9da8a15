"""The verdict rules alone, on hand-made evidence (no PDF, no pyHanko): order, crypto policy, revocation."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from asn1crypto import x509

from digitize.verify import policy
from digitize.verify.evidence import (
    ChainFacts,
    CmsFacts,
    Coverage,
    Indication,
    Kind,
    Modification,
    SignatureEvidence,
    SignedBytes,
    Sub,
    Verdict,
)
from digitize.verify.revisions import RevisionDiff
from digitize.verify.rules import decide, judge_changes

SIGNED = SignedBytes(
    field="Sig1", kind=Kind.SIGNATURE, byte_range=(0, 10, 20, 10), contents=b"x", sub_filter=None
)
GOOD_CMS = CmsFacts(
    intact=True,
    crypto_valid=True,
    cert=None,
    digest_algorithm="sha256",
    signature_algorithm="sha256_rsa",
    signing_time=datetime(2025, 1, 1, tzinfo=UTC),
    coverage=Coverage.ENTIRE_FILE,
    modification=Modification.NONE,
)
TRUSTED = ChainFacts(trusted=True, chain_found=True, problem=None, anchor="Root")
PASSING = SignatureEvidence(signed=SIGNED, cms=GOOD_CMS, chain=TRUSTED)


def verdict(ev: SignatureEvidence) -> Verdict:
    return decide(ev, judge_changes(ev))


def test_all_good_passes() -> None:
    assert verdict(PASSING).indication is Indication.TOTAL_PASSED


def test_sha1_is_never_passed_and_named() -> None:
    findings = policy.judge("sha1", None)
    assert [f.algorithm for f in findings] == ["sha1"]
    v = verdict(dataclasses.replace(PASSING, crypto=findings))
    assert (v.indication, v.sub) == (Indication.INDETERMINATE, Sub.CRYPTO_CONSTRAINTS_FAILURE)
    vi, en = v.reasons[0]
    assert "SHA1" in en and "SHA-1" in en and "không còn an toàn" in vi


def test_the_policy_is_one_table() -> None:
    table = dict(policy.DIGESTS)
    table["sha256"] = policy.AlgorithmRule(policy.Acceptance.LEGACY, "thử", "test")
    assert [f.algorithm for f in policy.judge("sha256", None, table=table)] == ["sha256"]
    assert policy.judge("sha256", None) == ()
    assert policy.judge("md5", None)[0].acceptance is policy.Acceptance.FORBIDDEN


def test_integrity_comes_before_everything_else() -> None:
    broken = dataclasses.replace(GOOD_CMS, intact=False)
    ev = dataclasses.replace(PASSING, cms=broken, crypto=policy.judge("sha1", None), chain=None)
    assert verdict(ev).sub is Sub.HASH_FAILURE


def test_structure_failure_decided_while_gathering_wins() -> None:
    ev = dataclasses.replace(PASSING, failure=Verdict.failed(Sub.FORMAT_FAILURE, ("a", "b")))
    assert verdict(ev) == Verdict.failed(Sub.FORMAT_FAILURE, ("a", "b"))


def test_missing_revocation_is_try_later_with_advice() -> None:
    chain = ChainFacts(
        trusted=False, chain_found=True, problem=Sub.TRY_LATER, revocation_note=("làm gì", "what to do")
    )
    v = verdict(dataclasses.replace(PASSING, chain=chain))
    assert (v.indication, v.sub) == (Indication.INDETERMINATE, Sub.TRY_LATER)
    assert ("làm gì", "what to do") in v.reasons


def test_revoked_before_the_proof_of_time_fails_with_the_time() -> None:
    when = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    chain = ChainFacts(
        trusted=False, chain_found=True, problem=None, revoked_before_poe=True, revocation_time=when
    )
    v = verdict(dataclasses.replace(PASSING, chain=chain))
    assert (v.indication, v.sub) == (Indication.TOTAL_FAILED, Sub.REVOKED)
    assert "2025-01-02T03:04:05Z" in v.reasons[0][0]


def test_visible_change_fails_and_invisible_known_updates_do_not() -> None:
    cms = dataclasses.replace(GOOD_CMS, coverage=Coverage.ENTIRE_REVISION, modification=Modification.OTHER)
    seen = RevisionDiff(pages_signed=1, pages_final=1, changed_pages=[1])
    v = verdict(dataclasses.replace(PASSING, cms=cms, diff=seen))
    assert (v.indication, v.sub) == (Indication.TOTAL_FAILED, Sub.FORMAT_FAILURE)

    quiet = RevisionDiff(pages_signed=1, pages_final=1, update_kinds=frozenset({"dss", "structure"}))
    ev = dataclasses.replace(PASSING, cms=cms, diff=quiet)
    assert judge_changes(ev).modification is Modification.LTA_UPDATES
    assert verdict(ev).indication is Indication.TOTAL_PASSED

    unknown = RevisionDiff(pages_signed=1, pages_final=1, update_kinds=frozenset({"dss", "other"}))
    v = verdict(dataclasses.replace(PASSING, cms=cms, diff=unknown))
    assert (v.indication, v.sub) == (Indication.INDETERMINATE, Sub.SIG_CONSTRAINTS_FAILURE)

    replaced = RevisionDiff(pages_signed=1, pages_final=1, update_kinds=frozenset({"replaced_signature"}))
    ch = judge_changes(dataclasses.replace(PASSING, cms=cms, diff=replaced))
    assert ch.modification is Modification.OTHER and "replaced" in ch.notes[0][1]


def test_crypto_policy_judges_the_chain_but_not_the_anchor() -> None:
    from digitize.trust import Role, shipped

    g1_root = next(t.cert for t in shipped() if "Chinh phu (RootCA)" in t.subject and t.role is Role.ANCHOR)
    g1_sub = next(
        t.cert for t in shipped() if t.subject.startswith("Common Name: Co quan chung thuc so Chinh phu")
    )
    assert isinstance(g1_sub, x509.Certificate)
    findings = policy.judge("sha256", None, [g1_sub, g1_root])
    assert [f.algorithm for f in findings] == [
        "sha1"
    ]  # the sub-CA's own SHA-1 signature; the root's is not judged
    assert "Co quan chung thuc so Chinh phu" in findings[0].where_en
