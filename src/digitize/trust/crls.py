"""Revocation lists kept on disk, for verification on networks without Internet.

``digitize trust crl import FILE...`` stores CRLs (DER or PEM) under ``$DIGITIZE_HOME/trust/crls/``, one per
issuer (the newest by thisUpdate wins); ``digitize trust refresh`` fetches the CRL of every known CA from its
distribution points through the guarded fetcher (``digitize.verify.fetching``) when online; verification also
keeps the CRLs it fetched. A CRL is kept from the network only when a known CA's key verifies it, and a file
naming a known CA is imported only when that CA's key verifies it (a forged list would replace the real one).
Each CRL keeps its validity (thisUpdate, nextUpdate): an expired one is still used
as evidence of what was revoked, and the report says it is stale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import crl, pem, x509

from digitize.config import Settings
from digitize.errors import BadInput


@dataclass(frozen=True)
class CrlInfo:
    """One cached CRL and what a person needs to know about it."""

    path: Path
    issuer: str
    this_update: datetime
    next_update: datetime | None
    revoked: int
    verified_by: str | None  # subject of the known CA whose key verified the CRL's signature, if any

    @property
    def expired(self) -> bool:
        return self.next_update is not None and self.next_update < datetime.now(UTC)


def _dir(settings: Settings | None) -> Path:
    from digitize.trust import trust_home

    return trust_home(settings) / "crls"


def parse_crl(data: bytes, origin: str = "") -> crl.CertificateList:
    """A CRL from DER or PEM bytes; anything else is BadInput."""
    try:
        if pem.detect(data):
            _kind, _headers, data = pem.unarmor(data)
        c = crl.CertificateList.load(data)
        tbs = c["tbs_cert_list"]
        _ = tbs["issuer"].human_friendly, tbs["this_update"].native, c["signature"].native
        _ = [e["user_certificate"].native for e in tbs["revoked_certificates"]]
    except Exception as exc:
        raise BadInput(
            f"Tệp {origin} không phải danh sách thu hồi chứng thư (CRL): {type(exc).__name__}",
            f"{origin} is not a certificate revocation list (CRL): {type(exc).__name__}",
        ) from exc
    return c


def _issuer_key(c: crl.CertificateList) -> str:
    return hashlib.sha256(c["tbs_cert_list"]["issuer"].dump()).hexdigest()[:24]


def _verify_signature(c: crl.CertificateList, issuers: Iterable[x509.Certificate]) -> str | None:
    """Subject of the CA whose public key verifies this CRL, or None (unknown issuer / bad signature)."""
    from pyhanko_certvalidator.sig_validate import DefaultSignatureValidator

    name = c["tbs_cert_list"]["issuer"]
    for ca in issuers:
        if ca.subject != name:
            continue
        try:
            DefaultSignatureValidator().validate_signature(
                c["signature"].native, c["tbs_cert_list"].dump(), ca.public_key, c["signature_algorithm"]
            )
        except Exception:
            continue
        return str(ca.subject.human_friendly)
    return None


def info(path: Path, c: crl.CertificateList, issuers: Iterable[x509.Certificate] = ()) -> CrlInfo:
    tbs = c["tbs_cert_list"]
    nu = tbs["next_update"].native
    return CrlInfo(
        path=path,
        issuer=str(tbs["issuer"].human_friendly),
        this_update=tbs["this_update"].native,
        next_update=nu,
        revoked=len(tbs["revoked_certificates"]),
        verified_by=_verify_signature(c, issuers),
    )


def store(c: crl.CertificateList, settings: Settings | None = None) -> tuple[Path, bool]:
    """Keep ``c`` unless a CRL of the same issuer at least as new is there; (path, stored?)."""
    d = _dir(settings)
    d.mkdir(parents=True, exist_ok=True)
    target = d / f"{_issuer_key(c)}.crl"
    if target.exists():
        try:
            old = crl.CertificateList.load(target.read_bytes())
            if old["tbs_cert_list"]["this_update"].native >= c["tbs_cert_list"]["this_update"].native:
                return target, False
        except Exception:
            pass
    tmp = target.with_suffix(".part")
    tmp.write_bytes(c.dump())
    tmp.replace(target)
    return target, True


def _forged(c: crl.CertificateList, cas: Iterable[x509.Certificate]) -> bool:
    """Whether ``c`` names a known CA as its issuer but none of that CA's keys verifies it: kept, it would
    stand in for the CA's real list (the newest by thisUpdate wins, so a forged far-future one for good) and
    hide every revocation in it."""
    name = c["tbs_cert_list"]["issuer"]
    known = [ca for ca in cas if ca.subject == name]
    return bool(known) and _verify_signature(c, known) is None


def import_files(paths: Iterable[Path], settings: Settings | None = None) -> list[tuple[CrlInfo, bool]]:
    """Import CRL files; every file is parsed, and its signature checked when its issuer is a known CA,
    before any is stored (nothing half-imported)."""
    from digitize.trust import everything

    cas = [t.cert for t in everything(settings)]
    parsed = []
    for p in paths:
        try:
            data = Path(p).read_bytes()
        except OSError as exc:
            raise BadInput(
                f"Không đọc được tệp {p}: {exc.strerror}", f"Cannot read {p}: {exc.strerror}"
            ) from exc
        c = parse_crl(data, str(p))
        if _forged(c, cas):
            issuer = c["tbs_cert_list"]["issuer"].human_friendly
            raise BadInput(
                f"Chữ ký của danh sách thu hồi {p} không khớp với CA {issuer}: không nhập",
                f"the signature of the CRL {p} does not verify under the CA {issuer}: not imported",
            )
        parsed.append(c)
    out = []
    for c in parsed:
        path, stored = store(c, settings)
        out.append((info(path, c, cas), stored))
    return out


def cached(settings: Settings | None = None) -> list[crl.CertificateList]:
    d = _dir(settings)
    out: list[crl.CertificateList] = []
    if d.is_dir():
        for p in sorted(d.glob("*.crl")):
            try:
                c = crl.CertificateList.load(p.read_bytes())
                _ = c["tbs_cert_list"]["this_update"].native
                out.append(c)
            except Exception:
                continue
    return out


def listing(settings: Settings | None = None) -> list[CrlInfo]:
    from digitize.trust import everything

    cas = [t.cert for t in everything(settings)]
    d = _dir(settings)
    return [info(d / f"{_issuer_key(c)}.crl", c, cas) for c in cached(settings)]


@dataclass(frozen=True)
class Refreshed:
    """What ``refresh`` did for one CA: CRLs fetched, newer ones kept, forged ones refused, or the error."""

    subject: str
    fetched: int = 0
    kept: int = 0
    refused: int = 0  # signature does not verify under a known CA
    error: str | None = None


async def refresh(settings: Settings | None = None, timeout: float = 10.0) -> list[Refreshed]:
    """Fetch the CRL of every known CA certificate (guarded fetcher); one ``Refreshed`` per CA."""
    from digitize.config import get_settings
    from digitize.trust import everything
    from digitize.verify.fetching import GuardedFetcherBackend, allowed_hosts

    s = settings or get_settings()
    fetcher = GuardedFetcherBackend(timeout, allow=allowed_hosts(s.verify_fetch_allow_hosts)).get_fetchers()
    results: list[Refreshed] = []
    cas = [t.cert for t in everything(s)]
    for t in everything(s):
        cert = t.cert
        if cert.self_signed == "yes" or not cert.crl_distribution_points:
            continue
        try:
            got = list(await fetcher.crl_fetcher.fetch(cert))
        except Exception as exc:
            results.append(Refreshed(t.subject, error=f"{type(exc).__name__}: {str(exc)[:120]}"))
            continue
        kept = refused = 0
        for c in got:  # from the network, often plain HTTP: only what the CA signed is kept
            if _verify_signature(c, cas) is None:
                refused += 1
                continue
            _path, stored = store(c, s)
            kept += int(stored)
        results.append(Refreshed(t.subject, fetched=len(got), kept=kept, refused=refused))
    return results
