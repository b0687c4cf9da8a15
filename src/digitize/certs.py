"""CA certificate files (PEM or DER) that signing and verification trust.

Roots come from ``--trust`` files and ``Settings.trust_dir``. A light module (asn1crypto only), so
``digitize sign`` need not import the verification engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from asn1crypto import pem, x509

from digitize.errors import BadInput

CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der", ".cert"}


def parse_certificates(data: bytes, origin: str = "") -> list[x509.Certificate]:
    """Every X.509 certificate in ``data`` (one DER certificate, or PEM with one or more)."""
    certs: list[x509.Certificate] = []
    try:
        if pem.detect(data):
            for kind, _headers, der in pem.unarmor(data, multiple=True):
                if kind in ("CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CERTIFICATE"):
                    cert = x509.Certificate.load(der)
                    _ = cert.subject  # force parsing now
                    certs.append(cert)
        else:
            cert = x509.Certificate.load(data)
            _ = cert.subject
            _ = cert["tbs_certificate"]["validity"].native
            certs.append(cert)
    except (ValueError, TypeError, KeyError) as exc:
        raise BadInput(
            f"Không đọc được chứng thư số CA {origin}: {exc}",
            f"Cannot read CA certificate {origin}: {exc}",
        ) from exc
    if not certs:
        raise BadInput(f"Không có chứng thư số nào trong {origin}", f"No certificate found in {origin}")
    return certs


def load_trust_roots(files: Iterable[Path] = (), directory: Path | None = None) -> list[x509.Certificate]:
    """Certificates from the given files and from every certificate file of ``directory``.

    A named file that is missing or unreadable is an error (the caller asked for it); in the directory, files
    with other suffixes are ignored and an unreadable certificate file is an error too.
    """
    roots: list[x509.Certificate] = []
    seen: set[bytes] = set()

    def add(path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BadInput(
                f"Không đọc được tệp chứng thư CA {path}: {exc.strerror}",
                f"Cannot read CA certificate file {path}: {exc.strerror}",
            ) from exc
        for cert in parse_certificates(data, str(path)):
            if cert.sha256 not in seen:
                seen.add(cert.sha256)
                roots.append(cert)

    for f in files:
        add(Path(f))
    if directory is not None:
        d = Path(directory).expanduser()
        if d.is_dir():
            for p in sorted(d.iterdir()):
                if p.is_file() and p.suffix.lower() in CERT_SUFFIXES:
                    add(p)
    return roots
