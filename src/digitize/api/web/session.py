"""Sessions of the web pages: a signed cookie (itsdangerous), CSRF tokens, the signed-in user.

The cookie ``dgz_session`` (HttpOnly, SameSite=Lax, Secure over HTTPS) holds ``{"csrf": token}`` for a
visitor and also ``{"sid": token}`` once signed in; it is signed with the secret in
``DIGITIZE_HOME/secret_key`` (created on first use, mode 0600) or ``DIGITIZE_SECRET_KEY``. The session itself
lives on the server (``digitize.services.access``: ``user_sessions``, only the token's sha256 stored): every
request looks it up, so signing out, a password change or disabling the user ends it at once, and an old
cookie is worth nothing afterwards. The user's role is read from the database on every request.

CSRF: every POST carries the session's token, in the form field ``csrf_token`` or the ``X-CSRF-Token``
header (htmx and the upload script send the header); a missing or different token is refused.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from digitize.config import get_settings
from digitize.store.auth import Principal

COOKIE = "dgz_session"
MAX_AGE = 12 * 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SECRET_FILE = "secret_key"

_lock = threading.Lock()
_serializers: dict[Path, URLSafeTimedSerializer] = {}


def secret_key(home: Path | None = None) -> bytes:
    """``DIGITIZE_SECRET_KEY``, else the secret of ``DIGITIZE_HOME/secret_key``, created (0600, atomically)
    when missing. ``digitize serve`` refuses a weak one (``digitize.startup.check_secrets``)."""
    configured = get_settings().secret_key
    if configured:
        return configured.strip().encode()
    home = home or get_settings().home_dir
    path = home / SECRET_FILE
    with contextlib.suppress(FileNotFoundError):
        data = path.read_bytes().strip()
        if data:
            return data
    home.mkdir(parents=True, exist_ok=True)
    tmp = home / f".{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(secrets.token_urlsafe(48).encode())
    try:
        os.link(tmp, path)  # fails if another process created it first: keep theirs
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_bytes().strip()


def serializer() -> URLSafeTimedSerializer:
    home = get_settings().home_dir
    with _lock:
        s = _serializers.get(home)
        if s is None:
            s = URLSafeTimedSerializer(secret_key(home), salt="digitize-web-session")
            _serializers[home] = s
        return s


@dataclass
class WebSession:
    data: dict[str, Any]
    dirty: bool = False

    @property
    def csrf(self) -> str:
        token = self.data.get("csrf")
        if not isinstance(token, str) or len(token) < 16:
            token = secrets.token_urlsafe(32)
            self.data["csrf"] = token
            self.dirty = True
        return token

    @property
    def sid(self) -> str | None:
        token = self.data.get("sid")
        return token if isinstance(token, str) else None

    def sign_in(self, name: str, address: str | None = None) -> None:
        """A new server-side session (and a new CSRF token: one seen before signing in is worth nothing)."""
        from digitize.services.access import end_session, start_session

        if self.sid:
            end_session(self.sid)
        self.data = {"sid": start_session(name, address), "csrf": secrets.token_urlsafe(32)}
        self.dirty = True

    def sign_out(self) -> None:
        from digitize.services.access import end_session

        if self.sid:
            end_session(self.sid)
        self.data = {"csrf": secrets.token_urlsafe(32)}
        self.dirty = True


def get_session(request: Request) -> WebSession:
    cached = getattr(request.state, "web_session", None)
    if isinstance(cached, WebSession):
        return cached
    data: dict[str, Any] = {}
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            loaded = serializer().loads(raw, max_age=MAX_AGE)
            if isinstance(loaded, dict):
                data = loaded
        except BadSignature:
            data = {}
    session = WebSession(data)
    request.state.web_session = session
    return session


def save_session(request: Request, response: Response) -> None:
    session = getattr(request.state, "web_session", None)
    if not isinstance(session, WebSession) or not session.dirty:
        return
    response.set_cookie(
        COOKIE,
        serializer().dumps(session.data),
        max_age=MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def check_csrf(request: Request, submitted: str | None) -> bool:
    """True when ``submitted`` (or the X-CSRF-Token header) is the session's token."""
    expected = get_session(request).data.get("csrf")
    given = submitted or request.headers.get(CSRF_HEADER) or ""
    return isinstance(expected, str) and bool(given) and hmac.compare_digest(expected, given)


def current_user(request: Request) -> Principal | None:
    """The signed-in user (role from the database), or None."""
    cached = getattr(request.state, "web_user", False)
    if cached is not False:
        return cached if isinstance(cached, Principal) else None
    from digitize.services.access import session_user

    sid = get_session(request).sid
    principal = session_user(sid) if sid else None
    request.state.web_user = principal
    return principal


def cookie_principal(request: Request) -> Principal | None:
    """For ``digitize.api.deps.PRINCIPAL_RESOLVERS``: the signed-in user, on safe (read-only) requests only.

    So links of the pages (file downloads) work with the session cookie, while every request that changes
    something still needs an API key (or goes through a CSRF-checked form of the pages).
    """
    if request.method not in ("GET", "HEAD"):
        return None
    if COOKIE not in request.cookies:
        return None
    return current_user(request)
