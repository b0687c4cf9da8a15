"""Access: signing in (throttled), the sessions of the web pages, and taking access back.

Sign-in throttling. Before a password is checked, one attempt is *reserved* atomically (a compare-and-set
on ``sign_in_throttle``, shared by every server process through the database) on three keys:

- the address (``address:IP``): ``FREE_ADDRESS`` attempts, then growing delays (1, 2, 4 ... s, at most
  ``MAX_DELAY``) across all accounts tried from it;
- the account from that address (``pair:NAME|IP``): ``FREE_PAIR`` attempts, then growing delays;
- the account from anywhere (``account:NAME``): ``FREE_ACCOUNT`` attempts, then growing delays capped at
  ``ACCOUNT_MAX_DELAY`` (a distributed guesser is slowed, the owner is never locked out for long).

A reservation whose key is still in its delay is refused (429 with Retry-After) without checking anything,
so simultaneous wrong passwords cannot all be checked (the attempts past the free ones wait their turn), and
one address guessing an account does not stop its owner signing in from another. A success forgets the
pair's attempts and gives back its reservation on the other two keys. Counters are forgotten after
``WINDOW`` seconds without an attempt.

Sessions. A signed-in browser holds a random token (in the signed cookie); the server keeps its sha256 in
``user_sessions`` with its expiry, and every request looks it up: ended on sign-out, on a password change and
when the user is disabled, effective at the next request.

Taking access back: ``revoke_key``, ``disable_user``, ``change_password``; each audited.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from dataclasses import dataclass

from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from digitize.errors import BadInput, NotFound, RateLimited, Unauthenticated
from digitize.store import db
from digitize.store.auth import Principal, _hasher, revoke_api_key, verify_user
from digitize.store.models import ApiKey, SignInThrottle, User, UserSession, utcnow
from digitize.store.service import audit
from digitize.text import nfc

FREE_PAIR = 3
FREE_ADDRESS = 10
FREE_ACCOUNT = 20
MAX_DELAY = 900.0
ACCOUNT_MAX_DELAY = 60.0
WINDOW = 900.0
SESSION_SECONDS = 12 * 3600
MIN_PASSWORD = 8


# --- throttling ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Key:
    key: str
    free: int
    cap: float


def _delay(attempts: int, free: int, cap: float) -> float:
    return 0.0 if attempts <= free else min(cap, 2.0 ** (attempts - free - 1))


def _keys(name: str, address: str) -> list[_Key]:
    account = nfc(name).strip().casefold()[:200]
    address = address[:60]
    return [
        _Key(f"address:{address}", FREE_ADDRESS, MAX_DELAY),
        _Key(f"pair:{account}|{address}", FREE_PAIR, MAX_DELAY),
        _Key(f"account:{account}", FREE_ACCOUNT, ACCOUNT_MAX_DELAY),
    ]


def reserve(k: _Key, now: float | None = None) -> float | None:
    """Reserve one attempt on ``k``: None when reserved, else the seconds to wait. Atomic across processes
    (an insert that loses the race, or an update whose compare-and-set finds the row changed, tries again)."""
    for _ in range(8):
        t = time.time() if now is None else now
        with db.session() as s:
            row = s.execute(
                select(SignInThrottle.attempts, SignInThrottle.next_allowed, SignInThrottle.updated).where(
                    SignInThrottle.key == k.key
                )
            ).first()
        if row is None:
            try:
                with db.session() as s:
                    s.add(
                        SignInThrottle(
                            key=k.key, attempts=1, next_allowed=t + _delay(1, k.free, k.cap), updated=t
                        )
                    )
                return None
            except IntegrityError:
                continue  # created by a simultaneous attempt: read it again
        fresh = t - row.updated < WINDOW
        attempts = row.attempts if fresh else 0
        if fresh and t < row.next_allowed:
            return float(row.next_allowed - t)
        with db.session() as s:
            taken = s.execute(
                update(SignInThrottle)
                .where(
                    SignInThrottle.key == k.key,
                    SignInThrottle.attempts == row.attempts,
                    SignInThrottle.updated == row.updated,
                )
                .values(
                    attempts=attempts + 1, next_allowed=t + _delay(attempts + 1, k.free, k.cap), updated=t
                )
            )
            if db.rows_changed(taken) == 1:
                return None
    return 1.0  # lost every race: as busy as it gets


def _succeeded(keys: list[_Key]) -> None:
    with db.session() as s:
        s.execute(delete(SignInThrottle).where(SignInThrottle.key == keys[1].key))
        for k in (keys[0], keys[2]):
            s.execute(
                update(SignInThrottle)
                .where(SignInThrottle.key == k.key, SignInThrottle.attempts > 0)
                .values(attempts=SignInThrottle.attempts - 1)
            )


def sign_in(name: str, password: str, address: str) -> Principal:
    """Check ``name``/``password`` from ``address`` under the throttle; RateLimited or Unauthenticated."""
    keys = _keys(name, address)
    for k in keys:
        wait = reserve(k)
        if wait is not None:
            seconds = max(1, math.ceil(wait))
            raise RateLimited(
                f"Quá nhiều lần đăng nhập sai; thử lại sau {seconds} giây.",
                f"Too many failed sign-ins; try again in {seconds} s.",
                retry_after=seconds,
            )
    try:
        with db.session() as s:
            principal = verify_user(s, name, password)
            audit(s, principal.actor, "web.login", principal.name, address=address)
    except Unauthenticated:
        with db.session() as s:
            audit(s, f"address:{address[:60]}", "web.login_failed", nfc(name).strip()[:200])
        raise
    _succeeded(keys)
    return principal


# --- sessions -----------------------------------------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user_name: str, address: str | None = None) -> str:
    """A new session for ``user_name``; returns its token (for the cookie; only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    with db.session() as s:
        s.add(
            UserSession(
                id=_digest(token), user_name=user_name, expires=time.time() + SESSION_SECONDS, address=address
            )
        )
    return token


def session_user(token: str) -> Principal | None:
    """The user of a live session (not ended, not expired, user not disabled), else None."""
    if not token or len(token) > 200:
        return None
    with db.session() as s:
        row = s.execute(
            select(User.name, User.role)
            .join(UserSession, UserSession.user_name == User.name)
            .where(
                UserSession.id == _digest(token),
                UserSession.ended_at.is_(None),
                UserSession.expires > time.time(),
                User.disabled.is_(False),
            )
        ).first()
    return Principal("user", row.name, row.role) if row is not None else None


def end_session(token: str) -> None:
    with db.session() as s:
        s.execute(
            update(UserSession)
            .where(UserSession.id == _digest(token), UserSession.ended_at.is_(None))
            .values(ended_at=utcnow())
        )


def end_user_sessions(s: Session, user_name: str) -> int:
    """End every live session of ``user_name`` (in the caller's transaction); how many were live."""
    result = s.execute(
        update(UserSession)
        .where(UserSession.user_name == user_name, UserSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
    return db.rows_changed(result)


# --- taking access back -------------------------------------------------------------------------------------


def _user(s: Session, name: str) -> User:
    user = s.scalar(select(User).where(User.name == nfc(name).strip()))
    if user is None:
        raise NotFound(f"Không có người dùng {name}.", f"No user {name}.")
    return user


def revoke_key(key_id: str, *, by: str) -> None:
    """Revoke an API key: refused from the next request on, in every server process."""
    with db.session() as s:
        row = s.scalar(select(ApiKey).where(ApiKey.key_id == key_id.strip()))
        if row is None:
            raise NotFound(f"Không có khóa {key_id}.", f"No key {key_id}.")
        if row.revoked_at is None:
            revoke_api_key(s, row.key_id, by=by)


def disable_user(name: str, *, by: str, disabled: bool = True) -> int:
    """Disable (or enable again) a user; disabling ends their sessions. Returns the sessions ended."""
    with db.session() as s:
        user = _user(s, name)
        user.disabled = disabled
        ended = end_user_sessions(s, user.name) if disabled else 0
        audit(s, by, "user.disable" if disabled else "user.enable", user.name, sessions_ended=ended)
        return ended


def change_password(name: str, new_password: str, *, by: str, current_password: str | None = None) -> int:
    """Set a new password (checking the current one when given: a user changing their own); every session of
    the user ends. Returns the sessions ended."""
    if len(new_password) < MIN_PASSWORD:
        raise BadInput(
            f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.",
            f"The password needs at least {MIN_PASSWORD} characters.",
        )
    with db.session() as s:
        user = _user(s, name)
        if current_password is not None:
            try:
                _hasher.verify(user.password_hash, current_password)
            except (VerifyMismatchError, VerificationError, InvalidHashError) as exc:
                raise Unauthenticated(
                    "Mật khẩu hiện tại không đúng.", "The current password is wrong."
                ) from exc
        user.password_hash = _hasher.hash(new_password)
        ended = end_user_sessions(s, user.name)
        agents = _revoke_agents(s, user.name, by=by)
        audit(s, by, "user.password", user.name, sessions_ended=ended, agents_unpaired=agents)
        return ended


def _revoke_agents(s: Session, user_name: str, *, by: str) -> int:
    """Revoke the signing agents' keys paired from ``user_name``'s page (with a stolen password, anyone could
    have paired one); the officer pairs their agent again with a new code. Returns how many."""
    rows = s.scalars(select(ApiKey).where(ApiKey.user_name == user_name, ApiKey.revoked_at.is_(None))).all()
    for row in rows:
        revoke_api_key(s, row.key_id, by=by)
    return len(rows)
