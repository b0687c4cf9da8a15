"""Frozen records at the service boundary, and their one JSON form.

A service returns a frozen dataclass (``digitize.store.service.BatchView``, ``digitize.services.public
.PublicFacts``, …) that subclasses :class:`Record`; the API, the web pages and the CLI read its attributes,
and whoever writes JSON (an HTTP response, ``--json`` on the command line) calls ``.to_json()``: the fields
in declaration order, nested records and mappings likewise, tuples as lists. So the JSON keys are the field
names, in order, and one function makes every such body.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any


def to_json(value: Any) -> Any:
    """``value`` as plain JSON data: records and mappings to dicts (keys in order), tuples and lists to
    lists; anything else as it is."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


class Record:
    """Base of the frozen records services return (subclasses are ``@dataclass(frozen=True)``)."""

    __slots__ = ()

    def to_json(self) -> dict[str, Any]:
        data = to_json(self)
        assert isinstance(data, dict)
        return data
