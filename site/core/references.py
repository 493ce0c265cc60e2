"""Short, human-readable, unguessable references such as ``PA-7KQ4M2`` (support) or ``CA-…`` (ambassadors).

The alphabet leaves out characters that are easily confused when read aloud or written down
(0/O, 1/I/L, 5/S, 8/B, U/V), so a reference given over the phone comes back right. Six characters
from 25 give about 240 million combinations: enough that references cannot be guessed in sequence,
and callers store them in a unique column and draw again on the rare collision.
"""

import re
import secrets

ALPHABET = "234679ACDEFGHJKMNPQRTWXYZ"
DEFAULT_LENGTH = 6


def new_reference(prefix, length=DEFAULT_LENGTH):
    """A fresh random reference, e.g. ``new_reference("PA")`` -> ``"PA-7KQ4M2"``."""
    return f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))


def unique_reference(prefix, is_taken, length=DEFAULT_LENGTH, attempts=10):
    """A reference for which ``is_taken(reference)`` is false (e.g. ``Model.objects.filter(...).exists``)."""
    for _ in range(attempts):
        reference = new_reference(prefix, length)
        if not is_taken(reference):
            return reference
    raise RuntimeError(f"No free {prefix} reference after {attempts} attempts; lengthen the references.")


def normalise_reference(text):
    """What a person typed (``pa 7kq4m2``) as a stored reference (``PA-7KQ4M2``), or "" if it cannot be one."""
    cleaned = re.sub(r"[\s-]", "", (text or "").upper())
    match = re.fullmatch(r"([A-Z]{2})([" + ALPHABET + r"]{4,12})", cleaned)
    return f"{match.group(1)}-{match.group(2)}" if match else ""
