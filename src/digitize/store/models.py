"""The data model of the reusable store (SQLAlchemy 2, typed declarative).

The database is the truth about state: a document's ``state`` and its pages' states say what is done, queues
only carry work. Every write of the pipeline is an idempotent upsert keyed by (document, page index) or
(document, field name), so a task that runs twice stores once.

States of a document: received → processing → done | needs_review | failed (``error_code``/``error_message``).
States of a page: pending → done | failed.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from digitize.permissions import Role


class DocumentState(StrEnum):
    """Where a document is in processing (``documents.state``); the processing state machine moves it:
    received → processing → done | needs_review | failed."""

    RECEIVED = "received"
    PROCESSING = "processing"
    DONE = "done"
    NEEDS_REVIEW = "needs_review"
    FAILED = "failed"


class PageState(StrEnum):
    """A page of a document being processed (``pages.state``): pending → done | failed."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


# Short names, used throughout (the enum members compare equal to their stored strings).
RECEIVED = DocumentState.RECEIVED
PROCESSING = DocumentState.PROCESSING
DONE = DocumentState.DONE
NEEDS_REVIEW = DocumentState.NEEDS_REVIEW
FAILED = DocumentState.FAILED
DOCUMENT_STATES: tuple[str, ...] = tuple(DocumentState)
FINISHED_STATES: frozenset[str] = frozenset({DONE, NEEDS_REVIEW, FAILED})

PAGE_PENDING = PageState.PENDING
PAGE_DONE = PageState.DONE
PAGE_FAILED = PageState.FAILED

# Roles (API keys and users)
ROLES: tuple[str, ...] = tuple(Role)  # digitize.permissions: what each may do

# Object variants
ORIGINAL = "original"
SEARCHABLE = "searchable"
SIGNED = "signed"
VARIANTS: tuple[str, ...] = (ORIGINAL, SEARCHABLE, SIGNED)

# Stored validity decisions (the status *as of a date* is computed from these and the dates).
VALIDITY_ACTIVE = "active"
VALIDITY_REVOKED = "revoked"
VALIDITY_SUPERSEDED = "superseded"


def new_id() -> str:
    """A new identifier: 32 lower-case hex digits."""
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(UTC)


_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=_NAMING)
    type_annotation_map = {  # noqa: RUF012
        datetime: DateTime(timezone=True),
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Batch(Base):
    __tablename__ = "batches"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))

    items: Mapped[list[BatchItem]] = relationship(
        back_populates="batch", order_by="BatchItem.position", cascade="all, delete-orphan"
    )


