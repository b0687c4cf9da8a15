"""Signing, as the people who sign see it: the one place the API, the web pages and the CLI ask who may sign
with what.

- Server-side profiles are bound to people (``users``/``api_keys`` in the profiles file): ``usable_profiles``
  lists a caller's own, ``sign_stored`` refuses (403) a profile that is not the caller's.
- Certificates are bound to people (``register_certificate``: a user by name, an API key by key id).
- Signing sessions (``create_session`` → digest; ``complete_session`` ← signature value): the key stays with
  its holder (USB token through ``digitize agent``, a CSC remote service, a software key). Stored in the
  database (``signing_sessions``) with the prepared PDF in the object store, so they survive a restart.
- Decree 30/2020 order: a leader signs as an officer; the organisation's signature is a clerk's and only on a
  document whose leader signature verified.
"""

from __future__ import annotations

import base64
import contextlib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from digitize.config import Settings, get_settings
from digitize.errors import BadInput, Conflict, DigitizeError, Forbidden, Gone, NotFound
from digitize.records import Record
from digitize.store import db
from digitize.store.auth import Principal
from digitize.store.models import (
    DONE,
    Document,
    Signature,
    SigningCertificate,
    SigningSession,
    new_id,
    utcnow,
)
from digitize.store.objects import get_object_store
from digitize.store.service import DocumentRecord, audit, iso
from digitize.text import nfc, printable


def _profiles(settings: Settings) -> dict[str, Any]:
    from digitize.signing.profiles import load_profiles

    path = settings.signing_profiles_file
    if path is None:
        return {}
    try:
        return load_profiles(path, settings)
    except DigitizeError as exc:
        raise BadInput(exc.message_vi, exc.message_en) from None


def _allowed(named: Any, principal: Principal) -> bool:
    return bool(named.may_use(principal.kind, principal.name, principal.key_id))


def usable_profiles(principal: Principal, settings: Settings | None = None) -> list[str]:
    """Names of the server-side profiles ``principal`` may sign with (its own), sorted."""
    settings = settings or get_settings()
    try:
        profiles = _profiles(settings)
    except BadInput:
        return []
    return sorted(name for name, named in profiles.items() if _allowed(named, principal))


def check_profile_use(principal: Principal, profile: str, settings: Settings | None = None) -> None:
    """Forbidden (403) unless ``profile`` names ``principal``; BadInput when there is no such profile."""
    settings = settings or get_settings()
    profiles = _profiles(settings)
    named = profiles.get(profile)
    if named is None:
        raise BadInput(f"Không có hồ sơ ký '{profile}'.", f"No signing profile '{profile}'.")
    if not _allowed(named, principal):
        raise Forbidden(
            f"Hồ sơ ký '{profile}' không phải của {principal.name}: chỉ người có tên trong hồ sơ được ký.",
            f"Signing profile '{profile}' is not {principal.name}'s: only the people it names may use it.",
            profile=profile,
        )


def sign_stored(
    principal: Principal,
    document_id: str,
    profile: str,
    *,
    role: str | None = None,
    level: str | None = None,
    qr: bool = True,
    document_code: str | None = None,
    procedure_code: str | None = None,
) -> dict[str, Any]:
    """Sign a stored document with one of the caller's own server-side profiles (403 for anyone else's)."""
    from digitize.signing.service import sign_document

    check_profile_use(principal, profile)
    named = _profiles(get_settings())[profile]
    if (role or named.profile.role) == "organization":  # Decree 30/2020: the clerk, after the leader
        _check_role(principal, "organization")
        with db.session() as s:
            require_leader_first(s, document_id)
    return sign_document(
        document_id,
        profile,
        principal.actor,
        role=role,
        level=level,
        qr=qr,
        document_code=document_code,
        procedure_code=procedure_code,
    )


# --- certificates bound to people --------------------------------------------------------------------


def owner_of(principal: Principal) -> tuple[str, str]:
    """("user", name) or ("key", key id): whom a certificate or a session belongs to."""
    if principal.kind == "key" and principal.key_id:
        return "key", principal.key_id
    return "user", principal.name


def owners_of(principal: Principal) -> list[tuple[str, str]]:
    """Whose certificates and sessions the caller may use: its own, and for a signing agent paired from a
    user's page (a key acting for that user) that user's too."""
    owners = [owner_of(principal)]
    if principal.kind == "key" and principal.user:
        owners.append(("user", principal.user))
    return owners


def _owned_by(principal: Principal, kind_col: Any, owner_col: Any) -> Any:
    return or_(*((kind_col == kind) & (owner_col == owner) for kind, owner in owners_of(principal)))


def register_certificate(
    session: Session, owner_kind: str, owner: str, pem: bytes | str, *, by: str
) -> SigningCertificate:
    """Register the signing certificate (the first one in ``pem``) of a user (name) or API key (key id)."""
    from digitize.signing.sessions import fingerprint, parse_pem_chain

    if owner_kind not in ("user", "key"):
        raise BadInput(f"Chủ sở hữu không hợp lệ: {owner_kind}", f"invalid owner kind: {owner_kind}")
    cert, _chain = parse_pem_chain(pem)
    fp = fingerprint(cert)
    existing = session.scalar(
        select(SigningCertificate).where(
            SigningCertificate.fingerprint == fp,
            SigningCertificate.owner_kind == owner_kind,
            SigningCertificate.owner == owner,
        )
    )
    if existing is not None:
        return existing
    row = SigningCertificate(
        fingerprint=fp,
        owner_kind=owner_kind,
        owner=owner,
        subject=nfc(cert.subject.human_friendly)[:500],
        serial=str(cert.serial_number)[:100],
        not_after=cert.not_valid_after,
        pem=_pem(cert),
        created_by=by,
    )
    session.add(row)
    session.flush()
    audit(session, by, "certificate.register", f"{owner_kind}:{owner}", fingerprint=fp, subject=row.subject)
    return row


