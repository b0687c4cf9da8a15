"""The verification report (CONTRACT.md, "Verification report"), as pydantic models.

The contract fixes the keys of ``document``, of each entry of ``signatures`` and of ``registry``; every
extra key here (reasons, checks, certificate details ...) is an addition the contract welcomes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

Indication = Literal["TOTAL_PASSED", "INDETERMINATE", "TOTAL_FAILED"]
Modification = Literal["none", "lta_updates", "form_filling", "annotations", "other"]
Coverage = Literal["entire_file", "entire_revision", "partial"]
Revocation = Literal["good", "revoked", "unknown"]
Kind = Literal["signature", "doc_timestamp"]

# Severity order used to summarise several signatures into one document indication.
SEVERITY: dict[str, int] = {"TOTAL_PASSED": 0, "INDETERMINATE": 1, "TOTAL_FAILED": 2}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Signer(_Model):
    """Who signed (Circular 15/2025: signer, the certificate's organisation, the issuing CA)."""

    name: str | None = None
    organization: str | None = None
    serial: str | None = None
    issuer: str | None = None
    # additions
    subject: str | None = None
    issuer_organization: str | None = None
    email: str | None = None
    sha256: str | None = None


class Check(_Model):
    """One named check behind an indication: passed, failed or not applicable (None)."""

    name: str
    ok: bool | None
    detail: str | None = None


class SignatureReport(_Model):
    field: str
    kind: Kind
    indication: Indication
    sub_indication: str | None
    intact: bool
    crypto_valid: bool
    trusted: bool
    modification: Modification
    coverage: Coverage
    signer: Signer
    signing_time: str | None
    timestamp_time: str | None
    certificate_valid_from: str | None
    certificate_valid_until: str | None
    revocation: Revocation
    # additions
    field_names: list[str] = Field(default_factory=list)  # every field referencing this signature
    certificate_valid_at_signing_time: bool | None = None
    revocation_time: str | None = None
    revocation_reason: str | None = None
    timestamp_trusted: bool | None = None
    timestamp_authority: str | None = None
    trust_anchor: str | None = None
    digest_algorithm: str | None = None
    signature_algorithm: str | None = None
    sub_filter: str | None = None
    reason: str | None = None
    location: str | None = None
    docmdp: int | None = None
    signed_revision: int | None = None
    signed_revision_sha256: str | None = None
    pages_signed: int | None = None
    pages_final: int | None = None
    algorithm_findings: list[str] = Field(
        default_factory=list
    )  # algorithms the crypto policy does not accept
    reasons: list[str] = Field(default_factory=list)
    reasons_en: list[str] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)


class DocumentSummary(_Model):
    indication: Indication
    sub_indication: str | None
    modified_after_signing: bool
    signatures: int
    timestamps: int
    # additions
    reason: str | None = None
    reason_en: str | None = None
    sha256: str | None = None
    pages: int | None = None
    revisions: int | None = None
    validation_time: str | None = None


class RegistryInfo(_Model):
    known: bool = False
    document_id: str | None = None
    validity: str | None = None


class VerificationReport(_Model):
    document: DocumentSummary
    signatures: list[SignatureReport]
    registry: RegistryInfo = Field(default_factory=RegistryInfo)
    file_name: str | None = None

    def contract_dict(self) -> dict[str, object]:
        """The JSON object (contract keys plus additions)."""
        return self.model_dump(mode="json")

    @property
    def all_passed(self) -> bool:
        """True only when there is at least one signature (not only document timestamps) and every signature
        and timestamp is TOTAL_PASSED."""
        return any(s.kind == "signature" for s in self.signatures) and all(
            s.indication == "TOTAL_PASSED" for s in self.signatures
        )


class RegistryMatch(_Model):
    """What the store knows about a signed revision (by its sha256)."""

    document_id: str
    validity: str | None = None  # valid | expired | revoked | superseded | unknown


class RegistryLookup(Protocol):
    """Plug-in for the store: ``lookup(sha256_hex_of_signed_revision) -> RegistryMatch | None``."""

    def __call__(self, sha256: str, /) -> RegistryMatch | None: ...


RegistryLookupFn = Callable[[str], "RegistryMatch | None"]
