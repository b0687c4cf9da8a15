"""Fixity: recompute the sha256 of every stored object (local directory or S3) and compare it with the one
the store recorded. Reports missing and changed objects; never "repairs" anything (an archive must learn
that an object changed, not have it silently replaced).

Objects are the rows of ``variants`` (originals, searchable and signed PDFs), read by id in pages; each is
streamed in 1 MiB chunks. The outcome of each run is written to the audit trail (``fixity.audit``) so the
admin page and the Prometheus metric show the last one.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from digitize.config import Settings, get_settings
from digitize.errors import DigitizeError, NotFound
from digitize.store import db
from digitize.store.models import AuditEntry, Stack, Variant
from digitize.store.objects import CHUNK, ObjectStore, get_object_store

ACTION = "fixity.audit"
MAX_LISTED = 1000  # problems kept in the report and the audit trail (all are counted)


class Problem(StrEnum):
    MISSING = "missing"
    CHANGED = "changed"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class FixityProblem:
    key: str
    document_id: str
    kind: str
    expected: str
    problem: Problem
    actual: str | None = None
    detail: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "document_id": self.document_id,
            "kind": self.kind,
            "problem": str(self.problem),
            "expected_sha256": self.expected,
            "actual_sha256": self.actual,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class FixityReport:
    checked: int
    bytes: int
    seconds: float
    problems: tuple[FixityProblem, ...] = field(default=())
    problem_count: int = 0  # all of them (``problems`` lists the first MAX_LISTED)
    storage: str = ""

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "problem_count": self.problem_count,
            "missing": sum(1 for p in self.problems if p.problem == Problem.MISSING),
            "changed": sum(1 for p in self.problems if p.problem == Problem.CHANGED),
            "problems": [p.as_dict() for p in self.problems],
            "storage": self.storage,
        }


def _hash(objects: ObjectStore, key: str) -> tuple[str, int]:
    h = hashlib.sha256()
    n = 0
    with objects.open(key) as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


def audit_objects(
    settings: Settings | None = None,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    page_size: int = 500,
    record: bool = True,
) -> FixityReport:
    """Check every stored object; ``record`` writes the outcome to the audit trail."""
    settings = settings or get_settings()
    objects = get_object_store(settings)
    started = time.monotonic()
    with db.session(settings) as s:
        total = int(s.scalar(select(func.count(Variant.id))) or 0)
        total += int(s.scalar(select(func.count(Stack.id))) or 0)
    checked = nbytes = count = 0
    problems: list[FixityProblem] = []
    seen: set[str] = set()  # keys of the current page (the same object listed twice is read once)

    def check(key: str, expected: str, owner: str, kind: str) -> None:
        nonlocal checked, nbytes, count
        problem: FixityProblem | None = None
        try:
            actual, n = _hash(objects, key)
            nbytes += n
            if actual != expected:
                problem = FixityProblem(key, owner, kind, expected, Problem.CHANGED, actual)
        except NotFound:
            problem = FixityProblem(key, owner, kind, expected, Problem.MISSING)
        except (OSError, DigitizeError) as exc:
            problem = FixityProblem(key, owner, kind, expected, Problem.UNREADABLE, detail=str(exc))
        checked += 1
        if problem is not None:
            count += 1
            if len(problems) < MAX_LISTED:
                problems.append(problem)

    after = 0
    while True:
        with db.session(settings) as s:
            rows = s.execute(
                select(Variant.id, Variant.key, Variant.sha256, Variant.document_id, Variant.kind)
                .where(Variant.id > after)
                .order_by(Variant.id)
                .limit(page_size)
            ).all()
        if not rows:
            break
        seen.clear()
        for _vid, key, expected, doc_id, kind in rows:
            if key in seen:
                checked += 1
                continue
            seen.add(key)
            check(key, expected, doc_id, kind)
        after = rows[-1][0]
        if on_progress is not None:
            on_progress(checked, total)
    # the stack scans kept whole (issue 15): originals a user uploaded, as the documents' are
    after_stack = ""
    while True:
        with db.session(settings) as s:
            stacks = s.execute(
                select(Stack.id, Stack.original_key, Stack.sha256)
                .where(Stack.id > after_stack)
                .order_by(Stack.id)
                .limit(page_size)
            ).all()
        if not stacks:
            break
        for stack_id, key, expected in stacks:
            check(key, expected, stack_id, "stack")
        after_stack = stacks[-1][0]
        if on_progress is not None:
            on_progress(checked, total)
    report = FixityReport(
        checked=checked,
        bytes=nbytes,
        seconds=time.monotonic() - started,
        problems=tuple(problems),
        problem_count=count,
        storage=_storage_label(settings),
    )
    if record:
        with db.session(settings) as s:
            detail = report.as_dict()
            detail["problems"] = detail["problems"][:100]
            s.add(AuditEntry(actor="system", action=ACTION, target=None, detail=detail))
    return report


def _storage_label(settings: Settings) -> str:
    url = settings.effective_storage_url
    return url.split("?", 1)[0]


def last_audit(settings: Settings | None = None) -> dict[str, Any] | None:
    """The outcome of the last fixity audit (with its time), or None when none ran."""
    from digitize.store.service import iso

    with db.session(settings or get_settings()) as s:
        row = s.scalar(
            select(AuditEntry).where(AuditEntry.action == ACTION).order_by(AuditEntry.id.desc()).limit(1)
        )
        if row is None:
            return None
        return {"at": iso(row.at), **(row.detail or {})}


class FixityCollector:
    """Prometheus gauges of the last fixity audit (read from the audit trail at scrape time):
    ``digitize_fixity_last_run_timestamp_seconds``, ``digitize_fixity_objects_checked``,
    ``digitize_fixity_problems`` (missing or changed objects; alert when > 0)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings

    def collect(self) -> Any:
        from prometheus_client.core import GaugeMetricFamily

        try:
            last = last_audit(self._settings or get_settings())
        except Exception:  # the database is away: StoreCollector says so
            return
        at = GaugeMetricFamily(
            "digitize_fixity_last_run_timestamp_seconds", "When the last fixity audit finished (0: never)."
        )
        checked = GaugeMetricFamily("digitize_fixity_objects_checked", "Objects the last fixity audit read.")
        problems = GaugeMetricFamily(
            "digitize_fixity_problems", "Objects missing or changed at the last fixity audit."
        )
        if last is None:
            at.add_metric([], 0)
        else:
            from datetime import datetime

            at.add_metric([], datetime.fromisoformat(str(last["at"]).replace("Z", "+00:00")).timestamp())
            checked.add_metric([], float(last.get("checked") or 0))
            problems.add_metric([], float(last.get("problem_count") or 0))
        yield at
        yield checked
        yield problems
