"""What a server checks and fixes before it starts (issue 12, finding 8: unsafe deployment defaults).

- ``check_secrets``: refuses to start with a weak session secret (``DIGITIZE_SECRET_KEY`` or the
  ``secret_key`` file under ``DIGITIZE_HOME``: fewer than 32 characters, too few distinct ones, or a known
  default) and with a known default password in ``DIGITIZE_DATABASE_URL`` or ``DIGITIZE_S3_SECRET_KEY``
  (the values of old compose files and of MinIO's own examples).
- ``harden_home``: files the process makes are private (umask 077); ``DIGITIZE_HOME`` and what it holds
  become ``0700`` (directories) and ``0600`` (files; write-once objects ``0400``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit

from digitize.config import Settings
from digitize.errors import UsageError

MIN_SECRET = 32
MIN_DISTINCT = 12
KNOWN_DEFAULTS = frozenset(
    {
        "digitize",
        "digitize-secret",
        "minioadmin",
        "minio123",
        "postgres",
        "password",
        "changeme",
        "change-me",
        "secret",
        "admin",
        "123456",
    }
)


def weak_secret(value: str) -> str | None:
    """Why ``value`` is too weak to sign sessions with (None: strong enough)."""
    v = value.strip()
    if v.lower() in KNOWN_DEFAULTS or any(d in v.lower() for d in ("changeme", "change-me", "secret-key")):
        return "a known default"
    if len(v) < MIN_SECRET:
        return f"shorter than {MIN_SECRET} characters"
    if len(set(v)) < MIN_DISTINCT:
        return f"fewer than {MIN_DISTINCT} different characters"
    return None


def _refuse(vi: str, en: str) -> UsageError:
    return UsageError(vi, en)


def check_secrets(settings: Settings) -> None:
    """Raise UsageError (the server does not start) for a weak or default secret."""
    if settings.secret_key is not None:
        why = weak_secret(settings.secret_key)
        if why:
            raise _refuse(
                f"DIGITIZE_SECRET_KEY quá yếu ({why}); hãy dùng ít nhất {MIN_SECRET} ký tự ngẫu nhiên, "
                "ví dụ: "
                "python -c 'import secrets; print(secrets.token_urlsafe(48))'.",
                f"DIGITIZE_SECRET_KEY is too weak ({why}); use at least {MIN_SECRET} random characters, e.g. "
                "python -c 'import secrets; print(secrets.token_urlsafe(48))'.",
            )
    else:
        path = settings.home_dir / "secret_key"
        if path.is_file():
            why = weak_secret(path.read_text(errors="replace"))
            if why:
                raise _refuse(
                    f"Khóa phiên trong {path} quá yếu ({why}); xóa tệp để tạo khóa mới.",
                    f"The session key in {path} is too weak ({why}); delete the file to have a new one made.",
                )
    if settings.database_url:
        password = urlsplit(settings.database_url).password
        if password is not None and unquote(password).lower() in KNOWN_DEFAULTS:
            raise _refuse(
                "Mật khẩu cơ sở dữ liệu trong DIGITIZE_DATABASE_URL là mật khẩu mặc định; hãy đổi.",
                "The database password in DIGITIZE_DATABASE_URL is a known default; change it.",
            )
    if settings.s3_secret_key is not None and settings.s3_secret_key.strip().lower() in KNOWN_DEFAULTS:
        raise _refuse(
            "DIGITIZE_S3_SECRET_KEY là mật khẩu mặc định; hãy đổi.",
            "DIGITIZE_S3_SECRET_KEY is a known default; change it.",
        )


def harden_home(home: Path) -> None:
    """umask 077 for this process; ``home`` and what it holds private to the service user."""
    os.umask(0o077)
    home.mkdir(parents=True, exist_ok=True)
    for root, dirs, files in os.walk(home):
        _chmod(Path(root), 0o700)
        for name in files:
            p = Path(root) / name
            try:
                mode = stat.S_IMODE(p.lstat().st_mode)
            except OSError:
                continue
            if stat.S_ISLNK(p.lstat().st_mode):
                continue
            _chmod(p, 0o400 if not mode & 0o200 else 0o600)
        dirs[:] = [d for d in dirs if not (Path(root) / d).is_symlink()]


def _chmod(path: Path, mode: int) -> None:
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            os.chmod(path, mode)
    except OSError:
        pass
