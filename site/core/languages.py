"""The languages the public site is published in (issue 18): one list that the settings, the language
switcher, the forms and the emails all read, so a language is added in one place.

Each has its code (Django's and the URL prefix's), its English name, its name in its own script (what
the language switcher shows: a reader looks for their own language as they write it) and its direction.
British English is the default and its pages have no URL prefix.
"""

from dataclasses import dataclass

from django.conf.locale import LANG_INFO


def gettext_noop(message):
    """Marks a name for ``makemessages`` (which finds the call by name). Not Django's own: the settings
    import this module, and importing django.utils.translation there let ``manage.py check`` exit 0 under
    the production settings with a required variable missing (tests/recruitment_site/test_settings.py)."""
    return message


LTR = "ltr"
RTL = "rtl"


@dataclass(frozen=True)
class Language:
    code: str
    english_name: str
    name_local: str
    direction: str = LTR

    @property
    def bidi(self):
        return self.direction == RTL


DEFAULT_LANGUAGE_CODE = "en-gb"

# The English names are marked for the catalogues: the forms name each language in the reader's language
# too ("اردو – Urdu" on a Tamil page reads "اردو – உருது"), and Django has no Somali or Kurmanji names.
LANGUAGES = (
    Language("en-gb", gettext_noop("English"), "English"),
    Language("bn", gettext_noop("Bengali"), "বাংলা"),
    Language("ur", gettext_noop("Urdu"), "اردو", RTL),
    Language("so", gettext_noop("Somali"), "Soomaali"),
    Language("tr", gettext_noop("Turkish"), "Türkçe"),
    # Kurmanji (Northern Kurdish), written in the Latin script, is the Kurdish most widely spoken in the
    # Turkish and Syrian Kurdish communities the force serves; Sorani (ckb) would be a separate language.
    Language("ku", gettext_noop("Kurdish (Kurmanji)"), "Kurdî (Kurmancî)"),
    Language("ta", gettext_noop("Tamil"), "தமிழ்"),
    Language("pl", gettext_noop("Polish"), "Polski"),
)

BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)


def django_languages():
    """The LANGUAGES setting: (code, English name) pairs, the default first."""
    return [(language.code, language.english_name) for language in LANGUAGES]


def get_language(code):
    """The Language for a code (``ur``, ``en-gb``), falling back from a regional variant (``en``) to the
    default; never raises, so a stray Accept-Language or an old record still gets a language."""
    code = (code or "").lower()
    if code in BY_CODE:
        return BY_CODE[code]
    base = code.split("-")[0]
    for language in LANGUAGES:
        if language.code.split("-")[0] == base:
            return language
    return BY_CODE[DEFAULT_LANGUAGE_CODE]


def direction(code):
    return get_language(code).direction


def language_choices():
    """(code, own-script name) pairs for a form's "preferred language" field."""
    return [(language.code, language.name_local) for language in LANGUAGES]


def extend_django_language_info():
    """Django's LANG_INFO lacks Somali and Kurmanji; without an entry get_language_info() and
    {% get_language_info %} raise KeyError for them. Called when the app registry is ready (apps.py)."""
    for language in LANGUAGES:
        LANG_INFO.setdefault(
            language.code,
            {
                "bidi": language.bidi,
                "code": language.code,
                "name": language.english_name,
                "name_local": language.name_local,
            },
        )
