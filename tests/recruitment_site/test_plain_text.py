"""Invisible characters out of names and free text (recruitment_site.core.text); the forms are tested in
tests/positive_action/test_invisible_characters.py and tests/ambassadors_network/test_signup.py."""

import pytest

from recruitment_site.core.text import plain_text

ZWJ, ZWNJ, RLO, PDF = "\u200d", "\u200c", "\u202e", "\u202c"
# Bengali "Lakshmi" with a ZWNJ after the virama (a visible hasant instead of the conjunct) and a Bengali
# word with a ZWJ after the virama (the half form): different spellings from the ones without.
BENGALI_ZWNJ = "\u09b2\u0995\u09cd" + ZWNJ + "\u09b7\u09cd\u09ae\u09c0"
BENGALI_ZWJ = "\u09b0\u09cd" + ZWJ + "\u09af\u09be\u09ac"
TAMIL_ZWJ = "\u0b95\u0bcd" + ZWJ + "\u0bb7"
URDU_ZWNJ = "\u0645\u06cc\u06ba" + ZWNJ + "\u0646\u06d2"  # a ZWNJ keeps the letters apart
FAMILY_EMOJI = "\U0001f469" + ZWJ + "\U0001f467"
POLICE_OFFICER_WOMAN = "\U0001f46e\U0001f3fd" + ZWJ + "\u2640\ufe0f"


@pytest.mark.parametrize(
    "typed", [BENGALI_ZWNJ, BENGALI_ZWJ, TAMIL_ZWJ, URDU_ZWNJ, FAMILY_EMOJI, POLICE_OFFICER_WOMAN]
)
def test_joiners_that_spell_a_word_or_an_emoji_survive(typed):
    assert plain_text(f"Rahman {typed}") == f"Rahman {typed}"


@pytest.mark.parametrize(
    "typed, plain",
    [
        (f"Amina {RLO}exe.txt{PDF}", "Amina exe.txt"),
        ("\u2066Kwame\u2069 \u200eMensah\u200f\u061c", "Kwame Mensah"),
        ("Fa\u200btima\u2060 Hassan\ufeff", "Fatima Hassan"),
        (f"{ZWJ}Amina{ZWNJ}", "Amina"),  # at the ends of the text
        (f"Ami{ZWJ}na O{ZWNJ}kafor", "Amina Okafor"),  # between Latin letters: needed by no name
        (f"\u09b0\u09cd{ZWJ}{ZWJ}{ZWNJ}\u09af", f"\u09b0\u09cd{ZWJ}\u09af"),  # doubled: one kept
        (f"\u09b0\u09cd{ZWJ} word", "\u09b0\u09cd word"),  # before a space
        ("null\x00byte\x07", "nullbyte"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ],
)
def test_controls_and_invisible_characters_go(typed, plain):
    assert plain_text(typed) == plain
