"""Signing, as the people who sign see it: the one place the API, the web pages and the CLI ask who may sign
with what.

- Server-side profiles are bound to people (``users``/``api_keys`` in the profiles file): ``usable_profiles``
  lists a caller's own, ``sign_stored`` refuses (403) a profile that is not the caller's.
"""

from __future__ import annotations

from typing import Any

from digitize.config import Settings, get_settings
from digitize.errors import BadInput, DigitizeError, Forbidden
from digitize.store.auth import Principal


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
