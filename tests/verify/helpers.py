"""Signed and tampered PDFs for the verification tests, made with pyHanko, endesive and poppler's pdfsig."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
if not FONT.is_file():
    FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def make_pdf(pages: int = 1, text: str = "GIẤY PHÉP TIẾN HÀNH CÔNG VIỆC BỨC XẠ") -> bytes:
    """A small born-digital PDF with Vietnamese text on each page."""
    pdf = FPDF(format="A4")
    pdf.add_font("LS", "", str(FONT))
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("LS", "", 16)
        pdf.cell(0, 12, text, new_x="LMARGIN", new_y="NEXT", align="C")
        pdf.set_font("LS", "", 11)
        for i in range(12):
            pdf.cell(
                0,
                8,
                f"Dòng {i + 1} của trang {n + 1}: Sở Khoa học và Công nghệ tỉnh Yên Bái",
                new_x="LMARGIN",
                new_y="NEXT",
            )
    return bytes(pdf.output())


def pyhanko_sign(
    data: bytes,
    p12: Path,
    password: str,
    *,
    field: str = "Signature1",
    tsa_url: str | None = None,
    visible: bool = False,
) -> bytes:
    """Sign with pyHanko (PAdES B-B, or B-T when ``tsa_url`` is given)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    signer = signers.SimpleSigner.load_pkcs12(p12, passphrase=password.encode())
    assert signer is not None
    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    if visible:
        fields.append_signature_field(w, fields.SigFieldSpec(field, on_page=0, box=(350, 60, 550, 120)))
    meta = signers.PdfSignatureMetadata(field_name=field, subfilter=fields.SigSeedSubFilter.PADES)
    stamper = timestamps.HTTPTimeStamper(tsa_url) if tsa_url else None
    out = signers.PdfSigner(meta, signer=signer, timestamper=stamper).sign_pdf(w)
    return out.getvalue()


def endesive_sign(data: bytes, p12: Path, password: str) -> bytes:
    """Sign with endesive (adbe.pkcs7.detached, the way many Vietnamese signing tools do)."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    cms = _endesive_cms()

    key, cert, others = pkcs12.load_key_and_certificates(p12.read_bytes(), password.encode())
    now = dt.datetime.now(dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    udct = {
        "aligned": 0,
        "sigflags": 3,
        "sigpage": 0,
        "sigfield": "Signature1",
        "contact": "van.an@example.vn",
        "location": "Yên Bái",
        "signingdate": now,
        "reason": "Phê duyệt",
    }
    sig = cms.sign(data, udct, key, cert, list(others or []), "sha256")
    return data + sig


def _endesive_cms():  # type: ignore[no-untyped-def]
    """``endesive.pdf.cms`` without ``endesive.pdf.verify``.

    endesive's package ``__init__`` imports its verifier, which needs oscrypto, and oscrypto 1.3.0 cannot
    parse the version of OpenSSL 3.0.1x ("Error detecting the version of libcrypto"). Signing does not use the
    verifier, so a placeholder module stands in for it while ``endesive.pdf`` is imported.
    """
    import importlib
    import sys
    import types

    if "endesive.pdf.cms" in sys.modules:
        return sys.modules["endesive.pdf.cms"]
    try:
        return importlib.import_module("endesive.pdf.cms")
    except Exception:
        for name in [m for m in sys.modules if m.startswith("endesive.pdf")]:
            del sys.modules[name]
        stub = types.ModuleType("endesive.pdf.verify")
        stub.PDFVerifier = None  # type: ignore[attr-defined]
        stub.verify = None  # type: ignore[attr-defined]
        sys.modules["endesive.pdf.verify"] = stub
        return importlib.import_module("endesive.pdf.cms")


def nss_db_with(identity_p12: Path, password: str, base_nss: Path, dest: Path) -> str:
    """A copy of the PKI's NSS database with the identity's key imported; returns ``sql:<dir>``."""
    shutil.copytree(base_nss, dest)
    subprocess.run(
        ["pk12util", "-i", str(identity_p12), "-d", f"sql:{dest}", "-W", password, "-K", ""],
        check=True,
        capture_output=True,
    )
    return f"sql:{dest}"


def pdfsig_sign(data: bytes, nss: str, tmp: Path) -> bytes:
    """Sign with poppler's ``pdfsig -add-signature`` (through digitize.tools.pdfsig)."""
    from digitize.tools import pdfsig

    src, dst = tmp / "in.pdf", tmp / "out.pdf"
    src.write_bytes(data)
    nick = pdfsig.list_nicks(nss)[0]
    pdfsig.add_signature(src, dst, nssdir=nss, nick=nick, reason="Phê duyệt")
    return dst.read_bytes()


