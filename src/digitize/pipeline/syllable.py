"""Vietnamese syllables: tone apart from letters, so old and new tone placement (hoá/hóa, uỷ/ủy) compare
equal.

``key("Hoá")`` → ``"hoa1"``: the lower-case letters with their vowel marks (â ă ê ô ơ ư đ) and the tone as
a digit (0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng). ``skeleton`` drops every mark (đ → d): the letters
a tone or a vowel-mark confusion of the OCR cannot change.
"""

from __future__ import annotations

import re
import unicodedata

# Vietnamese family names (the most common, covering nearly everyone): a capitalised run of words starting
# with one is a person's name
_FAMILY = (
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh đoàn lâm mai "
    "trương cao hà lương tô tạ đào quách lưu chu kiều vương thái triệu hứa lại châu tăng phùng khúc âu "
    "văn đàm kim la lò mạc nông thân tôn tống từ vi hầu giáp khổng ninh quan tiêu lã lục doãn "
    # rarer ones, and those of the northern uplands' and the Mekong delta's peoples
    "bạch cầm diệp giang hàn kha khương lạc lường mẫn mông nghiêm nhữ ông phí quàng sầm thạch thào "
    "tòng ứng viên giàng sùng chảo bàn danh ngụy lữ lỗ chế bế vàng mùa lầu ksor siu nay"
)
FAMILY_NAMES = frozenset(_FAMILY.split())
# combining marks of the five tones, by digit
TONE_MARKS = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_D = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"\w+")


def split_tone(syllable: str) -> tuple[str, str]:
    """(lower-case letters with vowel marks, tone digit)."""
    tone = "0"
    kept: list[str] = []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        mark = TONE_MARKS.get(ch)
        if mark is None:
            kept.append(ch)
        else:
            tone = mark
    return unicodedata.normalize("NFC", "".join(kept)), tone


def key(syllable: str) -> str:
    base, tone = split_tone(syllable)
    return base + tone


def skeleton(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower().translate(_D))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold_placement(text: str) -> str:
    """Lower-case NFC text, single spaces, each syllable's tone placement normalised (to compare values)."""
    text = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return _WORD.sub(lambda m: key(m.group(0)), text)
