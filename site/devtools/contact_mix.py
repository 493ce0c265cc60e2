"""Contact preferences for demo and synthetic records, in roughly the proportions the outreach expects:
most people write in English, a minority of each priority community in their own language, and those who
do often want an interpreter. A method that needs a number is chosen only for someone who gave one."""

from recruitment_site.core.contact import CALL_METHODS, CallbackTime, ContactMethod, Interpreter
from recruitment_site.core.languages import DEFAULT_LANGUAGE_CODE

LANGUAGE_WEIGHTS = {"en-gb": 60, "bn": 8, "ur": 8, "so": 6, "tr": 5, "ku": 4, "ta": 4, "pl": 5}
METHOD_WEIGHTS = {
    ContactMethod.EMAIL: 45,
    ContactMethod.PHONE: 25,
    ContactMethod.WHATSAPP: 20,
    ContactMethod.SMS: 10,
}
CALLBACK_WEIGHTS = {"": 20, **{time.value: 20 for time in CallbackTime}}
INTERPRETER_WEIGHTS = {
    # Someone who chose English rarely needs one; someone who chose another language often does.
    True: {Interpreter.NO.value: 70, "": 28, Interpreter.NOT_SURE.value: 2},
    False: {Interpreter.YES.value: 40, Interpreter.NOT_SURE.value: 20, Interpreter.NO.value: 30, "": 10},
}


def weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def contact_preferences(rng, has_phone, language=None):
    """The record fields for one person; ``language`` fixes the language they would like to be contacted
    in (an ambassador's first listed language, say)."""
    contact_language = language or weighted(rng, LANGUAGE_WEIGHTS)
    # A quarter of those who want another language still read the English pages to fill in the form.
    form_language = DEFAULT_LANGUAGE_CODE if rng.random() < 0.25 else contact_language
    method = weighted(rng, METHOD_WEIGHTS) if has_phone else ContactMethod.EMAIL
    return {
        "preferred_contact": method,
        "callback_time": weighted(rng, CALLBACK_WEIGHTS) if method in CALL_METHODS else "",
        "contact_language": contact_language,
        "interpreter": weighted(rng, INTERPRETER_WEIGHTS[contact_language == DEFAULT_LANGUAGE_CODE]),
        "language": form_language,
    }
