"""schemathesis (property-based requests generated from the OpenAPI, from PyPI) against ``/openapi.json`` as
admin, on a real uvicorn: no 5xx, no status code the OpenAPI does not document. Bounded examples per
operation, deterministic generation (the same requests every run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.security.server import serve

MAX_EXAMPLES = 20


@pytest.mark.slow
def test_openapi_as_admin_no_5xx_no_undocumented_status(digitize_home: Path, tmp_path: Path) -> None:
    from digitize.store import db
    from digitize.store.auth import create_api_key

    with db.session() as s:
        _, key = create_api_key(s, role="admin", name="schemathesis")
    cli = Path(sys.executable).with_name("schemathesis")
    assert cli.exists(), "schemathesis is a dev dependency (pip install -e '.[dev]')"
    with serve() as host:
        run = subprocess.run(
            [
                str(cli),
                "run",
                f"http://{host}/openapi.json",
                "--header",
                f"Authorization: Bearer {key}",
                "--checks",
                "not_a_server_error,status_code_conformance",
                "--max-examples",
                str(MAX_EXAMPLES),
                "--generation-deterministic",
                "--request-timeout",
                "120",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=1500,
            cwd=tmp_path,
        )
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-3000:]
