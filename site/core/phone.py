"""Telephone numbers as the public forms accept them."""

import re

PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()\-]{7,24}")


def valid_phone(value):
    """A UK number (0 then 10 or 11 digits, or +44) or an international one (+ then 8 to 15 digits)."""
    if not PHONE_CHARACTERS.fullmatch(value):
        return False
    digits = re.sub(r"\D", "", value)
    if value.startswith("+"):
        return 8 <= len(digits) <= 15
    return digits.startswith("0") and len(digits) in (10, 11)
