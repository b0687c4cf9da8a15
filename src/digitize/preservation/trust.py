"""What an imported package may claim about its signatures: nothing we do not check ourselves.

A package's signature rows say who signed, in what role, and whether the signature "verified". Decree 30/2020
makes that flag matter: the organisation's seal is applied only on a document whose leader signature verified
(``digitize.services.signing.require_leader_first``). So at import every signature row is rebuilt from its
signed PDF in the package, verified here with our own verifier and this home's trust (``DIGITIZE_TRUST_DIR``,
the shipped Vietnamese list and the signing profiles' ``trust`` files), exactly as a signature made here is
verified when it is recorded (``digitize.signing.service.store_signed``):

- ``verified``: every signature and timestamp of the signed PDF TOTAL_PASSED (``report.all_passed``);
- ``field``, ``signer``, ``organization``: those of the newest signature of that PDF
  (the one the row stands for);
- ``role``: the role the field's name carries (``leader_1``, ``organization_1``, ``copy_1``: how our signing
  names the fields); a field whose name carries no role gives no role.

The rules, in order (``judge``): no signed PDF in the package → not verified; a PDF we do not verify → not
verified; a claim (verified, role, field, signer) that disagrees with what the PDF shows → not verified. The
row and the signed PDF are still imported (nothing the archive holds is lost), the package's claims kept in
the row's ``detail["import"]`` beside what we found, and the import's report lists each such signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitize.text import nfc

ROLES = ("leader", "organization", "copy")


@dataclass(frozen=True)
class Claim:
    """What the package's row says."""

    verified: bool | None
    role: str | None
    field: str | None
    signer: str | None

    @classmethod
    def of(cls, row: Any) -> Claim:
        detail = row.detail if isinstance(row.detail, dict) else {}
        field = detail.get("field")
        return cls(
            verified=row.verified,
            role=row.role,
            field=field if isinstance(field, str) else None,
            signer=row.signer,
        )

    def as_dict(self) -> dict[str, Any]:
        return {"verified": self.verified, "role": self.role, "field": self.field, "signer": self.signer}


@dataclass(frozen=True)
class Evidence:
    """What our verifier found in the signed PDF (None: the package holds no such PDF)."""

    present: bool
    verified: bool = False
    indication: str | None = None
    sub_indication: str | None = None
    field: str | None = None
    signer: str | None = None
    organization: str | None = None

    @property
    def role(self) -> str | None:
        if self.field is None:
            return None
        prefix = self.field.split("_", 1)[0]
        return prefix if prefix in ROLES and self.field.startswith(prefix + "_") else None


@dataclass(frozen=True)
class Judgement:
    verified: bool
    reasons: tuple[str, ...]  # English keys of why it is not verified (empty when it is)


def _same(a: str | None, b: str | None) -> bool:
    return nfc(a or "").strip() == nfc(b or "").strip()


def judge(claim: Claim, evidence: Evidence) -> Judgement:
    """The row's ``verified`` from what verifies, never from the claim; the reasons it is not."""
    if not evidence.present:
        return Judgement(False, ("no_signed_pdf",))
    reasons: list[str] = []
    if not evidence.verified:
        reasons.append("does_not_verify")
    if claim.verified is not None and bool(claim.verified) != evidence.verified:
        reasons.append("claimed_verified" if claim.verified else "claimed_not_verified")
    if claim.role is not None and claim.role != evidence.role:
        reasons.append("role_differs")
    if claim.field is not None and claim.field != evidence.field:
        reasons.append("field_differs")
    if claim.signer is not None and evidence.signer is not None and not _same(claim.signer, evidence.signer):
        reasons.append("signer_differs")
    # a package that said "not verified" of a signature that verifies here: it verifies (our check wins)
    reasons = [r for r in reasons if r != "claimed_not_verified"]
    return Judgement(not reasons, tuple(reasons))


def examine(pdf: Path | None, trust_roots: list[Any]) -> Evidence:
    """Verify the signed PDF ``pdf`` (None: not in the package) with our verifier."""
    if pdf is None:
        return Evidence(present=False)
    from digitize.verify import verify_pdf

    report = verify_pdf(pdf.read_bytes(), trust_roots=trust_roots, visual_checks=False)
    sigs = [s for s in report.signatures if s.kind == "signature"]
    last = sigs[-1] if sigs else None
    return Evidence(
        present=True,
        verified=report.all_passed,
        indication=str(report.document.indication),
        sub_indication=report.document.sub_indication,
        field=last.field if last else None,
        signer=last.signer.name if last else None,
        organization=last.signer.organization if last else None,
    )


def import_trust_roots(settings: Any) -> list[Any]:
    """This home's trust: ``DIGITIZE_TRUST_DIR`` and every signing profile's ``trust`` files (the shipped
    Vietnamese list is added by the verifier)."""
    from digitize.certs import load_trust_roots

    extra: list[Path] = []
    if settings.signing_profiles_file is not None:
        try:
            from digitize.signing.profiles import load_profiles

            for named in load_profiles(settings.signing_profiles_file, settings).values():
                extra.extend(named.trust)
        except Exception:  # a broken profiles file does not stop an import; its trust is not used
            extra = []
    return list(load_trust_roots(tuple(extra), settings.trust_dir))


def apply(row: Any, evidence: Evidence, package: dict[str, Any]) -> Judgement:
    """Rewrite the signature ``row`` (a ``Signature``) from ``evidence``; the package's claims go to
    ``detail["import"]``."""
    claim = Claim.of(row)
    verdict = judge(claim, evidence)
    detail = dict(row.detail) if isinstance(row.detail, dict) else {}
    detail.pop("import", None)
    if evidence.present:
        row.role = evidence.role
        row.signer = evidence.signer
        row.organization = evidence.organization
        detail["field"] = evidence.field
        detail["indication"] = evidence.indication
        detail["sub_indication"] = evidence.sub_indication
    else:
        row.key = None
        detail["indication"] = None
        detail["sub_indication"] = None
    row.verified = verdict.verified
    detail["import"] = {
        **package,
        "verified_here": verdict.verified,
        "reasons": list(verdict.reasons),
        "claimed": claim.as_dict(),
    }
    row.detail = detail
    return verdict
