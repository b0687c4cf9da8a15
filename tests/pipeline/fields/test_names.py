"""names.well_formed: a name of Vietnamese syllables, or of words read surely that a name may hold."""

from __future__ import annotations

import pytest

from digitize.pipeline.fields.names import well_formed


@pytest.mark.parametrize(
    "words",
    [
        ["Nguyễn", "Văn", "An"],
        ["Y", "Ngông", "Niê", "Kdăm"],  # a Central Highlands name: "Kdăm" no Vietnamese syllable
        ["Thạch", "Thị", "Sa", "Rươne"],  # a Khmer name
        ["Ksor", "Văn", "Hùng"],
    ],
)
def test_names_read_surely_are_well_formed(words: list[str]) -> None:
    assert well_formed(words, [0.95] * len(words))


@pytest.mark.parametrize(
    "words",
    [
        ["Hồ", "Đc"],  # a seal's ring read into the name: no vowel (was taken at 0.90)
        ["Hồ", "Đứà"],  # two tone marks on one word: no orthography written in these letters has that
        ["Lê", "Mnh", "Tuấn"],
    ],
)
def test_words_no_name_holds_are_not_well_formed_however_surely_read(words: list[str]) -> None:
    assert not well_formed(words, [0.95] * len(words))


def test_an_unsure_non_syllable_is_not_well_formed() -> None:
    assert not well_formed(["Y", "Ngông", "Niê", "Kdăm"], [0.95, 0.95, 0.95, 0.5])


def test_two_vowels_of_other_letters_are_two_letters_where_they_make_a_syllable() -> None:
    # review of signerlost: "ư" then "u" folded alike, so "Hữú" was taken for one vowel read twice ("Hữ");
    # the second letter without its tone makes a syllable ("Hữu"): two letters, the second tone dropped
    from digitize.pipeline.fields.names import two_guessed, undoubled

    assert [undoubled(w) for w in ("Hữú", "Hữũ", "Cừù", "HỮÚ", "Lưu", "Hữu")] == [
        "Hữu",
        "Hữu",
        "Cừu",
        "HỮU",
        "Lưu",
        "Hữu",
    ]
    assert two_guessed("Hữú") == "Hữu" and two_guessed("Lưu") is None
    # other letters that make no syllable ("Nẵâm"): one vowel's two guesses, the first kept
    assert [undoubled(w) for w in ("Nẵẫm", "Lẫãm", "Uấẩn")] == ["Nẵm", "Lẫm", "Uấn"]
