"""glibc's allocator, behind one small module: keep freed page buffers for the next page.

A page goes through a dozen image buffers of one to thirty megabytes (decoded scan, grey ink image, upscaled
OCR image ...). glibc hands each buffer over 128 KiB out as a fresh ``mmap`` and unmaps it when freed, so
every page pays the kernel again for zeroed memory: ~2,300 page faults and ~18 ms of system time per phone
photo (measured on ``../shared/realdata``, 10 photos: 0.18 s → 0.08 s of system time). Raising the mmap
threshold and the trim threshold lets a worker process reuse its own freed memory instead.

The cost: a worker keeps up to ``TRIM_BYTES`` of freed memory mapped between pages (its peak, which the next
page of the same size needs anyway). Only on glibc (``mallopt``); elsewhere nothing changes.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache

M_TRIM_THRESHOLD = -1
M_TOP_PAD = -2
M_MMAP_THRESHOLD = -3

MMAP_BYTES = 64 << 20  # buffers smaller than this come from the heap (an A4 300 dpi RGB page is ~26 MB)
TRIM_BYTES = 256 << 20  # freed memory kept for reuse before it is given back to the system
TOP_PAD_BYTES = 16 << 20


@lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Tune this process's allocator once; True when glibc took the settings."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    ok = bool(mallopt(M_MMAP_THRESHOLD, MMAP_BYTES) == 1)
    ok = bool(mallopt(M_TRIM_THRESHOLD, TRIM_BYTES) == 1) and ok
    ok = bool(mallopt(M_TOP_PAD, TOP_PAD_BYTES) == 1) and ok
    return ok
