"""The two levels of Tesseract's word confidence the readers share (0..1; Tesseract's own scale is 0..100).

``SURE``: a word read at least this surely is taken as printed (a rare family name, a syllable no list has);
``DOUBTFUL``: a line whose mean word confidence is under this is in doubt (read again, or not trusted to name
the organ). One place, so a reader's idea of "sure" cannot drift from another's.
"""

from __future__ import annotations

SURE = 0.85
DOUBTFUL = 0.6
