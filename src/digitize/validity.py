"""Validity of a result (licence, certificate, decision) as of a date: pure functions, no I/O.

Semantics (boundaries included, dates are calendar days in Vietnam time):

- ``revoked``: ``revoked_at`` is set and ``as_of >= revoked_at`` (revoked on that day itself). Revocation
  wins over everything else from that day on; before it the other rules apply.
- ``superseded``: ``superseded_by`` is set (the id of the newer record) and, when ``superseded_at`` is given,
  ``as_of >= superseded_at``; without a date, a superseded result is superseded whatever ``as_of``.
- ``expired``: ``valid_until`` is set and ``as_of > valid_until``. The result is still VALID ON its
  ``valid_until`` day ("có hiệu lực đến ngày 15/6/2024" includes 15/6/2024).
- ``valid``: ``valid_from <= as_of <= valid_until``; a missing ``valid_from`` counts as "since issue" (it is
  not needed to say a result has not expired); a missing ``valid_until`` is valid only when the result is
  open-ended by nature (``open_ended=True``, e.g. a Quyết định "có hiệu lực kể từ ngày ký" with no end date).
- ``unknown``: no dates at all (and not open-ended), only a ``valid_from`` on a result that is not
  open-ended, or ``as_of`` BEFORE ``valid_from`` (not yet in force: neither valid nor expired, so we do not
  claim either).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Literal

Status = Literal["valid", "expired", "revoked", "superseded", "unknown"]
STATUSES: tuple[Status, ...] = ("valid", "expired", "revoked", "superseded", "unknown")

# Document types (contract ``type_name``) whose results have no end date by nature: in force from signing
# (or from valid_from) until revoked or superseded.
OPEN_ENDED_TYPES: frozenset[str] = frozenset({"quyết định", "nghị quyết", "chỉ thị", "quy định", "quy chế"})

DateLike = dt.date | dt.datetime | str | None


def as_date(value: DateLike) -> dt.date | None:
    """A date from a ``date``, a ``datetime`` (its calendar day) or an ISO ``YYYY-MM-DD`` string.

    None (or "") stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def is_open_ended(type_name: str | None) -> bool:
    return bool(type_name) and str(type_name).strip().lower() in OPEN_ENDED_TYPES


def validity_status(
    valid_from: DateLike,
    valid_until: DateLike,
    as_of: DateLike,
    revoked_at: DateLike = None,
    superseded_by: str | None = None,
    *,
    superseded_at: DateLike = None,
    open_ended: bool = False,
) -> Status:
    """The status as of ``as_of`` (today when None); see the module docstring for the boundaries."""
    day = as_date(as_of) or dt.date.today()
    start, end = as_date(valid_from), as_date(valid_until)
    revoked = as_date(revoked_at)
    if revoked is not None and day >= revoked:
        return "revoked"
    if superseded_by:
        since = as_date(superseded_at)
        if since is None or day >= since:
            return "superseded"
    if start is not None and end is not None and end < start:
        return "unknown"  # inconsistent dates: do not guess
    if start is not None and day < start:
        return "unknown"
    if end is not None:
        return "valid" if day <= end else "expired"
    if open_ended:
        return "valid"
    return "unknown"


def status_for_fields(
    fields: Mapping[str, str | None],
    as_of: DateLike = None,
    revoked_at: DateLike = None,
    superseded_by: str | None = None,
    *,
    superseded_at: DateLike = None,
) -> Status:
    """``validity_status`` for a record's contract fields (valid_from falls back to issued_date, as the
    store's copy of the dates and its ``valid_on`` filter do)."""
    valid_from = fields.get("valid_from") or None
    valid_until = fields.get("valid_until") or None
    open_ended = is_open_ended(fields.get("type_name"))
    if valid_from is None:  # "since issue": not in force before the day it was issued (as the store's filter)
        valid_from = fields.get("issued_date") or None
    return validity_status(
        valid_from,
        valid_until,
        as_of,
        revoked_at,
        superseded_by,
        superseded_at=superseded_at,
        open_ended=open_ended,
    )
