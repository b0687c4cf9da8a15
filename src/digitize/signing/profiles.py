"""Server-side signing profiles: key, appearance and level by name (``Settings.signing_profiles_file``).

The file is TOML (``.toml``) or JSON (anything else), one table per profile::

    [profiles.giam-doc]
    role = "leader"                    # leader | organization | copy
    level = "B-T"                      # B-B | B-T | B-LT | B-LTA
    tsa = "http://tsa.example/tsr"     # default: DIGITIZE_TSA_URL
    p12 = "/etc/digitize/keys/giam-doc.p12"
    p12_password_env = "GIAM_DOC_P12_PASSWORD"    # or p12_password_file = "/etc/digitize/keys/giam-doc.pw"
    # or: pkcs11_module = "/usr/lib/softhsm/libsofthsm2.so", token_label = "...", key_label = "...",
    #     pin_env = "GIAM_DOC_PIN"
    # or a remote signing service (Cloud Signature Consortium API v1):
    #     csc_url = "https://csc.example.vn/csc/v1", csc_credential = "...",
    #     csc_token_env = "CSC_TOKEN" (or csc_token_file = "..."), csc_approval_seconds = 300
    title = "Giám đốc"
    name = "Nguyễn Văn An"             # default: the certificate's common name
    signature_image = "/etc/digitize/images/chu-ky.png"
    seal_image = "/etc/digitize/images/con-dau.png"   # organization
    organization = "Sở Khoa học và Công nghệ"         # default: certificate O, then settings
    copy_kind = "BẢN SAO ĐIỆN TỬ"                     # copy
    certify = false
    docmdp = 2
    reserve = ["organization", "copy"]               # with certify: empty fields for later signers
    pss = false
    trust = ["/etc/digitize/trust/root.pem"]          # besides DIGITIZE_TRUST_DIR
    users = ["nguyen.van.an"]          # who may use it: web users (by name) ...
    api_keys = ["a1b2c3d4"]            # ... and API keys (by key id, the part after "dgz_")

A profile is bound to people: only the users and API keys it names may sign with it (``may_use``);
a profile that names nobody can be used by nobody through the API or the web pages (deny by default).
Administrators get no exemption: a Director's key is the Director's.

Relative paths are relative to the profile file. The core entry point for the HTTP API is
``sign_with_profile(name, pdf_bytes)`` → ``(signed_bytes, SignResult)``; keys are opened on first use and
kept for the process (one PIN read per profile), one signature at a time per profile.
"""

from __future__ import annotations

import json
import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitize.config import Settings, get_settings
from digitize.errors import NotFound, UsageError
from digitize.signing.keys import CscSource, KeySession, KeySource, P12Source, Pkcs11Source, open_key
from digitize.signing.sign import Signing, SignProfile, SignResult
from digitize.text import nfc


@dataclass(frozen=True)
class NamedProfile:
    name: str
    key: KeySource
    profile: SignProfile
    trust: tuple[Path, ...] = ()
    users: frozenset[str] = frozenset()  # web users (names) who may sign with it
    api_keys: frozenset[str] = frozenset()  # API keys (key ids) that may sign with it

    def may_use(self, kind: str, name: str, key_id: str | None = None) -> bool:
        """Whether the caller (``kind`` "user" with ``name``, or "key" with ``key_id``) may sign with it."""
        if kind == "user":
            return nfc(name) in self.users
        if kind == "key":
            return key_id is not None and key_id in self.api_keys
        return False


def _path(base: Path, value: Any) -> Path | None:
    if value in (None, ""):
        return None
    p = Path(str(value)).expanduser()
    return p if p.is_absolute() else (base / p)


