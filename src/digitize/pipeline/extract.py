"""Extract: the contract fields from recognized pages (kept for callers; the readers live in
``digitize.pipeline.fields``, one module per concern)."""

from digitize.pipeline.fields import (
    REQUIRED_BY_TYPE,
    REQUIRED_FIELDS,
    REVIEW_THRESHOLD,
    extract,
    find_dates,
    low_confidence_fields,
    needs_review,
    normalize_tones,
    parse_date,
    required_fields,
)
from digitize.pipeline.fields.holder import fix_company_forms

__all__ = [
    "REQUIRED_BY_TYPE",
    "REQUIRED_FIELDS",
    "REVIEW_THRESHOLD",
    "extract",
    "find_dates",
    "fix_company_forms",
    "low_confidence_fields",
    "needs_review",
    "normalize_tones",
    "parse_date",
    "required_fields",
]
