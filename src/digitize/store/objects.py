"""Object storage behind one interface: a local directory (default ``DIGITIZE_HOME/objects``) or S3/MinIO.

Objects are content-addressed by sha256 and write-once: putting a key that exists is a no-op, never an
overwrite. Originals live at ``originals/<sha[:2]>/<sha>``; derived variants (searchable, signed) at
``<kind>/<sha[:2]>/<sha>`` with metadata naming the sha256 they were derived from.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, cast
from urllib.parse import unquote, urlparse

from digitize.config import Settings, get_settings
from digitize.errors import BadInput, NotFound, ServiceUnavailable

CHUNK = 1024 * 1024


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def original_key(sha256: str) -> str:
    """Where the original whose content hashes to ``sha256`` lives."""
    return f"originals/{sha256[:2]}/{sha256}"


def variant_key(kind: str, sha256: str) -> str:
    """Where a derived object (``searchable``, ``signed``) whose content hashes to ``sha256`` lives."""
    return f"{kind}/{sha256[:2]}/{sha256}"


def _check_key(key: str) -> str:
    parts = key.split("/")
    if not key or key.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\\" in key:
        raise BadInput(f"Khóa đối tượng không hợp lệ: {key!r}", f"Invalid object key: {key!r}")
    return key


class ObjectStore(ABC):
    """Write-once, content-addressed objects."""

    @abstractmethod
    def put_file(
        self,
        key: str,
        path: Path,
        *,
        media_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> bool:
        """Store the file at ``key``; False (and nothing written) when ``key`` already exists."""

    def put_bytes(
        self,
        key: str,
        data: bytes,
        *,
        media_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> bool:
        with tempfile.NamedTemporaryFile(prefix="dgz-put-", delete=False) as tmp:
            tmp.write(data)
        try:
            return self.put_file(key, Path(tmp.name), media_type=media_type, metadata=metadata)
        finally:
            os.unlink(tmp.name)

    @abstractmethod
    def open(self, key: str) -> IO[bytes]:
        """A readable binary stream of the object (close it)."""

    def read_bytes(self, key: str) -> bytes:
        with self.open(key) as fh:
            return fh.read()

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def size(self, key: str) -> int: ...

    @abstractmethod
    def metadata(self, key: str) -> dict[str, str]: ...

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove the object (only for derived objects that are being replaced; never for originals)."""

    def list_prefix(self, prefix: str) -> Iterator[tuple[str, datetime]]:
        """The keys under the folder ``prefix`` (e.g. ``sessions``) with their last change (UTC), for the
        sweeps that remove what nothing refers to any more."""
        raise NotImplementedError

    def local_path(self, key: str) -> Path | None:
        """The object's path when it is a local file (serve it directly), else None."""
        return None

    def presigned_url(
        self,
        key: str,
        expires: timedelta = timedelta(minutes=15),
        *,
        attachment: str | None = None,
        media_type: str | None = None,
    ) -> str | None:
        """A time-limited URL to fetch the object directly, when the backend has them, else None.

        ``attachment``: the URL makes the backend answer ``Content-Disposition: attachment`` with this file
        name; ``media_type``: the ``Content-Type`` it answers with."""
        return None

    @contextmanager
    def as_local_file(self, key: str, suffix: str = "") -> Iterator[Path]:
        """A local file with the object's content for the duration of the block."""
        local = self.local_path(key)
        if local is not None:
            yield local
            return
        fd, name = tempfile.mkstemp(prefix="dgz-get-", suffix=suffix)
        try:
            with os.fdopen(fd, "wb") as out, self.open(key) as src:
                shutil.copyfileobj(src, out, CHUNK)
            yield Path(name)
        finally:
            os.unlink(name)


