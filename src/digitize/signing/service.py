"""Signing a STORED document with a server-side profile: the one function behind the web signing queue and
``POST /api/v1/documents/{id}/signatures``.

    record = sign_document(document_id, "giam-doc", actor="key:abcd", level="B-T", procedure_code="1.004227")

What it does: picks the PDF to sign (the latest signed PDF, so signatures follow each other; else the
searchable PDF/A; else the original when it is a PDF); on the FIRST signature draws the QR code of Circular
01/2023 top-left of page 1 (``digitize.signing.qr``) so it is part of the signed content; signs with the
profile (``digitize.signing.profiles``); verifies the result at once; stores the signed PDF
(content-addressed), a ``Signature`` row (``verified`` = every signature TOTAL_PASSED, the indication in
``detail``), a ``signed`` variant and an audit entry. Nothing is recorded when signing fails.

Overrides: ``role``/``level`` other than the profile's are refused unless the profile lists them
(``allow_roles = [...]``, ``allow_levels = [...]`` in its table of the profiles file).
"""

from __future__ import annotations

import hashlib
import json
import threading
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from digitize.config import Settings, get_settings
from digitize.errors import BadInput, Conflict, DigitizeError, NotFound
from digitize.store import db
from digitize.store.models import DONE, SEARCHABLE, SIGNED, Document, Signature, Variant
from digitize.store.objects import get_object_store, variant_key
from digitize.store.service import audit, iso


def source_pdf(session: Session, doc: Document) -> tuple[str, str, bool]:
    """(object key, sha256, already signed) of the PDF to sign next."""
    sig = session.scalar(
        select(Signature)
        .where(Signature.document_id == doc.id, Signature.key.is_not(None))
        .order_by(Signature.id.desc())
        .limit(1)
    )
    if sig is not None and sig.key:
        return sig.key, sig.sha256, True
    v = session.scalar(
        select(Variant)
        .where(Variant.document_id == doc.id, Variant.kind == SEARCHABLE)
        .order_by(Variant.id.desc())
        .limit(1)
    )
    if v is not None:
        return v.key, v.sha256, False
    if doc.media_type == "application/pdf":
        return doc.original_key, doc.sha256, False
    raise Conflict("Tài liệu chưa có bản PDF để ký.", "The document has no PDF to sign yet.")


def qr_info(
    doc: Document,
    settings: Settings,
    when: str,
    *,
    document_code: str | None = None,
    procedure_code: str | None = None,
) -> Any:
    """The QR code's content for ``doc`` (fields from the store; codes given by the caller win)."""
    from digitize.signing.qr import QrInfo

    values = {f.name: f.value for f in doc.fields}
    number, notation = values.get("code_number"), values.get("code_notation")
    code = document_code or "/".join(x for x in (number, notation) if x) or None
    v = doc.validity
    return QrInfo(
        document_id=doc.id,
        document_code=code,
        procedure_code=procedure_code or values.get("procedure_code"),
        holder_id=doc.holder_id,
        document_name=doc.type_name or values.get("type_name"),
        issuing_system=settings.organization_name,
        time=when,
        valid_from=(v.valid_from.isoformat() if v and v.valid_from else values.get("valid_from")),
        valid_until=(v.valid_until.isoformat() if v and v.valid_until else values.get("valid_until")),
    )


def _raw_profile(path: Path, name: str) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8")) if path.suffix == ".toml" else json.loads(raw)
    except (OSError, ValueError):
        return {}
    table = data.get("profiles", data)
    spec = table.get(name) if isinstance(table, dict) else None
    return spec if isinstance(spec, dict) else {}


_override_lock = threading.Lock()


