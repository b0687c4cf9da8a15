"""Field values found by one reader: a frozen ``Found`` built through a first-value-wins ``Builder``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from digitize.pipeline.model import FIELD_MAX_CHARS, FIELD_NAMES, ExtractedField, Extraction
from digitize.text import nfc


@dataclass(frozen=True)
class Found:
    """The fields one reader found (each name at most once)."""

    fields: tuple[ExtractedField, ...] = ()

    def get(self, name: str) -> ExtractedField | None:
        return next((f for f in self.fields if f.name == name), None)

    def value(self, name: str) -> str | None:
        f = self.get(name)
        return f.value if f is not None else None


class Builder:
    def __init__(self) -> None:
        self.fields: dict[str, ExtractedField] = {}

    def set(self, name: str, value: str | None, confidence: float) -> None:
        if value is None or not str(value).strip():
            return
        if name in self.fields and self.fields[name].value is not None:
            return
        text = nfc(str(value).strip())
        if len(text) > FIELD_MAX_CHARS.get(name, 1000):
            return  # longer than the field can be: not this field (a later reader may still find it)
        self.fields[name] = ExtractedField(name, text, round(max(0.0, min(1.0, confidence)), 3))

    def add(self, found: Found | Iterable[ExtractedField]) -> None:
        """Another reader's fields; a field already found keeps its first value."""
        for f in found.fields if isinstance(found, Found) else found:
            self.set(f.name, f.value, f.confidence)

    def freeze(self) -> Found:
        return Found(tuple(self.fields.values()))

    def extraction(self) -> Extraction:
        return Extraction({n: self.fields.get(n, ExtractedField(n, None, 0.0)) for n in FIELD_NAMES})
