"""What verification trusts: the shipped Vietnamese trust list, the intermediates pool, anchors added locally,
certificates found on the way (AIA), and imported revocation lists (CRLs) for networks without Internet.

- ``manifest.json`` + ``certs/``: the national roots (trust anchors: VGCA/Ban Cơ yếu Chính phủ G1 and G2,
  Vietnam National Root CA and G3, the old MIC root for old signatures) and their known intermediates (a pool
  for chain building, never anchors), each with its SHA-256 fingerprint and where it came from. A certificate
  whose fingerprint does not match its manifest entry is refused loudly.
- ``$DIGITIZE_HOME/trust/anchors/``: anchors added with ``digitize trust add``;
  ``$DIGITIZE_HOME/trust/certs/``: intermediates learnt from signatures and AIA fetches (cache);
  ``$DIGITIZE_HOME/trust/crls/``: CRLs imported or refreshed (``digitize.trust.crls``).

    from digitize.trust import load_trust
    material = load_trust()                 # anchors + pool + CRLs, as frozen values
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from asn1crypto import crl, x509

from digitize.certs import CERT_SUFFIXES, parse_certificates
from digitize.config import Settings, get_settings
from digitize.errors import BadInput

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "manifest.json"


class Role(StrEnum):
    ANCHOR = "anchor"
    INTERMEDIATE = "intermediate"


class Origin(StrEnum):
    SHIPPED = "shipped"  # in the repository, listed in manifest.json
    ADDED = "added"  # digitize trust add
    LEARNT = "learnt"  # cached from a signature's CMS or an AIA fetch
    TRUST_DIR = "trust_dir"  # a certificate file in DIGITIZE_TRUST_DIR (the demo root of `make run`, say)


@dataclass(frozen=True)
class TrustedCert:
    """One certificate the verifier knows, with where it came from."""

    cert: x509.Certificate
    role: Role
    origin: Origin
    source: str
    note: str = ""

    @property
    def sha256(self) -> str:
        digest: bytes = self.cert.sha256
        return digest.hex()

    @property
    def subject(self) -> str:
        return str(self.cert.subject.human_friendly)

    @property
    def not_after(self) -> str:
        return str(self.cert["tbs_certificate"]["validity"]["not_after"].native.date().isoformat())


@dataclass(frozen=True)
class TrustMaterial:
    """Everything one verification starts from: anchors, a pool for chain building, revocation lists."""

    anchors: tuple[x509.Certificate, ...]
    pool: tuple[x509.Certificate, ...]
    crls: tuple[crl.CertificateList, ...]


@lru_cache(maxsize=1)
def shipped() -> tuple[TrustedCert, ...]:
    """The shipped list, each certificate checked against its manifest fingerprint."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    out: list[TrustedCert] = []
    for entry in manifest["certificates"]:
        path = PACKAGE_DIR / entry["file"]
        data = path.read_bytes()
        certs = parse_certificates(data, str(path))
        if len(certs) != 1 or certs[0].sha256.hex() != entry["sha256"]:
            raise RuntimeError(f"trust list: {entry['file']} does not match its SHA-256 in manifest.json")
        out.append(
            TrustedCert(
                cert=certs[0],
                role=Role(entry["role"]),
                origin=Origin.SHIPPED,
                source=entry["source"],
                note=entry.get("note", ""),
            )
        )
    return tuple(out)


def trust_home(settings: Settings | None = None) -> Path:
    return (settings or get_settings()).home_dir / "trust"


def _certs_in(directory: Path) -> list[x509.Certificate]:
    out: list[x509.Certificate] = []
    if directory.is_dir():
        for p in sorted(directory.iterdir()):
            if p.is_file() and p.suffix.lower() in CERT_SUFFIXES:
                out.extend(parse_certificates(p.read_bytes(), str(p)))
    return out


def added(settings: Settings | None = None) -> tuple[TrustedCert, ...]:
    """Anchors added with ``digitize trust add``."""
    d = trust_home(settings) / "anchors"
    return tuple(
        TrustedCert(cert=c, role=Role.ANCHOR, origin=Origin.ADDED, source=f"digitize trust add ({d})")
        for c in _certs_in(d)
    )


def learnt(settings: Settings | None = None) -> tuple[TrustedCert, ...]:
    """Intermediates cached from signatures and AIA fetches."""
    d = trust_home(settings) / "certs"
    return tuple(
        TrustedCert(cert=c, role=Role.INTERMEDIATE, origin=Origin.LEARNT, source=f"cache ({d})")
        for c in _certs_in(d)
    )