def flip_signed_byte(data: bytes) -> bytes:
    """Change one byte inside the first part of the signed byte range (a word of page text)."""
    import re

    m = re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)", data)
    assert m is not None
    # find a byte of a content stream well inside the first signed part
    idx = data.find(b"stream", 200)
    assert 0 < idx < int(m.group(1))
    pos = idx + 40
    b = bytearray(data)
    b[pos] = (b[pos] + 1) % 256
    return bytes(b)


def add_content_after_signing(signed: bytes, text: str = "ĐÃ HỦY") -> bytes:
    """An incremental update that draws extra text on page 1 (new content stream appended to the page)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.content import RawContent
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    font = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Font"),
            generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
            generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica-Bold"),
        }
    )
    del text  # Helvetica cannot show Vietnamese; the marker below is plain ASCII on purpose
    stream = b"q 1 0 0 rg BT /FAttack 48 Tf 120 420 Td (REVOKED - VOID) Tj ET Q"
    res = generic.DictionaryObject(
        {generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/FAttack"): font})}
    )
    raw = RawContent(stream)
    ref = w.add_object(generic.StreamObject(stream_data=raw.data))
    w.add_stream_to_page(0, ref, resources=res)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def add_page_after_signing(signed: bytes) -> bytes:
    """An incremental update that appends a page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    content = w.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (Extra page) Tj ET"))
    page = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): generic.ArrayObject(
                [
                    generic.NumberObject(0),
                    generic.NumberObject(0),
                    generic.NumberObject(595),
                    generic.NumberObject(842),
                ]
            ),
            generic.NameObject("/Contents"): content,
            generic.NameObject("/Resources"): generic.DictionaryObject(),
        }
    )
    w.insert_page(page)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def add_annotation_after_signing(
    signed: bytes, rect: tuple[float, float, float, float], *, white_box: bool
) -> bytes:
    """An incremental update adding an annotation to page 1: a white filled square (hides what is under it) or
    a sticky note."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    x0, y0, x1, y1 = rect
    n = generic.NameObject
    nums = generic.ArrayObject([generic.FloatObject(v) for v in rect])
    annot = generic.DictionaryObject(
        {n("/Type"): n("/Annot"), n("/Rect"): nums, n("/F"): generic.NumberObject(4)}
    )
    if white_box:
        ap = generic.StreamObject(
            {
                n("/Type"): n("/XObject"),
                n("/Subtype"): n("/Form"),
                n("/BBox"): generic.ArrayObject(
                    [
                        generic.FloatObject(0),
                        generic.FloatObject(0),
                        generic.FloatObject(x1 - x0),
                        generic.FloatObject(y1 - y0),
                    ]
                ),
            },
            stream_data=f"1 1 1 rg 0 0 {x1 - x0} {y1 - y0} re f".encode(),
        )
        annot[n("/Subtype")] = n("/Square")
        annot[n("/IC")] = generic.ArrayObject([generic.FloatObject(1)] * 3)
        annot[n("/AP")] = generic.DictionaryObject({n("/N"): w.add_object(ap)})
    else:
        annot[n("/Subtype")] = n("/Text")
        annot[n("/Contents")] = generic.TextStringObject("Đã đối chiếu bản gốc")
    ref = w.add_object(annot)
    page = w.root["/Pages"]["/Kids"][0].get_object()
    annots = page.get("/Annots")
    if annots is None:
        page[n("/Annots")] = generic.ArrayObject([ref])
    else:
        annots.get_object().append(ref)
        w.update_container(annots)
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()
