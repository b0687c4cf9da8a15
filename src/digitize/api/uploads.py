"""Multipart uploads streamed to disk with a size limit (never wholly in memory).

``receive_files(request, dest, field="files")`` parses the request body chunk by chunk as it arrives and
writes each file part of ``field`` to its own file under ``dest``; a file larger than
``Settings.max_upload_bytes`` stops the upload with 413 and nothing of it is kept.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header

from digitize.config import get_settings
from digitize.errors import BadInput, DigitizeError, InputTooLarge, MissingField


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    path: Path
    size: int


def safe_name(name: str) -> str:
    """The base name of an uploaded file, NFC, without directories or control characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    return name or "upload"


async def receive_files(request: Request, dest: Path, field: str = "files") -> list[UploadedFile]:
    files, _ = await receive_form(request, dest, field)
    return files


TEXT_FIELD_LIMIT = 4096


MAX_TEXT_FIELDS = 100


async def receive_form(
    request: Request,
    dest: Path,
    field: str = "files",
    *,
    limit: int | None = None,
    max_total: int | None = None,
    max_files: int | None = None,
) -> tuple[list[UploadedFile], dict[str, str]]:
    """The files of ``field`` (on disk under ``dest``) and the small text fields of the form.

    Each file is at most ``limit`` bytes (default ``max_upload_bytes``), the whole body at most ``max_total``
    (default ``max_batch_bytes``), at most ``max_files`` files (default ``max_upload_files``) and
    ``MAX_TEXT_FIELDS`` other parts: counted as the body streams, 413 at the first byte over."""
    settings = get_settings()
    limit = settings.max_upload_bytes if limit is None else limit
    max_files = settings.max_upload_files if max_files is None else max_files
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or b"boundary" not in params:
        raise BadInput(
            f"Cần multipart/form-data với tệp ở trường '{field}'.",
            f"Expected multipart/form-data with the file(s) in the '{field}' field.",
        )
    length = request.headers.get("content-length")
    max_total = settings.max_batch_bytes if max_total is None else max_total
    if length and length.isascii() and length.isdigit() and int(length) > max_total:
        raise InputTooLarge(
            f"Yêu cầu quá lớn (tối đa {max_total} byte).", f"Request too large (limit {max_total} bytes)."
        )

    files: list[UploadedFile] = []
    texts: dict[str, str] = {}
    state: dict[str, Any] = {
        "headers": {},
        "hname": b"",
        "hvalue": b"",
        "out": None,
        "size": 0,
        "name": None,
        "filename": None,
        "path": None,
        "error": None,
    }

    def on_part_begin() -> None:
        state.update(headers={}, out=None, size=0, name=None, filename=None, path=None)
        state["parts"] = state.get("parts", 0) + 1
        if state["parts"] > max_files + MAX_TEXT_FIELDS and state["error"] is None:
            state["error"] = InputTooLarge(
                f"Quá nhiều phần trong yêu cầu (tối đa {max_files} tệp).",
                f"Too many parts in the request (limit {max_files} files).",
            )

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["hname"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["hvalue"] += data[start:end]

    def on_header_end() -> None:
        state["headers"][state["hname"].decode("latin-1").lower()] = state["hvalue"]
        state["hname"], state["hvalue"] = b"", b""

    def on_headers_finished() -> None:
        _disp, opts = parse_options_header(state["headers"].get("content-disposition", b""))
        name = opts.get(b"name", b"").decode("utf-8", "replace")
        raw_filename = opts.get(b"filename")
        state["name"] = name
        state["text"] = bytearray() if raw_filename is None else None
        if name == field and raw_filename is not None and len(files) >= max_files and state["error"] is None:
            state["error"] = InputTooLarge(
                f"Quá nhiều tệp trong một yêu cầu (tối đa {max_files}).",
                f"Too many files in one request (limit {max_files}).",
            )
        if name == field and raw_filename is not None and state["error"] is None:
            filename = safe_name(raw_filename.decode("utf-8", "replace"))
            fd, tmp = _mkstemp(dest, len(files))
            state.update(filename=filename, path=Path(tmp), out=os.fdopen(fd, "wb"))

    def on_part_data(data: bytes, start: int, end: int) -> None:
        out: IO[bytes] | None = state["out"]
        text: bytearray | None = state.get("text")
        if out is None and text is not None and len(text) < TEXT_FIELD_LIMIT:
            text.extend(data[start:end][: TEXT_FIELD_LIMIT - len(text)])
        if out is None or state["error"] is not None:
            return
        state["size"] += end - start
        if state["size"] > limit:
            state["error"] = InputTooLarge(
                f"Tệp {state['filename']} quá lớn (tối đa {limit} byte).",
                f"File {state['filename']} is too large (limit {limit} bytes).",
            )
            return
        out.write(data[start:end])

    def on_part_end() -> None:
        out: IO[bytes] | None = state["out"]
        text: bytearray | None = state.get("text")
        if out is None and text is not None and state["name"]:
            texts[state["name"]] = bytes(text).decode("utf-8", "replace")
        if out is None:
            return
        out.close()
        state["out"] = None
        if state["error"] is None:
            files.append(UploadedFile(state["filename"], state["path"], state["size"]))

    parser = MultipartParser(
        params[b"boundary"],
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_total:
                raise InputTooLarge(
                    f"Yêu cầu quá lớn (tối đa {max_total} byte).",
                    f"Request too large (limit {max_total} bytes).",
                )
            parser.write(chunk)
            if state["error"] is not None:
                raise state["error"]
        parser.finalize()
    except Exception as exc:
        if state["out"] is not None:
            state["out"].close()
        for f in dest.iterdir():
            f.unlink(missing_ok=True)
        if isinstance(exc, DigitizeError):
            raise
        raise BadInput(f"Dữ liệu multipart hỏng: {exc}", f"Malformed multipart body: {exc}") from exc
    if not files:
        raise MissingField(f"Không có tệp nào ở trường '{field}'.", f"No file in the '{field}' field.")
    return files, texts


def _mkstemp(dest: Path, n: int) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(prefix=f"{n:05d}-", dir=dest)