def _sign(
    profile: str, pdf: bytes, settings: Settings, role: str | None, level: str | None
) -> tuple[bytes, Any, tuple[Path, ...]]:
    """Sign with the profile (and allowed overrides): (signed bytes, SignResult, the profile's trust)."""
    from digitize.signing import profiles as prof

    path = settings.signing_profiles_file
    if path is None:
        raise BadInput(
            "Máy chủ chưa cấu hình hồ sơ ký số (DIGITIZE_SIGNING_PROFILES_FILE).",
            "No signing profiles are configured on the server (DIGITIZE_SIGNING_PROFILES_FILE).",
        )
    try:
        named_all = prof.load_profiles(path, settings)
    except DigitizeError as exc:
        raise BadInput(exc.message_vi, exc.message_en) from None
    named = named_all.get(profile)
    if named is None:
        raise BadInput(
            f"Không có hồ sơ ký '{profile}'.", f"No signing profile '{profile}'.", available=sorted(named_all)
        )
    changes: dict[str, Any] = {}
    spec = _raw_profile(Path(path), profile)
    for attr, value, allowed_key in (("role", role, "allow_roles"), ("level", level, "allow_levels")):
        if value is None or value == getattr(named.profile, attr):
            continue
        if value not in (spec.get(allowed_key) or ()):
            raise BadInput(
                f"Hồ sơ ký '{profile}' không cho phép {attr} = {value}.",
                f"Signing profile '{profile}' does not allow {attr} = {value}.",
            )
        changes[attr] = value
    if not changes:
        signed, result = prof.sign_with_profile(profile, pdf, settings=settings)
        return signed, result, named.trust
    try:
        variant = replace(named.profile, **changes)
    except DigitizeError as exc:
        raise BadInput(exc.message_vi, exc.message_en) from None
    # a distinct name: the profiles module caches one open key + Signing per profile
    tag = ",".join(f"{k}={v}" for k, v in sorted(changes.items()))
    custom = replace(named, name=f"{profile}[{tag}]", profile=variant)
    signing, lock = prof._signing_for(custom, settings)
    with _override_lock, lock:
        signed, result = signing.sign_bytes(pdf)
    return signed, result, named.trust


_doc_locks: dict[str, threading.Lock] = {}
_doc_locks_guard = threading.Lock()


def _doc_lock(document_id: str) -> threading.Lock:
    with _doc_locks_guard:
        lock = _doc_locks.get(document_id)
        if lock is None:
            if len(_doc_locks) >= 1000:
                for k in [k for k, v in _doc_locks.items() if not v.locked()]:
                    del _doc_locks[k]
            lock = _doc_locks[document_id] = threading.Lock()
        return lock