def _pem(cert: Any) -> str:
    from asn1crypto import pem as asn1pem

    return str(asn1pem.armor("CERTIFICATE", cert.dump()).decode("ascii"))


def register_user_certificate(session: Session, name: str, pem: str, *, by: str) -> dict[str, Any]:
    """An admin registers a signing certificate to the user ``name`` (NotFound when no such user)."""
    from digitize.store.models import User

    user = session.scalar(select(User).where(User.name == nfc(name).strip()))
    if user is None:
        raise NotFound(f"Không có người dùng {name}.", f"No user {name}.")
    row = register_certificate(session, "user", user.name, pem, by=by)
    return {"fingerprint": row.fingerprint, "subject": row.subject, "serial": row.serial, "owner": user.name}


def certificates_of(session: Session, owner_kind: str, owner: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(SigningCertificate)
        .where(SigningCertificate.owner_kind == owner_kind, SigningCertificate.owner == owner)
        .order_by(SigningCertificate.id)
    ).all()
    return [
        {
            "fingerprint": r.fingerprint,
            "subject": r.subject,
            "serial": r.serial,
            "not_after": iso(r.not_after),
            "pem": r.pem,
        }
        for r in rows
    ]


# --- signing sessions: hash out, signature in ------------------------------------------------------

SESSION_ROLES = ("leader", "organization", "copy")


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _check_role(principal: Principal, role: str) -> None:
    """Decree 30/2020: the leader signs (officer); the organisation's signature is the clerk's (văn thư)."""
    allowed = {"leader": ("officer",), "organization": ("clerk",), "copy": ("officer", "clerk")}[role]
    if principal.role not in allowed:
        raise Forbidden(
            f"Vai trò {principal.role} không được ký với tư cách {role} ({', '.join(allowed)}).",
            f"Role {principal.role} may not sign as {role} ({', '.join(allowed)}).",
        )


def leader_signature_verified(session: Session, document_id: str) -> bool:
    """Whether the document carries a leader's signature and every recorded signature verified."""
    rows = session.scalars(select(Signature).where(Signature.document_id == document_id)).all()
    return any(r.role == "leader" and r.verified for r in rows) and all(r.verified for r in rows)


def require_leader_first(session: Session, document_id: str) -> None:
    if not leader_signature_verified(session, document_id):
        raise Conflict(
            "Chữ ký của tổ chức chỉ được đóng sau chữ ký hợp lệ của người có thẩm quyền (Nghị định 30/2020).",
            "The organisation's signature comes only after a valid leader's signature (Decree 30/2020).",
        )


def require_own_certificate(principal: Principal, certificate_pem: str, role: str) -> tuple[Any, Any, str]:
    """The checks a session (or a whole batch) passes before anything is prepared: the role may sign as
    ``role`` (403), the certificate parses (422) and is registered to the caller (403, CONTRACT). Returns
    (certificate, chain, fingerprint)."""
    from digitize.signing.sessions import fingerprint, parse_pem_chain

    if role not in SESSION_ROLES:
        raise BadInput(f"Vai trò ký không hợp lệ: {role}", f"invalid signing role: {role}")
    _check_role(principal, role)
    cert, chain = parse_pem_chain(certificate_pem)
    fp = fingerprint(cert)
    with db.session() as s:
        mine = s.scalar(
            select(SigningCertificate.id)
            .where(
                SigningCertificate.fingerprint == fp,
                _owned_by(principal, SigningCertificate.owner_kind, SigningCertificate.owner),
            )
            .limit(1)
        )
    if mine is None:
        raise Forbidden(
            "Chứng thư số này không được đăng ký cho người gọi.",
            "This certificate is not registered to the caller.",
            fingerprint=fp,
        )
    return cert, chain, fp


