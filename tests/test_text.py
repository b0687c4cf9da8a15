"""Vietnamese text helpers: NFC, folding."""

from __future__ import annotations

import unicodedata

from digitize.text import fold, nfc


def test_fold_drops_every_mark_and_d_bar() -> None:
    assert fold("Đà Nẵng") == "da nang"
    assert fold(unicodedata.normalize("NFD", "Quyết định")) == "quyet dinh"
    assert nfc(unicodedata.normalize("NFD", "Việt")) == "Việt"


def test_a_text_folded_again_is_not_worked_out_again() -> None:
    # a page's words are folded by each pass and reader: the same text is looked up, not decomposed again
    fold.cache_clear()
    assert fold("Thuế") == fold("Thuế") == "thue"
    info = fold.cache_info()
    assert (info.misses, info.hits) == (1, 1)