class LocalObjectStore(ObjectStore):
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        return self.root / _check_key(key)

    def put_file(
        self,
        key: str,
        path: Path,
        *,
        media_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> bool:
        target = self._path(key)
        if target.exists():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        meta = {"media_type": media_type, **(metadata or {})}
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o400)  # write-once, and readable by the service user alone
            # link() fails if the target appeared meanwhile: write-once even under a race.
            try:
                os.link(tmp, target)
            except FileExistsError:
                return False
            meta_path = target.with_name(target.name + ".meta.json")
            meta_tmp = meta_path.with_name(f".tmp-{os.getpid()}-{meta_path.name}")
            meta_tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            os.replace(meta_tmp, meta_path)
            return True
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def open(self, key: str) -> IO[bytes]:
        try:
            return open(self._path(key), "rb")
        except FileNotFoundError as exc:
            raise NotFound(f"Không có đối tượng {key}.", f"No object {key}.") from exc

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError as exc:
            raise NotFound(f"Không có đối tượng {key}.", f"No object {key}.") from exc

    def metadata(self, key: str) -> dict[str, str]:
        meta = self._path(key).with_name(self._path(key).name + ".meta.json")
        try:
            data: dict[str, str] = json.loads(meta.read_text(encoding="utf-8"))
            return data
        except FileNotFoundError:
            return {}

    def delete(self, key: str) -> None:
        path = self._path(key)
        for p in (path, path.with_name(path.name + ".meta.json")):
            if p.exists():
                p.unlink()

    def local_path(self, key: str) -> Path | None:
        path = self._path(key)
        return path if path.is_file() else None

    def list_prefix(self, prefix: str) -> Iterator[tuple[str, datetime]]:
        base = self._path(prefix)
        if not base.is_dir():
            return
        for path in base.rglob("*"):
            if path.name.endswith(".meta.json") or path.name.startswith(".tmp-") or not path.is_file():
                continue
            with contextlib.suppress(FileNotFoundError):  # deleted meanwhile
                modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                yield path.relative_to(self.root).as_posix(), modified