class BatchItem(Base):
    """One uploaded file of a batch; several files with the same content point at one document."""

    __tablename__ = "batch_items"
    __table_args__ = (UniqueConstraint("batch_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(1000))
    # null when the file was refused before it could be stored (e.g. an unsafe ZIP member)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)  # content was already stored
    # a stack scan uploaded to be split (issue 15): its documents appear in the batch in stack order
    stack_id: Mapped[str | None] = mapped_column(String(32), index=True)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)

    batch: Mapped[Batch] = relationship(back_populates="items")
    document: Mapped[Document | None] = relationship()


class ArchivalFile(Base):
    """A hồ sơ (archival file) within a phông (fonds): the unit archives keep documents in.

    Its metadata are those of Circular 02/2019/TT-BNV (Appendix I, the input data of a file) as Circular
    05/2025/TT-BNV keeps them: mã hồ sơ, tiêu đề, thời hạn bảo quản, chế độ sử dụng / mức độ tiếp cận, số
    tờ / số trang, ngôn ngữ, thời gian bắt đầu / kết thúc, ký hiệu thông tin, từ khóa, tình trạng vật lý,
    ghi chú. Service: ``digitize.services.files``.
    """

    __tablename__ = "files"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(200), unique=True)  # mã hồ sơ (NFC, as given)
    fonds_code: Mapped[str | None] = mapped_column(String(100))  # mã phông (lưu trữ cơ quan)
    catalogue: Mapped[str | None] = mapped_column(String(50))  # mục lục số / năm hình thành hồ sơ
    number: Mapped[str | None] = mapped_column(String(100))  # số và ký hiệu hồ sơ
    title: Mapped[str] = mapped_column(Text)  # tiêu đề hồ sơ
    retention: Mapped[str] = mapped_column(String(20))  # thời hạn bảo quản: "permanent" | "<N>y"
    access: Mapped[str] = mapped_column(String(20), default="restricted")  # chế độ sử dụng (FileAccess)
    language: Mapped[str] = mapped_column(String(50), default="vi")  # ngôn ngữ (ISO 639)
    start_date: Mapped[date | None] = mapped_column(Date)  # thời gian bắt đầu
    end_date: Mapped[date | None] = mapped_column(Date)  # thời gian kết thúc
    sheet_count: Mapped[int | None] = mapped_column(Integer)  # số lượng tờ (paper file)
    page_count: Mapped[int | None] = mapped_column(Integer)  # số lượng trang (paper file)
    info_code: Mapped[str | None] = mapped_column(String(100))  # ký hiệu thông tin
    keywords: Mapped[str | None] = mapped_column(Text)  # từ khóa
    physical_state: Mapped[str | None] = mapped_column(String(200))  # tình trạng vật lý
    notes: Mapped[str | None] = mapped_column(Text)  # ghi chú
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the original
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    original_filename: Mapped[str] = mapped_column(String(1000))
    original_key: Mapped[str] = mapped_column(String(300))  # object-store key of the original
    state: Mapped[str] = mapped_column(String(20), default=RECEIVED, index=True)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # who holds the work while state == processing, and until when (stale leases are re-queued)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None] = mapped_column()

    page_count: Mapped[int | None] = mapped_column(Integer)
    # seconds its pages' second readings took in all (pipeline/budget.py; migration 0013)
    second_pass_seconds: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    ocr_confidence: Mapped[float | None] = mapped_column(Float)  # mean word confidence 0..1
    # denormalised from fields for filtering (kept in step by the store)
    type_name: Mapped[str | None] = mapped_column(String(200))
    type_folded: Mapped[str | None] = mapped_column(String(200), index=True)
    holder_name: Mapped[str | None] = mapped_column(String(500))
    holder_id: Mapped[str | None] = mapped_column(String(100), index=True)
    # copies of the validity row, for filtering without a join (kept in step by digitize.store.service)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    ended_at: Mapped[datetime | None] = mapped_column()  # revoked or superseded at

    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column()
    pipeline_version: Mapped[str | None] = mapped_column(String(50))
    # the stack scan this document was split from (its pages: stack_pages with this document_id)
    stack_id: Mapped[str | None] = mapped_column(String(32), index=True)
    # the hồ sơ (archival file, ``files.id``) the document belongs to, if any (migration 0009; no database
    # foreign key: SQLite could not add one without rebuilding this table; digitize.services.files keeps it)
    file_id: Mapped[str | None] = mapped_column(String(32), index=True)

    pages: Mapped[list[Page]] = relationship(
        back_populates="document", order_by="Page.index", cascade="all, delete-orphan"
    )
    fields: Mapped[list[FieldValue]] = relationship(
        back_populates="document", order_by="FieldValue.name", cascade="all, delete-orphan"
    )
    variants: Mapped[list[Variant]] = relationship(
        back_populates="document", order_by="Variant.id", cascade="all, delete-orphan"
    )
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="document", order_by="Signature.id", cascade="all, delete-orphan"
    )
    validity: Mapped[Validity | None] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        uselist=False,
        foreign_keys="Validity.document_id",
    )

    __table_args__ = (
        Index("ix_documents_state_lease", "state", "lease_until"),
        Index("ix_documents_created_at", "created_at"),
        Index("ix_documents_type_created", "type_folded", "created_at"),
        Index("ix_documents_type_validity", "type_folded", "valid_from", "valid_until", "ended_at"),
        Index("ix_documents_validity", "valid_from", "valid_until", "ended_at"),
        Index("ix_documents_processed", "processed_at", "type_folded", "state"),  # statistics (0006)
        Index("ix_documents_reviewed", "reviewed_at", "type_folded"),
        Index(
            "ix_documents_filter",
            "id",
            "state",
            "type_folded",
            "holder_id",
            "valid_from",
            "valid_until",
            "ended_at",
        ),
    )


class Page(Base):
    __tablename__ = "pages"
    __table_args__ = (
        UniqueConstraint("document_id", "index"),
        Index("ix_pages_state_lease", "state", "lease_until"),  # the workers' reaper (migration 0004)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)  # 0-based
    state: Mapped[str] = mapped_column(String(20), default=PAGE_PENDING)
    source: Mapped[str | None] = mapped_column(String(10))  # ocr | text
    text: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)  # 0..1
    rotation: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[float | None] = mapped_column(Float)
    height: Mapped[float | None] = mapped_column(Float)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # runs Celery cancelled on a lost broker connection, given back uncounted (at most page_max_attempts;
    # processing/machine.py give_back_cancelled; migration 0014)
    cancels: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    seconds: Mapped[float | None] = mapped_column(Float)  # time spent recognising it
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # the pipeline's own per-page data (words with boxes etc.) for composing later
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    document: Mapped[Document] = relationship(back_populates="pages")


