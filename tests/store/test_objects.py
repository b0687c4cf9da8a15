from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from digitize.errors import BadInput, NotFound
from digitize.store.objects import (
    LocalObjectStore,
    ObjectStore,
    S3ObjectStore,
    make_object_store,
    original_key,
    variant_key,
)


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "local":
        return LocalObjectStore(tmp_path / "objects")
    endpoint = request.getfixturevalue("moto_endpoint")
    bucket = "b" + hashlib.sha1(str(tmp_path).encode()).hexdigest()[:16]
    return S3ObjectStore(bucket, endpoint=endpoint, access_key="testing", secret_key="testing")


def test_put_is_write_once_and_content_addressed(store: ObjectStore, tmp_path: Path) -> None:
    data = "Giấy phép số 12/GP-SKHCN".encode()
    sha = hashlib.sha256(data).hexdigest()
    key = original_key(sha)
    assert key == f"originals/{sha[:2]}/{sha}"
    assert not store.exists(key)
    assert store.put_bytes(key, data, media_type="text/plain") is True
    assert store.exists(key)
    assert store.size(key) == len(data)
    # a second put of the same key never overwrites
    assert store.put_bytes(key, b"something else", media_type="text/plain") is False
    assert store.read_bytes(key) == data
    with store.as_local_file(key) as local:
        assert local.read_bytes() == data


def test_put_file_with_metadata_and_delete(store: ObjectStore, tmp_path: Path) -> None:
    src = tmp_path / "x.pdf"
    src.write_bytes(b"%PDF-1.7 fake")
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    key = variant_key("searchable", sha)
    assert store.put_file(key, src, media_type="application/pdf", metadata={"derived-from": "ab" * 32})
    meta = store.metadata(key)
    assert meta["media_type"] == "application/pdf"
    assert meta["derived-from"] == "ab" * 32
    with store.open(key) as fh:
        assert fh.read() == b"%PDF-1.7 fake"
    store.delete(key)
    assert not store.exists(key)
    with pytest.raises(NotFound):
        store.open(key)


def test_bad_keys_refused(store: ObjectStore) -> None:
    for key in ("../etc/passwd", "/abs", "a//b", "a/./b", ""):
        with pytest.raises(BadInput):
            store.exists(key)


def test_local_paths_and_presigned(tmp_path: Path, moto_endpoint: str) -> None:
    local = LocalObjectStore(tmp_path / "o")
    local.put_bytes("originals/aa/aa", b"1")
    path = local.local_path("originals/aa/aa")
    assert path is not None and path.read_bytes() == b"1"
    assert local.presigned_url("originals/aa/aa") is None
    # no temporary files left beside the object
    assert sorted(p.name for p in (tmp_path / "o/originals/aa").iterdir()) == ["aa", "aa.meta.json"]

    s3 = S3ObjectStore("presign", endpoint=moto_endpoint, access_key="testing", secret_key="testing")
    s3.put_bytes("originals/bb/bb", b"2")
    assert s3.local_path("originals/bb/bb") is None
    url = s3.presigned_url("originals/bb/bb")
    assert url is not None
    import httpx

    assert httpx.get(url).content == b"2"


def test_make_object_store_from_urls(
    tmp_path: Path, moto_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digitize.config import Settings

    assert isinstance(make_object_store((tmp_path / "objs").as_uri()), LocalObjectStore)
    settings = Settings(s3_endpoint=moto_endpoint, s3_access_key="testing", s3_secret_key="testing")
    s3 = make_object_store("s3://made/prefix", settings)
    assert isinstance(s3, S3ObjectStore)
    s3.put_bytes("originals/cc/cc", b"3")
    assert s3.read_bytes("originals/cc/cc") == b"3"
    with pytest.raises(BadInput):
        make_object_store("s3://nobucket", Settings())
    with pytest.raises(BadInput):
        make_object_store("ftp://x/y")


def test_list_prefix_lists_the_objects_of_a_folder(store: ObjectStore) -> None:
    """``list_prefix`` (the sweeps of leftovers use it): the keys under a folder, nested too, with a time;
    nothing of another folder, no metadata or temporary files."""
    assert list(store.list_prefix("sessions")) == []
    store.put_bytes("sessions/ab/one.pdf", b"1")
    store.put_bytes("sessions/cd/two.pdf", b"2")
    store.put_bytes("sessionsx/three.pdf", b"3")
    store.put_bytes("other/four.pdf", b"4")
    listed = dict(store.list_prefix("sessions"))
    assert sorted(listed) == ["sessions/ab/one.pdf", "sessions/cd/two.pdf"]
    assert all(when.tzinfo is not None for when in listed.values())
    store.delete("sessions/ab/one.pdf")
    assert [k for k, _ in store.list_prefix("sessions")] == ["sessions/cd/two.pdf"]
