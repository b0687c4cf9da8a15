"""poppler's ``pdfsig``: list and check the signatures of a PDF, sign with a key from an NSS database.

Used as an independent second opinion (poppler/NSS instead of pyHanko/OpenSSL) and, in tests, as another
signing tool whose output our verifier must accept.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from digitize.errors import CorruptInput, ToolFailed, ToolMissing

TIMEOUT = 120.0


@dataclass(frozen=True)
class PdfsigSignature:
    """One ``Signature #n`` block of pdfsig's output."""

    number: int
    field: str | None = None
    signed: bool = True
    common_name: str | None = None
    distinguished_name: str | None = None
    signing_time: str | None = None
    hash_algorithm: str | None = None
    signature_type: str | None = None
    ranges: tuple[tuple[int, int], ...] = ()
    total_document_signed: bool | None = None
    signature_validation: str | None = None  # "Signature is Valid.", "Digest Mismatch." ...
    certificate_validation: str | None = None  # "Certificate is Trusted." ... (None with -nocert)

    @property
    def valid(self) -> bool:
        return bool(self.signature_validation and self.signature_validation.startswith("Signature is Valid"))


def _binary() -> str:
    exe = shutil.which("pdfsig")
    if exe is None:
        raise ToolMissing(
            "Thiếu chương trình pdfsig (gói poppler-utils)", "pdfsig (package poppler-utils) is not installed"
        )
    return exe


@lru_cache(maxsize=1)
def version() -> str:
    """pdfsig's version, e.g. ``22.12.0`` (raises ToolMissing when absent)."""
    proc = subprocess.run([_binary(), "-v"], capture_output=True, text=True, timeout=30)
    m = re.search(r"pdfsig version (\S+)", proc.stdout + proc.stderr)
    if not m:
        raise ToolFailed("Không xác định được phiên bản pdfsig", "Cannot tell pdfsig's version")
    return m.group(1)


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([_binary(), *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise ToolFailed("pdfsig chạy quá thời gian cho phép", "pdfsig timed out") from exc


def parse(output: str) -> list[PdfsigSignature]:
    """The signatures described in pdfsig's output."""
    blocks = re.split(r"^Signature #(\d+):\s*$", output, flags=re.M)
    found: list[PdfsigSignature] = []
    for i in range(1, len(blocks) - 1, 2):
        number, body = int(blocks[i]), blocks[i + 1]
        kv: dict[str, str] = {}
        for line in body.splitlines():
            m = re.match(r"\s*-\s*([^:]+):\s*(.*)$", line)
            if m:
                kv[m.group(1).strip()] = m.group(2).strip()
        pairs = re.findall(r"\[(\d+)\s*-\s*(\d+)\]", kv.get("Signed Ranges", ""))
        ranges = tuple((int(a), int(b)) for a, b in pairs)
        total: bool | None = None
        if "Total document signed" in body:
            total = "Not total document signed" not in body
        found.append(
            PdfsigSignature(
                number=number,
                field=kv.get("Signature Field Name"),
                signed="is not signed" not in body,
                common_name=kv.get("Signer Certificate Common Name"),
                distinguished_name=kv.get("Signer full Distinguished Name"),
                signing_time=kv.get("Signing Time"),
                hash_algorithm=kv.get("Signing Hash Algorithm"),
                signature_type=kv.get("Signature Type"),
                ranges=ranges,
                total_document_signed=total,
                signature_validation=kv.get("Signature Validation"),
                certificate_validation=kv.get("Certificate Validation"),
            )
        )
    return found


def inspect(
    pdf: Path, *, nssdir: str | None = None, check_certificates: bool = False, timeout: float = TIMEOUT
) -> list[PdfsigSignature]:
    """Run ``pdfsig`` on ``pdf``: every signature field with poppler's verdict on it.

    Without ``check_certificates`` only the signature itself is checked (``-nocert``); with it, the chain is
    checked against ``nssdir`` (``sql:<dir>``) without OCSP.
    """
    args: list[str] = []
    if nssdir:
        args += ["-nssdir", nssdir]
    args += ["-no-ocsp"] if check_certificates else ["-nocert"]
    proc = _run([*args, str(pdf)], timeout)
    if proc.returncode != 0:
        first = (proc.stderr.strip().splitlines() or ["?"])[-1]
        raise CorruptInput(f"pdfsig không đọc được tệp: {first}", f"pdfsig cannot read the file: {first}")
    return parse(proc.stdout)


def list_nicks(nssdir: str, timeout: float = 30) -> list[str]:
    """Nicknames of the certificates with a private key in the NSS database."""
    proc = _run(["-nssdir", nssdir, "-list-nicks"], timeout)
    if proc.returncode != 0:
        raise ToolFailed(f"pdfsig -list-nicks thất bại: {proc.stderr.strip()}", "pdfsig -list-nicks failed")
    return [ln.strip() for ln in proc.stdout.splitlines() if ln.strip() and not ln.strip().endswith(":")]


def add_signature(
    src: Path,
    dst: Path,
    *,
    nssdir: str,
    nick: str,
    password: str | None = None,
    reason: str | None = None,
    field_name: str | None = None,
    etsi: bool = False,
    timeout: float = TIMEOUT,
) -> None:
    """``pdfsig -add-signature``: sign ``src`` into ``dst`` with the NSS key ``nick``."""
    args = ["-nssdir", nssdir, "-add-signature", "-nick", nick]
    if password is not None:
        args += ["-kpw", password]
    if reason:
        args += ["-reason", reason]
    if field_name:
        args += ["-new-signature-field-name", field_name]
    if etsi:
        args.append("-etsi")
    proc = _run([*args, str(src), str(dst)], timeout)
    if proc.returncode != 0 or not dst.is_file():
        msg = proc.stderr.strip() or proc.stdout.strip()
        raise ToolFailed(f"pdfsig không ký được: {msg}", f"pdfsig could not sign: {msg}")
