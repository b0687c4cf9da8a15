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

A signed PDF must also be this document's (``bound``): the row's ``derived_from`` is one of the document's
own objects in the package, and the signed PDF is that object plus revisions (an incremental update: what our
signing does after the first signature), or, for a first signature, whose QR code (Circular 01/2023, drawn
before signing and covered by the signature) names this document. A genuine signed PDF of another document
attached to this one verifies, but is not this document's signature.

The rules, in order (``judge``): no signed PDF in the package → not verified; a PDF we do not verify → not
verified; a PDF not bound to the document → not verified; a claim (verified, role, field, signer) that
disagrees with what the PDF shows → not verified. The
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
    bound: bool = False  # the signed PDF is of this document (see the module's text)
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
    if not evidence.bound:
        reasons.append("not_of_this_document")
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


@dataclass(frozen=True)
class Source:
    """The object a signed PDF says it was made from (``derived_from``), among the document's own."""

    path: Path
    signed: bool  # an earlier signed PDF of the document (else its original or searchable PDF)


def bound_to(data: bytes, document_id: str, source: Source | None) -> bool:
    """Whether the signed PDF ``data`` is the document's: an incremental update of ``source``, or (a first
    signature, after which the QR code is drawn by rewriting the file) its QR code names the document."""
    if source is None:
        return False
    before = source.path.read_bytes()
    if len(data) > len(before) and data.startswith(before):
        return True
    if source.signed:
        return False
    from digitize.signing.qr import parse_payload, read_qr

    try:
        text = read_qr(data)
    except Exception:  # a QR that does not read binds nothing
        return False
    return bool(text) and parse_payload(text or "").get("document_id") == document_id


def examine(
    pdf: Path | None, trust_roots: list[Any], *, document_id: str = "", source: Source | None = None
) -> Evidence:
    """Verify the signed PDF ``pdf`` (None: not in the package) with our verifier; ``source``: the
    document's object it says it was made from (None: none of the document's)."""
    if pdf is None:
        return Evidence(present=False)
    from digitize.verify import verify_pdf

    data = pdf.read_bytes()
    report = verify_pdf(data, trust_roots=trust_roots, visual_checks=False)
    sigs = [s for s in report.signatures if s.kind == "signature"]
    last = sigs[-1] if sigs else None
    return Evidence(
        present=True,
        verified=report.all_passed,
        bound=bound_to(data, document_id, source),
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