class FieldValue(Base):
    """The current value of one field of a document."""

    __tablename__ = "fields"
    __table_args__ = (UniqueConstraint("document_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(20), default="ocr")  # ocr | review
    updated_by: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="fields")


class FieldHistory(Base):
    """Every change of a field value after extraction (append-only)."""

    __tablename__ = "field_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text)


class Variant(Base):
    """An object in the object store belonging to a document: its original or something derived from it."""

    __tablename__ = "variants"
    __table_args__ = (UniqueConstraint("document_id", "kind", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # original | searchable | signed
    key: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    derived_from: Mapped[str | None] = mapped_column(String(64))  # sha256 of the object it was made from
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # e.g. pipeline version, PDF/A level

    document: Mapped[Document] = relationship(back_populates="variants")


class Signature(Base):
    """A signature applied to a document (one row per signed variant)."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # of the signed PDF
    key: Mapped[str | None] = mapped_column(String(300))  # object-store key of the signed PDF
    derived_from: Mapped[str | None] = mapped_column(String(64))  # sha256 of the PDF that was signed
    signer: Mapped[str | None] = mapped_column(String(500))
    organization: Mapped[str | None] = mapped_column(String(500))
    role: Mapped[str | None] = mapped_column(String(20))  # leader | organization | copy
    level: Mapped[str | None] = mapped_column(String(10))  # B-B | B-T | B-LT | B-LTA
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
    signed_by: Mapped[str | None] = mapped_column(String(200))  # the user/key that asked for it
    certificate_serial: Mapped[str | None] = mapped_column(String(100))
    verified: Mapped[bool | None] = mapped_column(Boolean)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    document: Mapped[Document] = relationship(back_populates="signatures")

    __table_args__ = (Index("ix_signatures_signed_at", "signed_at", "document_id"),)  # statistics (0006)


class Validity(Base):
    """Whether a result is in force: its dates, and officers' decisions (revoked, superseded)."""

    __tablename__ = "validity"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default=VALIDITY_ACTIVE)  # active|revoked|superseded
    valid_from: Mapped[date | None] = mapped_column(Date, index=True)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)
    revoked_at: Mapped[datetime | None] = mapped_column()
    revoked_by: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    superseded_by: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    supersedes: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="validity", foreign_keys=[document_id])


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(32), unique=True)  # non-secret prefix used to look it up
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    secret_hash: Mapped[str] = mapped_column(String(200))  # argon2
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    revoked_at: Mapped[datetime | None] = mapped_column()
    last_used_at: Mapped[datetime | None] = mapped_column()
    # the web user this key acts for (a signing agent paired by a code from that user's page): it signs
    # with that user's certificates and stops working when the user is disabled
    user_name: Mapped[str | None] = mapped_column(String(200))

    grants: Mapped[list[ApiKeyGrant]] = relationship(
        back_populates="api_key", order_by="ApiKeyGrant.id", cascade="all, delete-orphan"
    )


class ApiKeyGrant(Base):
    """What an agency key may read: a document type, and optionally only some of its fields."""

    __tablename__ = "api_key_grants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id", ondelete="CASCADE"), index=True)
    type_name: Mapped[str] = mapped_column(String(200))  # NFC, as given
    type_folded: Mapped[str] = mapped_column(String(200))
    fields: Mapped[list[str] | None] = mapped_column(JSON)  # None: every field

    api_key: Mapped[ApiKey] = relationship(back_populates="grants")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class AgentPairing(Base):
    """A pairing code an officer asked for on their signing page: short-lived, single use, bound to them;
    ``digitize agent pair --code`` trades it for an API key acting for that officer; only its sha256 kept."""

    __tablename__ = "agent_pairings"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    code_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_name: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    key_id: Mapped[str | None] = mapped_column(String(32))  # the API key it became
    device: Mapped[str | None] = mapped_column(String(200))


class SigningCertificate(Base):
    """A signing certificate registered to a person (web user) or an API key: only its owner may use it."""

    __tablename__ = "signing_certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of the DER certificate
    owner_kind: Mapped[str] = mapped_column(String(10))  # "user" | "key"
    owner: Mapped[str] = mapped_column(String(200))  # user name | key id
    subject: Mapped[str] = mapped_column(String(500))
    serial: Mapped[str] = mapped_column(String(100))
    not_after: Mapped[datetime | None] = mapped_column()
    pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("fingerprint", "owner_kind", "owner", name="uq_signing_certificates_owner"),
    )


