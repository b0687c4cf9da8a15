"""Verify every signature and document timestamp of a PDF: ETSI EN 319 102-1 indications, Circular 15 fields.

Built on pyHanko's validation (integrity, CMS cryptography, certificate path with revocation, pyHanko's own
difference analysis of incremental updates), and on top of it:

- lenient reading: a file pyHanko cannot open, a signature dictionary it cannot parse, a byte range that runs
  past the end of the file, a CMS blob that does not decode: each still gets an entry
  (TOTAL_FAILED/FORMAT_FAILURE, the reason in words), read with pikepdf (qpdf repairs what it can) or
  found by scanning the bytes, and checked directly on the signed byte range when pyHanko gives up;
- what a reader sees (``revisions.compare``): pages added/removed, page content visibly changed, annotations
  added over signed content;
- time: a trusted signature timestamp (or a later trusted document timestamp) is a proof of existence; a
  certificate that expired or was revoked after it is re-checked at that time, one that expired or was revoked
  before it fails (EXPIRED / REVOKED).

Indication policy (documented in docs/verify.md):
  unreadable → TOTAL_FAILED/FORMAT_FAILURE; digest mismatch → TOTAL_FAILED/HASH_FAILURE; bad signature value →
  TOTAL_FAILED/SIG_CRYPTO_FAILURE; byte range not covering its revision, page content or page count changed
  after signing, or changes a DocMDP certification forbids → TOTAL_FAILED/FORMAT_FAILURE
  (modification "other");
  other changes pyHanko cannot classify, or an annotation laid over signed content → INDETERMINATE/
  SIG_CONSTRAINTS_FAILURE; certificate problems → the INDETERMINATE sub-indication pyHanko derives
  (NO_CERTIFICATE_CHAIN_FOUND, OUT_OF_BOUNDS_NO_POE, REVOKED_NO_POE, TRY_LATER ...), or TOTAL_FAILED/EXPIRED,
  REVOKED, NOT_YET_VALID when a proof of existence places the signature outside the certificate's life;
  otherwise TOTAL_PASSED.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import hashlib
import io
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pikepdf
from asn1crypto import cms, crl, ocsp, x509

from digitize.verify import revisions
from digitize.verify.model import (
    SEVERITY,
    Check,
    DocumentSummary,
    RegistryInfo,
    RegistryMatch,
    SignatureReport,
    Signer,
    VerificationReport,
)

log = logging.getLogger(__name__)
# pyHanko logs every failed path or revocation check with a traceback; the report carries what matters, so
# without a configured handler these stay quiet instead of reaching stderr through logging's last resort.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

FETCH_TIMEOUT = 5.0
MAX_FILE_BYTES = 300 * 1024 * 1024


# ----------------------------------------------------------------------------------------------------------
# Raw view of a signature dictionary (read without pyHanko, so it works on files pyHanko rejects)
# ----------------------------------------------------------------------------------------------------------
@dataclass
class RawSig:
    field: str
    kind: str  # signature | doc_timestamp
    byte_range: list[int] | None
    contents: bytes | None
    sub_filter: str | None
    reason: str | None = None
    location: str | None = None
    m_time: datetime | None = None
    problems: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (vi, en)

    @property
    def revision_end(self) -> int:
        br = self.byte_range
        if br and len(br) == 4:
            return br[2] + br[3]
        return 1 << 62


def _pdf_date(s: str | None) -> datetime | None:
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
        from datetime import timedelta, timezone

        tz = UTC
        if m.group(7) in ("+", "-") and m.group(8):
            off = timedelta(hours=int(m.group(8)), minutes=int(m.group(9) or 0))
            tz = timezone(off if m.group(7) == "+" else -off)
        return datetime(y, mo, d, hh, mi, ss, tzinfo=tz)
    except ValueError:
        return None


def _raw_signatures(data: bytes) -> list[RawSig]:
    """Signature fields read with pikepdf (qpdf's recovery makes this the lenient path)."""
    out: list[RawSig] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        try:
            fields = pdf.Root.AcroForm.Fields
        except (AttributeError, KeyError):
            return out
        stack: list[tuple[Any, str]] = [(f, "") for f in fields]
        seen: set[tuple[int, int]] = set()
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
            kind = "doc_timestamp" if str(v.get("/Type", "")) == "/DocTimeStamp" else "signature"
            br_obj = v.get("/ByteRange")
            br: list[int] | None = None
            problems: list[tuple[str, str]] = []
            if isinstance(br_obj, pikepdf.Array):
                try:
                    br = [int(x) for x in br_obj]
                except (TypeError, ValueError):
                    br = None
            if br is None:
                problems.append(("thiếu hoặc hỏng /ByteRange", "missing or malformed /ByteRange"))
            contents_obj = v.get("/Contents")
            contents = bytes(contents_obj) if isinstance(contents_obj, pikepdf.String) else None
            if contents is None:
                problems.append(("thiếu /Contents (dữ liệu chữ ký)", "missing /Contents (signature data)"))
            sf = v.get("/SubFilter")
            out.append(
                RawSig(
                    field=fq or "(unnamed)",
                    kind=kind,
                    byte_range=br,
                    contents=contents,
                    sub_filter=str(sf) if sf is not None else None,
                    reason=str(v.get("/Reason")) if v.get("/Reason") is not None else None,
                    location=str(v.get("/Location")) if v.get("/Location") is not None else None,
                    m_time=_pdf_date(str(v.get("/M"))) if v.get("/M") is not None else None,
                    problems=problems,
                )
            )
    return out


SUPPORTED_SUBFILTERS = (
    "/adbe.pkcs7.detached",
    "/ETSI.CAdES.detached",
    "/ETSI.RFC3161",
    "/adbe.pkcs7.sha1",
    "/PBAD.PAdES",
)

_SIG_RE = re.compile(rb"/ByteRange\s*\[\s*(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s*\]")
_CONTENTS_RE = re.compile(rb"/Contents\s*<([0-9A-Fa-f\s]*)>")


def _scan_signatures(data: bytes) -> list[RawSig]:
    """Last resort for files no PDF library opens: signature dictionaries found by scanning the bytes."""
    out: list[RawSig] = []
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
        mt = re.search(rb"/M\s*\((D:[^)]*)\)", obj)
        kind = "doc_timestamp" if re.search(rb"/Type\s*/DocTimeStamp", obj) else "signature"
        out.append(
            RawSig(
                field=f"Signature{n + 1}",
                kind=kind,
                byte_range=[int(x) for x in m.groups()],
                contents=contents,
                sub_filter="/" + sf.group(1).decode("latin-1") if sf else None,
                m_time=_pdf_date(mt.group(1).decode("latin-1")) if mt else None,
            )
        )
    return out


def _byte_range_problems(raw: RawSig, size: int) -> list[tuple[str, str]]:
    br = raw.byte_range
    if not br:
        return []
    if len(br) != 4:
        return [("/ByteRange không gồm đúng 2 đoạn", "/ByteRange does not have exactly two parts")]
    a, la, b, lb = br
    probs: list[tuple[str, str]] = []
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
    elif raw.contents is not None and b - (a + la) != len(raw.contents) * 2 + 2 and b - (a + la) > 0:
        # the gap must hold exactly the hex string <...> of /Contents
        gap = data_gap = b - (a + la)
        if gap < 2:
            probs.append(
                ("/ByteRange không chừa chỗ cho chữ ký", "/ByteRange leaves no room for the signature")
            )
        del data_gap
    return probs


# ----------------------------------------------------------------------------------------------------------
# Certificates, revocation data
# ----------------------------------------------------------------------------------------------------------
def _name_part(name: x509.Name, key: str) -> str | None:
    try:
        v = name.native.get(key)
    except Exception:
        return None
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v)
    return str(v) if v else None


