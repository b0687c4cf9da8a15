"""Response and request models: the shapes of the contract, for validation and a complete OpenAPI."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Paging: a larger offset is refused (422) before it reaches the database (64-bit integers there).
MAX_OFFSET = 1_000_000_000


class ErrorDetail(BaseModel):
    code: str
    message: str
    message_en: str | None = None
    message_vi: str | None = None
    details: dict[str, object] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorBody,
        "description": "Malformed request: body not parseable, a required part or header missing "
        "(X-Purpose), a filter not allowed to the key",
    },
    401: {"model": ErrorBody, "description": "No or invalid API key"},
    403: {"model": ErrorBody, "description": "The key's role may not do this"},
    422: {"model": ErrorBody, "description": "Invalid input"},
}


def errors(described: dict[int, str]) -> dict[int | str, dict[str, Any]]:
    """The common errors with a route's own (status → what it means here) added or said more precisely."""
    return {
        **ERRORS,
        **{status: {"model": ErrorBody, "description": why} for status, why in described.items()},
    }


class Created(BaseModel):
    id: str


class BatchCounts(BaseModel):
    received: int
    done: int
    failed: int
    needs_review: int


class RejectedFile(BaseModel):
    filename: str
    error: ErrorDetail


class StackSummary(BaseModel):
    """A stack scan of the batch (``split=true``): its documents appear in ``documents`` once split."""

    id: str
    state: Literal["received", "splitting", "needs_review", "split", "failed", "missing"]
    page_count: int | None = None
    pages_examined: int | None = None
    documents: list[str] = Field(default_factory=list)
    error: dict[str, Any] | None = None


class Batch(BaseModel):
    id: str
    state: Literal["queued", "processing", "done"]
    counts: BatchCounts
    documents: list[str]
    name: str | None = None
    processing: int = 0
    rejected: list[RejectedFile] = Field(default_factory=list)
    stacks: list[StackSummary] = Field(default_factory=list)
    created_at: str | None = None


class BatchList(BaseModel):
    items: list[Batch]
    total: int


class Validity(BaseModel):
    status: Literal["valid", "expired", "revoked", "superseded", "unknown"]
    as_of: str
    valid_from: str | None = None
    valid_until: str | None = None
    revoked_at: str | None = None
    reason: str | None = None
    superseded_by: str | None = None
    supersedes: str | None = None


class Derived(BaseModel):
    variant: str
    sha256: str
    derived_from: str | None = None


class Provenance(BaseModel):
    sha256: str
    ocr_confidence: float | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    received_at: str | None = None
    processed_at: str | None = None
    pipeline_version: str | None = None
    derived: list[Derived] = Field(default_factory=list)


class SignatureInfo(BaseModel):
    id: int
    sha256: str
    signer: str | None = None
    organization: str | None = None
    role: str | None = None
    level: str | None = None
    signed_at: str | None = None
    verified: bool | None = None


class PageInfo(BaseModel):
    index: int
    state: str
    confidence: float | None = None
    text: str | None = None


class DocumentError(BaseModel):
    code: str | None
    message: str | None


class Document(BaseModel):
    model_config = ConfigDict(json_schema_extra={"description": "A record of the store"})

    id: str
    state: Literal["received", "processing", "done", "needs_review", "failed"]
    error: DocumentError | None = None
    type: str | None = None
    filename: str | None = None
    media_type: str | None = None
    page_count: int | None = None
    fields: dict[str, str | None]
    field_confidence: dict[str, float | None] = Field(default_factory=dict)
    validity: Validity | None = Field(None, description="null for an agency not granted the validity dates")
    pages: list[PageInfo]
    provenance: Provenance | None = Field(None, description="null for an agency not granted the whole type")
    signatures: list[SignatureInfo] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list)
    file_id: str | None = Field(None, description="The hồ sơ (archival file) it belongs to; staff only")
    created_at: str | None = None
    updated_at: str | None = None


class DocumentList(BaseModel):
    items: list[Document]
    total: int = Field(description="Matches; exact up to 2,000 at least (see total_exact)")
    total_exact: bool = Field(
        True, description="False when more matched than could be counted cheaply: total is then a lower bound"
    )


class HistoryEntry(BaseModel):
    field: str
    old: str | None
    new: str | None
    by: str
    at: str | None
    reason: str | None = None


class History(BaseModel):
    items: list[HistoryEntry]


class RevokeRequest(BaseModel):
    reason: str = Field(min_length=1, description="Why the result is revoked")


class SupersedeRequest(BaseModel):
    by: str = Field(description="Id of the document that replaces this one")
    reason: str = Field(min_length=1)


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    database: bool
    objects: bool
    version: str