def load_profiles(path: Path, settings: Settings | None = None) -> dict[str, NamedProfile]:
    """Parse the profiles file (UsageError with the reason when it is wrong)."""
    settings = settings or get_settings()
    path = Path(path)
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8")) if path.suffix == ".toml" else json.loads(raw)
    except (OSError, ValueError) as exc:
        raise UsageError(
            f"Không đọc được tệp cấu hình ký số {path}: {exc}",
            f"cannot read the signing profiles file {path}: {exc}",
        ) from None
    table = data.get("profiles", data)
    base = path.parent
    out: dict[str, NamedProfile] = {}
    for name, spec in table.items():
        if not isinstance(spec, dict):
            continue
        key: KeySource
        if spec.get("p12"):
            key = P12Source(
                _path(base, spec["p12"]) or Path(),
                spec.get("p12_password_env"),
                _path(base, spec.get("p12_password_file")),
            )
        elif spec.get("pkcs11_module"):
            key = Pkcs11Source(
                _path(base, spec["pkcs11_module"]) or Path(),
                str(spec.get("token_label", "")),
                str(spec.get("key_label", "")),
                spec.get("pin_env"),
            )
        elif spec.get("csc_url"):
            key = _csc_source(str(name), spec, base)
        else:
            raise UsageError(
                f"Hồ sơ ký '{name}' thiếu khóa (p12, pkcs11_module hoặc csc_url)",
                f"signing profile '{name}' names no key (p12, pkcs11_module or csc_url)",
            )
        try:
            profile = SignProfile(
                role=spec.get("role", "leader"),
                level=spec.get("level", "B-B"),
                tsa_url=spec.get("tsa") or settings.tsa_url,
                pss=bool(spec.get("pss", False)),
                certify=bool(spec.get("certify", False)),
                docmdp=int(spec.get("docmdp", 2)),  # type: ignore[arg-type]
                title=spec.get("title", "Giám đốc"),
                name=spec.get("name"),
                organization=spec.get("organization"),
                signature_image=_path(base, spec.get("signature_image")),
                seal_image=_path(base, spec.get("seal_image")),
                copy_kind=spec.get("copy_kind", "BẢN SAO ĐIỆN TỬ"),
                visible=bool(spec.get("visible", True)),
                reserve=tuple(spec["reserve"]) if "reserve" in spec else None,
                reason=spec.get("reason"),
                location=spec.get("location"),
            )
        except UsageError as exc:
            raise UsageError(
                f"Hồ sơ ký '{name}': {exc.message_vi}", f"signing profile '{name}': {exc.message_en}"
            ) from None
        trust = tuple(p for p in (_path(base, t) for t in spec.get("trust", ())) if p)
        users = _names(name, spec, "users")
        api_keys = _names(name, spec, "api_keys")
        out[str(name)] = NamedProfile(str(name), key, profile, trust, users, api_keys)
    return out


def _csc_source(profile: str, spec: dict[str, Any], base: Path) -> CscSource:
    credential = spec.get("csc_credential")
    try:
        approval = float(spec.get("csc_approval_seconds", 300))
    except (TypeError, ValueError):
        approval = -1.0
    if not isinstance(credential, str) or not credential.strip() or not 1 <= approval <= 3600:
        raise UsageError(
            f"Hồ sơ ký '{profile}': dịch vụ ký từ xa cần csc_credential và csc_approval_seconds "
            "trong 1..3600",
            f"signing profile '{profile}': a remote signing service needs csc_credential and "
            "csc_approval_seconds within 1..3600",
        )
    return CscSource(
        str(spec["csc_url"]),
        credential.strip(),
        spec.get("csc_token_env"),
        _path(base, spec.get("csc_token_file")),
        approval,
    )


def _names(profile: str, spec: dict[str, Any], key: str) -> frozenset[str]:
    value = spec.get(key, [])
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(
            f"Hồ sơ ký '{profile}': '{key}' phải là danh sách tên",
            f"signing profile '{profile}': '{key}' must be a list of names",
        )
    return frozenset(nfc(v).strip() for v in value if v.strip())


_lock = threading.Lock()
_open: dict[tuple[str, NamedProfile], tuple[KeySession, Signing, threading.Lock]] = {}


def _signing_for(named: NamedProfile, settings: Settings) -> tuple[Signing, threading.Lock]:
    from digitize.certs import load_trust_roots

    # keyed by the whole profile: an edited profiles file takes effect without a restart
    cache_key = (str(settings.signing_profiles_file), named)
    with _lock:
        stale = [k for k in _open if k[0] == cache_key[0] and k[1].name == named.name and k != cache_key]
        for k in stale:
            old_key, _old_signing, old_lock = _open.pop(k)
            with old_lock:  # not while it signs
                old_key.close()
        entry = _open.get(cache_key)
        if entry is None:
            key = open_key(named.key, pss=named.profile.pss)
            try:
                roots = load_trust_roots(named.trust, settings.trust_dir)
                signing = Signing(key, named.profile, roots)
            except BaseException:
                key.close()
                raise
            entry = (key, signing, threading.Lock())
            _open[cache_key] = entry
    return entry[1], entry[2]


def sign_with_profile(name: str, pdf: bytes, *, settings: Settings | None = None) -> tuple[bytes, SignResult]:
    """Sign ``pdf`` with the server-side profile ``name`` (NotFound when no such profile)."""
    settings = settings or get_settings()
    if settings.signing_profiles_file is None:
        raise NotFound(
            "Máy chủ chưa cấu hình hồ sơ ký số (DIGITIZE_SIGNING_PROFILES_FILE)",
            "no signing profiles configured on the server (DIGITIZE_SIGNING_PROFILES_FILE)",
        )
    profiles = load_profiles(settings.signing_profiles_file, settings)
    named = profiles.get(name)
    if named is None:
        raise NotFound(
            f"Không có hồ sơ ký '{name}'", f"no signing profile '{name}'", available=sorted(profiles)
        )
    signing, lock = _signing_for(named, settings)
    with lock:
        return signing.sign_bytes(pdf)


def close_all() -> None:
    """Close every key opened by ``sign_with_profile`` (tests, shutdown)."""
    with _lock:
        for key, _signing, _l in _open.values():
            key.close()
        _open.clear()
