"""The shipped Vietnamese trust list and ``digitize trust list|add|crl import``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from asn1crypto import pem
from click.testing import CliRunner

from digitize import trust
from digitize.cli import main
from digitize.config import reset_settings
from digitize.trust import Origin, Role, load_trust, shipped
from digitize.trust.crls import cached
from tests.support.pki import TestPKI

ANCHOR_NAMES = {
    "RootCA chuyên dùng Chính phủ G2",
    "Co quan chung thuc so chuyen dung Chinh phu (RootCA)",
    "Vietnam National Root CA",
    "Vietnam National Root CA G3",
    "MIC National Root CA",
}


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in (result.stdout + result.stderr), result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_manifest_fingerprints_and_sources() -> None:
    manifest = json.loads(trust.MANIFEST.read_text(encoding="utf-8"))["certificates"]
    assert len(manifest) == len(shipped()) >= 20
    for entry in manifest:
        data = (trust.PACKAGE_DIR / entry["file"]).read_bytes()
        _kind, _headers, der = pem.unarmor(data)
        assert hashlib.sha256(der).hexdigest() == entry["sha256"]
        assert entry["source"]
        if "realworld/trust" not in entry["source"]:
            # found elsewhere: only a CA certificate a shipped root vouches for, and said so
            assert entry["role"] == "intermediate" and "verifies under" in entry["note"]


def test_every_certificate_issued_by_a_shipped_root_verifies_under_it() -> None:
    from cryptography import x509 as cx
    from cryptography.hazmat.primitives.asymmetric import padding

    roots = {t.cert.subject.dump(): t.cert for t in shipped() if t.role is Role.ANCHOR}
    checked = 0
    for t in shipped():
        issuer = roots.get(t.cert.issuer.dump())
        if t.role is Role.ANCHOR or issuer is None:
            continue
        child = cx.load_der_x509_certificate(t.cert.dump())
        key = cx.load_der_x509_certificate(issuer.dump()).public_key()
        key.verify(
            child.signature, child.tbs_certificate_bytes, padding.PKCS1v15(), child.signature_hash_algorithm
        )  # type: ignore[union-attr, arg-type, call-arg]
        checked += 1
    assert checked >= 20


def test_anchors_are_the_national_roots_and_the_rest_a_pool() -> None:
    anchors = {t.cert.subject.native["common_name"] for t in shipped() if t.role is Role.ANCHOR}
    assert anchors == ANCHOR_NAMES
    for t in shipped():
        assert t.origin is Origin.SHIPPED
        if t.role is Role.INTERMEDIATE:
            assert t.cert.self_signed == "no"  # intermediates never anchor anything
    material = load_trust()
    assert len(material.anchors) == 5 and len(material.pool) == len(shipped()) - 5
    assert load_trust(default_trust=False).anchors == ()


def test_a_tampered_certificate_is_refused(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "trust"
    (copy / "certs").mkdir(parents=True)
    manifest = json.loads(trust.MANIFEST.read_text(encoding="utf-8"))
    first = manifest["certificates"][0]
    (copy / first["file"]).write_bytes((trust.PACKAGE_DIR / manifest["certificates"][1]["file"]).read_bytes())
    (copy / "manifest.json").write_text(json.dumps({"certificates": [first]}), encoding="utf-8")
    monkeypatch.setattr(trust, "PACKAGE_DIR", copy)
    monkeypatch.setattr(trust, "MANIFEST", copy / "manifest.json")
    shipped.cache_clear()
    try:
        import pytest

        with pytest.raises(RuntimeError, match="does not match its SHA-256"):
            shipped()
    finally:
        shipped.cache_clear()


def test_trust_list_shows_the_roots() -> None:
    code, out, _ = _run("trust", "list")
    assert code == 0
    for name in ANCHOR_NAMES:
        assert name in out
    code, out, _ = _run("trust", "list", "--all", "--json")
    rows = json.loads(out)
    assert {r["role"] for r in rows} == {"anchor", "intermediate"}
    assert any(r["subject"].find("CA phục vụ các cơ quan Nhà nước G2") >= 0 for r in rows)


def test_trust_add_then_list(pki: TestPKI) -> None:
    code, out, _ = _run("trust", "add", str(pki.root_cert))
    assert code == 0 and out.startswith("đã thêm / added ")
    code, out, _ = _run("trust", "list")
    assert "Root CA thử nghiệm digitize" in out and "added" in out


def test_trust_list_shows_the_anchors_of_the_trust_dir(pki: TestPKI, digitize_home: Path) -> None:
    """A CA file in DIGITIZE_TRUST_DIR (default <home>/trust: the demo root of `make run`) is an anchor for
    verification; `trust list` shows it, with where it comes from."""
    code, out, _ = _run("trust", "list")
    assert "Root CA thử nghiệm digitize" not in out
    (digitize_home / "trust").mkdir(exist_ok=True)
    (digitize_home / "trust" / "demo-root.pem").write_bytes(pki.root_cert.read_bytes())
    reset_settings()  # the home's trust/ is DIGITIZE_TRUST_DIR when it exists as settings are read
    code, out, _ = _run("trust", "list")
    line = next(ln for ln in out.splitlines() if "Root CA thử nghiệm digitize" in ln)
    assert code == 0 and line.split()[:2] == ["anchor", "trust_dir"], line
    rows = json.loads(_run("trust", "list", "--json")[1])
    mine = [r for r in rows if r["origin"] == "trust_dir"]
    assert len(mine) == 1 and str(digitize_home / "trust") in mine[0]["source"]


def test_trust_add_refuses_a_leaf_and_garbage(pki: TestPKI, tmp_path: Path) -> None:
    code, _out, err = _run("trust", "add", str(pki.officer.cert))
    assert code == 65 and "không phải của một CA" in err
    junk = tmp_path / "junk.pem"
    junk.write_bytes(b"not a certificate")
    code, _out, err = _run("trust", "add", str(junk))
    assert code == 65


def test_crl_import_keeps_validity_and_refuses_garbage(pki: TestPKI, tmp_path: Path) -> None:
    junk = tmp_path / "x.crl"
    junk.write_bytes(b"\x30\x03\x02\x01\x00")
    code, _out, err = _run("trust", "crl", "import", str(pki.dir / "intermediate.crl"), str(junk))
    assert code == 65 and "CRL" in err
    assert cached() == []  # nothing half-imported
    code, out, _ = _run(
        "trust", "crl", "import", str(pki.dir / "intermediate.crl"), str(pki.dir / "root.crl")
    )
    assert code == 0, out
    assert out.count("imported") == 2 and "next update" in out
    assert out.count("đã nhập / imported") == 2 and "lần sau / next update" in out  # Vietnamese first
    assert len(cached()) == 2
    code, out, _ = _run("trust", "crl", "import", str(pki.dir / "intermediate.crl"))
    assert "kept the newer one" in out and len(cached()) == 2
    code, out, _ = _run("trust", "crl", "list")
    assert code == 0 and "revoked" in out and "→" in out
