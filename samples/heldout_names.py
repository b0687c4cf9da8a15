"""A held-out source of personal names for a tuning set: family, middle and given names on none of the
extractor's lists (``digitize.pipeline.fields.vocab``) nor, mostly, in any family's pools, so a set drawn
with them shows whether signer names hold when the rules have never seen the syllables (issue #17, session
39). NEVER add these syllables to the extractor's lists: the set would then measure nothing.

    with wide_names():
        write_family_set(out, 14, 601, "alt")      # every person's name drawn here

``python -m bench families`` draws them with ``BENCH_FAMILIES_NAMES=wide``. (Session 39's sets "wide 601–605"
were drawn by a scratch script whose given names also held seven listed ones: these seeds here make other
documents; count them as tuned on all the same.)
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from samples import varied
from samples.axes import Pools


def _nfc(words: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", w) for w in words.split())


# family names of the Kinh that the extractor's SURNAMES leave out (and a few given names used as such)
FAMILY = _nfc(
    "Bồ Đái Đậu Khuất Mang Ôn Tiết Ung Vưu Cung Đới Đống Khâu Lều Mã Nhan Tào Trang Thiều Phó Hoa Yên "
    "Văng Lan Giản"
)
MIDDLE = _nfc(
    "Khắc Viết Sỹ Hồng Gia Nhật Đăng Bảo Phước Hoài Cao Tất Huy Trung Vĩnh Hải Đắc Ngọc Quý Phú Lệ Diệu "
    "Mỹ Như"
)
GIVEN = _nfc(
    "Bổng Cừ Dinh Giảng Túc Phớc Khuyến Miên Nhơn Phẩm Quới Rạng Tạo Thiệu Ước Vẹn Xứng Điềm Đẳng Hãn Hựu "
    "Khâm Khoái Lãm Lẫm Mậu Nghiệp Cần Chỉnh Duệ Đạm Hách Hiểu Hoạch Khẩn Lãng Lượm Mến Nẫm Ngoạn "
    "Nguyện Nhuệ Oai Phiêu Quát Sảng Súy Tập Thỏa Thưởng Tiềm Toan Trác Uẩn Vững Xảo Yểng"
)


def wide_name(rng: random.Random, p: Pools) -> str:
    """A name: its family name a listed frequent one (60 %), a listed rarer one (15 %) or an unlisted one;
    its middle "Văn"/"Thị" (40 %) or another, a second middle name one time in five; its given name an
    unlisted one (60 %) or a listed one; ``p`` (the family's pools) is not drawn from."""
    from digitize.pipeline.fields.vocab import NAME_SYLLABLES, SURNAMES

    r = rng.random()
    family = (
        rng.choice(SURNAMES[:40])
        if r < 0.6
        else rng.choice(SURNAMES[40:])
        if r < 0.75
        else rng.choice(FAMILY)
    )
    middles = [rng.choice(("Văn", "Thị")) if rng.random() < 0.4 else rng.choice(MIDDLE)]
    if rng.random() < 0.2:
        middles.append(rng.choice(MIDDLE))
    given = rng.choice(GIVEN) if rng.random() < 0.6 else rng.choice(NAME_SYLLABLES)
    return " ".join([family, *middles, given])


@contextmanager
def wide_names() -> Iterator[None]:
    """Inside, every person the varied generator names (signer, holder, annex names) is a ``wide_name``."""
    saved = varied._name
    varied._name = wide_name
    try:
        yield
    finally:
        varied._name = saved
