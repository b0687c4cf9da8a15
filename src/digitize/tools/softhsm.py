"""SoftHSM2 (a software PKCS#11 token) for tests, benchmarks and trying PKCS#11 signing without a USB token.

    hsm = SoftHsm.create(tmp_dir)                       # its own SOFTHSM2_CONF and token directory
    hsm.init_token("digitize", so_pin="1234", pin="5678")
    hsm.import_key("digitize", "5678", key_pem, cert_pem, label="officer")
    env = hsm.env()       # {"SOFTHSM2_CONF": ...}: set it before the module is loaded

The PKCS#11 module reads ``SOFTHSM2_CONF`` when it is first loaded in a process, so a process uses one
SoftHSM configuration (tests share one per xdist worker).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from digitize.errors import ToolFailed, ToolMissing

MODULE_CANDIDATES = (
    Path("/usr/lib/softhsm/libsofthsm2.so"),
    Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
    Path("/usr/local/lib/softhsm/libsofthsm2.so"),
    Path("/usr/lib64/pkcs11/libsofthsm2.so"),
)


def module_path() -> Path:
    """The SoftHSM2 PKCS#11 library (ToolMissing when not installed)."""
    for p in MODULE_CANDIDATES:
        if p.is_file():
            return p
    raise ToolMissing("Thiếu SoftHSM2 (gói softhsm2)", "SoftHSM2 is not installed (package softhsm2)")


def available() -> bool:
    try:
        module_path()
    except ToolMissing:
        return False
    return shutil.which("softhsm2-util") is not None and shutil.which("pkcs11-tool") is not None


def _run(args: list[str], env: dict[str, str]) -> str:
    exe = shutil.which(args[0])
    if exe is None:
        raise ToolMissing(f"Thiếu chương trình {args[0]}", f"{args[0]} is not installed")
    proc = subprocess.run(
        [exe, *args[1:]],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    if proc.returncode != 0:
        # never echo the command line: it carries PINs
        msg = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        raise ToolFailed(f"{args[0]} thất bại: {msg[0]}", f"{args[0]} failed: {msg[0]}")
    return proc.stdout


@dataclass(frozen=True)
class SoftHsm:
    conf: Path
    tokens: Path

    @classmethod
    def create(cls, directory: Path) -> SoftHsm:
        directory = Path(directory)
        tokens = directory / "tokens"
        tokens.mkdir(parents=True, exist_ok=True)
        conf = directory / "softhsm2.conf"
        conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
        return cls(conf, tokens)

    @property
    def module(self) -> Path:
        return module_path()

    def env(self) -> dict[str, str]:
        return {"SOFTHSM2_CONF": str(self.conf)}

    def init_token(self, label: str, *, so_pin: str, pin: str) -> None:
        _run(
            ["softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", so_pin, "--pin", pin],
            self.env(),
        )

    def import_key(
        self, token: str, pin: str, key_pem: Path, cert_pem: Path, *, label: str, key_id: str = "01"
    ) -> None:
        """Import a private key (PEM, PKCS#8) and its certificate under one label and id."""
        work = self.conf.parent
        pkcs8 = work / f".{label}.p8.pem"
        key = serialization.load_pem_private_key(Path(key_pem).read_bytes(), None)
        pkcs8.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        cert_der = work / f".{label}.cert.der"
        cert_der.write_bytes(
            x509.load_pem_x509_certificate(Path(cert_pem).read_bytes()).public_bytes(
                serialization.Encoding.DER
            )
        )
        try:
            _run(
                [
                    "softhsm2-util",
                    "--import",
                    str(pkcs8),
                    "--token",
                    token,
                    "--label",
                    label,
                    "--id",
                    key_id,
                    "--pin",
                    pin,
                ],
                self.env(),
            )
            _run(
                [
                    "pkcs11-tool",
                    "--module",
                    str(self.module),
                    "--token-label",
                    token,
                    "--login",
                    "--pin",
                    pin,
                    "--write-object",
                    str(cert_der),
                    "--type",
                    "cert",
                    "--label",
                    label,
                    "--id",
                    key_id,
                ],
                self.env(),
            )
        finally:
            pkcs8.unlink(missing_ok=True)
            cert_der.unlink(missing_ok=True)
