"""Signatures of a stored document: sign it with a server-side profile (officer), list them (staff).

The work is the core's ``digitize.signing.service.sign_document`` (the web signing queue calls it too).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from digitize.api import schemas
from digitize.api.deps import DbSession, Signer, Staff
from digitize.signing.appearance import Role
from digitize.signing.sign import Level

router = APIRouter(prefix="/api/v1/documents", tags=["signatures"])


class SignRequestBody(BaseModel):
    profile: str = Field(..., min_length=1, max_length=200, description="A signing profile of the server")
    role: Role | None = Field(
        None, description="Override of the profile's role (only if the profile allows it: allow_roles)"
    )
    level: Level | None = Field(
        None, description="Override of the profile's level (only if the profile allows it: allow_levels)"
    )
    qr: bool = Field(True, description="Draw the QR code of Circular 01/2023 on the first signature")
    document_code: str | None = Field(
        None, max_length=100, description="Code in the QR code (default: the number/notation of the document)"
    )
    procedure_code: str | None = Field(
        None, max_length=100, description="Administrative procedure code in the QR code (mã thủ tục)"
    )


class SignatureRecord(BaseModel):
    id: int
    document_id: str
    sha256: str
    derived_from: str | None = None
    signer: str | None = None
    organization: str | None = None
    role: str | None = None
    level: str | None = None
    profile: str | None = None
    field: str | None = None
    signing_time: str | None = None
    signed_at: str | None = None
    signed_by: str | None = None
    certificate_serial: str | None = None
    certified: bool | None = None
    verified: bool | None = None
    indication: str | None = None
    sub_indication: str | None = None
    qr: str | None = None


class SignatureList(BaseModel):
    items: list[SignatureRecord]


_RESPONSES = schemas.errors(
    {
        404: "No such document",
        403: "Not an officer, or the profile is not the caller's",
        409: "Not finished, no PDF, or DocMDP forbids signing",
        422: "Bad profile, override, key or certificate",
    }
)


@router.post(
    "/{document_id}/signatures",
    status_code=201,
    response_model=SignatureRecord,
    responses=_RESPONSES,
    summary="Sign the document with one of the caller's own server-side profiles (officer); verified at once",
)
def sign(
    document_id: str,
    body: SignRequestBody,
    principal: Signer,
) -> dict[str, Any]:
    from digitize.services.signing import sign_stored

    return sign_stored(
        principal,
        document_id,
        body.profile,
        role=body.role,
        level=body.level,
        qr=body.qr,
        document_code=body.document_code,
        procedure_code=body.procedure_code,
    )


@router.get(
    "/{document_id}/signatures",
    response_model=SignatureList,
    responses=schemas.errors({404: "No such document"}),
    summary="The document's signatures, oldest first",
)
def list_(
    document_id: str,
    session: DbSession,
    _: Staff,
) -> dict[str, Any]:
    from digitize.signing.service import list_signatures

    return {"items": list_signatures(session, document_id)}
