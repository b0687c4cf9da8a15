"""Typed values that flow between the pipeline stages (and into the store and the workers).

All frozen and picklable: a stage can run in-process, in a worker process, or in a Celery task.
Coordinates are pixels of the upright, preprocessed page image, origin top-left.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

# Field names of the contract (Circular 02/2019/TT-BNV metadata, snake_case).
FIELD_NAMES: tuple[str, ...] = (
    "type_name",
    "code_number",
    "code_notation",
    "issued_date",
    "organ_name",
    "parent_organ",
    "place",
    "subject",
    "signer_name",
    "signer_title",
    "holder_name",
    "holder_id",
    "valid_from",
    "valid_until",
)

# The longest value a field can plausibly hold (characters). A reading longer than this is not the field
# (a crafted born-digital page can put 32,000 characters on one header line) and is left unfound; a reviewer's
# longer value is refused. Real values are far shorter: subjects (trích yếu) run to a few hundred characters.
FIELD_MAX_CHARS: dict[str, int] = {
    "type_name": 80,
    "code_number": 16,
    "code_notation": 40,
    "issued_date": 10,
    "organ_name": 200,
    "parent_organ": 200,
    "place": 80,
    "subject": 1000,
    "signer_name": 80,
    "signer_title": 160,
    "holder_name": 400,
    "holder_id": 32,
    "valid_from": 10,
    "valid_until": 10,
}


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Word:
    text: str  # NFC
    conf: float  # 0..100 as Tesseract gives it; 100 for born-digital text
    box: Box
    block: int = 0
    line: int = 0  # line number within the page, reading order
    # Tesseract's reading of a word the language model corrected (``correct``), "" for a word as read: a
    # field made of names can tell a reading from the model's guess at a name it cannot know
    read: str = ""
    # a word a second pass chose by a vote of readings that disagreed (``signature.marks_vote_pass``), not
    # read so at once: a field made of it is in doubt, whatever its confidence
    voted: bool = False


@dataclass(frozen=True)
class RecognizedPage:
    index: int  # 0-based
    source: Literal["ocr", "text"]  # OCR'd raster, or text read from a born-digital page
    width: float  # pixels (ocr) or PDF points (text)
    height: float
    text: str  # NFC, lines separated by "\n"
    words: tuple[Word, ...] = ()
    confidence: float | None = None  # mean word confidence 0..1 (None for born-digital)
    rotation: int = 0  # degrees applied to make it upright (0/90/180/270)
    skew: float = 0.0  # degrees of deskew applied
    dpi: float = 300.0
    # measured blurred (``preprocess.Prepared.blurred``: a shaken or out-of-focus photo): its letters' tone
    # marks and its digits are read as look-alikes at confidences that look sure
    blurred: bool = False


def page_text(words: Iterable[Word]) -> str:
    """A page's ``text`` from its words: each line's words joined by spaces (in the words' order), the lines
    in order of their number."""
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.text)
    return "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))


@dataclass(frozen=True)
class ExtractedField:
    name: str
    value: str | None  # NFC; dates as YYYY-MM-DD; None when not found
    confidence: float  # 0..1


@dataclass(frozen=True)
class Extraction:
    fields: dict[str, ExtractedField] = field(default_factory=dict)

    def values(self) -> dict[str, str | None]:
        return {name: (self.fields[name].value if name in self.fields else None) for name in FIELD_NAMES}
