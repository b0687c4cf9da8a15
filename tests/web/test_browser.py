"""End to end in headless Chromium (Debian's ``chromium``, driven by Playwright) against a real
``digitize serve``: sign in, upload generated scans, watch the batch finish, correct a field with the
keyboard, sign, verify, search without diacritics. Screenshots of every page go to ``tests/artifacts/web/``.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from digitize.store import db
from digitize.store.auth import create_user
from digitize.store.db import dispose_all
from tests.support.pki import TestPKI
from tests.support.scans import make_licence
from tests.web.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts" / "web"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOLDERS = [
    ("Nguyễn Văn An", "0101234567", "Đà Nẵng"),
    ("Trần Thị Bích Hằng", "0400111222", "Yên Bái"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    home: Path
    log: Path
    proc: subprocess.Popen[bytes]


def start_server(home: Path, workdir: Path, extra_env: dict[str, str] | None = None) -> Server:
    """``digitize serve`` on a free port with ``home`` as DIGITIZE_HOME (one worker process)."""
    env = dict(os.environ)
    env["DIGITIZE_HOME"] = str(home)
    env.update(extra_env or {})
    port = _free_port()
    log = workdir / "serve.log"
    digitize = Path(sys.executable).parent / "digitize"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(digitize), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=workdir,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_server(Server(url, home, log, proc))
            raise AssertionError("digitize serve did not start:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(0.3)
    return Server(url, home, log, proc)


def stop_server(server: Server) -> None:
    proc = server.proc
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture
def users_made(digitize_home: Path) -> Path:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "chromium is not installed (apt-get install chromium; it is in the Makefile's APT_PACKAGES)"
        )
    with db.session() as s:
        for role in ("archivist", "reviewer", "officer", "admin"):
            create_user(s, name=f"{role}1", role=role, password=PASSWORD)
    dispose_all()
    return digitize_home


def signing_env(pki: TestPKI, workdir: Path) -> dict[str, str]:
    """A signing profile with the test officer's PKCS#12, the test root trusted for signing and verifying."""
    trust = workdir / "trust"
    trust.mkdir()
    shutil.copy(pki.root_cert, trust / "root.pem")
    profiles = workdir / "signing.toml"
    profiles.write_text(
        "[profiles.giam-doc]\n"
        'role = "leader"\n'
        'level = "B-B"\n'
        f'p12 = "{pki.officer.p12}"\n'
        'p12_password_env = "WEB_TEST_P12_PASSWORD"\n'
        'title = "Giám đốc"\n'
        'users = ["officer1"]\n',
        encoding="utf-8",
    )
    return {
        "DIGITIZE_SIGNING_PROFILES_FILE": str(profiles),
        "DIGITIZE_TRUST_DIR": str(trust),
        "WEB_TEST_P12_PASSWORD": pki.p12_password,
    }


@pytest.fixture
def server(users_made: Path, tmp_path: Path, pki: TestPKI) -> Iterator[Server]:
    srv = start_server(users_made, tmp_path, signing_env(pki, tmp_path))
    try:
        yield srv
    finally:
        stop_server(srv)


@pytest.fixture
def browser_page(tmp_path: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="vi-VN"
        )
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            yield page
            # no script error and nothing refused by the Content-Security-Policy on any page visited
            assert not [e for e in errors if "Failed to load resource" not in e], errors
        finally:
            context.close()
            browser.close()


def shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def sign_in(page: Any, base: str, name: str) -> None:
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url(re.compile(r".*/$"))


def sign_out(page: Any) -> None:
    page.click("#logout")
    page.wait_for_url(re.compile(r".*/login$"))


