"""Vietnamese personal names checked against Vietnamese naming: led by a family name, every word a valid
Vietnamese syllable (the ViNLP syllable inventory the OCR correction model carries), NFC."""

from __future__ import annotations

from collections.abc import Sequence

from digitize.pipeline.syllable import FAMILY_NAMES, key
from digitize.text import nfc


def _valid() -> frozenset[str]:
    from digitize.pipeline import correct

    try:
        return correct.load().valid
    except OSError:  # the model file is missing: no syllable check rather than none accepted
        return frozenset()


def is_syllable(token: str) -> bool:
    """True when ``token`` is a valid Vietnamese syllable ("Nguyễn", "Hoà"), False for "Mg", "Ngu)8ế"."""
    valid = _valid()
    return not valid or key(nfc(token)) in valid


def is_family_name(token: str) -> bool:
    return nfc(token).lower() in FAMILY_NAMES


def well_formed(words: Sequence[str]) -> bool:
    """Two to five words, each a valid syllable."""
    return 2 <= len(words) <= 5 and all(is_syllable(w) for w in words)
