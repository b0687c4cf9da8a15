"""Helpers of the signing tests: small PDFs and images, third-party checks (pdfsig, pyHanko, OCR)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from digitize.tools import pdfsig
from digitize.tools.pdfsig import PdfsigSignature
from tests.support.pki import TestPKI


def make_pdf(path: Path, text: str = "QUYẾT ĐỊNH về việc cấp giấy phép", pages: int = 1) -> Path:
    """A small born-digital A4 PDF with Vietnamese text (Liberation Serif embedded)."""
    from fpdf import FPDF

    from digitize.signing.appearance import font_path

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("LS", "", str(font_path()))
    for i in range(pages):
        pdf.add_page()
        pdf.set_font("LS", size=14)
        pdf.set_xy(72, 100)
        pdf.cell(400, 20, f"{text} — trang {i + 1}")
    path.write_bytes(bytes(pdf.output()))
    return path


def signature_png(path: Path) -> Path:
    """A blue hand-drawn-looking stroke on a transparent background."""
    im = Image.new("RGBA", (600, 220), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.line(
        [(40, 170), (140, 50), (220, 180), (320, 60), (420, 160), (560, 80)], fill=(20, 40, 200, 255), width=9
    )
    im.save(path)
    return path


def seal_png(path: Path) -> Path:
    """A red round seal, 40 mm at 300 dpi."""
    im = Image.new("RGBA", (472, 472), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse([8, 8, 464, 464], outline=(220, 0, 0, 220), width=14)
    d.ellipse([70, 70, 402, 402], outline=(220, 0, 0, 220), width=6)
    d.regular_polygon((236, 236, 60), 5, fill=(220, 0, 0, 220))
    im.save(path, dpi=(300, 300))
    return path


def run_pdfsig(pki: TestPKI, pdf: Path) -> list[PdfsigSignature]:
    """pdfsig with the test root trusted in NSS and OCSP against the test responder."""
    proc = subprocess.run(
        ["pdfsig", "-nssdir", pki.nss_arg, str(pdf)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return pdfsig.parse(proc.stdout)


def assert_pdfsig_accepts(pki: TestPKI, pdf: Path, fields: list[str] | None = None) -> list[PdfsigSignature]:
    sigs = [s for s in run_pdfsig(pki, pdf) if s.signed and not (s.field or "").startswith("Timestamp")]
    if fields is not None:
        assert [s.field for s in sigs] == fields
    for s in sigs:
        assert s.signature_validation == "Signature is Valid.", s
        assert s.certificate_validation == "Certificate is Trusted.", s
    return sigs


@dataclass(frozen=True)
class HankoStatus:
    field: str
    intact: bool
    valid: bool
    trusted: bool
    mechanism: str
    timestamped: bool
    status: Any


def pyhanko_validate(pki: TestPKI, pdf: Path) -> list[HankoStatus]:
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = load_cert_from_pemder(str(pki.root_cert))
    out = []
    with pdf.open("rb") as f:
        r = PdfFileReader(f)
        for sig in r.embedded_regular_signatures:
            vc = ValidationContext(trust_roots=[root], allow_fetching=True)
            st = validate_pdf_signature(sig, vc)
            out.append(
                HankoStatus(
                    sig.field_name,
                    st.intact,
                    st.valid,
                    st.trusted,
                    str(st.md_algorithm)
                    + "/"
                    + str(sig.signer_info["signature_algorithm"]["algorithm"].native),
                    st.timestamp_validity is not None,
                    st,
                )
            )
    return out


def shows_time(signing_time: str, ocr_text: str) -> bool:
    """True when OCR'd ``ocr_text`` shows ``signing_time`` (ISO 8601) with every digit exact.

    Tesseract reads the lone 'T' between date and time as '1' or 'I' on some renders (CI 2026-12-04
    read '2026-12-04108:00:00+07:00'); that letter is the one glyph let go, the digits are not.
    """
    import re

    pattern = "".join("[T1Il|]" if ch == "T" else re.escape(ch) for ch in signing_time.replace(" ", ""))
    return re.search(pattern, ocr_text.replace(" ", "")) is not None


def ocr_region(
    pdf: Path,
    tmp: Path,
    page: int = 1,
    box: tuple[float, float, float, float] | None = None,
    page_height: float = 842.0,
) -> str:
    """pdftoppm -r 200 of a page (cropped to ``box``, PDF points), OCR'd with tesseract -l vie."""
    args = ["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page)]
    if box is not None:
        scale = 200 / 72
        x1, y1, x2, y2 = box
        args += [
            "-x",
            str(int(x1 * scale)),
            "-y",
            str(int((page_height - y2) * scale)),
            "-W",
            str(int((x2 - x1) * scale)),
            "-H",
            str(int((y2 - y1) * scale)),
        ]
    stem = tmp / f"ocr-{pdf.stem}-{page}"
    subprocess.run([*args, str(pdf), str(stem)], check=True, timeout=60)
    proc = subprocess.run(
        ["tesseract", f"{stem}.png", "-", "-l", "vie", "--psm", "6"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    import unicodedata

    return unicodedata.normalize("NFC", proc.stdout)