def test_browser_upload_review_search(server: Server, browser_page: Any, tmp_path: Path) -> None:
    page, base = browser_page, server.url
    scans = [make_licence(tmp_path / f"giay-phep-{i}.png", 200 + i, *h) for i, h in enumerate(HOLDERS)]

    # sign-in page, in Vietnamese by default
    page.goto(base + "/")
    page.wait_for_url(re.compile(r".*/login.*"))
    assert page.locator("h1").inner_text() == "Đăng nhập"
    shot(page, "01-login")
    page.fill("#name", "archivist1")
    page.fill("#password", "sai mật khẩu")
    page.click("#login-submit")
    assert "Sai tên hoặc mật khẩu" in page.locator("#login-error").inner_text()
    sign_in(page, base, "archivist1")
    shot(page, "02-home")

    # upload: choose the files, send, land on the batch page which follows the work until it is done
    page.goto(base + "/upload")
    page.set_input_files("#files", [str(p) for p in scans])
    assert "2" in page.locator("#upload-status").inner_text()
    page.fill("#batch-name", "Lô thử trình duyệt")
    shot(page, "03-upload")
    page.click("#upload-submit")
    page.wait_for_url(re.compile(r".*/batches/[0-9a-f]{32}$"))
    shot(page, "04-batch-progress")
    page.wait_for_selector('#batch-progress[data-state="done"]', timeout=240_000)
    counts = {k: int(page.locator(f"#count-{k}").inner_text()) for k in ("done", "needs_review", "failed")}
    assert counts["done"] + counts["needs_review"] == 2, counts
    assert counts["failed"] == 0
    shot(page, "05-batch-done")
    page.goto(base + "/batches")
    assert "Lô thử trình duyệt" in page.locator("#batches").inner_text()

    # the same scans again, as a folder: nothing new to recognise, the batch is done at once
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    for p in scans:
        shutil.copy(p, folder / p.name)
    page.goto(base + "/upload")
    page.set_input_files("#folder", str(folder))
    assert "2" in page.locator("#upload-status").inner_text()
    assert "thu-muc/giay-phep-0.png" in page.locator("#picked").inner_text()
    # and one more dropped on the drop zone (the same content under another name)
    data = base64.b64encode(scans[1].read_bytes()).decode()
    transfer = page.evaluate_handle(
        """(b64) => { const dt = new DataTransfer();
             const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
             dt.items.add(new File([bytes], "keo-tha.png", {type: "image/png"})); return dt; }""",
        data,
    )
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
    assert "keo-tha.png" in page.locator("#picked").inner_text()
    assert "3" in page.locator("#upload-status").inner_text()
    page.click("#upload-submit")
    page.wait_for_url(re.compile(r".*/batches/[0-9a-f]{32}$"))
    page.wait_for_selector('#batch-progress[data-state="done"]', timeout=60_000)
    assert page.locator("#batch-progress tbody tr").count() == 2  # three files, two documents already stored
    sign_out(page)

    # search without diacritics (as the reviewer)
    sign_in(page, base, "reviewer1")
    page.goto(base + "/search")
    page.fill("#q", "nguyen van an")
    page.click("#search-submit")
    page.wait_for_url(re.compile(r".*/search\?.*q=nguyen.*"))
    rows = page.locator("#results tbody tr")
    assert rows.count() == 1  # found through the OCR text: "Nguyễn Văn An" typed without diacritics
    assert "giay-phep-0.png" in rows.first.inner_text() or "Nguyễn Văn An" in rows.first.inner_text()
    shot(page, "06-search")
    rows.first.locator("a").first.click()
    page.wait_for_url(re.compile(r".*/documents/[0-9a-f]{32}$"))
    doc_url = page.url
    doc_id = doc_url.rsplit("/", 1)[-1]
    assert page.locator("#download-searchable").count() == 1
    shot(page, "07-document")

    # review with the keyboard: move to the holder's name with j, edit with e, type, Enter saves
    page.goto(f"{base}/review/{doc_id}")
    page.wait_for_selector("#page-image")
    page.wait_for_function("document.getElementById('page-image').naturalWidth > 0")
    shot(page, "08-review")
    page.keyboard.press("Escape")
    page.locator('tr.field[data-name="type_name"]').focus()
    target_index = [
        page.locator("tr.field").nth(i).get_attribute("data-name")
        for i in range(page.locator("tr.field").count())
    ].index("holder_name")
    type_index = 0
    for _ in range(target_index - type_index):
        page.keyboard.press("j")
    assert page.locator("tr.field.selected").get_attribute("data-name") == "holder_name"
    page.keyboard.press("e")
    page.keyboard.type("Công ty TNHH Nguyễn Văn An")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "saved=1" in page.url or page.url.endswith("/review?done=1")
    page.goto(doc_url)
    history = page.locator("#history").inner_text()
    assert "Công ty TNHH Nguyễn Văn An" in history and "user:reviewer1" in history
    shot(page, "09-document-history")

    # the corrected value is found without diacritics too
    page.goto(base + "/search?q=cong+ty+tnhh+nguyen")
    assert page.locator("#results tbody tr").count() == 1
    sign_out(page)

    # the officer signs the reviewed document from the signing queue with the server's profile
    sign_in(page, base, "officer1")
    page.goto(base + "/sign")
    assert page.locator("#profile option").all_inner_texts() == ["giam-doc"]
    page.check(f'input.pick[value="{doc_id}"]')
    shot(page, "12-sign-queue")
    page.click("#sign-submit")
    page.wait_for_url(re.compile(r".*/sign/jobs/[0-9a-f]+$"))
    page.wait_for_selector('#sign-job[data-finished="1"]', timeout=120_000)
    result = page.locator("#sign-results tbody tr").first
    assert "Đã ký" in result.inner_text(), result.inner_text()
    shot(page, "13-sign-result")
    signed = tmp_path / "signed.pdf"
    response = page.request.get(base + f"/api/v1/documents/{doc_id}/file?variant=signed")
    assert response.status == 200
    signed.write_bytes(response.body())
    assert signed.read_bytes().startswith(b"%PDF")
    page.goto(doc_url)
    assert "Nguyễn Văn An" in page.locator("#signatures").inner_text()
    assert page.locator("#download-signed").count() == 1
    page.click("#validity-decide summary")
    shot(page, "15-document-signed")
    sign_out(page)

    # anyone verifies the signed PDF on the public page: valid, and known to the store
    page.goto(base + "/verify")
    page.set_input_files("#verify-file", str(signed))
    page.click("#verify-submit")
    page.wait_for_selector("#report")
    verdict = page.locator("#verdict").inner_text()
    assert "HỢP LỆ" in verdict and "KHÔNG" not in verdict, verdict
    assert "Văn bản do hệ thống này phát hành" in page.locator("#registry").inner_text()
    assert "Nguyễn Văn An" in page.locator("#sig-1").inner_text()
    shot(page, "14-verify-signed")

    # the English switch
    sign_in(page, base, "reviewer1")
    page.goto(base + "/search")
    page.click("#lang-switch")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Search documents"
    shot(page, "10-search-en")
    page.goto(base + "/stats?fresh=1")
    assert page.locator("#stats-chart").count() == 1
    assert int(page.locator("#total-received").inner_text()) == 2
    shot(page, "11-stats-en")


def test_browser_verify_page_without_sign_in(server: Server, browser_page: Any, tmp_path: Path) -> None:
    """The public page: an unsigned file gets a readable FAILED report, in Vietnamese and English."""
    page, base = browser_page, server.url
    bogus = tmp_path / "khong-ky.pdf"
    bogus.write_bytes(b"%PDF-1.4\n% not signed and not even complete\n")
    page.goto(base + "/verify")
    page.set_input_files("#verify-file", str(bogus))
    page.click("#verify-submit")
    page.wait_for_selector("#report")
    assert "KHÔNG HỢP LỆ" in page.locator("#verdict").inner_text()
    shot(page, "20-verify-failed")
    page.goto(base + "/verify?lang=en")
    page.set_input_files("#verify-file", str(bogus))
    page.click("#verify-submit")
    page.wait_for_selector("#report")
    assert "FAILED" in page.locator("#verdict").inner_text()


def _cleanup_artifacts() -> None:  # pragma: no cover - manual helper
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