def create_session(
    principal: Principal,
    document_id: str,
    certificate_pem: str,
    *,
    role: str = "leader",
    level: str = "B-B",
    title: str | None = None,
    name: str | None = None,
    signature_algorithm: str | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Prepare ``document_id`` for a signature by the caller's own certificate; returns the session with the
    digest its device signs. Forbidden for a certificate not registered to the caller or a role the caller
    may not sign as; Conflict for an organisation signature before a valid leader's one."""
    from digitize.certs import load_trust_roots
    from digitize.signing.appearance import vn_time
    from digitize.signing.qr import payload, stamp_qr
    from digitize.signing.service import qr_info, source_pdf
    from digitize.signing.sessions import SignatureAlgorithm, prepare
    from digitize.signing.sign import SignProfile

    settings = settings or get_settings()
    cert, chain, fp = require_own_certificate(principal, certificate_pem, role)
    owner_kind, owner = owner_of(principal)
    objects = get_object_store()
    with db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFound(f"Không có tài liệu {document_id}.", f"No document {document_id}.")
        if doc.state != DONE:
            raise Conflict("Chỉ ký tài liệu đã xử lý xong.", "Only finished documents can be signed.")
        if role == "organization":
            require_leader_first(s, document_id)
        key, source_sha, already_signed = source_pdf(s, doc)
        info = qr_info(doc, settings, vn_time()) if not already_signed else None
    pdf = objects.read_bytes(key)
    qr_text = None
    if info is not None:
        pdf = stamp_qr(pdf, info, settings.public_base_url)
        qr_text = payload(info, settings.public_base_url)
    seal = settings.seal_image if settings.seal_image and Path(settings.seal_image).is_file() else None
    try:
        algorithm = SignatureAlgorithm(signature_algorithm) if signature_algorithm else None
    except ValueError:
        raise BadInput(
            f"Thuật toán ký không hợp lệ: {signature_algorithm}", f"invalid algorithm: {signature_algorithm}"
        ) from None
    from digitize.signing.demo import DEMO_TEXT, demo_signature_image, is_demo_certificate

    demo = is_demo_certificate(cert)  # every demo stamp says so, over sessions too
    shown_title = nfc(title) if title else "Giám đốc"
    if demo and "BẢN DEMO" not in shown_title:
        shown_title = f"{shown_title} (BẢN DEMO)"
    try:
        profile = SignProfile(
            role=role,  # type: ignore[arg-type]
            level=level,  # type: ignore[arg-type]
            tsa_url=settings.tsa_url,
            title=shown_title,
            name=nfc(name) if name else None,
            seal_image=seal,
            signature_image=demo_signature_image(settings.home) if demo else None,
            reason=DEMO_TEXT if demo else None,
            visible=not (role == "organization" and seal is None),
        )
    except DigitizeError as exc:
        raise BadInput(exc.message_vi, exc.message_en) from None
    prepared = prepare(
        pdf, cert, chain, profile, load_trust_roots((), settings.trust_dir), algorithm=algorithm
    )
    session_id = new_id()
    prepared_key = f"sessions/{session_id[:2]}/{session_id}.pdf"
    objects.put_bytes(prepared_key, prepared.pdf, media_type="application/pdf")
    expires = utcnow() + timedelta(seconds=settings.signing_session_seconds)
    digest = base64.b64encode(prepared.digest).decode("ascii")
    r = prepared.result
    with _removed_on_error(objects, prepared_key), db.session() as s:
        dropped = _drop_superseded(s, document_id, owner_kind, owner, fp)
        s.add(
            SigningSession(
                id=session_id,
                document_id=document_id,
                owner_kind=owner_kind,
                owner=owner,
                actor=principal.actor,
                state="pending",
                certificate_fingerprint=fp,
                role=role,
                level=level,
                source_sha256=source_sha,
                already_signed=already_signed,
                prepared_key=prepared_key,
                digest=digest,
                signature_algorithm=str(prepared.algorithm),
                state_data=prepared.state,
                detail={
                    "field": r.field_name,
                    "signer": r.signer_name,
                    "serial": r.signer_serial,
                    "signing_time": r.signing_time,
                    "qr": qr_text,
                },
                expires_at=expires,
            )
        )
        audit(
            s, principal.actor, "signing_session.create", document_id, signing_session=session_id, role=role
        )
    for key in dropped:  # their prepared PDFs: nothing will ever complete them
        with contextlib.suppress(Exception):
            objects.delete(key)
    return {
        "id": session_id,
        "document_id": document_id,
        "digest": digest,
        "digest_algorithm": "sha256",
        "signature_algorithm": str(prepared.algorithm),
        "expires_at": iso(expires),
        "role": role,
        "level": level,
        "field": r.field_name,
        "signer": r.signer_name,
        "state": "pending",
    }


def _drop_superseded(
    s: Session, document_id: str, owner_kind: str, owner: str, fingerprint: str
) -> list[str]:
    """Before a new session is stored: the same holder's earlier pending session for the same document (by
    owner, or by the same certificate: the officer's web page and agent) is ``replaced``: one pending
    signature per document and holder (a second would only go stale once the first lands, and an agent run
    cut short at its prompt left one behind). Returns their prepared PDFs, to delete now (expired ones are
    ``sweep_sessions``'s)."""
    mine = (SigningSession.owner_kind == owner_kind) & (SigningSession.owner == owner)
    rows = s.scalars(
        select(SigningSession).where(
            SigningSession.state == "pending",
            SigningSession.document_id == document_id,
            or_(mine, SigningSession.certificate_fingerprint == fingerprint),
        )
    ).all()
    for row in rows:
        row.state = "replaced"
    return [row.prepared_key for row in rows]


def create_sessions(
    principal: Principal,
    document_ids: list[str],
    certificate_pem: str,
    *,
    workers: int = 2,
    **options: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Prepare many documents for one holder (the batch one token login signs), in parallel; returns the
    sessions created and, for each document refused, ``{"document_id", "code", "message_vi", ...}``.

    What concerns the caller rather than a document is refused for the whole batch before anything is
    prepared, as for one session: a certificate not registered to the caller or a role the caller may not
    sign as → Forbidden (403), a certificate that does not parse → BadInput (422)."""
    from concurrent.futures import ThreadPoolExecutor

    require_own_certificate(principal, certificate_pem, str(options.get("role", "leader")))
    ids = list(dict.fromkeys(document_ids))[:500]

    def one(doc_id: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        try:
            return create_session(principal, doc_id, certificate_pem, **options), None
        except DigitizeError as exc:
            return None, {
                "document_id": doc_id,
                "code": exc.code,
                "message_vi": exc.message_vi,
                "message_en": exc.message_en,
            }

    with ThreadPoolExecutor(max(1, min(workers, len(ids) or 1))) as pool:
        results = list(pool.map(one, ids))
    return [r for r, _ in results if r], [e for _, e in results if e]


def _my_fingerprints(s: Session, principal: Principal) -> list[str]:
    return list(
        s.scalars(
            select(SigningCertificate.fingerprint).where(
                _owned_by(principal, SigningCertificate.owner_kind, SigningCertificate.owner)
            )
        )
    )


def _own_session(s: Session, principal: Principal, session_id: str) -> SigningSession:
    """A session the caller created, or one prepared for a certificate registered to the caller (the
    officer's agent, paired with a key that holds the same certificate, signs what the officer's web page
    prepared)."""
    row = s.get(SigningSession, session_id)
    if row is None or (
        (row.owner_kind, row.owner) not in owners_of(principal)
        and row.certificate_fingerprint not in _my_fingerprints(s, principal)
    ):
        raise NotFound(f"Không có phiên ký {session_id}.", f"No signing session {session_id}.")
    return row


def session_view(s: Session, row: SigningSession) -> dict[str, Any]:
    """A session as the agent and the web queue show it: what will be signed."""
    doc = s.get(Document, row.document_id)
    values = {f.name: f.value for f in doc.fields} if doc is not None else {}
    expired = row.state == "pending" and _aware(row.expires_at) <= utcnow()
    return {
        "id": row.id,
        "document_id": row.document_id,
        "state": "expired" if expired else row.state,
        "role": row.role,
        "level": row.level,
        "digest": row.digest,
        "digest_algorithm": "sha256",
        "signature_algorithm": row.signature_algorithm,
        "certificate_fingerprint": row.certificate_fingerprint,
        "expires_at": iso(row.expires_at),
        "created_at": iso(row.created_at),
        "signature_id": row.signature_id,
        "document": {
            "filename": doc.original_filename if doc is not None else None,
            "type_name": doc.type_name if doc is not None else None,
            "number": "/".join(x for x in (values.get("code_number"), values.get("code_notation")) if x)
            or None,
            "holder_name": doc.holder_name if doc is not None else None,
            "subject": values.get("subject"),
        },
    }


def get_session_view(principal: Principal, session_id: str) -> dict[str, Any]:
    with db.session() as s:
        return session_view(s, _own_session(s, principal, session_id))


def pending_sessions(principal: Principal, *, limit: int = 100) -> list[dict[str, Any]]:
    """The caller's sessions waiting for a signature (not expired), oldest first: the agent's work (those the
    caller created and those prepared for a certificate registered to the caller)."""
    with db.session() as s:
        mine = _owned_by(principal, SigningSession.owner_kind, SigningSession.owner)
        fps = _my_fingerprints(s, principal)
        rows = s.scalars(
            select(SigningSession)
            .where(
                or_(mine, SigningSession.certificate_fingerprint.in_(fps)) if fps else mine,
                SigningSession.state == "pending",
                SigningSession.expires_at > utcnow(),
            )
            .order_by(SigningSession.created_at, SigningSession.id)
            .limit(max(1, min(limit, 500)))
        ).all()
        return [session_view(s, r) for r in rows]


def complete_session(
    principal: Principal, session_id: str, signature_b64: str, *, settings: Settings | None = None
) -> DocumentRecord:
    """Finish a session with the holder's signature value: checked against the certificate (422, nothing
    stored, when it does not verify), single use (409), not expired (410), the document unchanged since the
    session was prepared (409); then CMS in, timestamp/validation data, verified and recorded. Returns the
    document record with its signatures."""
    from digitize.certs import load_trust_roots
    from digitize.signing.service import source_pdf, store_signed
    from digitize.signing.sessions import (
        SignatureAlgorithm,
        check_signature_value,
        complete,
        decode_b64,
        state_certificates,
    )

    settings = settings or get_settings()
    with db.session() as s:
        row = _own_session(s, principal, session_id)
        if row.state == "expired":  # marked so by the sweep
            raise Gone(f"Phiên ký {session_id} đã hết hạn.", f"Signing session {session_id} has expired.")
        if row.state == "replaced":  # the holder prepared the same document again: only the newest counts
            raise Conflict(
                f"Phiên ký {session_id} được thay bằng phiên ký mới hơn cho cùng văn bản; hãy ký phiên mới.",
                f"Session {session_id} was replaced by a newer session for the same document; sign that one.",
            )
        if row.state != "pending":
            raise Conflict(
                f"Phiên ký {session_id} đã dùng ({row.state}).", f"Session {session_id} is {row.state}."
            )
        if _aware(row.expires_at) <= utcnow():
            raise Gone(f"Phiên ký {session_id} đã hết hạn.", f"Signing session {session_id} has expired.")
        data = dict(row.state_data)
        digest = base64.b64decode(row.digest)
        algorithm = SignatureAlgorithm(row.signature_algorithm)
        document_id, source_sha, already_signed = row.document_id, row.source_sha256, row.already_signed
        prepared_key, role, level, detail = row.prepared_key, row.role, row.level, dict(row.detail or {})
    cert, _chain = state_certificates(data)
    value = check_signature_value(cert, algorithm, digest, decode_b64(signature_b64))
    with db.session() as s:
        doc = s.get(Document, document_id)
        current = source_pdf(s, doc)[1] if doc is not None else None
        if current != source_sha:
            s.execute(
                update(SigningSession)
                .where(SigningSession.id == session_id, SigningSession.state == "pending")
                .values(state="stale")
            )
            audit(s, principal.actor, "signing_session.stale", document_id, signing_session=session_id)
            raise_after = True
        else:
            raise_after = False
    if raise_after:
        with contextlib.suppress(Exception):
            get_object_store().delete(prepared_key)
        raise Conflict(
            "Tài liệu đã thay đổi từ khi chuẩn bị phiên ký; hãy tạo phiên mới.",
            "The document changed since the session was prepared; start a new session.",
        )
    objects = get_object_store()
    roots = load_trust_roots((), settings.trust_dir)
    signed = complete(
        objects.read_bytes(prepared_key), data, value, tsa_url=settings.tsa_url, trust_roots=roots
    )

    def mark_completed(s: Session, sig: Signature) -> None:
        done = s.execute(
            update(SigningSession)
            .where(SigningSession.id == session_id, SigningSession.state == "pending")
            .values(state="completed", completed_at=utcnow(), signature_id=sig.id)
        )
        if db.rows_changed(done) != 1:
            raise Conflict(
                f"Phiên ký {session_id} đã được hoàn tất.", f"Signing session {session_id} was completed."
            )

    store_signed(
        document_id,
        signed,
        source_sha=source_sha,
        already_signed=already_signed,
        actor=principal.actor,
        signer=detail.get("signer"),
        serial=detail.get("serial"),
        role=role,
        level=level,
        trust=(),
        detail={
            "profile": None,
            "session": session_id,
            "field": detail.get("field"),
            "signing_time": detail.get("signing_time"),
            "certified": False,
            "qr": detail.get("qr"),
        },
        in_transaction=mark_completed,
    )
    with contextlib.suppress(Exception):
        objects.delete(prepared_key)
    from digitize.store.service import document_record

    with db.session() as s:
        return document_record(s, document_id)


# --- pairing the signing agent by a code shown on the officer's page ---------------------------------------

PAIRING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a screen, typed on a PC
PAIRING_LENGTH = 8  # 32^8 ≈ 1.1e12 codes, a few minutes' life, guesses throttled
PAIRING_ROLES = ("officer", "clerk")
ISSUE_FREE, ISSUE_CAP = 5, 900.0  # codes one user may ask for before growing delays
REDEEM_FREE, REDEEM_CAP = 5, 900.0  # tries from one address before growing delays (1, 2, 4 ... s)
REDEEM_ALL_FREE, REDEEM_ALL_CAP = 100, 60.0  # tries from everywhere (a distributed guesser)


def _pairing_sha(code: str) -> str | None:
    import hashlib

    plain = "".join(ch for ch in str(code).upper() if ch.isalnum())[:64]
    if len(plain) != PAIRING_LENGTH or any(ch not in PAIRING_ALPHABET for ch in plain):
        return None
    return hashlib.sha256(plain.encode("ascii")).hexdigest()


def _throttle(key: str, free: int, cap: float) -> None:
    import math

    from digitize.errors import RateLimited
    from digitize.services.access import _Key, reserve

    wait = reserve(_Key(key, free, cap))
    if wait is not None:
        seconds = max(1, math.ceil(wait))
        raise RateLimited(
            f"Quá nhiều lần thử ghép nối; hãy thử lại sau {seconds} giây.",
            f"Too many pairing attempts; try again in {seconds} seconds.",
            retry_after=seconds,
        )


def agent_server_url(request_base_url: str, *, settings: Settings | None = None) -> str:
    """The server address the officer's agent is told to use (``digitize agent pair --server URL``): the
    configured public address (``DIGITIZE_PUBLIC_BASE_URL``) when it is set; the address the request came
    to (its Host header: whatever the client sent) only when it is not."""
    settings = settings or get_settings()
    configured = settings.public_base_url.strip()
    if "public_base_url" in settings.model_fields_set and configured:
        return configured.rstrip("/")
    return request_base_url.rstrip("/")


def issue_pairing_code(principal: Principal, *, settings: Settings | None = None) -> dict[str, Any]:
    """A pairing code for the signed-in officer (or clerk): short-lived, single use, bound to them; a new
    code voids their earlier unused ones. Throttled per user (429)."""
    import secrets

    from digitize.store.models import AgentPairing

    settings = settings or get_settings()
    if principal.kind != "user" or principal.role not in PAIRING_ROLES:
        raise Forbidden(
            "Chỉ cán bộ ký (officer) hoặc văn thư (clerk) đã đăng nhập mới ghép nối được trình ký.",
            "Only a signed-in officer or clerk can pair a signing agent.",
        )
    _throttle(f"pair-issue:{principal.name}", ISSUE_FREE, ISSUE_CAP)
    plain = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_LENGTH))
    now = utcnow()
    expires = now + timedelta(seconds=settings.agent_pairing_seconds)
    with db.session() as s:
        s.execute(
            update(AgentPairing)
            .where(
                AgentPairing.user_name == principal.name,
                AgentPairing.used_at.is_(None),
                AgentPairing.expires_at > now,
            )
            .values(expires_at=now)
        )
        s.add(AgentPairing(code_sha256=_pairing_sha(plain), user_name=principal.name, expires_at=expires))
        audit(s, principal.actor, "agent.pairing_code", principal.name, expires_at=iso(expires))
    return {
        "code": f"{plain[:4]}-{plain[4:]}",
        "expires_at": iso(expires),
        "seconds": settings.agent_pairing_seconds,
    }


def redeem_pairing_code(code: str, *, address: str, device: str | None = None) -> dict[str, Any]:
    """Trade a pairing code for an API key acting for the officer who asked for it (``digitize agent pair
    --code``). Throttled per address and overall before the code is looked at (429); a wrong code → 401, a
    used one → 409, an expired one → 410; the key inherits the user's role and signs with their
    certificates while they may sign in."""
    from digitize.errors import Unauthenticated
    from digitize.store.auth import create_api_key
    from digitize.store.models import AgentPairing, ApiKey, User

    _throttle(f"pair-redeem:address:{str(address)[:60]}", REDEEM_FREE, REDEEM_CAP)
    _throttle("pair-redeem:all", REDEEM_ALL_FREE, REDEEM_ALL_CAP)
    sha = _pairing_sha(code)
    device_name = printable(nfc(str(device or ""))).strip()[:100] or "máy tính"  # in `keys list`
    with db.session() as s:
        row = s.scalar(select(AgentPairing).where(AgentPairing.code_sha256 == sha)) if sha else None
        if row is None:
            raise Unauthenticated("Mã ghép nối không đúng.", "Wrong pairing code.")
        if row.used_at is not None:
            raise Conflict("Mã ghép nối này đã được dùng.", "This pairing code was already used.")
        if _aware(row.expires_at) <= utcnow():
            raise Gone(
                "Mã ghép nối đã hết hạn; hãy lấy mã mới trên trang ký.",
                "The pairing code has expired; get a new one on the signing page.",
            )
        user = s.scalar(select(User).where(User.name == row.user_name))
        if user is None or user.disabled or user.role not in PAIRING_ROLES:
            raise Unauthenticated("Mã ghép nối không đúng.", "Wrong pairing code.")
        taken = s.execute(
            update(AgentPairing)
            .where(AgentPairing.id == row.id, AgentPairing.used_at.is_(None))
            .values(used_at=utcnow(), device=device_name)
        )
        if db.rows_changed(taken) != 1:
            raise Conflict("Mã ghép nối này đã được dùng.", "This pairing code was already used.")
        key_row, plain = create_api_key(
            s,
            role=user.role,
            name=f"trình ký của {user.name} ({device_name})",
            created_by=f"pairing:{user.name}",
        )
        s.execute(update(ApiKey).where(ApiKey.id == key_row.id).values(user_name=user.name))
        s.execute(update(AgentPairing).where(AgentPairing.id == row.id).values(key_id=key_row.key_id))
        audit(s, f"user:{user.name}", "agent.paired", user.name, key_id=key_row.key_id, device=device_name)
        return {
            "api_key": plain,
            "key_id": key_row.key_id,
            "user": user.name,
            "role": user.role,
            "name": key_row.name,
        }


@dataclass(frozen=True)
class PairedAgent(Record):
    """A signing agent paired from a user's signing page (its API key; never the secret)."""

    key_id: str
    device: str  # the name ``digitize agent pair --device`` gave, else "máy tính"
    paired_at: str | None
    last_used_at: str | None


def may_pair(principal: Principal) -> bool:
    """Whether the caller pairs (and so lists and unpairs) signing agents: a signed-in officer or clerk."""
    return principal.kind == "user" and principal.role in PAIRING_ROLES


def _agent_owner(principal: Principal) -> str:
    """Whose agents the caller may list and unpair: a signed-in officer's or clerk's own, never anyone else's
    (an agent's key does not manage its siblings)."""
    if not may_pair(principal):
        raise Forbidden(
            "Chỉ cán bộ ký (officer) hoặc văn thư (clerk) đã đăng nhập mới quản lý được trình ký của mình.",
            "Only a signed-in officer or clerk can manage their own signing agents.",
        )
    return principal.name


def my_agents(principal: Principal) -> list[PairedAgent]:
    """The caller's paired signing agents still in force, newest first (the signing page, the API)."""
    from digitize.store.models import AgentPairing, ApiKey

    owner = _agent_owner(principal)
    with db.session() as s:
        keys = s.scalars(
            select(ApiKey)
            .where(ApiKey.user_name == owner, ApiKey.revoked_at.is_(None))
            .order_by(ApiKey.created_at.desc(), ApiKey.id.desc())
            .limit(200)
        ).all()
        devices = dict(
            s.execute(
                select(AgentPairing.key_id, AgentPairing.device).where(
                    AgentPairing.key_id.in_([k.key_id for k in keys])
                )
            ).all()
        )
        return [
            PairedAgent(
                key_id=k.key_id,
                device=devices.get(k.key_id) or k.name,
                paired_at=iso(k.created_at),
                last_used_at=iso(k.last_used_at),
            )
            for k in keys
        ]


def unpair_agent(principal: Principal, key_id: str) -> None:
    """Unpair (revoke the key of) one of the caller's own signing agents. Another user's agent, any other
    key, an unknown or an already unpaired one are all 404 alike: the answer tells nothing about keys that
    are not the caller's."""
    from digitize.store.auth import revoke_api_key
    from digitize.store.models import ApiKey

    owner = _agent_owner(principal)
    key_id = str(key_id)[:64]
    with db.session() as s:
        row = s.scalar(
            select(ApiKey).where(
                ApiKey.key_id == key_id, ApiKey.user_name == owner, ApiKey.revoked_at.is_(None)
            )
        )
        if row is None:
            raise NotFound(
                f"Không có trình ký {printable(key_id)} của bạn.",
                f"No signing agent {printable(key_id)} of yours.",
            )
        revoke_api_key(s, row.key_id, by=principal.actor)
        audit(s, principal.actor, "agent.unpaired", owner, key_id=row.key_id)


# --- sweeping: the prepared PDFs of sessions that can no longer be completed -------------------------------

SWEEP_MARGIN = timedelta(seconds=60)  # a session is marked expired this long after its time (no race with
# a completion that checked the time just before it)
ORPHAN_GRACE = timedelta(hours=1)  # a prepared PDF no session row names (a prepare cut short) waits this long


@contextlib.contextmanager
def _removed_on_error(objects: Any, key: str) -> Any:
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            objects.delete(key)
        raise


@dataclass(frozen=True)
class SessionSweep:
    """What ``sweep_sessions`` did."""

    expired: int  # pending sessions past their time, marked ``expired``
    removed: int  # prepared PDFs removed: expired, completed, stale sessions
    orphans: int  # prepared PDFs no session names, older than ORPHAN_GRACE
    kept: int  # prepared PDFs of live (pending) sessions, untouched


def sweep_sessions(*, now: datetime | None = None, settings: Settings | None = None) -> SessionSweep:
    """Mark the pending sessions past their time ``expired`` and remove from the object store (``sessions/``)
    every prepared PDF that can no longer be completed: expired, completed, stale, or named by no session.
    Runs at ``digitize serve``'s start and every ``DIGITIZE_SIGNING_SWEEP_SECONDS``, and on
    ``digitize sessions sweep``. Looks only at the files present, so it costs what is left over, not the
    history."""
    now = now or utcnow()
    objects = get_object_store(settings)
    with db.session() as s:
        expired = s.execute(
            update(SigningSession)
            .where(SigningSession.state == "pending", SigningSession.expires_at <= now - SWEEP_MARGIN)
            .values(state="expired")
        )
        n_expired = db.rows_changed(expired)
        if n_expired:
            audit(s, "system", "signing_session.sweep", "sessions", expired=n_expired)
    present = list(objects.list_prefix("sessions"))
    removed = orphans = kept = 0
    for start in range(0, len(present), 500):
        chunk = present[start : start + 500]
        ids = {key.rsplit("/", 1)[-1].removesuffix(".pdf"): (key, when) for key, when in chunk}
        with db.session() as s:
            states = dict(
                s.execute(
                    select(SigningSession.id, SigningSession.state).where(SigningSession.id.in_(list(ids)))
                ).all()
            )
        for session_id, (key, when) in ids.items():
            state = states.get(session_id)
            if state == "pending":
                kept += 1
                continue
            if state is None and _aware(when) > now - ORPHAN_GRACE:
                kept += 1  # being prepared right now, maybe
                continue
            with contextlib.suppress(NotFound):
                objects.delete(key)
            if state is None:
                orphans += 1
            else:
                removed += 1
    return SessionSweep(n_expired, removed, orphans, kept)


def sweep_in_background(settings: Settings | None = None) -> threading.Event:
    """Sweep now and every ``signing_sweep_seconds`` in a daemon thread of this process; the event stops
    it. A failed sweep is logged and tried again next time."""
    import logging

    settings = settings or get_settings()
    stop = threading.Event()
    log = logging.getLogger("digitize.signing")

    def run() -> None:
        while not stop.is_set():
            try:
                done = sweep_sessions(settings=settings)
                if done.expired or done.removed or done.orphans:
                    log.info("signing sessions swept: %s", done)
            except Exception:
                log.exception("sweeping signing sessions failed")
            stop.wait(max(5, settings.signing_sweep_seconds))

    threading.Thread(target=run, name="digitize-session-sweep", daemon=True).start()
    return stop


# --- the signing queue, as the web pages show it (pages and API call the same functions) --------------------


@dataclass(frozen=True)
class QueueRow:
    """A finished document waiting for its first signature."""

    id: str
    original_filename: str
    type_name: str | None
    holder_name: str | None
    reviewed_by: str | None


@dataclass(frozen=True)
class SigningQueue:
    rows: tuple[QueueRow, ...]
    total: int  # finished documents without a signature


@dataclass(frozen=True)
class RegisteredCertificate:
    owner_kind: str
    owner: str
    subject: str
    fingerprint: str
    not_after: datetime | None


def _unsigned() -> Any:
    from sqlalchemy import exists

    return (Document.state == DONE) & ~exists().where(Signature.document_id == Document.id)


def unsigned_count(session: Session) -> int:
    """Finished documents without a signature, as (finished) - (finished and signed): two index-friendly
    counts instead of an anti-join over the whole table."""
    from sqlalchemy import func

    done = int(session.scalar(select(func.count()).select_from(Document).where(Document.state == DONE)) or 0)
    signed = int(
        session.scalar(
            select(func.count(func.distinct(Signature.document_id)))
            .select_from(Signature)
            .join(Document, Document.id == Signature.document_id)
            .where(Document.state == DONE)
        )
        or 0
    )
    return max(0, done - signed)


def signing_queue(page: int, per_page: int) -> SigningQueue:
    """One page of the signing queue (newest first) and its size."""
    page, per_page = max(1, page), max(1, min(per_page, 200))
    with db.session() as s:
        total = unsigned_count(s)
        rows = s.execute(
            select(
                Document.id,
                Document.original_filename,
                Document.type_name,
                Document.holder_name,
                Document.reviewed_by,
            )
            .where(_unsigned())
            .order_by(Document.created_at.desc(), Document.id)
            .limit(per_page)
            .offset((page - 1) * per_page)
        ).all()
    return SigningQueue(tuple(QueueRow(*r) for r in rows), total)


def document_names(document_ids: list[str]) -> dict[str, str]:
    """The original file names of these documents (those that exist)."""
    with db.session() as s:
        return {
            str(i): str(n)
            for i, n in s.execute(
                select(Document.id, Document.original_filename).where(Document.id.in_(document_ids))
            ).all()
        }


def my_certificates(principal: Principal) -> list[dict[str, Any]]:
    """The signing certificates registered to the caller (for a paired agent: its user's too)."""
    with db.session() as s:
        out: list[dict[str, Any]] = []
        for kind, owner in owners_of(principal):
            out += certificates_of(s, kind, owner)
    return list({c["fingerprint"]: c for c in out}.values())


def sessions_by_id(session_ids: list[str]) -> list[dict[str, Any]]:
    """The views of these sessions (in that order; those that exist), for a page that follows a batch."""
    with db.session() as s:
        rows = [s.get(SigningSession, sid) for sid in session_ids]
        return [session_view(s, r) for r in rows if r is not None]


def registered_certificates(limit: int = 200) -> list[RegisteredCertificate]:
    """The latest registered signing certificates, newest first (the admin's page)."""
    with db.session() as s:
        rows = s.scalars(
            select(SigningCertificate).order_by(SigningCertificate.id.desc()).limit(max(1, min(limit, 1000)))
        ).all()
        return [
            RegisteredCertificate(r.owner_kind, r.owner, r.subject, r.fingerprint, r.not_after) for r in rows
        ]


def register_certificate_of_user(name: str, pem: str, *, by: str) -> dict[str, Any]:
    """``register_user_certificate`` in its own transaction (the admin's page)."""
    with db.session() as s:
        return register_user_certificate(s, name, pem, by=by)


# --- the server's signing profiles, for their administrator --------------------------------------------


def _key_kind(named: Any) -> str:
    from digitize.signing.keys import CscSource, P12Source

    if isinstance(named.key, P12Source):
        return "pkcs12"
    if isinstance(named.key, CscSource):
        return "csc"
    return "pkcs11"


def list_profiles(settings: Settings | None = None) -> list[dict[str, Any]]:
    """The profiles of the profiles file: name, role, level, where the key is, who may use it (nothing is
    opened)."""
    settings = settings or get_settings()
    return [
        {
            "name": name,
            "role": named.profile.role,
            "level": named.profile.level,
            "key": _key_kind(named),
            "users": sorted(named.users),
            "api_keys": sorted(named.api_keys),
        }
        for name, named in sorted(_profiles(settings).items())
    ]


def check_profile(name: str, settings: Settings | None = None) -> dict[str, Any]:
    """Open the profile's key as a signature would (the PKCS#12 password, the token's PIN from the
    environment, the remote service's ``credentials/info``) and check its certificate (validity, usage,
    trust, revocation when answered): what an administrator runs after configuring one. NotFound when no
    such profile; KeyAccessError, ServiceUnavailable or CertificateRejected as a signature would get."""
    from digitize.certs import load_trust_roots
    from digitize.signing.certcheck import check_certificate
    from digitize.signing.keys import open_key

    settings = settings or get_settings()
    named = _profiles(settings).get(name)
    if named is None:
        raise NotFound(f"Không có hồ sơ ký '{name}'.", f"No signing profile '{name}'.")
    with open_key(named.key, pss=named.profile.pss) as key:
        cert, chain = key.certificate, key.chain
    check_certificate(cert, chain, load_trust_roots(named.trust, settings.trust_dir))
    return {
        **next(p for p in list_profiles(settings) if p["name"] == name),
        "subject": nfc(cert.subject.human_friendly),
        "issuer": nfc(cert.issuer.human_friendly),
        "not_after": iso(cert.not_valid_after),
        "ok": True,
    }
