"""API keys and users: argon2-hashed secrets, roles, and agency grants (core; no FastAPI).

An API key reads ``dgz_<key id>_<secret>``: the key id is a short, non-secret prefix used to find the row,
the whole key is verified against its argon2 hash. The plain key is shown once, when created.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from hashlib import sha256

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from digitize.errors import BadInput, Conflict, Unauthenticated
from digitize.pipeline.model import FIELD_NAMES
from digitize.store.models import ROLES, ApiKey, ApiKeyGrant, User, utcnow
from digitize.store.service import audit
from digitize.text import fold, nfc

KEY_PREFIX = "dgz"
_hasher = PasswordHasher()


@dataclass(frozen=True)
class Grant:
    type_name: str
    type_folded: str
    fields: tuple[str, ...] | None  # None: every field


@dataclass(frozen=True)
class Principal:
    """Who is calling: an API key or a signed-in user."""

    kind: str  # "key" | "user"
    name: str
    role: str
    key_id: str | None = None
    grants: tuple[Grant, ...] = field(default_factory=tuple)
    user: str | None = None  # a key: the web user it acts for (a signing agent paired from their page)

    @property
    def agent(self) -> bool:
        """A signing agent's key, paired from a user's signing page (``permissions.AGENT_PERMISSIONS``)."""
        return self.kind == "key" and self.user is not None

    @property
    def actor(self) -> str:
        """How the audit trail names this caller."""
        return f"key:{self.key_id}:{self.name}" if self.kind == "key" else f"user:{self.name}"


def check_role(role: str) -> str:
    if role not in ROLES:
        raise BadInput(
            f"Vai trò không hợp lệ: {role} (một trong {', '.join(ROLES)}).",
            f"Invalid role: {role} (one of {', '.join(ROLES)}).",
        )
    return role


def parse_grant(text: str) -> Grant:
    """``"Giấy phép"`` (every field) or ``"Giấy phép:holder_name,valid_until"`` (only those)."""
    type_part, sep, fields_part = nfc(text).partition(":")
    type_name = type_part.strip()
    if not type_name:
        raise BadInput(f"Quyền không hợp lệ: {text!r}", f"Invalid grant: {text!r}")
    fields: tuple[str, ...] | None = None
    if sep:
        fields = tuple(f.strip() for f in fields_part.split(",") if f.strip())
        unknown = [f for f in fields if f not in FIELD_NAMES]
        if unknown or not fields:
            raise BadInput(
                f"Trường không tồn tại trong quyền {text!r}: {', '.join(unknown) or '(trống)'}",
                f"Unknown field(s) in grant {text!r}: {', '.join(unknown) or '(none)'}",
            )
    return Grant(type_name, fold(type_name).strip(), fields)


def create_api_key(
    session: Session, *, role: str, name: str, grants: list[Grant] | None = None, created_by: str = "cli"
) -> tuple[ApiKey, str]:
    """A new key; returns the row and the plain key (shown once, never stored)."""
    check_role(role)
    name = nfc(name).strip()
    if not name:
        raise BadInput("Cần tên cho khóa.", "A name is required for the key.")
    if grants and role != "agency":
        raise BadInput("Chỉ khóa 'agency' có quyền theo loại.", "Only 'agency' keys take grants.")
    key_id = secrets.token_hex(4)
    while session.scalar(select(ApiKey.id).where(ApiKey.key_id == key_id)) is not None:
        key_id = secrets.token_hex(4)
    plain = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    row = ApiKey(key_id=key_id, name=name, role=role, secret_hash=_hasher.hash(plain), created_by=created_by)
    for g in grants or []:
        row.grants.append(
            ApiKeyGrant(
                type_name=g.type_name,
                type_folded=g.type_folded,
                fields=list(g.fields) if g.fields is not None else None,
            )
        )
    session.add(row)
    session.flush()
    audit(
        session,
        created_by,
        "key.create",
        key_id,
        role=role,
        name=name,
        grants=[{"type": g.type_name, "fields": list(g.fields) if g.fields else None} for g in grants or []],
    )
    return row, plain


# argon2 is deliberately slow, so a key that verified is remembered briefly: sha256(key) -> (expiry, the
# hash it matched). Only the argon2 check is skipped: the row is read on every request, so a revoked key, a
# new role or changed grants take effect at once in every process.
_cache: dict[str, tuple[float, str]] = {}
_cache_lock = threading.Lock()
CACHE_SECONDS = 30.0


def clear_key_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _unauthenticated() -> Unauthenticated:
    return Unauthenticated("Khóa API không hợp lệ.", "Invalid API key.")


def verify_api_key(session: Session, plain: str) -> Principal:
    plain = plain.strip()
    parts = plain.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or len(plain) > 200:
        raise _unauthenticated()
    row = session.scalar(select(ApiKey).where(ApiKey.key_id == parts[1]).options(selectinload(ApiKey.grants)))
    if row is None or row.revoked_at is not None:
        raise _unauthenticated()
    if row.user_name is not None:  # acts for a user: only while that user may sign in
        owner = session.scalar(select(User).where(User.name == row.user_name))
        if owner is None or owner.disabled:
            raise _unauthenticated()
    digest = sha256(plain.encode()).hexdigest()
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(digest)
    if hit is None or hit[0] <= now or hit[1] != row.secret_hash:
        try:
            _hasher.verify(row.secret_hash, plain)
        except (VerifyMismatchError, VerificationError, InvalidHashError) as exc:
            raise _unauthenticated() from exc
        row.last_used_at = utcnow()
        with _cache_lock:
            if len(_cache) > 10_000:
                _cache.clear()
            _cache[digest] = (now + CACHE_SECONDS, row.secret_hash)
    return Principal(
        "key",
        row.name,
        row.role,
        row.key_id,
        tuple(
            Grant(g.type_name, g.type_folded, tuple(g.fields) if g.fields is not None else None)
            for g in row.grants
        ),
        row.user_name,
    )


def revoke_api_key(session: Session, key_id: str, *, by: str) -> None:
    row = session.scalar(select(ApiKey).where(ApiKey.key_id == key_id))
    if row is None:
        raise BadInput(f"Không có khóa {key_id}.", f"No key {key_id}.")
    row.revoked_at = utcnow()
    audit(session, by, "key.revoke", key_id)
    clear_key_cache()


def create_user(session: Session, *, name: str, role: str, password: str, created_by: str = "cli") -> User:
    check_role(role)
    name = nfc(name).strip()
    if not name:
        raise BadInput("Cần tên người dùng.", "A user name is required.")
    if len(password) < 8:
        raise BadInput("Mật khẩu cần ít nhất 8 ký tự.", "The password needs at least 8 characters.")
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise Conflict(f"Người dùng {name} đã tồn tại.", f"User {name} already exists.")
    user = User(name=name, role=role, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    audit(session, created_by, "user.create", name, role=role)
    return user


def verify_user(session: Session, name: str, password: str) -> Principal:
    """A user's password checked; Unauthenticated when the name or password is wrong."""
    user = session.scalar(select(User).where(User.name == nfc(name).strip()))
    if user is None or user.disabled:
        _hasher.hash(password)  # same time whether the user exists or not
        raise Unauthenticated("Sai tên hoặc mật khẩu.", "Wrong user name or password.")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError) as exc:
        raise Unauthenticated("Sai tên hoặc mật khẩu.", "Wrong user name or password.") from exc
    return Principal("user", user.name, user.role)


def has_users(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None


def generate_password() -> str:
    return secrets.token_urlsafe(12)
