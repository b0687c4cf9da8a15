"""Database rows to JSON and back: every mapped column, so an imported record is the exported one.

Columns added later by other migrations travel too (export writes what the model has; import ignores names
it does not know and leaves missing ones to their defaults).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import Date, DateTime, inspect

from digitize.errors import CorruptInput
from digitize.store.models import Base

T = TypeVar("T", bound=Base)


def to_json(row: Base, *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr in inspect(type(row)).column_attrs:
        if attr.key in drop:
            continue
        value = getattr(row, attr.key)
        if isinstance(value, datetime):
            value = (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        out[attr.key] = value
    return out


def from_json(model: type[T], data: Any, *, drop: tuple[str, ...] = ()) -> T:
    """A new (transient) row of ``model`` from ``data``; values checked against the column types."""
    if not isinstance(data, dict):
        raise CorruptInput(
            f"Bản ghi {model.__tablename__} không hợp lệ.", f"Invalid {model.__tablename__} row."
        )
    values: dict[str, Any] = {}
    for attr in inspect(model).column_attrs:
        key = attr.key
        if key in drop or key not in data:
            continue
        values[key] = _value(model, key, attr.columns[0].type, data[key])
    return model(**values)


def _value(model: type[Base], key: str, type_: Any, value: Any) -> Any:
    if value is None:
        return None
    try:
        if isinstance(type_, DateTime):
            parsed = datetime.fromisoformat(str(value))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        if isinstance(type_, Date):
            return date.fromisoformat(str(value))
        python_type = type_.python_type
    except (ValueError, TypeError) as exc:
        raise CorruptInput(
            f"Giá trị không hợp lệ ở {model.__tablename__}.{key}: {value!r}",
            f"Invalid value in {model.__tablename__}.{key}: {value!r}",
        ) from exc
    except NotImplementedError:
        return value
    if python_type is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if python_type in (dict, list):
        return value
    if not isinstance(value, python_type) or (python_type is int and isinstance(value, bool)):
        raise CorruptInput(
            f"Kiểu không hợp lệ ở {model.__tablename__}.{key}: {value!r}",
            f"Wrong type in {model.__tablename__}.{key}: {value!r}",
        )
    if isinstance(value, str) and len(value) > (getattr(type_, "length", None) or 10**8):
        raise CorruptInput(
            f"Giá trị quá dài ở {model.__tablename__}.{key}.",
            f"Value too long in {model.__tablename__}.{key}.",
        )
    return value
