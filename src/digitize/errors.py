"""One error hierarchy for the whole system.

Every error carries a stable ``code``, a Vietnamese message (shown first) and an English one, an HTTP
status (used by ``api/``) and a process exit code (used by the ``digitize`` command). Code anywhere raises
these; the adapters translate them, never the other way round.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

Lang = Literal["vi", "en"]


class DigitizeError(Exception):
    code: ClassVar[str] = "internal_error"
    http_status: ClassVar[int] = 500
    exit_code: ClassVar[int] = 70  # EX_SOFTWARE

    def __init__(self, message_vi: str, message_en: str | None = None, **details: Any) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi
        self.details = details

    def message(self, lang: Lang = "vi") -> str:
        return self.message_en if lang == "en" else self.message_vi

    def to_dict(self, lang: Lang = "vi") -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message(lang)}
        other = self.message_vi if lang == "en" else self.message_en
        if other != body["message"]:
            body["message_" + ("vi" if lang == "en" else "en")] = other
        if self.details:
            body["details"] = {k: v for k, v in self.details.items() if _jsonable(v)}
        return body

    def one_line(self, lang: Lang = "vi") -> str:
        """The message on one line, for stderr."""
        text = self.message(lang)
        if lang == "vi" and self.message_en != self.message_vi:
            text = f"{text} ({self.message_en})"
        return " ".join(text.split())


def _jsonable(v: Any) -> bool:
    return isinstance(v, str | int | float | bool | type(None) | list | dict)


# --- input the caller can fix -----------------------------------------------------------------
class BadInput(DigitizeError):
    code = "bad_input"
    http_status = 422
    exit_code = 65  # EX_DATAERR


class EmptyInput(BadInput):
    code = "empty_input"


class CorruptInput(BadInput):
    code = "corrupt_input"


class EncryptedInput(BadInput):
    code = "encrypted_input"


class UnsupportedType(BadInput):
    code = "unsupported_type"
    http_status = 415


class InputTooLarge(BadInput):
    code = "input_too_large"
    http_status = 413


class UnsafeArchive(BadInput):
    code = "unsafe_archive"


class TooComplex(BadInput):
    """A file within the size limit whose structure (signatures, pages, objects) or verification time is
    over the limits of a public door."""

    code = "too_complex"
    http_status = 422


class PageNotDrawable(BadInput):
    """A stored page that cannot be drawn (a refused decompression bomb, a corrupt image)."""

    code = "page_not_drawable"


class MissingField(BadInput):
    code = "missing_field"
    http_status = 400


class UsageError(BadInput):
    code = "usage_error"
    http_status = 400
    exit_code = 64  # EX_USAGE


# --- who may do what ---------------------------------------------------------------------------
class Unauthenticated(DigitizeError):
    code = "unauthenticated"
    http_status = 401
    exit_code = 77  # EX_NOPERM


class Forbidden(DigitizeError):
    code = "forbidden"
    http_status = 403
    exit_code = 77


class RateLimited(DigitizeError):
    code = "rate_limited"
    http_status = 429
    exit_code = 75  # EX_TEMPFAIL


# --- state -------------------------------------------------------------------------------------
class NotFound(DigitizeError):
    code = "not_found"
    http_status = 404
    exit_code = 66  # EX_NOINPUT


class Conflict(DigitizeError):
    code = "conflict"
    http_status = 409
    exit_code = 65


class Gone(DigitizeError):
    """It existed but is over (an expired signing session)."""

    code = "gone"
    http_status = 410
    exit_code = 65


# --- signing and keys --------------------------------------------------------------------------
class SigningError(DigitizeError):
    code = "signing_error"
    http_status = 422
    exit_code = 65


class KeyAccessError(SigningError):
    """Wrong password or PIN, missing token or key, unreadable key file."""

    code = "key_access_error"


class CertificateRejected(SigningError):
    """Expired, not yet valid, revoked, wrong key usage, or no chain to a trusted root."""

    code = "certificate_rejected"


class SignatureNotAllowed(SigningError):
    """The document's DocMDP permissions forbid another signature."""

    code = "signature_not_allowed"
    http_status = 409


# --- the environment ---------------------------------------------------------------------------
class ToolMissing(DigitizeError):
    """An external program or library we rely on is absent or too old."""

    code = "tool_missing"
    http_status = 503
    exit_code = 69  # EX_UNAVAILABLE


class ToolFailed(DigitizeError):
    """An external program ran but failed."""

    code = "tool_failed"
    http_status = 500
    exit_code = 70


class ServiceUnavailable(DigitizeError):
    """Database, object store, broker or timestamp server unreachable: try again later."""

    code = "service_unavailable"
    http_status = 503
    exit_code = 75


# --- preservation ------------------------------------------------------------------------------
class FixityError(DigitizeError):
    """A stored object is missing or no longer hashes to the sha256 the store recorded."""

    code = "fixity_failure"
    http_status = 500
    exit_code = 65  # EX_DATAERR


class InvalidBag(BadInput):
    """A package to import does not validate (BagIt manifests, our layout, or its records)."""

    code = "invalid_bag"
