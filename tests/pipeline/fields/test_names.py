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
