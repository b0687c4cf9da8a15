"""The verification report for people: text (Vietnamese by default, English with ``lang="en"``) and PDF.

The PDF is drawn with fpdf2 and an embedded Liberation Sans (fonts-liberation), so Vietnamese diacritics come
out right in any viewer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from digitize.errors import ToolMissing
from digitize.text import nfc
from digitize.verify.model import SignatureReport, VerificationReport

Lang = Literal["vi", "en"]

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation"),
)

_IND: dict[str, dict[str, str]] = {
    "vi": {
        "TOTAL_PASSED": "HỢP LỆ (TOTAL_PASSED)",
        "INDETERMINATE": "CHƯA XÁC ĐỊNH (INDETERMINATE)",
        "TOTAL_FAILED": "KHÔNG HỢP LỆ (TOTAL_FAILED)",
    },
    "en": {
        "TOTAL_PASSED": "VALID (TOTAL_PASSED)",
        "INDETERMINATE": "INDETERMINATE",
        "TOTAL_FAILED": "INVALID (TOTAL_FAILED)",
    },
}

_MOD: dict[str, dict[str, str]] = {
    "vi": {
        "none": "không có thay đổi",
        "lta_updates": "chỉ bổ sung dữ liệu kiểm tra dài hạn (LTV/dấu thời gian)",
        "form_filling": "điền biểu mẫu / thêm chữ ký",
        "annotations": "thêm chú thích (annotation)",
        "other": "thay đổi khác (không được phép)",
    },
    "en": {
        "none": "no change",
        "lta_updates": "long-term validation data only (LTV/timestamps)",
        "form_filling": "form filling / further signatures",
        "annotations": "annotations added",
        "other": "other changes (not permitted)",
    },
}

_COV: dict[str, dict[str, str]] = {
    "vi": {
        "entire_file": "toàn bộ tệp",
        "entire_revision": "toàn bộ phiên bản được ký (có cập nhật sau đó)",
        "partial": "một phần (bất thường)",
    },
    "en": {
        "entire_file": "the entire file",
        "entire_revision": "the entire signed revision (updated afterwards)",
        "partial": "part of the file (irregular)",
    },
}

_REV: dict[str, dict[str, str]] = {
    "vi": {"good": "chưa bị thu hồi", "revoked": "ĐÃ BỊ THU HỒI", "unknown": "không xác định được"},
    "en": {"good": "not revoked", "revoked": "REVOKED", "unknown": "unknown"},
}

# the registry's validity status (digitize.validity.STATUSES) in words
_VALIDITY: dict[str, dict[str, str]] = {
    "vi": {
        "valid": "còn hiệu lực",
        "expired": "hết hiệu lực",
        "revoked": "đã bị thu hồi",
        "superseded": "đã được thay thế",
        "unknown": "chưa xác định",
    },
    "en": {
        "valid": "valid",
        "expired": "expired",
        "revoked": "revoked",
        "superseded": "superseded",
        "unknown": "unknown",
    },
}

_L: dict[str, dict[str, str]] = {
    "vi": {
        "title": "KẾT QUẢ XÁC THỰC CHỮ KÝ SỐ",
        "file": "Tệp",
        "sha256": "SHA-256 của tệp",
        "result": "Kết quả chung",
        "modified": "Tài liệu bị sửa đổi sau khi ký",
        "count": "Số chữ ký / dấu thời gian tài liệu",
        "checked_at": "Thời điểm kiểm tra",
        "registry": "Đối chiếu kho dữ liệu",
        "registry_known": "có trong kho, mã tài liệu {id}, {validity}",
        "registry_unknown": "không có trong kho",
        "sig": "Chữ ký",
        "ts": "Dấu thời gian tài liệu",
        "field": "Ô chữ ký",
        "indication": "Kết luận",
        "signer": "Người ký",
        "org": "Tổ chức (theo chứng thư)",
        "issuer": "Tổ chức cung cấp dịch vụ chứng thực (CA)",
        "serial": "Số hiệu chứng thư",
        "signing_time": "Thời điểm ký (khai báo)",
        "timestamp": "Dấu thời gian",
        "tsa": "Đơn vị cấp dấu thời gian",
        "integrity": "Toàn vẹn nội dung",
        "crypto": "Giá trị chữ ký",
        "trusted": "Chuỗi chứng thư tới CA tin cậy",
        "validity": "Hiệu lực chứng thư",
        "valid_at": "Chứng thư còn hiệu lực tại thời điểm ký",
        "revocation": "Tình trạng thu hồi",
        "coverage": "Phạm vi ký",
        "modification": "Thay đổi sau khi ký",
        "reasons": "Lý do",
        "yes": "có",
        "no": "không",
        "ok": "đạt",
        "bad": "KHÔNG ĐẠT",
        "na": "không có",
        "from_to": "từ {a} đến {b}",
        "none": "Không có chữ ký nào.",
    },
    "en": {
        "title": "DIGITAL SIGNATURE VERIFICATION REPORT",
        "file": "File",
        "sha256": "SHA-256 of the file",
        "result": "Overall result",
        "modified": "Document modified after signing",
        "count": "Signatures / document timestamps",
        "checked_at": "Checked at",
        "registry": "Registry cross-check",
        "registry_known": "known, document {id}, validity: {validity}",
        "registry_unknown": "not in the registry",
        "sig": "Signature",
        "ts": "Document timestamp",
        "field": "Field",
        "indication": "Result",
        "signer": "Signer",
        "org": "Organisation (per certificate)",
        "issuer": "Issuing CA",
        "serial": "Certificate serial",
        "signing_time": "Signing time (claimed)",
        "timestamp": "Timestamp",
        "tsa": "Timestamp authority",
        "integrity": "Integrity",
        "crypto": "Signature value",
        "trusted": "Chain to a trusted CA",
        "validity": "Certificate validity",
        "valid_at": "Certificate valid at signing time",
        "revocation": "Revocation status",
        "coverage": "Coverage",
        "modification": "Changes after signing",
        "reasons": "Reasons",
        "yes": "yes",
        "no": "no",
        "ok": "passed",
        "bad": "FAILED",
        "na": "none",
        "from_to": "from {a} to {b}",
        "none": "No signature.",
    },
}


def _t(s: str | None) -> str:
    if not s:
        return ""
    return s.replace("T", " ").replace("Z", " UTC") if len(s) >= 19 and s[4] == "-" else s


def _flag(lang: Lang, v: bool | None) -> str:
    L = _L[lang]
    return L["na"] if v is None else (L["ok"] if v else L["bad"])


def _sig_lines(s: SignatureReport, n: int, lang: Lang) -> list[tuple[str, str]]:
    L = _L[lang]
    rows: list[tuple[str, str]] = [
        (L["field"], s.field),
        (L["indication"], _IND[lang][s.indication] + (f" / {s.sub_indication}" if s.sub_indication else "")),
        (L["signer"], s.signer.name or ""),
        (L["org"], s.signer.organization or ""),
        (L["issuer"], s.signer.issuer or ""),
        (L["serial"], s.signer.serial or ""),
        (L["signing_time"], _t(s.signing_time) or L["na"]),
        (L["timestamp"], _t(s.timestamp_time) or L["na"]),
    ]
    if s.timestamp_authority:
        rows.append((L["tsa"], s.timestamp_authority))
    rows += [
        (L["integrity"], _flag(lang, s.intact)),
        (L["crypto"], _flag(lang, s.crypto_valid)),
        (L["trusted"], _flag(lang, s.trusted)),
        (
            L["validity"],
            L["from_to"].format(a=_t(s.certificate_valid_from), b=_t(s.certificate_valid_until))
            if s.certificate_valid_from
            else L["na"],
        ),
        (L["valid_at"], _flag(lang, s.certificate_valid_at_signing_time)),
        (
            L["revocation"],
            _REV[lang][s.revocation] + (f" ({_t(s.revocation_time)})" if s.revocation_time else ""),
        ),
        (L["coverage"], _COV[lang][s.coverage]),
        (L["modification"], _MOD[lang][s.modification]),
    ]
    reasons = s.reasons if lang == "vi" else s.reasons_en
    if reasons:
        rows.append((L["reasons"], "; ".join(reasons)))
    return rows


def _head_lines(report: VerificationReport, lang: Lang) -> list[tuple[str, str]]:
    L = _L[lang]
    d = report.document
    reason = d.reason if lang == "vi" else d.reason_en
    result = _IND[lang][d.indication] + (f" / {d.sub_indication}" if d.sub_indication else "")
    rows: list[tuple[str, str]] = []
    if report.file_name:
        rows.append((L["file"], report.file_name))
    rows += [
        (L["result"], result + (f" — {reason}" if reason else "")),
        (L["count"], f"{d.signatures} / {d.timestamps}"),
        (L["modified"], L["yes"] if d.modified_after_signing else L["no"]),
        (L["sha256"], d.sha256 or ""),
        (L["checked_at"], _t(d.validation_time)),
    ]
    r = report.registry
    rows.append(
        (
            L["registry"],
            L["registry_known"].format(
                id=r.document_id, validity=_VALIDITY[lang].get(r.validity or "", r.validity or "?")
            )
            if r.known
            else L["registry_unknown"],
        )
    )
    return rows


def render_text(report: VerificationReport, lang: Lang = "vi") -> str:
    """A plain-text report (NFC)."""
    L = _L[lang]
    out = [L["title"], "=" * len(L["title"])]
    width = 46
    for k, v in _head_lines(report, lang):
        out.append(f"{k + ':':<{width}} {v}")
    if not report.signatures:
        out += ["", L["none"]]
    for n, s in enumerate(report.signatures, 1):
        head = f"{L['ts'] if s.kind == 'doc_timestamp' else L['sig']} {n}"
        out += ["", head, "-" * len(head)]
        for k, v in _sig_lines(s, n, lang):
            out.append(f"  {k + ':':<{width - 2}} {v}")
    return nfc("\n".join(out) + "\n")


def _font_dir() -> Path:
    for d in FONT_DIRS:
        if (d / "LiberationSans-Regular.ttf").is_file() and (d / "LiberationSans-Bold.ttf").is_file():
            return d
    raise ToolMissing(
        "Thiếu phông chữ Liberation (gói fonts-liberation) để in báo cáo PDF",
        "The Liberation fonts (package fonts-liberation) are needed for the PDF report",
    )


def render_pdf(report: VerificationReport, lang: Lang = "vi") -> bytes:
    """The report as a PDF (A4, Liberation Sans embedded)."""
    from fpdf import FPDF

    fonts = _font_dir()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("LiberationSans", "", str(fonts / "LiberationSans-Regular.ttf"))
    pdf.add_font("LiberationSans", "B", str(fonts / "LiberationSans-Bold.ttf"))
    pdf.set_title(_L[lang]["title"])
    pdf.set_creator("digitize")
    pdf.add_page()
    L = _L[lang]
    pdf.set_font("LiberationSans", "B", 14)
    pdf.cell(0, 10, L["title"], new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(2)

    def table(rows: list[tuple[str, str]]) -> None:
        for k, v in rows:
            y = pdf.get_y()
            if y > pdf.h - 30:
                pdf.add_page()
                y = pdf.get_y()
            pdf.set_font("LiberationSans", "B", 9)
            pdf.multi_cell(62, 5, nfc(k), new_x="LMARGIN", new_y="NEXT")
            key_end = pdf.get_y()
            pdf.set_xy(pdf.l_margin + 64, y)
            pdf.set_font("LiberationSans", "", 9)
            pdf.multi_cell(0, 5, nfc(v or "-"), new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(max(pdf.get_y(), key_end))

    table(_head_lines(report, lang))
    if not report.signatures:
        pdf.ln(3)
        pdf.set_font("LiberationSans", "", 10)
        pdf.cell(0, 6, L["none"], new_x="LMARGIN", new_y="NEXT")
    for n, s in enumerate(report.signatures, 1):
        pdf.ln(3)
        pdf.set_font("LiberationSans", "B", 11)
        head = f"{L['ts'] if s.kind == 'doc_timestamp' else L['sig']} {n}"
        pdf.cell(0, 7, head, new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(150, 150, 150)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(1)
        table(_sig_lines(s, n, lang))
    return bytes(pdf.output())
