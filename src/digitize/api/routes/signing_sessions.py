"""Signing where the key stays with its holder (``../shared/CONTRACT.md``): sessions hand out the digest of
the CMS signed attributes and take back the holder's signature value; certificates are bound to people.

Thin: the work is ``digitize.services.signing`` (create_session, complete_session, pending_sessions,
register_certificate).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from digitize.api import schemas
from digitize.api.deps import Admin, DbSession, Signer
from digitize.signing.appearance import Role
from digitize.signing.sign import Level

router = APIRouter(prefix="/api/v1", tags=["signing sessions"])


class SessionRequest(BaseModel):
    certificate: str = Field(
        ..., min_length=1, max_length=100_000, description="PEM: the signer's certificate, chain may follow"
    )
    role: Role = "leader"
    level: Level = "B-B"
    title: str | None = Field(None, max_length=200, description="Leader: the title above the signature")
    name: str | None = Field(None, max_length=200, description="Leader: the name under it (default: CN)")
    signature_algorithm: Literal["rsassa_pkcs1v15", "rsassa_pss", "ecdsa"] | None = Field(
        None, description="Default: rsassa_pkcs1v15 for RSA keys, ecdsa for EC (P-256) keys"
    )

    def options(self) -> dict[str, Any]:
        """What ``digitize.services.signing.create_session`` takes besides the document and certificate."""
        return {
            "role": self.role,
            "level": self.level,
            "title": self.title,
            "name": self.name,
            "signature_algorithm": self.signature_algorithm,
        }


class SessionCreated(BaseModel):
    id: str
    document_id: str
    digest: str = Field(..., description="base64: the hash of the CMS signed attributes (sign-hash input)")
    digest_algorithm: str
    signature_algorithm: str
    expires_at: str
    role: str
    level: str
    field: str | None = None
    signer: str | None = None
    state: str


class SignatureValue(BaseModel):
    signature: str = Field(
        ..., min_length=1, max_length=4096, description="base64 signature value over digest"
    )


class CertificateBody(BaseModel):
    certificate: str = Field(..., min_length=1, max_length=100_000, description="PEM certificate")


_CREATE = schemas.errors(
    {
        403: "Certificate not registered to the caller, or wrong role",
        404: "No such document",
        409: "Not finished, no PDF, or leader signature missing",
    }
)
_COMPLETE = schemas.errors(
    {
        404: "No such session of the caller",
        409: "Session already used, or the document changed",
        410: "Session expired",
        422: "The signature value does not verify; nothing stored",
    }
)


@router.post(
    "/documents/{document_id}/signing-sessions",
    status_code=201,
    response_model=SessionCreated,
    responses=_CREATE,
    summary="Prepare the document for a signature by the caller's own key (officer; clerk for organization)",
)
def create(document_id: str, body: SessionRequest, principal: Signer) -> dict[str, Any]:
    from digitize.services.signing import create_session

    return create_session(principal, document_id, body.certificate, **body.options())


@router.post(
    "/signing-sessions/{session_id}/signature",
    responses=_COMPLETE,
    summary="Finish a session with the signature value; returns the document record with its signatures",
)
def complete(session_id: str, body: SignatureValue, principal: Signer) -> dict[str, Any]:
    from digitize.services.signing import complete_session

    return dict(complete_session(principal, session_id, body.signature))


@router.get(
    "/signing-sessions",
    responses=schemas.ERRORS,
    summary="The caller's signing sessions waiting for a signature (the agent's work), oldest first",
)
def pending(principal: Signer, limit: int = Query(100, ge=1, le=500)) -> dict[str, Any]:
    from digitize.services.signing import pending_sessions

    return {"items": pending_sessions(principal, limit=limit)}


@router.get(
    "/signing-sessions/{session_id}",
    responses=schemas.errors({404: "No such session"}),
    summary="One of the caller's signing sessions",
)
def one(session_id: str, principal: Signer) -> dict[str, Any]:
    from digitize.services.signing import get_session_view

    return get_session_view(principal, session_id)


@router.post(
    "/users/{name}/certificates",
    status_code=201,
    responses=schemas.errors({404: "No such user"}),
    summary="Register a signing certificate of a user (admin)",
)
def register_user_certificate(
    name: str,
    body: CertificateBody,
    session: DbSession,
    principal: Admin,
) -> dict[str, Any]:
    from digitize.services.signing import register_user_certificate as register

    return register(session, name, body.certificate, by=principal.actor)


class BatchRequest(SessionRequest):
    documents: list[str] = Field(..., min_length=1, max_length=500, description="Document ids")


@router.post(
    "/signing-sessions",
    status_code=201,
    responses=_CREATE,
    summary="Prepare many documents for one holder (one token login signs them all), in parallel",
)
def create_many(body: BatchRequest, principal: Signer) -> dict[str, Any]:
    from digitize.services.signing import create_sessions

    items, errors = create_sessions(principal, body.documents, body.certificate, **body.options())
    return {"items": items, "errors": errors}


class PairBody(BaseModel):
    code: str = Field(..., min_length=1, max_length=64, description="The code shown on the signing page")
    device: str | None = Field(None, max_length=200, description="The PC's name (shown in the key's name)")


@router.post(
    "/agent/pair",
    status_code=201,
    responses=schemas.errors(
        {
            401: "Wrong pairing code",
            409: "The code was already used",
            410: "The code has expired",
            429: "Too many attempts (Retry-After)",
        }
    ),
    summary="Trade a pairing code from an officer's signing page for the agent's API key (no login)",
)
def pair_agent(body: PairBody, request: Request) -> dict[str, Any]:
    from digitize.api.ratelimit import check_public_rate, client_address
    from digitize.services.signing import redeem_pairing_code

    check_public_rate(request)
    return redeem_pairing_code(body.code, address=client_address(request), device=body.device)
