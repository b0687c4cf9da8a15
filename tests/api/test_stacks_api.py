"""``POST /api/v1/batches`` with ``split=true``: the stack split in the background, its documents in stack
order in the batch, processed; the stack's view and thumbnails; review input attacked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from samples import stacks
from samples.stacks import DocSpec
from tests.api.conftest import auth, wait_batch


@pytest.mark.slow
def test_upload_split_stack(client: TestClient, make_key: Callable[..., str], tmp_path: Path) -> None:
    archivist = make_key("archivist")
    agency = make_key("agency", grants=("Giấy phép",))
    specs = [DocSpec("giay_phep", 701, blank_backs=(True,)), DocSpec("cong_van", 702, separator_before="qr")]
    path = stacks.write_stack(stacks.build_stack(specs, seed=7), tmp_path / "ke.pdf")
    with open(path, "rb") as fh:
        r = client.post(
            "/api/v1/batches",
            files=[("files", ("ke.pdf", fh, "application/pdf"))],
            data={"split": "true"},
            headers=auth(archivist),
        )
    assert r.status_code == 201, r.text
    batch = wait_batch(client, r.json()["id"], archivist, timeout=300)
    assert len(batch["documents"]) == 2 and batch["counts"]["received"] == 0
    stack_id = batch["stacks"][0]["id"]
    view = client.get(f"/api/v1/stacks/{stack_id}", headers=auth(archivist)).json()
    assert view["state"] == "split" and view["documents"] == batch["documents"]
    assert [p["role"] for p in view["pages"]] == ["start", "blank", "separator", "start"]
    thumb = client.get(f"/api/v1/stacks/{stack_id}/pages/1/thumbnail", headers=auth(archivist))
    assert thumb.status_code == 200 and thumb.content.startswith(b"\x89PNG")
    # hostile or wrong requests
    assert (
        client.get(f"/api/v1/stacks/{stack_id}/pages/99/thumbnail", headers=auth(archivist)).status_code
        == 404
    )
    assert (
        client.get(f"/api/v1/stacks/{stack_id}/pages/-1/thumbnail", headers=auth(archivist)).status_code
        == 404
    )
    assert (
        client.get("/api/v1/stacks/..%2F..%2Fetc/pages/0/thumbnail", headers=auth(archivist)).status_code
        == 404
    )
    assert client.get(f"/api/v1/stacks/{stack_id}", headers=auth(agency)).status_code == 403
    r = client.post(f"/api/v1/stacks/{stack_id}/review", json={"starts": [0]}, headers=auth(archivist))
    assert r.status_code == 409  # already split
    r = client.post(f"/api/v1/stacks/{stack_id}/review", json={"starts": "x"}, headers=auth(archivist))
    assert r.status_code in (400, 422)
