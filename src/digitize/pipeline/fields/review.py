"""Which documents go to review: a required field missing or found with low confidence."""

from __future__ import annotations

from digitize.pipeline.model import FIELD_NAMES, Extraction

REQUIRED_FIELDS: tuple[str, ...] = (
    "type_name",
    "code_number",
    "code_notation",
    "issued_date",
    "organ_name",
    "subject",
    "signer_name",
)
# Extra required fields for results that are reused by other agencies.
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "Giấy phép": ("holder_name", "valid_until"),
    "Giấy chứng nhận": ("holder_name",),
}
REVIEW_THRESHOLD = 0.6


def required_fields(type_name: str | None) -> tuple[str, ...]:
    """REQUIRED_FIELDS plus those of the document type (a licence needs its holder and end date)."""
    return REQUIRED_FIELDS + REQUIRED_BY_TYPE.get(type_name or "", ())


def needs_review(extraction: Extraction, threshold: float = REVIEW_THRESHOLD) -> bool:
    """True when a required field is missing or its confidence is below ``threshold``."""
    type_field = extraction.fields.get("type_name")
    for name in required_fields(type_field.value if type_field else None):
        f = extraction.fields.get(name)
        if f is None or f.value is None or f.confidence < threshold:
            return True
    return False


def low_confidence_fields(extraction: Extraction, threshold: float = REVIEW_THRESHOLD) -> list[str]:
    """The fields (required or not) found with a confidence below ``threshold``, and missing required ones."""
    type_field = extraction.fields.get("type_name")
    req = set(required_fields(type_field.value if type_field else None))
    out = []
    for name in FIELD_NAMES:
        f = extraction.fields.get(name)
        missing = f is None or f.value is None
        if (missing and name in req) or (f is not None and not missing and f.confidence < threshold):
            out.append(name)
    return out
