"""Signing where the key stays with its holder: the server prepares, the holder's device signs one hash, the
server finishes (core; no web framework, no database: ``digitize.services.signing`` stores the sessions).

    prepared = prepare(pdf, certificate, chain, profile, trust_roots)  # appearance, byte range, CMS attrs
    prepared.digest  # what the token's sign-hash takes
    value = check_signature_value(certificate, prepared.algorithm, prepared.digest, holder_value)
    signed_pdf = complete(prepared.pdf, prepared.state, value, tsa_url=..., trust_roots=...)

``prepared.state`` is plain JSON-able data (the PDF travels beside it as bytes), so a session survives a
restart. The digest is SHA-256 of the DER of the CMS signed attributes (PAdES: signing-certificate-v2, the
message digest of the byte range, CMS algorithm protection), exactly what PKCS#11 ``C_Sign`` with
``CKM_RSA_PKCS`` (after the DigestInfo prefix), ``CKM_RSA_PKCS_PSS`` or ``CKM_ECDSA`` takes, and what a CSC
service's ``signatures/signHash`` takes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from asn1crypto import algos, cms, x509

from digitize.errors import BadInput, CertificateRejected, ServiceUnavailable, SigningError
from digitize.signing.keys import KeySession, pss_mechanism
from digitize.signing.sign import Signing, SignProfile, SignResult, _run, _session_timestamper


class SignatureAlgorithm(StrEnum):
    RSASSA_PKCS1V15 = "rsassa_pkcs1v15"
    RSASSA_PSS = "rsassa_pss"
    ECDSA = "ecdsa"


class SignatureInvalid(SigningError):
    """The holder's signature value does not verify against the certificate over the session's digest."""

    code = "signature_invalid"
    http_status = 422


DIGEST_ALGORITHM = "sha256"


def mechanism(algorithm: SignatureAlgorithm) -> algos.SignedDigestAlgorithm:
    if algorithm is SignatureAlgorithm.RSASSA_PSS:
        return pss_mechanism()
    name = "sha256_rsa" if algorithm is SignatureAlgorithm.RSASSA_PKCS1V15 else "sha256_ecdsa"
    return algos.SignedDigestAlgorithm({"algorithm": name})


def algorithm_for(certificate: x509.Certificate, wanted: str | None = None) -> SignatureAlgorithm:
    """The signature algorithm for the certificate's key (RSA: PKCS#1 v1.5 unless PSS is asked; EC: ECDSA)."""
    kind = str(certificate.public_key.algorithm)
    if kind == "rsa":
        if wanted in (None, SignatureAlgorithm.RSASSA_PKCS1V15):
            return SignatureAlgorithm.RSASSA_PKCS1V15
        if wanted == SignatureAlgorithm.RSASSA_PSS:
            return SignatureAlgorithm.RSASSA_PSS
    elif kind == "ec":
        curve = certificate.public_key["algorithm"]["parameters"].chosen.native
        if curve != "secp256r1":
            raise CertificateRejected(
                f"Chỉ hỗ trợ ECDSA P-256 (khóa này: {curve})",
                f"only ECDSA P-256 is supported (this key: {curve})",
                reason="invalid",
            )
        if wanted in (None, SignatureAlgorithm.ECDSA):
            return SignatureAlgorithm.ECDSA
    else:
        raise CertificateRejected(
            f"Loại khóa không được hỗ trợ: {kind}", f"unsupported key type: {kind}", reason="invalid"
        )
    raise BadInput(
        f"Thuật toán {wanted} không dùng được với khóa {kind}",
        f"signature algorithm {wanted} does not fit a {kind} key",
    )


def parse_pem_chain(pem: str | bytes) -> tuple[x509.Certificate, list[x509.Certificate]]:
    """The signer's certificate (first) and the chain certificates that follow it (BadInput when none)."""
    from digitize.certs import parse_certificates

    data = pem.encode() if isinstance(pem, str) else pem
    try:
        certs = parse_certificates(data, "certificate")
    except Exception:
        certs = []
    if not certs:
        raise BadInput("Không đọc được chứng thư số (PEM)", "cannot read the certificate (PEM)")
    return certs[0], certs[1:]


def fingerprint(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.dump()).hexdigest()


def _external_key(
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    algorithm: SignatureAlgorithm,
    value: bytes | None = None,
) -> KeySession:
    from pyhanko.sign.signers.pdf_cms import ExternalSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    registry = SimpleCertificateStore.from_certs([certificate, *chain])
    size = 256 if algorithm is not SignatureAlgorithm.ECDSA else 72
    signer = ExternalSigner(
        certificate,
        registry,
        signature_value=value if value is not None else size,
        signature_mechanism=mechanism(algorithm),
    )
    return KeySession(signer, source="external")


