"""Checks on the signer's certificate before anything is signed.

Validity period, key usage (digitalSignature or nonRepudiation), a chain to the configured trust roots and,
when the OCSP responder or CRL distribution point answers, revocation. A refusal is a ``CertificateRejected``
with a Vietnamese and an English message; ``reason`` in its details is one of ``expired``,
``not_yet_valid``, ``wrong_usage``, ``untrusted``, ``revoked``, ``invalid``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from asn1crypto import x509

from digitize.errors import CertificateRejected

SIGNING_USAGES = frozenset({"digital_signature", "non_repudiation"})


@dataclass(frozen=True)
class CertificateCheck:
    """What was checked and found (returned when the certificate is accepted)."""

    subject: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    trusted: bool  # a chain to a trust root was found (False only when no roots were configured)
    revocation: str  # "good", "unknown" (not reachable / no source) or "not_checked"


def _cn(cert: x509.Certificate) -> str:
    name = cert.subject.native
    return str(name.get("common_name") or cert.subject.human_friendly)


def make_validation_context(
    trust_roots: Sequence[x509.Certificate],
    other_certs: Iterable[x509.Certificate] = (),
    *,
    fetch: bool = True,
    revocation_mode: str = "soft-fail",
    moment: dt.datetime | None = None,
    timeout: float = 10.0,
) -> Any:
    """A pyhanko-certvalidator ``ValidationContext`` (fetching OCSP/CRL when ``fetch``). Fetches go through
    the guarded fetcher of verification (``digitize.verify.fetching``): the URLs come from certificates, some
    of them the caller's (the chain of a signing session), so none may reach the server's own network."""
    from pyhanko_certvalidator import ValidationContext

    from digitize.config import get_settings
    from digitize.verify.fetching import GuardedFetcherBackend, allowed_hosts

    backend = GuardedFetcherBackend(timeout, allow=allowed_hosts(get_settings().verify_fetch_allow_hosts))
    kwargs: dict[str, Any] = {"fetcher_backend": backend}
    if moment is not None:
        kwargs["moment"] = moment
    return ValidationContext(
        trust_roots=list(trust_roots),
        other_certs=list(other_certs),
        allow_fetching=fetch,
        revocation_mode=revocation_mode,
        **kwargs,
    )


def check_certificate(
    cert: x509.Certificate,
    chain: Iterable[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    *,
    check_revocation: bool = True,
    require_trust: bool = True,
    now: dt.datetime | None = None,
) -> CertificateCheck:
    """Refuse (CertificateRejected) a certificate that may not sign now; describe it otherwise."""
    now = now or dt.datetime.now(dt.UTC)
    who = _cn(cert)
    nb, na = cert.not_valid_before, cert.not_valid_after
    if now > na:
        raise CertificateRejected(
            f"Chứng thư số của '{who}' đã hết hạn từ {na.isoformat()}",
            f"the certificate of '{who}' expired on {na.isoformat()}",
            reason="expired",
        )
    if now < nb:
        raise CertificateRejected(
            f"Chứng thư số của '{who}' chưa có hiệu lực (từ {nb.isoformat()})",
            f"the certificate of '{who}' is not valid yet (from {nb.isoformat()})",
            reason="not_yet_valid",
        )
    usage = cert.key_usage_value
    if usage is not None and not (set(usage.native) & SIGNING_USAGES):
        raise CertificateRejected(
            f"Chứng thư số của '{who}' không được phép dùng để ký (key usage: {', '.join(usage.native)})",
            f"the certificate of '{who}' may not be used for signing (key usage: {', '.join(usage.native)})",
            reason="wrong_usage",
        )
    ext_usage = cert.extended_key_usage_value
    if ext_usage is not None and "time_stamping" in ext_usage.native and len(ext_usage.native) == 1:
        raise CertificateRejected(
            f"Chứng thư số của '{who}' chỉ dùng cho dấu thời gian",
            f"the certificate of '{who}' is for timestamping only",
            reason="wrong_usage",
        )

    provisional = False
    if not trust_roots:
        if require_trust:
            raise CertificateRejected(
                "Chưa cấu hình chứng thư CA tin cậy (--trust hoặc DIGITIZE_TRUST_DIR)",
                "no trusted CA certificates configured (--trust or DIGITIZE_TRUST_DIR)",
                reason="untrusted",
            )
        # No trust configured: the key file's own root (if it has one) anchors the path, so that
        # revocation is still checked; the result says trusted=False.
        chain = list(chain)
        trust_roots = [c for c in chain if c.self_signed in ("maybe", "yes")]
        if not trust_roots:
            return CertificateCheck(who, str(cert.serial_number), nb, na, False, "not_checked")
        provisional = True

    from pyhanko_certvalidator import CertificateValidator
    from pyhanko_certvalidator.errors import (
        ExpiredError,
        InsufficientRevinfoError,
        NotYetValidError,
        PathBuildingError,
        PathValidationError,
        RevokedError,
    )

    vc = make_validation_context(trust_roots, chain, fetch=check_revocation)
    validator = CertificateValidator(cert, intermediate_certs=list(chain), validation_context=vc)
    try:
        path = asyncio.run(validator.async_validate_usage(set()))
    except RevokedError as exc:
        raise CertificateRejected(
            f"Chứng thư số của '{who}' đã bị thu hồi",
            f"the certificate of '{who}' has been revoked",
            reason="revoked",
            detail=str(exc),
        ) from None
    except PathBuildingError:
        if provisional:
            return CertificateCheck(who, str(cert.serial_number), nb, na, False, "not_checked")
        raise CertificateRejected(
            f"Chứng thư số của '{who}' không chuỗi được tới CA tin cậy nào",
            f"the certificate of '{who}' does not chain to a trusted CA",
            reason="untrusted",
        ) from None
    except (ExpiredError, NotYetValidError) as exc:
        raise CertificateRejected(
            f"Một chứng thư trong chuỗi của '{who}' không còn hiệu lực: {exc}",
            f"a certificate in the chain of '{who}' is not valid now: {exc}",
            reason="expired",
        ) from None
    except InsufficientRevinfoError:
        return CertificateCheck(who, str(cert.serial_number), nb, na, not provisional, "unknown")
    except PathValidationError as exc:
        raise CertificateRejected(
            f"Chứng thư số của '{who}' không hợp lệ: {exc}",
            f"the certificate of '{who}' is not valid: {exc}",
            reason="invalid",
        ) from None
    revocation = "not_checked"
    if check_revocation:
        revocation = "unknown"
        try:
            if vc.revinfo_manager and _had_revinfo(vc, path):
                revocation = "good"
        except Exception:  # pragma: no cover - diagnostic only
            revocation = "unknown"
    return CertificateCheck(who, str(cert.serial_number), nb, na, not provisional, revocation)


def _had_revinfo(vc: Any, path: Any) -> bool:
    """Whether OCSP responses or CRLs were actually obtained while validating."""
    archive = vc.revinfo_manager
    try:
        return bool(archive.crls or archive.ocsps)
    except AttributeError:
        return bool(getattr(vc, "ocsps", None) or getattr(vc, "crls", None))
