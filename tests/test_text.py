"""Vietnamese text helpers: NFC, folding."""

from __future__ import annotations

import gc
import tracemalloc
import unicodedata

from digitize.text import _fold_short, fold, nfc


def test_fold_drops_every_mark_and_d_bar() -> None:
    assert fold("Đà Nẵng") == "da nang"
    assert fold(unicodedata.normalize("NFD", "Quyết định")) == "quyet dinh"
    assert nfc(unicodedata.normalize("NFD", "Việt")) == "Việt"


def test_a_text_folded_again_is_not_worked_out_again() -> None:
    # a page's words are folded by each pass and reader: the same text is looked up, not decomposed again
    _fold_short.cache_clear()
    assert fold("Thuế") == fold("Thuế") == "thue"
    info = _fold_short.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_a_long_text_folded_is_not_kept_once_its_caller_dropped_it() -> None:
    # the search index folds a document's whole body: a cache of those would hold other documents' text
    _fold_short.cache_clear()
    gc.collect()
    tracemalloc.start()
    try:
        for i in range(5):
            body = "Ủy ban nhân dân tỉnh Đà Nẵng. " * 33_000 + str(i)  # ~1 M characters
            assert fold(body).startswith("uy ban nhan dan tinh da nang.")
            del body
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < 2_000_000, f"{held / 1e6:.0f} MB held"
