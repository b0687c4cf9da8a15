"""Page images for the review page: a page of the searchable PDF (or of the original) as PNG, cached on disk.

The cache lives in ``DIGITIZE_HOME/cache/pages/<sha256 of the source>-<page>-<width>.png``: the source is
content-addressed, so a cached image never goes stale; writes are atomic (temp file + rename).
"""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from digitize.config import get_settings
from digitize.errors import DigitizeError, NotFound, PageNotDrawable
from digitize.store import db
from digitize.store.models import SEARCHABLE, Document, Variant
from digitize.store.objects import get_object_store

WIDTHS = (800, 1200, 1600)


def _source(document_id: str) -> tuple[str, str, str]:
    """(object key, sha256, media type) of the best file to draw: the searchable PDF, else the original."""
    with db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFound(f"Không có tài liệu {document_id}.", f"No document {document_id}.")
        v = s.scalar(
            select(Variant)
            .where(Variant.document_id == document_id, Variant.kind == SEARCHABLE)
            .order_by(Variant.id.desc())
            .limit(1)
        )
        if v is not None:
            return v.key, v.sha256, v.media_type
        return doc.original_key, doc.sha256, doc.media_type


def _draw(path: Path, media_type: str, index: int, width: int) -> bytes:
    if media_type == "application/pdf":
        from digitize.tools.pdf import page_infos, render_page

        infos = page_infos(path)
        if index >= len(infos):
            raise NotFound("Không có trang này.", "No such page.")
        info = infos[index]
        pts_width = info.height_pt if info.rotation % 180 == 90 else info.width_pt
        dpi = max(30.0, min(300.0, width / max(pts_width, 1.0) * 72 + 1))
        img = Image.fromarray(render_page(path, index, dpi))
    else:
        with Image.open(path) as src:
            frames = getattr(src, "n_frames", 1)
            if index >= frames:
                raise NotFound("Không có trang này.", "No such page.")
            src.seek(index)
            img = src.convert("RGB")
    if img.width != width and (img.width > width or width - img.width <= 8):
        img = img.resize((width, max(1, round(img.height * width / img.width))), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=3)
    return buf.getvalue()


def _draw_or_refuse(path: Path, media_type: str, index: int, width: int) -> bytes:
    """The page drawn, or a clear 422 when it cannot be (a decompression bomb, an image over the pixel
    limit, a file that does not decode): never a 500 for what an uploader sent."""
    limit = get_settings().max_image_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if media_type != "application/pdf":
                with Image.open(path) as probe:
                    w, h = probe.size
                if w * h > limit:
                    raise Image.DecompressionBombError(f"{w}x{h}")
            return _draw(path, media_type, index, width)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PageNotDrawable(
            f"Không dựng được ảnh trang: ảnh quá lớn (tối đa {limit} điểm ảnh, nghi là 'bom giải nén').",
            f"The page cannot be drawn: the image is too large (limit {limit} pixels, suspected "
            "decompression bomb).",
        ) from exc
    except DigitizeError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, RuntimeError) as exc:
        raise PageNotDrawable(
            "Không dựng được ảnh trang: tệp hỏng hoặc không đọc được.",
            "The page cannot be drawn: the file is corrupt or unreadable.",
        ) from exc


def page_png(document_id: str, index: int, width: int = 1200) -> Path:
    """The PNG of page ``index`` (0-based) of the document, drawn once and then served from the cache."""
    width = min(WIDTHS, key=lambda w: abs(w - width))
    key, sha, media_type = _source(document_id)
    cache = get_settings().home_dir / "cache" / "pages"
    target = cache / f"{sha}-{index}-{width}.png"
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    objects = get_object_store()
    suffix = ".pdf" if media_type == "application/pdf" else ""
    with objects.as_local_file(key, suffix=suffix) as local:
        data = _draw_or_refuse(local, media_type, index, width)
    fd, tmp = tempfile.mkstemp(prefix=".page-", dir=cache)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, target)
    return target