def _signer_of(cert: x509.Certificate | None) -> Signer:
    if cert is None:
        return Signer()
    subj, iss = cert.subject, cert.issuer
    return Signer(
        name=_name_part(subj, "common_name") or _safe(lambda: subj.human_friendly),
        organization=_name_part(subj, "organization_name"),
        serial=format(cert.serial_number, "X"),
        issuer=_name_part(iss, "common_name") or _safe(lambda: iss.human_friendly),
        subject=_safe(lambda: subj.human_friendly),
        issuer_organization=_name_part(iss, "organization_name"),
        email=_name_part(subj, "email_address"),
        sha256=cert.sha256.hex(),
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _safe(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except Exception:
        return None


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _validity(cert: x509.Certificate) -> tuple[datetime, datetime]:
    v = cert["tbs_certificate"]["validity"]
    return v["not_before"].native, v["not_after"].native


@dataclass
class Evidence:
    """Revocation data embedded in the document (DSS) and certificates to help path building."""

    certs: list[x509.Certificate] = dataclasses.field(default_factory=list)
    crls: list[crl.CertificateList] = dataclasses.field(default_factory=list)
    ocsps: list[ocsp.OCSPResponse] = dataclasses.field(default_factory=list)


def _read_dss(data: bytes) -> Evidence:
    ev = Evidence()
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


def _revocation_from_data(
    cert: x509.Certificate, crls: Sequence[crl.CertificateList], ocsps: Sequence[ocsp.OCSPResponse]
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


def _validation_context(
    trust_roots: Sequence[x509.Certificate],
    evidence: Evidence,
    extra_certs: Sequence[x509.Certificate],
    *,
    allow_fetching: bool,
    moment: datetime | None = None,
    crls: Sequence[crl.CertificateList] = (),
    ocsps: Sequence[ocsp.OCSPResponse] = (),
) -> Any:
    from pyhanko_certvalidator import ValidationContext

    from digitize.config import get_settings
    from digitize.verify.fetching import GuardedFetcherBackend, allowed_hosts

    kwargs: dict[str, Any] = {
        "trust_roots": list(trust_roots),
        "other_certs": [*evidence.certs, *extra_certs],
        "crls": [*evidence.crls, *crls],
        "ocsps": [*evidence.ocsps, *ocsps],
    }
    if moment is None:
        kwargs.update(
            allow_fetching=allow_fetching,
            revocation_mode="hard-fail",
            fetcher_backend=GuardedFetcherBackend(
                FETCH_TIMEOUT, allow=allowed_hosts(get_settings().verify_fetch_allow_hosts)
            )
            if allow_fetching
            else None,
        )
    else:
        # point-in-time: only embedded or already fetched revocation data (which may post-date the moment)
        kwargs.update(
            moment=moment, allow_fetching=False, revocation_mode="soft-fail", retroactive_revinfo=True
        )
    return ValidationContext(**kwargs)


# ----------------------------------------------------------------------------------------------------------
# One signature
# ----------------------------------------------------------------------------------------------------------
_MOD_NAMES = {0: "none", 1: "lta_updates", 2: "form_filling", 3: "annotations", 4: "other"}


@dataclass
class _Outcome:
    field: str
    kind: str
    raw: RawSig | None
    indication: str = "TOTAL_FAILED"
    sub_indication: str | None = "FORMAT_FAILURE"
    intact: bool = False
    crypto_valid: bool = False
    trusted: bool = False
    modification: str = "other"
    coverage: str = "partial"
    cert: x509.Certificate | None = None
    signing_time: datetime | None = None
    timestamp_time: datetime | None = None
    timestamp_trusted: bool | None = None
    tsa: str | None = None
    revocation: str = "unknown"
    revocation_time: datetime | None = None
    revocation_reason: str | None = None
    trust_anchor: str | None = None
    digest_algorithm: str | None = None
    signature_algorithm: str | None = None
    docmdp: int | None = None
    signed_revision: int | None = None
    signed_revision_sha256: str | None = None
    pages_signed: int | None = None
    pages_final: int | None = None
    reasons: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    checks: list[Check] = dataclasses.field(default_factory=list)
    trust_indic: str | None = None
    diff_level: str | None = None
    diff_reason: str | None = None
    docmdp_ok: bool | None = None
    seed_value_error: str | None = None
    valid_at_signing: bool | None = None

    def fail(self, sub: str, vi: str, en: str) -> None:
        self.indication, self.sub_indication = "TOTAL_FAILED", sub
        self.reasons.append((vi, en))


def _result(o: _Outcome) -> SignatureReport:
    nb = na = None
    if o.cert is not None:
        with contextlib.suppress(Exception):
            nb, na = _validity(o.cert)
    return SignatureReport(
        field=o.field,
        kind=o.kind,  # type: ignore[arg-type]
        indication=o.indication,  # type: ignore[arg-type]
        sub_indication=o.sub_indication if o.indication != "TOTAL_PASSED" else None,
        intact=o.intact,
        crypto_valid=o.crypto_valid,
        trusted=o.trusted,
        modification=o.modification,  # type: ignore[arg-type]
        coverage=o.coverage,  # type: ignore[arg-type]
        signer=_signer_of(o.cert),
        signing_time=_iso(o.signing_time),
        timestamp_time=_iso(o.timestamp_time),
        certificate_valid_from=_iso(nb),
        certificate_valid_until=_iso(na),
        revocation=o.revocation,  # type: ignore[arg-type]
        certificate_valid_at_signing_time=o.valid_at_signing,
        revocation_time=_iso(o.revocation_time),
        revocation_reason=o.revocation_reason,
        timestamp_trusted=o.timestamp_trusted,
        timestamp_authority=o.tsa,
        trust_anchor=o.trust_anchor,
        digest_algorithm=o.digest_algorithm,
        signature_algorithm=o.signature_algorithm,
        sub_filter=o.raw.sub_filter if o.raw else None,
        reason=o.raw.reason if o.raw else None,
        location=o.raw.location if o.raw else None,
        docmdp=o.docmdp,
        signed_revision=o.signed_revision,
        signed_revision_sha256=o.signed_revision_sha256,
        pages_signed=o.pages_signed,
        pages_final=o.pages_final,
        reasons=[vi for vi, _ in o.reasons],
        reasons_en=[en for _, en in o.reasons],
        checks=o.checks,
    )


def _cert_from_cms(contents: bytes | None) -> x509.Certificate | None:
    """The signer's certificate from a CMS blob, as far as it can be decoded (for reports on broken ones)."""
    if not contents:
        return None
    try:
        ci = cms.ContentInfo.load(contents.rstrip(b"\x00") or contents)
        sd = ci["content"]
        si = sd["signer_infos"][0]
        sid = si["sid"]
        certs = [c.chosen for c in sd["certificates"] if c.name == "certificate"]
        for c in certs:
            if sid.name == "issuer_and_serial_number":
                if c.serial_number == sid.chosen["serial_number"].native:
                    return c
            elif c.key_identifier == sid.chosen.native:
                return c
        return certs[0] if certs else None
    except Exception:
        return None


KEY_USAGE = {"non_repudiation", "digital_signature"}


def _key_usage() -> Any:
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    return KeyUsageConstraints(key_usage=set(KEY_USAGE))


async def _validate_one(
    emb: Any,
    o: _Outcome,
    trust_roots: Sequence[x509.Certificate],
    evidence: Evidence,
    allow_fetching: bool,
    later_poe: datetime | None,
) -> None:
    """Run pyHanko on one embedded signature and fill ``o`` (no indication decided yet)."""
    from pyhanko.sign.diff_analysis import SuspiciousModification
    from pyhanko.sign.validation import async_validate_pdf_signature, async_validate_pdf_timestamp
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    extra = list(getattr(emb, "other_embedded_certs", []) or [])
    vc = _validation_context(trust_roots, evidence, extra, allow_fetching=allow_fetching)
    status: Any
    try:
        if o.kind == "doc_timestamp":
            status = await async_validate_pdf_timestamp(emb, validation_context=vc)
        else:
            status = await async_validate_pdf_signature(
                emb, signer_validation_context=vc, ts_validation_context=vc, key_usage_settings=_key_usage()
            )
    except SignatureValidationError as exc:
        _signature_error(o, exc, _safe(lambda: emb.signer_cert))
        return
    cov = status.coverage
    o.coverage = (
        "entire_file"
        if cov == SignatureCoverageLevel.ENTIRE_FILE
        else "entire_revision"
        if cov == SignatureCoverageLevel.ENTIRE_REVISION
        else "partial"
    )
    lvl = status.modification_level
    o.modification = _MOD_NAMES.get(lvl.value, "other") if lvl is not None else "other"
    o.diff_level = o.modification
    if isinstance(status.diff_result, SuspiciousModification):
        o.diff_reason = str(status.diff_result)
    o.docmdp_ok = getattr(status, "docmdp_ok", None)
    await _apply_status(o, status, vc, trust_roots, evidence, extra, later_poe)


def _signature_error(o: _Outcome, exc: Any, cert: x509.Certificate | None) -> None:
    sub = getattr(exc, "ades_subindication", None)
    name = getattr(sub, "name", None) or "FORMAT_FAILURE"
    msg = getattr(exc, "failure_message", None) or str(exc)
    o.cert = o.cert or cert
    if name in ("FORMAT_FAILURE", "HASH_FAILURE", "SIG_CRYPTO_FAILURE"):
        o.fail(name, f"Chữ ký không hợp lệ về định dạng: {msg}", f"Signature rejected: {msg}")
    else:
        o.indication, o.sub_indication = "INDETERMINATE", name
        o.reasons.append((f"Không xác thực được chữ ký: {msg}", f"Signature could not be validated: {msg}"))
    o.trust_indic = "__decided__"


def _lenient_coverage(raw: RawSig, data: bytes) -> str:
    br = raw.byte_range or []
    if len(br) != 4 or br[0] != 0 or raw.contents is None:
        return "partial"
    _a, la, b, lb = br
    if b != la + len(raw.contents) * 2 + 2:
        return "partial"
    if b + lb == len(data):
        return "entire_file"
    tail = data[max(0, b + lb - 32) : b + lb].rstrip(b"\r\n \t\x00")
    return "entire_revision" if tail.endswith(b"%%EOF") else "partial"


async def _validate_lenient(
    raw: RawSig,
    data: bytes,
    o: _Outcome,
    trust_roots: Sequence[x509.Certificate],
    evidence: Evidence,
    allow_fetching: bool,
    later_poe: datetime | None,
) -> None:
    """Validate a signature pyHanko's PDF layer could not handle: byte-range digest and CMS, directly."""
    from pyhanko.sign.validation import generic_cms
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import StandardCMSSignatureStatus, TimestampSignatureStatus

    assert raw.byte_range is not None and raw.contents is not None
    try:
        ci = cms.ContentInfo.load(raw.contents, strict=False)
        sd = ci["content"]
        si = sd["signer_infos"][0]
        _ = si["sid"].native, si["digest_algorithm"].native, sd["encap_content_info"]["content_type"].native
    except Exception as exc:
        msg = _first_line(exc)
        o.fail(
            "FORMAT_FAILURE",
            f"Dữ liệu chữ ký (CMS) không giải mã được: {msg}",
            f"The signature data (CMS) cannot be decoded: {msg}",
        )
        o.trust_indic = "__decided__"
        return
    a, la, b, lb = raw.byte_range
    signed = data[a : a + la] + data[b : b + lb]

    def digest(algo: str) -> bytes:
        return hashlib.new(algo.replace("sha3_", "sha3_"), signed).digest()

    extra = [c.chosen for c in sd["certificates"] if c.name == "certificate"] if sd["certificates"] else []
    vc = _validation_context(trust_roots, evidence, extra, allow_fetching=allow_fetching)
    o.coverage = _lenient_coverage(raw, data)
    o.modification = "none" if o.coverage == "entire_file" else "other"
    o.diff_level = None
    try:
        status: Any
        if o.kind == "doc_timestamp":
            kwargs = await generic_cms.validate_tst_signed_data(sd, vc, digest)
            status = TimestampSignatureStatus(**kwargs)
        else:
            md = si["digest_algorithm"]["algorithm"].native
            kwargs = await generic_cms.collect_timing_info(si, vc, raw_digest=digest)
            kwargs = await generic_cms.cms_basic_validation(
                sd,
                raw_digest=digest(md),
                validation_context=vc,
                status_kwargs=kwargs,
                key_usage_settings=_key_usage(),
            )
            status = StandardCMSSignatureStatus(**kwargs)
    except SignatureValidationError as exc:
        _signature_error(o, exc, _cert_from_cms(raw.contents))
        return
    o.reasons.append(
        (
            "Tệp PDF có lỗi cấu trúc; chữ ký được kiểm tra trực tiếp trên vùng byte đã ký",
            "The PDF is structurally damaged; the signature was checked directly on its signed byte range",
        )
    )
    await _apply_status(o, status, vc, trust_roots, evidence, extra, later_poe)


async def _apply_status(
    o: _Outcome,
    status: Any,
    vc: Any,
    trust_roots: Sequence[x509.Certificate],
    evidence: Evidence,
    extra: Sequence[x509.Certificate],
    later_poe: datetime | None,
) -> None:
    o.intact, o.crypto_valid = bool(status.intact), bool(status.valid)
    o.cert = status.signing_cert
    o.digest_algorithm = status.md_algorithm
    o.signature_algorithm = status.pkcs7_signature_mechanism
    o.trust_indic = status.trust_problem_indic.name if status.trust_problem_indic is not None else None
    path = status.validation_path
    if path is not None:
        o.trust_anchor = _safe(lambda: path.trust_anchor.authority.name.human_friendly)
    if status.revocation_details is not None:
        o.revocation_time = status.revocation_details.revocation_date
        o.revocation_reason = _safe(lambda: status.revocation_details.revocation_reason.native)
    sv_err = getattr(status, "seed_value_constraint_error", None)
    if sv_err is not None:
        o.seed_value_error = getattr(sv_err, "failure_message", str(sv_err))

    if o.kind == "doc_timestamp":
        o.timestamp_time = status.timestamp
        o.signing_time = status.timestamp
        o.timestamp_trusted = bool(status.trusted)
        o.tsa = _signer_of(status.signing_cert).name
    else:
        o.signing_time = getattr(status, "signer_reported_dt", None) or (o.raw.m_time if o.raw else None)
        tsv = getattr(status, "timestamp_validity", None)
        if tsv is not None:
            o.timestamp_time = tsv.timestamp
            o.timestamp_trusted = bool(tsv.intact and tsv.valid and tsv.trusted)
            o.tsa = _signer_of(tsv.signing_cert).name
            if not (tsv.intact and tsv.valid):
                o.reasons.append(
                    ("Dấu thời gian của chữ ký bị hỏng", "The signature's timestamp token is broken")
                )
    o.trusted = bool(status.trusted)

    # proof of existence: the signature's own trusted timestamp, else a later trusted document timestamp
    poe = o.timestamp_time if o.timestamp_trusted else None
    if poe is None and o.kind == "signature":
        poe = later_poe
    if o.trust_indic in ("OUT_OF_BOUNDS_NO_POE", "REVOKED_NO_POE", "EXPIRED") and o.cert is not None:
        nb, na = _validity(o.cert)
        revoked_at = o.revocation_time
        if poe is not None and poe > na:
            o.trust_indic = "__EXPIRED__"
        elif poe is not None and revoked_at is not None and poe >= revoked_at:
            o.trust_indic = "__REVOKED__"
        elif poe is not None and nb <= poe <= na:
            # re-validate the chain at the time the signature provably existed
            vc2 = _validation_context(
                trust_roots, evidence, extra, allow_fetching=False, moment=poe, crls=vc.crls, ocsps=vc.ocsps
            )
            from pyhanko.sign.validation.generic_cms import validate_cert_usage

            try:
                res = await validate_cert_usage(
                    o.cert,
                    vc2,
                    key_usage_settings=_key_usage(),
                    paths=vc2.path_builder.async_build_paths_lazy(o.cert),
                )
                if res.error_subindic is None:
                    o.trust_indic = None
                    o.trusted = True
                    o.reasons.append(
                        (
                            f"Chứng thư hết hạn/bị thu hồi sau thời điểm {_iso(poe)} mà chữ ký đã tồn tại "
                            "(chứng minh bằng dấu thời gian): chấp nhận",
                            f"Certificate expired/revoked after {_iso(poe)}, when the signature provably "
                            "existed "
                            "(timestamp): accepted",
                        )
                    )
            except Exception as exc:  # keep the first result
                log.debug("past validation failed: %s", exc)

    # revocation status
    if o.cert is not None:
        rs = _revocation_from_data(o.cert, list(vc.crls), list(vc.ocsps))
        if status.revocation_details is not None and not status.revocation_details.ca_revoked:
            rs = "revoked"
        o.revocation = rs


def _decide(o: _Outcome, diff: revisions.RevisionDiff | None) -> None:
    """Set indication and sub-indication from everything gathered (first matching rule wins)."""
    if o.trust_indic == "__decided__":
        return
    if o.signature_algorithm and re.fullmatch(r"[\d.]+", o.signature_algorithm) and not o.crypto_valid:
        o.fail(
            "FORMAT_FAILURE",
            f"Thuật toán chữ ký không được hỗ trợ ({o.signature_algorithm})",
            f"Unsupported signature algorithm ({o.signature_algorithm})",
        )
        return
    # Circular 15: certificate valid at signing time
    when = o.timestamp_time if o.timestamp_trusted else o.signing_time
    if o.cert is not None and when is not None:
        nb, na = _validity(o.cert)
        o.valid_at_signing = nb <= when <= na
    # modifications seen by a reader
    visible: list[tuple[str, str]] = []
    if diff is not None:
        o.pages_signed, o.pages_final = diff.pages_signed, diff.pages_final
        if diff.page_count_changed:
            visible.append(
                (
                    f"Số trang thay đổi sau khi ký: {diff.pages_signed} → {diff.pages_final}",
                    f"Page count changed after signing: {diff.pages_signed} → {diff.pages_final}",
                )
            )
        if diff.changed_pages:
            pages = ", ".join(str(p) for p in diff.changed_pages[:10])
            visible.append(
                (
                    f"Nội dung trang {pages} bị thay đổi sau khi ký "
                    "(so sánh hình ảnh bản đã ký và bản hiện tại)",
                    f"Content of page {pages} changed after signing "
                    "(rendered signed revision vs final document)",
                )
            )
        o.checks.append(
            Check(
                name="page_difference",
                ok=not diff.page_count_changed,
                detail=f"{diff.pages_signed} → {diff.pages_final}",
            )
        )
        o.checks.append(
            Check(
                name="visual_difference",
                ok=not diff.changed_pages,
                detail=f"{diff.compared_pages} page(s) compared"
                + (f"; changed: {diff.changed_pages}" if diff.changed_pages else ""),
            )
        )
        o.checks.append(
            Check(
                name="annotation_overlap",
                ok=not diff.overlapping,
                detail=f"{len(diff.new_annotations)} new annotation(s), "
                f"{len(diff.overlapping)} over signed content",
            )
        )
        if diff.error:
            o.checks.append(Check(name="rendering", ok=None, detail=diff.error))

        if diff.appearance_changed_pages:
            pages = ", ".join(str(p) for p in diff.appearance_changed_pages[:10])
            visible.append(
                (
                    f"Hình thức hiển thị trên trang {pages} bị thay đổi sau khi ký "
                    "mà giá trị trường không đổi "
                    "(nội dung bị che hoặc thay thế)",
                    f"What page {pages} shows was changed after signing without a field value change "
                    "(content hidden or replaced)",
                )
            )
        if diff.replaced_fields:
            names = ", ".join(diff.replaced_fields[:5])
            visible.append(
                (
                    f"Giá trị đã ký của trường biểu mẫu bị thay thế sau khi ký: {names}",
                    f"The signed value of form field(s) was replaced after signing: {names}",
                )
            )
        o.checks.append(
            Check(
                name="form_values",
                ok=not diff.replaced_fields,
                detail=", ".join(diff.replaced_fields) or None,
            )
        )

    if visible:
        o.modification = "other"
    elif (
        diff is not None and o.modification == "other" and o.coverage == "entire_revision" and not diff.error
    ):
        # pyHanko could not classify the update (or could not read the file); judge it by what a reader sees
        new_annots = [a for a in diff.new_annotations if not a.signature_widget and a.subtype != "/Widget"]
        if o.diff_reason and "VRI" in o.diff_reason:
            o.modification = "lta_updates"
            o.reasons.append(
                (
                    "Chỉ thay đổi dữ liệu kiểm tra dài hạn (DSS/VRI) sau khi ký",
                    "Only long-term validation data (DSS/VRI) changed after signing",
                )
            )
        elif diff.changed_widgets and o.diff_reason and re.search(r"/(V|I|AS)\b", o.diff_reason):
            o.modification = "form_filling"
            o.reasons.append(
                (
                    "Giá trị trường biểu mẫu được điền/chọn sau khi ký; ngoài các trường đó, trang không đổi",
                    "Form field values were filled in or chosen after signing; nothing else visible changed",
                )
            )
        elif new_annots:
            o.modification = "annotations"  # whether they cover signed content is judged below
            if not diff.overlapping:
                o.reasons.append(
                    (
                        "Có chú thích (annotation) được thêm sau khi ký, không che nội dung đã ký",
                        "Annotations were added after signing; they cover no signed content",
                    )
                )
    elif (
        diff is not None
        and diff.new_annotations
        and o.modification in ("none", "lta_updates", "form_filling")
    ) and any(not a.signature_widget and a.subtype != "/Widget" for a in diff.new_annotations):
        o.modification = "annotations"
    if o.diff_level == "other":
        o.docmdp_ok = (
            None  # pyHanko's verdict rested on the change it could not classify; judged here instead
        )
    if o.docmdp is not None and o.modification != "other":
        allowed = {1: ("none", "lta_updates"), 2: ("none", "lta_updates", "form_filling")}.get(o.docmdp)
        if allowed is not None and o.modification not in allowed:
            o.docmdp_ok = False

    o.checks.insert(0, Check(name="integrity", ok=o.intact))
    o.checks.insert(1, Check(name="signature_value", ok=o.crypto_valid))
    o.checks.append(Check(name="certificate_chain", ok=o.trusted, detail=o.trust_anchor))
    o.checks.append(Check(name="certificate_valid_at_signing_time", ok=o.valid_at_signing))

    if not o.intact:
        o.fail(
            "HASH_FAILURE",
            "Nội dung đã ký bị thay đổi (sai giá trị băm)",
            "The signed content was altered (digest mismatch)",
        )
        return
    if not o.crypto_valid:
        o.fail(
            "SIG_CRYPTO_FAILURE",
            "Giá trị chữ ký không khớp với chứng thư số",
            "The signature value does not verify against the certificate",
        )
        return
    if o.coverage == "partial":
        o.fail(
            "FORMAT_FAILURE",
            "Vùng ký (/ByteRange) không bao trọn phiên bản tài liệu đã ký",
            "The signed byte range does not cover the whole signed revision",
        )
        return
    if visible:
        for r in visible:
            o.reasons.append(r)
        o.indication, o.sub_indication = "TOTAL_FAILED", "FORMAT_FAILURE"
        return
    if o.docmdp_ok is False and o.modification != "other":
        o.fail(
            "FORMAT_FAILURE",
            "Tài liệu bị sửa đổi vượt quá quyền cho phép của chữ ký chứng thực (DocMDP)",
            "The document was changed beyond what its certification (DocMDP) permits",
        )
        o.modification = "other"
        return
    if o.modification == "other":
        detail = o.diff_reason or "unclassified change"
        o.indication, o.sub_indication = "INDETERMINATE", "SIG_CONSTRAINTS_FAILURE"
        o.reasons.append(
            (
                f"Tài liệu bị sửa đổi sau khi ký theo cách không xác định được ({detail})",
                f"The document was changed after signing in a way that cannot be classified ({detail})",
            )
        )
        return
    if diff is not None and diff.overlapping:
        o.indication, o.sub_indication = "INDETERMINATE", "SIG_CONSTRAINTS_FAILURE"
        pages_over = sorted({a.page + 1 for a in diff.overlapping})
        o.reasons.append(
            (
                f"Chú thích thêm sau khi ký che lên nội dung đã ký (trang {pages_over})",
                f"An annotation added after signing covers signed content (page {pages_over})",
            )
        )
        return
    if o.seed_value_error:
        o.indication, o.sub_indication = "INDETERMINATE", "SIG_CONSTRAINTS_FAILURE"
        o.reasons.append(
            (
                f"Không đáp ứng ràng buộc của ô chữ ký: {o.seed_value_error}",
                f"Signature field constraints not met: {o.seed_value_error}",
            )
        )
        return
    ti = o.trust_indic
    if ti == "__EXPIRED__":
        o.fail(
            "EXPIRED",
            "Chứng thư số đã hết hạn trước thời điểm ký (theo dấu thời gian)",
            "The certificate had expired before the signature was made (per timestamp)",
        )
        return
    if ti == "__REVOKED__":
        o.fail(
            "REVOKED",
            f"Chứng thư số đã bị thu hồi ({_iso(o.revocation_time)}) trước thời điểm ký",
            f"The certificate was revoked ({_iso(o.revocation_time)}) before the signature was made",
        )
        return
    made_at = o.timestamp_time if o.timestamp_trusted else o.signing_time
    if o.cert is not None and made_at is not None:
        nb, _na = _validity(o.cert)
        if made_at < nb:
            o.fail(
                "NOT_YET_VALID",
                "Chữ ký được tạo trước khi chứng thư số có hiệu lực",
                "The signature was made before the certificate became valid",
            )
            return
    if ti is not None:
        o.indication, o.sub_indication = "INDETERMINATE", ti
        o.reasons.append(
            _TRUST_WORDS.get(
                ti,
                (
                    f"Không xác thực được chứng thư số ({ti})",
                    f"The certificate could not be validated ({ti})",
                ),
            )
        )
        if ti == "OUT_OF_BOUNDS_NO_POE" and o.valid_at_signing is False:
            o.reasons.append(
                (
                    "Chứng thư số đã hết hạn vào thời điểm ký khai báo",
                    "The certificate had already expired at the claimed signing time",
                )
            )
        return
    if not o.trusted:
        o.indication, o.sub_indication = "INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND"
        o.reasons.append(_TRUST_WORDS["NO_CERTIFICATE_CHAIN_FOUND"])
        return
    if o.timestamp_trusted is False and o.kind == "signature":
        o.indication, o.sub_indication = "INDETERMINATE", "SIG_CONSTRAINTS_FAILURE"
        o.reasons.append(
            (
                "Dấu thời gian của chữ ký không hợp lệ hoặc không được tin cậy",
                "The signature's timestamp is invalid or not trusted",
            )
        )
        return
    o.indication, o.sub_indication = "TOTAL_PASSED", None


_TRUST_WORDS: dict[str, tuple[str, str]] = {
    "NO_CERTIFICATE_CHAIN_FOUND": (
        "Không xây dựng được chuỗi chứng thư tới CA gốc tin cậy",
        "No certificate chain to a trusted root CA",
    ),
    "OUT_OF_BOUNDS_NO_POE": (
        "Chứng thư số đã hết hạn và không có bằng chứng (dấu thời gian) chữ ký được tạo trước đó",
        "The certificate has expired and nothing proves the signature was made before",
    ),
    "REVOKED_NO_POE": (
        "Chứng thư số đã bị thu hồi và không có bằng chứng chữ ký được tạo trước khi thu hồi",
        "The certificate was revoked and nothing proves the signature was made before",
    ),
    "REVOKED_CA_NO_POE": (
        "Chứng thư của CA trung gian đã bị thu hồi",
        "An intermediate CA certificate was revoked",
    ),
    "TRY_LATER": (
        "Chưa lấy được thông tin thu hồi (OCSP/CRL) hợp lệ; thử lại sau",
        "No fresh revocation information (OCSP/CRL) available; try later",
    ),
    "CHAIN_CONSTRAINTS_FAILURE": (
        "Chứng thư số không đáp ứng ràng buộc của chuỗi (mục đích sử dụng khóa ...)",
        "The certificate fails chain constraints (key usage ...)",
    ),
    "CERTIFICATE_CHAIN_GENERAL_FAILURE": (
        "Lỗi khi kiểm tra chuỗi chứng thư (hết hạn/thu hồi CA, thiếu thông tin thu hồi ...)",
        "Certificate chain check failed (CA expired/revoked, revocation info unavailable ...)",
    ),
    "CRYPTO_CONSTRAINTS_FAILURE": (
        "Thuật toán mật mã không còn được chấp nhận",
        "A cryptographic algorithm is no longer acceptable",
    ),
    "CRYPTO_CONSTRAINTS_FAILURE_NO_POE": (
        "Thuật toán mật mã không còn được chấp nhận tại thời điểm kiểm tra",
        "A cryptographic algorithm is no longer acceptable at validation time",
    ),
    "NO_SIGNING_CERTIFICATE_FOUND": (
        "Không tìm thấy chứng thư số của người ký trong chữ ký",
        "The signer's certificate is not in the signature",
    ),
}


# ----------------------------------------------------------------------------------------------------------
# The document
# ----------------------------------------------------------------------------------------------------------
def _format_failure_report(data: bytes, vi: str, en: str, file_name: str | None) -> VerificationReport:
    return VerificationReport(
        document=DocumentSummary(
            indication="TOTAL_FAILED",
            sub_indication="FORMAT_FAILURE",
            modified_after_signing=False,
            signatures=0,
            timestamps=0,
            reason=vi,
            reason_en=en,
            sha256=hashlib.sha256(data).hexdigest(),
            validation_time=_iso(datetime.now(UTC)),
        ),
        signatures=[],
        file_name=file_name,
    )


async def averify_pdf(
    data: bytes,
    *,
    trust_roots: Sequence[x509.Certificate] = (),
    allow_fetching: bool = True,
    registry_lookup: Callable[[str], RegistryMatch | None] | None = None,
    visual_checks: bool = True,
    file_name: str | None = None,
) -> VerificationReport:
    """Verify ``data`` (the bytes of a PDF). Never raises on bad input: a report always comes back."""
    try:
        return await _averify(data, trust_roots, allow_fetching, registry_lookup, visual_checks, file_name)
    except Exception as exc:  # the promise: a report, never a traceback
        log.exception("verification failed unexpectedly")
        return _format_failure_report(
            data,
            f"Không kiểm tra được tệp: {type(exc).__name__}: {exc}",
            f"The file could not be verified: {type(exc).__name__}: {exc}",
            file_name,
        )


def verify_pdf(
    data: bytes,
    *,
    trust_roots: Sequence[x509.Certificate] = (),
    allow_fetching: bool = True,
    registry_lookup: Callable[[str], RegistryMatch | None] | None = None,
    visual_checks: bool = True,
    file_name: str | None = None,
) -> VerificationReport:
    """Synchronous :func:`averify_pdf` (runs in a worker thread when called from inside an event loop)."""
    coro_args = {
        "trust_roots": trust_roots,
        "allow_fetching": allow_fetching,
        "registry_lookup": registry_lookup,
        "visual_checks": visual_checks,
        "file_name": file_name,
    }
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(averify_pdf(data, **coro_args))  # type: ignore[arg-type]
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(averify_pdf(data, **coro_args))).result()  # type: ignore[arg-type]


async def _averify(
    data: bytes,
    trust_roots: Sequence[x509.Certificate],
    allow_fetching: bool,
    registry_lookup: Callable[[str], RegistryMatch | None] | None,
    visual_checks: bool,
    file_name: str | None,
) -> VerificationReport:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return _format_failure_report(data, "Tệp rỗng", "The file is empty", file_name)
    if len(data) > MAX_FILE_BYTES:
        return _format_failure_report(data, "Tệp quá lớn", "The file is too large", file_name)
    if b"%PDF-" not in data[:1024]:
        return _format_failure_report(
            data,
            "Tệp không phải là PDF (thiếu phần đầu %PDF-)",
            "Not a PDF file (no %PDF- header)",
            file_name,
        )

    # 1. the signature dictionaries, read leniently (pikepdf/qpdf, else a raw scan of the bytes)
    scanned = False
    try:
        raws = _raw_signatures(data)
    except Exception as exc:
        log.debug("pikepdf cannot open the file (%s); scanning raw bytes", exc)
        raws = _scan_signatures(data)
        scanned = True
        if not raws:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            damage = re.sub(r"^stream <[^>]*>:\s*", "", first)
            return _format_failure_report(
                data,
                f"Tệp PDF bị hỏng, không đọc được chữ ký nào: {damage}",
                f"The PDF is damaged and no signature can be read from it: {damage}",
                file_name,
            )
    if not raws:
        return _format_failure_report(
            data, "Tệp PDF không có chữ ký số nào", "The PDF contains no digital signature", file_name
        )
    raws.sort(key=lambda r: r.revision_end)

    # 2. pyHanko's reader (non-strict); its signatures matched to ours by field name
    reader = None
    reader_error = None
    embedded: dict[str, Any] = {}
    emb_errors: dict[str, str] = {}
    if not scanned:
        try:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            _ = reader.root
        except Exception as exc:
            reader_error = f"{type(exc).__name__}: {exc}"
            reader = None
    if reader is not None:
        from pyhanko.sign.fields import enumerate_sig_fields

        try:
            for fq_name, _sig_obj, sig_field in enumerate_sig_fields(reader, filled_status=True):
                try:
                    embedded[fq_name] = EmbeddedPdfSignature(reader, sig_field, fq_name)
                except Exception as exc:
                    emb_errors[fq_name] = f"{type(exc).__name__}: {exc}"
        except Exception as exc:
            reader_error = f"{type(exc).__name__}: {exc}"

    evidence = _read_dss(data)
    final_doc: revisions.Document | None = None
    if visual_checks:
        final_doc = revisions.Document(data)

    # proof-of-existence times from trusted document timestamps are known only after validating them; validate
    # newest first so each signature can use the earliest later trusted doc timestamp
    outcomes: list[_Outcome] = []
    later_poe: datetime | None = None
    for idx in range(len(raws) - 1, -1, -1):
        raw = raws[idx]
        o = _Outcome(field=raw.field, kind=raw.kind, raw=raw)
        o.cert = _cert_from_cms(raw.contents)
        problems = list(raw.problems) + _byte_range_problems(raw, len(data))
        emb = embedded.get(raw.field)
        if raw.byte_range and len(raw.byte_range) == 4 and raw.revision_end <= len(data):
            o.signed_revision_sha256 = hashlib.sha256(data[: raw.revision_end]).hexdigest()
        checked = False
        if problems:
            for vi, en in problems:
                o.fail("FORMAT_FAILURE", vi, en)
            o.trust_indic = "__decided__"
        elif raw.sub_filter and raw.sub_filter not in SUPPORTED_SUBFILTERS:
            o.fail(
                "FORMAT_FAILURE",
                f"Định dạng chữ ký không được hỗ trợ ({raw.sub_filter})",
                f"Unsupported signature format ({raw.sub_filter})",
            )
            o.trust_indic = "__decided__"
        else:
            if emb is not None:
                try:
                    o.signed_revision = emb.signed_revision
                    o.docmdp = int(emb.docmdp_level.value) if emb.docmdp_level is not None else None
                except Exception:
                    pass
                try:
                    await _validate_one(emb, o, trust_roots, evidence, allow_fetching, later_poe)
                    checked = True
                except Exception as exc:
                    log.debug("pyHanko failed on %s", raw.field, exc_info=True)
                    emb_errors[raw.field] = _first_line(exc)
                    o = _Outcome(
                        field=raw.field,
                        kind=raw.kind,
                        raw=raw,
                        cert=o.cert,
                        signed_revision_sha256=o.signed_revision_sha256,
                    )
            if not checked:
                why = emb_errors.get(raw.field) or reader_error
                try:
                    await _validate_lenient(raw, data, o, trust_roots, evidence, allow_fetching, later_poe)
                    if why:
                        o.checks.append(Check(name="pdf_structure", ok=False, detail=why))
                except Exception as exc:
                    log.debug("lenient validation of %s failed", raw.field, exc_info=True)
                    if isinstance(exc, AssertionError):
                        vi_why = "thuật toán chữ ký không khớp với khóa công khai của chứng thư"
                        en_why = "the signature algorithm does not match the certificate's public key"
                    else:
                        vi_why = en_why = why or _first_line(exc)
                    o.fail(
                        "FORMAT_FAILURE",
                        f"Không kiểm tra được chữ ký: {vi_why}",
                        f"The signature could not be checked: {en_why}",
                    )
                    o.trust_indic = "__decided__"
        diff = None
        if final_doc is not None and o.trust_indic != "__decided__" and o.coverage == "entire_revision":
            try:
                diff = revisions.compare(revisions.Document(data[: raw.revision_end]), final_doc)
            except Exception as exc:
                diff = revisions.RevisionDiff(error=str(exc))
        elif final_doc is not None and o.coverage == "entire_file":
            with contextlib.suppress(Exception):
                o.pages_signed = o.pages_final = final_doc.page_count()
        _decide(o, diff)
        if o.kind == "doc_timestamp" and o.indication == "TOTAL_PASSED" and o.timestamp_time is not None:
            later_poe = o.timestamp_time if later_poe is None else min(later_poe, o.timestamp_time)
        outcomes.append(o)
    outcomes.reverse()
    if final_doc is not None:
        final_doc.close()

    reports = [_result(o) for o in outcomes]
    return _summarise(data, sha, reports, registry_lookup, file_name)


def _summarise(
    data: bytes,
    sha: str,
    reports: list[SignatureReport],
    registry_lookup: Callable[[str], RegistryMatch | None] | None,
    file_name: str | None,
) -> VerificationReport:
    worst = max(reports, key=lambda r: SEVERITY[r.indication])
    last_sig = reports[-1]
    modified = last_sig.modification not in ("none", "lta_updates") or any(
        r.modification in ("annotations", "other") for r in reports
    )
    pages = next((r.pages_final for r in reports if r.pages_final is not None), None)
    if worst.indication == "TOTAL_PASSED":
        vi, en = "Tất cả chữ ký hợp lệ", "Every signature is valid"
    else:
        bad = [r for r in reports if r.indication == worst.indication]
        first = bad[0]
        vi = f"Chữ ký '{first.field}': " + ("; ".join(first.reasons) or (first.sub_indication or ""))
        en = f"Signature '{first.field}': " + ("; ".join(first.reasons_en) or (first.sub_indication or ""))
    registry = RegistryInfo()
    if registry_lookup is not None:
        # the newest signed revision that the store might know, newest first
        for r in reversed(reports):
            if r.signed_revision_sha256 is None:
                continue
            try:
                match = registry_lookup(r.signed_revision_sha256)
            except Exception:
                log.warning("registry lookup failed", exc_info=True)
                match = None
            if match is not None:
                registry = RegistryInfo(known=True, document_id=match.document_id, validity=match.validity)
                break
    revs = None
    with contextlib.suppress(Exception):
        revs = data.count(b"%%EOF")
    return VerificationReport(
        document=DocumentSummary(
            indication=worst.indication,
            sub_indication=worst.sub_indication,
            modified_after_signing=modified,
            signatures=sum(1 for r in reports if r.kind == "signature"),
            timestamps=sum(1 for r in reports if r.kind == "doc_timestamp"),
            reason=vi,
            reason_en=en,
            sha256=sha,
            pages=pages,
            revisions=revs,
            validation_time=_iso(datetime.now(UTC)),
        ),
        signatures=reports,
        registry=registry,
        file_name=file_name,
    )
