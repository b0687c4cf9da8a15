"""Stacks into the store (issue 15): kept whole, split into documents in stack order with their provenance,
blank pages marked, unsure splits held for review, staff's boundaries applied; hostile review input."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import select

from digitize.errors import Conflict, NotFound, UsageError
from digitize.ingest import ingest_paths
from digitize.pipeline import split as split_mod
from digitize.services import stacks as service
from digitize.services.stacks import StackState
from digitize.store import db
from digitize.store.models import Document, Stack, StackPage, Variant
from digitize.store.objects import get_object_store
from digitize.store.service import batch_view
from samples import stacks
from samples.stacks import DocSpec


@pytest.fixture(scope="module")
def stack_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:  # type: ignore[type-arg]
    specs = [
        DocSpec("quyet_dinh", 801, annex=True, blank_backs=(True,)),
        DocSpec("giay_phep", 802, separator_before="qr", rotations=(90,)),
        DocSpec("cong_van", 803),
    ]
    stack = stacks.build_stack(specs, seed=8)
    path = stacks.write_stack(stack, tmp_path_factory.mktemp("stack") / "ke_01.pdf")
    return path, stack.truth()


def _ingest(path: Path) -> tuple[str, str]:
    report = ingest_paths([path], split=True)
    assert report.document_ids == [] and len(report.new_stack_ids) == 1
    return report.batch_id, report.new_stack_ids[0]


def test_stack_is_kept_whole_and_split_in_order(database: str, stack_pdf) -> None:  # type: ignore[no-untyped-def]
    path, truth = stack_pdf
    batch_id, stack_id = _ingest(path)
    with db.session() as s:
        assert batch_view(s, batch_id).state == "queued"
    outcome = service.split_stack(stack_id, jobs=2, dispatch=False)
    assert outcome.state is StackState.SPLIT
    assert len(outcome.document_ids) == len(truth["documents"]) == 3
    assert service.split_stack(stack_id, jobs=2).document_ids == outcome.document_ids  # harmless again
    objects = get_object_store()
    with db.session() as s:
        view = batch_view(s, batch_id)
        assert list(view.documents) == list(outcome.document_ids)  # stack order
        assert view.stacks[0]["state"] == "split"
        stack = s.get(Stack, stack_id)
        assert stack is not None and stack.page_count == truth["pages"]
        # the original stack, whole and unchanged
        assert objects.read_bytes(stack.original_key) == path.read_bytes()
        for doc_id, want in zip(outcome.document_ids, truth["documents"], strict=True):
            doc = s.get(Document, doc_id)
            assert doc is not None and doc.stack_id == stack_id and doc.state == "received"
            rows = s.scalars(select(StackPage).where(StackPage.document_id == doc_id)).all()
            assert sorted(r.index for r in rows if r.role != "blank") == want["pages"]
            assert sorted(r.index for r in rows if r.role == "blank") == want["blank_pages"]
            original = s.scalars(
                select(Variant).where(Variant.document_id == doc_id, Variant.kind == "original")
            ).one()
            assert original.derived_from == stack.sha256
            with objects.as_local_file(original.key, suffix=".pdf") as f, pikepdf.open(f) as pdf:
                assert len(pdf.pages) == len(want["pages"])  # blank pages left out of the document
        separators = s.scalars(
            select(StackPage.index).where(StackPage.stack_id == stack_id, StackPage.role == "separator")
        ).all()
        assert list(separators) == truth["separators"]
        assert all(
            r.document_id is None
            for r in s.scalars(select(StackPage).where(StackPage.index.in_(truth["separators"])))
        )


def test_unsure_split_waits_for_review_then_staff_boundaries_apply(
    database: str, stack_pdf, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path, truth = stack_pdf
    monkeypatch.setattr(split_mod, "REVIEW_BELOW", 1.01)  # every decision "unsure"
    batch_id, stack_id = _ingest(path)
    outcome = service.split_stack(stack_id, jobs=2, dispatch=False)
    assert outcome.state is StackState.NEEDS_REVIEW and outcome.document_ids == ()
    with db.session() as s:
        assert batch_view(s, batch_id).state == "processing"
        view = service.stack_view(s, stack_id)
    assert [d["pages"] for d in view["proposed"]] == [d["pages"] for d in truth["documents"]]
    assert service.thumbnail(stack_id, 0).startswith(b"\x89PNG")
    with pytest.raises(NotFound):
        service.thumbnail(stack_id, truth["pages"])
    with pytest.raises(NotFound):
        service.thumbnail(stack_id, -1)
    # a boundary on a separator or beyond the stack is refused, nothing made
    with pytest.raises(UsageError):
        service.review_stack(stack_id, [0, truth["separators"][0]], actor="tester")
    with pytest.raises(UsageError):
        service.review_stack(stack_id, [0, 10_000], actor="tester")
    # staff merge the last two documents (the boundary at the third one's first page dropped); a separator
    # sheet still closes the first
    second, third = truth["documents"][1]["pages"][0], truth["documents"][2]["pages"][0]
    done = service.review_stack(stack_id, [second], actor="tester")
    assert done.state is StackState.SPLIT and len(done.document_ids) == 2
    with db.session() as s:
        merged = s.scalars(select(StackPage).where(StackPage.document_id == done.document_ids[1])).all()
        assert {second, third} <= {r.index for r in merged}
        assert s.get(Stack, stack_id).reviewed_by == "tester"  # type: ignore[union-attr]
    with pytest.raises(Conflict):
        service.review_stack(stack_id, [0], actor="tester")
