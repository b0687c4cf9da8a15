"""Vietnamese text: NFC everywhere, and diacritic folding for search (đ → d too)."""

from __future__ import annotations

import functools
import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC, the one form stored and compared."""
    return unicodedata.normalize("NFC", text)


FOLD_CACHED_CHARS = 64  # texts up to this long (words, short lines) are kept folded; longer ones never


def fold(text: str) -> str:
    """Lower-case text with every diacritic removed, đ → d: 'Đà Nẵng' → 'da nang'. Words and short lines are
    kept folded, the last 65 536 of them (a page's words are folded again by each pass and reader, ~3 000
    times a phone photo); a longer text (a document's indexed body) is folded each time and never kept: a
    long-running process would otherwise hold other documents' text."""
    return _fold_short(text) if len(text) <= FOLD_CACHED_CHARS else _fold(text)


@functools.lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def printable(value: object) -> str:
    """Text others wrote (a file name, a field, a server's answer) as a terminal shows it: no control or
    format character. An escape sequence (ESC, or the one-character CSI U+009B) could erase a line and print
    another, a bidi override reorder a number."""
    return "".join(ch for ch in str(value) if unicodedata.category(ch) not in ("Cc", "Cf"))
