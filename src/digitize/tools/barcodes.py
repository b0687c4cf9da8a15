"""zxing-cpp (PyPI ``zxing-cpp``): barcodes on page images. Probed once; ToolMissing when absent."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

import numpy as np

from digitize.errors import ToolMissing


@dataclass(frozen=True)
class Barcode:
    format: str  # "QRCode", "Code128" ...
    text: str
    x0: float  # bounding box in the image's pixels
    y0: float
    x1: float
    y1: float


@lru_cache(maxsize=1)
def _module() -> ModuleType:
    try:
        import zxingcpp
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ToolMissing(
            "Thiếu thư viện đọc mã vạch zxing-cpp", "The barcode reader zxing-cpp is not installed"
        ) from exc
    return zxingcpp


def version() -> str:
    mod = _module()
    return str(getattr(mod, "__version__", "unknown"))


def read(gray: np.ndarray) -> list[Barcode]:
    """Every barcode zxing-cpp finds on a grey (or RGB) uint8 image, any rotation."""
    mod = _module()
    img = np.ascontiguousarray(gray)
    found = []
    for r in mod.read_barcodes(img, try_rotate=True, try_downscale=True):
        pos = r.position
        xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
        ys = [pos.top_left.y, pos.top_right.y, pos.bottom_left.y, pos.bottom_right.y]
        found.append(Barcode(str(r.format).split(".")[-1], str(r.text), min(xs), min(ys), max(xs), max(ys)))
    return found
