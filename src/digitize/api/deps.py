"""Dependencies shared by the routers: the database session, the caller, and role checks.

The caller is found by the resolvers in ``PRINCIPAL_RESOLVERS`` in order: first the API key of an
``Authorization: Bearer <key>`` header; the web pages may append a resolver for their signed-in users.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from digitize.errors import Forbidden, Unauthenticated
from digitize.permissions import Permission, allowed, roles_for
from digitize.store import db
from digitize.store.auth import Principal, verify_api_key


def get_session() -> Iterator[Session]:
    with db.session() as s:
        yield s


def _bearer(request: Request) -> Principal | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated(
            "Cần header Authorization: Bearer <khóa API>.",
            "Expected the header Authorization: Bearer <API key>.",
        )
    with db.session() as s:
        return verify_api_key(s, token)


PrincipalResolver = Callable[[Request], Principal | None]
PRINCIPAL_RESOLVERS: list[PrincipalResolver] = [_bearer]


def optional_principal(request: Request) -> Principal | None:
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    for resolve in PRINCIPAL_RESOLVERS:
        principal = resolve(request)
        if principal is not None:
            request.state.principal = principal
            return principal
    return None


def current_principal(principal: Principal | None = Depends(optional_principal)) -> Principal:
    if principal is None:
        raise Unauthenticated(
            "Cần khóa API (Authorization: Bearer ...).", "An API key is required (Authorization: Bearer ...)."
        )
    return principal


def require(permission: Permission) -> Callable[[Principal], Principal]:
    """A dependency that lets through the roles ``digitize.permissions`` grants ``permission`` (and
    ``admin``), 403 for the others. The web pages gate on the same table (``web.base.require_page``)."""
    roles = sorted(roles_for(permission))

    def check(principal: Principal = Depends(current_principal)) -> Principal:
        if principal.agent and not allowed(principal.role, permission, agent=True):
            raise Forbidden(
                "Khóa của trình ký chỉ dùng cho các phiên ký.",
                "A signing agent's key is for signing sessions only.",
            )
        if principal.role not in roles:
            raise Forbidden(
                f"Vai trò {principal.role} không được phép ({', '.join(roles)}).",
                f"Role {principal.role} is not allowed ({', '.join(roles)}).",
            )
        return principal

    return check


# Annotated aliases: ``session: DbSession``, ``who: Reviewer`` instead of repeating ``Depends(...)``.
DbSession = Annotated[Session, Depends(get_session)]
CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
Reader = Annotated[Principal, Depends(require(Permission.READ))]  # staff, and agencies within their grants
Staff = Annotated[Principal, Depends(require(Permission.STAFF))]
Uploader = Annotated[Principal, Depends(require(Permission.UPLOAD))]
Reviewer = Annotated[Principal, Depends(require(Permission.REVIEW))]
FileEditor = Annotated[Principal, Depends(require(Permission.FILE))]
Officer = Annotated[Principal, Depends(require(Permission.VALIDITY))]
Signer = Annotated[Principal, Depends(require(Permission.SIGN))]
Admin = Annotated[Principal, Depends(require(Permission.ADMIN))]
