"""``digitize ingest STACK --split --wait --json``: one document per original document, in stack order, each
processed (its number read), the stack kept whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from digitize.cli import main
from samples import generate as g
from samples import stacks
from samples.stacks import DocSpec


@pytest.mark.slow
def test_ingest_split_wait(digitize_home: Path, tmp_path: Path) -> None:
    specs = [
        DocSpec("giay_chung_nhan", 901, blank_backs=(True,)),
        DocSpec("quyet_dinh", 902, rotations=(180,), annex=True),
        DocSpec("cong_van", 903, separator_before="patch"),
    ]
    path = stacks.write_stack(stacks.build_stack(specs, seed=9), tmp_path / "stack.pdf")
    res = CliRunner().invoke(main, ["ingest", str(path), "--split", "--wait", "--json", "--workers", "2"])
    assert res.exit_code == 0, res.output
    batch = json.loads(res.output[res.output.index("{") :])
    assert batch["state"] == "done" and len(batch["documents"]) == 3
    assert batch["stacks"][0]["state"] == "split"
    shown = CliRunner().invoke(main, ["search", "", "--json"])
    assert shown.exit_code == 0
    records = {r["id"]: r for r in json.loads(shown.output)["items"]}
    for doc_id, spec in zip(batch["documents"], specs, strict=True):
        want = g.make_content(spec.kind, spec.seed).fields["code_number"]
        assert records[doc_id]["fields"]["code_number"] == want
