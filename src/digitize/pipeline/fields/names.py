"""Vietnamese personal names checked against Vietnamese naming: led by a family name, every word a valid
Vietnamese syllable (the ViNLP syllable inventory the OCR correction model carries), NFC."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from digitize.pipeline.confidence import SURE
from digitize.pipeline.syllable import FAMILY_NAMES, key
from digitize.text import fold, nfc


def _valid() -> frozenset[str]:
    from digitize.pipeline import correct

    try:
        return correct.load().valid
    except OSError:  # the model file is missing: no syllable check rather than none accepted
        return frozenset()


def is_syllable(token: str) -> bool:
    """True when ``token`` is a valid Vietnamese syllable ("Nguyễn", "Hoà"), False for "Mg", "Ngu)8ế"."""
    valid = _valid()
    return not valid or key(nfc(token)) in valid


def is_family_name(token: str) -> bool:
    return nfc(token).lower() in FAMILY_NAMES


# (0..1) a capitalised word read this surely is the name's, even if it is no Vietnamese syllable
SURE_WORD_CONF = SURE
# (0..1) a name's word the readings of its row voted (``signature.row_pass``): chosen among the words read
# (``signature.vote_name``), never sure (a name put together from votes is reviewed)
VOTED_CONF = 0.5


def well_formed(words: Sequence[str], confs: Sequence[float] = ()) -> bool:
    """Two to five words, each a valid syllable, or (``confs``: each word's OCR confidence 0..1) a word of
    letters read surely: the names of the peoples of the Central Highlands and the Khmer ("Y Ngông Niê
    Kdăm", "Thạch Thị Sa Rươne") have words Vietnamese has not, a seal's stroke through a word is doubted.
    Such a word has no capital after its first letter: "LêMinh" is two words read without their space."""
    if not 2 <= len(words) <= 5:
        return False
    sure = list(confs) + [0.0] * (len(words) - len(confs))
    # a word with two tone marks is no syllable, though the syllable key keeps only one ("Đứà" → "đưa")
    syllables = [
        (is_syllable(w) and _tones(w) <= 1) or (k == 0 and is_family_name(w)) for k, w in enumerate(words)
    ]
    # at least half of the words Vietnamese syllables: "Signature Valid", "Digitally Signed" (the e-signature
    # box under a printed name) are read surely but are no one's name
    if 2 * sum(syllables) < len(words):
        return False
    return all(
        ok or (c >= SURE_WORD_CONF and w.isalpha() and len(w) >= 2 and w[1:].islower() and _could_be_name(w))
        for w, c, ok in zip(words, sure, syllables, strict=False)
    )


_VOWELS = frozenset("aeiouy")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below


def _could_be_name(word: str) -> bool:
    """A word no Vietnamese syllable that may still be a name's: it has a vowel, and at most one tone mark.
    The names of the Central Highlands and Khmer peoples written in Vietnamese letters ("Kdăm", "Niê",
    "Rươne", "Ksor") have both; a seal's ring read into a name has not ("Hồ Đc" at 0.90, "Hồ Đứà": two
    tone marks on one word, which no orthography written so has)."""
    return _tones(word) <= 1 and any(ch in _VOWELS for ch in fold(word))


def _tones(word: str) -> int:
    return sum(ch in _TONE_MARKS for ch in unicodedata.normalize("NFD", word))


def undoubled(word: str) -> str:
    """A word Tesseract read with a vowel twice, each with other marks (its two guesses at them: "Nẵẫm",
    "Uấẩn", "Quyêệt"), with the first of the two only; other words as they are ("Boong"). Two vowels of
    other letters, not tones only ("ư" then "u", "ơ" then "o"), are two letters where the word with the second
    one's tone dropped is a Vietnamese syllable ("Hữú" → "Hữu", "Lưu" as it is, not "Hữ", "Lư"); where it is
    none ("Nẵâm"), one vowel read twice ("Nẵẫm" → "Nẵm")."""
    text = nfc(word)
    out: list[str] = []
    for k, ch in enumerate(text):
        if out and ch != out[-1] and fold(ch) == fold(out[-1]) and fold(ch) in "aeiouy":
            plain = _toneless(ch)
            if plain != _toneless(out[-1]) and _two_letters("".join(out) + plain + text[k + 1 :]):
                out.append(plain)
            continue
        out.append(ch)
    return "".join(out)


def _toneless(text: str) -> str:
    """``text`` with its tone marks dropped, its vowel marks and case kept ("Ữ" → "Ư")."""
    return nfc("".join(ch for ch in unicodedata.normalize("NFD", text) if ch not in _TONE_MARKS))


def _two_letters(word: str) -> bool:
    """``word`` (a doubled vowel's second letter kept without its tone) is a Vietnamese syllable with one tone
    mark at most; False where the syllable inventory is missing (no word known)."""
    return bool(_valid()) and _tones(word) <= 1 and is_syllable(word)


def two_guessed(word: str) -> str | None:
    """A word read with a vowel twice, each bearing a tone mark (``undoubled``: "Lẫãm", "Nẵẫm"): two tones
    in one word are no Vietnamese syllable, nor a foreign word's ("soóc" has one), so Tesseract's two
    guesses at one vowel: the word with its first guess; None for any other word."""
    once = undoubled(word)
    return once if once != nfc(word) and _tones(word) >= 2 and _tones(once) == 1 else None


def stroke_restored(name: str) -> str:
    """A person's name whose first word, read with a plain "D", is no family name but is one with the
    stroke of "Đ" ("Dàm Mạnh Phúc" → "Đàm Mạnh Phúc"): Tesseract loses the bar of "Đ" to a perspective
    photo's or a faint scan's thin strokes however sure it is of the letter (0.93), and of the family names
    the one with a plain "D" ("Doãn", "Dương", "Diệp") are listed as read. Otherwise the name as it is. A
    guess: the caller puts it in doubt. A name no word of which carries a Vietnamese mark ("DINH VAN HUNG":
    a foreign-registered firm's representative, a passport's transliteration) was written without marks,
    its "D" with them (REVIEW-41b F4)."""
    words = name.split()
    if len(words) < 2 or not words[0].startswith("D") or is_family_name(words[0]):
        return name
    if name.isascii():
        return name
    stroked = "Đ" + words[0][1:]
    return " ".join([stroked, *words[1:]]) if is_family_name(stroked) else name
