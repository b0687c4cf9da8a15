"""Field extraction (the contract fields, Circular 02/2019/TT-BNV metadata) from recognized pages of Decree
30/2020 documents, one small module per concern:

- ``layout``: the first page's header zone and its two columns (gutter found from the motto);
- ``number``: "Số: 1169/QĐ-UBND" → number and notation (repaired against known abbreviations);
- ``organ``: the issuing organ and its parent from the header's left column;
- ``place_date``: place and issue date from "<place>, ngày … tháng … năm …";
- ``subject``: the type heading and the trích yếu (a công văn's text after "V/v");
- ``holder``: holder name and id; ``validity``: valid_from / valid_until;
- ``signer``: the signer's title and name from the signature block;
- ``compose``: all of them in order; ``review``: which documents go to review.

Helpers: ``lines`` (words grouped into lines), ``text`` (folding, fuzzy lookup), ``dates``, ``vocab``,
``result`` (the frozen ``Found`` each reader returns).
OCR noise is met by matching on diacritic-folded text (``digitize.text.fold``) and by rapidfuzz against
vocabularies (document types, organs, the 63 provinces, titles, surnames), which also restores diacritics.
Each field gets a confidence 0..1 = OCR confidence of the words it came from x match quality.
"""

from digitize.pipeline.fields.compose import extract
from digitize.pipeline.fields.dates import find_dates, parse_date
from digitize.pipeline.fields.review import (
    REQUIRED_BY_TYPE,
    REQUIRED_FIELDS,
    REVIEW_THRESHOLD,
    low_confidence_fields,
    needs_review,
    required_fields,
)
from digitize.pipeline.fields.text import normalize_tones

__all__ = [
    "REQUIRED_BY_TYPE",
    "REQUIRED_FIELDS",
    "REVIEW_THRESHOLD",
    "extract",
    "find_dates",
    "low_confidence_fields",
    "needs_review",
    "normalize_tones",
    "parse_date",
    "required_fields",
]
