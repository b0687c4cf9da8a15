"""Statistics for the department's periodic reports: documents received, digitized, reviewed, signed and read
by other agencies, per month or quarter and per field of activity (document type), counted by SQL aggregates
(GROUP BY in the database, never rows in Python); cached a little (reports need not be live to the second).
The ``/stats`` web page and its CSV export render these figures.

Periods are in Vietnam time (UTC+7): a document received at 20:00 UTC on 31 March belongs to April.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from digitize.config import get_settings
from digitize.store import db
from digitize.store.models import DONE, NEEDS_REVIEW, AccessLogEntry, Document, Signature

METRICS: tuple[str, ...] = ("received", "digitized", "reviewed", "signed", "read")
OFFSET_HOURS = 7


def period_expr(session: Session, column: Any, period: str) -> ColumnElement[str]:
    """The period label of a UTC timestamp column in Vietnam time: ``2026-03`` or ``2026-Q1``."""
    if session.get_bind().dialect.name == "sqlite":
        local = func.datetime(column, f"+{OFFSET_HOURS} hours")
        if period == "quarter":
            month = cast(func.strftime("%m", local), Integer)
            return func.strftime("%Y", local).concat("-Q").concat(cast((month + 2) / 3, Integer))
        return func.strftime("%Y-%m", local)
    local = func.timezone("Asia/Ho_Chi_Minh", column)
    return func.to_char(local, 'YYYY-"Q"Q' if period == "quarter" else "YYYY-MM")


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """UTC instants of the start of ``year`` and of the next, in Vietnam time."""
    start = datetime(year, 1, 1, tzinfo=UTC) - timedelta(hours=OFFSET_HOURS)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) - timedelta(hours=OFFSET_HOURS)
    return start, end


def period_labels(year: int, period: str) -> list[str]:
    if period == "quarter":
        return [f"{year}-Q{q}" for q in range(1, 5)]
    return [f"{year}-{m:02d}" for m in range(1, 13)]


@dataclass
class Stats:
    year: int
    period: str
    periods: list[str]
    cells: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)  # (period, type) -> counts
    computed_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def by_period(self) -> dict[str, dict[str, int]]:
        out = {p: dict.fromkeys(METRICS, 0) for p in self.periods}
        for (p, _ty), counts in self.cells.items():
            row = out.setdefault(p, dict.fromkeys(METRICS, 0))
            for m, n in counts.items():
                row[m] += n
        return out

    def by_type(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for (_p, ty), counts in self.cells.items():
            row = out.setdefault(ty, dict.fromkeys(METRICS, 0))
            for m, n in counts.items():
                row[m] += n
        return dict(sorted(out.items(), key=lambda kv: (-kv[1]["received"], kv[0])))

    def totals(self) -> dict[str, int]:
        out = dict.fromkeys(METRICS, 0)
        for counts in self.cells.values():
            for m, n in counts.items():
                out[m] += n
        return out


def period_bounds(year: int, period: str) -> list[tuple[str, datetime, datetime]]:
    """Each period of the year as (label, UTC start, UTC end), in Vietnam time."""
    starts = (
        [(1 + 3 * q, f"{year}-Q{q + 1}") for q in range(4)]
        if period == "quarter"
        else [(m, f"{year}-{m:02d}") for m in range(1, 13)]
    )
    shift = timedelta(hours=OFFSET_HOURS)
    out = []
    for i, (month, label) in enumerate(starts):
        start = datetime(year, month, 1, tzinfo=UTC) - shift
        if i + 1 < len(starts):
            end = datetime(year, starts[i + 1][0], 1, tzinfo=UTC) - shift
        else:
            end = datetime(year + 1, 1, 1, tzinfo=UTC) - shift
        out.append((label, start, end))
    return out


def type_names(session: Session) -> dict[str, str]:
    """Folded type -> how it is written (one spelling per folded type)."""
    folded_types = session.scalars(
        select(Document.type_folded).where(Document.type_folded.is_not(None)).distinct().limit(500)
    ).all()
    names: dict[str, str] = {}
    for folded in folded_types:
        if not folded:
            continue
        name = session.scalar(select(Document.type_name).where(Document.type_folded == folded).limit(1))
        names[folded] = name or folded
    return names


def compute(session: Session, year: int, period: str = "month") -> Stats:
    """Every count of the year, grouped by period and document type, by aggregate queries.

    Received documents are counted per period by range queries that the (type_folded, created_at) index
    answers alone; the other counts group by the period label computed in SQL.
    """
    start, end = year_bounds(year)
    stats = Stats(year, period, period_labels(year, period))
    names = type_names(session)

    def add(metric: str, rows: Any) -> None:
        for p, folded, n in rows:
            ty = names.get(folded or "", folded or "")
            cell = stats.cells.setdefault((p, ty), dict.fromkeys(METRICS, 0))
            cell[metric] += int(n)

    for label, p_start, p_end in period_bounds(year, period):
        rows = session.execute(
            select(Document.type_folded, func.count())
            .where(Document.created_at >= p_start, Document.created_at < p_end)
            .group_by(Document.type_folded)
        ).all()
        add("received", [(label, folded, n) for folded, n in rows])

    def grouped(col: Any, count: Any, *where: Any, join: Any = None) -> Any:
        pe = period_expr(session, col, period).label("p")
        stmt = select(pe, Document.type_folded, count)
        if join is not None:
            stmt = stmt.select_from(join[0]).join(Document, join[1])
        return stmt.where(col >= start, col < end, *where).group_by(pe, Document.type_folded)

    add(
        "digitized",
        session.execute(
            grouped(Document.processed_at, func.count(), Document.state.in_((DONE, NEEDS_REVIEW)))
        ).all(),
    )
    add("reviewed", session.execute(grouped(Document.reviewed_at, func.count())).all())
    add(
        "signed",
        session.execute(
            grouped(
                Signature.signed_at,
                func.count(func.distinct(Signature.document_id)),
                join=(Signature, Document.id == Signature.document_id),
            )
        ).all(),
    )
    add(
        "read",
        session.execute(
            grouped(
                AccessLogEntry.at,
                func.count(),
                join=(AccessLogEntry, Document.id == AccessLogEntry.document_id),
            )
        ).all(),
    )
    return stats


# Reports need not be live to the second: a computed year is kept CACHE_SECONDS and then recomputed in the
# background while the previous figures are still served (the first request of a year computes it at once).
CACHE_SECONDS = 120.0
_cache: dict[tuple[str, int, str], tuple[float, Stats]] = {}
_refreshing: set[tuple[str, int, str]] = set()
_cache_lock = threading.Lock()


def _compute_fresh(key: tuple[str, int, str]) -> Stats:
    with db.session() as s:
        stats = compute(s, key[1], key[2])
    with _cache_lock:
        _cache[key] = (time.monotonic() + CACHE_SECONDS, stats)
        _refreshing.discard(key)
    return stats


def by_quarter(monthly: Stats) -> Stats:
    """The quarterly figures, summed from the monthly ones (the counts are additive)."""
    out = Stats(
        monthly.year, "quarter", period_labels(monthly.year, "quarter"), computed_at=monthly.computed_at
    )
    for (label, ty), counts in monthly.cells.items():
        month = int(label.rsplit("-", 1)[1])
        cell = out.cells.setdefault((f"{monthly.year}-Q{(month + 2) // 3}", ty), dict.fromkeys(METRICS, 0))
        for m, n in counts.items():
            cell[m] += n
    return out


def cached_stats(year: int, period: str, *, fresh: bool = False) -> Stats:
    """The figures of ``year`` per month or quarter (quarters are summed from the cached months)."""
    if period == "quarter":
        return by_quarter(cached_stats(year, "month", fresh=fresh))
    key = (get_settings().effective_database_url, year, period)
    with _cache_lock:
        hit = _cache.get(key)
        stale = hit is None or hit[0] < time.monotonic()
        start_refresh = hit is not None and stale and not fresh and key not in _refreshing
        if start_refresh:
            _refreshing.add(key)
    if hit is None or fresh:
        return _compute_fresh(key)
    if start_refresh:
        threading.Thread(target=_refresh_quietly, args=(key,), daemon=True, name="stats-refresh").start()
    return hit[1]


def _refresh_quietly(key: tuple[str, int, str]) -> None:
    try:
        _compute_fresh(key)
    except Exception:
        with _cache_lock:
            _refreshing.discard(key)


def warm_up() -> None:
    """Compute this year's figures in the background (called when someone opens the overview)."""
    year = (datetime.now(UTC) + timedelta(hours=OFFSET_HOURS)).year
    key = (get_settings().effective_database_url, year, "month")
    with _cache_lock:
        if key in _cache or key in _refreshing:
            return
        _refreshing.add(key)
    threading.Thread(target=_refresh_quietly, args=(key,), daemon=True, name="stats-warm-up").start()
