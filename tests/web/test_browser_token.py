"""In headless Chromium against a real ``digitize serve``: an officer gets a pairing code on their signing
page and pairs ``digitize agent`` (a separate process on the officer's "PC") with it, ticks three documents,
presses "sign with my token", and watches them get signed live while the agent signs them with a SoftHSM2
token — the key never reaches the server. Screenshots go to ``tests/artifacts/web/``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from digitize.services.signing import register_certificate
from digitize.store import db
from digitize.store.db import dispose_all
from digitize.store.models import Signature
from digitize.tools import softhsm
from tests.api.signing_helpers import done_pdf_document
from tests.support.pki import TestPKI
from tests.web.test_browser import (  # noqa: F401  (fixtures)
    Server,
    browser_page,
    shot,
    sign_in,
    start_server,
    stop_server,
    users_made,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PIN = "864213"


@pytest.fixture
def setup(
    users_made: Path,  # noqa: F811
    tmp_path: Path,
    pki: TestPKI,
) -> Iterator[tuple[Server, list[str], Path, dict[str, str]]]:
    if not softhsm.available():
        pytest.fail("SoftHSM2 is not installed (softhsm2 and opensc are in the Makefile's APT_PACKAGES)")
    docs = [done_pdf_document(tmp_path, f"gp-trinh-duyet-{i}") for i in range(3)]
    with db.session() as s:
        register_certificate(s, "user", "officer1", pki.officer.cert.read_bytes(), by="test")
    dispose_all()
    trust = tmp_path / "trust"
    trust.mkdir()
    shutil.copy(pki.root_cert, trust / "root.pem")
    server_env = {"DIGITIZE_TRUST_DIR": str(trust), "DIGITIZE_TSA_URL": pki.tsa_url}
    hsm = softhsm.SoftHsm.create(tmp_path / "token")
    hsm.init_token("officer-token", so_pin="97531", pin=PIN)
    hsm.import_key("officer-token", PIN, pki.officer.key, pki.officer.cert, label="officer", key_id="01")
    agent_env = {**os.environ, **hsm.env(), "AGENT_PIN": PIN}
    agent_env.pop("DIGITIZE_HOME", None)  # the agent's PC has no store
    srv = start_server(users_made, tmp_path, server_env)
    try:
        config = tmp_path / "agent.json"
        agent_env["AGENT_CONFIG"] = str(config)
        agent_env["AGENT_MODULE"] = str(hsm.module)
        yield srv, docs, config, agent_env
    finally:
        stop_server(srv)


def test_officer_signs_three_documents_with_the_token(
    setup: tuple[Server, list[str], Path, dict[str, str]],
    browser_page: Any,  # noqa: F811
) -> None:
    srv, docs, config, agent_env = setup
    page, base = browser_page, srv.url
    sign_in(page, base, "officer1")
    digitize = str(Path(sys.executable).parent / "digitize")

    # pairing the agent once: a code on the signing page, typed into the command on the officer's PC
    page.goto(base + "/sign")
    page.click("#pair-submit")
    code = page.locator("#pairing-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code), code
    assert f"--code {code}" in page.locator("#pairing-command").inner_text()
    shot(page, "19-pairing-code")
    paired = subprocess.run(
        [digitize, "agent", "pair", "--server", base, "--code", code, "--config", str(config)],
        env=agent_env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert paired.returncode == 0, paired.stdout + paired.stderr

    page.goto(base + "/sign")
    for doc_id in docs:
        page.check(f'input.pick[value="{doc_id}"]')
    page.select_option("#token-level", "B-T")
    shot(page, "20-token-queue")
    page.click("#token-submit")
    page.wait_for_url(re.compile(r".*/sign/token/[0-9a-f]+$"))
    assert page.locator('#token-sessions tr[data-state="pending"]').count() == 3
    shot(page, "21-token-waiting")

    # the officer's agent, on their PC: one PIN for the batch, confirmation given by --yes
    done = subprocess.run(
        [digitize, "agent", "run", "--pkcs11-module", agent_env["AGENT_MODULE"],
         "--token-label", "officer-token", "--key-label", "officer", "--pin-env", "AGENT_PIN",
         "--once", "--yes", "--config", str(config)],
        env=agent_env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signed 3/3" in done.stdout

    page.wait_for_selector('#token-batch[data-finished="1"]', timeout=60_000)  # the page follows live
    assert page.locator('#token-sessions tr[data-state="completed"]').count() == 3
    assert page.locator("#token-done").inner_text() == "3"
    shot(page, "22-token-signed")
    with db.session() as s:
        rows = s.scalars(select(Signature).where(Signature.document_id.in_(docs))).all()
    assert len(rows) == 3 and all(r.verified and r.level == "B-T" for r in rows)
