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


def dialable(value):
    """The number as a tel: or sms: link needs it: digits, with a leading + kept."""
    digits = re.sub(r"\D", "", value)
    return f"+{digits}" if value.strip().startswith("+") else digits


def international_digits(value, country_code="44"):
    """Digits in international form without the +, as wa.me links want them: a UK number written
    from 0 gets the country code instead of its leading 0."""
    digits = re.sub(r"\D", "", value)
    if value.strip().startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    return country_code + digits.removeprefix("0")
