"""Signing out of the box: the demo PKI that ``digitize serve --first-run`` (``make run``) makes in a fresh
``DIGITIZE_HOME``, so that a newcomer signs and verifies a sample in the first minute.

In ``<home>/demo/``: a demo root CA, a demo officer certificate for ``admin`` (PKCS#12 ``officer.p12``, its
password in ``p12-password.txt``, 0600: import it in the agent with ``digitize agent run --p12``), the
organisation's demo key (``organization.p12``), a demo signature image and seal (``signature.png``,
``seal.png``). ``<home>/trust/demo-root.pem`` makes the demo root trusted in THIS home only (``Settings``
picks ``<home>/trust``, ``<home>/signing.toml`` and ``<home>/demo/seal.png`` up when nothing else is
configured). ``<home>/signing.toml`` holds the profile ``demo`` (the officer's key on the server, bound to
``admin``) and ``demo-con-dau`` (the organisation's key, bound to the clerk ``van-thu`` once created).

Every demo stamp says it: "BẢN DEMO — không có giá trị pháp lý" (in the images, the title and the reason),
and every demo certificate's names carry "BẢN DEMO".
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

DEMO_TEXT = "BẢN DEMO — không có giá trị pháp lý"


@dataclass(frozen=True)
class DemoPki:
    dir: Path
    root: Path
    officer_cert: Path
    officer_p12: Path
    organization_p12: Path
    password_file: Path
    signature_image: Path
    seal_image: Path
    profiles: Path
    created: bool


def _write(path: Path, data: bytes, mode: int = 0o600) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _font(size: int) -> object:
    from PIL import ImageFont

    for p in (
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    ):
        if Path(p).is_file():
            return ImageFont.truetype(p, size)
    return ImageFont.load_default()


def _signature_png(path: Path) -> None:
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (900, 300), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.line(
        [(60, 190), (170, 60), (260, 200), (370, 70), (470, 180), (640, 90)], fill=(20, 40, 200, 255), width=9
    )
    d.text((20, 230), DEMO_TEXT, fill=(200, 0, 0, 255), font=_font(44))  # type: ignore[arg-type]
    im.save(path)


def _seal_png(path: Path) -> None:
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (472, 472), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse([8, 8, 464, 464], outline=(220, 0, 0, 230), width=14)
    d.ellipse([70, 70, 402, 402], outline=(220, 0, 0, 230), width=6)
    d.text((236, 200), "BẢN DEMO", fill=(220, 0, 0, 255), font=_font(64), anchor="mm")  # type: ignore[arg-type]
    d.text((236, 280), "không có giá trị pháp lý", fill=(220, 0, 0, 255), font=_font(30), anchor="mm")  # type: ignore[arg-type]
    im.save(path, dpi=(300, 300))


def ensure_demo_pki(home: Path, organization: str, *, admin: str = "admin") -> DemoPki:
    """Make the demo PKI in ``home`` unless it is there (``created`` says which)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    home = Path(home)
    demo = home / "demo"
    pki = DemoPki(
        demo,
        home / "trust" / "demo-root.pem",
        demo / "officer.pem",
        demo / "officer.p12",
        demo / "organization.p12",
        demo / "p12-password.txt",
        demo / "signature.png",
        demo / "seal.png",
        home / "signing.toml",
        False,
    )
    if pki.officer_p12.exists() and pki.root.exists():
        return pki
    demo.mkdir(parents=True, exist_ok=True, mode=0o700)
    pki.root.parent.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)

    def name(cn: str, org: str | None = None) -> x509.Name:
        attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
        if org:
            attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
        attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
        return x509.Name(attrs)

    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = name("digitize Root CA — BẢN DEMO", "BẢN DEMO — không có giá trị pháp lý")
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )

    def leaf(cn: str, org: str) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name(cn, org))
            .issuer_name(root_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
            )
            .sign(root_key, hashes.SHA256())
        )
        return key, cert

    password = secrets.token_urlsafe(12)
    enc = serialization.BestAvailableEncryption(password.encode())
    officer_key, officer = leaf("Quản trị viên (BẢN DEMO)", f"{organization} (BẢN DEMO)")
    org_key, org_cert = leaf(f"{organization} (BẢN DEMO)", f"{organization} (BẢN DEMO)")
    pem = serialization.Encoding.PEM
    _write(pki.password_file, password.encode())
    _write(
        pki.officer_p12, pkcs12.serialize_key_and_certificates(b"officer", officer_key, officer, [root], enc)
    )
    _write(
        pki.organization_p12, pkcs12.serialize_key_and_certificates(b"seal", org_key, org_cert, [root], enc)
    )
    _write(pki.officer_cert, officer.public_bytes(pem), 0o644)
    _write(pki.root, root.public_bytes(pem), 0o644)
    _signature_png(pki.signature_image)
    _seal_png(pki.seal_image)
    if not pki.profiles.exists():
        _write(
            pki.profiles,
            f"""# Made by the first run: the DEMO PKI of this home ({DEMO_TEXT}).
[profiles.demo]
role = "leader"
level = "B-B"
p12 = "demo/officer.p12"
p12_password_file = "demo/p12-password.txt"
title = "Giám đốc (BẢN DEMO)"
signature_image = "demo/signature.png"
reason = "{DEMO_TEXT}"
users = ["{admin}"]

[profiles.demo-con-dau]
role = "organization"
level = "B-B"
p12 = "demo/organization.p12"
p12_password_file = "demo/p12-password.txt"
seal_image = "demo/seal.png"
reason = "{DEMO_TEXT}"
users = ["van-thu"]
""".encode(),
        )
    return DemoPki(**{**pki.__dict__, "created": True})


def is_demo_certificate(cert: object) -> bool:
    """Whether a certificate (asn1crypto) is one of a demo PKI's: its names carry "BẢN DEMO"."""
    try:
        names = f"{cert.subject.human_friendly} {cert.issuer.human_friendly}"  # type: ignore[attr-defined]
    except Exception:
        return False
    return "BẢN DEMO" in names


def demo_signature_image(home: Path) -> Path | None:
    """The demo signature image of ``home`` (it carries DEMO_TEXT), when the first run made it."""
    path = Path(home) / "demo" / "signature.png"
    return path if path.is_file() else None
