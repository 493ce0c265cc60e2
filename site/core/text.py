"""Names and free text as people type them into the public forms, without the invisible characters that
make text look like something it is not.

``plain_text`` removes control characters, bidirectional controls (an RLO makes "Amina.exe" read
"Aminaexe." in the queue and a spreadsheet) and zero-width characters, with one exception: the zero-width
joiner and non-joiner (U+200D, U+200C) carry meaning between letters of the scripts that use them and
inside emoji, so they stay there.
"""

import re
import unicodedata

# C0 controls but tab, line feed and carriage return (free text keeps its lines), and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), the left-to-right, right-to-left and
# Arabic letter marks (U+200E, U+200F, U+061C); zero-width space, word joiner and byte-order mark
# (U+200B, U+2060, U+FEFF). None is needed to write a name or a message: the pages set the direction.
INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff]")
JOINERS = re.compile(r"[\u200c\u200d]+")
# Scripts whose spelling needs a joiner or non-joiner between letters: Arabic (Urdu and Persian write
# words with ZWNJ), Syriac, and the Indic scripts from Devanagari to Sinhala (Bengali, Gurmukhi,
# Gujarati, Tamil...: ZWJ and ZWNJ after a virama choose between a conjunct and a half form, so "ক্‍ষ"
# and "ক্ষ" are different spellings). Latin, Greek and Cyrillic names never need one.
JOINING_SCRIPTS = ((0x0600, 0x08FF), (0x0900, 0x0DFF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
EMOJI_PARTS = {"So", "Sk"}  # symbols and skin-tone modifiers, joined into one emoji by ZWJ
VARIATION_SELECTOR = "\ufe0f"


def joins(character):
    """Whether a joiner next to this character can mean something."""
    if character == VARIATION_SELECTOR or unicodedata.category(character) in EMOJI_PARTS:
        return True
    return any(low <= ord(character) <= high for low, high in JOINING_SCRIPTS)


def plain_text(value):
    """``value`` without control, bidirectional and zero-width characters; a ZWJ or ZWNJ stays (one of a
    run) only between two characters that join, so one at either end of a word, doubled, or between
    Latin letters goes."""
    text = INVISIBLE.sub("", CONTROL_CHARACTERS.sub("", value))

    def keep_between_joining(match):
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return match.group()[0] if before and after and joins(before) and joins(after) else ""

    return JOINERS.sub(keep_between_joining, text)