CHECK_SECONDS = 300.0  # a holder's certificate checked (trust, revocation) is not re-checked for this long
_checks: dict[tuple[str, tuple[str, ...], bool], float] = {}
_checks_lock = threading.Lock()


def _checked(
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    revocation: bool,
) -> None:
    """The certificate check of any signature (validity, usage, trust, revocation when answered), remembered
    briefly per certificate and trust list: a batch of sessions asks the OCSP responder once."""
    from digitize.signing.certcheck import check_certificate

    key = (fingerprint(certificate), tuple(sorted(fingerprint(r) for r in trust_roots)), revocation)
    now = time.monotonic()
    with _checks_lock:
        if _checks.get(key, 0.0) > now:
            return
    check_certificate(
        certificate, list(chain), list(trust_roots), check_revocation=revocation, require_trust=True
    )
    with _checks_lock:
        if len(_checks) > 1000:
            _checks.clear()
        _checks[key] = now + CHECK_SECONDS


@dataclass(frozen=True)
class Prepared:
    """A document waiting for its holder's signature: the PDF (bytes) and the state to finish it."""

    pdf: bytes
    digest: bytes  # sha256 of the DER signed attributes: what the holder signs
    algorithm: SignatureAlgorithm
    result: SignResult
    state: dict[str, Any]  # JSON-able: byte range, signed attributes, certificates, level


