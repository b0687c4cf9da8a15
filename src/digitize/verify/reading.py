"""Signature dictionaries and DSS data read leniently, without pyHanko (files it rejects still get entries).

Fields are read with pikepdf (qpdf repairs broken cross-reference tables); when even qpdf cannot open the
file, signature dictionaries are found by scanning the bytes. One signature dictionary referenced from several
fields counts once. A document timestamp is known by its sub-filter (``/ETSI.RFC3161``), whatever its
``/Type`` says (some writers put ``/Sig`` or nothing).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pikepdf
from asn1crypto import crl, ocsp, x509

from digitize.verify.evidence import Kind, SignedBytes, Words

log = logging.getLogger(__name__)

SUPPORTED_SUBFILTERS = (
    "/adbe.pkcs7.detached",
    "/ETSI.CAdES.detached",
    "/ETSI.RFC3161",
    "/adbe.pkcs7.sha1",
    "/PBAD.PAdES",
)


def pdf_date(s: str | None) -> datetime | None:
    if not s:
        return None
    m = re.match(
        r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?", s.strip()
    )
    if not m:
        return None
    try:
        y, mo, d, hh, mi, ss = (
            int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0), strict=True)
        )
        tz: timezone = UTC
        if m.group(7) in ("+", "-") and m.group(8):
            off = timedelta(hours=int(m.group(8)), minutes=int(m.group(9) or 0))
            tz = timezone(off if m.group(7) == "+" else -off)
        return datetime(y, mo, d, hh, mi, ss, tzinfo=tz)
    except ValueError:
        return None


def _kind(type_name: str, sub_filter: str | None) -> Kind | None:
    """What EU DSS takes a signature dictionary for (AbstractPDFSignatureService.isDocTimestamp/isSignature):
    a document timestamp has the /ETSI.RFC3161 sub-filter and /Type /DocTimeStamp or no /Type; a signature
    has any other sub-filter and /Type /Sig or no /Type. Anything else (an RFC 3161 token under /Type /Sig,
    a CMS signature under /Type /DocTimeStamp) is neither, and DSS skips it: DSS1899Test, a file with such a
    /Sig-typed timestamp, has one signature and no document timestamp. None: skipped."""
    timestamp = sub_filter == "/ETSI.RFC3161"
    if type_name in ("", "/DocTimeStamp") and timestamp:
        return Kind.DOC_TIMESTAMP
    if type_name in ("", "/Sig") and not timestamp:
        return Kind.SIGNATURE
    return None


class PasswordProtected(Exception):
    """The PDF is encrypted with a user password: nothing in it can be read without the password."""


def read_signatures(data: bytes) -> list[SignedBytes]:
    """Signature fields read with pikepdf; raises when qpdf cannot open the file at all (PasswordProtected
    when only a user password would open it)."""
    out: list[SignedBytes] = []
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as exc:
        raise PasswordProtected(str(exc)) from exc
    with pdf:
        try:
            fields = pdf.Root.AcroForm.Fields
        except (AttributeError, KeyError):
            return out
        stack: list[tuple[Any, str]] = [(f, "") for f in fields]
        seen: set[tuple[int, int]] = set()
        seen_values: dict[tuple[int, int], int | None] = {}
        while stack:
            node, prefix = stack.pop(0)
            if not isinstance(node, pikepdf.Dictionary):
                continue
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            name = str(node.get("/T", ""))
            fq = f"{prefix}.{name}" if prefix and name else (name or prefix)
            kids = node.get("/Kids")
            if isinstance(kids, pikepdf.Array) and any(
                isinstance(k, pikepdf.Dictionary) and "/T" in k for k in kids
            ):
                stack.extend((k, fq) for k in kids)
            ft = node.get("/FT")
            v = node.get("/V")
            if str(ft) != "/Sig" or not isinstance(v, pikepdf.Dictionary):
                continue
            if v.is_indirect:
                if v.objgen in seen_values:
                    # one signature referenced from two fields is one signature, under both names (DSS's
                    # PAdESMultipleFieldSignatureReferenceTest: one signature, two field names)
                    idx = seen_values[v.objgen]
                    if idx is not None:
                        first = out[idx]
                        out[idx] = replace(first, also_fields=(*first.also_fields, fq or "(unnamed)"))
                    continue
                seen_values[v.objgen] = None
            br_obj = v.get("/ByteRange")
            br: tuple[int, ...] | None = None
            problems: list[Words] = []
            if isinstance(br_obj, pikepdf.Array):
                try:
                    br = tuple(int(x) for x in br_obj)
                except (TypeError, ValueError):
                    br = None
            if br is None:
                problems.append(("thiếu hoặc hỏng /ByteRange", "missing or malformed /ByteRange"))
            contents_obj = v.get("/Contents")
            contents = bytes(contents_obj) if isinstance(contents_obj, pikepdf.String) else None
            if contents is None:
                problems.append(("thiếu /Contents (dữ liệu chữ ký)", "missing /Contents (signature data)"))
            cert_obj = v.get("/Cert")
            cert_items = list(cert_obj) if isinstance(cert_obj, pikepdf.Array) else [cert_obj]
            certs = tuple(bytes(x) for x in cert_items if isinstance(x, pikepdf.String))
            sf = v.get("/SubFilter")
            sub_filter = str(sf) if sf is not None else None
            type_obj = v.get("/Type")
            kind = _kind(str(type_obj or ""), sub_filter)
            if kind is None:
                log.info("signature dictionary of %s skipped: /Type %s with %s", fq, type_obj, sub_filter)
                continue
            if v.is_indirect:
                seen_values[v.objgen] = len(out)
            out.append(
                SignedBytes(
                    field=fq or "(unnamed)",
                    kind=kind,
                    byte_range=br,
                    contents=contents,
                    sub_filter=sub_filter,
                    reason=str(v.get("/Reason")) if v.get("/Reason") is not None else None,
                    location=str(v.get("/Location")) if v.get("/Location") is not None else None,
                    m_time=pdf_date(str(v.get("/M"))) if v.get("/M") is not None else None,
                    problems=tuple(problems),
                    object_id=v.objgen if v.is_indirect else None,
                    type_name=str(type_obj) if type_obj is not None else None,
                    certs=certs,
                )
            )
    return _dedupe(out)


def _dedupe(sigs: list[SignedBytes]) -> list[SignedBytes]:
    """Direct signature dictionaries copied into two fields: same bytes, same range, one signature."""
    seen: dict[tuple[tuple[int, ...] | None, bytes | None], int] = {}
    out: list[SignedBytes] = []
    for s in sigs:
        key = (s.byte_range, s.contents)
        if s.byte_range is not None and s.contents and key in seen:
            first = out[seen[key]]
            out[seen[key]] = replace(first, also_fields=(*first.also_fields, s.field, *s.also_fields))
            continue
        seen[key] = len(out)
        out.append(s)
    return out


_SIG_RE = re.compile(rb"/ByteRange\s*\[\s*(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s*\]")
_CONTENTS_RE = re.compile(rb"/Contents\s*<([0-9A-Fa-f\s]*)>")


def scan_signatures(data: bytes) -> list[SignedBytes]:
    """Last resort for files no PDF library opens: signature dictionaries found by scanning the bytes."""
    out: list[SignedBytes] = []
    for n, m in enumerate(_SIG_RE.finditer(data)):
        start = data.rfind(b" obj", 0, m.start())
        end = data.find(b"endobj", m.end())
        if start < 0 or end < 0:
            continue
        obj = data[start:end]
        cm = _CONTENTS_RE.search(obj)
        if cm is None:
            continue
        try:
            contents = bytes.fromhex(re.sub(rb"\s", b"", cm.group(1)).decode())
        except ValueError:
            continue
        sf = re.search(rb"/SubFilter\s*/([A-Za-z0-9.#]+)", obj)
        sub_filter = "/" + sf.group(1).decode("latin-1") if sf else None
        mt = re.search(rb"/M\s*\((D:[^)]*)\)", obj)
        tm = re.search(rb"/Type\s*/(Sig|DocTimeStamp)(?![A-Za-z])", obj)
        type_name = "/" + tm.group(1).decode() if tm else ""
        kind = _kind(type_name, sub_filter)
        if kind is None:
            continue
        out.append(
            SignedBytes(
                field=f"Signature{n + 1}",
                kind=kind,
                byte_range=tuple(int(x) for x in m.groups()),
                contents=contents,
                sub_filter=sub_filter,
                m_time=pdf_date(mt.group(1).decode("latin-1")) if mt else None,
                type_name=type_name or None,
            )
        )
    return _dedupe(out)


def byte_range_problems(raw: SignedBytes, data: bytes) -> list[Words]:
    """What is wrong with a signature's /ByteRange on its own (before any cryptography)."""
    br = raw.byte_range
    size = len(data)
    if not br:
        return []
    if len(br) != 4:
        return [("/ByteRange không gồm đúng 2 đoạn", "/ByteRange does not have exactly two parts")]
    a, la, b, lb = br
    probs: list[Words] = []
    if min(br) < 0:
        probs.append(("/ByteRange có giá trị âm", "/ByteRange has a negative value"))
    if a != 0:
        probs.append(
            ("/ByteRange không bắt đầu từ đầu tệp", "/ByteRange does not start at the beginning of the file")
        )
    if b + lb > size:
        probs.append(
            (
                f"/ByteRange vượt quá cuối tệp ({b + lb} > {size} byte)",
                f"/ByteRange runs past the end of the file ({b + lb} > {size} bytes)",
            )
        )
    if b < a + la:
        probs.append(("hai đoạn của /ByteRange chồng lên nhau", "the two parts of /ByteRange overlap"))
    elif not probs and raw.contents is not None:
        # the unsigned gap must hold exactly the hex string <...> of /Contents, nothing else
        gap = data[a + la : b]
        stripped = gap.strip()
        if not (stripped.startswith(b"<") and stripped.endswith(b">")) or not re.fullmatch(
            rb"<[0-9A-Fa-f\s]*>", stripped
        ):
            probs.append(
                (
                    "Khoảng không được ký giữa hai đoạn /ByteRange chứa dữ liệu khác ngoài chữ ký",
                    "The unsigned gap of /ByteRange holds more than the signature value",
                )
            )
    return probs