def sign_document(
    document_id: str,
    profile: str,
    actor: str,
    *,
    role: str | None = None,
    level: str | None = None,
    qr: bool = True,
    document_code: str | None = None,
    procedure_code: str | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Sign the stored document ``document_id`` with the server-side ``profile`` and record it.

    Returns the signature record (as ``signature_record``). Raises NotFound (no such document), Conflict
    (not finished, no PDF, or signed meanwhile by another request), BadInput (bad profile or override),
    SigningError subclasses (key, certificate; SignatureNotAllowed when DocMDP forbids another signature).
    Signatures of one document are serialised in this process; across processes the newer of two
    concurrent signatures on the same revision is refused (Conflict) instead of forking the document.
    """
    codes = {"document_code": document_code, "procedure_code": procedure_code}
    with _doc_lock(document_id):
        return _sign_document(document_id, profile, actor, role, level, qr, codes, settings)


def _sign_document(
    document_id: str,
    profile: str,
    actor: str,
    role: str | None,
    level: str | None,
    qr: bool,
    codes: dict[str, str | None],
    settings: Settings | None,
) -> dict[str, Any]:
    from digitize.signing.appearance import vn_time
    from digitize.signing.qr import payload, stamp_qr

    settings = settings or get_settings()
    objects = get_object_store()
    when = vn_time()
    with db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFound(f"Không có tài liệu {document_id}.", f"No document {document_id}.")
        if doc.state != DONE:
            raise Conflict("Chỉ ký tài liệu đã xử lý xong.", "Only finished documents can be signed.")
        key, source_sha, already_signed = source_pdf(s, doc)
        info = qr_info(doc, settings, when, **codes) if qr and not already_signed else None
    pdf = objects.read_bytes(key)
    qr_text = None
    if info is not None:
        pdf = stamp_qr(pdf, info, settings.public_base_url)
        qr_text = payload(info, settings.public_base_url)
    signed, result, trust = _sign(profile, pdf, settings, role, level)
    return store_signed(
        document_id,
        signed,
        source_sha=source_sha,
        already_signed=already_signed,
        actor=actor,
        signer=result.signer_name,
        serial=result.signer_serial,
        role=result.role,
        level=result.level,
        trust=trust,
        detail={
            "profile": profile,
            "field": result.field_name,
            "signing_time": result.signing_time,
            "certified": result.certified,
            "qr": qr_text,
        },
    )


def store_signed(
    document_id: str,
    signed: bytes,
    *,
    source_sha: str,
    already_signed: bool,
    actor: str,
    signer: str | None,
    serial: str | None,
    role: str,
    level: str,
    trust: tuple[Path, ...],
    detail: dict[str, Any],
    in_transaction: Callable[[Session, Signature], None] | None = None,
) -> dict[str, Any]:
    """Verify ``signed`` (a new revision of the document's PDF ``source_sha``) and record it: the signed PDF
    (content-addressed), a ``Signature`` row, a ``signed`` variant, an audit entry; ``in_transaction`` runs
    in the same database transaction (a signing session marks itself completed there). Conflict when the
    document was signed meanwhile (``source_sha`` is no longer its latest)."""
    from digitize.verify import trust_roots_from_settings, verify_pdf

    objects = get_object_store()
    profile = detail.get("profile")
    qr_text = detail.get("qr")
    sha = hashlib.sha256(signed).hexdigest()
    report = verify_pdf(signed, trust_roots=trust_roots_from_settings(trust), visual_checks=False)
    organization = report.signatures[-1].signer.organization if report.signatures else None
    signed_key = variant_key(SIGNED, sha)
    objects.put_bytes(signed_key, signed, media_type="application/pdf")
    with db.session() as s:
        latest = s.scalar(
            select(Signature.sha256)
            .where(Signature.document_id == document_id, Signature.key.is_not(None))
            .order_by(Signature.id.desc())
            .limit(1)
        )
        if latest != (source_sha if already_signed else None):
            raise Conflict(
                "Tài liệu vừa được ký bởi một yêu cầu khác; hãy ký lại.",
                "The document was signed meanwhile by another request; sign again.",
            )
        row = Signature(
            document_id=document_id,
            sha256=sha,
            key=signed_key,
            derived_from=source_sha,
            signer=signer,
            organization=organization,
            role=role,
            level=level,
            signed_by=actor,
            certificate_serial=serial,
            verified=report.all_passed,
            detail={
                **detail,
                "indication": report.document.indication,
                "sub_indication": report.document.sub_indication,
            },
        )
        s.add(row)
        if (
            s.scalar(
                select(Variant.id).where(
                    Variant.document_id == document_id, Variant.kind == SIGNED, Variant.sha256 == sha
                )
            )
            is None
        ):
            s.add(
                Variant(
                    document_id=document_id,
                    kind=SIGNED,
                    key=signed_key,
                    sha256=sha,
                    size=len(signed),
                    media_type="application/pdf",
                    derived_from=source_sha,
                    created_by=actor,
                    detail={"profile": profile, "level": level, "role": role, "qr": qr_text},
                )
            )
        audit(s, actor, "document.sign", document_id, profile=profile, sha256=sha, level=level)
        s.flush()
        if in_transaction is not None:
            in_transaction(s, row)
        return signature_record(row)


def signature_record(sig: Signature) -> dict[str, Any]:
    """The JSON record of one signature (API and web)."""
    detail = sig.detail or {}
    return {
        "id": sig.id,
        "document_id": sig.document_id,
        "sha256": sig.sha256,
        "derived_from": sig.derived_from,
        "signer": sig.signer,
        "organization": sig.organization,
        "role": sig.role,
        "level": sig.level,
        "profile": detail.get("profile"),
        "field": detail.get("field"),
        "signing_time": detail.get("signing_time"),
        "signed_at": iso(sig.signed_at),
        "signed_by": sig.signed_by,
        "certificate_serial": sig.certificate_serial,
        "certified": detail.get("certified"),
        "verified": sig.verified,
        "indication": detail.get("indication"),
        "sub_indication": detail.get("sub_indication"),
        "qr": detail.get("qr"),
    }


def list_signatures(session: Session, document_id: str) -> list[dict[str, Any]]:
    """Every signature of a document, oldest first (NotFound when there is no such document)."""
    if session.get(Document, document_id) is None:
        raise NotFound(f"Không có tài liệu {document_id}.", f"No document {document_id}.")
    rows = session.scalars(
        select(Signature).where(Signature.document_id == document_id).order_by(Signature.id)
    ).all()
    return [signature_record(r) for r in rows]
