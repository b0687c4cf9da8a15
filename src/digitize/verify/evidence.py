"""What is known about one signature once everything has been looked at, as frozen values.

The engine gathers (``engine.py``: bytes, CMS, chain, revocation, revisions) into a ``SignatureEvidence``;
``rules.decide`` turns it into a ``Verdict`` by small ordered rules. Indications and sub-indications are
ETSI EN 319 102-1's, as ``StrEnum``s (their values are what the report's JSON shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from asn1crypto import x509

from digitize.verify.policy import Finding
from digitize.verify.revisions import RevisionDiff

Words = tuple[str, str]  # (Vietnamese, English)


class Indication(StrEnum):
    TOTAL_PASSED = "TOTAL_PASSED"
    INDETERMINATE = "INDETERMINATE"
    TOTAL_FAILED = "TOTAL_FAILED"


class Sub(StrEnum):
    """ETSI EN 319 102-1 sub-indications used here."""

    FORMAT_FAILURE = "FORMAT_FAILURE"
    HASH_FAILURE = "HASH_FAILURE"
    SIG_CRYPTO_FAILURE = "SIG_CRYPTO_FAILURE"
    REVOKED = "REVOKED"
    EXPIRED = "EXPIRED"
    NOT_YET_VALID = "NOT_YET_VALID"
    SIG_CONSTRAINTS_FAILURE = "SIG_CONSTRAINTS_FAILURE"
    CHAIN_CONSTRAINTS_FAILURE = "CHAIN_CONSTRAINTS_FAILURE"
    CERTIFICATE_CHAIN_GENERAL_FAILURE = "CERTIFICATE_CHAIN_GENERAL_FAILURE"
    CRYPTO_CONSTRAINTS_FAILURE = "CRYPTO_CONSTRAINTS_FAILURE"
    CRYPTO_CONSTRAINTS_FAILURE_NO_POE = "CRYPTO_CONSTRAINTS_FAILURE_NO_POE"
    NO_CERTIFICATE_CHAIN_FOUND = "NO_CERTIFICATE_CHAIN_FOUND"
    NO_SIGNING_CERTIFICATE_FOUND = "NO_SIGNING_CERTIFICATE_FOUND"
    OUT_OF_BOUNDS_NO_POE = "OUT_OF_BOUNDS_NO_POE"
    OUT_OF_BOUNDS_NOT_REVOKED = "OUT_OF_BOUNDS_NOT_REVOKED"
    REVOKED_NO_POE = "REVOKED_NO_POE"
    REVOKED_CA_NO_POE = "REVOKED_CA_NO_POE"
    REVOCATION_OUT_OF_BOUNDS_NO_POE = "REVOCATION_OUT_OF_BOUNDS_NO_POE"
    TRY_LATER = "TRY_LATER"
    NO_POE = "NO_POE"
    POLICY_PROCESSING_ERROR = "POLICY_PROCESSING_ERROR"
    SIGNED_DATA_NOT_FOUND = "SIGNED_DATA_NOT_FOUND"
    GENERIC = "GENERIC"

    @classmethod
    def parse(cls, name: str | None) -> Sub | None:
        if name is None:
            return None
        try:
            return cls(name)
        except ValueError:
            return cls.GENERIC


class Kind(StrEnum):
    SIGNATURE = "signature"
    DOC_TIMESTAMP = "doc_timestamp"


class Modification(StrEnum):
    NONE = "none"
    LTA_UPDATES = "lta_updates"
    FORM_FILLING = "form_filling"
    ANNOTATIONS = "annotations"
    OTHER = "other"


class Coverage(StrEnum):
    ENTIRE_FILE = "entire_file"
    ENTIRE_REVISION = "entire_revision"
    PARTIAL = "partial"


class Revocation(StrEnum):
    GOOD = "good"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    indication: Indication
    sub: Sub | None
    reasons: tuple[Words, ...] = ()

    @staticmethod
    def failed(sub: Sub, *reasons: Words) -> Verdict:
        return Verdict(Indication.TOTAL_FAILED, sub, reasons)

    @staticmethod
    def indeterminate(sub: Sub, *reasons: Words) -> Verdict:
        return Verdict(Indication.INDETERMINATE, sub, reasons)


@dataclass(frozen=True)
class SignedBytes:
    """The signature dictionary as read (leniently) from the file."""

    field: str
    kind: Kind
    byte_range: tuple[int, ...] | None
    contents: bytes | None
    sub_filter: str | None
    reason: str | None = None
    location: str | None = None
    m_time: datetime | None = None
    problems: tuple[Words, ...] = ()
    object_id: tuple[int, int] | None = None
    type_name: str | None = None  # /Type as written: /Sig, /DocTimeStamp, or None (some writers omit it)
    also_fields: tuple[str, ...] = ()  # other fields referencing the same signature (DSS lists every name)
    certs: tuple[bytes, ...] = ()  # /Cert (adbe.x509.rsa_sha1 keeps the signer's certificate there)

    @property
    def revision_end(self) -> int:
        br = self.byte_range
        if br and len(br) == 4:
            return br[2] + br[3]
        return 1 << 62


@dataclass(frozen=True)
class CmsFacts:
    """What the CMS signature itself proves, checked against the signed bytes."""

    intact: bool
    crypto_valid: bool
    cert: x509.Certificate | None
    digest_algorithm: str | None
    signature_algorithm: str | None
    signing_time: datetime | None
    timestamp_time: datetime | None = None
    timestamp_trusted: bool | None = None
    timestamp_broken: bool = False
    tsa: str | None = None
    coverage: Coverage = Coverage.PARTIAL
    modification: Modification | None = None  # pyHanko's difference analysis (None: not run)
    diff_reason: str | None = None  # why pyHanko could not classify a change
    docmdp_ok: bool | None = None
    seed_value_error: str | None = None
    timestamp_note: Words | None = None  # why an intact signature timestamp is not trusted, precisely
    content_timestamp: bool | None = None  # a content timestamp (signed attribute): None absent, else intact
    lenient: bool = False  # checked directly on the byte range (pyHanko's PDF layer could not)
    structure_problem: str | None = None


@dataclass(frozen=True)
class ChainFacts:
    """What the certificate path says."""

    trusted: bool  # a path to an anchor, validated (revocation included)
    chain_found: bool  # a path to an anchor exists and its signatures and validity hold (revocation aside)
    problem: Sub | None  # why not trusted (pyHanko's AdES sub-indication, refined here)
    anchor: str | None = None
    path: tuple[x509.Certificate, ...] = ()
    revocation: Revocation = Revocation.UNKNOWN
    revocation_time: datetime | None = None
    revocation_reason: str | None = None
    revocation_note: Words | None = None  # what an officer can do about missing revocation data
    chain_note: Words | None = None  # which CA certificate is missing from the chain, and what to do
    poe: datetime | None = None  # proof of existence used
    rescued_by_poe: bool = False  # expired/revoked after the POE: re-validated at that time
    expired_before_poe: bool = False
    revoked_before_poe: bool = False


@dataclass(frozen=True)
class SignatureEvidence:
    signed: SignedBytes
    failure: Verdict | None = None  # unreadable, unsupported, undecodable: decided before anything else
    cms: CmsFacts | None = None
    chain: ChainFacts | None = None
    diff: RevisionDiff | None = None
    crypto: tuple[Finding, ...] = ()
    docmdp: int | None = None
    signed_revision: int | None = None
    signed_revision_sha256: str | None = None
    pages_final: int | None = None
    notes: tuple[Words, ...] = ()  # facts worth telling whatever the verdict
    undecodable: bool = False  # its CMS cannot be decoded at all: no signature (an empty placeholder ...)
    timestamp_imprints: tuple[bool, ...] = ()  # each signature timestamp: does its imprint match the value?

    @property
    def kind(self) -> Kind:
        return self.signed.kind

    @property
    def cert(self) -> x509.Certificate | None:
        return self.cms.cert if self.cms is not None else None

    @property
    def made_at(self) -> datetime | None:
        """Best signature time: the trusted signature timestamp, else the claimed signing time."""
        if self.cms is None:
            return None
        return self.cms.timestamp_time if self.cms.timestamp_trusted else self.cms.signing_time
