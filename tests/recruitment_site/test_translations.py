"""The interface translations (site/locale/): every string the two public forms and their confirmation
pages can show has an entry in each language's compiled catalogue, the rendered forms show no English
interface text, and every catalogue compiles with its placeholders intact."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing, validators
from django.template import engines
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.test import RequestFactory
from django.utils import dates, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, trans_real

from ambassadors_network.forms import AmbassadorSignupForm
from ambassadors_network.signup import AmbassadorSignupFlow
from positive_action import submissions
from positive_action.forms import SupportRegistrationForm
from positive_action.registration import SupportRegistrationFlow
from recruitment_site.core import django_messages, languages
from recruitment_site.devtools.demo.ambassadors import ensure_programme_page
from recruitment_site.devtools.demo.support import ensure_registration_page

LOCALE_DIR = Path(settings.BASE_DIR) / "site" / "locale"
LANGUAGES = [language.code for language in languages.LANGUAGES if language.code != settings.LANGUAGE_CODE]

# The templates a person filling in either form, or reading its confirmation, sees strings from.
FORM_TEMPLATES = [
    "base.html",
    "pages/support_registration_page.html",
    "pages/support_registration_thanks.html",
    "pages/ambassador_programme_page.html",
    "pages/ambassador_signup_thanks.html",
    "components/forms/support_registration_fields.html",
    "components/forms/ambassador_signup_fields.html",
    "components/forms/error_summary.html",
    "components/forms/field.html",
    "components/forms/fieldset.html",
    "components/forms/spam_fields.html",
    "positive_action/email/confirmation.txt",
    "ambassadors_network/email/confirmation.txt",
]

# Answers that make every field of both forms produce each error it can: missing, malformed, unknown
# choices, too long, and a phone number missing when the person asked to be phoned.
TOO_LONG = "x" * 3001
BAD_ANSWERS = [
    {},
    {
        "name": "!!!",
        "email": "not-an-address",
        "phone": "phone me",
        "preferred_contact": "pigeon",
        "borough": "atlantis",
        "role_of_interest": "admiral",
        "application_progress": "unknown",
        "support_wanted": ["unknown"],
        "heard_about": "unknown",
        "access_needs": TOO_LONG,
        "equality_ethnicity": "unknown",
        "organisation": TOO_LONG,
        "community_role": "unknown",
        "boroughs": ["atlantis"],
        "communities": ["atlantis"],
        "other_communities": TOO_LONG,
        "languages": "!!!",
        "networks": ["unknown"],
        "time_commitment": "unknown",
        "motivation": TOO_LONG,
    },
    {"name": TOO_LONG, "email": f"{TOO_LONG}@example.org", "phone": TOO_LONG, "languages": TOO_LONG},
    {"preferred_contact": "phone", "phone": ""},
]


def english(message, params=None):
    """The message as written in the code (translation switched off), with its parameters filled in."""
    with translation.override(None):
        return str(message % params if params else message)


def in_language(language, message, params=None):
    with translation.override(language):
        return str(message % params if params else message)


def form_messages(form_class):
    """(message, params) for everything translatable a form can show: labels, hints, choice labels,
    the error messages of each field and its validators, and the errors the form's checks raise."""
    form = form_class()
    messages = []
    for field in form.fields.values():
        texts = [field.label, field.help_text, *field.error_messages.values()]
        texts += [label for _value, label in getattr(field, "choices", [])]
        texts += [getattr(validator, "message", None) for validator in field.validators]
        messages += [(text, None) for text in texts if isinstance(text, Promise)]
    for answers in BAD_ANSWERS:
        bound = form_class(answers)
        bound.is_valid()
        for errors in bound.errors.as_data().values():
            messages += [(error.message, error.params) for error in errors]
    return messages