def prepare(
    pdf: bytes,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    profile: SignProfile,
    trust_roots: Sequence[x509.Certificate],
    *,
    algorithm: SignatureAlgorithm | None = None,
) -> Prepared:
    """Prepare ``pdf`` for a signature by the holder of ``certificate`` (checked: validity, usage, trust,
    revocation when answered). The appearance, field and signing time are fixed here."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    algorithm = algorithm or algorithm_for(certificate)
    key = _external_key(certificate, chain, algorithm)
    if profile.check_certificate:
        _checked(certificate, chain, trust_roots, profile.check_revocation)
        profile = replace(profile, check_certificate=False)  # checked just now (or within CHECK_SECONDS)
    signing = Signing(key, profile, trust_roots)
    prepared_pdf, prep, result, when = signing.prepare_external(pdf)
    attrs = _run(
        key.signer.signed_attrs(
            prep.document_digest,
            DIGEST_ALGORITHM,
            attr_settings=PdfCMSSignedAttributes(signing_time=when),
            use_pades=True,
        )
    )
    der = attrs.dump()
    digest = hashlib.sha256(der).digest()
    state = {
        "document_digest": _b64(prep.document_digest),
        "region": [prep.reserved_region_start, prep.reserved_region_end],
        "signed_attrs": _b64(der),
        "certificates": [_b64(c.dump()) for c in (certificate, *chain)],
        "algorithm": str(algorithm),
        "level": profile.level,
    }
    return Prepared(prepared_pdf, digest, algorithm, result, state)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def decode_b64(text: str, what: str = "signature") -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (ValueError, AttributeError):
        raise BadInput(f"Giá trị {what} không phải base64", f"the {what} is not base64") from None


def check_signature_value(
    certificate: x509.Certificate, algorithm: SignatureAlgorithm, digest: bytes, value: bytes
) -> bytes:
    """The holder's signature value checked against the certificate over ``digest``: the value as the CMS
    carries it (ECDSA: DER; a raw r||s of 64 bytes, as PKCS#11 returns it, is converted). SignatureInvalid
    when it does not verify."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

    public = serialization.load_der_public_key(certificate.public_key.dump())
    prehashed = utils.Prehashed(hashes.SHA256())
    if not value or len(value) > 1024:
        raise SignatureInvalid("Chữ ký rỗng hoặc quá dài", "the signature value is empty or too long")
    try:
        if algorithm is SignatureAlgorithm.ECDSA:
            if not isinstance(public, ec.EllipticCurvePublicKey):
                raise SignatureInvalid("Khóa không phải EC", "not an EC key")
            # A raw r||s of 64 bytes may begin with 0x30 like a DER SEQUENCE (1 in 256 signatures): each
            # reading the bytes allow is tried, and the one that verifies is what the CMS will carry.
            readings: list[bytes] = []
            if len(value) == 64:
                r, s = int.from_bytes(value[:32], "big"), int.from_bytes(value[32:], "big")
                readings.append(utils.encode_dss_signature(r, s))
            try:
                if utils.encode_dss_signature(*utils.decode_dss_signature(value)) == value:
                    readings.append(value)
            except ValueError:
                pass
            for reading in readings:
                try:
                    public.verify(reading, digest, ec.ECDSA(prehashed))
                except InvalidSignature:
                    continue
                return reading
            raise InvalidSignature
        else:
            if not isinstance(public, rsa.RSAPublicKey):
                raise SignatureInvalid("Khóa không phải RSA", "not an RSA key")
            pad: padding.AsymmetricPadding = (
                padding.PSS(padding.MGF1(hashes.SHA256()), 32)
                if algorithm is SignatureAlgorithm.RSASSA_PSS
                else padding.PKCS1v15()
            )
            public.verify(value, digest, pad, prehashed)
    except (InvalidSignature, ValueError):
        raise SignatureInvalid(
            "Chữ ký không khớp với chứng thư số và bản băm của phiên ký",
            "the signature value does not verify against the certificate over the session's digest",
        ) from None
    return value


def state_certificates(state: dict[str, Any]) -> tuple[x509.Certificate, list[x509.Certificate]]:
    certs = [x509.Certificate.load(base64.b64decode(c)) for c in state["certificates"]]
    return certs[0], certs[1:]


def complete(
    pdf: bytes,
    state: dict[str, Any],
    value: bytes,
    *,
    tsa_url: str | None,
    trust_roots: Sequence[x509.Certificate],
) -> bytes:
    """Embed the CMS with the holder's (checked) signature value into the prepared ``pdf``, then add what
    needs no holder key: the RFC 3161 signature timestamp (B-T and up), the validation data in the DSS
    (B-LT and up) and a document timestamp (B-LTA)."""
    from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
    from pyhanko.sign.signers.pdf_signer import PdfTBSDocument

    certificate, chain = state_certificates(state)
    algorithm = SignatureAlgorithm(state["algorithm"])
    level = state["level"]
    key = _external_key(certificate, chain, algorithm, value)
    timestamper = _session_timestamper(tsa_url, timeout=15) if tsa_url and level != "B-B" else None
    if level != "B-B" and timestamper is None:
        raise SigningError(f"Mức {level} cần máy chủ dấu thời gian", f"level {level} needs a TSA")
    attrs = cms.CMSAttributes.load(base64.b64decode(state["signed_attrs"]))
    start, end = state["region"]
    prep = PreparedByteRangeDigest(base64.b64decode(state["document_digest"]), int(start), int(end))
    out = io.BytesIO(pdf)
    try:
        content = _run(
            key.signer.async_sign_prescribed_attributes(DIGEST_ALGORITHM, attrs, timestamper=timestamper)
        )
        _run(PdfTBSDocument.async_finish_signing(out, prep, content))
        if level in ("B-LT", "B-LTA"):
            _add_long_term(out, certificate, chain, trust_roots, timestamper if level == "B-LTA" else None)
    except SigningError:
        raise
    except OSError as exc:
        raise ServiceUnavailable(
            "Không kết nối được máy chủ dấu thời gian/thu hồi", f"TSA/revocation server unreachable: {exc}"
        ) from None
    except Exception as exc:
        name = type(exc).__name__
        if "Timestamp" in name or "Request" in name or "Connection" in name:
            raise ServiceUnavailable(
                "Không lấy được dấu thời gian từ máy chủ TSA", f"could not get a timestamp: {name}: {exc}"
            ) from None
        raise SigningError(f"Không hoàn tất được chữ ký: {exc}", f"cannot finish signing: {exc}") from None
    return out.getvalue()


def _add_long_term(
    out: io.BytesIO,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    timestamper: Any,
) -> None:
    """B-LT: the signer's (and its timestamp's) validation data in the DSS; B-LTA: a document timestamp."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
    from pyhanko.sign.validation.dss import async_add_validation_info

    from digitize.signing.certcheck import make_validation_context

    vc = make_validation_context(list(trust_roots), list(chain), fetch=True)
    reader = PdfFileReader(out, strict=False)
    embedded = reader.embedded_signatures[-1]
    _run(async_add_validation_info(embedded, vc, in_place=True))
    if timestamper is not None:
        vc2 = make_validation_context(list(trust_roots), list(chain), fetch=True)
        writer = IncrementalPdfFileWriter(out, strict=False)
        _run(PdfTimeStamper(timestamper).async_timestamp_pdf(writer, DIGEST_ALGORITHM, vc2, in_place=True))
