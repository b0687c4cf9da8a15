"""An archive package is hostile: its signature rows' "verified" and "role" are not taken as it says.

A forged package claims a verified leader signature over a PDF that bears none, over a signed PDF changed
after signing, and with another document's genuine signed PDF; after the import all are recorded as not
verified (the documents and their PDFs are
kept), so the clerk's organisation signature (Decree 30/2020: only after a valid leader's signature) is
refused on them, while a document really signed by a leader in the same package still gets the seal. Audit
entries from the package are marked as imported from it."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import bagit
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from digitize.cli import main
from digitize.errors import Conflict
from digitize.preservation import layout
from digitize.preservation.export import export_store
from digitize.preservation.importing import import_bag
from digitize.services.signing import sign_stored
from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.auth import Principal
from digitize.store.models import AuditEntry, Signature, Variant
from digitize.store.objects import get_object_store
from tests.api.signing_helpers import done_pdf_document
from tests.preservation.test_roundtrip import use_home
from tests.support.pki import TestPKI

CLERK = Principal("user", "thu", "clerk")


def _add_seal_profile(profiles: Path, pki: TestPKI, tmp: Path) -> None:
    from tests.signing.helpers import seal_png

    seal = seal_png(tmp / "con-dau.png")
    profiles.write_text(
        profiles.read_text(encoding="utf-8")
        + f'\n[profiles.con-dau]\nrole = "organization"\nlevel = "B-B"\np12 = "{pki.organization.p12}"\n'
        f'p12_password_env = "API_TEST_P12_PASSWORD"\nseal_image = "{seal}"\nusers = ["thu"]\n',
        encoding="utf-8",
    )


def _record_path(bag: Path, doc_id: str) -> Path:
    return bag / layout.DOCUMENTS_DIR / doc_id[:2] / f"{doc_id}.json"


def _put_signed(bag: Path, doc_id: str, pdf: bytes, claim: dict[str, Any]) -> str:
    """Forge: ``pdf`` as a signed variant of ``doc_id`` with the signature row ``claim``; the bag re-saved
    with fresh manifests (a forger can: the manifests prove only that the files are the ones listed)."""
    sha = hashlib.sha256(pdf).hexdigest()
    obj = bag / layout.object_path("signed", sha)
    obj.parent.mkdir(parents=True, exist_ok=True)
    obj.write_bytes(pdf)
    path = _record_path(bag, doc_id)
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data["rows"]
    rows["variants"].append(
        {
            "id": claim.get("id", 100) + 1000,
            "kind": "signed",
            "sha256": sha,
            "key": "khong-quan-trong",
            "size": len(pdf),
            "media_type": "application/pdf",
            "derived_from": rows["document"]["sha256"],
        }
    )
    rows["signatures"].append({**claim, "sha256": sha, "key": "x", "document_id": doc_id})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return sha


def _drop_signed(bag: Path, doc_id: str) -> dict[str, Any]:
    """Take a document's genuine signature out of the bag (its object, row and variant); its row returned."""
    path = _record_path(bag, doc_id)
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data["rows"]
    (row,) = rows["signatures"]
    rows["signatures"] = []
    rows["variants"] = [v for v in rows["variants"] if v["kind"] != "signed"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (bag / layout.object_path("signed", row["sha256"])).unlink()
    return dict(row)


def test_a_forged_package_carries_no_trust(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signing: Path, pki: TestPKI
) -> None:
    _add_seal_profile(signing, pki, tmp_path)
    use_home(monkeypatch, tmp_path / "src", None, None, "")
    genuine, unsigned, tampered, other = (
        done_pdf_document(tmp_path, f"gp-{n}") for n in ("that", "khong", "sua", "khac")
    )
    assert sign_document(genuine, "giam-doc", "user:officer")["verified"] is True
    assert sign_document(tampered, "giam-doc", "user:officer")["verified"] is True
    bag = tmp_path / "bag"
    export_store(bag)

    # the forgery: a claimed leader signature over the unsigned document's own PDF ...
    claim = _drop_signed(bag, tampered)
    assert claim["verified"] is True and claim["role"] == "leader"
    claim.pop("id", None)
    plain = (bag / layout.object_path("original", _sha_of(bag, unsigned))).read_bytes()
    assert b"/ByteRange" not in plain
    forged_sha = _put_signed(bag, unsigned, plain, {**copy.deepcopy(claim), "id": 101})
    # ... and the same claim over a genuinely signed PDF changed after signing (one byte of signed content)
    signed = bytearray(_signed_bytes(tampered))
    at = bytes(signed).index(b"/Producer (") + len(b"/Producer (")
    signed[at] ^= 0x20  # a letter's case, inside the first revision every signature covers
    changed_sha = _put_signed(bag, tampered, bytes(signed), {**copy.deepcopy(claim), "id": 102})
    # ... and the genuine document's signed PDF (it verifies) attached to another document as its own
    borrowed = _signed_bytes(genuine)
    borrowed_sha = _put_signed(bag, other, borrowed, {**copy.deepcopy(claim), "id": 103})
    # audit entries the package claims (our own trail must not take them as ours)
    data = json.loads(_record_path(bag, unsigned).read_text(encoding="utf-8"))
    data["rows"]["audit"].append(
        {
            "at": "2026-01-01T00:00:00+00:00",
            "actor": "user:giamdoc",
            "action": "document.sign",
            "detail": None,
        }
    )
    _record_path(bag, unsigned).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bagit.Bag(str(bag)).save(manifests=True)
    bagit.Bag(str(bag)).validate()  # a valid bag: only what it claims is false

    use_home(monkeypatch, tmp_path / "dst", None, None, "")
    report = import_bag(bag)
    assert report.documents == 4
    listed = "\n".join(report.unverified_signatures)
    assert f"{unsigned}/{forged_sha}: does_not_verify, not_of_this_document, claimed_verified" in listed
    assert f"{tampered}/{changed_sha}: does_not_verify, claimed_verified\n" in listed + "\n"
    assert f"{other}/{borrowed_sha}: not_of_this_document\n" in listed + "\n"  # it verifies
    assert genuine not in listed and len(report.unverified_signatures) == 3

    with db.session() as s:
        rows = {r.document_id: r for r in s.scalars(select(Signature)).all()}
        assert rows[genuine].verified is True and rows[genuine].role == "leader"
        assert rows[genuine].detail["import"]["verified_here"] is True
        for doc in (unsigned, tampered, other):
            row = rows[doc]
            assert row.verified is False
            assert row.detail["import"]["claimed"] == {
                "verified": True,
                "role": "leader",
                "field": claim["detail"]["field"],
                "signer": claim["signer"],
            }
        assert rows[unsigned].role is None and rows[unsigned].signer is None  # no signature in that PDF
        assert rows[tampered].role == "leader"  # its field says so; it does not verify
        # nothing the package held is lost: the forged "signed" PDFs are kept, as not verified
        kept = {v.sha256 for v in s.scalars(select(Variant).where(Variant.kind == "signed")).all()}
        assert {forged_sha, changed_sha} <= kept
        imported = s.scalars(select(AuditEntry).where(AuditEntry.target == unsigned)).all()
        assert imported and all(
            e.detail["imported"]["manifest_sha256"]
            == hashlib.sha256((bag / "manifest-sha256.txt").read_bytes()).hexdigest()
            for e in imported
        )
        forged_entry = next(e for e in imported if e.actor == "user:giamdoc")
        assert forged_entry.detail["imported"]["package"] == "bag"
        ours = s.scalars(select(AuditEntry).where(AuditEntry.action == "store.import")).one()
        assert "imported" not in ours.detail and ours.detail["unverified_signatures"]

    # Decree 30: the clerk's seal is refused where the leader's signature does not verify here ...
    for doc in (unsigned, tampered, other):
        with pytest.raises(Conflict, match="Nghị định 30/2020"):
            sign_stored(CLERK, doc, "con-dau")
    # ... and applied where it does (the genuine package round-trips its trust)
    sealed = sign_stored(CLERK, genuine, "con-dau")
    assert sealed["role"] == "organization" and sealed["verified"] is True


def test_import_cli_names_the_signatures_that_do_not_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signing: Path
) -> None:
    use_home(monkeypatch, tmp_path / "src", None, None, "")
    doc = done_pdf_document(tmp_path, "gp-cli")
    bag = tmp_path / "bag"
    export_store(bag)
    plain = (bag / layout.object_path("original", _sha_of(bag, doc))).read_bytes()
    _put_signed(bag, doc, plain, {"role": "leader", "verified": True, "signer": "Ai đó", "level": "B-B"})
    bagit.Bag(str(bag)).save(manifests=True)
    use_home(monkeypatch, tmp_path / "dst", None, None, "")
    result = CliRunner().invoke(main, ["import", str(bag)])
    assert result.exit_code == 0, result.output
    assert "nhập là 'chưa xác minh'" in result.output and f"{doc}/" in result.output
    assert "does_not_verify, not_of_this_document, claimed_verified, role_differs" in result.output
    shutil.rmtree(bag)


def _sha_of(bag: Path, doc_id: str) -> str:
    data = json.loads(_record_path(bag, doc_id).read_text(encoding="utf-8"))
    return str(data["rows"]["document"]["sha256"])


def _signed_bytes(doc_id: str) -> bytes:
    with db.session() as s:
        key = s.scalars(select(Signature.key).where(Signature.document_id == doc_id)).one()
    assert key is not None
    return get_object_store().read_bytes(key)
