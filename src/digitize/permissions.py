"""Who may do what: one table for the HTTP API (``digitize.api.deps.require``) and the web pages
(``digitize.api.web.base.require_page``). ``admin`` may do everything; every other role only what the table
grants it. A permission names a thing a user does, not a screen or a route.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Role(StrEnum):
    ARCHIVIST = "archivist"
    REVIEWER = "reviewer"
    OFFICER = "officer"
    ADMIN = "admin"
    AGENCY = "agency"  # another agency's API key: reads what its grants allow
    CLERK = "clerk"  # văn thư: adds the organisation's signature


class Permission(StrEnum):
    UPLOAD = "upload"  # send scans (API and /upload), review a stack's boundaries on its page
    BATCHES = "batches"  # the batch and stack pages
    REVIEW = "review"  # the review queue, field corrections
    SEARCH = "search"  # the search and document pages
    SIGN = "sign"  # sign documents (PKCS#12, USB token, remote service), signing sessions
    VALIDITY = "validity"  # revoke or supersede a result
    STATS = "stats"  # the statistics page
    FIXITY = "fixity"  # the fixity audit page
    CERTIFICATES = "certificates"  # register officers' signing certificates
    STAFF = "staff"  # read batches, stacks, files, signatures through the API (any staff role)
    READ = "read"  # read documents through the API (staff, and agencies within their grants)
    FILE = "file"  # edit hồ sơ (archival files) and review stacks through the API
    ADMIN = "admin"  # administration (the access log, signing sessions of everyone)


_STAFF = frozenset({Role.ARCHIVIST, Role.REVIEWER, Role.OFFICER, Role.CLERK})
_DESK = frozenset({Role.ARCHIVIST, Role.REVIEWER, Role.OFFICER})

PERMISSIONS: Mapping[Permission, frozenset[Role]] = MappingProxyType(
    {
        Permission.UPLOAD: frozenset({Role.ARCHIVIST}),
        Permission.BATCHES: _DESK,
        Permission.REVIEW: frozenset({Role.REVIEWER}),
        Permission.SEARCH: _DESK,
        Permission.SIGN: frozenset({Role.OFFICER, Role.CLERK}),
        Permission.VALIDITY: frozenset({Role.OFFICER}),
        Permission.STATS: _DESK,
        Permission.FIXITY: frozenset(),
        Permission.CERTIFICATES: frozenset(),
        Permission.STAFF: _STAFF,
        Permission.READ: _STAFF | {Role.AGENCY},
        Permission.FILE: frozenset({Role.ARCHIVIST, Role.REVIEWER}),
        Permission.ADMIN: frozenset(),
    }
)


def roles_for(permission: Permission) -> frozenset[Role]:
    """Every role that may, ``admin`` included."""
    return PERMISSIONS[permission] | {Role.ADMIN}


# A signing agent's key (paired from an officer's or clerk's signing page, acting for them) carries their role
# but reaches only what the agent does: signing sessions. A copy taken from the officer's PC reads no record
# and revokes nothing.
AGENT_PERMISSIONS: frozenset[Permission] = frozenset({Permission.SIGN})


def allowed(role: str | None, permission: Permission, *, agent: bool = False) -> bool:
    """Whether ``role`` may do ``permission``; ``agent``: the caller is a paired signing agent's key."""
    if agent and permission not in AGENT_PERMISSIONS:
        return False
    return role is not None and role in roles_for(permission)
