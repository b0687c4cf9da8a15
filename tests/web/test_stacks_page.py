"""The stack review screen: thumbnails and roles shown; staff move a boundary with the keyboard (real
Chromium) and the documents are made; the form refuses a missing CSRF token and malformed boundaries."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from digitize.ingest import ingest_paths
from digitize.pipeline.split import PageRole, Reason
from digitize.services.stacks import StackState
from digitize.store import db
from digitize.store.db import dispose_all
from digitize.store.models import Stack, StackPage
from samples import stacks
from samples.stacks import DocSpec
from tests.web.conftest import csrf_of
from tests.web.test_browser import (  # noqa: F401  (fixtures)
    Server,
    browser_page,
    sign_in,
    start_server,
    stop_server,
    users_made,
)

# three single-page documents; the machine was unsure about page 2 and wrongly joined it to page 1
ROLES = [
    (PageRole.START, Reason.FIRST_PAGE, 1.0),
    (PageRole.CONTINUATION, Reason.NO_HEADER, 0.82),
    (PageRole.CONTINUATION, Reason.NO_HEADER, 0.6),
    (PageRole.BLANK, Reason.BLANK_PAGE, 0.99),
]


def _seed(tmp: Path) -> str:
    """A stored stack waiting for review (its pages' roles written as the split would, without the OCR)."""
    specs = [
        DocSpec("cong_van", 601),
        DocSpec("giay_phep", 602),
        DocSpec("quyet_dinh", 603, blank_backs=(True,)),
    ]
    path = stacks.write_stack(stacks.build_stack(specs, seed=6), tmp / "ke.pdf")
    report = ingest_paths([path], split=True)
    stack_id = report.new_stack_ids[0]
    with db.session() as s:
        stack = s.get(Stack, stack_id)
        assert stack is not None
        stack.state, stack.page_count, stack.pages_examined = StackState.NEEDS_REVIEW, 4, 4
        for i, (role, reason, conf) in enumerate(ROLES):
            s.add(StackPage(stack_id=stack_id, index=i, role=role, reason=reason, confidence=conf))
    dispose_all()
    return stack_id


def test_review_form_refuses_bad_input(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    stack_id = _seed(tmp_path)
    client = login("archivist")
    page = client.get(f"/stacks/{stack_id}")
    assert page.status_code == 200
    assert page.text.count("/thumbnail") == 4 and "stack-pages" in page.text
    token = csrf_of(page.text)
    assert client.post(f"/stacks/{stack_id}", data={"starts": "0,2"}).status_code == 403  # no CSRF token
    bad = client.post(f"/stacks/{stack_id}", data={"starts": "0,../1", "csrf_token": token})
    assert bad.status_code == 400
    bad = client.post(f"/stacks/{stack_id}", data={"starts": "0,3", "csrf_token": token})  # a blank page
    assert bad.status_code == 400
    with db.session() as s:
        assert s.get(Stack, stack_id).state == StackState.NEEDS_REVIEW  # type: ignore[union-attr]
    assert login("reviewer").post(f"/stacks/{stack_id}", data={"starts": "0"}).status_code == 403


@pytest.fixture
def stack_server(users_made: Path, tmp_path: Path) -> Iterator[tuple[Server, str]]:  # noqa: F811
    stack_id = _seed(tmp_path)
    srv = start_server(users_made, tmp_path)
    try:
        yield srv, stack_id
    finally:
        stop_server(srv)


@pytest.mark.browser
def test_keyboard_moves_a_boundary(stack_server: tuple[Server, str], browser_page: Any) -> None:  # noqa: F811
    server, stack_id = stack_server
    page = browser_page
    sign_in(page, server.url, "archivist1")
    page.goto(f"{server.url}/stacks/{stack_id}")
    # the first unsure page has the focus: page 3 (index 2)
    assert page.evaluate("document.activeElement.getAttribute('data-index')") == "2"
    page.keyboard.press("Enter")  # page 3 opens a document
    page.keyboard.press("ArrowLeft")
    page.keyboard.press(" ")  # and page 2 too
    assert page.input_value("#stack-starts") == "0,1,2"
    page.keyboard.press("End")
    page.keyboard.press("Enter")  # a blank page takes no boundary
    assert page.input_value("#stack-starts") == "0,1,2"
    page.keyboard.press("s")
    page.wait_for_url(re.compile(rf".*/stacks/{stack_id}$"))
    page.wait_for_selector(".badge.state-split")
    dispose_all()
    with db.session() as s:
        docs = s.execute(
            select(StackPage.index, StackPage.document_id)
            .where(StackPage.stack_id == stack_id)
            .order_by(StackPage.index)
        ).all()
    assert len({d for _, d in docs[:3]}) == 3 and docs[3][1] == docs[2][1]  # the blank back marked on doc 3