def configured(settings: Settings | None = None) -> tuple[TrustedCert, ...]:
    """Anchors from the certificate files of ``DIGITIZE_TRUST_DIR`` (default ``$DIGITIZE_HOME/trust``), which
    verification and signing trust too (``digitize.certs.load_trust_roots``), even with
    ``--no-default-trust``."""
    d = (settings or get_settings()).trust_dir
    if d is None:
        return ()
    d = Path(d).expanduser()
    return tuple(
        TrustedCert(cert=c, role=Role.ANCHOR, origin=Origin.TRUST_DIR, source=f"DIGITIZE_TRUST_DIR ({d})")
        for c in _certs_in(d)
    )


def everything(settings: Settings | None = None) -> tuple[TrustedCert, ...]:
    return shipped() + added(settings) + learnt(settings)


def add_anchor(path: Path, settings: Settings | None = None) -> list[TrustedCert]:
    """Copy the CA certificate(s) of ``path`` into the local anchors (named by fingerprint)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BadInput(
            f"Không đọc được tệp chứng thư {path}: {exc.strerror}", f"Cannot read certificate {path}"
        ) from exc
    certs = parse_certificates(data, str(path))
    d = trust_home(settings) / "anchors"
    d.mkdir(parents=True, exist_ok=True)
    out = []
    for c in certs:
        if not c.ca:
            raise BadInput(
                f"{path}: chứng thư '{c.subject.human_friendly}' không phải của một CA",
                f"{path}: certificate '{c.subject.human_friendly}' is not a CA certificate",
            )
        target = d / f"{c.sha256.hex()[:16]}.pem"
        tmp = target.with_suffix(".part")
        tmp.write_bytes(_pem(c))
        tmp.replace(target)
        out.append(TrustedCert(cert=c, role=Role.ANCHOR, origin=Origin.ADDED, source=str(path)))
    return out


def remember_certificates(certs: list[x509.Certificate], settings: Settings | None = None) -> int:
    """Cache CA certificates met while building chains (from a CMS or AIA), so the next run needs no fetch."""
    shipped_ids = {t.cert.sha256 for t in shipped()}
    d = trust_home(settings) / "certs"
    n = 0
    for c in certs:
        if c.sha256 in shipped_ids or not c.ca or c.self_signed != "no":
            continue
        target = d / f"{c.sha256.hex()[:16]}.pem"
        if not target.exists():
            d.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{hashlib.sha256(c.dump()).hexdigest()[:6]}.part")
            tmp.write_bytes(_pem(c))
            tmp.replace(target)
            n += 1
    return n


def issuers_from(pool: tuple[x509.Certificate, ...], certs: list[x509.Certificate]) -> list[x509.Certificate]:
    """The certificates of ``pool`` that can sit above ``certs`` (by issuer name, transitively): a small
    candidate set for path building instead of the whole pool."""
    by_subject: dict[str, list[x509.Certificate]] = {}
    for c in pool:
        by_subject.setdefault(c.subject.hashable, []).append(c)
    out: list[x509.Certificate] = []
    seen: set[bytes] = set()
    todo = list(certs)
    while todo and len(out) < 64:
        cert = todo.pop()
        for cand in by_subject.get(cert.issuer.hashable, []):
            if cand.sha256 not in seen:
                seen.add(cand.sha256)
                out.append(cand)
                todo.append(cand)
    return out


def _pem(c: x509.Certificate) -> bytes:
    from asn1crypto import pem

    return bytes(pem.armor("CERTIFICATE", c.dump()))


def load_trust(
    extra_anchors: tuple[x509.Certificate, ...] | list[x509.Certificate] = (),
    *,
    default_trust: bool = True,
    settings: Settings | None = None,
) -> TrustMaterial:
    """Anchors (``extra_anchors``, plus the shipped and added ones unless ``default_trust`` is False), the
    intermediates pool (shipped + learnt: always used, they anchor nothing) and the cached CRLs."""
    from digitize.trust import crls

    anchors: list[x509.Certificate] = list(extra_anchors)
    pool: list[x509.Certificate] = []
    for t in everything(settings):
        if t.role is Role.ANCHOR:
            if default_trust:
                anchors.append(t.cert)
            else:
                pool.append(t.cert)  # a root may still complete a chain; it is not trusted then
        else:
            pool.append(t.cert)
    seen: set[bytes] = set()
    uniq = []
    for c in anchors:
        if c.sha256 not in seen:
            seen.add(c.sha256)
            uniq.append(c)
    return TrustMaterial(
        anchors=tuple(uniq),
        pool=tuple(c for c in pool if c.sha256 not in seen),
        crls=tuple(crls.cached(settings)),
    )
