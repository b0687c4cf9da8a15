"""Finding 8 (unsafe deployment defaults): no default secrets, only the API published (on loopback), a TLS
proxy believed only when named, weak session secrets refused at start, private files under DIGITIZE_HOME."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from click.testing import CliRunner

from digitize.cli import main
from digitize.config import get_settings, reset_settings
from digitize.errors import UsageError
from digitize.startup import check_secrets, harden_home, weak_secret
from tests.security.server import serve

REPO = Path(__file__).resolve().parents[2]
SECRETS = ("POSTGRES_PASSWORD", "MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "DIGITIZE_SECRET_KEY")


def test_compose_has_no_default_secret_and_publishes_only_the_api_on_loopback() -> None:
    text = (REPO / "docker-compose.yml").read_text()
    for name in SECRETS:
        uses = re.findall(r"(?<!\$)\$\{" + name + r"(:?[-?][^}]*)?\}", text)
        assert uses, name
        assert all(u.startswith(":?") for u in uses), f"{name} has a default or may be empty: {uses}"
    for default in ("digitize-secret", "minioadmin", ":-digitize}@"):
        assert default not in text
    compose = yaml.safe_load(text)
    published = {name: svc.get("ports") for name, svc in compose["services"].items() if svc.get("ports")}
    assert set(published) == {"api"}
    assert all(str(p).startswith("127.0.0.1:") for p in published["api"])


@pytest.mark.parametrize(
    "secret",
    ["changeme", "digitize-secret", "short-but-random-Xy7", "a" * 64, "abababababababababababababababab"],
)
def test_weak_session_secrets_are_refused_at_start(secret: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert weak_secret(secret)
    monkeypatch.setenv("DIGITIZE_SECRET_KEY", secret)
    reset_settings()
    with pytest.raises(UsageError):
        check_secrets(get_settings())
    result = CliRunner().invoke(main, ["--lang", "en", "serve", "--port", "0"])
    assert result.exit_code == UsageError.exit_code
    assert "DIGITIZE_SECRET_KEY is too weak" in result.output


def test_a_weak_secret_file_and_default_passwords_are_refused(
    digitize_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (digitize_home / "secret_key").write_text("secret")
    with pytest.raises(UsageError, match="yếu"):
        check_secrets(get_settings())
    (digitize_home / "secret_key").unlink()
    check_secrets(get_settings())  # none yet: a strong one is made on first use
    monkeypatch.setenv("DIGITIZE_DATABASE_URL", "postgresql+psycopg://digitize:digitize@db:5432/digitize")
    reset_settings()
    with pytest.raises(UsageError):
        check_secrets(get_settings())
    monkeypatch.setenv("DIGITIZE_DATABASE_URL", "postgresql+psycopg://digitize:Zx9-long-random@db:5432/d")
    monkeypatch.setenv("DIGITIZE_S3_SECRET_KEY", "minioadmin")
    reset_settings()
    with pytest.raises(UsageError):
        check_secrets(get_settings())
    monkeypatch.setenv("DIGITIZE_S3_SECRET_KEY", "kY3-random-and-long-enough")
    monkeypatch.setenv("DIGITIZE_SECRET_KEY", "q" + os.urandom(24).hex())
    reset_settings()
    check_secrets(get_settings())


def test_home_files_are_private(digitize_home: Path) -> None:
    (digitize_home / "objects" / "ab").mkdir(parents=True)
    os.chmod(digitize_home / "objects", 0o755)
    (digitize_home / "digitize.db").write_bytes(b"x")
    os.chmod(digitize_home / "digitize.db", 0o644)
    (digitize_home / "objects" / "ab" / "cd").write_bytes(b"y")
    os.chmod(digitize_home / "objects" / "ab" / "cd", 0o444)
    old = os.umask(0o022)
    try:
        harden_home(digitize_home)
        (digitize_home / "new-file").write_bytes(b"z")
        (digitize_home / "new-dir").mkdir()
    finally:
        os.umask(old)

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    assert mode(digitize_home) == 0o700 and mode(digitize_home / "objects") == 0o700
    assert mode(digitize_home / "digitize.db") == 0o600
    assert mode(digitize_home / "objects" / "ab" / "cd") == 0o400
    assert mode(digitize_home / "new-file") == 0o600 and mode(digitize_home / "new-dir") == 0o700


def test_stored_objects_are_not_world_readable(digitize_home: Path, tmp_path: Path) -> None:
    from digitize.store.objects import make_object_store

    src = tmp_path / "a.bin"
    src.write_bytes(b"%PDF-1.7 original")
    store = make_object_store(get_settings().effective_storage_url)
    assert store.put_file("originals/ab/abc", src, media_type="application/pdf")
    stored = [p for p in (digitize_home / "objects").rglob("abc")]
    assert stored and stat.S_IMODE(stored[0].stat().st_mode) & 0o077 == 0


@pytest.fixture
def umask() -> Any:
    """``serve`` sets the process's umask to 077: put the test process's back afterwards."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def test_serve_believes_forwarded_headers_only_from_named_proxies(
    monkeypatch: pytest.MonkeyPatch, umask: Any
) -> None:
    import uvicorn

    seen: list[Any] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: seen.append(self.config))
    assert CliRunner().invoke(main, ["serve", "--port", "0"]).exit_code == 0
    assert (
        CliRunner().invoke(main, ["serve", "--port", "0", "--forwarded-allow-ips", "10.0.0.7"]).exit_code == 0
    )
    monkeypatch.setenv("DIGITIZE_FORWARDED_ALLOW_IPS", "10.0.0.8")
    reset_settings()
    assert CliRunner().invoke(main, ["serve", "--port", "0"]).exit_code == 0
    assert seen[0].proxy_headers is False
    assert seen[1].proxy_headers is True and seen[1].forwarded_allow_ips == "10.0.0.7"
    assert seen[2].proxy_headers is True and seen[2].forwarded_allow_ips == "10.0.0.8"


def test_behind_the_tls_proxy_the_session_cookie_is_secure() -> None:
    with serve(proxy_headers=True, forwarded_allow_ips="127.0.0.1") as address:
        r = requests.get(f"http://{address}/login", headers={"X-Forwarded-Proto": "https"}, timeout=30)
        assert "secure" in r.headers["set-cookie"].lower()
    with serve(proxy_headers=False) as address:  # not a trusted proxy: the header means nothing
        r = requests.get(f"http://{address}/login", headers={"X-Forwarded-Proto": "https"}, timeout=30)
        assert "secure" not in r.headers["set-cookie"].lower()