def template_messages():
    """(context, singular, plural) of every {% translate %} and {% blocktranslate %} in FORM_TEMPLATES."""
    found = set()
    engine = engines["django"]
    for name in FORM_TEMPLATES:
        nodelist = engine.get_template(name).template.nodelist
        for node in nodelist.get_nodes_by_type(TranslateNode):
            context = node.message_context.var if node.message_context else None
            found.add((context, node.filter_expression.var.literal, None))
        for node in nodelist.get_nodes_by_type(BlockTranslateNode):
            context = node.message_context.var if node.message_context else None
            singular = node.render_token_list(node.singular)[0]
            plural = node.render_token_list(node.plural)[0] if node.plural else None
            found.add((context, singular, plural))
    return found


def catalogue_key(context, msgid):
    return f"{context}\x04{msgid}" if context else msgid


@pytest.fixture(scope="module")
def form_inventory(django_db_setup, django_db_blocker):
    # Read-only (the forms list the active boroughs): outside a test's transaction, so that it neither
    # loads nor leaves the shared demo content (tests/conftest.py).
    with django_db_blocker.unblock():
        messages = form_messages(SupportRegistrationForm) + form_messages(AmbassadorSignupForm)
    messages += [(submissions.HONEYPOT_MESSAGE, None), (submissions.OUTAGE_MESSAGE, None)]
    # The language question names each language in the reader's language as well as in its own.
    messages += [(gettext_lazy(language.english_name), None) for language in languages.LANGUAGES]
    messages += [
        (flow.confirmation_subject, {"reference": "PA-7KQ4M2"})
        for flow in (SupportRegistrationFlow, AmbassadorSignupFlow)
    ]
    return messages


# The forms read the boroughs: the mark makes sure the test database exists however the tests are chosen.
@pytest.mark.django_db
def test_the_inventory_covers_what_the_forms_show(form_inventory):
    """A guard on the test itself: the inventory holds messages from labels, choices, Django's own
    errors, the forms' own checks and the templates, so a broken walk cannot pass every language."""
    texts = {english(message, params) for message, params in form_inventory}
    assert {"Full name", "Prefer not to say", "Select from the list", "Mentoring"} <= texts
    assert "Enter a phone number, as you asked us to phone you" in texts
    assert {"Somali", "Kurdish (Kurmanji)"} <= texts
    assert any(text.startswith("Ensure this value has at most 150 characters") for text in texts)
    assert "Select a valid choice. pigeon is not one of the available choices." in texts
    msgids = {msgid for _context, msgid, _plural in template_messages()}
    assert {"There is a problem", "(optional)", "Registration received", "Send my application"} <= msgids


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_the_forms_can_show_is_translated(language, form_inventory):
    catalogue = trans_real.translation(language)._catalog
    untranslated = []
    for message, params in form_inventory:
        source = english(message, params)
        # A string may rightly read the same in another language ("Email" in Polish): then it must at
        # least be in the catalogue, so a translator decided so.
        if in_language(language, message, params) == source and (params or source not in catalogue):
            untranslated.append(source)
    for context, singular, plural in template_messages():
        key = catalogue_key(context, singular)
        if (key, 0 if plural else None) not in catalogue and key not in catalogue:
            untranslated.append(singular)
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {sorted(set(untranslated))}"


def rendered_text(response):
    response.render()
    document = BeautifulSoup(response.content, "html.parser")
    for hidden in document(["script", "style"]):
        hidden.decompose()
    return " ".join(document.get_text(" ").split())


