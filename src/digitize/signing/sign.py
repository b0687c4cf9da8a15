"""PAdES signing on pyHanko: B-B, B-T, B-LT, B-LTA; leader, organisation and copy appearances; batches.

One ``Signing`` object holds an open key, the checked certificate, the trust roots, the timestamper and
the validation context, and signs any number of documents with them (one PIN entry for a batch)::

    with open_key(P12Source(p12, "P12_PW")) as key:
        signing = Signing(key, SignProfile(role="leader", level="B-T", tsa_url=url, title="Giám đốc"),
                          trust_roots=load_trust_roots([root_pem]))
        result = signing.sign_file(SignRequest(Path("in.pdf"), Path("out.pdf")))
        out_bytes, result = signing.sign_bytes(pdf_bytes)

Every signature is an incremental update: earlier signatures stay valid. ``certify`` makes the signature a
certification (DocMDP) signature; it must be the document's first (``docmdp=2``, the default, still allows
the organisation's signature and copies' stamps after the leader's). A document whose DocMDP forbids any
change (P=1) is refused with ``SignatureNotAllowed``.

Speed: the signature container's size is fixed from the certificates instead of being measured with a
dummy signature (pyHanko's default doubles the signing cost), and the key, certificate check, validation
context and rendered appearances are reused across a batch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from asn1crypto import x509

from digitize.errors import (
    BadInput,
    CorruptInput,
    EncryptedInput,
    ServiceUnavailable,
    SignatureNotAllowed,
    SigningError,
    UsageError,
)
from digitize.signing import appearance as ap
from digitize.signing.certcheck import CertificateCheck, check_certificate, make_validation_context
from digitize.signing.keys import KeySession
from digitize.text import nfc

Level = Literal["B-B", "B-T", "B-LT", "B-LTA"]
LEVELS: tuple[Level, ...] = ("B-B", "B-T", "B-LT", "B-LTA")
ROLES: tuple[ap.Role, ...] = ("leader", "organization", "copy")
COPY_KINDS = {"electronic": "BẢN SAO ĐIỆN TỬ", "digitized": "BẢN SỐ HÓA"}


@dataclass(frozen=True)
class SignProfile:
    """How to sign (the same for every document of a batch)."""

    role: ap.Role = "leader"
    level: Level = "B-B"
    tsa_url: str | None = None
    pss: bool = False  # RSASSA-PSS (applied when the key is opened: see keys.open_key)
    certify: bool = False  # a certification (DocMDP) signature; must be the document's first
    docmdp: Literal[1, 2, 3] = 2  # 1 no changes, 2 form filling and signing, 3 also annotations
    title: str = "Giám đốc"  # leader: the title above the signature
    name: str | None = None  # leader: the full name under it (default: the certificate's CN)
    organization: str | None = None  # organization/copy (default: the certificate's O, then settings)
    signature_image: Path | None = None  # leader: blue transparent PNG
    seal_image: Path | None = None  # organization: red seal PNG (required for that role)
    copy_kind: str = COPY_KINDS["electronic"]
    page: int | None = None  # 0-based; default: last page (leader/organization), first page (copy)
    box: tuple[float, float, float, float] | None = None  # x1, y1, x2, y2 in points
    visible: bool = True
    reason: str | None = None
    location: str | None = None
    check_certificate: bool = True
    check_revocation: bool = True  # ask OCSP/CRL before signing when they answer (soft-fail)
    field_name: str | None = None  # default: an empty field reserved for the role, else "<role>_<n>"
    # With certify: empty signature fields created under the certification for the later signers
    # (pyHanko's validator, stricter than Acrobat, rejects NEW visible fields after a certification).
    # None: ("organization", "copy") for a certifying leader, () otherwise.
    reserve: tuple[ap.Role, ...] | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise UsageError(f"Mức ký không hợp lệ: {self.level}", f"invalid level: {self.level}")
        if self.role not in ROLES:
            raise UsageError(f"Vai trò ký không hợp lệ: {self.role}", f"invalid role: {self.role}")
        if self.level != "B-B" and not self.tsa_url:
            raise UsageError(
                f"Mức {self.level} cần máy chủ dấu thời gian (--tsa URL)",
                f"level {self.level} needs a timestamp server (--tsa URL)",
            )
        if self.role == "organization" and self.visible and self.seal_image is None:
            raise UsageError(
                "Chữ ký của tổ chức cần ảnh con dấu (--seal-image)",
                "the organization's signature needs a seal image (--seal-image)",
            )


@dataclass(frozen=True)
class SignRequest:
    input: Path
    output: Path


@dataclass(frozen=True)
class SignResult:
    output: Path | None
    field_name: str
    role: str
    level: str
    signer_name: str
    signer_serial: str
    signing_time: str  # ISO 8601 with +07:00, as shown on the appearance
    certified: bool
    sha256: str  # of the signed file
    size: int
    page: int | None
    box: tuple[float, float, float, float] | None
    certificate: CertificateCheck | None = field(default=None, compare=False)


def _name_attr(cert: x509.Certificate, attr: str) -> str | None:
    value = cert.subject.native.get(attr)
    if isinstance(value, list):
        value = value[0] if value else None
    return nfc(str(value)) if value else None


class Signing:
    """Signs documents with one open key and one profile (see the module docstring)."""

    def __init__(
        self,
        key: KeySession,
        profile: SignProfile,
        trust_roots: Sequence[x509.Certificate] = (),
        *,
        require_trust: bool = True,
    ) -> None:
        self.key = key
        self.profile = profile
        self.trust_roots = list(trust_roots)
        cert = key.certificate
        self.check: CertificateCheck | None = None
        if profile.check_certificate:
            self.check = check_certificate(
                cert,
                key.chain,
                self.trust_roots,
                check_revocation=profile.check_revocation,
                require_trust=require_trust,
            )
        self.signer_name = _name_attr(cert, "common_name") or cert.subject.human_friendly
        self.signer_serial = str(cert.serial_number)
        from digitize.config import get_settings

        self.organization = nfc(
            profile.organization or _name_attr(cert, "organization_name") or get_settings().organization_name
        )
        self._sig_image = ap.load_image(profile.signature_image) if profile.signature_image else None
        self._seal = ap.load_image(profile.seal_image, actual_size=True) if profile.seal_image else None
        self._timestamper: Any = None
        if profile.tsa_url:
            self._timestamper = _session_timestamper(profile.tsa_url, timeout=15)
        self._vc: Any = None
        if profile.level in ("B-LT", "B-LTA"):
            self._vc = make_validation_context(self.trust_roots, key.chain, fetch=True)
        self._reserved: int | None = None

    # -- public ------------------------------------------------------------------------------------------
    def sign_file(self, request: SignRequest) -> SignResult:
        """Sign ``request.input`` into ``request.output`` (written atomically; nothing left on error)."""
        try:
            data = Path(request.input).read_bytes()
        except OSError as exc:
            raise BadInput(
                f"Không đọc được tệp {request.input}: {exc.strerror}",
                f"cannot read {request.input}: {exc.strerror}",
            ) from None
        out, result = self.sign_bytes(data)
        write_atomic(Path(request.output), out)
        return replace(result, output=Path(request.output))

    def sign_bytes(self, data: bytes) -> tuple[bytes, SignResult]:
        """Sign a PDF given as bytes; return the signed PDF and what was done."""
        from pyhanko.sign.general import SigningError as HankoSigningError

        writer, pdf_signer, result = self._setup(data, external=False)
        out = io.BytesIO()
        try:
            pdf_signer.sign_pdf(writer, output=out, bytes_reserved=self._bytes_reserved())
        except HankoSigningError as exc:
            raise _signing_error(exc) from None
        except OSError as exc:
            raise ServiceUnavailable(
                "Không kết nối được máy chủ dấu thời gian/thu hồi",
                f"TSA/revocation server unreachable: {exc}",
            ) from None
        except Exception as exc:
            name = type(exc).__name__
            if "Timestamp" in name or "Request" in name or "Connection" in name:
                raise ServiceUnavailable(
                    "Không lấy được dấu thời gian từ máy chủ TSA", f"could not get a timestamp: {name}: {exc}"
                ) from None
            raise
        signed = out.getvalue()
        return signed, replace(result, sha256=hashlib.sha256(signed).hexdigest(), size=len(signed))

    def prepare_external(self, data: bytes) -> tuple[bytes, Any, SignResult, dt.datetime]:
        """Everything up to the holder's signature (the key is elsewhere: ``self.key.signer`` is a pyHanko
        ``ExternalSigner``): the PDF with its appearance and an empty signature container, pyHanko's
        ``PreparedByteRangeDigest`` of it, what will be done, and the signing time. No timestamp and no
        validation data yet: those are added after the holder's signature (``signing.sessions``)."""
        from pyhanko.sign.general import SigningError as HankoSigningError

        writer, pdf_signer, result = self._setup(data, external=True)
        signer = self.key.signer
        certs = sum(len(c.dump()) for c in signer.cert_registry) + len(self.key.certificate.dump())
        size = certs + 3000 + (9000 if self.profile.level != "B-B" else 0)
        try:
            prep, _tbs, output = _run(
                pdf_signer.async_digest_doc_for_signing(writer, bytes_reserved=2 * size + 64)
            )
        except HankoSigningError as exc:
            raise _signing_error(exc) from None
        output.seek(0)
        return output.read(), prep, result, pdf_signer._when

    def _setup(self, data: bytes, *, external: bool) -> tuple[Any, Any, SignResult]:
        """The writer (appearance and fields in place), pyHanko's PdfSigner and the result to be."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.misc import PdfReadError
        from pyhanko.sign import fields, signers

        p = self.profile
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        except (PdfReadError, ValueError, KeyError, TypeError) as exc:
            raise CorruptInput("Tệp không phải PDF hợp lệ", f"not a valid PDF: {exc}") from None
        if writer.prev.encrypted:
            raise EncryptedInput("PDF đã mã hóa, không ký được", "the PDF is encrypted and cannot be signed")
        self._enforce_docmdp(writer)

        existing = _signature_fields(writer)
        reserved = next(
            (
                f
                for f in existing
                if not f.filled
                and (f.name == p.field_name if p.field_name else f.name.startswith(p.role + "_"))
            ),
            None,
        )
        if reserved is not None:
            field_name = reserved.name
        else:
            n = 1 + sum(1 for f in existing if f.name.startswith(p.role))
            field_name = p.field_name or f"{p.role}_{n}"
            if any(f.name == field_name for f in existing):
                raise UsageError(f"Đã có trường chữ ký {field_name}", f"signature field {field_name} exists")
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        when = ap.vn_time(now)  # shown on the appearance; the same instant goes into /M and the CMS

        field_spec = None
        stamp_style = None
        page_ix: int | None = None
        box: ap.Rect | None = None
        if p.visible:
            appearance = self._appearance(writer, existing, when, reserved)
            page_ix, box = appearance.page, appearance.box
            if reserved is None:
                field_spec = fields.SigFieldSpec(
                    sig_field_name=field_name,
                    on_page=page_ix,
                    box=tuple(round(v, 2) for v in box),  # type: ignore[arg-type]
                )
            stamp_style = ap.stamp_style(appearance)
            if p.certify and self._roles_to_reserve(existing):
                if field_spec is not None:  # this signature's own field first, in document order
                    fields.append_signature_field(writer, field_spec)
                    field_spec = None
                self._reserve_fields(writer, existing, appearance)

        from pyhanko.sign.fields import MDPPerm

        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=p.reason,
            location=p.location,
            name=self.signer_name,
            certify=p.certify,
            docmdp_permissions=MDPPerm(p.docmdp),
            embed_validation_info=p.level in ("B-LT", "B-LTA") and not external,
            use_pades_lta=p.level == "B-LTA" and not external,
            validation_context=None if external else self._vc,
        )
        pdf_signer = _pdf_signer_class()(
            now,
            meta,
            signer=self.key.signer,
            timestamper=self._timestamper if p.level != "B-B" and not external else None,
            stamp_style=stamp_style,
            new_field_spec=field_spec,
        )
        return (
            writer,
            pdf_signer,
            SignResult(
                output=None,
                field_name=field_name,
                role=p.role,
                level=p.level,
                signer_name=self.signer_name,
                signer_serial=self.signer_serial,
                signing_time=when,
                certified=p.certify,
                sha256="",
                size=0,
                page=page_ix,
                box=box,
                certificate=self.check,
            ),
        )

    def sign_many(self, requests: Iterable[SignRequest]) -> list[SignResult]:
        """Sign every request with this one key session; stops at the first error (earlier outputs stay)."""
        return [self.sign_file(r) for r in requests]

    # -- internals ---------------------------------------------------------------------------------------
    def _bytes_reserved(self) -> int | None:
        """A fixed signature container size (hex digits) so that no dummy signature is needed."""
        if self.profile.level in ("B-LT", "B-LTA"):
            return None  # revocation data varies: let pyHanko measure
        if self._reserved is None:
            signer = self.key.signer
            certs = sum(len(c.dump()) for c in signer.cert_registry) + len(self.key.certificate.dump())
            size = certs + 3000  # signed attributes, signature value, structure
            if self.profile.level == "B-T":
                size += 9000  # timestamp token with the TSA's certificates
            self._reserved = 2 * size + 64
        return self._reserved

    def _enforce_docmdp(self, writer: Any) -> None:
        from pyhanko.sign.validation import read_certification_data

        try:
            cert_data = read_certification_data(writer.prev)
        except Exception:
            cert_data = None
        if cert_data is not None and int(cert_data.permission.value) == 1:
            raise SignatureNotAllowed(
                "Tài liệu đã được chứng thực và không cho phép thay đổi hay ký thêm",
                "the document is certified with no changes allowed (DocMDP P=1): no further signature",
            )
        if self.profile.certify and _signature_fields(writer, signed_only=True):
            raise SignatureNotAllowed(
                "Chữ ký chứng thực (DocMDP) phải là chữ ký đầu tiên của tài liệu",
                "a certification (DocMDP) signature must be the document's first signature",
            )

    def _roles_to_reserve(self, existing: list[SigField]) -> list[ap.Role]:
        p = self.profile
        default: tuple[ap.Role, ...] = ("organization", "copy") if p.role == "leader" else ()
        roles = p.reserve if p.reserve is not None else default
        return [
            r
            for r in roles
            if r != p.role
            and not (r == "organization" and p.role != "leader")
            and not any(f.name.startswith(r + "_") for f in existing)
        ]

    def _reserve_fields(self, writer: Any, existing: list[SigField], mine: ap.Appearance) -> None:
        """Empty signature fields for the later signers, inside the certified revision."""
        from pyhanko.pdf_utils.generic import FloatObject, NameObject
        from pyhanko.sign import fields

        for role in self._roles_to_reserve(existing):
            anchor: ap.Point | None = None
            if role == "organization":
                anchor = ap.seal_anchor(mine.box, self._sig_image)
                sw, sh = (
                    (self._seal.width_pt, self._seal.height_pt)
                    if self._seal
                    else (ap.SEAL_RESERVE_PT, ap.SEAL_RESERVE_PT)
                )
                box, page = ap.organization_box(mine.box, anchor, sw, sh), mine.page
            else:
                w, h = _page_size(writer, 0)
                box, page = ap.copy_box(w, h), 0
            rounded = tuple(round(v, 2) for v in box)
            spec = fields.SigFieldSpec(sig_field_name=f"{role}_1", on_page=page, box=rounded)  # type: ignore[arg-type]
            fields.append_signature_field(writer, spec)
            if anchor is not None:
                refs = fields.enumerate_sig_fields(writer, with_name=f"{role}_1")
                _, _, ref = next(iter(refs))
                ref.get_object()[NameObject(ANCHOR_KEY)] = generic_array(
                    [FloatObject(round(anchor[0], 2)), FloatObject(round(anchor[1], 2))]
                )

    def _appearance(
        self, writer: Any, existing: list[SigField], when: str, reserved: SigField | None = None
    ) -> ap.Appearance:
        p = self.profile
        n_pages = int(writer.root["/Pages"]["/Count"])
        if reserved is not None and reserved.where is not None:
            page, box = reserved.where
            if p.role == "copy":
                return ap.copy_appearance(0, 0, nfc(p.copy_kind), self.organization, when, page, box)
            if p.role == "organization":
                assert self._seal is not None
                anchor = reserved.anchor or ap.seal_anchor(box, self._sig_image)
                return ap.organization_appearance(
                    page, box, None, self._seal, self.organization, when, box=box, anchor=anchor
                )
            return ap.leader_appearance(page, box, p.title, p.name or self.signer_name, self._sig_image)
        if p.role == "copy":
            page = _page_index(p.page if p.page is not None else 0, n_pages)
            w, h = _page_size(writer, page)
            return ap.copy_appearance(w, h, nfc(p.copy_kind), self.organization, when, page, p.box)
        if p.role == "leader":
            page = _page_index(p.page, n_pages)
            box = p.box or _default_leader_box(*_page_size(writer, page))
            return ap.leader_appearance(page, box, p.title, p.name or self.signer_name, self._sig_image)
        # organisation: over the leader's signature when there is one
        assert self._seal is not None
        leader = next((f for f in reversed(existing) if f.name.startswith("leader") and f.where), None)
        if leader is not None and leader.where is not None and p.box is None:
            page, lbox = leader.where
        else:
            page = _page_index(p.page, n_pages)
            lbox = p.box or _default_leader_box(*_page_size(writer, page))
        return ap.organization_appearance(page, lbox, self._sig_image, self._seal, self.organization, when)


def _signing_error(exc: Exception) -> SigningError:
    text = str(exc)
    if "ertification" in text or "DocMDP" in text or "modif" in text:
        return SignatureNotAllowed(
            "Tài liệu không cho phép thêm chữ ký này (chữ ký chứng thực phải là chữ ký đầu tiên)",
            f"the document does not allow this signature: {text}",
        )
    return SigningError(f"Ký số thất bại: {text}", f"signing failed: {text}")


def _run(coro: Any) -> Any:
    """Run a pyHanko coroutine to its end from synchronous code (also from a thread with no event loop)."""
    import asyncio

    return asyncio.run(coro)


def _session_timestamper(url: str, timeout: float) -> Any:
    """pyHanko's requests-based RFC 3161 client over ONE requests.Session: its default builds a new session
    (and SSL context, ~40 ms) for every token."""
    import asyncio

    import requests
    from asn1crypto import tsp
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError
    from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper

    class SessionTimeStamper(RequestsHTTPTimeStamper):
        def __init__(self) -> None:
            super().__init__(url, timeout=timeout)  # type: ignore[no-untyped-call]  # pyHanko, unannotated
            self._session = requests.Session()

        async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            def task() -> tsp.TimeStampResp:
                try:
                    res = self._session.post(
                        self.url,
                        req.dump(),
                        headers=self.request_headers(),
                        auth=self.auth,
                        timeout=self.timeout,
                    )
                except OSError as e:
                    raise TimestampRequestError("Error in communication with timestamp server") from e
                if res.headers.get("Content-Type") != "application/timestamp-reply":
                    raise TimestampRequestError("Timestamp server response is malformed.", res)
                return tsp.TimeStampResp.load(res.content)

            return await asyncio.to_thread(task)

    return SessionTimeStamper()


def _pdf_signer_class() -> type:
    """pyHanko's PdfSigner with the signing time fixed (so the appearance and the signature agree)."""
    from pyhanko.sign import signers

    class FixedTimePdfSigner(signers.PdfSigner):
        def __init__(self, when: dt.datetime, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._when = when

        def init_signing_session(self, *args: Any, **kwargs: Any) -> Any:
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = self._when
            return session

    return FixedTimePdfSigner


def _page_index(page: int | None, n_pages: int) -> int:
    if page is None:
        return n_pages - 1
    if page < 0:
        page += n_pages
    if not 0 <= page < n_pages:
        raise UsageError(
            f"Trang {page + 1} không tồn tại (tài liệu có {n_pages} trang)",
            f"page {page + 1} does not exist (the document has {n_pages} pages)",
        )
    return page


def _page_size(writer: Any, page: int) -> tuple[float, float]:
    node = writer.find_page_for_modification(page)[0].get_object()
    while node is not None and "/MediaBox" not in node:
        node = node["/Parent"].get_object() if "/Parent" in node else None
    if node is None:
        return 595.0, 842.0  # A4
    x1, y1, x2, y2 = (float(v) for v in node["/MediaBox"])
    return abs(x2 - x1), abs(y2 - y1)


def _default_leader_box(w: float, h: float) -> ap.Rect:
    """Bottom right, where Decree 30 puts the signer's block."""
    bw, bh = 220.0, 130.0
    x2 = w - 40
    y1 = 90.0
    return (x2 - bw, y1, x2, y1 + bh)


ANCHOR_KEY = "/DigitizeSealAnchor"  # [x y]: where a reserved organisation field puts its seal


def generic_array(items: list[Any]) -> Any:
    from pyhanko.pdf_utils.generic import ArrayObject

    return ArrayObject(items)


@dataclass(frozen=True)
class SigField:
    name: str
    where: tuple[int, ap.Rect] | None  # page index and rectangle of its widget, when visible
    filled: bool
    anchor: ap.Point | None = None


def _signature_fields(writer: Any, signed_only: bool = False) -> list[SigField]:
    """The document's signature fields, in document order."""
    from pyhanko.sign.fields import enumerate_sig_fields

    out: list[SigField] = []
    try:
        fields_ = list(enumerate_sig_fields(writer.prev, filled_status=True if signed_only else None))
    except Exception:
        return out
    annots: dict[int, int] = {}  # widget object number -> page index
    with contextlib.suppress(Exception):
        for i in range(int(writer.root["/Pages"]["/Count"])):
            page = writer.find_page_for_modification(i)[0].get_object()
            for a in page.get("/Annots", ()) or ():
                if hasattr(a, "idnum"):
                    annots[a.idnum] = i
    for name, value, field_ref in fields_:
        where = None
        anchor = None
        with contextlib.suppress(Exception):
            f = field_ref.get_object()
            if ANCHOR_KEY in f:
                anchor = (float(f[ANCHOR_KEY][0]), float(f[ANCHOR_KEY][1]))
            wref = field_ref if "/Rect" in f else f.raw_get("/Kids")[0]
            widget = wref.get_object()
            rect = tuple(float(v) for v in widget["/Rect"])
            idx = annots.get(getattr(wref, "idnum", -1))
            if idx is not None and rect[2] - rect[0] > 1:
                where = (
                    idx,
                    (
                        min(rect[0], rect[2]),
                        min(rect[1], rect[3]),
                        max(rect[0], rect[2]),
                        max(rect[1], rect[3]),
                    ),
                )
        out.append(SigField(str(name), where, value is not None, anchor))
    return out


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise BadInput(
            f"Không ghi được {path}: {exc.strerror}", f"cannot write {path}: {exc.strerror}"
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
