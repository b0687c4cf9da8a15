"""The QR code of Circular 01/2023 (digitize.signing.qr): payload, round trip through a rendered page."""

from __future__ import annotations

import io

import pytest

from digitize.errors import CorruptInput
from digitize.signing import qr


def _pdf(pages: int = 1) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    for i in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.text(150, 300, f"Trang {i + 1}")
    return bytes(pdf.output())


INFO = qr.QrInfo(
    document_id="3f2a" * 8,
    document_code="1169/QĐ-UBND",
    procedure_code="1.004227",
    holder_id="0101234567",
    document_name="Giấy phép tiến hành công việc bức xạ",
    issuing_system="Sở Khoa học và Công nghệ tỉnh Yên Bái",
    time="2026-11-22T08:30:00+07:00",
    valid_from="2021-06-15",
    valid_until="2031-06-15",
)


def test_payload_round_trip() -> None:
    text = qr.payload(INFO, "https://tracuu.example.gov.vn/")
    assert text.startswith(f"https://tracuu.example.gov.vn/v/{INFO.document_id}?")
    assert text.isascii()  # percent-encoded UTF-8: any reader opens it as a URL
    back = qr.parse_payload(text)
    assert back == {**{k: getattr(INFO, k) for k in INFO.__dataclass_fields__}}
    minimal = qr.payload(qr.QrInfo(document_id="abc"), "http://h")
    assert minimal == "http://h/v/abc" and qr.parse_payload(minimal)["document_id"] == "abc"
    assert qr.parse_payload("hello") == {} and qr.parse_payload("https://x/y/z") == {}


def test_stamp_and_read_back() -> None:
    import pikepdf

    src = _pdf(2)
    stamped = qr.stamp_qr(src, INFO, "https://tracuu.example.gov.vn")
    with pikepdf.open(io.BytesIO(stamped)) as pdf, pikepdf.open(io.BytesIO(src)) as orig:
        assert len(pdf.pages) == 2
        assert pdf.pages[1].Contents.read_bytes() == orig.pages[1].Contents.read_bytes()  # page 2 untouched
    assert qr.read_qr(stamped) == qr.payload(INFO, "https://tracuu.example.gov.vn")
    assert qr.read_qr(src) is None
    assert qr.read_qr(b"not a pdf") is None


def test_stamp_sits_top_left() -> None:
    import numpy as np
    import pypdfium2 as pdfium

    stamped = qr.stamp_qr(_pdf(), INFO, "https://tracuu.example.gov.vn")
    page = pdfium.PdfDocument(stamped)[0]
    img = np.asarray(page.render(scale=1).to_pil().convert("L"))
    h, w = img.shape
    top_left = img[: int(qr.MARGIN + qr.SIZE), : int(qr.MARGIN + qr.SIZE)]
    assert (top_left < 128).mean() > 0.2  # dark modules
    assert (img[: h // 4, w // 2 :] < 128).mean() == 0  # top right untouched (the copy stamp goes there)
    assert (img[: int(qr.MARGIN) - 2, :] < 128).mean() == 0  # the margin is kept


def test_not_a_pdf() -> None:
    with pytest.raises(CorruptInput):
        qr.stamp_qr(b"%PDF-1.4 garbage", INFO, "http://h")


@pytest.mark.parametrize("seed", range(8))
def test_random_payloads_read_back(seed: int) -> None:
    import random

    r = random.Random(seed)
    info = qr.QrInfo(
        document_id=f"{r.getrandbits(128):032x}",
        document_code=f"{r.randint(1, 9999)}/{r.choice(['QĐ-UBND', 'GP-SKHCN', 'GCN-SCT'])}",
        procedure_code=r.choice([None, "1.004227", "2.001234.000.00.00.H62"]),
        holder_id=str(r.randint(10**9, 10**12)),
        document_name=r.choice(
            ["Giấy phép", "Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ", "Quyết định"]
        ),
        issuing_system=r.choice(["Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ tỉnh Yên Bái"]),
        time="2026-11-22T07:31:02+07:00",
        valid_from="2021-06-15",
        valid_until=r.choice([None, "2099-06-15"]),
    )
    base = r.choice(["https://dichvucong.yenbai.gov.vn", "http://127.0.0.1:8000"])
    assert qr.read_qr(qr.stamp_qr(_pdf(), info, base)) == qr.payload(info, base)