@dataclass
class DssData:
    """Revocation data and certificates embedded in the document (DSS)."""

    certs: list[x509.Certificate] = field(default_factory=list)
    crls: list[crl.CertificateList] = field(default_factory=list)
    ocsps: list[ocsp.OCSPResponse] = field(default_factory=list)


def read_dss(data: bytes) -> DssData:
    ev = DssData()
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            dss = pdf.Root.get("/DSS")
            if not isinstance(dss, pikepdf.Dictionary):
                return ev
            for key, loader, dest in (
                ("/Certs", x509.Certificate.load, ev.certs),
                ("/CRLs", crl.CertificateList.load, ev.crls),
                ("/OCSPs", ocsp.OCSPResponse.load, ev.ocsps),
            ):
                arr = dss.get(key)
                if not isinstance(arr, pikepdf.Array):
                    continue
                for s in arr:
                    try:
                        obj = loader(bytes(s.read_bytes()))
                        _ = obj.native  # parse eagerly; skip broken entries
                        dest.append(obj)
                    except Exception:
                        continue
    except Exception:
        pass
    return ev


def revocation_from_data(
    cert: x509.Certificate, crls: list[crl.CertificateList], ocsps: list[ocsp.OCSPResponse]
) -> str:
    """good / revoked / unknown from whatever CRLs and OCSP responses are at hand."""
    serial = cert.serial_number
    status = "unknown"
    for resp in ocsps:
        try:
            if resp["response_status"].native != "successful":
                continue
            basic = resp["response_bytes"]["response"].parsed
            for single in basic["tbs_response_data"]["responses"]:
                cid = single["cert_id"]
                if cid["serial_number"].native != serial:
                    continue
                name = single["cert_status"].name
                if name == "revoked":
                    return "revoked"
                if name == "good":
                    status = "good"
        except Exception:
            continue
    for c in crls:
        try:
            tbs = c["tbs_cert_list"]
            if tbs["issuer"] != cert.issuer:
                continue
            revoked = tbs["revoked_certificates"]
            if any(entry["user_certificate"].native == serial for entry in revoked):
                return "revoked"
            status = "good"
        except Exception:
            continue
    return status