class SigningSession(Base):
    """A document prepared for a signature by a key the server never sees (hash out, signature in).

    Single-use (``state``: pending → completed), expiring, and re-checked at completion: the PDF it was
    prepared from (``source_sha256``) must still be the document's latest."""

    __tablename__ = "signing_sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    owner_kind: Mapped[str] = mapped_column(String(10))  # "user" | "key"
    owner: Mapped[str] = mapped_column(String(200), index=True)  # user name | key id
    actor: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending | completed
    certificate_fingerprint: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(10))
    source_sha256: Mapped[str] = mapped_column(String(64))  # the PDF prepared from
    already_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    prepared_key: Mapped[str] = mapped_column(String(300))  # object-store key of the prepared PDF
    digest: Mapped[str] = mapped_column(String(100))  # base64 sha256 of the CMS signed attributes
    signature_algorithm: Mapped[str] = mapped_column(String(20))
    state_data: Mapped[dict[str, Any]] = mapped_column(JSON)  # byte range, signed attributes, certificates
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # field, signer, signing time, QR text
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    completed_at: Mapped[datetime | None] = mapped_column()
    signature_id: Mapped[int | None] = mapped_column(Integer)


class UserSession(Base):
    """A signed-in session of the web pages: the cookie carries a random token, only its sha256 is kept here.
    Ended (``ended_at``) on sign-out, password change and disabling; times of expiry in epoch seconds."""

    __tablename__ = "user_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 (hex) of the token
    user_name: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires: Mapped[float] = mapped_column(Float)
    ended_at: Mapped[datetime | None] = mapped_column()
    address: Mapped[str | None] = mapped_column(String(100))


class SignInThrottle(Base):
    """Sign-in attempts per key (an account, an address, the pair), reserved atomically before a password is
    checked; ``next_allowed`` (epoch seconds) grows with each attempt past the free ones."""

    __tablename__ = "sign_in_throttle"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_allowed: Mapped[float] = mapped_column(Float, default=0.0)
    updated: Mapped[float] = mapped_column(Float, default=0.0)


class AuditEntry(Base):
    """Append-only trail of who did what."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))  # "user:NAME", "key:KEYID", "system", "cli"
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(200), index=True)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AccessLogEntry(Base):
    """Every read by another agency: who, when, why, what."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    client: Mapped[str] = mapped_column(String(200))  # api key name / key id
    purpose: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String(32), index=True)
    holder_id: Mapped[str | None] = mapped_column(String(100), index=True)
    path: Mapped[str | None] = mapped_column(String(500))
    query: Mapped[str | None] = mapped_column(Text)  # the request's query string (filters, q)
    status: Mapped[int | None] = mapped_column(Integer)  # the answer's HTTP status (refusals logged too)


class SearchEntry(Base):
    """The folded text of a document (OCR text + field values) that the full-text index covers.

    SQLite: an FTS5 table ``search_fts`` (external content = this table, kept in step by triggers).
    PostgreSQL: a generated ``tsv`` column (``to_tsvector('simple', body)``) with a GIN index.
    Both are created by the migration, not by this model.
    """

    __tablename__ = "search_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    body: Mapped[str] = mapped_column(Text)  # folded (digitize.text.fold)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # copies of the document's filter columns, so a text search needs no join (kept in step by the store)
    type_folded: Mapped[str | None] = mapped_column(String(200))
    holder_id: Mapped[str | None] = mapped_column(String(100))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    ended_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (
        Index(
            "ix_search_entries_filter",
            "id",
            "document_id",
            "type_folded",
            "holder_id",
            "valid_from",
            "valid_until",
            "ended_at",
        ),
    )


class Stack(Base):
    """A multi-document stack scan kept whole (write-once original), split into documents (issue 15).

    States (``digitize.services.stacks.StackState``): received → splitting → split | needs_review | failed;
    needs_review → split once staff confirm the boundaries."""

    __tablename__ = "stacks"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the stack's original
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    original_filename: Mapped[str] = mapped_column(String(1000))
    original_key: Mapped[str] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(20), index=True)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    page_count: Mapped[int | None] = mapped_column(Integer)
    pages_examined: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    split_at: Mapped[datetime | None] = mapped_column()
    reviewed_by: Mapped[str | None] = mapped_column(String(200))

    pages: Mapped[list[StackPage]] = relationship(
        back_populates="stack", order_by="StackPage.index", cascade="all, delete-orphan"
    )


class StackPage(Base):
    """One page of a stack: its role in the split (start, continuation, blank, separator), why, how sure, and
    the document it went into (blank pages too: marked in that document, left out of its file)."""

    __tablename__ = "stack_pages"

    stack_id: Mapped[str] = mapped_column(ForeignKey("stacks.id", ondelete="CASCADE"), primary_key=True)
    index: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(40))
    confidence: Mapped[float] = mapped_column(Float)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    stack: Mapped[Stack] = relationship(back_populates="pages")
