"""Export → bagit validation → import into a fresh home → the same records and bytes (SQLite and
PostgreSQL, local directory and S3 on moto); fixity audits find a changed byte and a missing object."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bagit
import pytest
from click.testing import CliRunner

from digitize.cli import main
from digitize.config import reset_settings
from digitize.errors import Conflict, FixityError
from digitize.preservation.export import export_store
from digitize.preservation.fixity import audit_objects
from digitize.preservation.importing import import_bag
from digitize.preservation.rows import to_json
from digitize.services import files as files_service
from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.models import AccessLogEntry, Document, Stack, StackPage, Variant
from digitize.store.objects import get_object_store, original_key
from digitize.store.service import (
    correct_fields,
    document_record,
    field_history,
    list_documents,
    revoke,
    supersede,
)
from tests.support.databases import fresh_postgres_database
from tests.support.store_data import stored_document


@pytest.fixture(params=["local", "s3"])
def storage(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None for the local directory; the endpoint of a moto S3 server."""
    if request.param == "local":
        yield None
        return
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def use_home(
    mp: pytest.MonkeyPatch, home: Path, database_url: str | None, s3: str | None, bucket: str
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    mp.setenv("DIGITIZE_HOME", str(home))
    if database_url:
        mp.setenv("DIGITIZE_DATABASE_URL", database_url)
    else:
        mp.delenv("DIGITIZE_DATABASE_URL", raising=False)
    if s3:
        mp.setenv("DIGITIZE_STORAGE_URL", f"s3://{bucket}/objects")
        mp.setenv("DIGITIZE_S3_ENDPOINT", s3)
        mp.setenv("DIGITIZE_S3_ACCESS_KEY", "testing")
        mp.setenv("DIGITIZE_S3_SECRET_KEY", "testing")
    else:
        mp.delenv("DIGITIZE_STORAGE_URL", raising=False)
    db.dispose_all()
    reset_settings()


def build_store(tmp: Path) -> list[str]:
    """Three documents with a hồ sơ, a searchable and a signed variant (signed for real: ``signing``), a
    correction and a supersession."""
    a = stored_document(
        tmp,
        "a.pdf",
        {
            "type_name": "Giấy phép",
            "holder_name": "Nguyễn Văn An",
            "holder_id": "0101",
            "issued_date": "2024-01-02",
        },
        text="Giấy phép hoạt động Đà Nẵng",
    )
    b = stored_document(
        tmp, "b.pdf", {"type_name": "Quyết định", "holder_name": "Trần Thị Bình"}, needs_review=True
    )
    c = stored_document(tmp, "c.pdf", {"type_name": "Quyết định", "holder_name": "Lê Văn Cường"})
    # a signed by a leader for real (the test PKI): import verifies it again and keeps it verified
    signed = sign_document(a, "giam-doc", "user:officer")
    assert signed["verified"] is True and signed["role"] == "leader"
    objects = get_object_store()
    with db.session() as s:
        f = files_service.create_file(
            s,
            files_service.FileInput.parse(
                {"code": "HS-2024/01", "title": "Hồ sơ cấp phép năm 2024", "retention": "vĩnh viễn"}
            ),
            by="test",
        )
        files_service.assign_documents(s, f["id"], [a, b], by="test")
        correct_fields(s, b, {"holder_name": "Trần Thị Bích"}, by="user:reviewer", reason="OCR")
        supersede(s, b, by_document=c, reason="Thay thế", by="user:officer")
        revoke(s, a, reason="Thu hồi thử", by="user:officer")
        # c was split out of a stack scan kept whole (issue 15)
        stack_data = b"%PDF-1.4\n% the whole stack c came from\n"
        stack_sha = hashlib.sha256(stack_data).hexdigest()
        objects.put_bytes(original_key(stack_sha), stack_data, media_type="application/pdf")
        stack = Stack(
            sha256=stack_sha,
            media_type="application/pdf",
            size=len(stack_data),
            original_filename="stack.pdf",
            original_key=original_key(stack_sha),
            state="split",
            page_count=2,
        )
        s.add(stack)
        s.flush()
        s.add_all(
            [
                StackPage(
                    stack_id=stack.id, index=0, role="start", reason="header", confidence=0.9, document_id=c
                ),
                StackPage(stack_id=stack.id, index=1, role="blank", reason="blank", confidence=0.99),
            ]
        )
        s.get(Document, c).stack_id = stack.id
        # another agency read a (and was refused b): provenance the package must keep
        s.add_all(
            [
                AccessLogEntry(
                    client="key:so-tnmt", purpose="Thẩm định hồ sơ", document_id=a, path="/x", status=200
                ),
                AccessLogEntry(client="key:so-tnmt", purpose="Tra cứu", document_id=b, path="/y", status=404),
            ]
        )
    return [a, b, c]


def snapshot(ids: list[str]) -> dict[str, Any]:
    objects = get_object_store()
    out: dict[str, Any] = {}
    with db.session() as s:
        for i in ids:
            rec = document_record(s, i)
            doc_variants = s.query(Variant).filter(Variant.document_id == i).order_by(Variant.id).all()
            out[i] = {
                "record": rec,
                "history": field_history(s, i),
                "bytes": {v.kind + ":" + v.sha256: objects.read_bytes(v.key) for v in doc_variants},
            }
        out["reads"] = [
            (r.client, r.purpose, r.document_id, r.path, r.status, r.at.replace(tzinfo=None))
            for r in s.query(AccessLogEntry).order_by(AccessLogEntry.at, AccessLogEntry.client).all()
        ]
        out["files"] = files_service.list_files(s)
        out["stacks"] = [
            (to_json(st), [to_json(p) for p in st.pages]) for st in s.query(Stack).order_by(Stack.id).all()
        ]
        out["search"] = [x["id"] for x in list_documents(s, q="da nang")["items"]]
        out["in_file"] = sorted(
            x["id"] for x in list_documents(s, file_id=out["files"]["items"][0]["id"])["items"]
        )
    return out


_PG = pytest.mark.postgres


@pytest.mark.parametrize(
    ("database", "storage", "fmt"),
    [
        # a plain bag on every database and object store
        ("sqlite", "local", "bagit"),
        ("sqlite", "s3", "bagit"),
        pytest.param("postgres", "local", "bagit", marks=_PG),
        pytest.param("postgres", "s3", "bagit", marks=_PG),
        # the E-ARK AIP adds only METS and PREMIS to the same bag (export's writers, not the store): once
        ("sqlite", "local", "aip"),
    ],
    indirect=["database", "storage"],
)
def test_export_validate_import_gives_the_same_store(
    database: str,
    storage: str | None,
    fmt: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    signing: Path,
) -> None:
    src_db = os.environ.get("DIGITIZE_DATABASE_URL") if database == "postgres" else None
    use_home(monkeypatch, tmp_path / "src", src_db, storage, "source")
    ids = build_store(tmp_path)
    before = snapshot(ids)
    assert before["search"] == [ids[0]] and before["in_file"] == sorted(ids[:2])
    assert len(before["reads"]) == 2  # the access log is in the snapshot compared after the import

    bag_dir = tmp_path / "bag"
    report = export_store(bag_dir, fmt=fmt)
    assert report.documents == 3 and report.files == 1 and report.objects == 4
    assert (bag_dir / "data/metadata/descriptive/stacks").is_dir()
    bag = bagit.Bag(str(bag_dir))
    bag.validate()  # raises when invalid
    assert "sha256" in bag.algorithms and (bag_dir / "tagmanifest-sha256.txt").is_file()
    if fmt == "aip":
        mets = (bag_dir / "data" / "METS.xml").read_text(encoding="utf-8")
        premis = (bag_dir / "data" / "metadata" / "preservation" / "premis.xml").read_text(encoding="utf-8")
        assert "E-ARK-CSIP" in mets and 'USE="Representations/signed"' in mets
        for event in ("ingestion", "creation", "metadata modification"):
            assert f"<premis:eventType>{event}</premis:eventType>" in premis
        import xml.dom.minidom

        xml.dom.minidom.parseString(mets.encode())  # well-formed
        xml.dom.minidom.parseString(premis.encode())
    record = json.loads(
        (bag_dir / "data/metadata/descriptive/documents" / ids[1][:2] / f"{ids[1]}.json").read_text()
    )
    assert record["history"][0]["new"] == "Trần Thị Bích"

    with contextlib.ExitStack() as stack:
        dst_db = (
            stack.enter_context(fresh_postgres_database("dgz_import")) if database == "postgres" else None
        )
        use_home(monkeypatch, tmp_path / "dst", dst_db, storage, "target")
        result = import_bag(bag_dir)
        assert result.documents == 3 and result.files == 1 and result.unresolved_links == ()
        after = snapshot(ids)
        assert after == before
        assert audit_objects().ok
        # importing twice refuses, naming the ids, and writes nothing
        with pytest.raises(Conflict) as exc:
            import_bag(bag_dir)
        assert f"document {ids[0]}" in exc.value.details["conflicts"]
        with db.session() as s:
            assert len(list_documents(s, limit=10)["items"]) == 3
        db.dispose_all()


def test_audit_finds_a_changed_byte_and_a_missing_object(
    tmp_path: Path, storage: str | None, monkeypatch: pytest.MonkeyPatch, signing: Path
) -> None:
    use_home(monkeypatch, tmp_path / "home2", None, storage, "audited")
    ids = build_store(tmp_path)
    assert audit_objects().ok
    with db.session() as s:
        variants = s.query(Variant).filter(Variant.document_id.in_(ids)).order_by(Variant.id).all()
        changed, missing = variants[0], variants[1]
        changed_key, missing_key = changed.key, missing.key
    objects = get_object_store()
    data = bytearray(objects.read_bytes(changed_key))
    data[5] ^= 0x01
    if storage is None:
        path = objects.local_path(changed_key)
        assert path is not None
        path.chmod(0o644)
        path.write_bytes(bytes(data))
    else:
        objects.delete(changed_key)
        objects.put_bytes(changed_key, bytes(data))
    objects.delete(missing_key)

    report = audit_objects()
    assert not report.ok and report.problem_count == 2
    found = {p.key: str(p.problem) for p in report.problems}
    assert found == {changed_key: "changed", missing_key: "missing"}
    # never repaired: still changed and still missing
    assert objects.read_bytes(changed_key) == bytes(data) and not objects.exists(missing_key)

    result = CliRunner().invoke(main, ["audit", "--json"])
    assert result.exit_code == 65
    listed = json.loads(result.stdout)
    assert {p["key"] for p in listed["problems"]} == {changed_key, missing_key}
    # an export refuses to carry a changed object as if it were sound
    with pytest.raises(FixityError, match="audit") as exc:
        export_store(tmp_path / "bad-export")
    assert exc.value.details["key"] in {changed_key, missing_key}
    # and leaves no half-written package behind
    assert not (tmp_path / "bad-export" / "bagit.txt").exists()