class S3ObjectStore(ObjectStore):
    """S3 or MinIO through the ``minio`` SDK."""

    def __init__(
        self,
        bucket: str,
        *,
        endpoint: str,
        access_key: str | None,
        secret_key: str | None,
        region: str = "us-east-1",
        secure: bool | None = None,
        prefix: str = "",
    ) -> None:
        from minio import Minio

        parsed = urlparse(endpoint if "://" in endpoint else f"https://{endpoint}")
        if secure is None:
            secure = parsed.scheme == "https"
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = Minio(
            parsed.netloc, access_key=access_key, secret_key=secret_key, region=region, secure=secure
        )
        self._bucket_ready = False

    def _name(self, key: str) -> str:
        key = _check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def _ensure_bucket(self) -> None:
        if self._bucket_ready:
            return
        try:
            if not self.client.bucket_exists(self.bucket):
                self.client.make_bucket(self.bucket)
        except Exception as exc:
            raise _unavailable(exc) from exc
        self._bucket_ready = True

    def _stat(self, key: str) -> Any | None:
        from minio.error import S3Error

        name = self._name(key)
        self._ensure_bucket()
        try:
            return self.client.stat_object(self.bucket, name)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject", "ResourceNotFound", "NotFound"):
                return None
            raise _unavailable(exc) from exc
        except Exception as exc:
            raise _unavailable(exc) from exc

    def put_file(
        self,
        key: str,
        path: Path,
        *,
        media_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> bool:
        if self._stat(key) is not None:
            return False
        try:
            self.client.fput_object(
                self.bucket,
                self._name(key),
                str(path),
                content_type=media_type,
                metadata=dict(metadata or {}),
            )
        except Exception as exc:
            raise _unavailable(exc) from exc
        return True

    def open(self, key: str) -> IO[bytes]:
        if self._stat(key) is None:
            raise NotFound(f"Không có đối tượng {key}.", f"No object {key}.")
        try:
            response = self.client.get_object(self.bucket, self._name(key))
        except Exception as exc:
            raise _unavailable(exc) from exc
        return cast(IO[bytes], io.BufferedReader(_ResponseRaw(response), CHUNK))

    def exists(self, key: str) -> bool:
        return self._stat(key) is not None

    def size(self, key: str) -> int:
        stat = self._stat(key)
        if stat is None:
            raise NotFound(f"Không có đối tượng {key}.", f"No object {key}.")
        return int(stat.size)

    def metadata(self, key: str) -> dict[str, str]:
        stat = self._stat(key)
        if stat is None:
            return {}
        out: dict[str, str] = {}
        for k, v in (stat.metadata or {}).items():
            lk = k.lower()
            if lk.startswith("x-amz-meta-"):
                out[lk[len("x-amz-meta-") :]] = v
        out["media_type"] = stat.content_type or "application/octet-stream"
        return out

    def delete(self, key: str) -> None:
        self._ensure_bucket()
        try:
            self.client.remove_object(self.bucket, self._name(key))
        except Exception as exc:
            raise _unavailable(exc) from exc

    def list_prefix(self, prefix: str) -> Iterator[tuple[str, datetime]]:
        self._ensure_bucket()
        head = f"{self.prefix}/" if self.prefix else ""
        try:
            for obj in self.client.list_objects(self.bucket, prefix=self._name(prefix) + "/", recursive=True):
                name = str(obj.object_name)
                modified = obj.last_modified or datetime.now(UTC)
                yield name[len(head) :], modified if modified.tzinfo else modified.replace(tzinfo=UTC)
        except Exception as exc:
            raise _unavailable(exc) from exc

    def presigned_url(
        self,
        key: str,
        expires: timedelta = timedelta(minutes=15),
        *,
        attachment: str | None = None,
        media_type: str | None = None,
    ) -> str | None:
        self._ensure_bucket()
        response: dict[str, str | list[str] | tuple[str]] = {}
        if attachment is not None:
            name = attachment.encode("ascii", "ignore").decode().replace('"', "") or "document"
            response["response-content-disposition"] = f'attachment; filename="{name}"'
        if media_type is not None:
            response["response-content-type"] = media_type
        return str(
            self.client.presigned_get_object(
                self.bucket, self._name(key), expires=expires, response_headers=response or None
            )
        )


class _ResponseRaw(io.RawIOBase):
    """A minio/urllib3 response as a raw binary stream (closing it releases the connection)."""

    def __init__(self, response: Any) -> None:
        self._r = response

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._r.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        if not self.closed:
            try:
                self._r.close()
                self._r.release_conn()
            finally:
                super().close()


def _unavailable(exc: Exception) -> ServiceUnavailable:
    return ServiceUnavailable(
        "Không truy cập được kho đối tượng (S3).", "The object store (S3) is unreachable.", reason=str(exc)
    )


def make_object_store(url: str, settings: Settings | None = None) -> ObjectStore:
    """An object store for ``file:///path`` or ``s3://bucket[/prefix]``."""
    settings = settings or get_settings()
    parsed = urlparse(url)
    if parsed.scheme == "file":
        return LocalObjectStore(Path(unquote(parsed.path)))
    if parsed.scheme == "s3":
        if not settings.s3_endpoint:
            raise BadInput(
                "Thiếu DIGITIZE_S3_ENDPOINT cho kho S3.",
                "DIGITIZE_S3_ENDPOINT is required for s3:// storage.",
            )
        return S3ObjectStore(
            parsed.netloc,
            endpoint=settings.s3_endpoint,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            region=settings.s3_region,
            secure=settings.s3_secure,
            prefix=parsed.path,
        )
    if parsed.scheme == "":
        return LocalObjectStore(Path(url))
    raise BadInput(f"DIGITIZE_STORAGE_URL không hỗ trợ: {url}", f"Unsupported DIGITIZE_STORAGE_URL: {url}")


_stores: dict[tuple[int, str], ObjectStore] = {}


def get_object_store(settings: Settings | None = None) -> ObjectStore:
    """The configured object store (one per process and URL)."""
    settings = settings or get_settings()
    url = settings.effective_storage_url
    key = (os.getpid(), url + "|" + (settings.s3_endpoint or ""))
    store = _stores.get(key)
    if store is None:
        store = make_object_store(url, settings)
        _stores[key] = store
    return store
