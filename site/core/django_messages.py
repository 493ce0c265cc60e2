"""Django's own messages that the public forms, filters and dates can show, marked here so that
``makemessages`` copies them into the project catalogue (site/locale/).

Django's catalogue translates them for most of the site's languages but has no Somali (so) or Kurmanji
(ku) catalogue at all; without these entries a Somali or Kurmanji visitor would read English errors,
month names and weekdays. The project catalogue comes first (LOCALE_PATHS), so an entry left empty for
a language Django covers falls through to Django's translation.

Never imported: the strings are only for extraction. Each must stay character for character as Django
writes it (django/forms/fields.py, django/core/validators.py, django/utils/dates.py), or the entry is
never looked up; tests/recruitment_site/test_translations.py checks that they still match.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

FORM_MESSAGES = [
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a list of values."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Null characters are not allowed."),
]

LENGTH_MESSAGES = [
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
]

# Dates on events, campaigns and the month filter ("F" and "l" in the date formats).
MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

WEEKDAYS = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]