def serve(page, language, method="get", data=None, query=""):
    request = getattr(RequestFactory(), method)(page.url + query, data or {})
    request.user = AnonymousUser()
    with translation.override(language):
        response = page.specific.serve(request)
        return rendered_text(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_forms_and_confirmations_show_no_english_interface_text(language, demo_site, form_inventory):
    """Both forms with every field in error, and both confirmation pages, drawn in the language. The
    demo pages' own content (title, introduction, privacy summary) is English until wagtail-localize
    translations exist, so only interface sentences of three words or more are looked for."""
    support_page = ensure_registration_page(demo_site)
    programme_page = ensure_programme_page(demo_site)
    texts = []
    for page, flow in ((support_page, SupportRegistrationFlow), (programme_page, AmbassadorSignupFlow)):
        texts.append(serve(page, language, "post", BAD_ANSWERS[1]))
        for held in (False, True):
            done = signing.dumps({"reference": "PA-7KQ4M2", "held": held}, salt=flow.done_salt)
            texts.append(serve(page, language, query=f"?done={done}"))
    shown = " ".join(texts)
    interface = {english(message, params) for message, params in form_inventory}
    interface |= {msgid for _context, msgid, _plural in template_messages() if "%(" not in msgid}
    english_left = sorted(text for text in interface if len(text.split()) >= 3 and text in shown)
    assert not english_left


def test_django_messages_copied_for_somali_and_kurmanji_are_still_djangos():
    """The copies in recruitment_site/core/django_messages.py are looked up by their exact text: one
    that Django has reworded would leave its Somali and Kurmanji translations unused."""
    djangos = {
        english(message)
        for message in [
            forms.Field.default_error_messages["required"],
            forms.ChoiceField.default_error_messages["invalid_choice"],
            forms.ModelChoiceField.default_error_messages["invalid_choice"],
            forms.MultipleChoiceField.default_error_messages["invalid_list"],
            validators.EmailValidator.message,
            validators.RegexValidator.message,
            validators.ProhibitNullCharactersValidator.message,
            *dates.MONTHS.values(),
            *dates.WEEKDAYS.values(),
        ]
    }
    copies = django_messages.FORM_MESSAGES + django_messages.MONTHS + django_messages.WEEKDAYS
    assert set(copies) <= djangos, set(copies) - djangos
    for limit in (1, 150):
        counts = {"limit_value": limit, "show_value": limit + 1}
        assert english(django_messages.LENGTH_MESSAGES[0], counts) == english(
            validators.MaxLengthValidator.message, counts
        )


def po_files():
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def test_there_is_a_catalogue_for_every_language():
    assert {path.parts[-3] for path in po_files()} == {"bn", "ur", "so", "tr", "ku", "ta", "pl"}


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{ *\w+ *\}\}")


@pytest.mark.parametrize("path", po_files(), ids=lambda path: path.parts[-3])
def test_catalogue_compiles_without_fuzzy_or_obsolete_entries_and_keeps_its_placeholders(path):
    if not shutil.which("msgfmt"):
        pytest.skip("GNU gettext's msgfmt is not installed (make install needs it: apt-get install gettext)")
    # --check verifies the header and, for python-format entries, that each translation has the
    # msgid's placeholders: the same check compilemessages makes when make install compiles.
    checked = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(path)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    text = path.read_text(encoding="utf-8")
    assert "\n#~ " not in text, "obsolete entries: run make messages (it drops them)"
    assert not re.search(r"^#, .*\bfuzzy\b", text, re.MULTILINE), "fuzzy entries are not used: review them"
    for msgid, translations in parsed_entries(text):
        for translated in translations:
            if translated:
                assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(msgid)), (
                    msgid,
                    translated,
                )


def parsed_entries(text):
    """(msgid, [msgstr...]) of each entry: msgfmt checks python-format entries only, and template
    strings without placeholders are not marked, so the comparison is made here for all."""
    for block in text.split("\n\n"):
        fields = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) "(.*)"$', line)
            if match:
                key = match[1]
                fields[key] = unquote(match[2])
            elif line.startswith('"') and key:
                fields[key] += unquote(line[1:-1])
        if fields.get("msgid"):
            yield fields["msgid"], [value for name, value in fields.items() if name.startswith("msgstr")]


def unquote(value):
    return re.sub(r"\\(.)", lambda match: {"n": "\n", "t": "\t"}.get(match[1], match[1]), value)
