"""Generated documents that several pipeline tests read (see ``conftest``: drawn once per test process).

A blurred phone photo of a 300 dpi two-page document takes ~3 CPU s to draw and as long again to read: the
tests that start from the same document share the file (a test that changes the pipeline still reads it
itself) and, when they run the pipeline as it is, its reading. The tests of one such document carry
``pytest.mark.xdist_group`` with its name, so ``--dist loadgroup`` runs them in one process.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from digitize.pipeline.model import ExtractedField


@dataclass
class SharedDocument:
    """A generated document file and its truth; ``fields``: the whole pipeline's fields, read once (read only:
    the tests share them; a test that changes the pipeline runs it itself, never reads these)."""

    path: Path
    truth: dict[str, str | None]

    @functools.cached_property
    def fields(self) -> Mapping[str, ExtractedField]:
        from digitize.pipeline.run import process_document

        return MappingProxyType(dict(process_document(self.path, jobs=1).extraction.fields))


LICENCE_139005 = "licence_139005"


def licence_139005(out: Path) -> SharedDocument:
    """Blur 139 alt 005's axes: a licence whose "ỦY BAN NHÂN DÂN" / "TỈNH AN GIANG" stand close over its
    "Số:" line at narrow margins, its printed day blurred, an annex after it (a colour photo out of focus)."""
    from samples.axes import Colour, Font, Margins, Seal, SignForm, Tail
    from tests.pipeline.test_headband import _blurred_header

    path, truth = _blurred_header(
        out,
        139005,
        "giay_phep",
        "one_organ",
        colour=Colour.COLOUR,
        dpi=300,
        seal=Seal.FAINT,
        sign=SignForm.TL,
        tail=Tail.ANNEX,
        stamp=True,
        font=Font.LIBERATION_SERIF,
        margins=Margins.NARROW,
    )
    return SharedDocument(path, truth)
