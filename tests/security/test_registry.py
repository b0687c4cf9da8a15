"""Finding 9, the registry cross-check: the verifier says "one of ours, in force" only when the signatures
verify. The attack: a flattened copy of a signed result (our QR code still on it) re-signed by a key nobody
trusts came back ``known: true, validity: valid``."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digitize.signing.qr import read_qr
from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.auth import create_api_key
from tests.api.signing_helpers import done_pdf_document, write_profiles
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)
from tests.verify import helpers as h


@pytest.fixture
def client(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:  # noqa: F811
    from digitize.api.app import create_app
    from digitize.api.ratelimit import public_bucket
    from digitize.config import reset_settings
    from digitize.store.db import dispose_all

    write_profiles(pki, tmp_path, monkeypatch)
    reset_settings()
    public_bucket.clear()
    dispose_all()
    with TestClient(create_app(start_pool=False)) as c:
        yield c
    dispose_all()


def _verify(client: TestClient, data: bytes) -> dict[str, object]:
    r = client.post("/api/v1/verify", files={"file": ("x.pdf", data, "application/pdf")})
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


def _flatten(pdf: bytes) -> bytes:
    """The copy an attacker makes: every page as a picture (the QR code with it), no signature left."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = [doc[i].render(scale=300 / 72).to_pil().convert("RGB") for i in range(len(doc))]
    doc.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return out.getvalue()


@pytest.fixture
def signed(client: TestClient, tmp_path: Path) -> tuple[str, bytes]:
    doc_id = done_pdf_document(tmp_path, "gp-goc")
    assert sign_document(doc_id, "giam-doc", "test")["verified"] is True
    with db.session() as s:
        _, key = create_api_key(s, role="officer", name="o")
    data = client.get(
        f"/api/v1/documents/{doc_id}/file?variant=signed", headers={"Authorization": f"Bearer {key}"}
    ).content
    return doc_id, data


def test_our_signed_result_is_vouched_for(client: TestClient, signed: tuple[str, bytes]) -> None:
    doc_id, data = signed
    body = _verify(client, data)
    assert body["registry"] == {
        "known": True,
        "document_id": doc_id,
        "validity": "valid",
        "matched_by": "sha256",
    }


def test_a_flattened_copy_re_signed_by_an_untrusted_key_is_not_vouched_for(
    client: TestClient,
    signed: tuple[str, bytes],
    pki: TestPKI,  # noqa: F811
) -> None:
    _, data = signed
    copy = _flatten(data)
    assert read_qr(copy) is not None  # the attack needs our QR code on the copy: it is there
    forged = h.pyhanko_sign(copy, pki.untrusted.p12, pki.p12_password)
    body = _verify(client, forged)
    assert body["signatures"][0]["trusted"] is False  # type: ignore[index]
    assert body["registry"] == {"known": False, "document_id": None, "validity": None, "matched_by": None}


def test_our_result_with_an_untrusted_signature_added_is_not_vouched_for(
    client: TestClient,
    signed: tuple[str, bytes],
    pki: TestPKI,  # noqa: F811
) -> None:
    _, data = signed
    added = h.pyhanko_sign(data, pki.untrusted.p12, pki.p12_password, field="Signature2")
    body = _verify(client, added)
    assert body["registry"]["known"] is False  # type: ignore[index]


def test_cli_verify_cross_checks_the_store_of_its_home(
    client: TestClient,
    signed: tuple[str, bytes],
    tmp_path: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    """Found in the newcomer's walk-through: `digitize verify` of a result signed in this very home said
    "không có trong kho" (not in the registry) while `/verify` said it is ours and in force: the CLI never
    asked the store. Now the same cross-check (and the same rule: only when the signatures verify)."""
    import json

    from click.testing import CliRunner

    from digitize.cli import main

    doc_id, data = signed
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(data)

    def registry(path: Path) -> object:
        result = CliRunner().invoke(
            main, ["verify", str(path), "--json", "--offline"], catch_exceptions=False
        )
        return json.loads(result.stdout)["registry"]

    assert registry(ours) == {"known": True, "document_id": doc_id, "validity": "valid"}
    added = tmp_path / "added.pdf"
    added.write_bytes(h.pyhanko_sign(data, pki.untrusted.p12, pki.p12_password, field="Signature2"))
    assert registry(added) == {"known": False, "document_id": None, "validity": None}
